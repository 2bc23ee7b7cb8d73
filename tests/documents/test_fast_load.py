"""The msgspec JSON load gives what the detailed path gives, or gives up.

The fast path (``documents._fast_load``) must never accept a document that the detailed
path refuses: then every ``LoadError`` is the detailed path's own, problem for problem.
Each test compares ``loads`` with the fast path against ``loads`` without it.
"""

from __future__ import annotations

import gc
import json
import logging
import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.opdrift import portfolio

from samarbejde import LoadError, Portfolio, dumps, loads
from samarbejde import strategies as sst
from samarbejde.documents import _fast_load, _io
from samarbejde.documents._fast_load import FastLoad, GaveUp
from samarbejde.strategies import LOAD_PROBLEMS, Defect, invalid_portfolios

PATIENT = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def _detailed_only(text: str | bytes, **kwargs: int) -> Portfolio | LoadError:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_io, "fast_load_json", lambda _: FastLoad(None, GaveUp("test", "off")))
        return _outcome(text, **kwargs)


def _outcome(text: str | bytes, **kwargs: int) -> Portfolio | LoadError:
    try:
        return loads(text, "json", **kwargs)  # type: ignore[arg-type]
    except LoadError as error:
        return error


def _same(text: str | bytes, **kwargs: int) -> Portfolio | LoadError:
    """The outcome of ``loads``, asserted equal with and without the fast path."""
    fast, detailed = _outcome(text, **kwargs), _detailed_only(text, **kwargs)
    if isinstance(detailed, LoadError):
        assert isinstance(fast, LoadError), "the fast path accepted a refused document"
        assert fast.problems == detailed.problems
        assert str(fast) == str(detailed)
    else:
        assert fast == detailed
    return fast


def _document() -> dict[str, object]:
    data = json.loads(dumps(portfolio(), "json"))
    assert isinstance(data, dict)
    return data


def _commitment(data: dict[str, object]) -> dict[str, object]:
    partnership = data["partnerships"][0]  # type: ignore[index]
    found: dict[str, object] = partnership["commitments"][0]
    return found


@PATIENT
@pytest.mark.parametrize("code", LOAD_PROBLEMS)
@given(data=st.data())
def test_every_kind_of_load_defect_gives_the_detailed_paths_error(
    code: str, data: st.DataObject
) -> None:
    # JSON where it can hold the defect, the format that can otherwise (YAML's anchors, tags)
    formats = ["json"] if not code.startswith("load:yaml") else ["yaml"]
    defect: Defect = data.draw(invalid_portfolios([code], formats=formats))
    assert defect.document is not None
    kwargs = {"max_bytes": defect.max_bytes} if defect.max_bytes else {}
    if defect.format == "json":
        outcome = _same(defect.document, **kwargs)
    else:  # a defect only another format can hold
        with pytest.raises(LoadError) as caught:
            loads(defect.document, defect.format, **kwargs)  # type: ignore[arg-type]
        outcome = caught.value
    assert isinstance(outcome, LoadError)
    if defect.format == "json" and isinstance(defect.document, str) and not kwargs:
        assert _fast_load.fast_loads_json(defect.document) is None


