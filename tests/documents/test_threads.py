"""Loads from several threads at once give what the same loads give one at a time.

The converters are made once per process and shared, so whatever one load remembers
(values shared within its document, the count of problems kept and omitted) must
belong to that load (``documents._hooks.structuring_run``), not to a converter.
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from samarbejde import LoadError, Portfolio, dumps, loads
from samarbejde.documents import MAX_PROBLEMS, structure
from samarbejde.testing import synthetic_portfolio

THREADS = 8
#: Loads each thread makes, in turn from its own place in the list: every load runs
#: on at least two threads, beside others.
PER_THREAD = 3

Outcome = Portfolio | tuple[tuple[tuple[str, str, int | None, int | None], ...], int]


def _bad(commitments: int, seed: int) -> str:
    """A JSON document with three problems in each of its commitments: over the cap."""
    data = json.loads(dumps(synthetic_portfolio(commitments, seed=seed), "json"))
    for partnership in data["partnerships"]:
        for commitment in partnership["commitments"]:
            commitment.update(kind="Not A Code", by="Not An Id", colour="red")
    return json.dumps(data, indent=1)


def _outcome(load: Callable[[], Portfolio]) -> Outcome:
    try:
        return load()
    except LoadError as error:
        problems = tuple((p.path, p.message, p.line, p.column) for p in error.problems)
        return problems, error.omitted


def _loads() -> list[Callable[[], Portfolio]]:
    """Good and bad documents, JSON and YAML, each different from the others."""
    bad = [_bad(MAX_PROBLEMS // 3 + 20 * n, seed=n) for n in range(1, 4)]
    good = [dumps(synthetic_portfolio(60 + 10 * n, seed=n), "yaml") for n in range(3)]
    data = json.loads(bad[0])
    return [
        *(lambda text=text: loads(text, "json") for text in bad),
        *(lambda text=text: loads(text, "yaml") for text in good),
        lambda: loads(dumps(synthetic_portfolio(80, seed=7), "json"), "json"),
        lambda: structure(data, Portfolio),
    ]


def test_loads_on_eight_threads_give_what_they_give_one_at_a_time() -> None:
    calls = _loads()
    alone = [_outcome(call) for call in calls]
    over_the_cap = [o for o in alone if not isinstance(o, Portfolio) and o[1]]
    assert len(over_the_cap) == 4  # the "N more" of each bad document matters
    assert len({o[1] for o in over_the_cap if not isinstance(o, Portfolio)}) >= 3
    start = threading.Barrier(THREADS)

    def run(offset: int) -> list[tuple[int, Outcome]]:
        start.wait()
        order = [(offset + step) % len(calls) for step in range(PER_THREAD)]
        return [(index, _outcome(calls[index])) for index in order]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(run, range(THREADS)))
    for outcomes in results:
        for index, outcome in outcomes:
            assert outcome == alone[index], index


def test_a_load_leaves_the_collector_running() -> None:
    # Loads used to switch the cyclic collector off for the whole process while they
    # ran, for every other thread too. The collector now runs as the program set it.
    assert gc.isenabled()
    collections: list[bool] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(gc.isenabled())

    texts = [dumps(synthetic_portfolio(300), "json"), dumps(synthetic_portfolio(30), "yaml")]
    loads(texts[0], "json"), loads(texts[1], "yaml")  # the converters and builders made
    gc.collect()
    threshold = gc.get_threshold()
    gc.set_threshold(50)  # a collection every 50 new container objects: many in a load
    gc.callbacks.append(seen)
    try:
        loads(texts[0], "json")
        json_collections = len(collections)
        loads(texts[1], "yaml")
    finally:
        gc.callbacks.remove(seen)
        gc.set_threshold(*threshold)
    # (one may come as a load starts, before the old pause began)
    assert json_collections > 5
    assert len(collections) - json_collections > 5
    assert all(collections)
    assert gc.isenabled()
