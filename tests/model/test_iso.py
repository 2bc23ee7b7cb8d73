"""ISO text of dates, durations and decimals: one reader and one writer per kind."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samarbejde import SamarbejdeError
from samarbejde.model.iso import (
    IsoTextError,
    read_date,
    read_decimal,
    read_duration,
    write_date,
    write_decimal,
    write_duration,
)
from samarbejde.strategies import amounts, dates, durations


def parts(duration: pendulum.Duration) -> tuple[int, ...]:
    """Every part a duration keeps; ``==`` on durations ignores years against days."""
    return (
        duration.years,
        duration.months,
        duration.weeks * 7 + duration.remaining_days,
        duration.hours,
        duration.minutes,
        duration.remaining_seconds,
        duration.microseconds,
    )


@given(durations(any_part=True))
def test_reading_what_was_written_gives_every_part_back(duration: pendulum.Duration) -> None:
    text = write_duration(duration)
    assert parts(read_duration(text)) == parts(duration)
    assert write_duration(read_duration(text)) == text


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (pendulum.duration(weeks=2), "P2W"),
        (pendulum.duration(days=14), "P2W"),
        (pendulum.duration(months=12), "P12M"),
        (pendulum.duration(years=1), "P1Y"),
        (pendulum.duration(hours=4), "PT4H"),
        (pendulum.duration(years=1, weeks=1, days=2), "P1Y9D"),
        (pendulum.duration(days=1, seconds=1, microseconds=500_000), "P1DT1.5S"),
        (pendulum.duration(), "P0D"),
    ],
)
def test_durations_keep_their_parts_in_writing(duration: pendulum.Duration, text: str) -> None:
    assert write_duration(duration) == text


def test_twelve_months_are_read_as_twelve_months() -> None:
    assert parts(read_duration("P12M")) != parts(read_duration("P1Y"))


@pytest.mark.parametrize(
    "text", ["", "P", "PT", "P1H", "P1.5Y", "P-1Y", "p1y", "P1Y ", "PT1.1234567S"]
)
def test_malformed_durations_are_refused_with_the_form_expected(text: str) -> None:
    with pytest.raises(IsoTextError, match="ISO 8601 duration") as caught:
        read_duration(text)
    assert repr(text) in caught.value.message


@given(dates())
def test_dates_round_trip(day: pendulum.Date) -> None:
    assert read_date(write_date(day)) == day


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("2021-02-30", "not a calendar date"),
        ("2021-1-01", "YYYY-MM-DD"),
        ("2021-01-01T00:00", "YYYY-MM-DD"),
        ("20210101", "YYYY-MM-DD"),
    ],
)
def test_bad_dates_are_refused(text: str, match: str) -> None:
    with pytest.raises(IsoTextError, match=match):
        read_date(text)


@given(amounts(places=2) | st.decimals(allow_nan=False, allow_infinity=False))
def test_decimals_round_trip_to_an_equal_value(value: Decimal) -> None:
    text = write_decimal(value)
    assert "E" not in text
    assert read_decimal(text) == value
    assert write_decimal(read_decimal(text)) == text


@pytest.mark.parametrize("text", ["", "1E3", "1.", ".5", "1,5", " 1", "NaN"])
def test_malformed_decimals_are_refused(text: str) -> None:
    with pytest.raises(IsoTextError, match="decimal number"):
        read_decimal(text)


def test_the_error_is_a_library_error_that_pickles() -> None:
    error = IsoTextError("expected a date")
    assert isinstance(error, SamarbejdeError)
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is IsoTextError
    assert copy.message == "expected a date"
