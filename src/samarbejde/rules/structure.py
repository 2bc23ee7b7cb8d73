"""S rules: structure. References resolve, ids are unique, dates agree.

These rules are in every profile: a portfolio that fails them cannot be read right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from samarbejde.changes import name_of, names_of, say_place
from samarbejde.model.approximate import surely_after, surely_before
from samarbejde.model.enums import CommitmentStatus
from samarbejde.model.governance import GovernanceBody
from samarbejde.model.iso import write_date
from samarbejde.model.lifecycles import ProjectLifecycle, StrategicLifecycle
from samarbejde.model.phrasing import listing
from samarbejde.model.text import LANGS, Phrase, Text, fill, say_date
from samarbejde.model.unknown import UNKNOWN
from samarbejde.rules._families import STRUCTURE, defined_rules
from samarbejde.rules._findings import Related, Severity
from samarbejde.rules._hits import Hit, hit
from samarbejde.rules._index import PartnershipIndex, named_apart
from samarbejde.rules._rule import RuleContext
from samarbejde.rules._scopes import PORTFOLIO
from samarbejde.rules._text import OPEN, Words

__all__ = ["STRUCTURE_RULES"]


def _partnership_org_references(part: PartnershipIndex) -> Iterator[tuple[str, str]]:
    p, path = part.partnership, part.path
    for member in p.members:
        yield part.member_path(member.organisation), member.organisation
    for funding in p.funding:
        yield f"{path}.funding[{funding.id}].funder", funding.funder
        earlier = (s for change in funding.changes for s in change.shares)
        for share in (*funding.shares, *earlier):
            yield f"{path}.funding[{funding.id}].shares", share.organisation
    for agreement in p.agreements:
        for party in agreement.parties:
            yield f"{path}.agreements[{agreement.id}].parties", party.organisation
    bodies = _bodies(part)
    yield from _seat_and_host_references(part)
    listed = (
        *((f"{where}.members", b.members) for where, b in bodies),
        *((f"{path}.involvement[{e.id}].participants", e.participants) for e in p.involvement),
        *((f"{path}.goals[{g.id}].owners", g.owners) for g in p.goals),
        *((f"{path}.challenges[{c.id}].identified_by", c.identified_by) for c in p.challenges),
    )
    for where, org_ids in listed:
        for org_id in org_ids:
            yield where, org_id
    yield from _measurement_org_references(part)
    if p.vision is not None:
        for org_id in p.vision.agreed_by:
            yield f"{path}.vision.agreed_by", org_id
    for number, lifecycle in enumerate(p.lifecycles):
        if isinstance(lifecycle, ProjectLifecycle) and lifecycle.owner is not None:
            where = "lifecycle" if lifecycle is p.lifecycle else f"earlier[{number}]"
            yield f"{path}.{where}.owner", lifecycle.owner


def _measurement_org_references(part: PartnershipIndex) -> Iterator[tuple[str, str]]:
    """Who reported and approved each measurement of the partnership's goals."""
    for goal in part.partnership.goals:
        for index, m in enumerate(goal.measurements):
            at = f"{part.path}.goals[{goal.id}].measurements[{index}]"
            for field, who in (("reported_by", m.reported_by), ("approved_by", m.approved_by)):
                if who is not None:
                    yield f"{at}.{field}", who


def _bodies(part: PartnershipIndex) -> tuple[tuple[str, GovernanceBody], ...]:
    """Each governance body and earlier version of one, with its path."""
    p, path = part.partnership, part.path
    return (
        *((f"{path}.governance[{b.id}]", b) for b in p.governance),
        *((f"{path}.governance_history[{n}]", b) for n, b in enumerate(p.governance_history)),
    )


def _seat_and_host_references(part: PartnershipIndex) -> Iterator[tuple[str, str]]:
    """The organisations holding seats in bodies, and the secretariat's host."""
    for where, body in _bodies(part):
        for seat in body.seats:  # a seat is named by its organisation, as a member is
            if seat.organisation is not None:
                yield f"{where}.seats[{seat.organisation}].organisation", seat.organisation
    secretariat = part.partnership.secretariat
    if secretariat is not None and secretariat.host is not None:
        yield f"{part.path}.secretariat.host", secretariat.host


