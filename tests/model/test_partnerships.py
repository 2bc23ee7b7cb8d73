"""Partnerships as records: ids unique inside, earlier lifecycles ended and in order."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    Agreement,
    AgreementKind,
    Challenge,
    Funding,
    FundingKind,
    Goal,
    GovernanceBody,
    GovernanceKind,
    ModelError,
    Money,
    Partnership,
    ProjectPhase,
    StrategicPhase,
    Term,
    Vision,
)
from samarbejde.testing import (
    assert_model_error,
    commitment,
    mandate,
    member,
    project,
    project_lifecycle,
    strategic_lifecycle,
)

P, S = ProjectPhase, StrategicPhase
CLOSED_PROJECT = project_lifecycle(
    (P.RUNNING, D(2018, 1, 1)), (P.CLOSING, D(2019, 11, 1)), (P.CLOSED, D(2019, 12, 31))
)


def test_a_partnership_has_an_id_a_name_and_a_lifecycle() -> None:
    partnership = project()
    assert (partnership.id, partnership.name, partnership.form) == ("p-1", "Projekt", "project")
    assert partnership.lifecycles == (partnership.lifecycle,)


@pytest.mark.parametrize(
    ("field", "value", "offending"),
    [
        ("id", "P 1", "P 1"),
        ("name", "", ""),
        ("lifecycle", None, None),
        ("areas", ("ornereden", "ornereden"), ("ornereden", "ornereden")),
        ("parent", "Opdrift", "Opdrift"),
        ("vision", "Alle unge", "Alle unge"),
        ("members", [member("kommune")], [member("kommune")]),
        ("goals", (Vision("v", D(2020, 1, 1)),), Vision("v", D(2020, 1, 1))),
        ("earlier", (P.CLOSED,), P.CLOSED),
    ],
)
def test_a_partnership_refuses_bad_fields(field: str, value: object, offending: object) -> None:
    with pytest.raises(ModelError) as caught:
        project(**{field: value})
    assert_model_error(caught.value, "Partnership", field, offending)


def test_a_partnership_cannot_be_its_own_parent() -> None:
    assert project(parent="opdrift").parent == "opdrift"
    with pytest.raises(ModelError) as caught:
        project(parent="p-1")
    assert_model_error(caught.value, "Partnership", "parent", "p-1")


DUPLICATES = [
    ("members", (member("kommune"), member("kommune", role="lead")), "kommune"),
    ("commitments", (commitment("c-1"), commitment("c-1", by="boligselskab")), "c-1"),
    ("goals", (Goal("g", "A"), Goal("g", "B")), "g"),
    (
        "challenges",
        (Challenge("u", "A", D(2020, 1, 1)), Challenge("u", "B", D(2020, 2, 1))),
        "u",
    ),
    (
        "agreements",
        (Agreement("a", AgreementKind.MOU), Agreement("a", AgreementKind.CONTRACT)),
        "a",
    ),
    (
        "governance",
        (GovernanceBody("s", GovernanceKind.BOARD), GovernanceBody("s", GovernanceKind.BOARD)),
        "s",
    ),
    (
        "funding",
        tuple(
            Funding(
                "f",
                funder,
                Money(Decimal("1")),
                Term(D(2020, 1, 1)),
                FundingKind.OTHER,
            )
            for funder in ("kommune", "fonden")
        ),
        "f",
    ),
]


@pytest.mark.parametrize(
    ("field", "items", "duplicate"), DUPLICATES, ids=[d[0] for d in DUPLICATES]
)
def test_ids_are_unique_inside_a_partnership_for_each_kind(
    field: str, items: tuple[object, ...], duplicate: str
) -> None:
    assert project(**{field: items[:1]}) is not None
    with pytest.raises(ModelError) as caught:
        project(**{field: items})
    assert_model_error(caught.value, "Partnership", field, duplicate)
    # An organisation may hold several memberships, one per period, never overlapping.
    assert ("overlap" if field == "members" else "duplicate") in caught.value.reason


def test_the_same_id_may_name_records_of_different_kinds() -> None:
    shared = project(
        goals=(Goal("x", "Mål"),),
        challenges=(Challenge("x", "Udfordring", D(2020, 1, 1)),),
        agreements=(Agreement("x", AgreementKind.MOU),),
        commitments=(commitment("x"),),
    )
    assert shared.commitment("x").id == "x"


def test_mandate_ids_are_unique_across_members() -> None:
    with pytest.raises(ModelError) as caught:
        project(
            members=(
                member("kommune", mandates=(mandate("m-1"),)),
                member("boligselskab", mandates=(mandate("m-1"),)),
            )
        )
    assert_model_error(caught.value, "Partnership", "members", "m-1")
    assert "mandate" in caught.value.reason


def test_an_earlier_lifecycle_has_ended_before_the_next_begins() -> None:
    after = project(lifecycle=strategic_lifecycle(since=D(2020, 1, 1)), earlier=(CLOSED_PROJECT,))
    assert after.lifecycles == (CLOSED_PROJECT, after.lifecycle)
    assert after.form == "strategic"


def test_an_earlier_lifecycle_may_end_on_the_day_the_next_begins() -> None:
    closed_on_start = project_lifecycle((P.PLANNED, D(2019, 1, 1)), (P.CANCELLED, D(2020, 1, 1)))
    assert project(lifecycle=strategic_lifecycle(), earlier=(closed_on_start,)).earlier == (
        closed_on_start,
    )


def test_an_earlier_lifecycle_that_has_not_ended_is_refused() -> None:
    running = project_lifecycle((P.RUNNING, D(2018, 1, 1)))
    with pytest.raises(ModelError) as caught:
        project(lifecycle=strategic_lifecycle(), earlier=(running,))
    assert_model_error(caught.value, "Partnership", "earlier", P.RUNNING)


def test_an_earlier_lifecycle_that_ends_after_the_next_starts_is_refused() -> None:
    late = project_lifecycle(
        (P.RUNNING, D(2018, 1, 1)), (P.CLOSING, D(2019, 11, 1)), (P.CLOSED, D(2020, 1, 2))
    )
    with pytest.raises(ModelError) as caught:
        project(lifecycle=strategic_lifecycle(), earlier=(late,))
    assert_model_error(caught.value, "Partnership", "earlier", D(2020, 1, 2))


def test_earlier_lifecycles_are_in_order_among_themselves() -> None:
    dissolved = strategic_lifecycle(
        (S.EXPLORING, D(2015, 1, 1)), (S.DISSOLVED, D(2016, 1, 1)), since=D(2015, 1, 1)
    )
    in_order = project(lifecycle=strategic_lifecycle(), earlier=(dissolved, CLOSED_PROJECT))
    assert in_order.lifecycles[0] is dissolved
    dissolved_later = strategic_lifecycle(
        (S.EXPLORING, D(2018, 6, 1)), (S.DISSOLVED, D(2019, 6, 1)), since=D(2018, 6, 1)
    )
    with pytest.raises(ModelError) as caught:
        project(lifecycle=strategic_lifecycle(), earlier=(CLOSED_PROJECT, dissolved_later))
    assert_model_error(caught.value, "Partnership", "earlier", D(2019, 12, 31))
    assert "lifecycle 0" in str(caught.value)


def test_members_commitments_and_mandates_are_found_by_id() -> None:
    partnership = project(commitments=(commitment("c-1"),))
    assert partnership.member("kommune").organisation == "kommune"
    assert partnership.commitment("c-1").id == "c-1"
    assert partnership.holder("m-2").organisation == "boligselskab"
    assert [(m.organisation, held.id) for m, held in partnership.mandates()] == [
        ("kommune", "m-1"),
        ("boligselskab", "m-2"),
    ]
    for lookup, key in [
        (partnership.member, "ngo"),
        (partnership.commitment, "c-2"),
        (partnership.holder, "m-3"),
    ]:
        with pytest.raises(KeyError):
            lookup(key)


def test_a_partnership_is_frozen_and_compared_by_value() -> None:
    assert project() == project()
    assert project() != project(name="Andet")
    with pytest.raises(AttributeError):
        project().name = "Andet"  # type: ignore[misc]
    assert isinstance(project(), Partnership)
