"""Benchmark: loading, dumping and validating documents, against the parsers and a pydantic v2 peer.

    python benchmarks/documents.py                       # 10k and 100k commitments
    python benchmarks/documents.py --sizes 1000 10000 --rounds 3

For each size it builds ``samarbejde.testing.synthetic_portfolio``. Every
figure is the median of ``--rounds`` rounds, and each round measures every action of
every size once, in turn, in this one process (samarbejde, the peer, the parse floor;
10k, then 100k, then 10k again …). Both sides and both sizes so see the same machine
load, which on a shared machine moves by a factor of two within minutes; the ratios
are the figures to compare.

What is measured (JSON unless named):

* ``load``: ``samarbejde.loads`` as its users run it, collector on (loads no longer
  pause it for the whole process: design decision D54); ``load (gc paused)``: the
  same with the collector paused around the call, as a program that owns its
  process may choose to.
* ``load peer``: the peer's ``model_validate_json`` as its users run it, collector on;
  ``load peer (gc paused)``: the same with the collector paused around the call, so
  that the comparison of the two parsers is fair.
* ``parse orjson`` / ``parse json.loads``: the floor, bytes to plain dicts.
* ``dump`` / ``dump peer``: ``samarbejde.dumps`` and ``model_dump_json``.
* ``validate``: ``samarbejde.validate`` with the full catalogue, ``as_of`` given.
* ``memory`` / ``memory peer``: bytes held by the loaded result (tracemalloc).
* YAML ``load``/``dump`` against the peer fed by, and written with, PyYAML's C classes.

The peer (``_pydantic_peer.py``) checks what samarbejde checks on load (patterns,
enums, dates, decimals as text, unknown keys, the model's local invariants), except
one: pydantic's JSON parser keeps the last of duplicate keys where samarbejde refuses
the document. That check is samarbejde's extra cost.

It prints the table, the ratios and the targets of issue 16 for the JSON path at the
largest size.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pydantic_peer import PortfolioDocument

from samarbejde import dumps, loads, validate
from samarbejde.documents._io import _converters
from samarbejde.testing import synthetic_portfolio

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is in the bench extra
    orjson = None  # type: ignore[assignment]

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
NO_LIMIT = 1 << 40
AS_OF = pendulum.Date(2025, 6, 1)

#: The targets of issue 16, JSON at the largest size: (figure, over, at most).
TARGETS: tuple[tuple[str, str, float], ...] = (
    ("load", "load peer (gc paused)", 0.6),
    ("load (gc paused)", "load peer (gc paused)", 0.6),
    ("load", "load peer", 0.3),
    ("load", "parse orjson", 3.5),
    ("dump", "dump peer", 1.0),
    ("memory", "memory peer", 0.25),
    ("validate", "load", 0.5),
    ("yaml load", "yaml load peer", 1.0),
    ("yaml dump", "yaml dump peer", 1.0),
)
SCALED = ("load", "dump", "validate")
SCALING_LIMIT = 11.0


def timed(action: Callable[[], Any]) -> float:
    """Wall time of one run of ``action``, after a full collection."""
    gc.collect()
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def gc_paused(action: Callable[[], Any]) -> Callable[[], Any]:
    """``action`` with the cyclic garbage collector paused around it."""

    def run() -> Any:
        gc.disable()
        try:
            return action()
        finally:
            gc.enable()

    return run


def held_memory(action: Callable[[], Any]) -> int:
    """Bytes still allocated while the result of ``action`` is alive (tracemalloc).

    samarbejde's converters are made afresh first, so that the values they share
    between loads are counted too.
    """
    _converters.cache_clear()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = action()
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del result
    return held


def actions(size: int, yaml_up_to: int) -> tuple[dict[str, Callable[[], Any]], dict[str, float]]:
    """The timed actions of one size, and the figures measured once (bytes, memory)."""
    portfolio = synthetic_portfolio(size)
    json_text = dumps(portfolio, "json")
    json_bytes = json_text.encode()
    peer = PortfolioDocument.model_validate_json(json_text)
    assert loads(json_text, "json", max_bytes=NO_LIMIT) == portfolio

    def load_peer() -> PortfolioDocument:
        return PortfolioDocument.model_validate_json(json_text)

    timed_actions: dict[str, Callable[[], Any]] = {
        "load": lambda: loads(json_text, "json", max_bytes=NO_LIMIT),
        "load (gc paused)": gc_paused(lambda: loads(json_text, "json", max_bytes=NO_LIMIT)),
        "load peer": load_peer,
        "load peer (gc paused)": gc_paused(load_peer),
        "parse json.loads": lambda: json.loads(json_text),
        "dump": lambda: dumps(portfolio, "json"),
        "dump peer": peer.model_dump_json,
        "validate": lambda: validate(portfolio, as_of=AS_OF),
    }
    if orjson is not None:
        timed_actions["parse orjson"] = lambda: orjson.loads(json_bytes)
    once: dict[str, float] = {
        "json bytes": len(json_bytes),
        "memory": held_memory(lambda: loads(json_text, "json", max_bytes=NO_LIMIT)),
        "memory peer": held_memory(load_peer),
    }
    if size <= yaml_up_to:
        yaml_text = dumps(portfolio, "yaml")
        assert loads(yaml_text, "yaml", max_bytes=NO_LIMIT) == portfolio
        peer_plain = peer.model_dump(mode="json")
        timed_actions |= {
            "yaml load": lambda: loads(yaml_text, "yaml", max_bytes=NO_LIMIT),
            "yaml load peer": lambda: PortfolioDocument.model_validate(
                yaml.load(yaml_text, Loader=LOADER)  # the C *safe* loader
            ),
            "yaml dump": lambda: dumps(portfolio, "yaml"),
            "yaml dump peer": lambda: yaml.dump(peer_plain, Dumper=DUMPER, sort_keys=False),
        }
        once["yaml bytes"] = len(yaml_text.encode())
    return timed_actions, once


def measure(sizes: list[int], rounds: int, yaml_up_to: int) -> dict[int, dict[str, float]]:
    """Medians over rounds; each round runs every action of every size once, in turn."""
    prepared = {size: actions(size, yaml_up_to) for size in sizes}
    samples: dict[int, dict[str, list[float]]] = {size: {} for size in sizes}
    for number in range(rounds):
        started = time.perf_counter()
        for size in sizes if number % 2 == 0 else reversed(sizes):
            for name, action in prepared[size][0].items():
                samples[size].setdefault(name, []).append(timed(action))
        print(f"# round {number + 1}/{rounds} in {time.perf_counter() - started:.0f}s", flush=True)
    results: dict[int, dict[str, float]] = {}
    for size in sizes:
        results[size] = {k: statistics.median(v) for k, v in samples[size].items()}
        results[size] |= prepared[size][1]
    return results


def ratio(figures: dict[str, float], over: str, under: str) -> float | None:
    """``figures[over] / figures[under]``, or None when either was not measured."""
    if over in figures and figures.get(under):
        return figures[over] / figures[under]
    return None


def report(results: dict[int, dict[str, float]]) -> None:
    """Print the figures, the ratios and the targets."""
    sizes = sorted(results)
    names = list(dict.fromkeys(k for size in sizes for k in results[size]))
    print(f"{'commitments':<26}" + "".join(f"{size:>14,}" for size in sizes))
    for name in names:
        cells = []
        for size in sizes:
            value = results[size].get(name)
            if value is None:
                cells.append(f"{'-':>14}")
            elif "bytes" in name or "memory" in name:
                cells.append(f"{value / 1e6:>12.1f}MB")
            else:
                cells.append(f"{value * 1000:>12.1f}ms")
        print(f"{name:<26}" + "".join(cells))
    print()
    print(f"targets, JSON at {sizes[-1]:,} commitments (median of alternating rounds):")
    for over, under, limit in TARGETS:
        # YAML is measured up to --yaml-up-to: its targets at the largest size it has.
        size = max((s for s in sizes if over in results[s]), default=sizes[-1])
        value = ratio(results[size], over, under)
        if value is None:
            print(f"  {over + ' / ' + under:<40}{'-':>8}")
            continue
        verdict = "met" if value <= limit else "NOT met"
        at = "" if size == sizes[-1] else f" (at {size:,})"
        print(f"  {over + ' / ' + under:<40}{value:>8.2f}  <= {limit:<5g} {verdict}{at}")
    if len(sizes) > 1:
        small, large = sizes[-2], sizes[-1]
        print(f"scaling time({large:,}) / time({small:,}), sizes alternated in each round:")
        for what in SCALED:
            value = ratio({"a": results[large][what], "b": results[small][what]}, "a", "b")
            assert value is not None
            verdict = "met" if value <= SCALING_LIMIT else "NOT met"
            print(f"  {what:<40}{value:>8.2f}  <= {SCALING_LIMIT:<5g} {verdict}")


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds (median)")
    parser.add_argument(
        "--yaml-up-to",
        type=int,
        default=10_000,
        help="skip YAML for sizes above this (it is the slow path)",
    )
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    results = measure(sorted(args.sizes), args.rounds, args.yaml_up_to)
    after = os.getloadavg()[0]
    print(
        f"# Python {sys.version.split()[0]}, {sys.platform}, "
        f"load average {before:.1f} before and {after:.1f} after, {os.cpu_count()} cores"
    )
    report(results)


if __name__ == "__main__":
    main()
