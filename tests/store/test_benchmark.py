"""benchmarks/store.py --small runs (CI's smoke run) and prints every figure issue 24 asks for."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "store.py"


def test_the_small_store_benchmark_prints_every_figure() -> None:
    spec = importlib.util.spec_from_file_location("store_benchmark", BENCHMARK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        module.main(["--small", "--postgres", ""])
    text = out.getvalue()
    assert text.startswith("20 partnerships (1000 commitments), 20 revisions, median of 1")
    for figure in (
        "read one partnership",
        "the whole portfolio",
        "read cached",
        "uncached",
        "history of one record",
        "of all (21)",
        "bytes per one-status revision",
    ):
        assert figure in text, figure
    stored = re.search(r"bytes per one-status revision:\s+(\d+)", text)
    file = re.search(r"file: .*?([\d.]+) MB", text)
    assert stored is not None
    assert file is not None
    per_revision, whole = int(stored[1]), float(file[1]) * 1e6
    # Finer rows: a one-status revision stores what changed, not its partnership
    # (a twentieth of this portfolio).
    assert per_revision < whole / 20
