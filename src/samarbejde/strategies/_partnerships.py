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

from samarbejde.agreements import Agreement, Signature
from samarbejde.codes import KNOWN_ROLES
from samarbejde.commitments import Commitment
from samarbejde.enums import (
    AgreementKind,
    CommitmentStatus,
    FundingKind,
    GovernanceKind,
    MandateLevel,
    Power,
    Unit,
)
from samarbejde.funding import Funding
from samarbejde.goals import Challenge, Goal, Vision
from samarbejde.governance import GovernanceBody
from samarbejde.history import StatusChange
from samarbejde.lifecycles import Lifecycle, ProjectLifecycle
from samarbejde.mandates import Mandate
from samarbejde.memberships import Membership
from samarbejde.money import Money
from samarbejde.partnerships import Partnership
from samarbejde.rules.mandates import COMMITMENT_POWERS
from samarbejde.strategies._lifecycles import draw_project, draw_strategic
from samarbejde.strategies._records import POSTS, commitment_history, draw_quantity
from samarbejde.strategies._values import add_days, amounts, dates, durations
from samarbejde.terms import Term

__all__ = ["KIND_POWERS", "Form", "PartnershipPlan", "draw_partnership"]

#: ``"project"``, ``"strategic"`` or ``None`` for either.
Form = Literal["project", "strategic"] | None

#: The power a mandate needs for each known commitment kind (rule M002's table).
KIND_POWERS: Mapping[str, Power] = COMMITMENT_POWERS

