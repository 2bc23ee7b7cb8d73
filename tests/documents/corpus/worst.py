"""Print the slowest and the most memory-hungry corpus case of each format.

    python tests/documents/corpus/worst.py

Time is measured without tracing, then peak memory with ``tracemalloc`` in a second run.
"""

from __future__ import annotations

import contextlib
import time
import tracemalloc
from pathlib import Path

from samarbejde import LoadError, loads

CASES = Path(__file__).parent / "cases"


def measure(data: bytes, fmt: str) -> tuple[float, int]:
    began = time.perf_counter()
    with contextlib.suppress(LoadError):
        loads(data, fmt)  # type: ignore[arg-type]
    spent = time.perf_counter() - began
    tracemalloc.start()
    with contextlib.suppress(LoadError):
        loads(data, fmt)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return spent, peak


def main() -> None:
    loads(b'{"format": "samarbejde/1"}', "json")  # build the converters first
    for fmt in ("json", "yaml", "toml"):
        results = {
            p.name: (p.stat().st_size, *measure(p.read_bytes(), fmt))
            for p in sorted(CASES.glob(f"*.{fmt}"))
        }
        slow = max(results, key=lambda n: results[n][1])
        big = max(results, key=lambda n: results[n][2])
        for label, name in (("slowest", slow), ("most memory", big)):
            size, spent, peak = results[name]
            print(f"{fmt} {label}: {name} ({size} bytes): {spent:.2f} s, peak {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
