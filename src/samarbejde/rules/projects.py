"""P rules: projects. Fixed-term projects and the cliffs at their ends.

These rules look at partnerships whose current lifecycle is a project.
"""

from __future__ import annotations

from collections.abc import Iterator

import pendulum

from samarbejde.model.approximate import may_be_by
from samarbejde.model.enums import ProjectPhase
from samarbejde.model.lifecycles import ProjectLifecycle
from samarbejde.model.terms import add_duration
from samarbejde.rules._families import PROJECT, defined_rules
from samarbejde.rules._hits import Hit, hit
from samarbejde.rules._index import PartnershipIndex
from samarbejde.rules._rule import RuleContext

__all__ = ["PROJECT_RULES"]

_ENDING = frozenset({ProjectPhase.CLOSING, ProjectPhase.CLOSED})


@PROJECT.rule(
    "P001",
    "long-project",
    params={"years": 4},
    rationale="A project that lasts longer than a few years is long-term work organised as "
    "a project: one grant, one owner, a fixed end. The strategic form, with a binding "
    "agreement, a horizon and periodic reviews, fits such work better. The parameter "
    "`years` (default 4) sets the limit.",
)
def long_project(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Projects whose term is longer than ``years``."""
    years = pendulum.duration(years=int(ctx.params["years"]))
    lifecycle = part.partnership.lifecycle
    assert isinstance(lifecycle, ProjectLifecycle)
    term = lifecycle.term
    assert term.end is not None
    if term.end >= add_duration(term.start, years):
        yield hit(
            f"{part.path}.lifecycle.term",
            part.partnership.id,
            start=term.start,
            end=term.end,
            years=ctx.params["years"],
        )


@PROJECT.rule(
    "P002",
    "funding-cliff",
    rationale="When a project ends and nothing carries its work on, residents lose what was "
    "built and partners lose the relations: the funding cliff. A project that is closing or "
    "closed should run under a strategic partnership or be made strategic itself.",
)
def funding_cliff(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Projects closing or closed with no parent and no strategic successor."""
    p = part.partnership
    lifecycle = p.lifecycle
    assert isinstance(lifecycle, ProjectLifecycle)
    if lifecycle.phase in _ENDING and p.parent is None:
        yield hit(
            f"{part.path}.lifecycle.phases[{len(lifecycle.phases) - 1}]",
            p.id,
            phase=lifecycle.phase,
            end=lifecycle.term.end,
        )


@PROJECT.rule(
    "P003",
    "funding-ends-early",
    rationale="A project whose money runs out before its term ends will stop early or cut "
    "what it promised. The last funding should cover the whole term.",
)
def funding_ends_early(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Projects whose latest funding ends before the project's term does."""
    p = part.partnership
    lifecycle = p.lifecycle
    assert isinstance(lifecycle, ProjectLifecycle)
    if not p.funding or any(f.term.end is None for f in p.funding):
        return
    last = max(p.funding, key=lambda f: (f.term.end, f.id))
    end = lifecycle.term.end
    assert last.term.end is not None
    assert end is not None
    if last.term.end < end:
        yield hit(
            f"{part.path}.funding[{last.id}].term",
            last.id,
            funded_until=last.term.end,
            funding=last.id,
            end=end,
        )


_UNFINISHED = frozenset({ProjectPhase.PLANNED, ProjectPhase.RUNNING, ProjectPhase.SUSPENDED})


@PROJECT.rule(
    "P004",
    "past-planned-end",
    needs_as_of=True,
    rationale="A project has a fixed term. Once its planned end has passed it is closing, "
    "closed or cancelled, or it has become strategic; a project still planned, running or "
    "suspended after its end has a record that nobody keeps up, or work that goes on "
    "without the frame it was given.",
)
def past_planned_end(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Projects still planned, running or suspended after their term's end."""
    today = ctx.today
    lifecycle = part.partnership.lifecycle
    assert isinstance(lifecycle, ProjectLifecycle)
    end = lifecycle.term.end
    known = [c.phase for c in lifecycle.phases if may_be_by(c.on, today)]
    phase = known[-1] if known else None
    if end is not None and end < today and phase in _UNFINISHED:
        yield hit(
            f"{part.path}.lifecycle.phases",
            part.partnership.id,
            end=end,
            as_of=today,
            phase=phase,
        )


#: The project rules: those this module defines, in code order.
PROJECT_RULES = defined_rules(globals())
