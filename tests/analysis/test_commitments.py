from __future__ import annotations

from collections import Counter

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.analysis.generated import FINAL
from tests.analysis.portfolios import AS_OF, PROJECT_END, D, neighbourhood
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import CommitmentStatus
from samarbejde import strategies as sst
from samarbejde.analysis import overdue_commitments, status_over_time

#: One partnership rich in commitments, drawn by the library's own strategies.
ONE_PARTNERSHIP = st.one_of(
    sst.portfolios(partnerships=(1, 1), commitments=(1, 8), final_states=False),
    sst.portfolios(partnerships=(1, 1), commitments=(0, 8)),
)


def test_overdue_commitments_are_the_open_ones_whose_term_has_ended() -> None:
    overdue = overdue_commitments(neighbourhood(), as_of=AS_OF)
    assert [(o.partnership, o.commitment) for o in overdue] == [
        ("projektet", "p-data"),
        ("projektet", "p-open"),
    ]
    data = overdue[0]
    assert data.status is CommitmentStatus.PLEDGED
    assert not data.binding
    assert data.due == PROJECT_END
    assert data.days_overdue == (AS_OF - PROJECT_END).in_days()
    assert overdue[1].binding


def test_a_commitment_fulfilled_after_the_date_asked_about_is_still_overdue_then() -> None:
    overdue = overdue_commitments(neighbourhood(), as_of=D(2023, 1, 10))
    assert "p-done" in {o.commitment for o in overdue}


def test_nothing_is_overdue_before_any_term_ends() -> None:
    assert overdue_commitments(neighbourhood(), as_of=D(2022, 12, 31)) == ()


@WHOLE_PORTFOLIOS
@given(ONE_PARTNERSHIP, sst.dates(sst.DEFAULT_START, sst.DEFAULT_END))
def test_every_overdue_commitment_has_an_ended_term_and_no_final_status(portfolio, day) -> None:
    overdue = overdue_commitments(portfolio, as_of=day)
    (partnership,) = portfolio.partnerships
    for item in overdue:
        original = partnership.commitment(item.commitment)
        assert original.term.end is not None
        assert original.term.end < day
        assert original.status_on(day) not in FINAL
        assert original.status_on(day) is item.status
        assert item.days_overdue >= 1
    expected = {
        c.id
        for c in partnership.commitments
        if c.made_on <= day
        and c.term.end is not None
        and c.term.end < day
        and c.status_on(day) not in FINAL
    }
    assert {o.commitment for o in overdue} == expected
    assert [o.days_overdue for o in overdue] == sorted(
        (o.days_overdue for o in overdue), reverse=True
    )


@WHOLE_PORTFOLIOS
@given(ONE_PARTNERSHIP, sst.dates(sst.DEFAULT_START, sst.DEFAULT_END))
def test_status_counts_on_each_day_match_each_commitments_status_that_day(portfolio, day) -> None:
    snapshots = status_over_time(portfolio, as_of=day)
    commitments = portfolio.partnerships[0].commitments
    if not any(c.made_on <= day for c in commitments):
        assert snapshots == ()
        return
    assert snapshots[-1].on == day
    for snapshot in snapshots:
        expected = Counter(c.status_on(snapshot.on) for c in commitments)
        expected.pop(None, None)
        assert dict(snapshot.counts) == {s: expected.get(s, 0) for s in CommitmentStatus}
        assert snapshot.total == sum(expected.values())
        assert snapshot.open == sum(n for s, n in expected.items() if s not in FINAL)


def test_status_snapshots_step_by_the_duration_given() -> None:
    snapshots = status_over_time(
        neighbourhood(), as_of=D(2020, 1, 1), every=pendulum.duration(months=6)
    )
    assert [s.on for s in snapshots] == [D(2019, 1, 1), D(2019, 7, 1), D(2020, 1, 1)]
    assert snapshots[0].count(CommitmentStatus.AGREED) == 2


def test_a_step_that_does_not_move_forward_is_refused() -> None:
    with pytest.raises(ValueError, match="every must move forward"):
        status_over_time(neighbourhood(), as_of=AS_OF, every=pendulum.duration(days=0))
