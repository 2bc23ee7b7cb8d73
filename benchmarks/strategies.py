"""Generation speed of samarbejde.strategies: how long 100 portfolios take to draw.

Draws examples through ``@given`` with the generate phase only (no shrinking, no
database) so the figure is the cost of generation, and reports it for default-size
portfolios, for bigger ones and for ``invalid_portfolios()``. Best of a few repeats.

    python benchmarks/strategies.py          # 100 examples each, best of 3
    python benchmarks/strategies.py 200 5    # 200 examples each, best of 5
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from samarbejde import strategies as sst


def seconds_for(strategy: st.SearchStrategy[Any], examples: int) -> tuple[float, int]:
    """Seconds to draw ``examples`` values, and how many were drawn."""
    drawn = 0

    @settings(
        max_examples=examples,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(_: object) -> None:
        nonlocal drawn
        drawn += 1

    start = time.perf_counter()
    draw()
    return time.perf_counter() - start, drawn


def main(examples: int, repeats: int) -> None:
    cases: list[tuple[str, st.SearchStrategy[Any]]] = [
        ("portfolios() (default sizes)", sst.portfolios()),
        (
            "portfolios(organisations=(8, 12), partnerships=(4, 6), commitments=(4, 8))",
            sst.portfolios(organisations=(8, 12), partnerships=(4, 6), commitments=(4, 8)),
        ),
        ("partnerships()", sst.partnerships()),
        ("invalid_portfolios()", sst.invalid_portfolios()),
    ]
    print(f"{examples} examples per case, best of {repeats} (Python {sys.version.split()[0]})")
    for name, strategy in cases:
        runs = [seconds_for(strategy, examples) for _ in range(repeats)]
        best, drawn = min(runs)
        median = statistics.median(r[0] for r in runs)
        print(
            f"  {name}: best {best:.2f} s, median {median:.2f} s for {drawn} examples "
            f"({1000 * best / drawn:.1f} ms each)"
        )


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:]]
    main(*(arguments + [100, 3][len(arguments) :]))
