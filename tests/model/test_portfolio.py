"""Portfolios: organisations, areas and partnerships loaded together, looked up by id."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest
from hypothesis import given
from tests.opdrift import portfolio as opdrift

from samarbejde import Area, ModelError, Organisation, Portfolio, Sector, dumps
from samarbejde.strategies import portfolios
from samarbejde.testing import assert_model_error, project


def test_a_portfolio_looks_records_up_by_id() -> None:
    kommune = Organisation("kommune", "Kommune", Sector.MUNICIPALITY)
    area = Area("ornereden", "Ørnereden", "561")
    partnership = project()
    portfolio = Portfolio((kommune,), (area,), (partnership,))
    assert portfolio.organisation("kommune") is kommune
    assert portfolio.area("ornereden") is area
    assert portfolio.partnership("p-1") is partnership
    for lookup in (portfolio.organisation, portfolio.area, portfolio.partnership):
        with pytest.raises(KeyError):
            lookup("ukendt")


def test_an_empty_portfolio_is_valid() -> None:
    assert Portfolio() == Portfolio((), (), ())


def test_duplicate_ids_are_left_to_the_rules_and_the_first_one_is_found() -> None:
    first = Organisation("kommune", "Første", Sector.MUNICIPALITY)
    second = Organisation("kommune", "Anden", Sector.MUNICIPALITY)
    portfolio = Portfolio(organisations=(first, second))
    assert portfolio.organisation("kommune") is first
    assert portfolio.organisations == (first, second)


@pytest.mark.parametrize(
    ("field", "value", "offending"),
    [
        ("organisations", [Organisation("o", "O", Sector.OTHER)], None),
        ("areas", ("ornereden",), "ornereden"),
        ("partnerships", (project().lifecycle,), project().lifecycle),
    ],
)
def test_a_portfolio_holds_tuples_of_its_records(
    field: str, value: object, offending: object
) -> None:
    with pytest.raises(ModelError) as caught:
        Portfolio(**{field: value})  # type: ignore[arg-type]
    assert_model_error(caught.value, "Portfolio", field, value if offending is None else offending)


def test_portfolios_compare_by_content_and_evolve_with_fresh_lookups() -> None:
    one = Portfolio(partnerships=(project(),))
    assert one == Portfolio(partnerships=(project(),))
    renamed = attrs.evolve(one, partnerships=(project(id="p-2"),))
    assert renamed.partnership("p-2").id == "p-2"
    with pytest.raises(KeyError):
        renamed.partnership("p-1")


def test_a_portfolio_survives_pickling_and_copying_with_working_lookups() -> None:
    example = opdrift()
    for clone in (
        pickle.loads(pickle.dumps(example)),
        copy.deepcopy(example),
        copy.copy(example),
    ):
        assert clone == example
        assert clone.partnership("opdrift") == example.partnership("opdrift")
        assert clone.organisation("ringkaeden").name == "Ringkæden"
        assert clone.area("ornereden") == example.area("ornereden")


def test_portfolios_with_the_same_content_hash_alike() -> None:
    assert hash(opdrift()) == hash(pickle.loads(pickle.dumps(opdrift())))


@given(portfolios())
def test_pickling_and_copying_keep_every_value_as_written(portfolio: Portfolio) -> None:
    # Equality alone would not see it: pendulum's Duration pickles as the timedelta it
    # extends, so P2Y1M came back as 760 days, equal as a length but no longer two years
    # and a month. The document writes each value as it is.
    written = dumps(portfolio, "json")
    for clone in (
        pickle.loads(pickle.dumps(portfolio)),
        copy.copy(portfolio),
        copy.deepcopy(portfolio),
    ):
        assert dumps(clone, "json") == written
