"""The example partnership of DESIGN.md section 7, built in Python and walked through time."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date
from tests.opdrift import partnership, portfolio

from samarbejde import (
    Commitment,
    CommitmentStatus,
    MandateLevel,
    ModelError,
    Partnership,
    PhaseChange,
    Power,
    Quantity,
    Review,
    ReviewOutcome,
    Sector,
    StatusChange,
    StrategicLifecycle,
    StrategicPhase,
    Term,
    Unit,
    label,
)
from samarbejde.testing import mandate

C, S = CommitmentStatus, StrategicPhase


def test_the_example_portfolio_holds_what_the_design_document_shows() -> None:
    example = portfolio()
    assert [o.id for o in example.organisations] == [
        "esbjerg-kommune",
        "ringkaeden",
        "bryggens-erhverv",
    ]
    kommune = example.organisation("esbjerg-kommune")
    assert (kommune.sector, kommune.identifiers.kommunekode) == (Sector.MUNICIPALITY, "561")
    assert [e.kind for e in example.organisation("ringkaeden").entry_points] == [
        "regional_consultant",
        "local_branch",
    ]
    assert example.area("ornereden").municipality == "561"
    assert [p.id for p in example.partnerships] == ["opdrift"]


def test_opdrift_is_an_operating_strategic_partnership_with_a_ten_year_horizon() -> None:
    opdrift = partnership()
    assert (opdrift.name, opdrift.areas, opdrift.form) == (
        "Opdrift i Ørnereden",
        ("ornereden",),
        "strategic",
    )
    lifecycle = opdrift.lifecycle
    assert isinstance(lifecycle, StrategicLifecycle)
    assert [(p.phase, p.on) for p in lifecycle.phases] == [
        (S.EXPLORING, D(2019, 9, 1)),
        (S.FORMING, D(2020, 3, 1)),
        (S.OPERATING, D(2020, 9, 1)),
    ]
    assert lifecycle.horizon_end == D(2029, 9, 1)
    assert lifecycle.next_review() == D(2020, 9, 1)


def test_bryggens_erhverv_bridges_with_a_strategic_mandate() -> None:
    business = partnership().member("bryggens-erhverv")
    assert (business.role, business.joined, business.representative) == (
        "bridge_builder",
        D(2019, 9, 1),
        "Direktør",
    )
    held = business.mandate("m-business")
    assert held.level is MandateLevel.STRATEGIC
    assert held.powers == {Power.OFFER_JOBS, Power.COMMIT_STAFF}
    assert (held.term, held.granted_by) == (Term(D(2020, 1, 1)), "Bestyrelsen")
    assert label(business.role, "da") == "brobygger"


def test_twenty_five_leisure_jobs_were_agreed_in_november_2020() -> None:
    jobs = partnership().commitment("c-fritidsjob")
    assert (jobs.by, jobs.kind, jobs.mandate) == ("bryggens-erhverv", "leisure_jobs", "m-business")
    assert jobs.quantity == Quantity(Decimal("25"), Unit.PLACES)
    assert jobs.term == Term(D(2021, 1, 1), D(2021, 12, 31))
    assert jobs.status == (
        StatusChange(C.PROPOSED, D(2020, 10, 1)),
        StatusChange(C.AGREED, D(2020, 11, 15)),
    )
    assert jobs.is_binding
    assert partnership().holder("m-business").organisation == jobs.by


def walk() -> Partnership:
    """Opdrift's next two years, one dated operation at a time."""
    return (
        partnership()
        .admit("ringkaeden", role="partner", on=D(2021, 1, 1), representative="Regional konsulent")
        .grant(
            "ringkaeden",
            mandate(
                "m-ringkaeden",
                level=MandateLevel.OPERATIONAL,
                powers=frozenset({Power.COMMIT_VOLUNTEERS}),
                term=Term(D(2021, 1, 1), D(2022, 12, 31)),
                granted_by="Regionsbestyrelsen",
            ),
            on=D(2021, 1, 15),
        )
        .commit(
            Commitment(
                "c-lektiecafe",
                "ringkaeden",
                "volunteers",
                Quantity(Decimal("8"), Unit.PERSONS),
                Term(D(2021, 3, 1), D(2021, 12, 31)),
                status=(StatusChange(C.PLEDGED, D(2021, 2, 1)),),
                mandate="m-ringkaeden",
            ),
            on=D(2021, 2, 1),
        )
        .set_status("c-lektiecafe", C.AGREED, on=D(2021, 2, 20))
        .record_fulfilment("c-fritidsjob", Quantity(Decimal("12"), Unit.PLACES), on=D(2021, 6, 30))
        .record_fulfilment("c-fritidsjob", Quantity(Decimal("13"), Unit.PLACES), on=D(2021, 12, 1))
        .set_status("c-fritidsjob", C.FULFILLED, on=D(2021, 12, 31))
        .advance(S.REVIEWING, on=D(2021, 8, 15))
        .record_review(ReviewOutcome.RENEWED, on=D(2021, 9, 1))
    )


