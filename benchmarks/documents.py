"""Benchmark: loading and dumping documents, against the raw parsers and a pydantic v2 peer.

    python benchmarks/documents.py                      # 1k, 10k and 100k commitments
    python benchmarks/documents.py --sizes 1000 10000 --repeat 3

For each size it builds ``samarbejde.testing.synthetic_portfolio`` and
measures, as medians over ``--repeat`` runs (a full garbage collection before each):

* JSON: ``samarbejde.loads`` / ``dumps``; the raw parse floor (``json.loads``, orjson);
  the peer's ``model_validate_json`` / ``model_dump_json`` (pydantic v2, stock settings).
* YAML: ``samarbejde.loads`` / ``dumps``; the raw floor (PyYAML's C safe loader); the
  peer fed by the same C loader and written with the C dumper.
* Memory held by the loaded portfolio (tracemalloc), samarbejde against the peer.

samarbejde and the peer run in turns, so that both see the same load on a shared
machine; the ratios are the figures to compare across machines.

It prints the ratios samarbejde/peer and time(largest)/time(previous size), and the
targets of issue 3 for the JSON path at 100k commitments: load <= 0.7x the peer,
dump <= 1.0x, memory <= 0.5x, time(100k)/time(10k) <= 11.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pydantic_peer import PortfolioDocument

from samarbejde import dumps, loads
from samarbejde.documents._io import _converters
from samarbejde.testing import synthetic_portfolio

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is in the bench extra
    orjson = None  # type: ignore[assignment]

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
NO_LIMIT = 1 << 40


def median_time(action: Callable[[], Any], repeat: int) -> float:
    """Median wall time of ``action`` over ``repeat`` runs, each after a full collection."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
        del result
    return statistics.median(times)


def paired_times(
    ours: Callable[[], Any], theirs: Callable[[], Any], repeat: int
) -> tuple[float, float]:
    """Medians of two actions run in turns, so both see the same machine load."""
    mine, peer = [], []
    for _ in range(repeat):
        mine.append(median_time(ours, 1))
        peer.append(median_time(theirs, 1))
    return statistics.median(mine), statistics.median(peer)


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


def measure(size: int, repeat: int, yaml_up_to: int) -> dict[str, float]:
    """Every figure for one size, in seconds (and bytes for memory)."""
    portfolio = synthetic_portfolio(size)
    json_text = dumps(portfolio, "json")
    peer = PortfolioDocument.model_validate_json(json_text)
    assert loads(json_text, "json", max_bytes=NO_LIMIT) == portfolio
    load, load_peer = paired_times(
        lambda: loads(json_text, "json", max_bytes=NO_LIMIT),
        lambda: PortfolioDocument.model_validate_json(json_text),
        repeat,
    )
    dump, dump_peer = paired_times(lambda: dumps(portfolio, "json"), peer.model_dump_json, repeat)
    figures: dict[str, float] = {
        "json bytes": len(json_text.encode()),
        "json load": load,
        "json load peer": load_peer,
        "json parse json.loads": median_time(lambda: json.loads(json_text), repeat),
        "json dump": dump,
        "json dump peer": dump_peer,
        "memory": held_memory(lambda: loads(json_text, "json", max_bytes=NO_LIMIT)),
        "memory peer": held_memory(lambda: PortfolioDocument.model_validate_json(json_text)),
    }
    if orjson is not None:
        figures["json parse orjson"] = median_time(lambda: orjson.loads(json_text), repeat)
    if size <= yaml_up_to:
        yaml_text = dumps(portfolio, "yaml")
        yaml_load, yaml_load_peer = paired_times(
            lambda: loads(yaml_text, "yaml", max_bytes=NO_LIMIT),
            lambda: PortfolioDocument.model_validate(yaml.load(yaml_text, Loader=LOADER)),
            repeat,
        )
        yaml_dump, yaml_dump_peer = paired_times(
            lambda: dumps(portfolio, "yaml"),
            lambda: yaml.dump(peer.model_dump(mode="json"), Dumper=DUMPER, sort_keys=False),
            repeat,
        )
        figures |= {
            "yaml bytes": len(yaml_text.encode()),
            "yaml load": yaml_load,
            "yaml load peer": yaml_load_peer,
            "yaml parse CSafeLoader": median_time(
                lambda: yaml.load(yaml_text, Loader=LOADER), repeat
            ),
            "yaml dump": yaml_dump,
            "yaml dump peer": yaml_dump_peer,
        }
    return figures


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
    print("ratios samarbejde / peer")
    for what in ("json load", "json dump", "memory", "yaml load", "yaml dump"):
        cells = []
        for size in sizes:
            ours, theirs = results[size].get(what), results[size].get(f"{what} peer")
            cells.append(f"{ours / theirs:>14.2f}" if ours and theirs else f"{'-':>14}")
        print(f"{what:<26}" + "".join(cells))
    if len(sizes) > 1:
        print()
        small, large = sizes[-2], sizes[-1]
        print(f"scaling time({large:,}) / time({small:,})  (x{large / small:g} the data)")
        for what in ("json load", "json dump", "yaml load", "yaml dump"):
            if what in results[small] and what in results[large]:
                print(f"  {what:<24}{results[large][what] / results[small][what]:>8.2f}")
    largest = results[sizes[-1]]
    print()
    print(f"targets, JSON path at {sizes[-1]:,} commitments:")
    checks = [
        ("load <= 0.7 x peer", largest["json load"] / largest["json load peer"], 0.7),
        ("dump <= 1.0 x peer", largest["json dump"] / largest["json dump peer"], 1.0),
        ("memory <= 0.5 x peer", largest["memory"] / largest["memory peer"], 0.5),
    ]
    if len(sizes) > 1:
        ratio = largest["json load"] / results[sizes[-2]]["json load"]
        checks.append(("scaling of load <= 11", ratio, 11.0))
    for label, value, limit in checks:
        print(f"  {label:<24}{value:>8.2f}  {'met' if value <= limit else 'NOT met'}")


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    parser.add_argument(
        "--yaml-up-to",
        type=int,
        default=100_000,
        help="skip YAML for sizes above this (it is the slow path)",
    )
    args = parser.parse_args(argv)
    results = {}
    for size in args.sizes:
        started = time.perf_counter()
        results[size] = measure(size, args.repeat, args.yaml_up_to)
        print(f"# {size:,} commitments measured in {time.perf_counter() - started:.0f}s")
    print(f"# Python {sys.version.split()[0]}, {sys.platform}")
    report(results)


if __name__ == "__main__":
    main()
