"""Questions about forms over time: projects against strategic partnerships."""

from __future__ import annotations

import itertools

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, StrategicLifecycle
from samarbejde.model.partnerships import Partnership
from samarbejde.model.portfolio import Portfolio

__all__ = ["LifecycleMix", "lifecycle_mix"]


@attrs.frozen
class LifecycleMix:
    """How many partnerships were projects and how many strategic, at the end of a year.

    Attributes:
        year: The calendar year.
        on: The day counted: 31 December, or the date asked about in its own year.
        projects: Partnerships whose lifecycle on that day was a project not yet ended.
        strategic: Partnerships whose lifecycle was strategic and not dissolved.
        ended: Partnerships whose latest lifecycle by that day had ended.
        transitions: Partnerships that moved from project to strategic form during the
            year (up to ``on``).
        started: Partnerships whose first lifecycle began during the year.
    """

    year: int
    on: pendulum.Date
    projects: int
    strategic: int
    ended: int
    transitions: int
    started: int

    @property
    def active(self) -> int:
        """Partnerships running on the day, in either form."""
        return self.projects + self.strategic


def lifecycle_mix(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[LifecycleMix, ...]:
    """The mix of projects and strategic partnerships at the end of each year.

    Counts run from the year the first lifecycle began to the year of ``as_of``; the
    last year is counted on ``as_of`` itself. Phases and transitions dated after a
    counted day are not known on it.

    Returns:
        One record per year, oldest first; empty if nothing had begun by ``as_of``.
    """
    as_of = days.day(as_of, "as_of")
    starts = [p.lifecycles[0].started for p in portfolio.partnerships]
    first = min((d for d in starts if d <= as_of), default=None)
    if first is None:
        return ()
    mix = []
    for year in range(first.year, as_of.year + 1):
        day = min(pendulum.Date(year, 12, 31), as_of)
        projects = strategic = ended = transitions = started = 0
        for partnership in portfolio.partnerships:
            current = _current(partnership, day)
            if current is None:
                continue
            if partnership.lifecycles[0].started.year == year:
                started += 1
            transitions += _transitions_in(partnership, year, day)
            if current.ended is not None:
                ended += 1
            elif isinstance(current, ProjectLifecycle):
                projects += 1
            else:
                strategic += 1
        mix.append(LifecycleMix(year, day, projects, strategic, ended, transitions, started))
    return tuple(mix)


def _current(partnership: Partnership, day: pendulum.Date) -> Lifecycle | None:
    current = None
    for lifecycle in partnership.lifecycles:
        seen = lifecycle.as_of(day)
        if seen is not None:
            current = seen
    return current


def _transitions_in(partnership: Partnership, year: int, day: pendulum.Date) -> int:
    lifecycles = partnership.lifecycles
    return sum(
        1
        for before, after in itertools.pairwise(lifecycles)
        if isinstance(before, ProjectLifecycle)
        and isinstance(after, StrategicLifecycle)
        and after.started.year == year
        and after.started <= day
    )
