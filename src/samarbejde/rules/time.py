"""T rules: time. What is late, and what is dated in the future, as of a given day.

Every rule needs ``as_of``; without it they are skipped and listed in
:attr:`Report.skipped <samarbejde.Report.skipped>`. They belong to the ``project``,
``strategic`` and ``all`` profiles: deadlines matter in both forms.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pendulum

from samarbejde.changes import name_of
from samarbejde.model.approximate import When, last_day, surely_after, surely_by
from samarbejde.model.lifecycles import StrategicLifecycle
from samarbejde.model.measurements import projection
from samarbejde.model.terms import add_duration
from samarbejde.model.text import cadence
from samarbejde.rules._families import TIME, defined_rules
from samarbejde.rules._findings import Severity
from samarbejde.rules._hits import Hit, hit
from samarbejde.rules._index import PartnershipIndex
from samarbejde.rules._rule import RuleContext
from samarbejde.rules._text import Words

__all__ = ["TIME_RULES"]


@TIME.rule(
    "T001",
    "commitment-overdue",
    needs_as_of=True,
    rationale="When a commitment's term has ended, the partners should record what became of "
    "it: fulfilled, partly fulfilled, breached, withdrawn or superseded. An open status after "
    "the end means nobody followed up.",
)
def commitment_overdue(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments whose term ended before ``as_of`` and that are not in a final state."""
    today = ctx.today
    for c in part.partnership.commitments:
        if c.term.ended_by(today) and not c.is_final:
            yield hit(
                f"{part.commitment_path(c.id)}.status",
                c.id,
                commitment=c.id,
                by=ctx.index.organisation_name(c.by),
                end=c.term.end,
                status=c.current,
                as_of=today,
            )


_PHASE = Words("rules.phase")
_STATUS = Words("rules.status")
_FULFILMENT = Words("rules.fulfilment")
_REVIEW = Words("rules.review")
_SIGNATURE = Words("rules.signature")
_MEASUREMENT = Words("rules.measurement")


def _first_after(dates: Sequence[When | None], day: pendulum.Date) -> int | None:
    """The index of the first date surely after ``day``, or ``None``."""
    for index, on in enumerate(dates):
        if on is not None and surely_after(on, day):
            return index
    return None


def _undecided(dates: Sequence[When | None], day: pendulum.Date) -> int | None:
    """The index of the first approximate date that may be after ``day`` or not."""
    for index, on in enumerate(dates):
        if on is not None and not surely_after(on, day) and not surely_by(on, day):
            return index
    return None


def _late(
    records: Sequence[Any], field: str, day: pendulum.Date
) -> Iterator[tuple[Any, int, pendulum.Date]]:
    """Records whose dated history (in date order) has an entry after ``day``.

    Histories are in date order (a construction invariant), so only the last entry
    needs a look unless it is late.
    """
    for record in records:
        history = getattr(record, field)
        if history and surely_after(history[-1].on, day):  # a phase may be a year (D112)
            index = _first_after([entry.on for entry in history], day)
            assert index is not None
            yield record, index, history[index].on


def _histories(part: PartnershipIndex, day: pendulum.Date) -> Iterator[Hit]:
    p, path = part.partnership, part.path
    for number, lifecycle in enumerate(p.lifecycles):
        where = f"{path}.lifecycle" if lifecycle is p.lifecycle else f"{path}.earlier[{number}]"
        for _, index, on in _late((lifecycle,), "phases", day):
            yield _found(f"{where}.phases[{index}]", _PHASE, p.id, p.name, on, day)
        if isinstance(lifecycle, StrategicLifecycle):
            for _, index, on in _late((lifecycle,), "reviews", day):
                yield _found(f"{where}.reviews[{index}]", _REVIEW, p.id, p.name, on, day)
    for c, index, on in _late(p.commitments, "status", day):
        at = f"{part.commitment_path(c.id)}.status[{index}]"
        yield _found(at, _STATUS, c.id, c.id, on, day)
    for c, index, on in _late(p.commitments, "fulfilments", day):
        at = f"{part.commitment_path(c.id)}.fulfilments[{index}]"
        yield _found(at, _FULFILMENT, c.id, c.id, on, day)
    for g, index, on in _late(p.goals, "measurements", day):
        at = f"{path}.goals[{g.id}].measurements[{index}]"
        yield _found(at, _MEASUREMENT, g.id, name_of(g), on, day)
    for a in p.agreements:
        signed = [s.signed_on for s in a.parties]
        found = _first_after(signed, day)
        if found is not None:
            party = a.parties[found]
            at = f"{path}.agreements[{a.id}].parties[{party.organisation}]"
            yield _found(at, _SIGNATURE, a.id, a.id, signed[found], day)


