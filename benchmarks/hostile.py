"""Paths that were quadratic in one part of a document (issue 28, item 4), timed at 1k/16k/64k.

Each path is timed at 1,000, 16,000 and 64,000 items (best of three), with the ratio of
each size's time to the one before: a linear path grows about 16x and then 4x, a
quadratic one 256x and 16x. ``tests/scale`` holds the same paths to a generous CPU-time
bound; this script gives the figures.

    python benchmarks/hostile.py             # 1000 16000 64000
    python benchmarks/hostile.py 1000 4000   # smaller
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from decimal import Decimal

import attrs

from samarbejde import (
    Area,
    Identifiers,
    Membership,
    Organisation,
    Portfolio,
    Sector,
    examples,
)
from samarbejde.analysis import assess
from samarbejde.interop import from_popolo, to_iati
from samarbejde.report import format_number

BASE: Portfolio = examples.load("opdrift")


def maturity_over_areas(n: int) -> Callable[[], object]:
    areas = tuple(Area(id=f"a{i}", name=f"A {i}", municipality="561") for i in range(n))
    one = attrs.evolve(BASE.partnerships[0], areas=tuple(a.id for a in areas))
    portfolio = attrs.evolve(BASE, areas=areas, partnerships=(one,))
    return lambda: assess(portfolio, as_of=examples.AS_OF)


def digit_grouping(n: int) -> Callable[[], object]:
    number = Decimal("9" * n)
    return lambda: format_number(number)


def iati_over_members(n: int) -> Callable[[], object]:
    portfolio = with_members(n)
    return lambda: to_iati(portfolio, as_of=examples.AS_OF)


def popolo_over_posts(n: int) -> Callable[[], object]:
    organization = {"id": "kommunen", "name": "Kommunen", "classification": "municipality"}
    posts = [
        {"id": f"kommunen/post-{i}", "label": f"Post {i}", "organization_id": "kommunen"}
        for i in range(n)
    ]
    document = {"organizations": [organization], "posts": posts}
    return lambda: from_popolo(document)


def with_members(n: int) -> Portfolio:
    """The Esbjerg example with ``n`` more members in its first partnership.

    The lead member gets a CVR number (a test value of python-stdnum), which IATI needs
    for the reporting organisation; the example has none.
    """
    extra = tuple(Organisation(f"org-{i}", f"Forening {i}", Sector.CIVIL_SOCIETY) for i in range(n))
    first = BASE.partnerships[0]
    lead = BASE.organisation(first.members[0].organisation)
    numbered = attrs.evolve(lead, identifiers=Identifiers(cvr="13585628"))
    organisations = tuple(numbered if o is lead else o for o in BASE.organisations)
    joined = first.lifecycle.started
    members = tuple(Membership(o.id, "member", joined) for o in extra)
    grown = attrs.evolve(first, members=first.members + members)
    partnerships = (grown, *BASE.partnerships[1:])
    return attrs.evolve(BASE, organisations=organisations + extra, partnerships=partnerships)


PATHS: tuple[tuple[str, Callable[[int], Callable[[], object]]], ...] = (
    ("maturity over one partnership's areas", maturity_over_areas),
    ("digit grouping (digits)", digit_grouping),
    ("IATI export over one partnership's members", iati_over_members),
    ("Popolo import over one organisation's posts", popolo_over_posts),
)


def best(run: Callable[[], object], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


def main(sizes: list[int]) -> None:
    print(f"sizes: {', '.join(f'{n:,}' for n in sizes)}; best of 3; ratio to the size before")
    for name, make in PATHS:
        cells, before = [], None
        for n in sizes:
            spent = best(make(n))
            ratio = "" if before is None else f" ({spent / before:.1f}x)"
            cells.append(f"{n:>6,}: {spent * 1000:9.1f} ms{ratio}")
            before = spent
        print(f"{name}\n  " + "\n  ".join(cells))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 16_000, 64_000])
