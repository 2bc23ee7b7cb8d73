"""The hostile corpus (issue 14): every case ends as its manifest says, in bounded time and memory.

Cases live in ``tests/documents/corpus/cases``; ``corpus/generate.py`` writes them and
``corpus/manifest.json``. Files named ``fuzz-*`` were found by the fuzzers
(``tests/fuzz``); they have no manifest entry and are held to the contract alone.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pendulum
import pytest

from samarbejde import LoadError, dumps, loads, validate
from samarbejde.documents import MAX_PROBLEMS, Format

CORPUS = Path(__file__).parent / "corpus"
MANIFEST: dict[str, dict[str, Any]] = json.loads((CORPUS / "manifest.json").read_text())
FILES = sorted(p.name for p in (CORPUS / "cases").iterdir())
FORMAT_OF: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".toml": "toml"}
#: Per case: at most this long, and at most this much memory over a base of 48 MB.
SECONDS = 15.0
MEMORY_PER_BYTE = 80
BASE_MEMORY = 48 * 1024 * 1024
LEAKS = ("set_int_max_str_digits", "Traceback", "C int", "object at 0x")


def _run(data: bytes, fmt: Format) -> tuple[object, float, int]:
    tracemalloc.start()
    began = time.perf_counter()
    try:
        result: object = loads(data, fmt)
    except LoadError as error:
        result = error
    finally:
        spent = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, spent, peak


def test_the_corpus_is_large_and_covers_every_format() -> None:
    assert len(MANIFEST) >= 300
    assert set(MANIFEST) <= set(FILES)
    formats = [entry["format"] for entry in MANIFEST.values()]
    assert all(formats.count(f) >= 100 for f in FORMAT_OF.values())


@pytest.mark.parametrize("name", FILES)
def test_a_corpus_case_ends_as_expected_in_bounded_time_and_memory(name: str) -> None:
    data = (CORPUS / "cases" / name).read_bytes()
    fmt = FORMAT_OF[Path(name).suffix]
    result, spent, peak = _run(data, fmt)
    assert spent < SECONDS, f"{name}: {spent:.2f} s"
    assert peak < BASE_MEMORY + MEMORY_PER_BYTE * len(data), f"{name}: {peak / 1e6:.1f} MB"
    expected = MANIFEST.get(name)
    if isinstance(result, LoadError):
        assert 0 < len(result.problems) <= MAX_PROBLEMS
        for problem in result.problems:
            shown = str(problem)
            shown.encode("utf-8")  # printable: no lone surrogates
            assert not any(leak in shown for leak in LEAKS), shown
        str(result).encode("utf-8")
        if expected is not None:
            assert expected["outcome"] == "error", f"{name} should load"
            wanted = (expected["path"], expected["message"], expected["line"], expected["column"])
            found = [(p.path, p.message[:200], p.line, p.column) for p in result.problems]
            assert wanted in found
            assert expected["expect"] in expected["message"]
            assert len(result.problems) + result.omitted == expected["problems"]
        return
    assert expected is None or expected["outcome"] == "ok", f"{name}: {expected}"
    portfolio = loads(dumps(result, fmt), fmt)  # type: ignore[arg-type]
    assert portfolio == result
    validate(portfolio, as_of=pendulum.Date(2025, 6, 1))
    validate(portfolio, as_of=pendulum.Date(9999, 12, 31))
