"""Terms: periods of calendar days, both ends inclusive, and calendar durations."""

from __future__ import annotations

import datetime

import pendulum
import pytest
from hypothesis import given
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import ModelError, Term, add_duration
from samarbejde import strategies as sst
from samarbejde.testing import assert_model_error


def test_a_term_may_end_on_the_day_it_starts() -> None:
    term = Term(D(2021, 1, 1), D(2021, 1, 1))
    assert (term.start, term.end) == (D(2021, 1, 1), D(2021, 1, 1))


def test_a_term_without_end_is_open_ended() -> None:
    assert Term(D(2021, 1, 1)).open_ended
    assert not Term(D(2021, 1, 1), D(2021, 2, 1)).open_ended


def test_a_term_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ModelError) as caught:
        Term(D(2021, 1, 2), D(2021, 1, 1))
    assert_model_error(caught.value, "Term", "end", D(2021, 1, 1))


@pytest.mark.parametrize(
    "start",
    [
        "2021-01-01",
        datetime.date(2021, 1, 1),
        pendulum.datetime(2021, 1, 1),
        None,
    ],
)
def test_a_term_starts_on_a_pendulum_date_and_nothing_else(start: object) -> None:
    with pytest.raises(ModelError) as caught:
        Term(start)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Term", "start", start)


def test_a_term_end_must_be_a_calendar_date() -> None:
    end = pendulum.datetime(2021, 2, 1)
    with pytest.raises(ModelError) as caught:
        Term(D(2021, 1, 1), end)
    assert_model_error(caught.value, "Term", "end", end)


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (D(2020, 12, 31), False),
        (D(2021, 1, 1), True),
        (D(2021, 6, 30), True),
        (D(2021, 12, 31), True),
        (D(2022, 1, 1), False),
    ],
)
def test_a_term_contains_both_its_ends(day: pendulum.Date, inside: bool) -> None:
    assert Term(D(2021, 1, 1), D(2021, 12, 31)).contains(day) is inside


def test_an_open_term_contains_every_later_day() -> None:
    assert Term(D(2021, 1, 1)).contains(D(2999, 1, 1))
    assert not Term(D(2021, 1, 1)).contains(D(2020, 12, 31))


@pytest.mark.parametrize(
    ("outer", "inner", "covers"),
    [
        (Term(D(2021, 1, 1), D(2021, 12, 31)), Term(D(2021, 1, 1), D(2021, 12, 31)), True),
        (Term(D(2021, 1, 1), D(2021, 12, 31)), Term(D(2021, 3, 1), D(2021, 4, 1)), True),
        (Term(D(2021, 1, 1), D(2021, 12, 31)), Term(D(2020, 12, 31), D(2021, 4, 1)), False),
        (Term(D(2021, 1, 1), D(2021, 12, 31)), Term(D(2021, 3, 1), D(2022, 1, 1)), False),
        (Term(D(2021, 1, 1), D(2021, 12, 31)), Term(D(2021, 3, 1)), False),
        (Term(D(2021, 1, 1)), Term(D(2021, 3, 1)), True),
        (Term(D(2021, 1, 1)), Term(D(2030, 3, 1), D(2031, 1, 1)), True),
    ],
)
def test_a_term_covers_the_terms_wholly_inside_it(outer: Term, inner: Term, covers: bool) -> None:
    assert outer.covers(inner) is covers


def test_a_term_has_ended_by_the_day_after_its_end() -> None:
    term = Term(D(2021, 1, 1), D(2021, 12, 31))
    assert not term.ended_by(D(2021, 12, 31))
    assert term.ended_by(D(2022, 1, 1))
    assert not Term(D(2021, 1, 1)).ended_by(D(2999, 1, 1))


def test_until_cuts_a_term_at_a_day() -> None:
    term = Term(D(2021, 1, 1), D(2021, 12, 31))
    assert term.until(D(2020, 12, 31)) is None
    assert term.until(D(2021, 1, 1)) == Term(D(2021, 1, 1), D(2021, 1, 1))
    assert term.until(D(2021, 6, 30)) == Term(D(2021, 1, 1), D(2021, 6, 30))
    assert term.until(D(2021, 12, 31)) is term
    assert term.until(D(2022, 6, 30)) is term
    assert Term(D(2021, 1, 1)).until(D(2021, 2, 1)) == Term(D(2021, 1, 1), D(2021, 2, 1))


def test_a_term_is_frozen() -> None:
    term = Term(D(2021, 1, 1))
    with pytest.raises(AttributeError):
        term.end = D(2022, 1, 1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        (D(2020, 2, 29), pendulum.duration(years=1), D(2021, 2, 28)),
        (D(2021, 1, 31), pendulum.duration(months=1), D(2021, 2, 28)),
        (D(2019, 9, 1), pendulum.duration(years=10), D(2029, 9, 1)),
        (D(2021, 1, 1), pendulum.duration(days=10), D(2021, 1, 11)),
        (D(2021, 1, 1), pendulum.duration(weeks=2, days=1), D(2021, 1, 16)),
        (D(2021, 1, 31), pendulum.duration(years=1, months=1, days=1), D(2022, 3, 1)),
    ],
)
def test_adding_a_duration_moves_by_calendar_years_months_then_days(
    start: pendulum.Date, duration: pendulum.Duration, expected: pendulum.Date
) -> None:
    assert add_duration(start, duration) == expected


_SMALL = {"start": D(2020, 1, 1), "end": D(2020, 3, 1)}


@given(sst.terms(**_SMALL), sst.terms(**_SMALL))
def test_terms_overlap_when_they_share_a_day(a: Term, b: Term) -> None:
    days = (D(2020, 1, 1).add(days=n) for n in range(70))
    assert a.overlaps(b) == b.overlaps(a) == any(a.contains(d) and b.contains(d) for d in days)


def test_terms_that_touch_overlap_and_terms_a_day_apart_do_not() -> None:
    year = Term(D(2021, 1, 1), D(2021, 12, 31))
    assert year.overlaps(Term(D(2021, 12, 31)))
    assert not year.overlaps(Term(D(2022, 1, 1)))
    assert Term(D(2020, 1, 1)).overlaps(Term(D(2030, 1, 1)))
