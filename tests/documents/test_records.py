"""Single records in and out, and the converter's hooks one by one."""

from __future__ import annotations

import pendulum
import pytest
from cattrs.errors import ClassValidationError
from tests.opdrift import partnership

from samarbejde import (
    Area,
    LoadError,
    Partnership,
    PhaseChange,
    ProjectPhase,
)
from samarbejde.documents import make_converter, structure, unstructure
from samarbejde.documents._invariants import every_invariant
from samarbejde.documents._problems import english
from samarbejde.documents._scalars import describe


def test_a_partnership_can_be_stored_on_its_own() -> None:
    data = unstructure(partnership())
    assert isinstance(data, dict)
    assert data["lifecycle"]["form"] == "strategic"
    assert structure(data, Partnership) == partnership()


def test_problems_in_a_record_have_paths_relative_to_it() -> None:
    with pytest.raises(LoadError) as caught:
        structure({"id": "A", "name": "", "municipality": "561", "size": 3}, Area)
    assert [(p.path, p.line) for p in caught.value.problems] == [
        ("size", None),
        ("id", None),
        ("name", None),
    ]
    assert caught.value.source == "<data>"


def test_a_record_that_is_not_a_mapping_is_one_problem() -> None:
    with pytest.raises(LoadError, match=r"expected a mapping \(Area\), got a list"):
        structure([], Area)


def test_make_converter_gives_a_new_converter_each_time() -> None:
    assert make_converter() is not make_converter()


def test_aware_date_times_are_read_and_written_in_iso_8601() -> None:
    converter = make_converter()
    moment = converter.structure("2024-03-01T10:30:00+01:00", pendulum.DateTime)
    assert moment == pendulum.datetime(2024, 3, 1, 9, 30, tz="UTC")
    assert converter.unstructure(moment) == "2024-03-01T10:30:00+01:00"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-03-01T10:30:00", "needs a UTC offset"),
        ("2024-03-01", "expected an ISO 8601 date-time"),
        ("2024-03-01T25:00:00+01:00", "not an ISO 8601 date-time"),
        (5, "expected an ISO 8601 date-time"),
    ],
)
def test_naive_or_malformed_date_times_are_refused(value: object, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        structure(value, pendulum.DateTime)


def test_a_date_is_not_a_date_time_and_keeps_its_type() -> None:
    day = structure("2024-03-01", pendulum.Date)
    assert type(day) is pendulum.Date
    assert unstructure(day) == "2024-03-01"


@pytest.mark.parametrize(
    ("value", "described"),
    [
        (None, "null (an empty value)"),
        (True, "the boolean true"),
        (1.5, "the number 1.5"),
        ("x" * 50, "the text '" + "x" * 37 + "...'"),
        ({}, "a mapping"),
        (pendulum.datetime(2024, 1, 1), "the date-time 2024-01-01T00:00:00+00:00"),
        (pendulum.Date(2024, 1, 1), "the date 2024-01-01"),
        (object(), "a value of type object"),
    ],
)
def test_values_are_described_in_words(value: object, described: str) -> None:
    assert english(describe(value)) == described


@pytest.mark.parametrize(
    ("value", "kind", "message"),
    [
        (1, bool, "expected true or false, got the number 1"),
        (True, int, "expected a whole number, got the boolean true"),
        ("P1Y", pendulum.Duration, None),
        (1, pendulum.Duration, "expected an ISO 8601 duration"),
        (1, pendulum.Date, "expected a date"),
    ],
)
def test_scalars_are_never_coerced(value: object, kind: type, message: str | None) -> None:
    if message is None:
        assert structure(value, kind) is not None
    else:
        with pytest.raises(LoadError, match=message):
            structure(value, kind)


def test_every_broken_check_of_a_record_is_listed() -> None:
    with pytest.raises(LoadError) as caught:
        structure({"id": "A", "name": " ", "municipality": "999"}, Area)
    assert [p.path for p in caught.value.problems] == ["id", "name", "municipality"]
    assert "Area.municipality: not the kommunekode" in caught.value.problems[2].message


def test_a_record_that_cannot_be_rebuilt_keeps_its_first_error() -> None:
    error = ClassValidationError("While structuring", [ValueError("x")], Area)
    assert every_invariant(make_converter(), PhaseChange[ProjectPhase], {}, error) is error


def test_a_type_the_converter_cannot_read_is_still_a_load_error() -> None:
    with pytest.raises(LoadError, match="cannot read this value"):
        structure(1, complex)