def _changed(change: str) -> str:  # noqa: PLR0911, PLR0912 - one document per case
    data = _document()
    commitment = _commitment(data)
    text = json.dumps(data, ensure_ascii=False)
    if change == "duplicate top key":
        return text.replace('"format": "samarbejde/1"', '"format": "samarbejde/1", "format": "x"')
    if change == "duplicate nested key":
        return text.replace('"kind": ', '"kind": "x", "kind": ', 1)
    if change == "duplicate key, the same value":
        return text.replace(
            '"format": "samarbejde/1"', '"format": "samarbejde/1", ' * 2 + '"areas": []'
        )
    if change == "duplicate form":
        return text.replace('"form": "', '"form": "strategic", "form": "', 1)
    if change == "duplicate key spaced":
        return text.replace('"format": "samarbejde/1"', '"format" : "samarbejde/1", "format"\n:"x"')
    if change == "NaN":
        commitment["quantity"] = float("nan")
    elif change == "huge integer":
        data["areas"][0]["residents"] = 2**80  # type: ignore[index]
    elif change == "float for integer":
        data["areas"][0]["residents"] = 1.0  # type: ignore[index]
    elif change == "boolean for integer":
        data["areas"][0]["residents"] = True  # type: ignore[index]
    elif change == "number for text":
        commitment["kind"] = 5
    elif change == "unknown enum value":
        commitment["status"][0]["status"] = "nope"  # type: ignore[index]
    elif change == "a set with a member twice":
        mandate = data["partnerships"][0]["members"][0]["mandates"][0]  # type: ignore[index]
        mandate["powers"] = [*mandate["powers"], mandate["powers"][0]]
    elif change == "decimal as a number":
        commitment["quantity"]["amount"] = 2  # type: ignore[index]
    elif change == "not a date":
        commitment["term"]["start"] = "2020-02-30"  # type: ignore[index]
    elif change == "date-time for a date":
        commitment["term"]["start"] = "2020-02-03T10:00:00+01:00"  # type: ignore[index]
    elif change == "unknown key":
        commitment["colour"] = "red"
    elif change == "missing key":
        del commitment["kind"]
    elif change == "null for a list":
        commitment["status"] = None
    elif change == "model invariant":
        commitment["status"] = list(reversed(commitment["status"]))  # type: ignore[call-overload]
        commitment["status"].append(commitment["status"][0])  # type: ignore[attr-defined]
    elif change == "bad id":
        commitment["id"] = "Not An Id"
    elif change == "format version":
        data["format"] = "samarbejde/9"
    elif change == "missing format":
        del data["format"]
    elif change == "unknown form":
        data["partnerships"][0]["lifecycle"]["form"] = "other"  # type: ignore[index]
    elif change == "a list at the top":
        return "[" + text + "]"
    elif change == "text after the document":
        return text + " {}"
    elif change == "lone surrogate":
        return text.replace('"kind": "', '"kind": "\\ud800', 1)
    elif change == "control character in text":
        return text.replace('"kind": "', '"kind": "\t', 1)
    else:  # pragma: no cover - a case without a change
        raise AssertionError(change)
    return json.dumps(data, ensure_ascii=False)


CASES = (
    "duplicate top key",
    "duplicate nested key",
    "duplicate key, the same value",
    "duplicate form",
    "duplicate key spaced",
    "NaN",
    "huge integer",
    "float for integer",
    "boolean for integer",
    "number for text",
    "unknown enum value",
    "a set with a member twice",
    "decimal as a number",
    "not a date",
    "date-time for a date",
    "unknown key",
    "missing key",
    "null for a list",
    "model invariant",
    "bad id",
    "format version",
    "missing format",
    "unknown form",
    "a list at the top",
    "text after the document",
    "lone surrogate",
    "control character in text",
)


@pytest.mark.parametrize("change", CASES)
def test_a_malformed_document_gives_the_detailed_paths_outcome(change: str) -> None:
    text = _changed(change)
    assert text != json.dumps(_document(), ensure_ascii=False)
    if isinstance(_same(text), LoadError):
        assert _fast_load.fast_loads_json(text) is None


#: Why the fast path gives up on some of the cases: its stage, and the record and field
#: it names where it knows them.
REASONS = {
    "duplicate nested key": ("keys", None),
    "duplicate key spaced": ("format", None),
    "number for text": ("decode", None),
    "unknown key": ("decode", None),
    "bad id": ("build", "Commitment.id"),
    "model invariant": ("build", "Commitment"),
    "a set with a member twice": ("build", "Mandate"),
    "not a date": ("build", "Term"),
    "format version": ("format", None),
}


@pytest.mark.parametrize("change", CASES)
def test_the_fast_path_says_why_it_gave_up(change: str) -> None:
    outcome = _fast_load.fast_load_json(_changed(change))
    if outcome.portfolio is not None:  # a change both paths accept (a huge integer)
        assert outcome.gave_up is None
        assert isinstance(_same(_changed(change)), Portfolio)
        return
    assert outcome.gave_up is not None
    assert outcome.gave_up.stage in {"decode", "format", "build", "keys"}
    assert outcome.gave_up.message
    assert str(outcome.gave_up).startswith(outcome.gave_up.stage)
    if change in REASONS:
        stage, where = REASONS[change]
        assert outcome.gave_up.stage == stage
        if where is not None:
            assert outcome.gave_up.where is not None
            assert outcome.gave_up.where.startswith(where)
    if outcome.gave_up.stage in {"decode", "build"}:
        error = outcome.gave_up.error
        assert error is not None
        assert outcome.gave_up.message == f"{type(error).__name__}: {error}"


