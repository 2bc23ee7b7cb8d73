"""The example partnership of DESIGN.md section 7, built in Python with ``samarbejde.testing``.

Fictional, like the bundled example ``opdrift``: only Esbjerg Kommune and its kommunekode
are real (design decision D114).
"""

from __future__ import annotations

from decimal import Decimal

import pendulum

from samarbejde import (
    Area,
    Commitment,
    CommitmentStatus,
    EntryPoint,
    Identifiers,
    Organisation,
    Partnership,
    Portfolio,
    Power,
    Quantity,
    Sector,
    StrategicPhase,
    Term,
    Unit,
)
from samarbejde.testing import commitment, mandate, member, organisation, strategic_lifecycle

D = pendulum.Date


def organisations() -> tuple[Organisation, ...]:
    return (
        organisation(
            "esbjerg-kommune",
            Sector.MUNICIPALITY,
            name="Esbjerg Kommune",
            identifiers=Identifiers(kommunekode="561"),
            entry_points=(
                EntryPoint("boligsocial-koordinator", "liaison", "Boligsocial koordinator"),
            ),
        ),
        organisation(
            "ringkaeden",
            name="Ringkæden",
            entry_points=(
                EntryPoint("regional-konsulent", "regional_consultant", "Regional konsulent"),
                EntryPoint("lokalafdeling", "local_branch", "Lokal frivillig afdeling"),
            ),
        ),
        organisation("bryggens-erhverv", Sector.BUSINESS, name="Bryggens Erhverv"),
    )


def fritidsjob() -> Commitment:
    """Bryggens Erhverv's 25 leisure jobs for 2021: the design's example of a commitment."""
    return commitment(
        "c-fritidsjob",
        "bryggens-erhverv",
        D(2020, 10, 1),
        (CommitmentStatus.AGREED, D(2020, 11, 15)),
        kind="leisure_jobs",
        quantity=Quantity(Decimal("25"), Unit.PLACES),
        term=Term(D(2021, 1, 1), D(2021, 12, 31)),
        mandate="m-business",
    )


def partnership() -> Partnership:
    return Partnership(
        id="opdrift",
        name="Opdrift i Ørnereden",
        areas=("ornereden",),
        lifecycle=strategic_lifecycle(
            (StrategicPhase.EXPLORING, D(2019, 9, 1)),
            (StrategicPhase.FORMING, D(2020, 3, 1)),
            (StrategicPhase.OPERATING, D(2020, 9, 1)),
            since=D(2019, 9, 1),
            horizon=pendulum.duration(years=10),
        ),
        members=(
            member(
                "bryggens-erhverv",
                D(2019, 9, 1),
                role="bridge_builder",
                representative="Direktør",
                mandates=(mandate("m-business", Power.OFFER_JOBS, Power.COMMIT_STAFF),),
            ),
        ),
        commitments=(fritidsjob(),),
    )


def portfolio() -> Portfolio:
    return Portfolio(
        organisations=organisations(),
        areas=(Area("ornereden", "Ørnereden", "561"),),
        partnerships=(partnership(),),
    )
