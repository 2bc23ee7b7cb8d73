"""Issue 28, item 3: refusing a flood of wrong values costs memory for the problems kept.

A document whose one list holds millions of wrong values used to cost about 90 times
its size: every value's path and position was kept before the problem cap applied.
Now positions are found for the problems kept only (design decision D68), so a
further wrong value costs its parsed input and nothing more. ``benchmarks/flood.py``
gives the CPU time and memory of 8 MB and 64 MB floods.
"""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samarbejde import LoadError, loads
from samarbejde.documents import MAX_PROBLEMS, Format
from samarbejde.documents._locate import Path as RawPath
from samarbejde.documents._parse import locate, parse, parse_lean

FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")
#: Wrong values in the smaller flood; the larger holds four times as many.
FLOOD = 5_000
#: Bytes each further wrong value may add to the peak: its parsed item (a list slot,
#: 8 bytes) and its text (2 bytes, copied once by the size check and by a parser), with
#: room to spare. Keeping a path and a position per value cost over 150.
BYTES_PER_WRONG_VALUE = 48
_HEADS = {
    "json": ('{"format": "samarbejde/1", "areas": [', "]}"),
    "yaml": ("format: samarbejde/1\nareas: [", "]\n"),
    "toml": ('format = "samarbejde/1"\nareas = [', "]\n"),
}
CORPUS = Path(__file__).parent / "corpus" / "cases"


def _flood(fmt: Format, count: int) -> str:
    head, tail = _HEADS[fmt]
    return head + ",".join(["1"] * count) + tail


def _refuse(fmt: Format, count: int) -> tuple[int, LoadError]:
    text = _flood(fmt, count)
    tracemalloc.start()
    try:
        loads(text, fmt)
    except LoadError as error:
        caught = error
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, caught


@pytest.mark.parametrize("fmt", FORMATS)
def test_refusing_a_flood_costs_memory_for_the_problems_kept_only(fmt: Format) -> None:
    _refuse(fmt, FLOOD)  # the first load builds the converters
    low, _ = _refuse(fmt, FLOOD)
    high, caught = _refuse(fmt, 4 * FLOOD)
    assert len(caught.problems) == MAX_PROBLEMS
    assert caught.omitted == 4 * FLOOD - MAX_PROBLEMS
    assert caught.problems[-1].path == f"areas[{MAX_PROBLEMS - 1}]"
    grown = (high - low) / (3 * FLOOD)
    assert grown < BYTES_PER_WRONG_VALUE, f"{grown:.0f} bytes a further wrong value"


def _every_path(data: object, path: RawPath = ()) -> list[RawPath]:
    paths = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            paths += _every_path(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            paths += _every_path(value, (*path, index))
    return paths


def _readable(fmt: Format) -> list[tuple[str, Format]]:
    """Corpus texts of ``fmt`` that parse, without a position kept on the way."""
    found: list[tuple[str, Format]] = []
    for case in sorted(CORPUS.glob(f"*.{fmt}")):
        try:
            text = case.read_bytes().decode("utf-8")
            _, kept, _ = parse_lean(text, fmt)
        except Exception:  # not readable: not a case for locating
            continue
        if kept is None and case.stat().st_size < 200_000:
            found.append((text, fmt))
    return found


READABLE = [*_readable("json"), *_readable("yaml")]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_the_corpus_holds_texts_to_locate(fmt: Format) -> None:
    assert sum(1 for _, f in READABLE if f == fmt) >= 10


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(READABLE), st.data())
def test_locating_a_few_paths_finds_what_the_full_scan_finds(
    case: tuple[str, Format], data: st.DataObject
) -> None:
    text, fmt = case
    raw, everywhere, _ = parse(text, fmt)
    paths = _every_path(raw)
    wanted = data.draw(st.lists(st.sampled_from(paths), max_size=5))
    # A path the document does not hold is located at its nearest parent.
    wanted += data.draw(st.lists(st.sampled_from(paths).map(lambda p: (*p, "nowhere", 3))))
    located = locate(text, fmt, wanted)
    for path in wanted:
        assert located.position(path) == everywhere.position(path), path
        assert located.position(path, key=True) == everywhere.position(path, key=True), path


#: Items of every kind TOML writes, those JSON writes alike and those it does not.
TOML_ITEMS = st.sampled_from(
    [
        *("1", "-5", "0", "+1", "1_000", "0x1F", "01", "1.5", "true", "false", '"a"', '"ø\t"'),
        *('"a\\n"', "'lit'", '""', "[]", "{}", "1979-05-27", '"\\u0000"', "nan", "1e5"),
    ]
)
SEPARATORS = st.sampled_from([",", ", ", ",\n", ",\r\n", " ,", ",\r", ", # note\n"])
CONTEXTS = st.sampled_from(
    [
        *("a = [{}]\n", "a = [{}, 1.5]\n", "a = [[{}], [1]]\n", "s = '''[{}'''\n", "# [{}\n"),
        *("s = '[{}]'\n", "a = {{b = [{}]}}\n", "a = [{}\n", "[t]\na = [ {} ]\n"),
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(TOML_ITEMS, min_size=1, max_size=4), SEPARATORS, CONTEXTS)
def test_long_toml_lists_read_as_tomllib_reads_them(
    items: list[str], separator: str, context: str
) -> None:
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover - Python 3.10: tomli, as the package itself reads TOML
        import tomli as tomllib  # noqa: PLC0415

    from samarbejde.documents._toml_runs import RUN_ITEMS, loads_toml  # noqa: PLC0415

    text = context.format(separator.join(items * (RUN_ITEMS // len(items) + 2)))
    try:
        wanted: object = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError) as error:
        wanted = (type(error), str(error))
    try:
        found: object = loads_toml(text)
    except (tomllib.TOMLDecodeError, ValueError) as error:
        found = (type(error), str(error))
    assert repr(found) == repr(wanted)  # nan is not equal to itself
