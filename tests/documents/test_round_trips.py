"""Round trips lose nothing, and equal portfolios give the same bytes."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.opdrift import portfolio
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Goal, LoadError, Portfolio, dumps, loads
from samarbejde import strategies as sst
from samarbejde.documents import Format, structure, unstructure
from samarbejde.documents._scalars import format_decimal, format_duration, parse_duration

FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")


# Drawing whole portfolios is slow on a busy machine; that is not a failure.


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), st.sampled_from(FORMATS))
def test_loading_a_dumped_portfolio_gives_it_back(drawn: Portfolio, fmt: Format) -> None:
    assert loads(dumps(drawn, fmt), fmt) == drawn


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), st.sampled_from(FORMATS))
def test_dumping_is_deterministic_and_stable(drawn: Portfolio, fmt: Format) -> None:
    text = dumps(drawn, fmt)
    assert dumps(loads(text, fmt), fmt) == text
    rebuilt = attrs.evolve(drawn, partnerships=tuple(drawn.partnerships))
    assert dumps(rebuilt, fmt) == text


def test_the_document_starts_with_the_format_version() -> None:
    assert dumps(portfolio(), "json").startswith('{"format":"samarbejde/1",')
    assert dumps(portfolio(), "yaml").startswith("format: samarbejde/1\n")
    assert dumps(portfolio(), "toml").startswith('format = "samarbejde/1"\n')


def test_json_is_written_compact_on_one_line() -> None:
    text = dumps(portfolio(), "json")
    assert text.count("\n") == 1
    assert text.endswith("}\n")
    assert "Ørnereden" in text


def test_fields_equal_to_their_default_are_left_out() -> None:
    text = dumps(portfolio(), "yaml")
    assert "parent" not in text
    assert "remit" not in text
    assert "left:" not in text


def test_powers_are_written_sorted() -> None:
    text = dumps(portfolio(), "yaml")
    assert "powers:\n      - commit_staff\n      - offer_jobs\n" in text


def test_dates_are_written_plain_in_yaml() -> None:
    assert "since: 2019-09-01\n" in dumps(portfolio(), "yaml")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("P10Y", {"years": 10}),
        ("P12M", {"months": 12}),
        ("P1Y6M", {"years": 1, "months": 6}),
        ("P2W", {"weeks": 2}),
        ("P10D", {"days": 10}),
        ("P1Y2M3W", {"years": 1, "months": 2, "weeks": 3}),
        ("PT4H30M", {"hours": 4, "minutes": 30}),
        ("P1DT1.5S", {"days": 1, "seconds": 1, "microseconds": 500000}),
        ("PT45S", {"seconds": 45}),
    ],
)
def test_durations_round_trip_exactly(text: str, parts: dict[str, int]) -> None:
    duration = pendulum.Duration(**parts)
    assert format_duration(duration) == text
    parsed = parse_duration(text)
    assert parsed == duration
    assert (parsed.years, parsed.months) == (duration.years, duration.months)


def test_twelve_months_stay_twelve_months_not_a_year() -> None:
    assert parse_duration("P12M") != parse_duration("P1Y")
    assert format_duration(parse_duration("P12M")) == "P12M"


def test_days_that_make_whole_weeks_are_written_in_weeks() -> None:
    assert format_duration(pendulum.Duration(days=14)) == "P2W"


@pytest.mark.parametrize("text", ["P", "PT", "P1H", "1Y", "P1.5Y", "P-1Y", "p1y", "P1Y "])
def test_malformed_durations_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="ISO 8601 duration"):
        parse_duration(text)


@given(
    st.builds(
        pendulum.Duration,
        years=st.integers(0, 50),
        months=st.integers(0, 30),
        days=st.integers(0, 400),
        hours=st.integers(0, 23),
        minutes=st.integers(0, 59),
        seconds=st.integers(0, 59),
        microseconds=st.integers(0, 999_999),
    )
)
def test_any_duration_survives_writing_and_reading(duration: pendulum.Duration) -> None:
    parsed = parse_duration(format_duration(duration))
    assert parsed == duration
    assert (parsed.years, parsed.months) == (duration.years, duration.months)


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_equal_decimals_are_written_the_same_and_read_back_equal(value: Decimal) -> None:
    fixed = format(value, "f")
    padded = Decimal(fixed + ("00" if "." in fixed else ".00"))
    assert padded == value
    assert format_decimal(padded) == format_decimal(value)
    written = unstructure(Goal("g", "Goal", baseline=value))
    assert isinstance(written, dict)
    assert "E" not in written["baseline"]
    assert structure(written, Goal) == Goal("g", "Goal", baseline=value)


def test_decimals_are_written_without_exponent_or_trailing_zeros() -> None:
    assert format_decimal(Decimal("1E+3")) == "1000"
    assert format_decimal(Decimal("25.500")) == "25.5"
    assert format_decimal(Decimal("-0.00")) == "0"
    assert format_decimal(Decimal("1E-7")) == "0.0000001"


# -- one shape of a document in Python (issue 11, item 9) ------------------------------


@WHOLE_PORTFOLIOS
@given(sst.portfolios())
def test_unstructure_is_the_parsed_json_document_and_structure_reads_it_back(
    portfolio: Portfolio,
) -> None:
    data = unstructure(portfolio)
    assert data == json.loads(dumps(portfolio, "json"))
    assert next(iter(data)) == "format"
    assert structure(data, Portfolio) == portfolio
    assert structure(json.loads(dumps(portfolio, "json")), Portfolio) == portfolio


def test_structure_of_a_portfolio_checks_the_format_it_is_given() -> None:
    assert structure({"organisations": []}, Portfolio) == Portfolio()
    with pytest.raises(LoadError, match="cannot read format 'samarbejde/9'"):
        structure({"format": "samarbejde/9"}, Portfolio)
