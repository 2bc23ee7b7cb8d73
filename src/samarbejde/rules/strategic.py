"""L rules: long-term strategic partnerships. Place-specific, binding, long-lasting.

These rules look at partnerships whose current lifecycle is strategic and not dissolved.
"""

from __future__ import annotations

from collections.abc import Iterator

import pendulum

from samarbejde.changes import name_of
from samarbejde.model.approximate import last_day, may_be_by
from samarbejde.model.enums import ReviewOutcome, StrategicPhase
from samarbejde.model.funding import SHORT_TERM_FUNDING
from samarbejde.model.lifecycles import StrategicLifecycle
from samarbejde.model.phrasing import listing
from samarbejde.model.terms import add_duration
from samarbejde.model.text import cadence
from samarbejde.model.unknown import UNKNOWN
from samarbejde.rules._families import STRATEGIC, defined_rules
from samarbejde.rules._findings import Severity
from samarbejde.rules._hits import Hit, hit
from samarbejde.rules._index import PartnershipIndex
from samarbejde.rules._rule import RuleContext
from samarbejde.rules._text import Words

__all__ = ["STRATEGIC_RULES"]

_SETTLED = frozenset({StrategicPhase.OPERATING, StrategicPhase.REVIEWING})


def _lifecycle(part: PartnershipIndex) -> StrategicLifecycle:
    """The current lifecycle of a partnership the family's scope covers: a strategic one."""
    lifecycle = part.partnership.lifecycle
    assert isinstance(lifecycle, StrategicLifecycle)
    return lifecycle