def test_a_decode_failure_names_the_place_in_the_document() -> None:
    outcome = _fast_load.fast_load_json(_changed("number for text"))
    assert outcome.gave_up is not None
    assert "$.partnerships[0].commitments[0].kind" in outcome.gave_up.message


@PATIENT
@given(sst.portfolios())
def test_a_valid_document_goes_through_the_fast_path(drawn: Portfolio) -> None:
    # A generator bug that makes the fast path give up fails here, not only a benchmark.
    outcome = _fast_load.fast_load_json(dumps(drawn, "json"))
    assert outcome.gave_up is None
    assert outcome.portfolio == drawn


def test_loads_logs_why_the_fast_path_gave_up_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="samarbejde.documents"):
        loads(dumps(portfolio(), "json"), "json", source="good.json")
        assert not caplog.records  # the fast path took it
        with pytest.raises(LoadError):
            loads(_changed("bad id"), "json", source="bad.json")
    (record,) = caplog.records
    assert record.name == "samarbejde.documents"
    assert record.levelno == logging.DEBUG
    assert record.getMessage().startswith("bad.json: the fast JSON load gave up (build in ")
    assert "Commitment.id" in record.getMessage()


@pytest.mark.parametrize("change", [c for c in CASES if c.startswith("duplicate")])
def test_duplicate_keys_are_refused_with_their_line(change: str) -> None:
    with pytest.raises(LoadError) as caught:
        loads(_changed(change), "json")
    duplicates = [p for p in caught.value.problems if "duplicate key" in p.message]
    assert duplicates
    assert all(p.line is not None for p in duplicates)


@PATIENT
@given(sst.portfolios())
def test_the_fast_path_loads_what_the_detailed_path_loads(drawn: Portfolio) -> None:
    compact = dumps(drawn, "json")
    indented = json.dumps(json.loads(compact), ensure_ascii=False, indent=2)
    for text in (compact, indented):
        fast = _fast_load.fast_load_json(text)
        if fast.portfolio is None:
            # the one give-up a valid document may meet: a text value that ends in a
            # quote and a colon looks like one key more (test_text_that_looks_like_a_key…)
            assert fast.gave_up is not None
            assert fast.gave_up.stage == "keys", fast.gave_up
            assert re.search(r'\\"\s*:', text), fast.gave_up
        else:
            assert fast.portfolio == drawn
        assert _same(text) == drawn


def test_text_that_looks_like_a_key_loads_by_the_detailed_path() -> None:
    data = _document()
    _commitment(data)["to"] = None
    data["organisations"][0]["name"] = 'A "quoted": name'  # type: ignore[index]
    text = json.dumps(data, ensure_ascii=False)
    assert _fast_load.fast_loads_json(text) is None  # counted as one key too many
    loaded = _same(text)
    assert isinstance(loaded, Portfolio)
    assert loaded.organisations[0].name == 'A "quoted": name'


def test_a_date_time_does_not_stop_the_fast_path() -> None:
    text = dumps(portfolio(), "json")
    assert ":" not in text.replace('":', "")  # the example has no colon in its values
    data = json.loads(text)
    data["organisations"][0]["name"] = "Kl. 10:00"
    changed = json.dumps(data, ensure_ascii=False)
    assert _fast_load.fast_loads_json(changed) is not None


def _all_dates(loaded: Portfolio) -> Iterator[object]:
    for partnership in loaded.partnerships:
        for commitment in partnership.commitments:
            yield commitment.term.start
            yield from (change.on for change in commitment.status)


