"""How long ``import samarbejde`` takes next to its runtime dependencies.

Runs ``python -X importtime -c STATEMENT`` for each statement, alternating, RUNS times
after one warm-up round (so bytecode caches exist), and prints the median total of the
top-level imports in milliseconds, with the interpreter's own start-up (``pass``)
subtracted. Usage::

    .venv/bin/python benchmarks/importtime.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys

STATEMENTS = {
    "startup": "pass",
    "samarbejde": "import samarbejde",
    "attrs, cattrs, pendulum": "import attrs, cattrs, pendulum",
}


def total_ms(statement: str) -> float:
    """The summed cumulative time of the top-level imports of one run, in ms."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    total = 0
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split(":", 1)[1].split("|")
        if not name[1:].startswith(" "):  # nested imports are indented further
            total += int(cumulative)
    return total / 1000


def main(runs: int = 3) -> None:
    for statement in STATEMENTS.values():
        total_ms(statement)  # warm-up: write bytecode caches
    samples: dict[str, list[float]] = {name: [] for name in STATEMENTS}
    for _ in range(runs):
        for name, statement in STATEMENTS.items():
            samples[name].append(total_ms(statement))
    startup = statistics.median(samples["startup"])
    print(f"python {sys.version.split()[0]}, {runs} runs each, median, start-up subtracted")
    for name in ("samarbejde", "attrs, cattrs, pendulum"):
        runs_ms = ", ".join(f"{s:.1f}" for s in samples[name])
        median = statistics.median(samples[name]) - startup
        print(f"import {name:<24} {median:7.1f} ms   (raw runs: {runs_ms})")
    print(f"interpreter start-up imports  {startup:7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