@STRATEGIC.rule(
    "L001",
    "not-place-specific",
    rationale="Strategic partnerships in vulnerable housing areas are place-specific "
    "(*stedsspecifikke*): they serve named areas, so that partners can be held to what they "
    "do there.",
)
def not_place_specific(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships with no area."""
    if not part.partnership.areas:
        yield hit(f"{part.path}.areas", part.partnership.id)


@STRATEGIC.rule(
    "L002",
    "no-binding-agreement",
    rationale="A strategic partnership is binding (*forpligtende*): once it operates, a "
    "signed, binding agreement says what the partners owe each other.",
)
def no_binding_agreement(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Operating strategic partnerships without a signed binding agreement."""
    lifecycle = _lifecycle(part)
    if lifecycle.phase not in _SETTLED:
        return
    if not any(a.binding and a.signed for a in part.partnership.agreements):
        yield hit(
            f"{part.path}.agreements",
            part.partnership.id,
            phase=lifecycle.phase,
        )


@STRATEGIC.rule(
    "L003",
    "short-horizon",
    params={"years": 5},
    rationale="A strategic partnership is long-lasting (*langvarigt*). A horizon shorter than "
    "a few years makes it a project by another name. The parameter `years` (default 5) sets "
    "the least horizon; an open-ended horizon passes, and so does an unknown one (S019 "
    "says it is not known).",
)
def short_horizon(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships whose horizon is shorter than ``years``."""
    years = pendulum.duration(years=int(ctx.params["years"]))
    lifecycle = _lifecycle(part)
    end = lifecycle.horizon_end
    if (
        end is not None
        and end is not UNKNOWN
        and end < add_duration(last_day(lifecycle.since), years)
    ):
        yield hit(
            f"{part.path}.lifecycle.horizon",
            part.partnership.id,
            horizon=lifecycle.horizon,
            years=ctx.params["years"],
        )


@STRATEGIC.rule(
    "L004",
    "no-review-cadence",
    rationale="Long partnerships stay alive through periodic reviews where partners decide "
    "to continue, adjust, renew or dissolve. Without a cadence, reviews do not happen.",
)
def no_review_cadence(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships with no ``review_every``."""
    lifecycle = _lifecycle(part)
    if lifecycle.review_every is None:
        yield hit(
            f"{part.path}.lifecycle",
            part.partnership.id,
        )


@STRATEGIC.rule(
    "L005",
    "review-overdue",
    needs_as_of=True,
    rationale="A review cadence is only a promise until the reviews happen. A review is "
    "overdue when the last review (or the start) plus the cadence lies before `as_of`.",
)
def review_overdue(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships whose next review lies before ``as_of``."""
    lifecycle = _lifecycle(part)
    due, every = lifecycle.next_review(), lifecycle.review_every
    if due is not None and every is not None and due < ctx.today:
        yield hit(
            f"{part.path}.lifecycle.reviews",
            part.partnership.id,
            due=due,
            every=cadence(every),
            as_of=ctx.today,
        )


@STRATEGIC.rule(
    "L006",
    "no-shared-vision",
    rationale="The partners agree a shared vision while forming the partnership; once it "
    "operates, the vision is what goals, commitments and reviews refer back to.",
)
def no_shared_vision(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Operating strategic partnerships with no vision."""
    lifecycle = _lifecycle(part)
    if lifecycle.phase in _SETTLED and part.partnership.vision is None:
        yield hit(
            f"{part.path}.vision",
            part.partnership.id,
            phase=lifecycle.phase,
        )


_INDICATOR = Words("rules.indicator")
_TARGET = Words("rules.target")


@STRATEGIC.rule(
    "L007",
    "goal-not-measurable",
    rationale="Goals that can be followed over years need an indicator and a target; "
    "without them, reviews cannot tell whether the partnership works.",
)
def goal_not_measurable(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Goals of strategic partnerships without indicator or target."""
    for goal in part.partnership.goals:
        missing = tuple(
            word
            for word, value in ((_INDICATOR, goal.indicator), (_TARGET, goal.target))
            if value is None
        )
        if missing:
            yield hit(
                f"{part.path}.goals[{goal.id}]",
                goal.id,
                goal=name_of(goal),
                missing=listing(missing),
            )


@STRATEGIC.rule(
    "L008",
    "short-term-funding-only",
    params={"grant_kinds": SHORT_TERM_FUNDING},
    rationale="A long-term partnership financed only by grants that end inside its horizon "
    "meets the same funding cliff as a project. Partners' own budgets should carry part of "
    "it. The parameter `grant_kinds` lists the kinds counted as short-term grants. An "
    "unknown horizon cannot tell, and the rule says nothing.",
)
def short_term_funding_only(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships funded only by grants that end inside the horizon."""
    grants = frozenset(ctx.params["grant_kinds"])
    lifecycle = _lifecycle(part)
    funding = part.partnership.funding
    if not funding or any(f.kind not in grants or f.term.end is None for f in funding):
        return
    funded_until = max(f.term.end for f in funding if f.term.end is not None)
    horizon_end = lifecycle.horizon_end
    if horizon_end is UNKNOWN:  # cannot tell whether the grants end inside it
        return
    if horizon_end is None or funded_until < horizon_end:
        yield hit(
            f"{part.path}.funding",
            part.partnership.id,
            funded_until=funded_until,
            horizon_end=Words("rules.open_ended") if horizon_end is None else horizon_end,
        )


@STRATEGIC.rule(
    "L009",
    "passive-member",
    severity=Severity.INFO,
    rationale="In a strategic partnership every member contributes: it commits something or "
    "owns a goal. A member that does neither is a spectator, and the partnership should "
    "know.",
)
def passive_member(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Current members of strategic partnerships with no commitment and no goal."""
    committed = part.commitments_by_member
    owners = part.goal_owners
    for m in part.partnership.members:
        if m.left is None and m.organisation not in committed and m.organisation not in owners:
            yield hit(
                part.member_path(m.organisation),
                m.organisation,
                organisation=ctx.index.organisation_name(m.organisation),
            )


@STRATEGIC.rule(
    "L010",
    "member-seeks-nothing",
    severity=Severity.INFO,
    rationale="Win-win, said out loud: a business partner joins because it will need the "
    "labour, volunteers because they own the work. A member that records its interests "
    "can be held to what it gains as well as to what it gives (L009); one that records "
    "none may not know why it is there.",
)
def member_seeks_nothing(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Current members of strategic partnerships with no recorded interest."""
    for m in part.partnership.members:
        if m.left is None and not m.interests:
            yield hit(
                part.member_path(m.organisation),
                m.organisation,
                organisation=ctx.index.organisation_name(m.organisation),
            )


_YEAR = pendulum.duration(years=1)


@STRATEGIC.rule(
    "L011",
    "past-planned-horizon",
    needs_as_of=True,
    rationale="A strategic partnership is long-lasting, not endless: its horizon is the "
    "period the partners planned for (as a project's term, P004). Once the horizon has "
    "passed, the partners have renewed it (a review with outcome `renewed`, held at most "
    "one review cadence - or a year without one - before the horizon's end, or later) or "
    "dissolved it; one that goes on past its horizon without either has a record that "
    "nobody keeps up, or a frame that nobody decided on. An open-ended or unknown horizon "
    "passes.",
)
def past_planned_horizon(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships past their horizon's end, neither renewed nor dissolved."""
    lifecycle = _lifecycle(part)
    end = lifecycle.horizon_end
    today = ctx.today
    if end is None or end is UNKNOWN or not end < today:
        return
    known = [c.phase for c in lifecycle.phases if may_be_by(c.on, today)]
    if not known or known[-1] is StrategicPhase.DISSOLVED or known[-1] is UNKNOWN:
        return  # an unknown phase may be dissolved: cannot tell (D73, D112)
    window = add_duration(end, -(lifecycle.review_every or _YEAR))
    if any(
        r.outcome is ReviewOutcome.RENEWED and window <= r.on <= today for r in lifecycle.reviews
    ):
        return
    yield hit(
        f"{part.path}.lifecycle.horizon",
        part.partnership.id,
        end=end,
        horizon=lifecycle.horizon,
        as_of=today,
        phase=known[-1],
    )


#: The strategic rules: those this module defines, in code order.
STRATEGIC_RULES = defined_rules(globals())
