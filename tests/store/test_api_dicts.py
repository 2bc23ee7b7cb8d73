"""Revisions, changes and conflicts as JSON-ready dicts for an API, in Danish or English."""

from __future__ import annotations

import json

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests import opdrift
from tests.changes.test_diff import operated, replaced
from tests.store.test_store import renamed, status_changed

from samarbejde import Portfolio, diff
from samarbejde import store as stores
from samarbejde import strategies as sst
from samarbejde.changes import render_steps
from samarbejde.model.words import own_words
from samarbejde.store import ConflictError


@given(sst.portfolios(), st.data())
def test_every_change_is_json_ready_with_its_path_kind_and_sentence(
    portfolio: Portfolio, data: st.DataObject
) -> None:
    if not portfolio.partnerships:
        return
    p = portfolio.partnerships[0]
    after = replaced(portfolio, p, operated(data, p))
    for change in diff(portfolio, after) + diff(Portfolio(), portfolio):
        for lang in ("da", "en"):
            found = change.to_dict(lang)  # type: ignore[arg-type]
            assert json.loads(json.dumps(found)) == found
            assert found["path"] == change.path
            assert found["kind"] == change.kind
            assert found["sentence"] == change.sentence(lang)  # type: ignore[arg-type]
            steps = [(s["key"],) if isinstance(s, dict) else s for s in found["steps"]]
            assert render_steps(steps) == change.path


def test_a_revision_is_json_ready_with_its_changes(tmp_path: object) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(f"{tmp_path}/r.db") as registry:
        registry.save(portfolio, recorded_by="sekretariatet", note="start")
        saved = registry.save(status_changed(portfolio), recorded_by="kommunen", note="status")
    found = saved.to_dict("da")
    assert json.loads(json.dumps(found)) == found
    assert (found["number"], found["recorded_by"], found["note"], found["base"]) == (
        2,
        "kommunen",
        "status",
        None,
    )
    assert found["recorded_at"] == saved.recorded_at.isoformat()
    assert [c["sentence"] for c in found["changes"]] == [c.sentence("da") for c in saved.changes]
    assert found["changes"][0]["kind"] == "added"


def test_a_conflict_says_who_when_and_where_in_both_languages(tmp_path: object) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(f"{tmp_path}/r.db") as registry:
        base = registry.save(portfolio, recorded_by="a")
        theirs = registry.save(renamed(portfolio, 0, "Deres"), recorded_by="b", base=base)
        with pytest.raises(ConflictError) as raised:
            registry.save(renamed(portfolio, 0, "Mit"), recorded_by="c", base=base)
    en, da = raised.value.to_dict("en"), raised.value.to_dict("da")
    assert json.loads(json.dumps(da)) == da
    assert en["message"] == str(raised.value)
    assert "hent revision 2" in da["message"]
    assert (da["error"], da["base"], da["latest"]) == ("ConflictError", 1, 2)
    assert da["paths"] == [f"areas[{portfolio.areas[0].id}]"]
    (clash,) = da["clashes"]
    assert clash["revision"] == theirs.number
    assert clash["recorded_by"] == "b"
    assert pendulum.parse(clash["recorded_at"]) == theirs.recorded_at.set(microsecond=0)


@pytest.mark.parametrize(
    "error",
    [
        stores.StoreError("cannot open x"),
        stores.StoreInputError("note holds the character U+0000 at position 3"),
        stores.StoreBusyError("another writer held the lock for 30 s"),
        stores.StoreUnavailableError("cannot connect to db:5432"),
        stores.StoreDamagedError("revision 4: checksum does not match"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_a_store_error_says_in_danish_what_it_means_and_keeps_the_detail(
    error: stores.StoreError,
) -> None:
    da, en = error.to_dict("da"), error.to_dict("en")
    assert json.loads(json.dumps(da)) == da
    assert en == {"error": type(error).__name__, "message": str(error)}
    lead = own_words("da")[f"error.store.{type(error).kind}"]
    assert da["message"] == f"{lead}: {error}"
    assert type(error).kind != stores.StoreError.kind or type(error) is stores.StoreError


def test_an_unknown_revision_answers_as_an_input_error(tmp_path: object) -> None:
    with (
        stores.open(f"{tmp_path}/r.db") as registry,
        pytest.raises(stores.StoreInputError) as raised,
    ):
        registry.revision(9)
    found = raised.value.to_dict("da")
    assert found["error"] == "StoreInputError"
    assert found["message"].startswith("Inddata kan ikke gemmes eller slås op: no revision 9")
