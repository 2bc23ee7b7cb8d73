"""One rule for a day at the edge of the library (design decision D64).

Every public function and operation that takes a day accepts ``pendulum.Date`` and
``datetime.date`` and refuses anything else with one ``DateTypeError`` (also a
``TypeError``) before any rule or operation runs.
"""

from __future__ import annotations

import datetime
import pickle
from collections.abc import Callable
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samarbejde import (
    DateTypeError,
    Portfolio,
    ReviewOutcome,
    SamarbejdeError,
    examples,
    report,
    validate,
)
from samarbejde import strategies as sst
from samarbejde.analysis import (
    area_coverage,
    assess,
    funding_cliffs,
    funding_ends,
    funding_timeline,
    lifecycle_mix,
    mandate_coverage,
    member_load,
    overdue_commitments,
    sector_coverage,
    silos,
    status_over_time,
    to_frames,
)
from samarbejde.interop import EXPORTERS, to_iati
from samarbejde.model.days import day, optional_day

PORTFOLIO = examples.load("opdrift")
PARTNERSHIP = PORTFOLIO.partnerships[0]
FIRST = PARTNERSHIP.members[0].organisation
FIRST = PARTNERSHIP.members[0].organisation
AS_OF = pendulum.Date(2025, 6, 1)

#: What a caller may wrongly give for a day, and the words the message must hold.
WRONG: list[tuple[object, str]] = [
    ("2025-06-01", "got str '2025-06-01'"),
    (pendulum.datetime(2025, 6, 1), "got DateTime 2025-06-01T00:00:00+00:00 — use .date()"),
    (pendulum.today(), "got DateTime"),
    (datetime.datetime(2025, 6, 1, 12), "got datetime 2025-06-01T12:00:00 — use .date()"),
    (20250601, "got int 20250601"),
]

#: Every public function of the model, rules, analysis and report that takes ``as_of``.
AS_OF_FUNCTIONS: dict[str, Callable[[Any], object]] = {
    "validate": lambda d: validate(PORTFOLIO, as_of=d),
    "assess": lambda d: assess(PORTFOLIO, as_of=d),
    "report.html": lambda d: report.html(PORTFOLIO, as_of=d),
    "funding_timeline": lambda d: funding_timeline(PORTFOLIO, as_of=d),
    "funding_ends": lambda d: funding_ends(PORTFOLIO, as_of=d),
    "funding_cliffs": lambda d: funding_cliffs(PORTFOLIO, as_of=d),
    "overdue_commitments": lambda d: overdue_commitments(PORTFOLIO, as_of=d),
    "status_over_time": lambda d: status_over_time(PORTFOLIO, as_of=d),
    "lifecycle_mix": lambda d: lifecycle_mix(PORTFOLIO, as_of=d),
    "member_load": lambda d: member_load(PORTFOLIO, as_of=d),
    "mandate_coverage": lambda d: mandate_coverage(PORTFOLIO, as_of=d),
    "sector_coverage": lambda d: sector_coverage(PORTFOLIO, as_of=d),
    "area_coverage": lambda d: area_coverage(PORTFOLIO, as_of=d),
    "silos": lambda d: silos(PORTFOLIO, as_of=d),
}

#: Every public method of a record that takes a day, and the parameter's name.
DAY_METHODS: dict[str, tuple[Callable[[Any], object], str]] = {
    "Portfolio.as_of": (PORTFOLIO.as_of, "day"),
    "Partnership.as_of": (PARTNERSHIP.as_of, "day"),
    "Partnership.members_on": (PARTNERSHIP.members_on, "day"),
    "Area.classifications_on": (PORTFOLIO.areas[0].classifications_on, "day"),
    "Area.as_of": (PORTFOLIO.areas[0].as_of, "day"),
    "Partnership.release": (lambda d: PARTNERSHIP.release(FIRST, on=d), "on"),
    "Partnership.record_review": (
        lambda d: PARTNERSHIP.record_review(ReviewOutcome.CONTINUED, on=d),
        "on",
    ),
    "Partnership.agree_vision": (lambda d: PARTNERSHIP.agree_vision("V", on=d), "on"),
}


