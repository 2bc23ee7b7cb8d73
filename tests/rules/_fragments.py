"""A clean portfolio to vary: a strategic alliance and a project that runs under it.

``base()`` gives no finding at all as of ``AS_OF``. The helpers change one part of it,
so that each rule's passing and failing fragment reads as the business rule.
Real-sounding roles, invented organisations.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pendulum

from samarbejde import (
    Agreement,
    AgreementKind,
    Challenge,
    Commitment,
    CommitmentStatus,
    EntryPoint,
    Funding,
    FundingKind,
    Goal,
    GovernanceBody,
    GovernanceKind,
    Identifiers,
    Mandate,
    MandateLevel,
    Membership,
    Money,
    Organisation,
    Partnership,
    PhaseChange,
    Portfolio,
    Power,
    ProjectLifecycle,
    ProjectPhase,
    Quantity,
    Review,
    ReviewOutcome,
    Sector,
    Signature,
    StatusChange,
    StrategicLifecycle,
    StrategicPhase,
    Term,
    Unit,
    Vision,
)
from samarbejde.model.areas import Area

D = pendulum.Date
AS_OF = D(2021, 6, 1)
START = D(2019, 1, 1)
ALL = ("kommune", "bolig", "ngo", "firma", "beboere")


def org(id: str, sector: Sector, **changes: Any) -> Organisation:  # noqa: A002
    fields: dict[str, Any] = {
        "id": id,
        "name": id.capitalize(),
        "sector": sector,
        "entry_points": (EntryPoint(f"{id}-indgang", "liaison", "Koordinator"),),
    }
    fields.update(changes)
    return Organisation(**fields)


def organisations() -> tuple[Organisation, ...]:
    return (
        org("kommune", Sector.MUNICIPALITY, identifiers=Identifiers(kommunekode="561")),
        org("bolig", Sector.HOUSING),
        org("ngo", Sector.CIVIL_SOCIETY),
        org("firma", Sector.BUSINESS),
        org("beboere", Sector.RESIDENTS),
        org("fond", Sector.FOUNDATION),
    )


def mandate(id: str, *powers: Power, **changes: Any) -> Mandate:  # noqa: A002
    fields: dict[str, Any] = {
        "id": id,
        "level": MandateLevel.STRATEGIC,
        "powers": frozenset(powers),
        "term": Term(START),
        "granted_by": "Bestyrelsen",
    }
    fields.update(changes)
    return Mandate(**fields)


def commitment(
    id: str,  # noqa: A002
    by: str,
    kind: str,
    amount: str,
    unit: Unit,
    **changes: Any,
) -> Commitment:
    fields: dict[str, Any] = {
        "id": id,
        "by": by,
        "kind": kind,
        "quantity": Quantity(Decimal(amount), unit),
        "term": Term(D(2020, 4, 1), D(2022, 12, 31)),
        "status": (
            StatusChange(CommitmentStatus.PROPOSED, D(2020, 2, 1)),
            StatusChange(CommitmentStatus.AGREED, D(2020, 3, 1)),
        ),
        "mandate": f"m-{by}",
    }
    fields.update(changes)
    return Commitment(**fields)


def alliance() -> Partnership:
    members = (
        Membership(
            "kommune",
            "lead",
            START,
            mandates=(mandate("m-kommune", Power.COMMIT_STAFF, Power.SIGN_AGREEMENTS),),
        ),
        Membership(
            "bolig",
            "partner",
            START,
            mandates=(mandate("m-bolig", Power.COMMIT_FUNDS, ceiling=Money(Decimal("500000"))),),
        ),
        Membership("ngo", "partner", START, mandates=(mandate("m-ngo", Power.COMMIT_VOLUNTEERS),)),
        Membership(
            "firma", "bridge_builder", START, mandates=(mandate("m-firma", Power.OFFER_JOBS),)
        ),
        Membership("beboere", "resident_representative", START),
    )
    return Partnership(
        id="alliance",
        name="Alliancen",
        areas=("omraadet",),
        lifecycle=StrategicLifecycle(
            since=START,
            phases=(
                PhaseChange(StrategicPhase.EXPLORING, START),
                PhaseChange(StrategicPhase.FORMING, D(2019, 6, 1)),
                PhaseChange(StrategicPhase.OPERATING, D(2020, 1, 1)),
            ),
            horizon=pendulum.duration(years=10),
            review_every=pendulum.duration(years=1),
            reviews=(Review(D(2021, 1, 1), ReviewOutcome.CONTINUED),),
        ),
        vision=Vision("Et trygt og åbent kvarter", D(2019, 12, 1), ALL),
        challenges=(
            Challenge(
                "ch-ung", "Unge uden fritidsjob", D(2019, 3, 1), ("kommune", "ngo", "beboere")
            ),
        ),
        goals=(
            Goal(
                "g-job",
                "Flere unge i fritidsjob",
                indicator="Andel 15-17-årige med fritidsjob (%)",
                baseline=Decimal("10"),
                target=Decimal("25"),
                due=D(2025, 12, 31),
                owners=("beboere", "firma"),
                challenges=("ch-ung",),
            ),
        ),
        members=members,
        commitments=(
            commitment("c-timer", "kommune", "staff_hours", "10", Unit.HOURS_PER_WEEK),
            commitment("c-midler", "bolig", "funding", "300000", Unit.DKK),
            commitment("c-frivillige", "ngo", "volunteers", "8", Unit.PERSONS),
            commitment(
                "c-fritidsjob", "firma", "leisure_jobs", "25", Unit.PLACES, goals=("g-job",)
            ),
        ),
        agreements=(
            Agreement(
                "a-strategi",
                AgreementKind.STRATEGIC,
                parties=tuple(Signature(o, D(2019, 12, 1)) for o in ALL),
                term=Term(D(2020, 1, 1)),
                binding=True,
            ),
        ),
        governance=(GovernanceBody("styregruppe", GovernanceKind.STEERING_GROUP, ALL),),
        funding=(
            Funding(
                "f-kommune",
                "kommune",
                Money(Decimal("1000000")),
                Term(D(2020, 1, 1)),
                FundingKind.MUNICIPAL_BUDGET,
            ),
        ),
    )


def project() -> Partnership:
    return Partnership(
        id="projekt",
        name="Projektet",
        areas=("omraadet",),
        parent="alliance",
        lifecycle=ProjectLifecycle(
            term=Term(D(2020, 1, 1), D(2022, 12, 31)),
            phases=(PhaseChange(ProjectPhase.RUNNING, D(2020, 1, 1)),),
            owner="bolig",
        ),
        members=(
            Membership(
                "bolig",
                "lead",
                D(2020, 1, 1),
                mandates=(mandate("m-bolig", Power.COMMIT_STAFF, level=MandateLevel.TACTICAL),),
            ),
            Membership("fond", "funder", D(2020, 1, 1)),
        ),
        commitments=(
            commitment(
                "c-projekt",
                "bolig",
                "staff_hours",
                "100",
                Unit.HOURS,
                status=(StatusChange(CommitmentStatus.AGREED, D(2020, 1, 15)),),
            ),
        ),
        funding=(
            Funding(
                "f-fond",
                "fond",
                Money(Decimal("2000000")),
                Term(D(2020, 1, 1), D(2022, 12, 31)),
                FundingKind.FOUNDATION_GRANT,
            ),
        ),
    )


def base(
    *, alliance_: Partnership | None = None, project_: Partnership | None = None, **changes: Any
) -> Portfolio:
    fields: dict[str, Any] = {
        "organisations": organisations(),
        "areas": (Area("omraadet", "Området", "561"),),
        "partnerships": (alliance_ or alliance(), project_ or project()),
    }
    fields.update(changes)
    return Portfolio(**fields)


def with_alliance(**changes: Any) -> Portfolio:
    """The base portfolio with some fields of the alliance changed."""
    return base(alliance_=attrs.evolve(alliance(), **changes))


def with_project(**changes: Any) -> Portfolio:
    """The base portfolio with some fields of the project changed."""
    return base(project_=attrs.evolve(project(), **changes))


def strategic_lifecycle(**changes: Any) -> StrategicLifecycle:
    lifecycle = alliance().lifecycle
    assert isinstance(lifecycle, StrategicLifecycle)
    return attrs.evolve(lifecycle, **changes)


def project_lifecycle(**changes: Any) -> ProjectLifecycle:
    lifecycle = project().lifecycle
    assert isinstance(lifecycle, ProjectLifecycle)
    return attrs.evolve(lifecycle, **changes)


def alliance_member(organisation: str, **changes: Any) -> tuple[Membership, ...]:
    """The alliance's members with one membership changed."""
    return tuple(
        attrs.evolve(m, **changes) if m.organisation == organisation else m
        for m in alliance().members
    )


def alliance_commitment(id: str, **changes: Any) -> tuple[Commitment, ...]:  # noqa: A002
    """The alliance's commitments with one commitment changed."""
    return tuple(attrs.evolve(c, **changes) if c.id == id else c for c in alliance().commitments)


def organisation(id: str, **changes: Any) -> tuple[Organisation, ...]:  # noqa: A002
    """The organisations with one changed."""
    return tuple(attrs.evolve(o, **changes) if o.id == id else o for o in organisations())


def status(*entries: tuple[CommitmentStatus, pendulum.Date]) -> tuple[StatusChange, ...]:
    return tuple(StatusChange(s, on) for s, on in entries)
