"""The building-block strategies draw values the model accepts, inside their bounds."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pendulum
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum.dk import cvr

from samarbejde import (
    GovernanceBody,
    GovernanceKind,
    Identifiers,
    PhaseChange,
    ProjectPhase,
    StrategicPhase,
    municipalities,
)
from samarbejde.model.terms import FIRST_DAY, LAST_DAY, add_duration
from samarbejde.strategies import (
    DEFAULT_END,
    amounts,
    cvr_numbers,
    dates,
    durations,
    ids,
    kommunekoder,
    phase_changes,
    strategic_lifecycles,
    terms,
    texts,
)
from samarbejde.strategies._values import complete_cvr

D = pendulum.Date


@given(ids())
def test_ids_match_the_id_syntax(value: str) -> None:
    assert re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", value)


@given(texts())
def test_texts_are_never_blank(value: str) -> None:
    assert value.strip()


@given(cvr_numbers())
def test_cvr_numbers_have_eight_digits_a_valid_checksum_and_no_leading_zero(value: str) -> None:
    assert re.fullmatch(r"[1-9][0-9]{7}", value)
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    assert sum(w * int(d) for w, d in zip(weights, value, strict=True)) % 11 == 0
    assert cvr.is_valid(value)
    assert Identifiers(cvr=value).cvr == value


def test_a_head_whose_check_digit_would_be_ten_is_moved_to_a_valid_number() -> None:
    weights = (2, 7, 6, 5, 4, 3, 2)
    heads = [
        h
        for h in range(1_000_000, 1_000_400)
        if -sum(w * int(d) for w, d in zip(weights, str(h), strict=True)) % 11 == 10
    ]
    assert heads
    for head in heads:
        number = complete_cvr(head)
        assert cvr.is_valid(number)
        assert number[:6] == str(head)[:6]


def test_a_head_ending_in_nine_wraps_to_zero() -> None:
    weights = (2, 7, 6, 5, 4, 3, 2)
    head = next(
        h
        for h in range(1_000_009, 9_999_999, 10)
        if -sum(w * int(d) for w, d in zip(weights, str(h), strict=True)) % 11 == 10
    )
    number = complete_cvr(head)
    assert number[6] == "0"
    assert cvr.is_valid(number)


@given(kommunekoder())
def test_kommunekoder_are_danish_municipalities(code: str) -> None:
    assert code in municipalities()


@given(st.data())
def test_dates_stay_inside_their_window(data: st.DataObject) -> None:
    start = data.draw(dates())
    end = data.draw(dates(start))
    day = data.draw(dates(start, end))
    assert isinstance(day, pendulum.Date)
    assert not isinstance(day, pendulum.DateTime)
    assert start <= day <= end


def test_a_reversed_date_window_is_refused() -> None:
    with pytest.raises(InvalidArgument, match="before start"):
        dates(D(2021, 1, 2), D(2021, 1, 1))


@given(st.data())
def test_terms_lie_inside_their_window(data: st.DataObject) -> None:
    open_ended = data.draw(st.sampled_from([None, True, False]))
    term = data.draw(terms(D(2020, 1, 1), D(2022, 12, 31), open_ended=open_ended))
    assert D(2020, 1, 1) <= term.start
    if open_ended is not None:
        assert term.open_ended is open_ended
    assert term.end is None or term.end <= D(2022, 12, 31)


@given(durations(min_months=3, max_months=30))
def test_durations_are_whole_months_within_bounds(duration: pendulum.Duration) -> None:
    months = duration.years * 12 + duration.months
    assert 3 <= months <= 30
    assert duration.remaining_days == 0


@pytest.mark.parametrize(("low", "high"), [(0, 5), (4, 3)])
def test_durations_refuse_empty_or_zero_bounds(low: int, high: int) -> None:
    with pytest.raises(InvalidArgument):
        durations(min_months=low, max_months=high)


@given(durations(max_months=30, any_part=True))
def test_durations_of_any_part_are_positive_model_durations(duration: pendulum.Duration) -> None:
    assert duration.years * 12 + duration.months <= 30
    assert duration.years or duration.months or duration.total_seconds() > 0
    assert duration.remaining_days + 7 * duration.weeks <= 62
    assert (
        GovernanceBody("board", GovernanceKind.BOARD, meets_every=duration).meets_every == duration
    )


@pytest.mark.parametrize(
    "wanted",
    [
        lambda d: d.years == d.months == d.remaining_days == 0 and d.weeks > 0,
        lambda d: d.years == d.months == d.days == 0 and d.hours > 0,
        lambda d: d.years > 0 and d.months > 0 and d.microseconds > 0,
    ],
    ids=["weeks only", "hours only", "years to microseconds"],
)
def test_durations_of_any_part_reach_weeks_hours_and_every_part(
    wanted: Callable[[pendulum.Duration], bool],
) -> None:
    found = find(durations(any_part=True), wanted, settings=settings(max_examples=2000))
    assert wanted(found)


def test_durations_of_any_part_refuse_negative_months() -> None:
    with pytest.raises(InvalidArgument):
        durations(min_months=-1, any_part=True)


@given(amounts(min_value=2, max_value=7, places=1))
def test_amounts_respect_bounds_and_places(value: object) -> None:
    assert isinstance(value, Decimal)
    assert Decimal(2) <= value <= Decimal(7)
    assert value == value.quantize(Decimal("0.1"))


@given(phase_changes(ProjectPhase))
def test_phase_changes_of_one_kind_carry_that_kind(change: PhaseChange[ProjectPhase]) -> None:
    assert isinstance(change.phase, ProjectPhase)


@given(phase_changes())
def test_phase_changes_without_a_kind_draw_either(
    change: PhaseChange[ProjectPhase] | PhaseChange[StrategicPhase],
) -> None:
    assert isinstance(change.phase, ProjectPhase | StrategicPhase)


def test_dates_over_the_whole_calendar_reach_year_9999() -> None:
    assert find(dates(FIRST_DAY, LAST_DAY), lambda d: d.year == 9999).year == 9999
    assert find(dates(FIRST_DAY, LAST_DAY), lambda d: True) == FIRST_DAY


def test_huge_durations_leave_the_calendar() -> None:
    long = find(durations(huge=True), lambda d: d.years >= 8000)
    assert add_duration(DEFAULT_END, long) == LAST_DAY


def test_generated_strategic_horizons_sometimes_leave_the_calendar() -> None:
    found = find(strategic_lifecycles(), lambda lc: lc.horizon_end == LAST_DAY)
    assert found.horizon is not None
    assert found.horizon.years >= 8000
