"""C rules: collaboration practice. Across sectors, from the start, with residents.

These rules look at partnerships whose current lifecycle is strategic and not dissolved.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pendulum

from samarbejde.changes import name_of
from samarbejde.model.approximate import When, first_day
from samarbejde.model.enums import CommitmentStatus, Sector, StrategicPhase
from samarbejde.model.involvement import first_by_sector
from samarbejde.model.lifecycles import StrategicLifecycle
from samarbejde.model.phrasing import definite, definites
from samarbejde.model.unknown import UNKNOWN
from samarbejde.rules._families import COLLABORATION, defined_rules
from samarbejde.rules._findings import Related, Severity
from samarbejde.rules._hits import Hit, hit
from samarbejde.rules._index import PartnershipIndex
from samarbejde.rules._rule import RuleContext
from samarbejde.rules._text import Words

__all__ = ["COLLABORATION_RULES"]

_NONE = Words("rules.none")


def _sectors(ctx: RuleContext, organisations: Iterator[str]) -> frozenset[Sector]:
    found = (ctx.index.sector(o) for o in organisations)
    return frozenset(s for s in found if s is not None)


@COLLABORATION.rule(
    "C001",
    "few-sectors",
    params={"min_sectors": 3},
    rationale="Strategic partnerships in vulnerable housing areas bring municipality, housing "
    "organisation, civil society, business and residents together. Fewer than three sectors "
    "among the current members is a narrow alliance. The parameter `min_sectors` (default 3) "
    "sets the least number.",
)
def few_sectors(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships whose current members span too few sectors."""
    least = int(ctx.params["min_sectors"])
    p = part.partnership
    sectors = _sectors(ctx, (m.organisation for m in p.members if m.left is None))
    if len(sectors) < least:
        yield hit(
            f"{part.path}.members",
            p.id,
            count=len(sectors),
            sectors=sectors or _NONE,
            min_sectors=least,
        )


