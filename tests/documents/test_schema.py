"""The JSON Schema and the loader agree: on generated documents and on mutations."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from tests.opdrift import portfolio
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import LoadError, Portfolio, dumps, json_schema, loads
from samarbejde import strategies as sst

VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.FormatChecker()
)


# Drawing whole portfolios is slow on a busy machine; that is not a failure.


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_is_made_from_the_model() -> None:
    defs = json_schema()["$defs"]
    assert defs["Organisation"]["required"] == ["id", "name", "sector"]
    assert defs["Organisation"]["additionalProperties"] is False
    assert "civil_society" in defs["Organisation"]["properties"]["sector"]["enum"]
    assert defs["StrategicLifecycle"]["properties"]["form"] == {"const": "strategic"}
    assert defs["Area"]["properties"]["municipality"]["enum"][:2] == ["101", "147"]


@WHOLE_PORTFOLIOS
@given(sst.portfolios())
def test_every_dumped_document_validates_against_the_schema(drawn: Portfolio) -> None:
    VALIDATOR.validate(json.loads(dumps(drawn, "json")))


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        target: Any = document
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return mutate


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        target: Any = document
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return mutate


MUTATIONS = {
    "unknown sector": _set(("organisations", 0, "sector"), "church"),
    "bad id": _set(("organisations", 1, "id"), "Ringkæden"),
    "bad id in a list": _set(("partnerships", 0, "areas", 0), "-ornereden"),
    "missing required key": _drop(("partnerships", 0, "commitments", 0, "kind")),
    "extra key": _set(("partnerships", 0, "members", 0, "mandate"), "m-business"),
    "extra key in a lifecycle": _set(("partnerships", 0, "lifecycle", "owner"), "x"),
    "unknown lifecycle form": _set(("partnerships", 0, "lifecycle", "form"), "program"),
    "number for text": _set(("areas", 0, "municipality"), 561),
    "unknown kommunekode": _set(("areas", 0, "municipality"), "999"),
    "decimal as a number": _set(("partnerships", 0, "commitments", 0, "quantity", "amount"), 25),
    "date-time for a date": _set(("partnerships", 0, "members", 0, "joined"), "2019-09-01T10:00"),
    "bad duration": _set(("partnerships", 0, "lifecycle", "horizon"), "10 years"),
    "unknown format": _set(("format",), "samarbejde/2"),
    "blank name": _set(("organisations", 2, "name"), "  "),
    "power twice": _set(
        ("partnerships", 0, "members", 0, "mandates", 0, "powers"), ["offer_jobs", "offer_jobs"]
    ),
}


@pytest.mark.parametrize("mutation", list(MUTATIONS), ids=list(MUTATIONS))
def test_a_targeted_mutation_is_rejected_by_schema_and_loader(mutation: str) -> None:
    document = json.loads(dumps(portfolio(), "json"))
    VALIDATOR.validate(document)
    broken = copy.deepcopy(document)
    MUTATIONS[mutation](broken)
    assert list(VALIDATOR.iter_errors(broken))
    with pytest.raises(LoadError):
        loads(json.dumps(broken), "json")