def _found(  # noqa: PLR0917 - a hit's place, subject and values
    path: str, entry: Words, subject: str, called: str, on: When | None, day: pendulum.Date
) -> Hit:
    """A history entry dated after ``day``: ``subject`` by id, ``called`` by name."""
    return hit(path, subject, entry=entry, subject=called, on=on, as_of=day)


@TIME.rule(
    "T002",
    "dated-in-future",
    severity=Severity.ERROR,
    needs_as_of=True,
    rationale="Histories record what has happened: phases entered, statuses reached, "
    "deliveries, reviews, measurements and signatures. An entry dated after `as_of` records "
    "something that has not happened yet, usually a typing error in the date.",
)
def dated_in_future(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """History entries dated after ``as_of`` (the first such entry of each history)."""
    today = ctx.today
    yield from _histories(part, today)


@TIME.rule(
    "T003",
    "goal-off-track",
    needs_as_of=True,
    rationale="Shared measurement follows each goal toward its target. The method (design "
    "decision D96): the ordinary least-squares line through the goal's measurements dated "
    "on or before `as_of` (a period value counts on its last day), read on the due date, "
    "compared with the target in the goal's direction (its `direction`, else from baseline "
    "to target). It needs two measurements on different days, a target, a due date and a "
    "direction, and looks only at goals whose due date is after the last measurement: "
    "once measured on or after the due date, the goal is reached or missed, not on a track.",
)
def goal_off_track(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Goals whose linear trend misses the target on the due date."""
    today = ctx.today
    for goal in part.partnership.goals:
        known = [m for m in goal.measurements if m.on <= today]
        if goal.due is None or goal.target is None or not known or known[-1].on >= goal.due:
            continue
        projected = projection(known, goal.due)
        if projected is not None and goal.reached(projected) is False:
            yield hit(
                f"{part.path}.goals[{goal.id}].measurements",
                goal.id,
                goal=name_of(goal),
                projected=projected,
                due=goal.due,
                target=goal.target,
                better=goal.better,
            )


@TIME.rule(
    "T004",
    "measurement-overdue",
    needs_as_of=True,
    rationale="Shared measurement works only when the partners measure at the pace they "
    "agreed (design decision D96): the goal's own `measure_every`, else the partnership's "
    "review cadence (`review_every`), since each review needs a fresh value. Counted from "
    "the last measurement on or before `as_of`, or from the day the goal was decided when "
    "it has none. Goals without an indicator, and partnerships whose lifecycle has ended, "
    "are left out.",
)
def measurement_overdue(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Goals with no measurement within their cadence, as of ``as_of``."""
    today = ctx.today
    p = part.partnership
    ended = p.lifecycle.ended
    if ended is not None and ended <= today:
        return
    review_every = p.lifecycle.review_every if isinstance(p.lifecycle, StrategicLifecycle) else None
    for goal in p.goals:
        every = goal.measure_every or review_every
        known = [m.on for m in goal.measurements if m.on <= today]
        decided = None if goal.decided_on is None else last_day(goal.decided_on)
        last = known[-1] if known else decided  # an approximate day: its last (D72)
        if goal.indicator is None or every is None or last is None or last > today:
            continue
        due_on = add_duration(last, every)
        if due_on < today:
            yield hit(
                f"{part.path}.goals[{goal.id}].measurements",
                goal.id,
                goal=name_of(goal),
                last=last,
                every=cadence(every),
                due_on=due_on,
            )


@TIME.rule(
    "T005",
    "dated-perhaps-in-future",
    severity=Severity.INFO,
    needs_as_of=True,
    rationale="A date known only to its year or month is every day of it (design decision "
    "D72). When `as_of` falls inside it, T002 cannot tell whether the entry records something "
    "that has not happened yet, and says so here instead of guessing.",
)
def dated_perhaps_in_future(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Signatures dated to a year or month that ``as_of`` falls inside."""
    today = ctx.today
    for a in part.partnership.agreements:
        signed = [s.signed_on for s in a.parties]
        found = _undecided(signed, today)
        if found is not None:
            party = a.parties[found]
            at = f"{part.path}.agreements[{a.id}].parties[{party.organisation}]"
            yield _found(at, _SIGNATURE, a.id, a.id, signed[found], today)


#: The time rules: those this module defines, in code order.
TIME_RULES = defined_rules(globals())