def test_equal_values_are_shared_within_one_document() -> None:
    text = dumps(portfolio(), "json")
    loaded = _fast_load.fast_loads_json(text)
    assert loaded is not None
    dates = list(_all_dates(loaded))
    assert len({id(d) for d in dates}) == len(set(dates))  # one object per distinct date
    commitments = [c for p in loaded.partnerships for c in p.commitments]
    terms = [c.term for c in commitments]
    assert len({id(t) for t in terms}) == len(set(terms))


def test_nothing_is_remembered_between_loads() -> None:
    text = dumps(portfolio(), "json")
    first, second = _fast_load.fast_loads_json(text), _fast_load.fast_loads_json(text)
    assert first is not None
    assert second is not None
    assert first == second
    assert not {id(d) for d in _all_dates(first)} & {id(d) for d in _all_dates(second)}
    first_terms = {id(c.term) for p in first.partnerships for c in p.commitments}
    assert not first_terms & {id(c.term) for p in second.partnerships for c in p.commitments}


def test_every_record_class_is_checked_by_its_own_validators() -> None:
    # A record the fast path builds without attrs' __init__ still fails its checks.
    data = _document()
    data["organisations"][0]["id"] = "Æ"  # type: ignore[index]
    text = json.dumps(data, ensure_ascii=False)
    assert _fast_load.fast_loads_json(text) is None
    with pytest.raises(LoadError, match="id"):
        loads(text, "json")


def test_only_type_checks_are_left_to_the_decoder() -> None:
    from samarbejde.model import _checks  # noqa: PLC0415 - the validators themselves

    assert _fast_load._type_only(_checks.instance_of(str))
    assert _fast_load._type_only(_checks.optional_instance_of(str))
    assert _fast_load._type_only(_checks.tuple_of(str))
    assert _fast_load._type_only(_checks.is_date)
    for kept in (_checks.is_id, _checks.is_optional_id, _checks.is_ids, _checks.is_duration):
        assert not _fast_load._type_only(kept)


def test_a_default_a_validator_refuses_is_checked_every_time() -> None:
    import attrs  # noqa: PLC0415

    from samarbejde.model import _checks  # noqa: PLC0415

    @attrs.frozen
    class Odd:
        name: str = attrs.field(default="Not An Id", validator=_checks.is_id)

    field = attrs.fields(Odd).name
    assert not _fast_load._passes(field.validator, field, "Not An Id")
    assert _fast_load._passes(field.validator, field, "an-id")


# The shortcuts of design decision D51: each is tested where it could go wrong.


def _twins(data: dict[str, object]) -> list[dict[str, object]]:
    """The first partnership's commitments: the first and a copy of it, another id."""
    partnership = data["partnerships"][0]  # type: ignore[index]
    first = partnership["commitments"][0]
    partnership["commitments"] = [first, json.loads(json.dumps(first)) | {"id": "c-twin"}]
    return partnership["commitments"]  # type: ignore[no-any-return]


def test_equal_histories_are_one_tuple_within_one_document() -> None:
    data = _document()
    first, twin = _twins(data)
    loaded = _same(json.dumps(data, ensure_ascii=False))
    fast = _fast_load.fast_loads_json(json.dumps(data, ensure_ascii=False))
    assert isinstance(loaded, Portfolio)
    assert fast is not None
    a, b = fast.partnerships[0].commitments
    assert a.status is b.status  # built and checked once
    assert a.status[0] is b.status[0]
    assert first["status"] == twin["status"]


def _break(history: list[dict[str, str]]) -> None:
    """Break a history in place, keeping its keys: no state may follow itself, and
    ``fulfilled`` is not a start."""
    history[-1]["status"] = history[-2]["status"] if len(history) > 1 else "fulfilled"


def test_a_history_like_a_checked_one_is_checked_itself() -> None:
    data = _document()
    _, twin = _twins(data)
    _break(twin["status"])  # type: ignore[arg-type]
    # As many keys as the good twin: only the check of the history itself refuses it.
    text = json.dumps(data, ensure_ascii=False)
    assert _fast_load.fast_loads_json(text) is None
    refused = _same(text)
    assert isinstance(refused, LoadError)
    assert any("c-twin" in str(p) or "status" in p.message for p in refused.problems)


