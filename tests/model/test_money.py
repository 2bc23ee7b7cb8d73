"""Money and quantities: Decimal amounts, never floats."""

from __future__ import annotations

from decimal import Decimal

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samarbejde import ModelError, Money, Quantity, SamarbejdeError, Unit
from samarbejde.model import currencies
from samarbejde.testing import assert_model_error


def test_money_is_in_danish_kroner_by_default() -> None:
    assert Money(Decimal("250000")) == Money(Decimal("250000"), "DKK")


def test_money_may_be_zero() -> None:
    assert Money(Decimal("0")).amount == 0


@pytest.mark.parametrize(
    "amount",
    [1.5, 100, "100", None, Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")],
)
def test_money_is_a_finite_decimal_never_a_float(amount: object) -> None:
    with pytest.raises(ModelError) as caught:
        Money(amount)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Money", "amount", amount)


def test_money_is_never_negative() -> None:
    with pytest.raises(ModelError) as caught:
        Money(Decimal("-0.01"))
    assert_model_error(caught.value, "Money", "amount", Decimal("-0.01"))


@pytest.mark.parametrize("currency", ["EUR", "SEK", "USD"])
def test_money_takes_other_iso_currencies(currency: str) -> None:
    assert Money(Decimal("1"), currency).currency == currency


@pytest.mark.parametrize("currency", ["dkk", "DK", "DKKR", "", "kr.", None, 208])
def test_money_needs_a_three_letter_iso_currency(currency: object) -> None:
    with pytest.raises(ModelError) as caught:
        Money(Decimal("1"), currency)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Money", "currency", currency)


def test_money_in_one_currency_adds_up() -> None:
    total = Money(Decimal("100.50")) + Money(Decimal("0.50"))
    assert total == Money(Decimal("101.00"), "DKK")


def test_adding_money_in_two_currencies_is_a_model_error() -> None:
    with pytest.raises(ModelError) as caught:
        Money(Decimal("1"), "DKK") + Money(Decimal("1"), "EUR")
    assert_model_error(caught.value, "Money", "currency", "EUR")
    assert isinstance(caught.value, SamarbejdeError)


def test_money_does_not_add_to_other_things() -> None:
    with pytest.raises(TypeError):
        Money(Decimal("1")) + Decimal("1")  # type: ignore[operator]


def test_a_quantity_counts_something_in_a_unit() -> None:
    quantity = Quantity(Decimal("25"), Unit.PLACES)
    assert (quantity.amount, quantity.unit) == (Decimal("25"), Unit.PLACES)


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-1")])
def test_a_quantity_is_greater_than_zero(amount: Decimal) -> None:
    with pytest.raises(ModelError) as caught:
        Quantity(amount, Unit.HOURS)
    assert_model_error(caught.value, "Quantity", "amount", amount)


@pytest.mark.parametrize("amount", [2.5, 3, Decimal("NaN")])
def test_a_quantity_is_a_finite_decimal(amount: object) -> None:
    with pytest.raises(ModelError) as caught:
        Quantity(amount, Unit.HOURS)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Quantity", "amount", amount)


@pytest.mark.parametrize("unit", ["hours", "places", None])
def test_a_quantity_unit_is_a_unit_member(unit: object) -> None:
    with pytest.raises(ModelError) as caught:
        Quantity(Decimal("1"), unit)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Quantity", "unit", unit)


@pytest.mark.parametrize("currency", ["XYZ", "DKR", "EUX", "AAA"])
def test_money_refuses_three_capital_letters_that_are_no_iso_4217_code(currency: str) -> None:
    with pytest.raises(ModelError) as caught:
        Money(Decimal("1"), currency)
    assert_model_error(caught.value, "Money", "currency", currency)
    assert "ISO 4217" in str(caught.value)


def test_a_near_miss_currency_gets_a_suggestion() -> None:
    with pytest.raises(ModelError, match=r"did you mean .*'EUR'"):
        Money(Decimal("1"), "EUT")


def test_the_currencies_are_the_iso_4217_list_pycountry_ships() -> None:
    assert currencies() == {c.alpha_3 for c in pycountry.currencies}
    assert {"DKK", "EUR", "SEK", "NOK", "ISK", "USD"} <= currencies()
    assert "XYZ" not in currencies()


@given(st.sampled_from(sorted(currencies())))
def test_money_takes_every_iso_4217_code(currency: str) -> None:
    assert Money(Decimal("1"), currency).currency == currency
