"""The dated operations on a partnership: results checked exactly, refusals named.

Every operation returns a new partnership and leaves the one it was called on as it was.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    CommitmentStatus,
    Fulfilment,
    Membership,
    ModelError,
    Partnership,
    PhaseChange,
    ProjectPhase,
    Quantity,
    Review,
    ReviewOutcome,
    StatusChange,
    StrategicPhase,
    Term,
    TransitionError,
    Unit,
)
from samarbejde.testing import (
    assert_model_error,
    commitment,
    hours,
    mandate,
    member,
    project,
    project_lifecycle,
    strategic,
    strategic_lifecycle,
)

C, P, S = CommitmentStatus, ProjectPhase, StrategicPhase
ENDED = project_lifecycle(
    (P.RUNNING, D(2020, 1, 1)), (P.CLOSING, D(2022, 11, 1)), (P.CLOSED, D(2022, 12, 31))
)


def with_left_member() -> Partnership:
    """``kommune`` and ``boligselskab`` from 2020; ``ngo`` joined 2020-02-01, left 2021-01-01."""
    return project(
        members=(
            *project().members,
            member("ngo", D(2020, 2, 1), left=D(2021, 1, 1), mandates=(mandate("m-ngo"),)),
        )
    )


def with_commitment(*statuses: tuple[CommitmentStatus, D], **changes: object) -> Partnership:
    return project(commitments=(commitment("c-1", "kommune", D(2020, 6, 1), *statuses, **changes),))


# -- admit --------------------------------------------------------------------


def test_admit_adds_a_membership_from_the_given_day() -> None:
    before = project()
    after = before.admit(
        "ngo",
        role="bridge_builder",
        on=D(2020, 5, 1),
        representative="Frivilligkoordinator",
        mandates=(mandate("m-ngo"),),
    )
    assert after.members == (
        *before.members,
        Membership(
            "ngo",
            "bridge_builder",
            D(2020, 5, 1),
            representative="Frivilligkoordinator",
            mandates=(mandate("m-ngo"),),
        ),
    )
    assert attrs.evolve(after, members=before.members) == before
    assert before == project()


def test_admit_refuses_an_organisation_that_already_has_a_membership() -> None:
    with pytest.raises(ModelError) as caught:
        project().admit("kommune", role="lead", on=D(2020, 5, 1))
    assert_model_error(caught.value, "Partnership", "members", "kommune")


def test_admit_refuses_an_organisation_whose_membership_has_not_ended_by_then() -> None:
    """``ngo`` leaves on 2021-01-01: it can join again from that day, not before."""
    with pytest.raises(ModelError, match="from 2020-02-01 until 2021-01-01") as caught:
        with_left_member().admit("ngo", role="partner", on=D(2020, 12, 31))
    assert_model_error(caught.value, "Partnership", "members", "ngo")


def test_admit_refuses_once_the_lifecycle_has_ended() -> None:
    ended = project(lifecycle=ENDED)
    assert ended.admit("ngo", role="partner", on=D(2022, 12, 30)).member("ngo").joined == D(
        2022, 12, 30
    )
    for day in (D(2022, 12, 31), D(2023, 1, 1)):
        with pytest.raises(ModelError) as caught:
            ended.admit("ngo", role="partner", on=day)
        assert_model_error(caught.value, "Partnership", "members", day)
        assert "ended on 2022-12-31" in str(caught.value)


def test_admit_refuses_a_mandate_id_another_member_holds() -> None:
    with pytest.raises(ModelError) as caught:
        project().admit("ngo", role="partner", on=D(2020, 5, 1), mandates=(mandate("m-1"),))
    assert_model_error(caught.value, "Partnership", "members", "m-1")


def test_admit_refuses_a_role_that_is_not_a_code() -> None:
    with pytest.raises(ModelError) as caught:
        project().admit("ngo", role="Partner", on=D(2020, 5, 1))
    assert_model_error(caught.value, "Membership", "role", "Partner")


# -- release ------------------------------------------------------------------


def test_release_records_the_day_a_member_leaves() -> None:
    before = project()
    after = before.release("boligselskab", on=D(2021, 3, 1))
    assert after.members == (before.members[0], attrs.evolve(before.members[1], left=D(2021, 3, 1)))
    assert before == project()


def test_release_refuses_an_organisation_that_is_not_a_member() -> None:
    with pytest.raises(ModelError) as caught:
        project().release("ngo", on=D(2021, 3, 1))
    assert_model_error(caught.value, "Partnership", "members", "ngo")
    assert caught.value.reason == "is not a member"


@pytest.mark.parametrize("day", [D(2020, 1, 31), D(2021, 1, 1), D(2022, 1, 1)])
def test_release_refuses_a_member_that_is_not_active_that_day(day: D) -> None:
    with pytest.raises(ModelError) as caught:
        with_left_member().release("ngo", on=day)
    assert_model_error(caught.value, "Partnership", "members", "ngo")
    assert caught.value.reason == f"is not a member on {day}"


# -- grant and revoke ---------------------------------------------------------


def test_grant_gives_a_member_another_mandate() -> None:
    before = project()
    extra = mandate("m-extra", term=Term(D(2021, 1, 1), D(2021, 12, 31)))
    after = before.grant("kommune", extra, on=D(2021, 1, 1))
    assert after.member("kommune").mandates == (mandate("m-1"), extra)
    assert after.members[1] is before.members[1]
    assert before == project()


@pytest.mark.parametrize(
    ("organisation", "day"), [("ngo", D(2021, 1, 1)), ("fonden", D(2020, 5, 1))]
)
def test_grant_refuses_an_organisation_that_is_not_a_member_that_day(
    organisation: str, day: D
) -> None:
    with pytest.raises(ModelError) as caught:
        with_left_member().grant(organisation, mandate("m-new"), on=day)
    assert_model_error(caught.value, "Partnership", "members", organisation)


@pytest.mark.parametrize("taken", ["m-1", "m-2"])
def test_grant_refuses_a_mandate_id_already_in_use(taken: str) -> None:
    with pytest.raises(ModelError) as caught:
        project().grant("kommune", mandate(taken), on=D(2021, 1, 1))
    assert_model_error(caught.value, "Partnership", "mandates", taken)


def test_grant_refuses_once_the_lifecycle_has_ended() -> None:
    ended = project(lifecycle=ENDED)
    assert ended.grant("kommune", mandate("m-new"), on=D(2022, 12, 30)).holder("m-new")
    with pytest.raises(ModelError) as caught:
        ended.grant("kommune", mandate("m-new"), on=D(2022, 12, 31))
    assert_model_error(caught.value, "Partnership", "mandates", D(2022, 12, 31))


def test_revoke_dates_the_end_of_a_mandate() -> None:
    before = project()
    after = before.revoke("m-2", on=D(2021, 6, 1))
    assert after.member("boligselskab").mandates == (mandate("m-2", revoked=D(2021, 6, 1)),)
    assert after.members[0] is before.members[0]
    assert before == project()


def test_revoke_refuses_a_mandate_nobody_holds() -> None:
    with pytest.raises(KeyError):
        project().revoke("m-9", on=D(2021, 6, 1))


def test_revoke_refuses_a_mandate_already_revoked() -> None:
    revoked = project().revoke("m-1", on=D(2021, 6, 1))
    with pytest.raises(ModelError) as caught:
        revoked.revoke("m-1", on=D(2021, 7, 1))
    assert_model_error(caught.value, "Mandate", "revoked", D(2021, 6, 1))


def test_revoke_refuses_a_day_before_the_mandate_starts() -> None:
    with pytest.raises(ModelError) as caught:
        project().revoke("m-1", on=D(2019, 12, 31))
    assert_model_error(caught.value, "Mandate", "revoked", D(2019, 12, 31))


# -- commit -------------------------------------------------------------------


def test_commit_adds_a_commitment_made_that_day() -> None:
    before = project()
    made = commitment("c-1", "kommune", D(2020, 6, 1), to="boligselskab", mandate="m-1")
    after = before.commit(made, on=D(2020, 6, 1))
    assert after.commitments == (made,)
    assert attrs.evolve(after, commitments=()) == before
    assert before == project()


def test_commit_refuses_a_commitment_whose_first_status_is_dated_otherwise() -> None:
    with pytest.raises(ModelError) as caught:
        project().commit(commitment(made_on=D(2020, 6, 1)), on=D(2020, 6, 2))
    assert_model_error(caught.value, "Commitment", "status", D(2020, 6, 1))


def test_commit_refuses_a_commitment_by_a_non_member() -> None:
    with pytest.raises(ModelError) as caught:
        project().commit(commitment(by="ngo"), on=D(2020, 6, 1))
    assert_model_error(caught.value, "Partnership", "members", "ngo")


@pytest.mark.parametrize("day", [D(2020, 1, 15), D(2021, 1, 1), D(2021, 6, 1)])
def test_commit_refuses_a_member_that_has_not_joined_or_has_left(day: D) -> None:
    with pytest.raises(ModelError) as caught:
        with_left_member().commit(commitment(by="ngo", made_on=day), on=day)
    assert_model_error(caught.value, "Partnership", "members", "ngo")
    assert str(day) in caught.value.reason


def test_commit_refuses_a_receiver_that_is_not_a_member_that_day() -> None:
    with pytest.raises(ModelError) as caught:
        with_left_member().commit(commitment(to="ngo", made_on=D(2021, 2, 1)), on=D(2021, 2, 1))
    assert_model_error(caught.value, "Partnership", "members", "ngo")


def test_commit_refuses_a_mandate_held_by_another_organisation() -> None:
    with pytest.raises(ModelError) as caught:
        project().commit(commitment(mandate="m-2"), on=D(2020, 6, 1))
    assert_model_error(caught.value, "Commitment", "mandate", "m-2")
    assert "held by boligselskab, not by kommune" in caught.value.reason


def test_commit_refuses_a_mandate_no_member_holds() -> None:
    with pytest.raises(ModelError) as caught:
        project().commit(commitment(mandate="m-9"), on=D(2020, 6, 1))
    assert_model_error(caught.value, "Commitment", "mandate", "m-9")
    assert "held by no member" in caught.value.reason


def test_commit_refuses_an_id_already_in_use() -> None:
    with pytest.raises(ModelError) as caught:
        with_commitment().commit(commitment("c-1", "boligselskab"), on=D(2020, 6, 1))
    assert_model_error(caught.value, "Partnership", "commitments", "c-1")


def test_commit_refuses_once_the_lifecycle_has_ended() -> None:
    ended = project(lifecycle=ENDED)
    made = commitment(made_on=D(2023, 1, 1))
    with pytest.raises(ModelError) as caught:
        ended.commit(made, on=D(2023, 1, 1))
    assert_model_error(caught.value, "Partnership", "commitments", D(2023, 1, 1))


# -- set_status ---------------------------------------------------------------


def test_set_status_appends_a_dated_status() -> None:
    before = with_commitment()
    after = before.set_status("c-1", C.AGREED, on=D(2020, 7, 1), note="Aftalt i styregruppen")
    assert after.commitment("c-1").status == (
        StatusChange(C.PROPOSED, D(2020, 6, 1)),
        StatusChange(C.AGREED, D(2020, 7, 1), "Aftalt i styregruppen"),
    )
    assert attrs.evolve(after, commitments=before.commitments) == before
    assert before == with_commitment()


def test_set_status_refuses_an_unknown_commitment() -> None:
    with pytest.raises(KeyError):
        with_commitment().set_status("c-9", C.AGREED, on=D(2020, 7, 1))


def test_set_status_refuses_a_day_before_the_last_status() -> None:
    with pytest.raises(ModelError) as caught:
        with_commitment().set_status("c-1", C.AGREED, on=D(2020, 5, 31))
    assert_model_error(caught.value, "Commitment", "status", D(2020, 5, 31))


def test_set_status_refuses_a_move_out_of_a_final_state() -> None:
    with pytest.raises(TransitionError) as caught:
        with_commitment((C.WITHDRAWN, D(2020, 6, 2))).set_status("c-1", C.AGREED, on=D(2020, 7, 1))
    assert (caught.value.current, caught.value.requested, caught.value.allowed) == (
        "withdrawn",
        "agreed",
        (),
    )


# -- record_fulfilment --------------------------------------------------------


def test_record_fulfilment_appends_a_dated_delivery() -> None:
    before = with_commitment((C.AGREED, D(2020, 7, 1)))
    after = before.record_fulfilment("c-1", hours("40"), on=D(2020, 9, 1), note="Første del")
    after = after.record_fulfilment("c-1", hours("60"), on=D(2020, 10, 1))
    assert after.commitment("c-1").fulfilments == (
        Fulfilment(D(2020, 9, 1), hours("40"), "Første del"),
        Fulfilment(D(2020, 10, 1), hours("60")),
    )
    assert after.commitment("c-1").delivered() == hours("100")
    assert before == with_commitment((C.AGREED, D(2020, 7, 1)))


def test_record_fulfilment_may_come_on_the_day_of_the_final_status() -> None:
    done = with_commitment((C.AGREED, D(2020, 7, 1)), (C.FULFILLED, D(2021, 6, 30)))
    after = done.record_fulfilment("c-1", hours("100"), on=D(2021, 6, 30))
    assert after.commitment("c-1").fulfilments == (Fulfilment(D(2021, 6, 30), hours("100")),)


@pytest.mark.parametrize("final", [C.FULFILLED, C.PARTLY_FULFILLED, C.BREACHED, C.WITHDRAWN])
def test_record_fulfilment_refuses_a_delivery_after_a_final_state(final: CommitmentStatus) -> None:
    ended = with_commitment((C.AGREED, D(2020, 7, 1)), (final, D(2021, 6, 30)))
    with pytest.raises(ModelError) as caught:
        ended.record_fulfilment("c-1", hours("1"), on=D(2021, 7, 1))
    assert_model_error(caught.value, "Fulfilment", "on", D(2021, 7, 1))
    assert f"ended as {final}" in caught.value.reason


def test_record_fulfilment_refuses_a_delivery_before_the_commitment_was_made() -> None:
    with pytest.raises(ModelError) as caught:
        with_commitment().record_fulfilment("c-1", hours("1"), on=D(2020, 5, 31))
    assert_model_error(caught.value, "Fulfilment", "on", D(2020, 5, 31))


def test_record_fulfilment_refuses_another_unit() -> None:
    with pytest.raises(ModelError) as caught:
        with_commitment().record_fulfilment(
            "c-1", Quantity(Decimal("1"), Unit.FTE), on=D(2020, 9, 1)
        )
    assert_model_error(caught.value, "Commitment", "fulfilments", Unit.FTE)


def test_record_fulfilment_refuses_a_day_before_the_last_delivery() -> None:
    once = with_commitment().record_fulfilment("c-1", hours("1"), on=D(2020, 9, 1))
    with pytest.raises(ModelError) as caught:
        once.record_fulfilment("c-1", hours("1"), on=D(2020, 8, 1))
    assert_model_error(caught.value, "Commitment", "fulfilments", D(2020, 8, 1))


def test_record_fulfilment_refuses_an_unknown_commitment() -> None:
    with pytest.raises(KeyError):
        with_commitment().record_fulfilment("c-9", hours("1"), on=D(2020, 9, 1))


# -- advance ------------------------------------------------------------------


def test_advance_moves_the_lifecycle_and_nothing_else() -> None:
    before = project()
    after = before.advance(P.CLOSING, on=D(2022, 11, 1))
    assert after.lifecycle.phases == (
        PhaseChange(P.RUNNING, D(2020, 1, 1)),
        PhaseChange(P.CLOSING, D(2022, 11, 1)),
    )
    assert attrs.evolve(after, lifecycle=before.lifecycle) == before
    assert before == project()


def test_advance_refuses_a_strategic_phase_for_a_project() -> None:
    with pytest.raises(ModelError) as caught:
        project().advance(S.OPERATING, on=D(2021, 1, 1))
    assert_model_error(caught.value, "ProjectLifecycle", "phases", S.OPERATING)


def test_advance_refuses_a_project_phase_for_a_strategic_partnership() -> None:
    with pytest.raises(ModelError) as caught:
        strategic().advance(P.CLOSED, on=D(2021, 1, 1))
    assert_model_error(caught.value, "StrategicLifecycle", "phases", P.CLOSED)


def test_advance_refuses_a_day_before_the_last_phase() -> None:
    with pytest.raises(ModelError) as caught:
        project().advance(P.CLOSING, on=D(2019, 12, 31))
    assert_model_error(caught.value, "ProjectLifecycle", "phases", D(2019, 12, 31))


# -- record_review ------------------------------------------------------------


def test_a_review_while_operating_is_recorded_and_the_phase_stays() -> None:
    before = strategic()
    after = before.record_review(ReviewOutcome.CONTINUED, on=D(2021, 6, 1), note="Årsmøde")
    assert after.lifecycle == attrs.evolve(
        before.lifecycle, reviews=(Review(D(2021, 6, 1), ReviewOutcome.CONTINUED, "Årsmøde"),)
    )
    assert before == strategic()


@pytest.mark.parametrize(
    "outcome", [ReviewOutcome.CONTINUED, ReviewOutcome.ADJUSTED, ReviewOutcome.RENEWED]
)
def test_a_review_that_goes_on_ends_the_reviewing_phase(outcome: ReviewOutcome) -> None:
    reviewing = strategic().advance(S.REVIEWING, on=D(2021, 5, 1))
    after = reviewing.record_review(outcome, on=D(2021, 6, 1))
    assert after.lifecycle.phases[-2:] == (
        PhaseChange(S.REVIEWING, D(2021, 5, 1)),
        PhaseChange(S.OPERATING, D(2021, 6, 1)),
    )
    assert after.lifecycle.reviews == (Review(D(2021, 6, 1), outcome),)  # type: ignore[union-attr]


@pytest.mark.parametrize("phase", [S.FORMING, S.OPERATING, S.REVIEWING])
def test_a_review_that_dissolves_dissolves(phase: StrategicPhase) -> None:
    phases = {
        S.FORMING: ((S.FORMING, D(2020, 1, 1)),),
        S.OPERATING: ((S.FORMING, D(2020, 1, 1)), (S.OPERATING, D(2020, 6, 1))),
        S.REVIEWING: (
            (S.FORMING, D(2020, 1, 1)),
            (S.OPERATING, D(2020, 6, 1)),
            (S.REVIEWING, D(2021, 5, 1)),
        ),
    }[phase]
    before = strategic(lifecycle=strategic_lifecycle(*phases))
    after = before.record_review(ReviewOutcome.DISSOLVED, on=D(2021, 6, 1))
    assert after.lifecycle.phases == (
        *before.lifecycle.phases,
        PhaseChange(S.DISSOLVED, D(2021, 6, 1)),
    )
    assert after.lifecycle.ended == D(2021, 6, 1)
    assert after.lifecycle.reviews == (Review(D(2021, 6, 1), ReviewOutcome.DISSOLVED),)  # type: ignore[union-attr]


def test_a_project_has_no_reviews() -> None:
    with pytest.raises(ModelError) as caught:
        project().record_review(ReviewOutcome.CONTINUED, on=D(2021, 6, 1))
    assert_model_error(caught.value, "Partnership", "lifecycle", "project")


def test_no_review_after_dissolution() -> None:
    dissolved = strategic().advance(S.DISSOLVED, on=D(2021, 1, 1))
    with pytest.raises(ModelError) as caught:
        dissolved.record_review(ReviewOutcome.RENEWED, on=D(2021, 6, 1))
    assert_model_error(caught.value, "StrategicLifecycle", "reviews", D(2021, 6, 1))
    assert "dissolved on 2021-01-01" in caught.value.reason
    assert not isinstance(caught.value, TransitionError)


def test_a_review_cannot_be_dated_before_the_last_review() -> None:
    once = strategic().record_review(ReviewOutcome.CONTINUED, on=D(2021, 6, 1))
    with pytest.raises(ModelError) as caught:
        once.record_review(ReviewOutcome.ADJUSTED, on=D(2021, 5, 1))
    assert_model_error(caught.value, "StrategicLifecycle", "reviews", D(2021, 5, 1))


def test_a_dissolving_review_cannot_be_dated_before_the_last_phase() -> None:
    with pytest.raises(ModelError) as caught:
        strategic().record_review(ReviewOutcome.DISSOLVED, on=D(2020, 5, 1))
    assert_model_error(caught.value, "StrategicLifecycle", "phases", D(2020, 5, 1))


# -- interests ----------------------------------------------------------------


def test_admit_and_declare_interests_record_what_a_member_seeks() -> None:
    before = project()
    admitted = before.admit("ngo", role="partner", on=D(2020, 5, 1), interests=("ownership",))
    assert admitted.member("ngo").interests == ("ownership",)
    declared = admitted.declare_interests("kommune", ("core_task", "safety"), on=D(2020, 6, 1))
    assert declared.member("kommune").interests == ("core_task", "safety")
    assert before == project()
    assert admitted.member("kommune").interests == ()


def test_declare_interests_is_refused_for_a_non_member() -> None:
    with pytest.raises(ModelError) as caught:
        project().declare_interests("ngo", ("labour",), on=D(2020, 6, 1))
    assert_model_error(caught.value, "Partnership", "members", "ngo")
