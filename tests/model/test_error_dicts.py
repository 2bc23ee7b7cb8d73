"""Errors as JSON-ready dicts for an API: stable keys, the message in the chosen language."""

from __future__ import annotations

import json

import pendulum
import pytest
from hypothesis import given

from samarbejde import (
    ID_PATTERN,
    Area,
    DateTypeError,
    LoadError,
    ModelError,
    Partnership,
    Problem,
    SamarbejdeError,
    TransitionError,
    UnknownIdError,
    loads,
)
from samarbejde import strategies as sst
from samarbejde.model.errors import MissingExtraError

ERRORS: tuple[SamarbejdeError, ...] = (
    ModelError("Term", "end", pendulum.Date(2021, 1, 1), "ends before it starts"),
    TransitionError("Commitment", "status", "proposed", "fulfilled", ["agreed", "withdrawn"]),
    TransitionError("Commitment", "status[0]", None, "fulfilled", ["proposed"]),
    DateTypeError("as_of", "2025-06-01", "use pendulum.date(…)"),
    UnknownIdError("commitment", "c-9"),
    LoadError([Problem("partnerships[0].id", "not a valid id", 3, 7)], "a.yaml", omitted=2),
    MissingExtraError("openpyxl", "sheets"),
)


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_error_is_a_json_ready_dict_with_its_class_and_message(
    error: SamarbejdeError, lang: str
) -> None:
    found = error.to_dict(lang)  # type: ignore[arg-type]
    assert json.loads(json.dumps(found)) == found
    assert found["error"] == type(error).__name__
    assert isinstance(found["message"], str)
    assert found["message"]
    if lang == "en":
        assert found["message"] == str(error)


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_the_danish_message_is_not_the_english_one(error: SamarbejdeError) -> None:
    assert error.to_dict("da")["message"] != error.to_dict("en")["message"]


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="lang must be"):
        ERRORS[0].to_dict("de")  # type: ignore[arg-type]


def test_a_transition_error_gives_its_states_and_a_danish_sentence() -> None:
    found = ERRORS[1].to_dict("da")
    assert found == {
        "error": "TransitionError",
        "message": "Commitment.status: kan ikke gå til 'fulfilled' fra 'proposed';"
        " tilladt: agreed, withdrawn (fik 'fulfilled')",
        "record": "Commitment",
        "field": "status",
        "value": "fulfilled",
        "reason": ERRORS[1].reason,  # type: ignore[attr-defined]
        "current": "proposed",
        "requested": "fulfilled",
        "allowed": ["agreed", "withdrawn"],
    }


def test_a_model_error_gives_its_value_as_iso_text() -> None:
    assert ERRORS[0].to_dict()["value"] == "2021-01-01"


def test_a_load_error_lists_every_problem_located() -> None:
    with pytest.raises(LoadError) as raised:
        loads('{"format": "samarbejde/1", "partnerships": [{"id": "X"}, {"id": "Y"}]}', "json")
    found = raised.value.to_dict("da")
    assert len(found["problems"]) == len(raised.value.problems) >= 2
    assert {"path", "message", "line", "column"} == set(found["problems"][0])
    assert found["problems"][0]["line"] == 1
    assert "problemer" in found["message"].splitlines()[0]


@given(sst.partnerships())
def test_a_broken_operation_refusal_is_json_ready_in_both_languages(p: Partnership) -> None:
    with pytest.raises(SamarbejdeError) as raised:
        p.set_status("no-such-commitment", "agreed", on=pendulum.Date(2020, 1, 1))
    for lang in ("da", "en"):
        found = raised.value.to_dict(lang)  # type: ignore[arg-type]
        assert json.loads(json.dumps(found)) == found


@given(sst.ids())
def test_the_public_id_pattern_matches_every_drawn_id(drawn: str) -> None:
    assert ID_PATTERN.fullmatch(drawn)


@pytest.mark.parametrize("bad", ["", "Opdrift", "-a", "a b", "a" * 65, "æble"])
def test_the_public_id_pattern_refuses_what_the_model_refuses(bad: str) -> None:
    assert ID_PATTERN.fullmatch(bad) is None
    with pytest.raises(ModelError):
        Area(bad, "A", "561")