def test_a_shared_history_does_not_excuse_the_record_that_holds_it() -> None:
    # The fulfilments check reads the record's unit: it runs for every record.
    data = _document()
    _, twin = _twins(data)
    twin["fulfilments"] = [{"on": "2021-06-01", "quantity": {"amount": "1", "unit": "hours"}}]
    assert twin["quantity"]["unit"] != "hours"  # type: ignore[index]
    text = json.dumps(data, ensure_ascii=False)
    assert _fast_load.fast_loads_json(text) is None
    assert isinstance(_same(text), LoadError)


def test_a_text_that_passed_as_an_id_is_still_checked_as_a_code() -> None:
    data = _document()
    first, _ = _twins(data)
    assert "-" in str(first["by"])  # an id, not a code
    first["kind"] = first["by"]
    text = json.dumps(data, ensure_ascii=False)
    assert _fast_load.fast_loads_json(text) is None
    refused = _same(text)
    assert isinstance(refused, LoadError)
    assert any("code" in p.message for p in refused.problems)


def test_an_id_that_fails_is_refused_wherever_it_recurs() -> None:
    data = _document()
    first, twin = _twins(data)
    first["mandate"] = twin["mandate"] = "Not-An-Id"
    text = json.dumps(data, ensure_ascii=False)
    assert _fast_load.fast_loads_json(text) is None
    refused = _same(text)
    assert isinstance(refused, LoadError)
    assert len([p for p in refused.problems if "Not-An-Id" in p.message]) >= 1


@PATIENT
@given(sst.portfolios(), st.data())
def test_shared_histories_load_and_fail_as_the_detailed_path_says(
    drawn: Portfolio, data: st.DataObject
) -> None:
    raw = json.loads(dumps(drawn, "json"))
    commitments = [c for p in raw.get("partnerships", []) for c in p.get("commitments", [])]
    if not commitments:
        return
    history = data.draw(st.sampled_from([c["status"] for c in commitments]))
    for commitment in commitments:  # every commitment has the same history now
        commitment["status"] = json.loads(json.dumps(history))
    shared = _same(json.dumps(raw, ensure_ascii=False))
    if isinstance(shared, Portfolio):
        statuses = {id(c.status) for p in shared.partnerships for c in p.commitments}
        fast = _fast_load.fast_loads_json(json.dumps(raw, ensure_ascii=False))
        assert fast is not None
        assert len({id(c.status) for p in fast.partnerships for c in p.commitments}) == 1
        assert statuses
    last = data.draw(st.sampled_from(commitments))
    _break(last["status"])  # only this one breaks its history
    text = json.dumps(raw, ensure_ascii=False)
    assert isinstance(_same(text), LoadError)
    assert _fast_load.fast_loads_json(text) is None


def test_histories_and_texts_are_not_remembered_between_loads() -> None:
    data = _document()
    _twins(data)
    text = json.dumps(data, ensure_ascii=False)
    first, second = _fast_load.fast_loads_json(text), _fast_load.fast_loads_json(text)
    assert first is not None
    assert second is not None
    assert first.partnerships[0].commitments[0].status is not (
        second.partnerships[0].commitments[0].status
    )
    builders = _fast_load._compiled()
    assert builders is not None
    assert builders[1]() is not builders[1]()  # one set of builders and memories per load


def test_a_load_leaves_no_cycles_for_the_collector() -> None:
    # The per-load builders refer to each other, never to themselves: when the load
    # ends, reference counting frees them and their memories, with the collector off.
    text = dumps(portfolio(), "json")
    gc.collect()
    gc.disable()
    try:
        loaded = _fast_load.fast_loads_json(text)
        assert loaded is not None
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_colons_as_many_as_the_keys_mean_no_key_twice() -> None:
    assert _fast_load._keys_once('{"a":1,"b":{"c":2}}', 3)
    assert not _fast_load._keys_once('{"a":1,"a":2}', 1)  # msgspec counts one `a`
    # A colon in a text: the key ends are counted instead, spaced ones too.
    assert _fast_load._keys_once('{"a" : "10:00", "b":1}', 2)
    assert not _fast_load._keys_once('{"a" : "10:00", "a" :1}', 1)
