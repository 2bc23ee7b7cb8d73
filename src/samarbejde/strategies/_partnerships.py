"""Drawing one partnership whose references resolve inside its portfolio.

Everything is built valid directly (no filtering): members join inside the
partnership's lifetime, commitments are made by active members under mandates in
force whose powers cover the commitment's kind and whose ceiling covers the money,
agreements are signed by members, goals are owned by members.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Literal

import attrs
import pendulum
from hypothesis import strategies as st

from samarbejde.model.agreements import Agreement, Signature
from samarbejde.model.approximate import When, first_day, last_day
from samarbejde.model.codes import COMMITMENT_POWERS, KNOWN_INTERESTS, KNOWN_ROLES
from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import (
    AgreementKind,
    CommitmentStatus,
    Direction,
    MandateLevel,
    Power,
    Unit,
)
from samarbejde.model.funding import Funding
from samarbejde.model.goals import Challenge, Goal, Vision
from samarbejde.model.history import StatusChange
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle
from samarbejde.model.mandates import Mandate
from samarbejde.model.memberships import Membership
from samarbejde.model.money import Money
from samarbejde.model.partnerships import Partnership
from samarbejde.model.terms import Term
from samarbejde.model.unknown import UNKNOWN, Unknown
from samarbejde.strategies._bodies import draw_governance, draw_involvement, draw_secretariat
from samarbejde.strategies._funding import draw_funding, draw_periods
from samarbejde.strategies._lifecycles import draw_project, draw_strategic
from samarbejde.strategies._records import (
    POSTS,
    commitment_history,
    draw_measure,
    draw_measurements,
    draw_quantity,
)
from samarbejde.strategies._values import (
    add_days,
    choose,
    day,
    decimal,
    in_span,
    maybe,
    maybe_day,
    maybe_months,
    maybe_pick,
    pick,
    repeat,
)

__all__ = ["KIND_POWERS", "Form", "PartnershipPlan", "draw_partnership"]

#: ``"project"``, ``"strategic"`` or ``None`` for either.
Form = Literal["project", "strategic"] | None

#: The power a mandate needs for each known commitment kind (rule M002's table,
#: ``samarbejde.model.codes.COMMITMENT_POWERS``). Public as ``strategies.KIND_POWERS``.
KIND_POWERS: Mapping[str, Power] = COMMITMENT_POWERS

_NAMES = (
    "Opdrift",
    "Sammen om Glenteby",
    "Fremtidens Vollsmose",
    "Tryg i Tingbjerg",
    "Job og fritid",
    "Lektier og læring",
)
_BODIES = ("Byrådet", "Organisationsbestyrelsen", "Bestyrelsen", "Direktionen")


@attrs.frozen
class PartnershipPlan:
    """What a partnership may refer to and how big it may be.

    Attributes:
        index: Its position in the portfolio; makes its ids unique.
        organisation_ids: The portfolio's organisations.
        area_ids: The portfolio's areas.
        strategic_ids: Earlier strategic partnerships a project may run under.
        start: First day of the date window.
        end: Last day of the date window.
        begin_by: The latest day its first lifecycle may begin.
        today: No dated entry of a history lies after this day (``None``: the window's end).
        form: The form of its current lifecycle, or ``None`` for either.
        final: Whether histories end in a final state (``None``: either).
        members: Smallest and largest number of members.
        commitments: Smallest and largest number of commitments.
    """

    index: int
    organisation_ids: tuple[str, ...]
    area_ids: tuple[str, ...]
    strategic_ids: tuple[str, ...]
    start: pendulum.Date
    end: pendulum.Date
    begin_by: pendulum.Date
    today: pendulum.Date | None
    form: Form
    final: bool | None
    members: tuple[int, int]
    commitments: tuple[int, int]


@attrs.define
class _Draft:
    """A mandate being drawn; powers and ceiling follow from the commitments under it."""

    member: Membership
    id: str
    level: MandateLevel
    powers: set[Power]
    start: pendulum.Date
    last: pendulum.Date
    granted_by: str
    given: list[pendulum.Date] = attrs.field(factory=list)
    money: Decimal = Decimal(0)


#: A member's role, or now and then unknown: one draw, so the shrinker keeps its path.
_ROLES: tuple[str | Unknown, ...] = (*KNOWN_ROLES, UNKNOWN)


def _lifecycles(draw: st.DrawFn, plan: PartnershipPlan) -> tuple[Lifecycle, ...]:
    today = plan.today
    choices: list[str] = {
        "project": ["project"],
        "strategic": ["strategic", "converted"],
        None: ["project", "strategic", "converted"],
    }[plan.form]
    room = (plan.end - plan.start).days >= 4 and (plan.begin_by - plan.start).days >= 2
    if not room:
        choices = [c for c in choices if c != "converted"] or ["strategic"]
    form = pick(draw, choices)
    if form == "project":
        return (
            draw_project(
                draw, plan.start, plan.end, final=plan.final, begin_by=plan.begin_by, today=today
            ),
        )
    if form == "strategic":
        return (
            draw_strategic(
                draw, plan.start, plan.end, final=plan.final, begin_by=plan.begin_by, today=today
            ),
        )
    # a project that ended (by ``today``) and was made strategic
    project = draw_project(
        draw,
        plan.start,
        add_days(plan.end, -2),
        final=True,
        begin_by=add_days(plan.begin_by, -1),
        today=today,
    )
    assert project.ended is not None
    strategic = draw_strategic(
        draw, project.ended, plan.end, final=plan.final, begin_by=plan.begin_by, today=today
    )
    return project, strategic


def _last_day(lifecycle: Lifecycle, end: pendulum.Date) -> pendulum.Date:
    """The last day anything may happen in the partnership."""
    if lifecycle.ended is not None:
        return lifecycle.ended
    if isinstance(lifecycle, ProjectLifecycle):
        assert lifecycle.term.end is not None
        return lifecycle.term.end
    horizon_end = lifecycle.horizon_end
    return end if horizon_end is None or horizon_end is UNKNOWN else min(end, horizon_end)


def _subset(draw: st.DrawFn, items: Sequence[str], *, min_size: int = 0) -> tuple[str, ...]:
    return choose(draw, items, min_size, 3)


@attrs.frozen
class _Scope:
    """The dates and members every part of one partnership is drawn within."""

    plan: PartnershipPlan
    prefix: str
    first: pendulum.Date
    last: pendulum.Date
    members: tuple[Membership, ...] = ()

    @property
    def now(self) -> pendulum.Date:
        """The last day of any history entry: ``last`` or, when earlier, ``today``."""
        today = self.plan.today
        return self.last if today is None else min(self.last, today)

    @property
    def last_join(self) -> pendulum.Date:
        return min(add_days(self.last, -1), self.now)

    @property
    def organisation_ids(self) -> tuple[str, ...]:
        return tuple(m.organisation for m in self.members)

    def member_last(self, member: Membership) -> pendulum.Date:
        """The last day ``member`` can act: the day before it leaves or the partnership ends."""
        if member.left is None:
            return self.last_join
        return min(self.last_join, add_days(first_day(member.left), -1))


def _membership(draw: st.DrawFn, scope: _Scope, pool: list[str]) -> tuple[Membership, list[_Draft]]:
    """A membership of an organisation taken from ``pool``, with its mandates to be.

    Everything about one member is drawn here, in one span, so the shrinker can drop
    the member whole.
    """
    organisation = pool.pop(draw(st.integers(0, len(pool) - 1)))
    joined = day(draw, scope.first, scope.last_join)
    member = Membership(
        organisation,
        pick(draw, _ROLES),
        joined,
        _left(draw, joined, scope.now),
        representative=maybe_pick(draw, POSTS),
        interests=tuple(draw(st.lists(st.sampled_from(KNOWN_INTERESTS), max_size=2, unique=True))),
    )
    held = [_draft(draw, member, "", scope.member_last(member)) for _ in repeat(draw, 0, 2)]
    return member, held


def _members(draw: st.DrawFn, scope: _Scope) -> tuple[tuple[Membership, list[_Draft]], ...]:
    low, high = scope.plan.members
    pool = list(scope.plan.organisation_ids)
    high = min(high, len(pool))
    return tuple(
        in_span(draw, _membership, scope, pool) for _ in repeat(draw, min(low, high), high)
    )


def _left(draw: st.DrawFn, joined: pendulum.Date, now: pendulum.Date) -> pendulum.Date | None:
    if add_days(joined, 1) > now:
        return None
    left: pendulum.Date | None = maybe_day(draw, add_days(joined, 1), now)
    return left


def _purpose(
    draw: st.DrawFn, scope: _Scope
) -> tuple[tuple[Challenge, ...], tuple[Goal, ...], Vision | None]:
    ids = scope.organisation_ids
    challenges = tuple(
        Challenge(
            f"{scope.prefix}-u{i + 1}",
            pick(draw, ("Ledighed blandt unge", "Ensomhed", "Utryghed", "Skolefravær")),
            day(draw, scope.first, scope.now),
            _subset(draw, ids, min_size=1),
        )
        for i in (repeat(draw, 0, 2) if ids else ())
    )
    goals = tuple(
        Goal(
            f"{scope.prefix}-g{i + 1}",
            pick(draw, ("Flere unge i job", "Større tryghed", "Bedre trivsel")),
            indicator=pick(draw, ("Andel i job eller uddannelse (%)", "Tryghedsindeks")),
            baseline=decimal(draw, 0, 100, 1),
            target=decimal(draw, 0, 100, 1),
            due=maybe_day(draw, scope.first, scope.plan.end),
            owners=_subset(draw, ids, min_size=1),
            challenges=_subset(draw, [c.id for c in challenges]),
            decided_on=maybe_day(draw, scope.first, scope.now),
            measure=measure,
            unit=unit,
            direction=pick(draw, (None, *Direction)),
            measure_every=maybe_months(draw, 6, 36),
            measurements=draw_measurements(draw, ids, scope.first, scope.now),
        )
        for i in (repeat(draw, 0, 2) if ids else ())
        for measure, unit in (draw_measure(draw),)
    )
    vision = None
    if bool(ids) and maybe(draw):
        vision = Vision(
            "Et trygt og aktivt boligområde, hvor alle unge er i job eller uddannelse",
            day(draw, scope.first, scope.now),
            _subset(draw, ids, min_size=1),
        )
    return challenges, goals, vision


def _agreements(draw: st.DrawFn, scope: _Scope) -> tuple[Agreement, ...]:
    agreements: list[Agreement] = []
    for i in repeat(draw, 0, 2) if scope.members else ():
        parties = choose(draw, scope.members, 1, 3)
        term_start = day(draw, scope.first, scope.last)
        parent = maybe_pick(draw, agreements)
        # A sub-agreement is concluded on or after its parent (D63): a view shows both.
        earliest = scope.first if parent is None else _last(parent.concluded_on)
        concluded_on = None if earliest is None else maybe_day(draw, earliest, scope.now)
        agreements.append(
            Agreement(
                f"{scope.prefix}-a{i + 1}",
                pick(draw, AgreementKind),
                tuple(
                    Signature(m.organisation, day(draw, last_day(m.joined), scope.member_last(m)))
                    for m in parties
                ),
                term=Term(term_start, maybe_day(draw, term_start, scope.last)),
                binding=maybe(draw),
                parent=None if parent is None else parent.id,
                theme=maybe_pick(draw, ("Fritidsjob", "Tryghed", "Lektiehjælp")),
                notice=maybe_months(draw, 1, 12),
                concluded_on=concluded_on,
            )
        )
    return tuple(agreements)


def _commitment(
    draw: st.DrawFn,
    scope: _Scope,
    index: int,
    drafts: list[_Draft],
    *,
    open_ended: bool,
    agreements: tuple[Agreement, ...],
    goals: tuple[Goal, ...],
) -> Commitment:
    """One commitment under one of ``drafts``; widens its powers and counts its money."""
    draft = pick(draw, drafts)
    member = draft.member
    made_on = day(draw, draft.start, draft.last)
    kind = pick(draw, tuple(KIND_POWERS))
    draft.powers.add(KIND_POWERS[kind])
    quantity = draw_quantity(draw, kind)
    term_end = (
        maybe_day(draw, made_on, scope.last) if open_ended else day(draw, made_on, scope.last)
    )
    status, fulfilled = commitment_history(
        draw, made_on, min(term_end or scope.last, scope.now), quantity, final=scope.plan.final
    )
    receivers = [m.organisation for m in scope.members if m is not member and m.active(made_on)]
    signed = [
        a.id for a in agreements if any(p.organisation == member.organisation for p in a.parties)
    ]
    draft.given.append(_given_on(status))
    if quantity.unit is Unit.DKK and quantity.amount is not UNKNOWN:
        draft.money += quantity.amount
    return Commitment(
        f"{scope.prefix}-c{index}",
        member.organisation,
        kind,
        quantity,
        Term(made_on, term_end),
        status,
        to=maybe_pick(draw, receivers),
        mandate=draft.id,
        agreement=maybe_pick(draw, signed),
        goals=_subset(draw, [g.id for g in goals]),
        fulfilments=fulfilled,
    )


def _funding(draw: st.DrawFn, scope: _Scope) -> tuple[Funding, ...]:
    return tuple(
        draw_funding(
            draw,
            f"{scope.prefix}-f{i + 1}",
            scope.plan.organisation_ids,
            (scope.first, scope.last, scope.now),
        )
        for i in repeat(draw, 0, 2)
    )


def draw_partnership(draw: st.DrawFn, plan: PartnershipPlan) -> Partnership:
    """Draw one partnership following ``plan``.

    Its parent is drawn first: a partnership that runs under an earlier strategic one
    is a project (unless the plan asks for strategic ones only), so that parents are
    as common as the strategic partnerships before them allow.
    """
    parent = maybe_pick(draw, plan.strategic_ids)
    if parent is not None and plan.form is None:
        plan = attrs.evolve(plan, form="project")
    lifecycles = _lifecycles(draw, plan)
    current = lifecycles[-1]
    scope = _Scope(plan, f"p{plan.index}", lifecycles[0].started, _last_day(current, plan.end))
    drawn = _members(draw, scope)
    scope = attrs.evolve(scope, members=tuple(m for m, _ in drawn))
    drafts = [d for _, held in drawn for d in held]
    for number, draft in enumerate(drafts, start=1):
        draft.id = f"{scope.prefix}-m{number}"

    challenges, goals, vision = _purpose(draw, scope)
    agreements = _agreements(draw, scope)
    is_project = isinstance(current, ProjectLifecycle)
    commitments = []
    for i in repeat(draw, *plan.commitments) if scope.members else ():
        if not drafts:  # commitments are made under mandates: give the first member one
            first = scope.members[0]
            drafts.append(_draft(draw, first, f"{scope.prefix}-m1", scope.member_last(first)))
        commitments.append(
            in_span(
                draw,
                _commitment,
                scope,
                i + 1,
                drafts,
                open_ended=not is_project,
                agreements=agreements,
                goals=goals,
            )
        )
    held: dict[str, list[Mandate]] = {m.organisation: [] for m in scope.members}
    for draft in drafts:
        held[draft.member.organisation].append(_finish(draw, draft, scope))
    members = tuple(attrs.evolve(m, mandates=tuple(held[m.organisation])) for m in scope.members)
    governance, history = draw_governance(
        draw,
        scope.prefix,
        scope.organisation_ids,
        plan.organisation_ids,
        first=scope.first,
        now=scope.now,
    )
    secretariat = draw_secretariat(
        draw, plan.organisation_ids, plan.area_ids, scope.first, scope.now
    )
    involvement = draw_involvement(
        draw,
        scope.prefix,
        plan.organisation_ids,
        challenges,
        first=scope.first,
        now=scope.now,
    )
    # One draw each whatever the context, so that shrinking elsewhere keeps them aligned.
    owner = maybe_pick(draw, scope.organisation_ids)
    if isinstance(current, ProjectLifecycle):
        current = attrs.evolve(current, owner=owner)
    else:
        parent = None
    return Partnership(
        f"{pick(draw, ('opdrift', 'sammen', 'fremtid', 'tryg'))}-{plan.index}",
        pick(draw, _NAMES),
        current,
        areas=_subset(draw, plan.area_ids, min_size=1),
        earlier=lifecycles[:-1],
        parent=parent,
        vision=vision,
        challenges=challenges,
        goals=goals,
        members=members,
        commitments=tuple(commitments),
        agreements=agreements,
        governance=governance,
        funding=_funding(draw, scope),
        periods=draw_periods(
            draw,
            scope.prefix,
            (scope.first, scope.last, scope.now),
            plan.area_ids,
            [a.id for a in agreements],
        ),
        governance_history=history,
        secretariat=secretariat,
        involvement=involvement,
    )


def _given_on(status: tuple[StatusChange, ...]) -> pendulum.Date:
    """The day a commitment was given (rule M004): first pledged or agreed, else made."""
    for change in status:
        if change.status in (CommitmentStatus.PLEDGED, CommitmentStatus.AGREED):
            return change.on
    return status[0].on


def _draft(
    draw: st.DrawFn,
    member: Membership,
    mandate_id: str,
    member_last: pendulum.Date,
) -> _Draft:
    start = day(draw, last_day(member.joined), member_last)
    powers = set(choose(draw, Power, 0, 2))
    return _Draft(
        member,
        mandate_id,
        pick(draw, MandateLevel),
        powers or {Power.SET_PRIORITIES},
        start,
        member_last,
        pick(draw, _BODIES),
    )


def _finish(draw: st.DrawFn, draft: _Draft, scope: _Scope) -> Mandate:
    """The mandate: in force whenever a commitment under it was given.

    Its ceiling lies above the money committed under it, and it is revoked (if at all)
    after its last use.
    """
    used = max([draft.last, *draft.given])
    term = Term(draft.start, maybe_day(draw, used, max(used, scope.plan.end)))
    ceiling = None
    if maybe(draw):
        ceiling = Money(draft.money + decimal(draw, 0, 1_000_000, 0))
    revoked = None
    earliest = add_days(max(draft.given), 1) if draft.given else draft.start
    latest = min(term.end or scope.plan.end, scope.now)
    if earliest <= latest and maybe(draw):
        revoked = day(draw, earliest, latest)
    return Mandate(
        draft.id,
        draft.level,
        frozenset(draft.powers),
        term,
        draft.granted_by,
        ceiling=ceiling,
        revoked=revoked,
    )


def _last(value: When | None) -> pendulum.Date | None:
    """The last day of ``value``, or ``None``."""
    return None if value is None else last_day(value)
