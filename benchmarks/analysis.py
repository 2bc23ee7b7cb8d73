"""Analysis against load: to_frames and every question over 10k and 100k commitments.

For each size the script builds ``samarbejde.testing.synthetic_portfolio``,
writes it as JSON, and times, in the same run, ``loads(text, "json")`` and each of
``to_frames``, the questions of ``samarbejde.analysis`` and ``assess`` (scoring only,
``findings=()``; validation has its own benchmark), best of a few repeats.
Target: each well under the JSON load time.

    python benchmarks/analysis.py            # 10000 100000
    python benchmarks/analysis.py 1000 10000 # smaller run
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).parent))

from samarbejde import Portfolio, dumps, loads
from samarbejde import analysis as sa
from samarbejde.testing import synthetic_portfolio

AS_OF = pendulum.Date(2025, 6, 1)
REPEATS = {1_000: 5, 10_000: 3, 100_000: 2}

QUESTIONS: tuple[tuple[str, Callable[[Portfolio], object]], ...] = (
    ("to_frames", lambda p: sa.to_frames(p, as_of=AS_OF)),
    ("overdue_commitments", lambda p: sa.overdue_commitments(p, as_of=AS_OF)),
    ("status_over_time", lambda p: sa.status_over_time(p, as_of=AS_OF)),
    ("funding_ends", lambda p: sa.funding_ends(p, as_of=AS_OF)),
    ("sector_coverage", lambda p: sa.sector_coverage(p, as_of=AS_OF)),
    ("area_coverage", lambda p: sa.area_coverage(p, as_of=AS_OF)),
    ("silos", lambda p: sa.silos(p, as_of=AS_OF)),
    ("member_load", lambda p: sa.member_load(p, as_of=AS_OF)),
    ("mandate_coverage", lambda p: sa.mandate_coverage(p, as_of=AS_OF)),
    ("lifecycle_mix", lambda p: sa.lifecycle_mix(p, as_of=AS_OF)),
    ("assess (scoring)", lambda p: sa.assess(p, as_of=AS_OF, findings=())),
)


def best(action: Callable[[], object], repeats: int) -> float:
    """The fastest of ``repeats`` runs, in seconds, with the collector settled first."""
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    print(f"python {sys.version.split()[0]}, as_of {AS_OF}")
    for size in sizes:
        repeats = REPEATS.get(size, 3)
        portfolio = synthetic_portfolio(size, seed=0)
        text = dumps(portfolio, "json")
        load = best(partial(loads, text, "json"), repeats)
        print(f"\n{size} commitments, {len(portfolio.partnerships)} partnerships")
        print(f"  {'loads (json)':<22}{load:8.3f} s")
        for name, question in QUESTIONS:
            took = best(partial(question, portfolio), repeats)
            print(f"  {name:<22}{took:8.3f} s  {took / load:5.2f} x load")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
