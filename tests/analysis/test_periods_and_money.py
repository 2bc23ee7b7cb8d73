"""Continuity across plan periods, and funding by year and by period (D91, D93)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
from hypothesis import given
from tests.model.test_periods import KOEGE
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Funding, FundingKind, Money, Portfolio, Term
from samarbejde import strategies as sst
from samarbejde.analysis import continuity, funding_by_year, funding_ends, period_continuity
from samarbejde.testing import strategic, synthetic_portfolio

D = pendulum.Date


def test_koege_is_one_partnership_with_three_periods_and_no_gap() -> None:
    steps = continuity(attrs.evolve(strategic(), periods=KOEGE))
    assert [s.number for s in steps] == [1, 2, 3]
    assert [s.gap_days for s in steps] == [None, 0, 0]
    assert steps[2].themes_new == ("Beskæftigelse",)
    assert steps[2].themes_dropped == ("Tryghed og trivsel", "Kriminalpræventiv indsats")


def test_a_gap_between_periods_is_counted_in_days() -> None:
    later = attrs.evolve(KOEGE[1], term=Term(D(2017, 9, 11), D(2021, 8, 31)))
    steps = continuity(attrs.evolve(strategic(), periods=(KOEGE[0], later)))
    assert steps[1].gap_days == 10


def test_period_continuity_sees_the_periods_known_on_the_day() -> None:
    portfolio = synthetic_portfolio(60)
    every = period_continuity(portfolio, as_of=D(2040, 1, 1))
    assert len(every) == sum(len(p.periods) for p in portfolio.partnerships)


def _yearly(*changes: object) -> Portfolio:
    grant = Funding.yearly(
        "f-lbf",
        "fond",
        Money(Decimal(1_500_000)),
        Term(D(2021, 1, 1), D(2024, 12, 31)),
        FundingKind.NATIONAL_POOL,
    )
    partnership = attrs.evolve(strategic(), funding=(grant,))
    return Portfolio(partnerships=(partnership,))


def test_a_yearly_grant_gives_its_amount_in_each_year() -> None:
    years = funding_by_year(_yearly(), as_of=D(2021, 6, 1))
    assert [(y.year, y.amount) for y in years] == [
        (y, Decimal(1_500_000)) for y in range(2021, 2025)
    ]


@WHOLE_PORTFOLIOS
@given(sst.portfolios())
def test_the_years_add_up_to_the_funding_that_can_be_placed(portfolio: Portfolio) -> None:
    day = D(2100, 1, 1)
    seen = portfolio.as_of(day) if portfolio.partnerships else portfolio
    expected: dict[tuple[str, str], Decimal] = {}
    for p in seen.partnerships:
        for f in p.funding:
            placed = f.amount_in(f.term)  # None: cannot be placed (open-ended, unknown)
            if placed is not None:
                key = (p.id, f.amount.currency)
                expected[key] = expected.get(key, Decimal(0)) + placed
    got: dict[tuple[str, str], Decimal] = {}
    for y in funding_by_year(portfolio, as_of=day):
        got[(y.partnership, y.currency)] = (
            got.get((y.partnership, y.currency), Decimal(0)) + y.amount
        )
    assert got.keys() <= expected.keys()
    for key, amount in got.items():
        assert abs(amount - expected[key]) < Decimal("0.0001")


def test_money_that_stops_with_its_last_period_is_a_cliff_there() -> None:
    """The term runs to 2025, but the periods (the money) end with 2023."""
    periods = Funding.yearly(
        "f",
        "fond",
        Money(Decimal(100)),
        Term(D(2021, 1, 1), D(2023, 12, 31)),
        FundingKind.FOUNDATION_GRANT,
    ).periods
    grant = Funding(
        "f-fond",
        "fond",
        Money(Decimal(300)),
        Term(D(2021, 1, 1), D(2025, 12, 31)),
        FundingKind.FOUNDATION_GRANT,
        periods=periods,
    )
    partnership = attrs.evolve(strategic(), funding=(grant,))
    (end,) = funding_ends(Portfolio(partnerships=(partnership,)), as_of=D(2022, 1, 1))
    assert end.on == D(2023, 12, 31)
