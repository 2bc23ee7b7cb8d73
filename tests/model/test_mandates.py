"""Mandates: authority delegated to a member's representative."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import Mandate, MandateLevel, ModelError, Money, Power, Term
from samarbejde.testing import assert_model_error, mandate


def test_a_mandate_names_level_powers_term_and_granting_body() -> None:
    held = mandate(
        "m-kommune",
        level=MandateLevel.TACTICAL,
        powers=frozenset({Power.COMMIT_FUNDS, Power.SHARE_DATA}),
        ceiling=Money(Decimal("500000")),
        granted_by="Byrådet",
    )
    assert held == Mandate(
        "m-kommune",
        MandateLevel.TACTICAL,
        frozenset({Power.SHARE_DATA, Power.COMMIT_FUNDS}),
        Term(D(2020, 1, 1)),
        "Byrådet",
        ceiling=Money(Decimal("500000")),
    )


def test_a_mandate_may_hold_no_powers() -> None:
    assert mandate(powers=frozenset()).powers == frozenset()


@pytest.mark.parametrize(
    "powers",
    [
        {Power.COMMIT_STAFF},
        (Power.COMMIT_STAFF,),
        frozenset({"commit_staff"}),
        None,
    ],
)
def test_powers_are_a_frozenset_of_power_members(powers: object) -> None:
    with pytest.raises(ModelError) as caught:
        mandate(powers=powers)
    assert_model_error(caught.value, "Mandate", "powers", powers)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "M 1"),
        ("level", "strategic"),
        ("term", D(2020, 1, 1)),
        ("granted_by", ""),
        ("ceiling", Decimal("100")),
        ("revoked", "2021-01-01"),
    ],
)
def test_a_mandate_refuses_bad_fields(field: str, value: object) -> None:
    with pytest.raises(ModelError) as caught:
        mandate(**{field: value})
    assert_model_error(caught.value, "Mandate", field, value)


def test_a_mandate_may_be_revoked_on_its_first_day() -> None:
    assert mandate(revoked=D(2020, 1, 1)).revoked == D(2020, 1, 1)


def test_a_mandate_cannot_be_revoked_before_its_term_starts() -> None:
    with pytest.raises(ModelError) as caught:
        mandate(revoked=D(2019, 12, 31))
    assert_model_error(caught.value, "Mandate", "revoked", D(2019, 12, 31))


@pytest.mark.parametrize(
    ("day", "in_force"),
    [
        (D(2019, 12, 31), False),
        (D(2020, 1, 1), True),
        (D(2020, 12, 31), True),
        (D(2021, 1, 1), True),
        (D(2021, 1, 2), False),
    ],
)
def test_a_mandate_is_in_force_inside_its_term_until_the_day_it_is_revoked(
    day: object, in_force: bool
) -> None:
    held = mandate(term=Term(D(2020, 1, 1), D(2021, 1, 1)))
    assert held.in_force(day) is in_force  # type: ignore[arg-type]
    revoked = mandate(revoked=D(2021, 1, 1))
    assert revoked.in_force(day) is (in_force and day != D(2021, 1, 1))  # type: ignore[arg-type]


def test_a_mandate_as_of_a_day_does_not_know_a_later_revocation() -> None:
    revoked = mandate(revoked=D(2021, 1, 1))
    assert revoked.as_of(D(2020, 12, 31)) == mandate()
    assert revoked.as_of(D(2021, 1, 1)) is revoked
    assert mandate().as_of(D(2020, 12, 31)) == mandate()
    assert revoked.revoked == D(2021, 1, 1)
