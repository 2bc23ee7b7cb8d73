"""T rules: time. What is late, and what is dated in the future, as of a given day.

Both rules need ``as_of``; without it they are skipped and listed in
:attr:`Report.skipped <samarbejde.Report.skipped>`. They belong to the ``project``,
``strategic`` and ``all`` profiles: deadlines matter in both forms.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pendulum

from samarbejde.model.lifecycles import StrategicLifecycle
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
                by=c.by,
                end=c.term.end,
                status=c.current,
                as_of=today,
            )


_PHASE = Words("rules.phase")
_STATUS = Words("rules.status")
_FULFILMENT = Words("rules.fulfilment")
_REVIEW = Words("rules.review")
_SIGNATURE = Words("rules.signature")


def _first_after(dates: Sequence[pendulum.Date | None], day: pendulum.Date) -> int | None:
    """The index of the first date after ``day``, or ``None``."""
    for index, on in enumerate(dates):
        if on is not None and on > day:
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
        if history and history[-1].on > day:
            index = _first_after([entry.on for entry in history], day)
            assert index is not None
            yield record, index, history[index].on


def _histories(part: PartnershipIndex, day: pendulum.Date) -> Iterator[Hit]:
    p, path = part.partnership, part.path
    for number, lifecycle in enumerate(p.lifecycles):
        where = f"{path}.lifecycle" if lifecycle is p.lifecycle else f"{path}.earlier[{number}]"
        for _, index, on in _late((lifecycle,), "phases", day):
            yield _found(f"{where}.phases[{index}]", _PHASE, p.id, on, day)
        if isinstance(lifecycle, StrategicLifecycle):
            for _, index, on in _late((lifecycle,), "reviews", day):
                yield _found(f"{where}.reviews[{index}]", _REVIEW, p.id, on, day)
    for c, index, on in _late(p.commitments, "status", day):
        yield _found(f"{part.commitment_path(c.id)}.status[{index}]", _STATUS, c.id, on, day)
    for c, index, on in _late(p.commitments, "fulfilments", day):
        at = f"{part.commitment_path(c.id)}.fulfilments[{index}]"
        yield _found(at, _FULFILMENT, c.id, on, day)
    for a in p.agreements:
        signed = [s.signed_on for s in a.parties]
        found = _first_after(signed, day)
        if found is not None:
            party = a.parties[found]
            at = f"{path}.agreements[{a.id}].parties[{party.organisation}]"
            yield _found(at, _SIGNATURE, a.id, signed[found], day)


def _found(
    path: str, entry: Words, subject: str, on: pendulum.Date | None, day: pendulum.Date
) -> Hit:
    return hit(path, subject, entry=entry, subject=subject, on=on, as_of=day)


@TIME.rule(
    "T002",
    "dated-in-future",
    severity=Severity.ERROR,
    needs_as_of=True,
    rationale="Histories record what has happened: phases entered, statuses reached, "
    "deliveries, reviews and signatures. An entry dated after `as_of` records something "
    "that has not happened yet, usually a typing error in the date.",
)
def dated_in_future(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """History entries dated after ``as_of`` (the first such entry of each history)."""
    today = ctx.today
    yield from _histories(part, today)


#: The time rules: those this module defines, in code order.
TIME_RULES = defined_rules(globals())