def test_the_walk_records_every_step() -> None:
    after = walk()
    ringkaeden = after.member("ringkaeden")
    assert (ringkaeden.role, ringkaeden.joined, ringkaeden.representative) == (
        "partner",
        D(2021, 1, 1),
        "Regional konsulent",
    )
    assert [m.id for m in ringkaeden.mandates] == ["m-ringkaeden"]
    assert after.commitment("c-lektiecafe").status == (
        StatusChange(C.PLEDGED, D(2021, 2, 1)),
        StatusChange(C.AGREED, D(2021, 2, 20)),
    )
    jobs = after.commitment("c-fritidsjob")
    assert jobs.current is C.FULFILLED
    assert jobs.delivered() == jobs.quantity
    lifecycle = after.lifecycle
    assert isinstance(lifecycle, StrategicLifecycle)
    assert lifecycle.phases[-2:] == (
        PhaseChange(S.REVIEWING, D(2021, 8, 15)),
        PhaseChange(S.OPERATING, D(2021, 9, 1)),
    )
    assert lifecycle.reviews == (Review(D(2021, 9, 1), ReviewOutcome.RENEWED),)
    assert lifecycle.next_review() == D(2022, 9, 1)
    assert partnership() == partnership()  # the walk changed nothing in place


def test_bryggens_erhverv_cannot_commit_under_the_ringkaeden_mandate() -> None:
    borrowed = Commitment(
        "c-borrowed",
        "bryggens-erhverv",
        "volunteers",
        Quantity(Decimal("2"), Unit.PERSONS),
        Term(D(2021, 6, 1)),
        status=(StatusChange(C.PROPOSED, D(2021, 5, 1)),),
        mandate="m-ringkaeden",
    )
    with pytest.raises(ModelError, match="held by ringkaeden, not by bryggens-erhverv"):
        walk().commit(borrowed, on=D(2021, 5, 1))


def test_the_ringkaeden_could_not_commit_before_it_joined() -> None:
    early = Commitment(
        "c-early",
        "ringkaeden",
        "volunteers",
        Quantity(Decimal("2"), Unit.PERSONS),
        Term(D(2021, 1, 1)),
        status=(StatusChange(C.PLEDGED, D(2020, 12, 1)),),
    )
    with pytest.raises(ModelError, match="is not a member on 2020-12-01"):
        walk().commit(early, on=D(2020, 12, 1))


@pytest.mark.parametrize(
    ("day", "phase", "members", "jobs_status"),
    [
        (D(2019, 9, 1), S.EXPLORING, ["bryggens-erhverv"], None),
        (D(2020, 10, 15), S.OPERATING, ["bryggens-erhverv"], C.PROPOSED),
        (D(2020, 12, 31), S.OPERATING, ["bryggens-erhverv"], C.AGREED),
        (D(2021, 1, 1), S.OPERATING, ["bryggens-erhverv", "ringkaeden"], C.AGREED),
        (D(2021, 8, 31), S.REVIEWING, ["bryggens-erhverv", "ringkaeden"], C.AGREED),
        (D(2022, 1, 1), S.OPERATING, ["bryggens-erhverv", "ringkaeden"], C.FULFILLED),
    ],
)
def test_as_of_answers_what_was_recorded_on_a_day(
    day: pendulum.Date,
    phase: StrategicPhase,
    members: list[str],
    jobs_status: CommitmentStatus | None,
) -> None:
    then = walk().as_of(day)
    assert then.lifecycle.phase is phase
    assert [m.organisation for m in then.members] == members
    ids = [c.id for c in then.commitments]
    if jobs_status is None:
        assert ids == []
    else:
        assert then.commitment("c-fritidsjob").current is jobs_status
    assert ("c-lektiecafe" in ids) is (day >= D(2021, 2, 1))
    assert then.as_of(day) == then


def test_as_of_mid_2021_shows_half_the_jobs_delivered() -> None:
    then = walk().as_of(D(2021, 7, 1))
    assert then.commitment("c-fritidsjob").delivered() == Quantity(Decimal("12"), Unit.PLACES)


def test_opdrift_had_not_begun_in_august_2019() -> None:
    with pytest.raises(ModelError, match="opdrift had not begun"):
        walk().as_of(D(2019, 8, 31))
    assert portfolio().as_of(D(2019, 8, 31)).partnerships == ()
