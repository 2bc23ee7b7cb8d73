"""Plan periods: one partnership across its funding periods (D93)."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given

from samarbejde import ModelError, PlanPeriod, Term
from samarbejde import strategies as sst
from samarbejde.testing import strategic

D = pendulum.Date
KOEGE = (
    PlanPeriod("hp-2013", Term(D(2013, 5, 1), D(2017, 8, 31)), name="helhedsplan 2013-2017"),
    PlanPeriod(
        "hp-2017",
        Term(D(2017, 9, 1), D(2021, 8, 31)),
        name="helhedsplan 2017-2021",
        themes=("Tryghed og trivsel", "Kriminalpræventiv indsats"),
    ),
    PlanPeriod(
        "hp-2021",
        Term(D(2021, 9, 1), D(2025, 8, 31)),
        name="helhedsplan 2021-2025",
        themes=("Beskæftigelse",),
    ),
)


def test_periods_planned_out_of_order_are_kept_in_order_of_their_start() -> None:
    partnership = strategic()
    for period in reversed(KOEGE):
        partnership = partnership.plan_period(period, on=D(2021, 6, 1))
    assert [p.id for p in partnership.periods] == ["hp-2013", "hp-2017", "hp-2021"]
    assert all(p.decided_on == D(2021, 6, 1) for p in partnership.periods)


def test_a_period_that_overlaps_another_is_refused() -> None:
    partnership = strategic().plan_period(KOEGE[1], on=D(2021, 6, 1))
    overlapping = PlanPeriod("hp-x", Term(D(2021, 1, 1), D(2022, 12, 31)))
    with pytest.raises(ModelError, match="before period hp-2017 has ended"):
        partnership.plan_period(overlapping, on=D(2021, 6, 1))


def test_a_period_planned_later_is_not_yet_known() -> None:
    partnership = strategic().plan_period(KOEGE[2], on=D(2021, 6, 1))
    assert partnership.as_of(D(2021, 5, 31)).periods == ()
    assert partnership.as_of(D(2021, 6, 1)).periods == partnership.periods


def test_a_replacement_dated_before_the_period_it_replaces_is_refused() -> None:
    partnership = strategic().plan_period(KOEGE[2], on=D(2021, 6, 1))
    with pytest.raises(ModelError, match="before the version it replaces"):
        partnership.plan_period(KOEGE[2], on=D(2021, 5, 1))


@given(sst.partnerships())
def test_drawn_periods_follow_each_other(partnership) -> None:  # type: ignore[no-untyped-def]
    for before, after in zip(partnership.periods, partnership.periods[1:], strict=False):
        assert before.term.end is not None
        assert before.term.end < after.term.start
