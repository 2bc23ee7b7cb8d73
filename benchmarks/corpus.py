"""Time the hostile corpus: the slowest and the most memory-hungry cases of each format.

    python benchmarks/corpus.py          # the three slowest (by CPU time) of each format
    python benchmarks/corpus.py --top 5

The tests hold each case to its manifest and to a memory bound, and run the slowest in
a child with a CPU-time limit (tests/documents/test_corpus.py, ``SLOWEST``), but read no
clock; the times are here. Each case is loaded once untraced (wall and CPU seconds),
then once more under ``tracemalloc`` for its peak.
"""

from __future__ import annotations

import argparse
import contextlib
import time
import tracemalloc
from pathlib import Path

from samarbejde import LoadError, loads

CASES = Path(__file__).parent.parent / "tests" / "documents" / "corpus" / "cases"


def measure(data: bytes, fmt: str) -> tuple[float, float, int]:
    began, cpu = time.perf_counter(), time.process_time()
    with contextlib.suppress(LoadError):
        loads(data, fmt)  # type: ignore[arg-type]
    spent, used = time.perf_counter() - began, time.process_time() - cpu
    tracemalloc.start()
    with contextlib.suppress(LoadError):
        loads(data, fmt)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return spent, used, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=3, help="cases to show per format")
    top = parser.parse_args().top
    for fmt in ("json", "yaml", "toml"):
        loads(b'{"format": "samarbejde/1"}', "json")  # build the converters first
        results = {
            p.name: (p.stat().st_size, *measure(p.read_bytes(), fmt))
            for p in sorted(CASES.glob(f"*.{fmt}"))
        }
        for label, index in (("slowest", 2), ("most memory", 3)):
            for name in sorted(results, key=lambda n: -results[n][index])[:top]:
                size, spent, used, peak = results[name]
                print(
                    f"{fmt} {label}: {name} ({size} bytes): {spent:.2f} s "
                    f"({used:.2f} s CPU), peak {peak / 1e6:.1f} MB"
                )


if __name__ == "__main__":
    main()