_NAMES = (
    "Medvind",
    "Sammen om Gellerup",
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
    form = draw(st.sampled_from(choices))
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
    return end if horizon_end is None else min(end, horizon_end)


def _subset(draw: st.DrawFn, items: Sequence[str], *, min_size: int = 0) -> tuple[str, ...]:
    if not items:
        return ()
    top = min(3, len(items))
    chosen = draw(
        st.lists(
            st.sampled_from(tuple(items)), unique=True, min_size=min(min_size, top), max_size=top
        )
    )
    return tuple(chosen)


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
        return min(self.last_join, add_days(member.left, -1))


def _members(draw: st.DrawFn, scope: _Scope) -> tuple[Membership, ...]:
    low, high = scope.plan.members
    high = min(high, len(scope.plan.organisation_ids))
    count = draw(st.integers(min(low, high), high))
    chosen = draw(
        st.lists(
            st.sampled_from(scope.plan.organisation_ids),
            unique=True,
            min_size=count,
            max_size=count,
        )
    )
    members = []
    for organisation in chosen:
        joined = draw(dates(scope.first, scope.last_join))
        members.append(
            Membership(
                organisation,
                draw(st.sampled_from(KNOWN_ROLES)),
                joined,
                _left(draw, joined, scope.now),
                representative=draw(st.none() | st.sampled_from(POSTS)),
            )
        )
    return tuple(members)


def _left(draw: st.DrawFn, joined: pendulum.Date, now: pendulum.Date) -> pendulum.Date | None:
    if add_days(joined, 1) > now:
        return None
    left: pendulum.Date | None = draw(st.none() | dates(add_days(joined, 1), now))
    return left


def _purpose(
    draw: st.DrawFn, scope: _Scope
) -> tuple[tuple[Challenge, ...], tuple[Goal, ...], Vision | None]:
    ids = scope.organisation_ids
    challenges = tuple(
        Challenge(
            f"{scope.prefix}-u{i + 1}",
            draw(st.sampled_from(("Ledighed blandt unge", "Ensomhed", "Utryghed", "Skolefravær"))),
            draw(dates(scope.first, scope.now)),
            _subset(draw, ids, min_size=1),
        )
        for i in range(draw(st.integers(0, 2)) if ids else 0)
    )
    goals = tuple(
        Goal(
            f"{scope.prefix}-g{i + 1}",
            draw(st.sampled_from(("Flere unge i job", "Større tryghed", "Bedre trivsel"))),
            indicator=draw(st.sampled_from(("Andel i job eller uddannelse (%)", "Tryghedsindeks"))),
            baseline=draw(amounts(min_value=0, max_value=100, places=1)),
            target=draw(amounts(min_value=0, max_value=100, places=1)),
            due=draw(st.none() | dates(scope.first, scope.plan.end)),
            owners=_subset(draw, ids, min_size=1),
            challenges=_subset(draw, [c.id for c in challenges]),
        )
        for i in range(draw(st.integers(0, 2)) if ids else 0)
    )
    vision = None
    if bool(ids) and draw(st.booleans()):
        vision = Vision(
            "Et trygt og aktivt boligområde, hvor alle unge er i job eller uddannelse",
            draw(dates(scope.first, scope.now)),
            _subset(draw, ids, min_size=1),
        )
    return challenges, goals, vision


def _agreements(draw: st.DrawFn, scope: _Scope) -> tuple[Agreement, ...]:
    agreements: list[Agreement] = []
    for i in range(draw(st.integers(0, 2)) if scope.members else 0):
        parties: list[Membership] = draw(
            st.lists(
                st.sampled_from(scope.members),
                unique_by=lambda m: m.organisation,
                min_size=1,
                max_size=3,
            )
        )
        term_start = draw(dates(scope.first, scope.last))
        agreements.append(
            Agreement(
                f"{scope.prefix}-a{i + 1}",
                draw(st.sampled_from(AgreementKind)),
                tuple(
                    Signature(m.organisation, draw(dates(m.joined, scope.member_last(m))))
                    for m in parties
                ),
                term=Term(term_start, draw(st.none() | dates(term_start, scope.last))),
                binding=draw(st.booleans()),
                parent=agreements[0].id if bool(agreements) and draw(st.booleans()) else None,
                theme=draw(st.none() | st.sampled_from(("Fritidsjob", "Tryghed", "Lektiehjælp"))),
                notice=draw(st.none() | durations(max_months=12)),
            )
        )
    return tuple(agreements)


def _commitment(
    draw: st.DrawFn,
    scope: _Scope,
    index: int,
    draft: _Draft,
    *,
    open_ended: bool,
    agreements: tuple[Agreement, ...],
    goals: tuple[Goal, ...],
) -> Commitment:
    """One commitment under ``draft``; widens its powers and counts its money."""
    member = draft.member
    made_on = draw(dates(draft.start, draft.last))
    kind = draw(st.sampled_from(tuple(KIND_POWERS)))
    draft.powers.add(KIND_POWERS[kind])
    quantity = draw_quantity(draw, kind)
    ends = dates(made_on, scope.last)
    term_end = draw(st.none() | ends) if open_ended else draw(ends)
    status, fulfilled = commitment_history(
        draw, made_on, min(term_end or scope.last, scope.now), quantity, final=scope.plan.final
    )
    receivers = [m.organisation for m in scope.members if m is not member and m.active(made_on)]
    signed = [
        a.id for a in agreements if any(p.organisation == member.organisation for p in a.parties)
    ]
    draft.given.append(_given_on(status))
    if quantity.unit is Unit.DKK:
        draft.money += quantity.amount
    return Commitment(
        f"{scope.prefix}-c{index}",
        member.organisation,
        kind,
        quantity,
        Term(made_on, term_end),
        status,
        to=draw(st.none() | st.sampled_from(receivers)) if receivers else None,
        mandate=draft.id,
        agreement=draw(st.none() | st.sampled_from(signed)) if signed else None,
        goals=_subset(draw, [g.id for g in goals]),
        fulfilments=fulfilled,
    )


def _funding(draw: st.DrawFn, scope: _Scope) -> tuple[Funding, ...]:
    funding = []
    for i in range(draw(st.integers(0, 2))):
        funded_from = draw(dates(scope.first, scope.last))
        funding.append(
            Funding(
                f"{scope.prefix}-f{i + 1}",
                draw(st.sampled_from(scope.plan.organisation_ids)),
                Money(draw(amounts(min_value=10_000, max_value=5_000_000, places=0))),
                Term(funded_from, draw(dates(funded_from, scope.last))),
                draw(st.sampled_from(FundingKind)),
            )
        )
    return tuple(funding)


def draw_partnership(draw: st.DrawFn, plan: PartnershipPlan) -> Partnership:
    """Draw one partnership following ``plan``."""
    lifecycles = _lifecycles(draw, plan)
    current = lifecycles[-1]
    scope = _Scope(plan, f"p{plan.index}", lifecycles[0].started, _last_day(current, plan.end))
    scope = attrs.evolve(scope, members=_members(draw, scope))

    drafts: list[_Draft] = []
    for member in scope.members:
        for _ in range(draw(st.integers(0, 2))):
            mandate_id = f"{scope.prefix}-m{len(drafts) + 1}"
            drafts.append(_draft(draw, member, mandate_id, scope.member_last(member)))
    how_many = draw(st.integers(*plan.commitments)) if scope.members else 0
    if how_many and not drafts:
        first = scope.members[0]
        drafts.append(_draft(draw, first, f"{scope.prefix}-m1", scope.member_last(first)))

    challenges, goals, vision = _purpose(draw, scope)
    agreements = _agreements(draw, scope)
    is_project = isinstance(current, ProjectLifecycle)
    commitments = tuple(
        _commitment(
            draw,
            scope,
            i + 1,
            draw(st.sampled_from(drafts)),
            open_ended=not is_project,
            agreements=agreements,
            goals=goals,
        )
        for i in range(how_many)
    )
    held: dict[str, list[Mandate]] = {m.organisation: [] for m in scope.members}
    for draft in drafts:
        held[draft.member.organisation].append(_finish(draw, draft, scope))
    members = tuple(attrs.evolve(m, mandates=tuple(held[m.organisation])) for m in scope.members)
    governance = tuple(
        GovernanceBody(
            f"{scope.prefix}-s{i + 1}",
            draw(st.sampled_from(GovernanceKind)),
            _subset(draw, scope.organisation_ids, min_size=1),
            meets_every=draw(st.none() | durations(max_months=6)),
        )
        for i in range(draw(st.integers(0, 1)) if members else 0)
    )
    parent = None
    if isinstance(current, ProjectLifecycle):
        if bool(members) and draw(st.booleans()):
            current = attrs.evolve(current, owner=draw(st.sampled_from(scope.organisation_ids)))
        if bool(plan.strategic_ids) and draw(st.booleans()):
            parent = draw(st.sampled_from(plan.strategic_ids))
    return Partnership(
        f"{draw(st.sampled_from(('medvind', 'sammen', 'fremtid', 'tryg')))}-{plan.index}",
        draw(st.sampled_from(_NAMES)),
        current,
        areas=_subset(draw, plan.area_ids, min_size=1),
        earlier=lifecycles[:-1],
        parent=parent,
        vision=vision,
        challenges=challenges,
        goals=goals,
        members=members,
        commitments=commitments,
        agreements=agreements,
        governance=governance,
        funding=_funding(draw, scope),
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
    start = draw(dates(member.joined, member_last))
    powers = set(draw(st.sets(st.sampled_from(Power), max_size=2)))
    return _Draft(
        member,
        mandate_id,
        draw(st.sampled_from(MandateLevel)),
        powers or {Power.SET_PRIORITIES},
        start,
        member_last,
        draw(st.sampled_from(_BODIES)),
    )


def _finish(draw: st.DrawFn, draft: _Draft, scope: _Scope) -> Mandate:
    """The mandate: in force whenever a commitment under it was given.

    Its ceiling lies above the money committed under it, and it is revoked (if at all)
    after its last use.
    """
    used = max([draft.last, *draft.given])
    term = Term(draft.start, draw(st.none() | dates(used, max(used, scope.plan.end))))
    ceiling = None
    if draw(st.booleans()):
        ceiling = Money(draft.money + draw(amounts(min_value=0, max_value=1_000_000, places=0)))
    revoked = None
    earliest = add_days(max(draft.given), 1) if draft.given else draft.start
    latest = min(term.end or scope.plan.end, scope.now)
    if earliest <= latest and draw(st.booleans()):
        revoked = draw(dates(earliest, latest))
    return Mandate(
        draft.id,
        draft.level,
        frozenset(draft.powers),
        term,
        draft.granted_by,
        ceiling=ceiling,
        revoked=revoked,
    )
