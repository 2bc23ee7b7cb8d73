"""The filtered share of every public strategy: draws Hypothesis threw away as invalid.

A draw is thrown away when a ``.filter`` or ``assume`` refuses it ("filtered"), or when
it grew past Hypothesis's ceiling on a test case's size ("overrun"); Hypothesis then
tries again, so a high share costs time and, above about half, a ``filter_too_much``
health check. Counted with Hypothesis's observability callback: every test case
reports ``passed`` or ``gave_up`` with its reason. Overruns are Hypothesis's own: a
plain ``st.lists(st.integers())`` has them too (printed first, as the baseline), about
one draw in ten per collection in Hypothesis 6.170; they are shown apart.

    python benchmarks/filtered.py            # 300 examples each
    python benchmarks/filtered.py 1000       # more examples, a steadier share
    python benchmarks/filtered.py 300 --max 5   # exit 1 if a strategy is above 5 %

The operations strategies draw for a partnership drawn first (their share is of that
whole draw).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.internal.observability import (
    add_observability_callback,
    remove_observability_callback,
)

from samarbejde import KNOWN_ROLES
from samarbejde import strategies as sst


def _operations(refused: bool) -> st.SearchStrategy[Any]:
    way = sst.refused_operations if refused else sst.operations
    return sst.partnerships().flatmap(way)


#: The arguments of the strategies that need some.
_ARGUMENTS: dict[str, tuple[Any, ...]] = {"codes": (KNOWN_ROLES,)}


def cases() -> list[tuple[str, st.SearchStrategy[Any]]]:
    """Every public strategy of ``samarbejde.strategies``, with its default arguments."""
    found: list[tuple[str, st.SearchStrategy[Any]]] = [
        ("(baseline) st.lists(st.integers())", st.lists(st.integers()))
    ]
    for name in sst.__all__:
        value = getattr(sst, name)
        if name in ("operations", "refused_operations"):
            found.append((f"{name}(partnerships())", _operations(name.startswith("refused"))))
        elif callable(value) and name.islower():
            strategy = value(*_ARGUMENTS.get(name, ()))
            if isinstance(strategy, st.SearchStrategy):
                found.append((f"{name}()", strategy))
    return found


def share(strategy: st.SearchStrategy[Any], examples: int) -> tuple[int, int, int]:
    """How many test cases were filtered, overran, and were run, for ``examples``."""
    counts = {"filtered": 0, "overrun": 0, "all": 0}

    def seen(observation: Any) -> None:
        if getattr(observation, "type", None) == "test_case":
            counts["all"] += 1
            if observation.status == "gave_up":
                overran = "maximum test case size" in observation.status_reason
                counts["overrun" if overran else "filtered"] += 1

    @settings(
        max_examples=examples,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(_: object) -> None:
        pass

    add_observability_callback(seen)
    try:
        draw()
    finally:
        remove_observability_callback(seen)
    return counts["filtered"], counts["overrun"], counts["all"]


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> int:
    """Print each strategy's filtered share; 1 if one is above ``--max`` per cent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("examples", type=int, nargs="?", default=300)
    parser.add_argument("--max", type=float, default=None, help="fail above this per cent")
    parser.add_argument("--only", nargs="*", default=None, help="only these strategies")
    arguments = parser.parse_args(argv)
    worst = 0.0
    out(f"{arguments.examples} examples per strategy (generate phase only)")
    for name, strategy in cases():
        if arguments.only and name.split("(")[0] not in arguments.only:
            continue
        filtered, overrun, run = share(strategy, arguments.examples)
        per_cent = 100 * filtered / run if run else 0.0
        worst = max(worst, per_cent)
        over = 100 * overrun / run if run else 0.0
        out(f"  {name:<38} {per_cent:5.1f} % filtered ({filtered} of {run}), {over:5.1f} % overrun")
    out(f"worst filtered share: {worst:.1f} %")
    return 1 if arguments.max is not None and worst > arguments.max else 0


if __name__ == "__main__":
    sys.exit(main())
