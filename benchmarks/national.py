"""Benchmark: the national path, each step as a ratio to ``loads`` of the same document.

    python benchmarks/national.py                  # 100k commitments (about 2,000 partnerships)
    python benchmarks/national.py --size 10000 --rounds 3

Builds ``samarbejde.testing.synthetic_portfolio`` once, writes it as JSON (indented, as
people keep it, so line numbers mean something) and as YAML, saves it as the first
revision of a SQLite store, and then measures, alternated in one process so every step
sees the same machine load (on a shared machine the load moves by a factor of two
within minutes; the ratios are the figures to compare), the median over ``--rounds``:

* ``loads``: ``samarbejde.loads`` of the JSON bytes, collector on, as users run it;
* ``store read``: a fresh store object's ``portfolio()`` of the latest revision;
* ``validate``: ``samarbejde.validate`` with every rule, every message rendered, of a
  portfolio loaded just before (untimed), as the whole path validates one: a portfolio
  keeps its view on a day once made (D109), so a second run on the same one is cheaper;
* ``overview``: the national overview page (maturity, counts, the page) from the
  validated findings, likewise of a portfolio loaded and validated just before;
* ``whole path``: store read + validate (every message rendered) + overview page;
* ``whole, unread``: the same path with the messages left unrendered, as a program that
  makes only the overview page leaves them (the page counts findings; a message is
  rendered when first read, D53). Printed for comparison; the target is the first;
* ``to_frames``: every table of a portfolio loaded just before as DataFrames (the
  ``frames`` extra).

No step keeps what it made, and the script keeps no portfolio between steps: each step
runs with the objects it makes, as in a process of its own. A portfolio kept aside
would lengthen every full collection of the cyclic collector (about a second each at
this size, for two million live objects), and the steps that make more objects pay
more of them; the benchmark measured the path with one kept aside until issue 25's
last round.
* ``CLI validate``: ``samarbejde validate FILE`` in this process (located findings,
  every line written), against ``loads`` + ``validate`` of the same file, for JSON and
  YAML; and its peak memory (tracemalloc) against theirs.

The targets of issue 25 are printed with each figure: whole path <= 2x loads, CLI
validate <= 1.3x loads + validate in time and peak memory, the overview page <= 2 MB,
``to_frames`` <= 1x loads.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import io
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum

from samarbejde import Portfolio, Report, dumps, loads, store, validate
from samarbejde.analysis import assess, to_frames
from samarbejde.cli import main
from samarbejde.documents import Format
from samarbejde.report import Document, overview
from samarbejde.testing import synthetic_portfolio

AS_OF = pendulum.Date(2026, 1, 1)


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _after(prepare: Callable[[], Any], action: Callable[[Any], object]) -> Callable[[], float]:
    """A step timed without its preparation: ``action`` of what ``prepare`` gives."""

    def step() -> float:
        ready = prepare()
        return _timed(lambda: action(ready))

    return step


def _peak(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _write(portfolio: Portfolio, json_file: Path, yaml_file: Path, target: Path) -> int:
    """Write ``portfolio`` as indented JSON (as a person's file is), YAML and a store."""
    json_file.write_text(
        json.dumps(json.loads(dumps(portfolio, "json")), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    yaml_file.write_text(dumps(portfolio, "yaml"), encoding="utf-8")
    with store.open(target) as kept:
        kept.save(portfolio, recorded_by="benchmark", note="the national portfolio")
    return len(portfolio.partnerships)


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=100_000, help="commitments (default 100k)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, medians reported")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        json_file, yaml_file = root / "national.json", root / "national.yaml"
        target = root / "national.db"
        # the portfolio lives in the files and the store only: held here, it would make
        # every collection of every step longer
        partnerships = _write(synthetic_portfolio(args.size), json_file, yaml_file, target)
        data = {"json": json_file.read_bytes(), "yaml": yaml_file.read_bytes()}
        # the national files are larger than the default limit (64 MB): say so, as a user would
        limit = max(len(text) for text in data.values())

        def load() -> Portfolio:
            return loads(data["json"], "json", max_bytes=limit)

        def read() -> Portfolio:
            with store.open(target) as fresh:
                return fresh.portfolio()

        def check(loaded: Portfolio) -> tuple[list[str], Report]:
            report = validate(loaded, as_of=AS_OF)
            return [f.message for f in report.findings], report

        def page(loaded: Portfolio, report: Report) -> str:
            findings = report.findings
            maturities = assess(loaded, as_of=AS_OF, findings=findings)
            return overview(
                Document(loaded),
                as_of=AS_OF,
                findings=findings,
                maturities=maturities,
                link=lambda p: f"p/{p}.html",
            )

        def whole() -> object:
            loaded = read()
            return page(loaded, check(loaded)[1])

        def unread() -> object:
            loaded = read()
            return page(loaded, validate(loaded, as_of=AS_OF))

        def plain(fmt: Format) -> Callable[[], object]:
            file = json_file if fmt == "json" else yaml_file  # read here, as the CLI reads it
            return lambda: check(loads(file.read_bytes(), fmt, max_bytes=limit))

        def command(fmt: str) -> Callable[[], object]:
            file = str(json_file if fmt == "json" else yaml_file)

            def run() -> object:
                with contextlib.redirect_stdout(io.StringIO()):
                    return main(
                        ["validate", file, "--as-of", str(AS_OF), "--max-bytes", str(limit)]
                    )

            return run

        def checked() -> tuple[Portfolio, Report]:
            fresh = load()
            return fresh, check(fresh)[1]

        actions: dict[str, Callable[[], object]] = {
            "loads": load,
            "store read": read,
            "whole path": whole,
            "whole, unread": unread,
            "loads+validate json": plain("json"),
            "CLI validate json": command("json"),
            "loads+validate yaml": plain("yaml"),
            "CLI validate yaml": command("yaml"),
        }
        timed: dict[str, Callable[[], float]] = {
            name: functools.partial(_timed, action) for name, action in actions.items()
        }
        steps = {  # in the order of the path, for the table
            "loads": timed.pop("loads"),
            "store read": timed.pop("store read"),
            "validate": _after(load, check),
            "overview": _after(checked, lambda ready: page(*ready)),
            **timed,
        }
        if importlib.util.find_spec("pandas") is not None:  # the frames extra
            steps["to_frames"] = _after(load, lambda loaded: to_frames(loaded, as_of=AS_OF))
        times: dict[str, list[float]] = {name: [] for name in steps}
        for _ in range(args.rounds):
            for name, step in steps.items():
                times[name].append(step())
        medians = {name: statistics.median(found) for name, found in times.items()}
        size = len(page(*checked()).encode())
        peaks = {
            name: _peak(actions[name])
            for name in (
                "loads+validate json",
                "CLI validate json",
                "loads+validate yaml",
                "CLI validate yaml",
            )
        }

    _print(args, partnerships, len(data["json"]), medians, peaks, size)
    return 0


def _print(  # noqa: PLR0917 - the figures of one run
    args: argparse.Namespace,
    partnerships: int,
    json_bytes: int,
    medians: dict[str, float],
    peaks: dict[str, int],
    size: int,
) -> None:
    load_time = medians["loads"]
    print(
        f"python {sys.version.split()[0]}, {args.size} commitments, {partnerships} partnerships, "
        f"{json_bytes / 1e6:.1f} MB JSON, load average {os.getloadavg()[0]:.2f}, "
        f"{args.rounds} rounds"
    )
    print(f"{'step':<22} {'median s':>9} {'/ loads':>8}")
    for name, median in medians.items():
        print(f"{name:<22} {median:>9.3f} {median / load_time:>8.2f}")
    print()
    checks = [
        ("whole path / loads", medians["whole path"] / load_time, 2.0),
        *(
            (
                f"CLI validate {fmt} / loads+validate",
                medians[f"CLI validate {fmt}"] / medians[f"loads+validate {fmt}"],
                1.3,
            )
            for fmt in ("json", "yaml")
        ),
        *(
            (
                f"CLI validate {fmt} peak memory / loads+validate",
                peaks[f"CLI validate {fmt}"] / peaks[f"loads+validate {fmt}"],
                1.3,
            )
            for fmt in ("json", "yaml")
        ),
        ("overview page MB", size / 1e6, 2.0),
    ]
    if "to_frames" in medians:
        checks.append(("to_frames / loads", medians["to_frames"] / load_time, 1.0))
    print(f"{'target':<44} {'figure':>7} {'at most':>8}")
    for name, figure, limit in checks:
        mark = "ok" if figure <= limit else "OVER"
        print(f"{name:<44} {figure:>7.2f} {limit:>8.2f}  {mark}")


if __name__ == "__main__":
    sys.exit(main_())
