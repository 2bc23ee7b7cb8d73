"""Budget periods: a term cut into (financial) years, its amount shared over them exactly."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from samarbejde import strategies as sst
from samarbejde.interop._budget_periods import share, sum_exactly, year_periods

DAYS = sst.dates(pendulum.Date(1990, 1, 1), pendulum.Date(2090, 12, 31))


@given(DAYS, DAYS, st.integers(1, 12))
def test_periods_cover_the_term_without_gap_or_overlap_each_within_a_year(
    a: pendulum.Date, b: pendulum.Date, first_month: int
) -> None:
    start, end = min(a, b), max(a, b)
    periods = list(year_periods(start, end, first_month=first_month))
    assert periods[0][0] == start
    assert periods[-1][1] == end
    for (_, last), (first, _) in itertools.pairwise(periods):
        assert first == last.add(days=1)
        assert (first.month, first.day) == (first_month, 1)
    assert all(s <= e and (e - s).days <= 365 for s, e in periods)


@given(
    DAYS,
    DAYS,
    st.decimals(min_value=0, max_value=Decimal("1e40"), places=2, allow_nan=False),
)
def test_shares_sum_to_the_amount_exactly(
    a: pendulum.Date, b: pendulum.Date, amount: Decimal
) -> None:
    periods = list(year_periods(min(a, b), max(a, b)))
    shares = share(amount, periods)
    assert len(shares) == len(periods)
    assert sum_exactly(shares) == amount
    assert all(s >= 0 for s in shares)
