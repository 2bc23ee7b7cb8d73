"""Validate against load: the full rule catalogue over 1k, 10k and 100k commitments.

For each size the script builds ``samarbejde.testing.synthetic_portfolio``,
writes it as JSON, and times, in the same run, ``loads(text, "json")`` and
``validate(portfolio, as_of=…, rules=builtin_rules())`` (best of a few repeats).
Targets: validate <= 1.0 x the JSON load time; time(100k) / time(10k) <= 11.

    python benchmarks/validate.py            # 1000 10000 100000
    python benchmarks/validate.py 1000 10000 # smaller run
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).parent))

from samarbejde import builtin_rules, dumps, loads, validate
from samarbejde.testing import synthetic_portfolio

AS_OF = pendulum.Date(2025, 6, 1)
REPEATS = {1_000: 7, 10_000: 5, 100_000: 3}


def best(action: Callable[[], object], repeats: int) -> float:
    """The fastest of ``repeats`` runs, in seconds, with the collector settled first."""
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> int:
    rules = builtin_rules()
    print(f"python {sys.version.split()[0]}, {len(rules)} rules, as_of {AS_OF}")
    print(f"{'commitments':>12} {'load s':>9} {'validate s':>11} {'ratio':>6} {'findings':>9}")
    validate_times: dict[int, float] = {}
    worst_ratio = 0.0
    for size in sizes:
        portfolio = synthetic_portfolio(size)
        text = dumps(portfolio, "json")
        repeats = REPEATS.get(size, 3)
        load_time = best(lambda text=text: loads(text, "json"), repeats)
        report = validate(portfolio, as_of=AS_OF, rules=rules)
        run_time = best(
            lambda portfolio=portfolio: validate(portfolio, as_of=AS_OF, rules=rules), repeats
        )
        validate_times[size] = run_time
        ratio = run_time / load_time
        worst_ratio = max(worst_ratio, ratio)
        print(f"{size:>12} {load_time:>9.4f} {run_time:>11.4f} {ratio:>6.2f} {len(report):>9}")
    ok = worst_ratio <= 1.0
    print(f"validate / load, worst: {worst_ratio:.2f} (target <= 1.0)")
    if 10_000 in validate_times and 100_000 in validate_times:
        scaling = validate_times[100_000] / validate_times[10_000]
        print(f"validate time(100k) / time(10k): {scaling:.2f} (target <= 11)")
        ok = ok and scaling <= 11
    return 0 if ok else 1


if __name__ == "__main__":
    chosen = [int(arg) for arg in sys.argv[1:]] or [1_000, 10_000, 100_000]
    sys.exit(main(chosen))
