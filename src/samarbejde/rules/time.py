"""T rules: time. What is late, and what is dated in the future, as of a given day.

Both rules need ``as_of``; without it they are skipped and listed in
:attr:`Report.skipped <samarbejde.Report.skipped>`. They belong to the ``project``,
``strategic`` and ``all`` profiles: deadlines matter in both forms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pendulum

from samarbejde.history import PhaseChange
from samarbejde.lifecycles import Review, StrategicLifecycle
from samarbejde.rules._index import PartnershipIndex
from samarbejde.rules._model import Hit, RuleContext, Severity, hit, rule
from samarbejde.rules._text import Words

__all__ = ["TIME_RULES"]

_PROFILES = ("project", "strategic", "all")


@rule(
    "T001",
    "commitment-overdue",
    severity=Severity.WARNING,
    profiles=_PROFILES,
    needs_as_of=True,
    en="Commitment {commitment} by {by} ended on {end} but is still {status} as of {as_of}.",
    da="Forpligtelsen {commitment} fra {by} sluttede den {end}, men er stadig {status} pr. "
    "{as_of}.",
    rationale="When a commitment's term has ended, the partners should record what became of "
    "it: fulfilled, partly fulfilled, breached, withdrawn or superseded. An open status after "
    "the end means nobody followed up.",
)
def commitment_overdue(ctx: RuleContext) -> Iterator[Hit]:
    """Commitments whose term ended before ``as_of`` and that are not in a final state."""
    today = ctx.today
    for part in ctx.index.parts:
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


_PHASE = Words("fase", "phase")
_STATUS = Words("status", "status")
_FULFILMENT = Words("indfrielse", "fulfilment")
_REVIEW = Words("evaluering", "review")
_SIGNATURE = Words("underskrift", "signature")


def _first_after(
    entries: Iterable[tuple[str, pendulum.Date | None]], day: pendulum.Date
) -> tuple[str, pendulum.Date] | None:
    for where, on in entries:
        if on is not None and on > day:
            return where, on
    return None


def _histories(
    part: PartnershipIndex,
) -> Iterator[tuple[Words, str, Iterable[tuple[str, pendulum.Date | None]]]]:
    p, path = part.partnership, part.path
    for number, lifecycle in enumerate(p.lifecycles):
        where = f"{path}.lifecycle" if lifecycle is p.lifecycle else f"{path}.earlier[{number}]"
        phases: tuple[PhaseChange[Any], ...] = lifecycle.phases
        yield _PHASE, p.id, ((f"{where}.phases[{i}]", c.on) for i, c in enumerate(phases))
        reviews: tuple[Review, ...] = (
            lifecycle.reviews if isinstance(lifecycle, StrategicLifecycle) else ()
        )
        yield _REVIEW, p.id, ((f"{where}.reviews[{i}]", r.on) for i, r in enumerate(reviews))
    for c in p.commitments:
        at = part.commitment_path(c.id)
        yield _STATUS, c.id, ((f"{at}.status[{i}]", s.on) for i, s in enumerate(c.status))
        yield (
            _FULFILMENT,
            c.id,
            ((f"{at}.fulfilments[{i}]", f.on) for i, f in enumerate(c.fulfilments)),
        )
    for a in p.agreements:
        at = f"{path}.agreements[{a.id}].parties"
        yield _SIGNATURE, a.id, ((f"{at}[{s.organisation}]", s.signed_on) for s in a.parties)


@rule(
    "T002",
    "dated-in-future",
    severity=Severity.ERROR,
    profiles=_PROFILES,
    needs_as_of=True,
    en="A {entry} of {subject} is dated {on}, after {as_of}.",
    da="En {entry} for {subject} er dateret {on}, efter {as_of}.",
    rationale="Histories record what has happened: phases entered, statuses reached, "
    "deliveries, reviews and signatures. An entry dated after `as_of` records something "
    "that has not happened yet, usually a typing error in the date.",
)
def dated_in_future(ctx: RuleContext) -> Iterator[Hit]:
    """History entries dated after ``as_of`` (the first such entry of each history)."""
    today = ctx.today
    for part in ctx.index.parts:
        for entry, subject, entries in _histories(part):
            found = _first_after(entries, today)
            if found is not None:
                yield hit(found[0], subject, entry=entry, subject=subject, on=found[1], as_of=today)


#: The time rules, in code order.
TIME_RULES = (commitment_overdue, dated_in_future)
