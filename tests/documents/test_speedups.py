"""The speed-ups change nothing: shared value records, the JSON writer, the fast path."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from tests.opdrift import portfolio
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import LoadError, Portfolio, dumps, loads
from samarbejde import strategies as sst
from samarbejde.documents import _hooks, _io
from samarbejde.model.terms import Term

TWO_EQUAL_TERMS = """\
format: samarbejde/1
partnerships:
  - id: p
    name: P
    lifecycle:
      form: project
      term: {start: 2020-01-01, end: 2020-12-31}
      phases: [{phase: planned, on: 2020-01-01}]
    agreements:
      - {id: a, kind: mou, term: {start: 2020-01-01, end: 2020-12-31}}
"""


def test_equal_value_records_are_shared_after_loading() -> None:
    loaded = loads(TWO_EQUAL_TERMS, "yaml").partnerships[0]
    assert loaded.agreements[0].term is loaded.lifecycle.term  # type: ignore[union-attr]


def test_sharing_stays_correct_when_its_memory_is_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_hooks, "_MEMO_LIMIT", 1)
    assert loads(dumps(portfolio(), "json"), "json") == portfolio()
    assert loads(TWO_EQUAL_TERMS, "yaml").partnerships[0].agreements[0].term.end is not None


@WHOLE_PORTFOLIOS
@given(sst.portfolios())
def test_json_is_what_the_json_module_writes_of_the_same_data(drawn: Portfolio) -> None:
    text = dumps(drawn, "json")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_nothing_is_remembered_between_loads() -> None:
    first = loads(TWO_EQUAL_TERMS, "yaml").partnerships[0]
    second = loads(TWO_EQUAL_TERMS, "yaml").partnerships[0]
    assert first == second
    assert second.lifecycle.term is not first.lifecycle.term
    assert not hasattr(_io._converters()[0], "__dict__")  # the converter keeps no memory


def test_a_loads_memories_are_its_runs() -> None:
    with _hooks.structuring_run() as run:
        loaded = loads(TWO_EQUAL_TERMS, "yaml").partnerships[0]
    assert run.memos[Term]  # the equal terms were built once, in this run
    assert any(term is loaded.lifecycle.term for term in run.memos[Term].values())


def test_a_failed_fast_load_forgets_too() -> None:
    with pytest.raises(LoadError):
        loads(TWO_EQUAL_TERMS.replace("kind: mou", "kind: mu"), "yaml")
    assert _hooks._RUN.get() is None  # its run ended with it
