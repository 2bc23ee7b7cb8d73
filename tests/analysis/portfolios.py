"""Hand-built portfolios for the analysis tests, each fact placed on purpose."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

import pendulum

from samarbejde import (
    Agreement,
    AgreementKind,
    Area,
    Challenge,
    CommitmentStatus,
    EntryPoint,
    Funding,
    FundingKind,
    Goal,
    GovernanceBody,
    GovernanceKind,
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
    StrategicLifecycle,
    StrategicPhase,
    Term,
    Unit,
    Vision,
    testing,
)
from samarbejde.testing import status

D = pendulum.Date
AS_OF = D(2024, 6, 1)
PROJECT_END = D(2022, 12, 31)


#: The commitments of these portfolios: ten staff hours over 2022, agreed on 2021-12-01
#: (replace ``term``, ``status`` or ``quantity`` to place another fact).
commitment = partial(
    testing.commitment,
    quantity=testing.hours("10"),
    term=Term(D(2022, 1, 1), PROJECT_END),
    status=status((CommitmentStatus.AGREED, D(2021, 12, 1))),
)


def quantity(amount: str, unit: Unit) -> Quantity:
    """An amount of ``unit``."""
    return Quantity(Decimal(amount), unit)


def organisations() -> tuple[Organisation, ...]:
    return (
        Organisation("kommune", "Byens Kommune", Sector.MUNICIPALITY),
        Organisation("kommune-skole", "Skoleforvaltningen", Sector.MUNICIPALITY, parent="kommune"),
        Organisation(
            "kommune-social", "Socialforvaltningen", Sector.MUNICIPALITY, parent="kommune"
        ),
        Organisation(
            "boligselskab",
            "Boligselskabet",
            Sector.HOUSING,
            entry_points=(
                EntryPoint("kontor", "local_branch", "Boligsocialt kontor", covers=("parken",)),
            ),
        ),
        Organisation("forening", "Idrætsforeningen", Sector.CIVIL_SOCIETY),
        Organisation("virksomhed", "Lokal Virksomhed", Sector.BUSINESS),
        Organisation("beboere", "Afdelingsbestyrelsen", Sector.RESIDENTS),
        Organisation("fond", "Fonden", Sector.FOUNDATION),
    )


def alliance() -> Partnership:
    """A mature strategic alliance: many sectors early, binding, funded, reviewed."""
    start = D(2018, 1, 1)
    strategic_mandate = Mandate(
        "m-kommune",
        MandateLevel.STRATEGIC,
        frozenset({Power.COMMIT_STAFF, Power.COMMIT_FUNDS}),
        Term(start),
        "Byrådet",
        ceiling=Money(Decimal("1000000")),
    )
    members = (
        Membership("kommune-social", "lead", start, mandates=(strategic_mandate,)),
        Membership(
            "boligselskab",
            "backbone",
            start,
            mandates=(
                Mandate(
                    "m-bolig",
                    MandateLevel.STRATEGIC,
                    frozenset({Power.COMMIT_FACILITIES}),
                    Term(start),
                    "Organisationsbestyrelsen",
                ),
            ),
        ),
        Membership("forening", "partner", start),
        Membership("virksomhed", "bridge_builder", D(2018, 3, 1)),
        Membership("beboere", "resident_representative", start),
        Membership("kommune-skole", "partner", D(2019, 1, 1)),
    )
    agreed = status((CommitmentStatus.AGREED, D(2019, 1, 1)))
    return Partnership(
        id="alliancen",
        name="Alliancen i Parken",
        areas=("parken",),
        lifecycle=StrategicLifecycle(
            since=start,
            horizon=pendulum.duration(years=12),
            review_every=pendulum.duration(years=1),
            phases=(
                PhaseChange(StrategicPhase.EXPLORING, start),
                PhaseChange(StrategicPhase.FORMING, D(2018, 6, 1)),
                PhaseChange(StrategicPhase.OPERATING, D(2019, 1, 1)),
            ),
            reviews=tuple(
                Review(D(year, 12, 1), ReviewOutcome.CONTINUED) for year in range(2019, 2024)
            ),
        ),
        vision=Vision(
            "Et trygt kvarter", D(2018, 6, 1), agreed_by=("kommune-social", "boligselskab")
        ),
        challenges=(
            Challenge("c-unge", "Unge uden job", start, identified_by=("forening", "beboere")),
        ),
        goals=(
            Goal(
                "g-job",
                "Flere unge i job",
                indicator="Andel 15-17-årige med fritidsjob (%)",
                baseline=Decimal("20"),
                target=Decimal("40"),
                owners=("virksomhed", "forening", "beboere", "kommune-skole"),
            ),
        ),
        members=members,
        commitments=(
            commitment(
                "a-staff",
                "kommune-social",
                mandate="m-kommune",
                status=agreed,
                term=Term(D(2022, 1, 1), D(2026, 12, 31)),
            ),
            commitment(
                "a-rooms",
                "boligselskab",
                kind="facilities",
                mandate="m-bolig",
                status=agreed,
                term=Term(D(2022, 1, 1), None),
                quantity=quantity("2", Unit.ITEMS),
            ),
        ),
        agreements=(
            Agreement(
                "aftale",
                kind=AgreementKind.STRATEGIC,
                parties=tuple(Signature(m.organisation, D(2018, 12, 1)) for m in members),
                binding=True,
            ),
        ),
        governance=(
            GovernanceBody(
                "styregruppe",
                GovernanceKind.STEERING_GROUP,
                members=("kommune-social", "boligselskab", "beboere"),
                meets_every=pendulum.duration(months=3),
            ),
        ),
        funding=(
            Funding(
                "f-kommune",
                "kommune",
                Money(Decimal("500000")),
                Term(start),
                FundingKind.MUNICIPAL_BUDGET,
            ),
            Funding(
                "f-fond",
                "fond",
                Money(Decimal("900000")),
                Term(start, D(2026, 12, 31)),
                FundingKind.FOUNDATION_GRANT,
            ),
        ),
    )


def project() -> Partnership:
    """A fund-financed four-year project with no successor, overdue commitments and gaps."""
    members = (
        Membership("forening", "lead", D(2019, 1, 1)),
        Membership(
            "kommune-skole",
            "partner",
            D(2019, 1, 1),
            mandates=(
                Mandate(
                    "m-skole",
                    MandateLevel.OPERATIONAL,
                    frozenset({Power.SHARE_DATA}),
                    Term(D(2019, 1, 1), D(2020, 12, 31)),
                    "Skoleudvalget",
                ),
            ),
        ),
        Membership("kommune-social", "partner", D(2019, 1, 1)),
    )
    return Partnership(
        id="projektet",
        name="Projekt Fritid",
        areas=("parken",),
        lifecycle=ProjectLifecycle(
            term=Term(D(2019, 1, 1), D(2022, 12, 31)),
            phases=(
                PhaseChange(ProjectPhase.RUNNING, D(2019, 1, 1)),
                PhaseChange(ProjectPhase.CLOSING, D(2022, 10, 1)),
                PhaseChange(ProjectPhase.CLOSED, D(2022, 12, 31)),
            ),
            owner="forening",
        ),
        members=members,
        commitments=(
            # overdue: term ended 2022-12-31, still agreed
            commitment("p-open", "forening", kind="volunteers"),
            # not overdue: fulfilled
            commitment(
                "p-done",
                "forening",
                status=status(
                    (CommitmentStatus.AGREED, D(2021, 12, 1)),
                    (CommitmentStatus.FULFILLED, D(2023, 1, 15)),
                ),
            ),
            # overdue, pledged only; a mandate that lapsed before it was made
            commitment(
                "p-data",
                "kommune-skole",
                kind="data",
                mandate="m-skole",
                status=status((CommitmentStatus.PLEDGED, D(2021, 12, 1))),
            ),
            # not overdue: term still running
            commitment("p-later", "kommune-social", term=Term(D(2022, 1, 1), D(2030, 1, 1))),
        ),
        funding=(
            Funding(
                "f-1",
                "fond",
                Money(Decimal("400000")),
                Term(D(2019, 1, 1), D(2020, 12, 31)),
                FundingKind.FOUNDATION_GRANT,
            ),
            Funding(
                "f-2",
                "fond",
                Money(Decimal("400000")),
                Term(D(2021, 3, 1), D(2022, 12, 31)),
                FundingKind.FOUNDATION_GRANT,
            ),
        ),
    )


def child() -> Partnership:
    """A project under the alliance: its funding end is followed by the parent."""
    return Partnership(
        id="lektiecafe",
        name="Lektiecaféen",
        areas=("parken",),
        parent="alliancen",
        lifecycle=ProjectLifecycle(
            term=Term(D(2021, 1, 1), D(2023, 12, 31)),
            phases=(PhaseChange(ProjectPhase.RUNNING, D(2021, 1, 1)),),
        ),
        members=(
            Membership("forening", "lead", D(2021, 1, 1)),
            Membership("boligselskab", "partner", D(2021, 1, 1)),
        ),
        funding=(
            Funding(
                "f-cafe",
                "fond",
                Money(Decimal("100000")),
                Term(D(2021, 1, 1), D(2023, 12, 31)),
                FundingKind.NATIONAL_POOL,
            ),
        ),
    )


def converted() -> Partnership:
    """A project that went on as a strategic partnership (make_strategic)."""
    started = Partnership(
        id="omstillet",
        name="Fra projekt til partnerskab",
        areas=("parken",),
        lifecycle=ProjectLifecycle(
            term=Term(D(2020, 1, 1), D(2022, 6, 30)),
            phases=(PhaseChange(ProjectPhase.RUNNING, D(2020, 1, 1)),),
        ),
        members=(Membership("boligselskab", "lead", D(2020, 1, 1)),),
        funding=(
            Funding(
                "f-start",
                "fond",
                Money(Decimal("50000")),
                Term(D(2020, 1, 1), D(2022, 6, 30)),
                FundingKind.FOUNDATION_GRANT,
            ),
        ),
    )
    return started.make_strategic(on=D(2022, 7, 1), review_every=pendulum.duration(years=1))


def later() -> Partnership:
    """A partnership that begins after the date the tests ask about."""
    return Partnership(
        id="fremtid",
        name="Fremtiden",
        lifecycle=ProjectLifecycle(
            term=Term(D(2025, 1, 1), D(2026, 1, 1)),
            phases=(PhaseChange(ProjectPhase.PLANNED, D(2025, 1, 1)),),
        ),
        members=(Membership("kommune", "lead", D(2025, 1, 1)),),
    )


def neighbourhood() -> Portfolio:
    return Portfolio(
        organisations=organisations(),
        areas=(Area("parken", "Parken", "101"), Area("havnen", "Havnen", "101")),
        partnerships=(alliance(), project(), child(), converted(), later()),
    )
