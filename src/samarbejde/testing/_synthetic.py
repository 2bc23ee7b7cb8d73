"""A synthetic portfolio of any size, the same for the same arguments.

``synthetic_portfolio(n)`` makes a portfolio with exactly ``n`` commitments, spread over
partnerships of fifty commitments and eight members each, with organisations, areas,
mandates, goals, agreements, funding and dated histories, so that documents look like
real ones at scale. Every record satisfies the model's local invariants; references
resolve, so the rules have something to check too. Every optional field of every
record it builds has a value somewhere (the coverage gate checks that), so a format,
an exporter or a rule meets each field at scale.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import pendulum

from samarbejde.documents import Format, dumps
from samarbejde.model import (
    Agreement,
    AgreementKind,
    Area,
    AreaList,
    Challenge,
    Classification,
    Commitment,
    CommitmentStatus,
    DecisionPower,
    Direction,
    EntryPoint,
    Figure,
    Fulfilment,
    Funding,
    FundingChange,
    FundingKind,
    FundingShare,
    Goal,
    GovernanceBody,
    Identifiers,
    InvolvementEvent,
    Listing,
    Mandate,
    MandateLevel,
    Measure,
    Measurement,
    Membership,
    Money,
    Organisation,
    Partnership,
    PlanPeriod,
    Portfolio,
    Power,
    ProjectLifecycle,
    ProjectPhase,
    Quantity,
    Review,
    ReviewOutcome,
    Seat,
    SeatRole,
    Secretariat,
    Sector,
    Signature,
    Source,
    StatusChange,
    StrategicLifecycle,
    StrategicPhase,
    Term,
    Unit,
    Vision,
    categories_on,
)
from samarbejde.model.sources import Cited
from samarbejde.testing._builders import phases

R = TypeVar("R")

__all__ = ["synthetic_document", "synthetic_portfolio"]

COMMITMENTS_PER_PARTNERSHIP = 50
MEMBERS_PER_PARTNERSHIP = 8
KOMMUNEKODER = ("101", "147", "561", "751", "851", "461", "169", "173")
KINDS = (
    ("staff_hours", Unit.HOURS, Power.COMMIT_STAFF),
    ("funding", Unit.DKK, Power.COMMIT_FUNDS),
    ("facilities", Unit.ITEMS, Power.COMMIT_FACILITIES),
    ("volunteers", Unit.PERSONS, Power.COMMIT_VOLUNTEERS),
    ("leisure_jobs", Unit.PLACES, Power.OFFER_JOBS),
    ("internships", Unit.PLACES, Power.OFFER_JOBS),
    ("knowledge", Unit.SESSIONS, Power.SHARE_DATA),
)
SECTORS = tuple(Sector)
D = pendulum.Date
#: A CVR number with a valid check digit, given to the second organisation.
CVR = "25313763"
#: The day every area was put on a government list.
LISTED_ON = D(2021, 12, 1)
#: The source of every cited record in the first partnership, organisation and area.
SOURCE = Source("Byrådets referat", address="https://example.dk/referat", read_on=D(2022, 1, 3))
#: Their note.
NOTE = "Syntetisk: ingen virkelig kilde."


def _cited(record: R) -> R:
    """``record`` with :data:`SOURCE` and :data:`NOTE` on it and every cited record inside."""
    changes: dict[str, object] = {}
    kind: Any = type(record)
    for field in attrs.fields(kind):
        held = getattr(record, field.name)
        if field.init and attrs.has(type(held)):
            changes[field.name] = _cited(held)
        elif field.init and isinstance(held, tuple) and held and attrs.has(type(held[0])):
            changes[field.name] = tuple(_cited(item) for item in held)
    if isinstance(record, Cited):
        changes.update(sources=(SOURCE,), note=NOTE)
    return attrs.evolve(record, **changes) if changes else record  # type: ignore[misc]


def _organisations(
    count: int, areas: tuple[Area, ...], rng: random.Random
) -> tuple[Organisation, ...]:
    result = []
    for index in range(count):
        sector = SECTORS[index % len(SECTORS)]
        kommunekode = KOMMUNEKODER[index % len(KOMMUNEKODER)]
        result.append(
            Organisation(
                id=f"org-{index}",
                name=f"Organisation {index}",
                sector=sector,
                parent="org-0" if index == 7 else None,  # one unit of the municipality
                identifiers=Identifiers(
                    cvr=CVR if index == 1 else None,
                    kommunekode=kommunekode if sector is Sector.MUNICIPALITY else None,
                ),
                remit=("beskæftigelse", "fritid") if rng.random() < 0.5 else (),
                entry_points=(
                    EntryPoint(
                        f"ep-{index}",
                        "liaison",
                        "Koordinator",
                        channel="Fælles postkasse" if index % 4 == 0 else None,
                        covers=(areas[index % len(areas)].id,) if index % 2 else (),
                        verified_on=D(2022, 1, 15) if index % 3 == 0 else None,
                    ),
                ),
            )
        )
    return tuple(result)


def _areas(count: int) -> tuple[Area, ...]:
    return tuple(
        Area(
            f"area-{i}",
            f"Område {i}",
            KOMMUNEKODER[i % len(KOMMUNEKODER)],
            residents=1000 + i,
            classifications=(Classification(categories_on(LISTED_ON)[i % 2], LISTED_ON),),
        )
        for i in range(count)
    )


def _commitment(
    index: int, members: tuple[Membership, ...], start: pendulum.Date, rng: random.Random
) -> Commitment:
    member = members[index % len(members)]
    kind, unit, _ = KINDS[index % len(KINDS)]
    made = start.add(days=rng.randrange(0, 300))
    begins = made.add(days=30)
    amount = Decimal(rng.randrange(1, 400)) / (4 if unit is Unit.HOURS else 1)
    status = [StatusChange(CommitmentStatus.PROPOSED, made)]
    fulfilments: tuple[Fulfilment, ...] = ()
    if index % 3:
        note = "Aftalt i styregruppen" if index % 10 == 1 else None
        status.append(StatusChange(CommitmentStatus.AGREED, made.add(days=14), note))
    if index % 3 == 2:
        delivered = begins.add(days=200)
        note = "Leveret som aftalt" if index % 10 == 2 else None
        fulfilments = (Fulfilment(delivered, Quantity(amount, unit), note),)
        status.append(StatusChange(CommitmentStatus.FULFILLED, delivered))
    return Commitment(
        id=f"c-{index}",
        by=member.organisation,
        kind=kind,
        quantity=Quantity(amount, unit),
        term=Term(begins, begins.add(years=1)),
        status=tuple(status),
        to=members[(index + 1) % len(members)].organisation if index % 5 == 0 else None,
        mandate=member.mandates[0].id,
        agreement="a-main",
        goals=("g-1",) if index % 2 else (),
        fulfilments=fulfilments,
    )


def _parent(built: list[Partnership], start: pendulum.Date) -> str | None:
    """The last strategic partnership built that had begun by ``start``, if any."""
    for partnership in reversed(built):
        if partnership.form == "strategic" and partnership.lifecycle.started <= start:
            return partnership.id
    return None


def _strategic(start: pendulum.Date) -> tuple[StrategicLifecycle, ProjectLifecycle]:
    """A strategic lifecycle since ``start``, reviewed once, and the project it grew from."""
    reviewed = start.add(years=3, months=2)
    strategic = StrategicLifecycle(
        since=start,
        phases=phases(
            (StrategicPhase.EXPLORING, start),
            (StrategicPhase.FORMING, start.add(months=6)),
            (StrategicPhase.OPERATING, start.add(years=1)),
            (StrategicPhase.REVIEWING, start.add(years=3)),
            (StrategicPhase.OPERATING, reviewed),
        ),
        horizon=pendulum.duration(years=10),
        review_every=pendulum.duration(years=1),
        reviews=(Review(reviewed, ReviewOutcome.CONTINUED, "Fortsætter som aftalt"),),
    )
    began = start.subtract(years=2)
    project = ProjectLifecycle(
        term=Term(began, start),
        phases=phases(
            (ProjectPhase.PLANNED, began),
            (ProjectPhase.RUNNING, began.add(months=2)),
            (ProjectPhase.CLOSING, start.subtract(months=3)),
            (ProjectPhase.CLOSED, start),
        ),
    )
    return strategic, project


def _partnership(
    index: int,
    commitments: int,
    organisations: tuple[Organisation, ...],
    areas: tuple[Area, ...],
    rng: random.Random,
    *,
    built: list[Partnership],
) -> Partnership:
    start = D(2015, 1, 1).add(days=rng.randrange(0, 2000))
    picked = rng.sample(organisations, min(MEMBERS_PER_PARTNERSHIP, len(organisations)))
    last = len(picked) - 1  # the last member leaves after five years, its mandate revoked
    members = tuple(
        Membership(
            organisation=org.id,
            role="partner" if m else "lead",
            joined=start,
            left=start.add(years=5) if m == last else None,
            representative="Direktør",
            interests=("core_task",) if m % 2 else (),
            mandates=(
                Mandate(
                    id=f"m-{m}",
                    level=MandateLevel.STRATEGIC,
                    powers=frozenset(p for _, _, p in KINDS),
                    term=Term(start),
                    granted_by="Bestyrelsen",
                    ceiling=Money(Decimal(10_000_000)),
                    revoked=start.add(years=5) if m == last else None,
                ),
            ),
        )
        for m, org in enumerate(picked)
    )
    ids = tuple(m.organisation for m in members)
    lifecycle: ProjectLifecycle | StrategicLifecycle
    earlier: tuple[ProjectLifecycle, ...] = ()
    parent = None
    if index % 2:
        lifecycle, grown_from = _strategic(start)
        earlier = (grown_from,)
    else:
        parent = _parent(built, start)
        lifecycle = ProjectLifecycle(
            term=Term(start, start.add(years=3)),
            phases=phases(
                (ProjectPhase.PLANNED, start),
                (ProjectPhase.RUNNING, start.add(months=2)),
            ),
            owner=ids[0],
        )
    return Partnership(
        id=f"p-{index}",
        name=f"Partnerskab {index}",
        lifecycle=lifecycle,
        areas=(areas[index % len(areas)].id,),
        earlier=earlier,
        parent=parent,
        vision=Vision("Et godt sted at bo", start.add(months=6), agreed_by=ids[:3]),
        challenges=(Challenge("ch-1", "Ledighed blandt unge", start, identified_by=ids[:2]),),
        goals=(
            Goal(
                "g-1",
                "Flere unge i fritidsjob",
                indicator="Andel 15-17-årige med fritidsjob (%)",
                baseline=Decimal("12.5"),
                target=Decimal("25"),
                due=start.add(years=5),
                owners=ids[:2],
                challenges=("ch-1",),
                decided_on=start,
                measure=Measure.PERCENTAGE,
                direction=Direction.HIGHER,
                measure_every=pendulum.duration(years=1),
                measurements=(
                    Measurement(start.add(years=1), Decimal("14.0"), source="Egen optælling"),
                    Measurement(
                        start.add(years=2),
                        Decimal("17.5"),
                        since=start.add(years=1, days=1),
                        source="Danmarks Statistik",
                        reported_by=ids[0],
                        reported_post="analysechef",
                        approved_by=ids[1],
                        approved_post="styregruppen",
                    ),
                ),
            ),
            Goal(
                "g-2",
                "Lavere udgift til vagtordning",
                indicator="Udgift til vagtordning pr. år",
                baseline=Decimal("900000"),
                target=Decimal("600000"),
                due=start.add(years=5),
                owners=ids[:1],
                decided_on=start,
                measure=Measure.AMOUNT,
                unit="DKK",
            ),
        ),
        members=members,
        commitments=tuple(_commitment(i, members, start, rng) for i in range(commitments)),
        agreements=(
            Agreement(
                "a-main",
                AgreementKind.STRATEGIC,
                parties=tuple(Signature(o, start.add(months=6)) for o in ids),
                term=Term(start.add(months=6)),
                binding=True,
                notice=pendulum.duration(months=6),
                concluded_on=start.add(months=6),
            ),
            Agreement(
                "a-fritidsjob",
                AgreementKind.SUB_AGREEMENT,
                parties=tuple(Signature(o, start.add(months=8)) for o in ids[:2]),
                parent="a-main",
                theme="Fritidsjob",
                concluded_on=start.add(months=8),
            ),
        ),
        governance=(
            GovernanceBody(
                "styregruppe",
                "steering_group",
                members=ids[:2],
                meets_every=pendulum.duration(months=3),
                name="Styregruppen",
                decided_on=start.add(years=1),
                term=Term(start),
                power=DecisionPower.DECIDES,
                seats=(
                    Seat(ids[2], "Direktør", SeatRole.CHAIR),
                    Seat(ids[3], "Centerchef", SeatRole.VICE_CHAIR),
                    Seat(None, "Beboerrepræsentant", count=2),
                ),
                size=7,
            ),
        ),
        governance_history=(
            GovernanceBody(
                "styregruppe",
                "steering_group",
                members=ids[:4],
                meets_every=pendulum.duration(months=3),
                name="Styregruppen",
                decided_on=start,
            ),
        ),
        secretariat=Secretariat(
            "Områdesekretariatet",
            "backbone" if index % 2 else "secretariat",
            host=ids[1],
            address="Ringparken 1, 4200 Slagelse",
            area=areas[index % len(areas)].id,
            decided_on=start,
        ),
        involvement=(
            InvolvementEvent(
                "i-1",
                "workshop",
                start,
                name="Fremtidsværksted",
                participants=ids[2:5],
                sectors=frozenset({Sector.CIVIL_SOCIETY}),
                challenges=("ch-1",),
                ideas=("Lektiecafé i beboerhuset",),
            ),
        ),
        funding=(_funding(ids, start),),
        periods=_periods(areas[index % len(areas)].id, start),
    )


def _funding(ids: tuple[str, ...], start: pendulum.Date) -> Funding:
    """DKK 800,000 a year for three years, paid by two members (3:1), extended once."""
    shares = (FundingShare(ids[0], Decimal("0.75")), FundingShare(ids[1], Decimal("0.25")))
    grant = Funding.yearly(
        "f-1",
        ids[0],
        Money(Decimal("800000")),
        Term(start, start.add(years=3).subtract(days=1)),
        FundingKind.FOUNDATION_GRANT,
        shares=shares,
    )
    before = Term(start, start.add(years=2).subtract(days=1))
    extended = FundingChange(
        start.add(years=1),
        Money(Decimal("1600000")),
        before,
        grant.periods[:2],
        shares,
    )
    return attrs.evolve(grant, granted_on=start, changes=(extended,))


def _periods(area: str, start: pendulum.Date) -> tuple[PlanPeriod, ...]:
    """Two consecutive four-year plan periods with LBF 2019-26 themes."""
    return tuple(
        PlanPeriod(
            f"t-{n + 1}",
            Term(start.add(years=4 * n), start.add(years=4 * (n + 1)).subtract(days=1)),
            name=f"Helhedsplan {start.year + 4 * n}",
            themes=("Beskæftigelse", "Uddannelse og livschancer")[: n + 1],
            areas=(area,),
            agreement="a-main",
            decided_on=start,
        )
        for n in range(2)
    )


def synthetic_portfolio(n_commitments: int, *, seed: int = 0) -> Portfolio:
    """A valid portfolio with exactly ``n_commitments`` commitments.

    Partnerships hold fifty commitments each (the last one the rest), eight members
    (the last leaves after five years), two agreements (one under the other), one
    goal, challenge, governance body and funding (by year, from two members, extended
    once), and two plan periods. Every second one is strategic, grown
    from an earlier project and reviewed once; the others run under the last strategic
    partnership that had begun by their start, if any. There is one
    organisation per two partnerships (at least eight) and one area per ten. The
    first partnership, organisation and area, and every record in them, cite a source
    and have a note. The same
    arguments always give an equal portfolio.

    Args:
        n_commitments: How many commitments the portfolio holds.
        seed: The seed of the pseudo-random choices (dates, amounts, members).

    Returns:
        The portfolio.

    >>> portfolio = synthetic_portfolio(120)
    >>> len(portfolio.partnerships), sum(len(p.commitments) for p in portfolio.partnerships)
    (3, 120)
    >>> synthetic_portfolio(120) == portfolio
    True
    """
    rng = random.Random(seed)
    partnerships = max(1, -(-n_commitments // COMMITMENTS_PER_PARTNERSHIP))
    areas = _areas(max(1, partnerships // 10))
    organisations = _organisations(max(MEMBERS_PER_PARTNERSHIP, partnerships // 2), areas, rng)
    built: list[Partnership] = []
    left = n_commitments
    for index in range(partnerships):
        count = min(COMMITMENTS_PER_PARTNERSHIP, left)
        left -= count
        built.append(_partnership(index, count, organisations, areas, rng, built=built))
    # the first of each has its sources and a note, as a real record would
    built[0] = _cited(built[0])
    organisations = (_cited(organisations[0]), *organisations[1:])
    areas = (_cited(areas[0]), *areas[1:])
    return Portfolio(organisations, areas, tuple(built), _lists(areas[0].id))


def _lists(area: str) -> tuple[AreaList, ...]:
    """Two udsat lists: ``area`` on the first with its figures, off the second (D97)."""
    law = "lov om almene boliger m.v."
    return (
        AreaList(
            "udsat-2021",
            "udsat",
            pendulum.Date(2021, 12, 1),
            law=law,
            listings=(Listing(area, (Figure("residents", Decimal(1234)),), new=True),),
            count=20,
            source="Social- og Boligministeriet",
        ),
        AreaList(
            "udsat-2022",
            "udsat",
            pendulum.Date(2022, 12, 1),
            law=law,
            left=(area,),
            complete=True,
        ),
    )


def synthetic_document(n_commitments: int, format: Format, *, seed: int = 0) -> str:  # noqa: A002
    """The document of :func:`synthetic_portfolio` in ``format`` (json, yaml or toml).

    >>> synthetic_document(10, "yaml").startswith("format: samarbejde/1")
    True
    """
    return dumps(synthetic_portfolio(n_commitments, seed=seed), format)
