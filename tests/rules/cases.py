"""One passing and one failing fragment per built-in rule, each a small change of the base.

Every failing fragment gives exactly its rule's code and nothing else, as of ``AS_OF``;
every passing fragment is the nearest variant that gives no finding at all.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
import pendulum
from tests.rules._fragments import (
    D,
    alliance,
    alliance_commitment,
    alliance_member,
    base,
    commitment,
    mandate,
    org,
    organisation,
    organisations,
    project,
    project_lifecycle,
    status,
    strategic_lifecycle,
    with_alliance,
    with_project,
)

from samarbejde import (
    CommitmentStatus,
    Fulfilment,
    Funding,
    FundingKind,
    MandateLevel,
    Money,
    Partnership,
    PhaseChange,
    Portfolio,
    Power,
    ProjectPhase,
    Quantity,
    Sector,
    StrategicPhase,
    Term,
    Unit,
)

Build = Callable[[], Portfolio]


def _years(count: int) -> pendulum.Duration:
    return pendulum.duration(years=count)


C = CommitmentStatus
AGREED = ((C.PROPOSED, D(2020, 2, 1)), (C.AGREED, D(2020, 3, 1)))


def _goal(**changes: object) -> Portfolio:
    goals = tuple(attrs.evolve(g, **changes) for g in alliance().goals)
    return with_alliance(goals=goals)


def _challenge(*identified_by: str) -> Portfolio:
    challenges = tuple(attrs.evolve(c, identified_by=identified_by) for c in alliance().challenges)
    return with_alliance(challenges=challenges)


def _units(a_parent: str, b_parent: str) -> Portfolio:
    units = (
        org("enhed-a", Sector.MUNICIPALITY, parent=a_parent),
        org("enhed-b", Sector.MUNICIPALITY, parent=b_parent),
    )
    return base(organisations=(*organisations(), *units))


def _sub_project(parent: str) -> Portfolio:
    sub = attrs.evolve(project(), id="delprojekt", parent=parent)
    return base(partnerships=(alliance(), project(), sub))


def _dissolved(*statuses: tuple[CommitmentStatus, D]) -> Portfolio:
    lifecycle = strategic_lifecycle(
        phases=(
            *strategic_lifecycle().phases,
            PhaseChange(StrategicPhase.DISSOLVED, D(2021, 1, 1)),
        )
    )
    changed = attrs.evolve(
        alliance(),
        lifecycle=lifecycle,
        commitments=alliance_commitment("c-timer", status=status(*statuses)),
    )
    return base(alliance_=changed)


def _fulfilled(fulfilled_on: D, delivered_on: D | None) -> Portfolio:
    delivered = (
        ()
        if delivered_on is None
        else (Fulfilment(delivered_on, Quantity(Decimal("10"), Unit.HOURS_PER_WEEK)),)
    )
    return with_alliance(
        commitments=alliance_commitment(
            "c-timer",
            status=status(*AGREED, (C.FULFILLED, fulfilled_on)),
            fulfilments=delivered,
        )
    )


def _ngo_mandate(**changes: object) -> Portfolio:
    held = mandate("m-ngo", Power.COMMIT_VOLUNTEERS, **changes)
    return with_alliance(members=alliance_member("ngo", mandates=(held,)))


def _project_term(end: D, *funded: tuple[D, D]) -> Portfolio:
    funding = tuple(
        Funding(
            f"f-{number}",
            "fond",
            Money(Decimal("1000000")),
            Term(start, stop),
            FundingKind.FOUNDATION_GRANT,
        )
        for number, (start, stop) in enumerate(funded)
    )
    lifecycle = project_lifecycle(term=Term(D(2020, 1, 1), end))
    return with_project(lifecycle=lifecycle, funding=funding)


def _closing(parent: str | None) -> Portfolio:
    phases = (
        PhaseChange(ProjectPhase.RUNNING, D(2020, 1, 1)),
        PhaseChange(ProjectPhase.CLOSING, D(2021, 5, 1)),
    )
    return with_project(parent=parent, lifecycle=project_lifecycle(phases=phases))


def _grants_only(with_budget: bool) -> Portfolio:
    grant = Funding(
        "f-grant",
        "fond",
        Money(Decimal("3000000")),
        Term(D(2020, 1, 1), D(2023, 12, 31)),
        FundingKind.FOUNDATION_GRANT,
    )
    funding = (*alliance().funding, grant) if with_budget else (grant,)
    return with_alliance(funding=funding)


def _sectors(**sectors: Sector) -> Portfolio:
    return base(
        organisations=tuple(
            attrs.evolve(o, sector=sectors.get(o.id, o.sector)) for o in organisations()
        )
    )


def _residents(role: str) -> Portfolio:
    changed = attrs.evolve(alliance(), members=alliance_member("beboere", role=role))
    return base(alliance_=changed, organisations=organisation("beboere", sector=Sector.OTHER))


def _extra_commitments(count: int) -> Portfolio:
    extra = tuple(
        commitment(f"c-ekstra-{n}", "kommune", "staff_hours", "5", Unit.HOURS_PER_WEEK)
        for n in range(count)
    )
    return with_alliance(commitments=(*alliance().commitments, *extra))


def _overdue(final: bool) -> Portfolio:
    changes: dict[str, object] = {"term": Term(D(2020, 4, 1), D(2021, 3, 31))}
    if final:
        changes["status"] = status(*AGREED, (C.FULFILLED, D(2021, 4, 1)))
        changes["fulfilments"] = (
            Fulfilment(D(2021, 3, 31), Quantity(Decimal("10"), Unit.HOURS_PER_WEEK)),
        )
    return with_alliance(commitments=alliance_commitment("c-timer", **changes))


def _phases(*phases: tuple[StrategicPhase, D]) -> Partnership:
    lifecycle = strategic_lifecycle(phases=tuple(PhaseChange(p, on) for p, on in phases))
    return attrs.evolve(alliance(), lifecycle=lifecycle, agreements=(), vision=None)


S = StrategicPhase

#: code -> (passing fragment, failing fragment)
CASES: dict[str, tuple[Build, Build]] = {
    "S001": (
        lambda: with_project(lifecycle=project_lifecycle(owner="kommune")),
        lambda: with_project(lifecycle=project_lifecycle(owner="ukendt")),
    ),
    "S002": (
        lambda: with_alliance(areas=("omraadet",)),
        lambda: with_alliance(areas=("omraadet", "andet-sted")),
    ),
    "S003": (
        lambda: with_alliance(commitments=alliance_commitment("c-timer", to="bolig")),
        lambda: with_alliance(commitments=alliance_commitment("c-timer", to="fond")),
    ),
    "S004": (
        lambda: with_alliance(commitments=alliance_commitment("c-timer", mandate="m-kommune")),
        lambda: with_alliance(commitments=alliance_commitment("c-timer", mandate="m-ngo")),
    ),
    "S005": (
        lambda: with_alliance(commitments=alliance_commitment("c-timer", goals=("g-job",))),
        lambda: with_alliance(commitments=alliance_commitment("c-timer", goals=("g-ukendt",))),
    ),
    "S006": (
        lambda: _goal(challenges=("ch-ung",)),
        lambda: _goal(challenges=("ch-ung", "ch-ukendt")),
    ),
    "S007": (
        lambda: with_alliance(commitments=alliance_commitment("c-timer", agreement="a-strategi")),
        lambda: with_alliance(commitments=alliance_commitment("c-timer", agreement="a-ukendt")),
    ),
    "S008": (
        lambda: with_project(parent="alliance"),
        lambda: with_project(parent="ukendt"),
    ),
    "S009": (
        lambda: base(organisations=(*organisations(), org("ngo-2", Sector.CIVIL_SOCIETY))),
        lambda: base(organisations=(*organisations(), org("ngo", Sector.CIVIL_SOCIETY))),
    ),
    "S010": (lambda: _units("enhed-b", "kommune"), lambda: _units("enhed-b", "enhed-a")),
    "S011": (
        lambda: with_alliance(members=alliance_member("ngo", joined=D(2019, 2, 1))),
        lambda: with_alliance(members=alliance_member("ngo", joined=D(2018, 6, 1))),
    ),
    "S012": (
        lambda: _dissolved(*AGREED),
        lambda: _dissolved((C.PROPOSED, D(2021, 2, 1))),
    ),
    "S013": (
        lambda: with_alliance(members=alliance_member("ngo", left=D(2021, 1, 1))),
        lambda: with_alliance(members=alliance_member("ngo", left=D(2020, 1, 15))),
    ),
    "S014": (lambda: _sub_project("alliance"), lambda: _sub_project("projekt")),
    "S015": (
        lambda: _fulfilled(D(2021, 1, 1), D(2020, 12, 1)),
        lambda: _fulfilled(D(2021, 1, 1), None),
    ),
    "S016": (
        lambda: _fulfilled(D(2021, 1, 1), D(2021, 1, 1)),
        lambda: _fulfilled(D(2021, 1, 1), D(2021, 2, 1)),
    ),
    "M001": (
        lambda: with_alliance(
            commitments=alliance_commitment(
                "c-timer", mandate=None, status=status((C.PROPOSED, D(2020, 2, 1)))
            )
        ),
        lambda: with_alliance(commitments=alliance_commitment("c-timer", mandate=None)),
    ),
    "M002": (
        lambda: with_alliance(commitments=alliance_commitment("c-timer", kind="knowledge")),
        lambda: with_alliance(commitments=alliance_commitment("c-timer", kind="funding")),
    ),
    "M003": (
        lambda: with_alliance(
            commitments=alliance_commitment(
                "c-midler", quantity=Quantity(Decimal("500000"), Unit.DKK)
            )
        ),
        lambda: with_alliance(
            commitments=alliance_commitment(
                "c-midler", quantity=Quantity(Decimal("500000.01"), Unit.DKK)
            )
        ),
    ),
    "M004": (
        lambda: _ngo_mandate(revoked=D(2021, 1, 1)),
        lambda: _ngo_mandate(revoked=D(2020, 3, 1)),
    ),
    "M005": (
        lambda: _ngo_mandate(level=MandateLevel.STRATEGIC),
        lambda: _ngo_mandate(level=MandateLevel.TACTICAL),
    ),
    "P001": (
        lambda: _project_term(D(2023, 12, 31), (D(2020, 1, 1), D(2023, 12, 31))),
        lambda: _project_term(D(2024, 1, 1), (D(2020, 1, 1), D(2024, 1, 1))),
    ),
    "P002": (lambda: _closing("alliance"), lambda: _closing(None)),
    "P003": (
        lambda: _project_term(
            D(2022, 12, 31),
            (D(2020, 1, 1), D(2022, 6, 30)),
            (D(2022, 7, 1), D(2022, 12, 31)),
        ),
        lambda: _project_term(D(2022, 12, 31), (D(2020, 1, 1), D(2022, 6, 30))),
    ),
    "L001": (lambda: with_alliance(areas=("omraadet",)), lambda: with_alliance(areas=())),
    "L002": (
        lambda: base(alliance_=_phases((S.EXPLORING, D(2019, 1, 1)), (S.FORMING, D(2019, 6, 1)))),
        lambda: with_alliance(
            agreements=tuple(attrs.evolve(a, binding=False) for a in alliance().agreements)
        ),
    ),
    "L003": (
        lambda: with_alliance(lifecycle=strategic_lifecycle(horizon=_years(5))),
        lambda: with_alliance(lifecycle=strategic_lifecycle(horizon=_years(4))),
    ),
    "L004": (
        lambda: with_alliance(lifecycle=strategic_lifecycle(review_every=_years(2))),
        lambda: with_alliance(lifecycle=strategic_lifecycle(review_every=None)),
    ),
    "L005": (
        lambda: with_alliance(lifecycle=strategic_lifecycle(review_every=_years(3), reviews=())),
        lambda: with_alliance(lifecycle=strategic_lifecycle(reviews=())),
    ),
    "L006": (
        lambda: base(alliance_=_phases((S.FORMING, D(2019, 1, 1)))),
        lambda: with_alliance(vision=None),
    ),
    "L007": (lambda: _goal(baseline=None), lambda: _goal(target=None)),
    "L008": (lambda: _grants_only(True), lambda: _grants_only(False)),
    "L009": (lambda: _goal(owners=("beboere",)), lambda: _goal(owners=("firma",))),
    "C001": (
        lambda: _sectors(ngo=Sector.MUNICIPALITY, firma=Sector.HOUSING),
        lambda: _sectors(
            ngo=Sector.MUNICIPALITY, firma=Sector.MUNICIPALITY, bolig=Sector.MUNICIPALITY
        ),
    ),
    "C002": (
        lambda: with_alliance(members=alliance_member("firma", joined=D(2019, 6, 1))),
        lambda: with_alliance(members=alliance_member("firma", joined=D(2019, 6, 2))),
    ),
    "C003": (lambda: _residents("resident_representative"), lambda: _residents("advisor")),
    "C004": (
        lambda: base(organisations=organisation("fond", entry_points=())),
        lambda: base(organisations=organisation("firma", entry_points=())),
    ),
    "C005": (lambda: _extra_commitments(2), lambda: _extra_commitments(3)),
    "C006": (lambda: _challenge("kommune", "beboere"), lambda: _challenge("kommune")),
    "T001": (lambda: _overdue(final=True), lambda: _overdue(final=False)),
    "T002": (
        lambda: with_alliance(
            commitments=alliance_commitment(
                "c-timer", status=status((C.PROPOSED, D(2020, 2, 1)), (C.AGREED, D(2021, 6, 1)))
            )
        ),
        lambda: with_alliance(
            commitments=alliance_commitment(
                "c-timer", status=status((C.PROPOSED, D(2020, 2, 1)), (C.AGREED, D(2021, 6, 2)))
            )
        ),
    ),
}
