"""A validation changes nothing outside its call and shares nothing with another (issue 20).

``validate`` once paused Python's cyclic collector for the whole process while it ran,
which other threads felt; and a run's findings, indexes and pending messages must
belong to that run, so that runs on several threads at once give what each gives alone.
"""

from __future__ import annotations

import functools
import gc
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.profiles import WHOLE_PORTFOLIOS
from tests.rules.test_reference import USER_RULES

from samarbejde import Report, builtin_rules, dumps, loads_located, rule, validate
from samarbejde.model.text import LANGS, Lang
from samarbejde.rules import Hit, RuleContext
from samarbejde.testing import synthetic_portfolio

THREADS = 8
T = TypeVar("T")


def at_once(tasks: list[Callable[[], T]]) -> list[T]:
    """Run ``tasks`` on a thread each, released together, switching threads often."""
    barrier = threading.Barrier(len(tasks))
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # the threads interleave a thousand times more often

    def run(task: Callable[[], T]) -> T:
        barrier.wait()
        return task()

    try:
        with ThreadPoolExecutor(len(tasks)) as pool:
            return list(pool.map(run, tasks))
    finally:
        sys.setswitchinterval(interval)


@pytest.mark.parametrize("enabled", [True, False])
def test_validate_leaves_the_cyclic_collector_as_it_finds_it(enabled: bool) -> None:
    seen: list[bool] = []

    @rule("X960", "sees-the-collector", en="-", da="-")
    def sees_the_collector(ctx: RuleContext) -> Iterator[Hit]:
        seen.append(gc.isenabled())
        return iter(())

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        validate(synthetic_portfolio(60), rules=[*builtin_rules(), sees_the_collector])
        after = gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    assert (seen, after) == ([enabled], enabled)


def test_the_collector_stays_on_for_a_thread_while_others_validate() -> None:
    seen: list[bool] = []

    @rule("X961", "sees-the-collector", en="-", da="-")
    def sees_the_collector(ctx: RuleContext) -> Iterator[Hit]:
        seen.append(gc.isenabled())
        return iter(())

    portfolio = synthetic_portfolio(400)
    rules = [*builtin_rules(), sees_the_collector]
    assert gc.isenabled()
    at_once([lambda: validate(portfolio, rules=rules) for _ in range(THREADS)])
    assert seen == [True] * THREADS
    assert gc.isenabled()


def _runs(draws: list[tuple[int, int, Lang, int]]) -> list[Callable[[], Report]]:
    """One validation per draw: its own portfolio, language, day, rules and sources."""
    runs: list[Callable[[], Report]] = []
    for size, seed, lang, kind in draws:
        text = dumps(synthetic_portfolio(size, seed=seed), "json")
        portfolio, sources = loads_located(text, "json")
        runs.append(
            functools.partial(
                validate,
                portfolio,
                as_of=pendulum.Date(2019 + kind, 6, 1),
                lang=lang,
                rules=[*builtin_rules(), *USER_RULES] if kind % 2 else builtin_rules(),
                sources=sources if kind % 3 else None,
            )
        )
    return runs


@WHOLE_PORTFOLIOS
@given(
    st.lists(
        st.tuples(
            st.integers(1, 300), st.integers(0, 2**16), st.sampled_from(LANGS), st.integers(0, 5)
        ),
        min_size=THREADS,
        max_size=THREADS,
    )
)
def test_validations_on_eight_threads_at_once_give_what_each_gives_alone(
    draws: list[tuple[int, int, Lang, int]],
) -> None:
    runs = _runs(draws)
    alone = [run() for run in runs]
    together = at_once(runs)
    assert [[f.to_dict() for f in r] for r in together] == [[f.to_dict() for f in r] for r in alone]
    assert together == alone


def test_a_report_s_messages_read_on_eight_threads_at_once_are_its_messages() -> None:
    portfolio = synthetic_portfolio(300)
    expected = [f.message for f in validate(portfolio, lang="da")]
    shared = validate(portfolio, lang="da")  # its messages not rendered yet
    read = at_once([lambda: [f.message for f in shared] for _ in range(THREADS)])
    assert read == [expected] * THREADS
    assert [f.message for f in shared] == expected
