"""The example partnership of DESIGN.md section 7, built in Python.

Real organisations, invented details.
"""

from __future__ import annotations

from decimal import Decimal

import pendulum

from samarbejde import (
    CommitmentStatus,
    EntryPoint,
    Identifiers,
    MandateLevel,
    Organisation,
    Power,
    Sector,
    StrategicPhase,
    Unit,
)
from samarbejde.model.areas import Area
from samarbejde.model.commitments import Commitment
from samarbejde.model.history import PhaseChange, StatusChange
from samarbejde.model.lifecycles import StrategicLifecycle
from samarbejde.model.mandates import Mandate
from samarbejde.model.memberships import Membership
from samarbejde.model.money import Quantity
from samarbejde.model.partnerships import Partnership
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.terms import Term

D = pendulum.Date


def organisations() -> tuple[Organisation, ...]:
    return (
        Organisation(
            "esbjerg-kommune",
            "Esbjerg Kommune",
            Sector.MUNICIPALITY,
            identifiers=Identifiers(kommunekode="561"),
            entry_points=(
                EntryPoint("boligsocial-koordinator", "liaison", "Boligsocial koordinator"),
            ),
        ),
        Organisation(
            "roede-kors",
            "Røde Kors",
            Sector.CIVIL_SOCIETY,
            entry_points=(
                EntryPoint("regional-konsulent", "regional_consultant", "Regional konsulent"),
                EntryPoint("lokalafdeling", "local_branch", "Lokal frivillig afdeling"),
            ),
        ),
        Organisation("business-esbjerg", "Business Esbjerg", Sector.BUSINESS),
    )


def partnership() -> Partnership:
    return Partnership(
        id="medvind",
        name="Medvind i Østerbyen",
        areas=("osterbyen",),
        lifecycle=StrategicLifecycle(
            since=D(2019, 9, 1),
            horizon=pendulum.duration(years=10),
            review_every=pendulum.duration(years=1),
            phases=(
                PhaseChange(StrategicPhase.EXPLORING, D(2019, 9, 1)),
                PhaseChange(StrategicPhase.FORMING, D(2020, 3, 1)),
                PhaseChange(StrategicPhase.OPERATING, D(2020, 9, 1)),
            ),
        ),
        members=(
            Membership(
                "business-esbjerg",
                "bridge_builder",
                D(2019, 9, 1),
                representative="Direktør",
                mandates=(
                    Mandate(
                        "m-business",
                        MandateLevel.STRATEGIC,
                        frozenset({Power.OFFER_JOBS, Power.COMMIT_STAFF}),
                        Term(D(2020, 1, 1)),
                        "Bestyrelsen",
                    ),
                ),
            ),
        ),
        commitments=(
            Commitment(
                "c-fritidsjob",
                "business-esbjerg",
                "leisure_jobs",
                Quantity(Decimal("25"), Unit.PLACES),
                Term(D(2021, 1, 1), D(2021, 12, 31)),
                status=(
                    StatusChange(CommitmentStatus.PROPOSED, D(2020, 10, 1)),
                    StatusChange(CommitmentStatus.AGREED, D(2020, 11, 15)),
                ),
                mandate="m-business",
            ),
        ),
    )


def portfolio() -> Portfolio:
    return Portfolio(
        organisations=organisations(),
        areas=(Area("osterbyen", "Østerbyen", "561"),),
        partnerships=(partnership(),),
    )
