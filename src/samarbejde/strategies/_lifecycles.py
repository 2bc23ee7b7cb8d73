"""Strategies for the two lifecycles, drawn as valid walks through their tables."""

from __future__ import annotations

import itertools
from enum import Enum
from typing import TypeVar

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samarbejde.model.approximate import When, first_day, last_day
from samarbejde.model.enums import ReviewOutcome, StrategicPhase
from samarbejde.model.history import PhaseChange
from samarbejde.model.lifecycles import ProjectLifecycle, Review, StrategicLifecycle
from samarbejde.model.terms import Term, add_duration
from samarbejde.model.transitions import PROJECT_PHASES, STRATEGIC_PHASES
from samarbejde.model.unknown import UNKNOWN
from samarbejde.strategies._unknowns import maybe_unknown
from samarbejde.strategies._values import (
    DEFAULT_END,
    DEFAULT_START,
    add_days,
    approximately,
    day,
    ids,
    maybe,
    maybe_months,
    maybe_pick,
    pick,
    sorted_dates,
    walk,
)

S = TypeVar("S", bound=Enum)

__all__ = ["project_lifecycles", "strategic_lifecycles"]

#: Notes on a review (free text, removed by ``redact``).
REVIEW_NOTES = ("Fortsætter med justerede mål", "Evalueret af styregruppen")

#: The longest project term drawn, in days (a little over four years).
MAX_PROJECT_DAYS = 4 * 365


def _check_window(start: pendulum.Date, end: pendulum.Date) -> None:
    if (end - start).days < 2:
        raise InvalidArgument(f"the date window {start}..{end} must span at least three days")


def _latest_start(end: pendulum.Date, begin_by: pendulum.Date | None) -> pendulum.Date:
    latest = add_days(end, -1)
    return latest if begin_by is None else min(latest, begin_by)


def _until(last: pendulum.Date, today: pendulum.Date | None) -> pendulum.Date:
    return last if today is None else min(last, today)


def _room(
    path: list[S], first: pendulum.Date, last: pendulum.Date, today: pendulum.Date | None
) -> list[S]:
    """The path, cut to its first state when no day is left after ``first``."""
    return path if _until(last, today) > first else path[:1]


def draw_project(
    draw: st.DrawFn,
    start: pendulum.Date,
    end: pendulum.Date,
    *,
    final: bool | None,
    begin_by: pendulum.Date | None = None,
    today: pendulum.Date | None = None,
) -> ProjectLifecycle:
    """A project whose term lies in ``start``..``end`` and whose phases lie in its term.

    Every phase after the first is dated at least a day after the first, so members
    can join a project that has ended. No phase is dated after ``today``; when that
    leaves no room, the history keeps only its first phase.
    """
    first = day(draw, start, _latest_start(end, begin_by))
    last = day(draw, add_days(first, 1), min(end, add_days(first, MAX_PROJECT_DAYS)))
    path = _room(walk(draw, PROJECT_PHASES, final=final), first, last, today)
    days = [first, *sorted_dates(draw, len(path) - 1, add_days(first, 1), _until(last, today))]
    return ProjectLifecycle(
        Term(first, last),
        tuple(PhaseChange(p, d) for p, d in zip(path, days, strict=True)),
    )


def _strategic_path(draw: st.DrawFn, *, final: bool | None) -> list[StrategicPhase]:
    """A walk through the strategic phases; one in two passes a review.

    A free walk seldom gets as far as leaving a reviewing phase, so half the paths go
    through forming and operating to reviewing and on (shrinking to the free walk).
    """
    if not maybe(draw):
        return walk(draw, STRATEGIC_PHASES, final=final)
    head = [pick(draw, (StrategicPhase.EXPLORING, StrategicPhase.FORMING))]
    if head[0] is StrategicPhase.EXPLORING:
        head.append(StrategicPhase.FORMING)
    head += [StrategicPhase.OPERATING, StrategicPhase.REVIEWING]
    after = (
        [StrategicPhase.OPERATING]
        if final is False
        else [StrategicPhase.OPERATING, StrategicPhase.DISSOLVED]
    )
    return head + walk(draw, STRATEGIC_PHASES, final=final, start=pick(draw, after))