@COLLABORATION.rule(
    "C002",
    "joined-after-exploring",
    params={"sectors": (Sector.CIVIL_SOCIETY, Sector.BUSINESS)},
    rationale="Civil society and business should sit at the table from the start, when "
    "challenges are identified, not be invited in once the plan is made. A sector that took "
    "part in an involvement event (a workshop, a hearing, a dialogue meeting) held by the "
    "end of exploring was there, member or not. The parameter `sectors` lists the sectors "
    "that must be there while exploring.",
)
def joined_after_exploring(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Sectors whose first member joined only after the exploring phase."""
    wanted = tuple(ctx.params["sectors"])
    lifecycle = part.partnership.lifecycle
    assert isinstance(lifecycle, StrategicLifecycle)
    if lifecycle.phases[0].phase is UNKNOWN:
        return  # when exploring ended cannot be told (D112)
    later = [first_day(c.on) for c in lifecycle.phases if c.phase is not StrategicPhase.EXPLORING]
    if not later:
        return
    exploring_end = later[0]
    events = first_by_sector(part.partnership.involvement, ctx.index.sector)
    # The earliest joined of each sector by its first day: the rule fires only when
    # even that first day is after exploring ended (design decision D72).
    first: dict[Sector, tuple[pendulum.Date, str, When]] = {}
    for m in part.partnership.members:
        sector = ctx.index.sector(m.organisation)
        if sector is None or sector not in wanted:
            continue
        candidate = (first_day(m.joined), m.organisation, m.joined)
        if sector not in first or candidate[:2] < first[sector][:2]:
            first[sector] = candidate
    for sector in wanted:
        if sector in events and events[sector].held_on <= exploring_end:
            continue  # involved early through an event, member or not
        if sector in first and first[sector][0] > exploring_end:
            _, organisation, joined = first[sector]
            yield hit(
                part.member_path(organisation) + ".joined",
                organisation,
                sector=definite(sector),
                organisation=ctx.index.organisation_name(organisation),
                joined=joined,
                exploring_end=exploring_end,
            )


@COLLABORATION.rule(
    "C003",
    "residents-not-represented",
    rationale="The residents are the reason the partnership exists. They are represented "
    "through a residents' board (*beboerdemokrati*) as a member or a member in the role "
    "`resident_representative`.",
)
def residents_not_represented(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships with no current residents' member."""
    p = part.partnership
    if not any(
        m.left is None
        and (
            m.role == "resident_representative"
            or m.role is UNKNOWN  # it may be: cannot tell
            or ctx.index.sector(m.organisation) is Sector.RESIDENTS
        )
        for m in p.members
    ):
        yield hit(f"{part.path}.members", p.id)


@COLLABORATION.rule(
    "C004",
    "no-entry-point",
    severity=Severity.INFO,
    rationale="Partners and residents need to know how to reach each member organisation: "
    "a regional consultant, a local branch, a liaison. An organisation without an entry point "
    "is hard to engage beyond the people at the table.",
)
def no_entry_point(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Current members whose organisation lists no entry point."""
    for m in part.partnership.members:
        organisation = ctx.index.organisations.get(m.organisation)
        if m.left is None and organisation is not None and not organisation.entry_points:
            yield hit(
                f"organisations[{m.organisation}].entry_points",
                m.organisation,
                organisation=ctx.index.organisation_name(m.organisation),
            )


@COLLABORATION.rule(
    "C005",
    "dominant-member",
    params={"share": Decimal("0.5"), "min_commitments": 4},
    rationale="A partnership where one member makes most of the commitments is a project "
    "with guests. The parameter `share` (default 0.5) is the share above which one member "
    "dominates; `min_commitments` (default 4) keeps small partnerships out of the count. "
    "Withdrawn commitments do not count.",
)
def dominant_member(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships where one member holds more than ``share`` of the commitments."""
    share = Decimal(str(ctx.params["share"]))
    least = int(ctx.params["min_commitments"])
    counts = part.commitments_by_member
    total = sum(counts.values())
    if total < least or total == 0:
        return
    organisation, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    if Decimal(count) / Decimal(total) > share:
        yield hit(
            part.member_path(organisation),
            organisation,
            organisation=ctx.index.organisation_name(organisation),
            count=count,
            total=total,
            percent=(share * 100).normalize(),
        ).relating(
            *(
                Related(part.commitment_path(c.id), c.id)
                for c in part.partnership.commitments
                if c.by == organisation and c.current is not CommitmentStatus.WITHDRAWN
            )
        )


@COLLABORATION.rule(
    "C006",
    "challenge-from-one-sector",
    severity=Severity.INFO,
    params={"min_sectors": 2},
    rationale="Challenges are to be identified jointly: a need seen by one sector alone "
    "is that sector's agenda. The parameter `min_sectors` (default 2) sets how many sectors "
    "must have identified a challenge.",
)
def challenge_from_one_sector(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Challenges identified by fewer than ``min_sectors`` sectors."""
    least = int(ctx.params["min_sectors"])
    for challenge in part.partnership.challenges:
        sectors = _sectors(ctx, iter(challenge.identified_by))
        if len(sectors) < least:
            yield hit(
                f"{part.path}.challenges[{challenge.id}].identified_by",
                challenge.id,
                challenge=name_of(challenge),
                sectors=definites(sectors) if sectors else _NONE,
            )


@COLLABORATION.rule(
    "C007",
    "sector-missing",
    params={"sectors": (Sector.CIVIL_SOCIETY, Sector.BUSINESS)},
    rationale="The first demand on a strategic partnership is that civil society and "
    "business sit at the table from the start. C002 looks at when they joined; this rule "
    "at whether they are there at all: among the current members, or among those who took "
    "part in the partnership's involvement events (workshops, hearings, dialogue meetings), "
    "members or not. The parameter `sectors` lists the sectors that must be there.",
)
def sector_missing(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Strategic partnerships with no current member from one of ``sectors``."""
    wanted = tuple(ctx.params["sectors"])
    p = part.partnership
    present = {ctx.index.sector(m.organisation) for m in p.members if m.left is None}
    present.update(first_by_sector(p.involvement, ctx.index.sector))
    for sector in wanted:
        if sector not in present:
            yield hit(f"{part.path}.members", p.id, sector=definite(sector))


#: The collaboration rules: those this module defines, in code order.
COLLABORATION_RULES = defined_rules(globals())
