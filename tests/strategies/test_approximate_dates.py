"""Generated portfolios hold approximate dates in every field that takes one (D71, D74)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, Phase, find, settings

from samarbejde import Approximate, Partnership, Portfolio, StrategicLifecycle
from samarbejde.strategies import portfolios

_SEARCH = settings(
    phases=[Phase.generate],
    database=None,
    max_examples=2_000,
    suppress_health_check=list(HealthCheck),
)


def _members(p: Partnership) -> Iterator[object]:
    for m in p.members:
        yield m.joined
        yield m.left


def _since(p: Partnership) -> Iterator[object]:
    for lifecycle in p.lifecycles:
        if isinstance(lifecycle, StrategicLifecycle):
            yield lifecycle.since


def _plans(p: Partnership) -> Iterator[object]:
    yield from (f.granted_on for f in p.funding)
    yield from (b.decided_on for b in p.governance)
    yield from (g.decided_on for g in p.goals)
    yield from (c.identified_on for c in p.challenges)
    yield from (s.signed_on for a in p.agreements for s in a.parties)
    yield from (a.concluded_on for a in p.agreements)


# find() shows the example it found; a large one (no shrinking here) warns of its repr's size
@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@pytest.mark.parametrize("dates_of", [_members, _since, _plans], ids=lambda f: f.__name__)
def test_generated_portfolios_hold_approximate_dates(
    dates_of: Callable[[Partnership], Iterator[object]],
) -> None:
    def loose(portfolio: Portfolio) -> bool:
        return any(isinstance(d, Approximate) for p in portfolio.partnerships for d in dates_of(p))

    found = find(portfolios(), loose, settings=_SEARCH)
    assert loose(found)