@pytest.mark.parametrize(("value", "words"), WRONG)
@pytest.mark.parametrize("name", sorted(AS_OF_FUNCTIONS))
def test_every_function_refuses_a_day_that_is_not_a_date(
    name: str, value: object, words: str
) -> None:
    with pytest.raises(DateTypeError) as raised:
        AS_OF_FUNCTIONS[name](value)
    assert str(raised.value).startswith("as_of must be a date; ")
    assert words in str(raised.value)
    assert isinstance(raised.value, TypeError)
    assert isinstance(raised.value, SamarbejdeError)


@pytest.mark.parametrize(("value", "words"), WRONG)
@pytest.mark.parametrize("name", sorted(DAY_METHODS))
def test_every_method_refuses_a_day_that_is_not_a_date(
    name: str, value: object, words: str
) -> None:
    call, parameter = DAY_METHODS[name]
    with pytest.raises(DateTypeError, match=f"^{parameter} must be a date; ") as raised:
        call(value)
    assert words in str(raised.value)


@pytest.mark.parametrize("name", sorted(AS_OF_FUNCTIONS))
def test_a_datetime_date_gives_what_a_pendulum_date_gives(name: str) -> None:
    as_date = AS_OF_FUNCTIONS[name](datetime.date(2025, 6, 1))
    assert as_date == AS_OF_FUNCTIONS[name](AS_OF)


@pytest.mark.parametrize("name", sorted(DAY_METHODS))
def test_a_datetime_date_is_converted_by_every_method(name: str) -> None:
    call, _ = DAY_METHODS[name]
    assert call(datetime.date(2025, 6, 1)) == call(AS_OF)


def test_validate_never_reports_an_internal_error_for_the_callers_date() -> None:
    # On main these gave "internal error in rule" error findings, or an AttributeError.
    for value, _ in WRONG:
        with pytest.raises(DateTypeError):
            validate(PORTFOLIO, as_of=value)
    findings = validate(PORTFOLIO, as_of=datetime.date(2025, 6, 1)).findings
    assert not [f for f in findings if "internal error" in f.message]
    assert validate(PORTFOLIO, as_of=datetime.date(2025, 6, 1)).as_of == AS_OF


@given(st.dates())
def test_day_takes_any_calendar_date(value: datetime.date) -> None:
    converted = day(value, "as_of")
    assert type(converted) is pendulum.Date
    assert converted == value
    assert day(converted, "as_of") is converted
    assert optional_day(value, "as_of") == converted
    assert optional_day(None, "as_of") is None


@given(st.datetimes())
def test_day_refuses_any_date_time(value: datetime.datetime) -> None:
    with pytest.raises(DateTypeError, match=r"— use \.date\(\)$"):
        day(value, "on")
    with pytest.raises(DateTypeError):
        day(pendulum.instance(value), "on")


def test_the_error_pickles() -> None:
    error = DateTypeError("as_of", "2025-06-01", "use pendulum.parse(...).date()")
    again = pickle.loads(pickle.dumps(error))
    assert (again.name, again.value, str(again)) == (error.name, error.value, str(error))


def test_strategies_refuse_a_day_that_is_not_a_date() -> None:
    with pytest.raises(DateTypeError, match=r"^as_of must be a date; got DateTime"):
        sst.portfolios(as_of=pendulum.datetime(2025, 6, 1))
    with pytest.raises(DateTypeError):
        sst.partnerships(as_of="2025-06-01")


def test_an_empty_portfolio_refuses_too() -> None:
    with pytest.raises(DateTypeError):
        Portfolio().as_of(pendulum.today())


def test_the_exporters_and_the_frames_take_a_day_by_the_same_rule() -> None:
    portfolio = examples.load("opdrift")
    now = pendulum.now()
    for call in (
        lambda: to_iati(portfolio, as_of=now),  # type: ignore[arg-type]
        lambda: to_frames(portfolio, as_of="2025-06-01"),  # type: ignore[arg-type]
        *(lambda e=e: e.export(portfolio, as_of=now) for e in EXPORTERS),  # type: ignore[misc]
    ):
        with pytest.raises(DateTypeError, match="as_of must be a date"):
            call()
    frames = to_frames(portfolio, as_of=datetime.date(2025, 6, 1))
    assert frames.as_of == pendulum.Date(2025, 6, 1)