def _early(
    draw: st.DrawFn, exact: pendulum.Date, first: pendulum.Date, last: pendulum.Date
) -> When:
    """The date of an unknown early history that began on ``exact``.

    The day, or now and then its year or month when that lies in ``first``..``last``
    (design decision D112).
    """
    loose = approximately(exact, draw(st.integers(0, 2)))
    return loose if first <= first_day(loose) and last_day(loose) <= last else exact


def draw_strategic(
    draw: st.DrawFn,
    start: pendulum.Date,
    end: pendulum.Date,
    *,
    final: bool | None,
    begin_by: pendulum.Date | None = None,
    today: pendulum.Date | None = None,
) -> StrategicLifecycle:
    """A strategic lifecycle beginning in ``start``..``end`` (before ``end`` at the latest).

    Now and then its early history is unknown: the first phase is
    :data:`~samarbejde.UNKNOWN`, dated (like ``since``) to the day, year or month it
    began; the later phases follow the table from any phase (design decision D112).

    Reviews are recorded where a ``reviewing`` phase ends: ``dissolved`` when the
    partnership is dissolved, otherwise continued, adjusted or renewed.
    """
    exact = day(draw, start, _latest_start(end, begin_by))
    horizon = maybe_months(draw, 5 * 12, 15 * 12)
    stated = horizon if horizon is None else maybe_unknown(draw, horizon)
    review_every = maybe_months(draw, 6, 24)
    limit = end if horizon is None else min(end, add_duration(exact, horizon))
    path = _room(_strategic_path(draw, final=final), exact, limit, today)
    days = [exact, *sorted_dates(draw, len(path) - 1, add_days(exact, 1), _until(limit, today))]
    phases = tuple(PhaseChange(p, d) for p, d in zip(path, days, strict=True))
    since: When = exact
    if maybe_unknown(draw, exact) is UNKNOWN:
        since = _early(draw, exact, start, _until(days[1] if len(days) > 1 else limit, today))
        phases = (PhaseChange(UNKNOWN, since), *phases[1:])
    reviews = []
    for before, after in itertools.pairwise(phases):
        if before.phase is StrategicPhase.REVIEWING:
            outcome = (
                ReviewOutcome.DISSOLVED
                if after.phase is StrategicPhase.DISSOLVED
                else pick(
                    draw, (ReviewOutcome.CONTINUED, ReviewOutcome.ADJUSTED, ReviewOutcome.RENEWED)
                )
            )
            reviews.append(Review(first_day(after.on), outcome, maybe_pick(draw, REVIEW_NOTES)))
    return StrategicLifecycle(
        since,
        phases,
        horizon=stated,
        review_every=review_every,
        reviews=tuple(reviews),
    )


def project_lifecycles(
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
    *,
    final_states: bool | None = None,
) -> st.SearchStrategy[ProjectLifecycle]:
    """Project lifecycles inside the date window ``start``..``end``.

    Some have an owner, drawn as a plain id.

    Args:
        start: The earliest day.
        end: The latest day.
        final_states: ``True``: ends closed or cancelled; ``False``: still going;
            ``None``: either.
    """
    _check_window(start, end)

    @st.composite
    def build(draw: st.DrawFn) -> ProjectLifecycle:
        project = draw_project(draw, start, end, final=final_states)
        return attrs.evolve(project, owner=draw(st.none() | ids()))

    return build()


def strategic_lifecycles(
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
    *,
    final_states: bool | None = None,
) -> st.SearchStrategy[StrategicLifecycle]:
    """Strategic lifecycles inside the date window ``start``..``end``.

    Args:
        start: The earliest day.
        end: The latest day.
        final_states: ``True``: ends dissolved; ``False``: still going; ``None``: either.
    """
    _check_window(start, end)

    @st.composite
    def build(draw: st.DrawFn) -> StrategicLifecycle:
        return draw_strategic(draw, start, end, final=final_states)

    return build()