def _org_references(ctx: RuleContext) -> Iterator[tuple[str, str, str | None]]:
    """``(path, organisation id, partnership id or None)`` for every organisation reference."""
    for org in ctx.index.portfolio.organisations:
        if org.parent is not None:
            yield f"organisations[{org.id}].parent", org.parent, None
    for part in ctx.index.parts:
        for path, org_id in _partnership_org_references(part):
            yield path, org_id, part.partnership.id


@STRUCTURE.rule(
    "S001",
    "unknown-organisation",
    rationale="Every member, funder, signatory, goal owner, reporter and approver of a "
    "measurement, seat holder, secretariat host, participant in an involvement event and "
    "parent organisation must be described once in the portfolio, so that its sector, entry "
    "points and units are known.",
    scope=PORTFOLIO,
)
def unknown_organisation(ctx: RuleContext) -> Iterator[Hit]:
    """Organisation ids that are referred to but not described."""
    known = ctx.index.organisations
    for path, org_id, partnership in _org_references(ctx):
        if org_id not in known:
            yield Hit(path, org_id, {"organisation": org_id}, partnership)


@STRUCTURE.rule(
    "S002",
    "unknown-area",
    rationale="A partnership is tied to the places it serves; an area it names (or where "
    "its secretariat sits) must be described, with its municipality, for the partnership "
    "to be place-specific. An area on a government list is described once too, so that its "
    "categories can be derived.",
    scope=PORTFOLIO,
)
def unknown_area(ctx: RuleContext) -> Iterator[Hit]:
    """Area ids named by partnerships, entry points or lists but not described."""
    known = ctx.index.areas
    for org in ctx.index.portfolio.organisations:
        for entry in org.entry_points:
            for area in entry.covers:
                if area not in known:
                    yield hit(f"organisations[{org.id}].entry_points[{entry.id}]", area, area=area)
    for part in ctx.index.parts:
        for where, area in _areas_named(part):
            if area not in known:
                yield Hit(where, area, {"area": area}, part.partnership.id)
    for x in ctx.index.portfolio.lists:
        for area in (*x.areas, *x.left):
            if area not in known:
                where = "listings" if area in x.areas else "left"
                yield hit(f"lists[{x.id}].{where}", area, area=area)


def _areas_named(part: PartnershipIndex) -> Iterator[tuple[str, str]]:
    """Each area id a partnership names, with the path that names it."""
    partnership = part.partnership
    for area in partnership.areas:
        yield f"{part.path}.areas", area
    for period in partnership.periods:
        for area in period.areas:
            yield f"{part.path}.periods[{period.id}].areas", area
    sits = None if partnership.secretariat is None else partnership.secretariat.area
    if sits is not None:
        yield f"{part.path}.secretariat.area", sits


#: The side of a commitment an organisation is on, as S003 says it.
_SIDES = {"by": Words("rules.side.by"), "to": Words("rules.side.to")}


