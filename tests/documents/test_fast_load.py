"""The msgspec JSON load gives what the detailed path gives, or gives up.

The fast path (``documents._fast_load``) must never accept a document that the detailed
path refuses: then every ``LoadError`` is the detailed path's own, problem for problem.
Each test compares ``loads`` with the fast path against ``loads`` without it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.medvind import portfolio

from samarbejde import LoadError, Portfolio, dumps, loads
from samarbejde import strategies as sst
from samarbejde.documents import _fast_load, _io
from samarbejde.strategies import LOAD_PROBLEMS, Defect, invalid_portfolios

PATIENT = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def _detailed_only(text: str | bytes, **kwargs: int) -> Portfolio | LoadError:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_io, "fast_loads_json", lambda _: None)
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
    defect: Defect = data.draw(invalid_portfolios([code], formats=["json"]))
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
        assert _fast_load.fast_loads_json(text) == drawn
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
