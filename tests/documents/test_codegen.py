"""Generated code can be read: each function's source is kept and tracebacks show its lines.

All generated functions come from ``documents._codegen.generate``, which registers each
one's source in ``linecache`` under its own file name (as attrs and cattrs do).
"""

from __future__ import annotations

import json
import linecache
import pathlib
import re
import traceback
import types
from collections.abc import Callable
from typing import Any

import pytest
from tests.opdrift import portfolio

from samarbejde import Portfolio, dumps
from samarbejde.documents import _codegen, _fast_load, _io
from samarbejde.documents._codegen import generate, source_of
from samarbejde.documents._unstructure import unstructure_functions


def _generated_frames(error: BaseException, direction: str) -> list[traceback.FrameSummary]:
    frames = traceback.extract_tb(error.__traceback__)
    return [f for f in frames if f.filename.startswith(f"<samarbejde {direction} ")]


def _assert_shows_generated_lines(error: BaseException, direction: str) -> None:
    """The traceback passes through generated code and prints each generated line."""
    text = "".join(traceback.format_exception(error))
    frames = _generated_frames(error, direction)
    assert frames, text
    for frame in frames:
        expected = linecache.getline(frame.filename, frame.lineno or 0).strip()
        assert expected
        assert frame.line == expected
        assert f'File "{frame.filename}", line {frame.lineno}, in {frame.name}\n    {expected}' in (
            text
        )


def _broken_commitment() -> Portfolio:
    """The test portfolio, its first commitment holding text where its term belongs."""
    drawn = portfolio()
    commitment = next(c for p in drawn.partnerships for c in p.commitments)
    object.__setattr__(commitment, "term", "not a term")
    return drawn


def test_a_broken_record_in_dumps_shows_the_generated_json_writer_line() -> None:
    with pytest.raises(AttributeError) as caught:
        dumps(_broken_commitment(), "json")
    _assert_shows_generated_lines(caught.value, "json writer")
    assert any(
        f.name == "_write_Commitment" for f in _generated_frames(caught.value, "json writer")
    )


def test_a_broken_record_in_unstructure_shows_the_generated_line() -> None:
    with pytest.raises(AttributeError) as caught:
        _io.unstructure(_broken_commitment())
    _assert_shows_generated_lines(caught.value, "unstructure")


def test_a_failure_in_the_fast_load_shows_the_generated_builder_line() -> None:
    data = json.loads(dumps(portfolio(), "json"))
    data["partnerships"][0]["commitments"][0]["by"] = "Not An Id"
    gave_up = _fast_load.fast_load_json(json.dumps(data)).gave_up
    assert gave_up is not None
    assert gave_up.error is not None
    _assert_shows_generated_lines(gave_up.error, "fast load")
    assert gave_up.where == "Commitment.by"


def _generated_functions() -> list[Callable[..., Any]]:
    """Every function the three generators made for portfolios."""
    writer = _io._write_json()
    root = writer.__wrapped__  # type: ignore[attr-defined]
    found = [
        value
        for value in root.__globals__.values()
        if isinstance(value, types.FunctionType)
        and value.__code__.co_filename.startswith("<samarbejde json writer ")
    ]
    found += [f.__wrapped__ for f in unstructure_functions(Portfolio).values()]  # type: ignore[attr-defined]
    compiled = _fast_load._compiled()
    assert compiled is not None
    return [*found, compiled[1]]


def test_every_generated_function_keeps_its_source_under_its_own_file_name() -> None:
    functions = _generated_functions()
    names = [f.__code__.co_filename for f in functions]
    assert len(functions) > 20
    assert len(set(names)) == len(names)
    for function in functions:
        source = source_of(function)
        assert source.startswith(f"def {function.__name__}(") or f"\ndef {function.__name__}(" in (
            source
        )
        assert linecache.getlines(function.__code__.co_filename) == source.splitlines(True)


def test_the_writers_of_records_are_one_function_per_record() -> None:
    writer = _io._write_json()
    names = {
        f.__name__
        for f in _generated_functions()
        if f.__code__.co_filename.startswith("<samarbejde json writer ")
    }
    assert "_stream_Portfolio" in names
    assert "_write_Commitment" in names
    assert source_of(writer) == source_of(writer.__wrapped__)  # type: ignore[attr-defined]


def test_the_same_name_twice_gets_two_file_names() -> None:
    first = generate("test", "f", "def f():\n    return 1", {})
    second = generate("test", "f", "def f():\n    return 2", {})
    assert first.__code__.co_filename != second.__code__.co_filename
    assert (first(), second()) == (1, 2)
    assert linecache.getline(second.__code__.co_filename, 2).strip() == "return 2"


def test_a_function_not_generated_has_no_source() -> None:
    with pytest.raises(ValueError, match="not generated"):
        source_of(test_a_function_not_generated_has_no_source)


def test_only_the_codegen_module_compiles_source() -> None:
    """Every compile and exec of the documents layer goes through ``_codegen``."""
    package = pathlib.Path(_codegen.__file__).parent
    builtin_call = re.compile(r"(?<!def )(?<![.\w])(?:compile|exec|eval)\(")
    calls = {
        path.name: builtin_call.findall(path.read_text(encoding="utf-8"))
        for path in package.glob("*.py")
    }
    assert calls.pop("_codegen.py")
    assert not any(calls.values()), calls