@STRUCTURE.rule(
    "S003",
    "unknown-member",
    rationale="Only members can make commitments or receive them; a commitment by an "
    "outsider cannot be followed up in the partnership.",
)
def unknown_member(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments made by or to organisations that are not members."""
    members = part.members
    for c in part.partnership.commitments:
        if c.by in members and (c.to is None or c.to in members):
            continue  # the common case, without building the pairs below
        for field, org_id in (("by", c.by), ("to", c.to)):
            if org_id is not None and org_id not in members:
                yield hit(
                    f"{part.commitment_path(c.id)}.{field}",
                    c.id,
                    commitment=c.id,
                    organisation=ctx.index.organisation_name(org_id),
                    field=_SIDES[field],
                )


@STRUCTURE.rule(
    "S004",
    "unknown-mandate",
    rationale="A commitment made under a mandate must name a mandate that the committing "
    "member's representative actually holds in the partnership.",
)
def unknown_mandate(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments naming a mandate that their maker does not hold."""
    for c in part.partnership.commitments:
        if c.mandate is None:
            continue
        held = part.mandates.get(c.mandate)
        if held is None or held[0].organisation != c.by:
            yield hit(
                f"{part.commitment_path(c.id)}.mandate",
                c.id,
                commitment=c.id,
                mandate=c.mandate,
                by=ctx.index.organisation_name(c.by),
            )


@STRUCTURE.rule(
    "S005",
    "unknown-goal",
    rationale="Commitments are followed against the partnership's goals; a goal that is not "
    "described cannot be followed.",
)
def unknown_goal(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments that name goals the partnership does not have."""
    for c in part.partnership.commitments:
        for goal in c.goals:
            if goal not in part.goals:
                yield hit(
                    f"{part.commitment_path(c.id)}.goals",
                    c.id,
                    commitment=c.id,
                    goal=goal,
                )


@STRUCTURE.rule(
    "S006",
    "unknown-challenge",
    rationale="Goals answer challenges identified jointly; the challenge must be described.",
)
def unknown_challenge(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Goals that name challenges the partnership does not have."""
    for goal in part.partnership.goals:
        for challenge in goal.challenges:
            if challenge not in part.challenges:
                yield hit(
                    f"{part.path}.goals[{goal.id}].challenges",
                    goal.id,
                    goal=name_of(goal),
                    challenge=challenge,
                )


#: What S007's subject is: a commitment, a sub-agreement or a plan period.
_SUBJECTS = {
    "commitment": Words("rules.subject.commitment"),
    "agreement": Words("rules.subject.agreement"),
    "period": Words("rules.subject.period"),
}


@STRUCTURE.rule(
    "S007",
    "unknown-agreement",
    rationale="Commitments belong to agreements, sub-agreements to their main agreement and "
    "plan periods to their agreement; the agreement referred to must be described.",
)
def unknown_agreement(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments and sub-agreements naming agreements that are not described."""
    p = part.partnership
    for c in p.commitments:
        if c.agreement is not None and c.agreement not in part.agreements:
            yield hit(
                f"{part.commitment_path(c.id)}.agreement",
                c.id,
                subject=Phrase.of(_SUBJECTS["commitment"], id=c.id),
                agreement=c.agreement,
            )
    for a in p.agreements:
        if a.parent is not None and a.parent not in part.agreements:
            yield hit(
                f"{part.path}.agreements[{a.id}].parent",
                a.id,
                subject=Phrase.of(_SUBJECTS["agreement"], id=a.id),
                agreement=a.parent,
            )
    for period in p.periods:
        if period.agreement is not None and period.agreement not in part.agreements:
            yield hit(
                f"{part.path}.periods[{period.id}].agreement",
                period.id,
                subject=Phrase.of(_SUBJECTS["period"], id=name_of(period)),
                agreement=period.agreement,
            )


@STRUCTURE.rule(
    "S008",
    "unknown-parent-partnership",
    rationale="A project that runs under a strategic partnership must name one that is "
    "described, so that the project can be seen as part of the long-term effort.",
)
def unknown_parent(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Partnerships whose parent partnership is not described."""
    parent = part.partnership.parent
    if parent is not None and parent not in ctx.index.partnerships:
        yield hit(
            f"{part.path}.parent",
            part.partnership.id,
            parent=parent,
        )


_KINDS = {
    "organisations": Words("rules.organisations"),
    "areas": Words("rules.areas"),
    "partnerships": Words("rules.partnerships"),
    "lists": Words("rules.lists"),
}


@STRUCTURE.rule(
    "S009",
    "duplicate-id",
    rationale="Everything refers to organisations, areas, partnerships and lists by id; an "
    "id used twice makes every reference to it ambiguous.",
    scope=PORTFOLIO,
)
def duplicate_id(ctx: RuleContext) -> Iterator[Hit]:
    """Organisation, area, partnership and list ids used more than once."""
    portfolio = ctx.index.portfolio
    groups = {
        "organisations": Counter(o.id for o in portfolio.organisations),
        "areas": Counter(a.id for a in portfolio.areas),
        "partnerships": Counter(p.id for p in portfolio.partnerships),
        "lists": Counter(x.id for x in portfolio.lists),
    }
    for field, counts in groups.items():
        for item_id, count in counts.items():
            if count > 1:
                values = {"kind": _KINDS[field], "id": item_id, "count": count}
                inside = item_id if field == "partnerships" else None
                yield Hit(f"{field}[{item_id}]", item_id, values, inside)


@STRUCTURE.rule(
    "S010",
    "organisation-parent-cycle",
    rationale="Units (departments, local branches) point to the organisation they belong to; "
    "following parents must end at a top organisation.",
    scope=PORTFOLIO,
)
def parent_cycle(ctx: RuleContext) -> Iterator[Hit]:
    """Cycles among organisation parents, each reported once."""
    known = ctx.index.organisations
    done: set[str] = set()
    for start in known:
        walk: dict[str, int] = {}
        current: str | None = start
        while current is not None and current not in done and current not in walk:
            walk[current] = len(walk)
            organisation = known.get(current)
            current = None if organisation is None else organisation.parent
        if current is not None and current in walk:
            cycle = list(walk)[walk[current] :]
            first = min(cycle)
            names = listing(named_apart(cycle, ctx.index.organisation_name))
            yield hit(f"organisations[{first}].parent", first, cycle=names).relating(
                *(Related(f"organisations[{o}].parent", o) for o in cycle if o != first)
            )
        done.update(walk)


@STRUCTURE.rule(
    "S011",
    "membership-outside-lifetime",
    rationale="A member cannot join a partnership before it begins or after it has ended.",
)
def membership_outside_lifetime(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Memberships that begin before the first lifecycle or after the current one ended."""
    start, end = part.started, part.ended
    for m in part.partnership.members:
        if surely_before(m.joined, start) or (end is not None and surely_after(m.joined, end)):
            yield hit(
                part.member_path(m.organisation) + ".joined",
                m.organisation,
                organisation=ctx.index.organisation_name(m.organisation),
                joined=m.joined,
                start=start,
                end=OPEN if end is None else end,
            )


@STRUCTURE.rule(
    "S012",
    "commitment-outside-lifetime",
    rationale="Commitments are made to a partnership while it exists.",
)
def commitment_outside_lifetime(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments made before the partnership began or after it ended."""
    start, end = part.started, part.ended
    for c in part.partnership.commitments:
        made_on = c.made_on
        if made_on < start or (end is not None and made_on > end):
            yield hit(
                f"{part.commitment_path(c.id)}.status[0]",
                c.id,
                commitment=c.id,
                made_on=c.made_on,
                start=start,
                end=OPEN if end is None else end,
            )


@STRUCTURE.rule(
    "S013",
    "commitment-by-inactive-member",
    rationale="A member commits while it is a member: not before it joins, nor after it leaves.",
)
def commitment_by_inactive_member(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments made on a day their maker was not a member."""
    for c in part.partnership.commitments:
        member = part.members.get(c.by)
        if member is not None and part.member_on(c.by, c.made_on) is None:
            yield hit(
                f"{part.commitment_path(c.id)}.status[0]",
                c.id,
                commitment=c.id,
                made_on=c.made_on,
                by=ctx.index.organisation_name(c.by),
                joined=member.joined,
                left=Words("rules.not") if member.left is None else member.left,
            )


@STRUCTURE.rule(
    "S014",
    "parent-not-strategic",
    rationale="Projects run under a long-term strategic partnership; a project cannot be the "
    "parent of another.",
)
def parent_not_strategic(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Partnerships whose parent's current lifecycle is not strategic."""
    parent_id = part.partnership.parent
    parent = None if parent_id is None else ctx.index.partnerships.get(parent_id)
    if parent is not None and parent.form != "strategic":
        yield hit(
            f"{part.path}.parent",
            part.partnership.id,
            parent=parent.name,
        )


_DELIVERED = frozenset({CommitmentStatus.FULFILLED, CommitmentStatus.PARTLY_FULFILLED})


@STRUCTURE.rule(
    "S015",
    "fulfilled-without-fulfilment",
    rationale="A commitment marked (partly) fulfilled must show what was delivered and when; "
    "otherwise the status cannot be followed up.",
)
def fulfilled_without_fulfilment(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments marked (partly) fulfilled with no fulfilment recorded."""
    for c in part.partnership.commitments:
        if c.current in _DELIVERED and not c.fulfilments:
            yield hit(
                f"{part.commitment_path(c.id)}.status[{len(c.status) - 1}]",
                c.id,
                commitment=c.id,
                status=c.current,
                on=c.status[-1].on,
            )


@STRUCTURE.rule(
    "S016",
    "fulfilment-outside-status",
    rationale="Deliveries happen between the day a commitment is made and the day it reaches "
    "a final state; a delivery outside that span means the history is wrong.",
)
def fulfilment_outside_status(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Fulfilments before the commitment was made or after its final status."""
    for c in part.partnership.commitments:
        if not c.fulfilments:
            continue
        made_on, final_on = c.made_on, c.status[-1].on if c.is_final else None
        for number, f in enumerate(c.fulfilments):
            if f.on < made_on or (final_on is not None and f.on > final_on):
                yield hit(
                    f"{part.commitment_path(c.id)}.fulfilments[{number}]",
                    c.id,
                    commitment=c.id,
                    fulfilled_on=f.on,
                    made_on=c.made_on,
                    final_on=OPEN if final_on is None else final_on,
                )


def _cycles(parents: dict[str, str | None]) -> Iterator[tuple[str, ...]]:
    """Each cycle of a parent table once, as the ids in walking order from the least."""
    done: set[str] = set()
    for start in parents:
        walk: dict[str, int] = {}
        current: str | None = start
        while current is not None and current not in done and current not in walk:
            walk[current] = len(walk)
            current = parents.get(current)
        if current is not None and current in walk:
            cycle = list(walk)[walk[current] :]
            first = cycle.index(min(cycle))
            yield tuple(cycle[first:] + cycle[:first])
        done.update(walk)


@STRUCTURE.rule(
    "S017",
    "partnership-parent-cycle",
    scope=PORTFOLIO,
    rationale="A project runs under a strategic partnership, which runs under none or "
    "under a wider one; following parents must end at a partnership with no parent.",
)
def partnership_parent_cycle(ctx: RuleContext) -> Iterator[Hit]:
    """Cycles among partnership parents, each reported once."""
    parents = {p.id: p.parent for p in ctx.index.portfolio.partnerships}
    for cycle in _cycles(parents):
        names = listing(named_apart(cycle, ctx.index.partnership_name))
        yield hit(f"partnerships[{cycle[0]}].parent", cycle[0], cycle=names).relating(
            *(Related(f"partnerships[{p}].parent", p) for p in cycle[1:])
        )


@STRUCTURE.rule(
    "S018",
    "agreement-parent-cycle",
    rationale="A sub-agreement belongs to a main agreement; following parents must end at "
    "an agreement that is no one's sub-agreement.",
)
def agreement_parent_cycle(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Cycles among the agreement parents of a partnership, each reported once."""
    parents = {a.id: a.parent for a in part.partnership.agreements}
    for cycle in _cycles(parents):
        yield hit(
            f"{part.path}.agreements[{cycle[0]}].parent",
            cycle[0],
            cycle=listing(cycle),
        ).relating(*(Related(f"{part.path}.agreements[{a}].parent", a) for a in cycle[1:]))


def _unknowns(ctx: RuleContext, part: PartnershipIndex) -> Iterator[str]:  # noqa: PLR0912
    """Where the partnership (and the areas it serves) states a fact as unknown."""
    p, path = part.partnership, part.path
    for index, lifecycle in enumerate(p.lifecycles):
        where = f"{path}.lifecycle" if index == len(p.earlier) else f"{path}.earlier[{index}]"
        if lifecycle.phases[0].phase is UNKNOWN:
            yield f"{where}.phases[0].phase"  # its early history (D112)
        if isinstance(lifecycle, StrategicLifecycle) and lifecycle.horizon is UNKNOWN:
            yield f"{where}.horizon"
    for member in p.members:
        if member.role is UNKNOWN:
            yield f"{part.member_path(member.organisation)}.role"
        for mandate in member.mandates:
            if mandate.ceiling is not None and not mandate.ceiling.known:
                yield f"{part.member_path(member.organisation)}.mandates[{mandate.id}].ceiling"
    for commitment in p.commitments:
        if not commitment.quantity.known:
            yield f"{part.commitment_path(commitment.id)}.quantity"
        for index, fulfilment in enumerate(commitment.fulfilments):
            if not fulfilment.quantity.known:
                yield f"{part.commitment_path(commitment.id)}.fulfilments[{index}].quantity"
    for funding in p.funding:
        if not funding.amount.known:
            yield f"{path}.funding[{funding.id}].amount"
    areas = ctx.index.areas  # the first of an id used twice, as every rule reads it
    for area_id in p.areas:
        area = areas.get(area_id)
        for c in () if area is None else area.classifications:
            if c.category is UNKNOWN:
                yield f"areas[{area_id}].classifications[{write_date(c.list_date)}]"


@STRUCTURE.rule(
    "S019",
    "not-known",
    severity=Severity.INFO,
    rationale="Real sources often lack an amount, a quantity, a horizon, a member's role or "
    "an area's list status; a fact stated `unknown` is neither absent nor a value. The "
    "other rules do not guess it (a rule that needs it says nothing), maturity leaves a "
    "dimension that turns on it not assessed, and this one finding per partnership lists "
    "what is not known, so that it can be looked up (design decision D75).",
)
def not_known(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """One finding per partnership that states facts as unknown, listing them."""
    unknown = tuple(dict.fromkeys(_unknowns(ctx, part)))
    if unknown:
        yield hit(
            part.path,
            part.partnership.id,
            n=len(unknown),
            unknown=_said(ctx, part, unknown),
        ).relating(*(Related(where, "unknown") for where in unknown))


def _said(ctx: RuleContext, part: PartnershipIndex, paths: tuple[str, ...]) -> Text:
    """The places of S019 as a reader says them, in every language: names, words, dates."""
    inside = part.path + "."
    areas = [ctx.index.areas.get(a) for a in part.partnership.areas]
    members = (ctx.index.organisations.get(m.organisation) for m in part.partnership.members)
    names = names_of(part.partnership, *areas, *members)
    days = {
        write_date(c.list_date): c.list_date
        for a in areas
        if a is not None
        for c in a.classifications
    }
    said = {}
    for lang in LANGS:
        called = {**names, **{key: say_date(day, lang) for key, day in days.items()}}
        places = (say_place(p.removeprefix(inside), lang, called) for p in paths)
        said[lang] = fill("{x}", {"x": listing(places)}, lang)
    return Text.of(said)


@STRUCTURE.rule(
    "S020",
    "event-unknown-challenge",
    rationale="What a workshop or hearing produced is recorded as the partnership's "
    "challenges; a challenge an event names must be described.",
)
def event_unknown_challenge(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Involvement events that name challenges the partnership does not have."""
    for event in part.partnership.involvement:
        for challenge in event.challenges:
            if challenge not in part.challenges:
                yield hit(
                    f"{part.path}.involvement[{event.id}].challenges",
                    event.id,
                    event=name_of(event),
                    challenge=challenge,
                )


#: The structure rules: those this module defines, in code order.
STRUCTURE_RULES = defined_rules(globals())
