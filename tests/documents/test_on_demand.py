"""The on-demand source maps agree with the full scanners at every path.

:func:`walk_json` splits JSON containers with msgspec only where a path asks, and a
located YAML load keeps a compact event log instead of a position per path; the full
scanners record every value and key. Both must give the same line and column for every
value and key of any document that loads, and for every path a finding can name (ids
and organisations as selectors, indexes, missing parts).
"""

from __future__ import annotations

import copy
import json

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import dumps
from samarbejde.documents._json_text import scan_json
from samarbejde.documents._json_walk import walk_json
from samarbejde.documents._locate import Path, SourceMap, render_path
from samarbejde.documents._yaml_text import scan_yaml
from samarbejde.strategies import portfolios

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
_KEYS = st.sampled_from(["id", "organisation", "a", "b", "æøå", 'q"x', "12"]) | _TEXT
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | _TEXT | st.sampled_from(["x", "12", "æ"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=25,
)
_LAYOUTS = st.sampled_from([None, 0, 1, 2, "\t"])


def _paths(data: object, path: Path = ()) -> list[Path]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


def _written(data: object, indent: int | str | None) -> str:
    separators = (",", ":") if indent is None else None
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)


def _agree(text: str, extra: list[str]) -> None:
    data, full, _ = scan_json(text, 100)
    _agree_with(full, data, walk_json(text), extra)
    # The bytes a file gives, with a byte order mark: the same positions in its text.
    _agree_with(full, data, walk_json("\ufeff".encode() + text.encode()), extra)


def _agree_with(full: SourceMap, data: object, walked: SourceMap, extra: list[str]) -> None:
    for path in _paths(data):
        assert walked.position(path) == full.position(path), path
        assert walked.position(path, key=True) == full.position(path, key=True), path
        rendered = render_path(path)
        assert walked.locate(rendered) == full.locate(rendered), rendered
    for asked in extra:
        assert walked.locate(asked) == full.locate(asked), asked


@settings(max_examples=150)
@given(_JSON, _LAYOUTS, st.lists(st.sampled_from(["x", "12", "0", "æ", "a", "id"]), max_size=3))
def test_every_path_of_any_json_is_where_the_scanner_puts_it(
    data: object, indent: int | str | None, parts: list[str]
) -> None:
    """Values, keys, selectors, digit ids and missing parts: the same line and column."""
    document = {"root": data, "also": [data, {"id": "x", "v": data}, "12", {"organisation": "0"}]}
    asked = ["", "also[x]", "also[0]", "also[12]", "also[1].v", "also[x].v", "[0]", "12"]
    asked += [f"{render_path(path)}[{q}]" for path in _paths(document) for q in parts]
    _agree(_written(document, indent), asked)


@WHOLE_PORTFOLIOS
@given(portfolios(), _LAYOUTS)
def test_every_path_of_a_portfolio_and_its_ids(portfolio: object, indent: int | str | None) -> None:
    """The paths rules name (by id and organisation) land where the scanner puts them."""
    text = dumps(portfolio, "json")  # type: ignore[arg-type]
    if indent is not None:
        text = _written(json.loads(text), indent)
    data = json.loads(text)
    asked = []
    for partnership in data.get("partnerships", []):
        base = f"partnerships[{partnership['id']}]"
        asked.append(f"{base}.term.end")
        members = partnership.get("members", [])
        commitments = partnership.get("commitments", [])
        asked += [f"{base}.members[{m['organisation']}].role" for m in members]
        asked += [f"{base}.commitments[{c['id']}].status" for c in commitments]
    _agree(text, [*asked, "partnerships[nobody].members[0]", "areas[0].name.x"])


def test_a_path_that_is_not_a_path_has_no_position() -> None:
    """As the full map: ``None`` for text that cannot be read as a path."""
    walked = walk_json('{"a": [1]}')
    assert walked.locate("a[0") is None
    assert walked.locate("a[0]") == (1, 8)


def test_only_the_asked_containers_are_split() -> None:
    """A position in one partnership splits that partnership, not its neighbours."""
    text = _written({"partnerships": [{"id": f"p{i}", "x": [1, 2]} for i in range(50)]}, 1)
    walked = walk_json(text)
    walked.locate("partnerships[p3].x[1]")
    split = walked._containers
    assert len(split) == 4  # the root, the list, p3, p3's x


def _agree_yaml(text: str, extra: list[str]) -> None:
    data, full, _ = scan_yaml(text, 100)
    lean, logged, issues = scan_yaml(text, 100, positions=False, log=True)
    assert lean == data
    assert not issues
    assert logged is not None
    _agree_with(full, data, logged, extra)


_YAML_KEYS = st.sampled_from(["id", "organisation", "a", "b", "æøå", "12"])
_YAML = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(["x", "12", "æ", "", "a b"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_YAML_KEYS, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=150)
@given(_YAML, st.booleans(), st.lists(st.sampled_from(["x", "12", "0", "a", "id"]), max_size=3))
def test_every_path_of_any_yaml_is_where_the_full_read_puts_it(
    data: object, flow: bool, parts: list[str]
) -> None:
    """Block or flow style, selectors and missing parts: the same line and column."""
    again = copy.deepcopy  # a shared object would be written as an anchor, which is refused
    document = {
        "root": data,
        "also": [again(data), {"id": "x", "v": again(data)}, "12", {"organisation": "0"}],
    }
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow)
    asked = ["", "also[x]", "also[0]", "also[12]", "also[1].v", "also[x].v", "[0]", "12"]
    asked += [f"{render_path(path)}[{q}]" for path in _paths(document) for q in parts]
    _agree_yaml(text, asked)


@WHOLE_PORTFOLIOS
@given(portfolios())
def test_every_path_of_a_yaml_portfolio_and_its_ids(portfolio: object) -> None:
    """The paths rules name land where the full read puts them, in the YAML we write."""
    text = dumps(portfolio, "yaml")  # type: ignore[arg-type]
    data = yaml.safe_load(text)
    asked = []
    for partnership in data.get("partnerships", []):
        base = f"partnerships[{partnership['id']}]"
        asked.append(f"{base}.term.end")
        asked += [
            f"{base}.members[{m['organisation']}].role" for m in partnership.get("members", [])
        ]
    _agree_yaml(text, [*asked, "partnerships[nobody].members[0]"])
