"""Turning a project into a long-term strategic partnership (DESIGN.md section 5)."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    Agreement,
    AgreementKind,
    Challenge,
    CommitmentStatus,
    Goal,
    ModelError,
    Partnership,
    PhaseChange,
    ProjectPhase,
    StrategicLifecycle,
    StrategicPhase,
    TransitionError,
    Vision,
)
from samarbejde.testing import (
    assert_model_error,
    commitment,
    project,
    project_lifecycle,
    strategic,
    strategic_lifecycle,
)

C, P, S = CommitmentStatus, ProjectPhase, StrategicPhase
ON = D(2022, 6, 1)


def full_project(*phases: tuple[ProjectPhase, D]) -> Partnership:
    return project(
        lifecycle=project_lifecycle(*phases) if phases else project_lifecycle(),
        areas=("ornereden",),
        vision=Vision("Alle unge har en vej ind", D(2020, 3, 1)),
        challenges=(Challenge("u-ledighed", "Ungdomsledighed", D(2020, 2, 1)),),
        goals=(Goal("g-job", "Flere unge i job"),),
        agreements=(Agreement("a-1", AgreementKind.MOU),),
        commitments=(
            commitment("c-open", "kommune", D(2020, 6, 1), (C.AGREED, D(2020, 7, 1))),
            commitment("c-done", "boligselskab", D(2020, 6, 1), (C.WITHDRAWN, D(2020, 8, 1))),
        ),
    )


def test_a_running_project_is_closed_and_a_strategic_lifecycle_begins() -> None:
    before = full_project()
    after = before.make_strategic(
        on=ON, horizon=pendulum.duration(years=10), review_every=pendulum.duration(years=1)
    )
    assert after.earlier == (
        attrs.evolve(
            before.lifecycle,
            phases=(
                *before.lifecycle.phases,
                PhaseChange(P.CLOSING, ON),
                PhaseChange(P.CLOSED, ON),
            ),
        ),
    )
    assert after.lifecycle == StrategicLifecycle(
        since=ON,
        phases=(PhaseChange(S.EXPLORING, ON),),
        horizon=pendulum.duration(years=10),
        review_every=pendulum.duration(years=1),
    )
    assert after.form == "strategic"
    assert before == full_project()


def test_members_goals_commitments_and_the_rest_carry_over_unchanged() -> None:
    before = full_project()
    after = before.make_strategic(on=ON)
    assert attrs.evolve(after, lifecycle=before.lifecycle, earlier=()) == before
    assert after.members == before.members
    assert after.goals == before.goals
    assert after.commitments == before.commitments


@pytest.mark.parametrize(
    ("phases", "closing_steps"),
    [
        (((P.RUNNING, D(2020, 1, 1)),), (P.CLOSING, P.CLOSED)),
        (((P.RUNNING, D(2020, 1, 1)), (P.CLOSING, D(2022, 1, 1))), (P.CLOSED,)),
        (((P.PLANNED, D(2020, 1, 1)),), (P.CANCELLED,)),
        (
            ((P.RUNNING, D(2020, 1, 1)), (P.SUSPENDED, D(2021, 1, 1)), (P.RUNNING, D(2021, 3, 1))),
            (P.CLOSING, P.CLOSED),
        ),
    ],
    ids=["running", "closing", "planned", "resumed"],
)
def test_the_project_is_closed_on_the_day_from_whatever_phase_it_is_in(
    phases: tuple[tuple[ProjectPhase, D], ...], closing_steps: tuple[ProjectPhase, ...]
) -> None:
    after = full_project(*phases).make_strategic(on=ON)
    closed = after.earlier[-1]
    assert closed.phases == (
        *(PhaseChange(p, d) for p, d in phases),
        *(PhaseChange(step, ON) for step in closing_steps),
    )
    assert closed.ended == ON


@pytest.mark.parametrize("final", [P.CLOSED, P.CANCELLED])
def test_a_project_that_has_ended_is_kept_as_it_was(final: ProjectPhase) -> None:
    ended = full_project((P.PLANNED, D(2020, 1, 1)), (P.RUNNING, D(2020, 2, 1)))
    ended = ended.advance(P.CLOSING, on=D(2021, 1, 1)) if final is P.CLOSED else ended
    ended = ended.advance(final, on=D(2021, 2, 1))
    after = ended.make_strategic(on=ON)
    assert after.earlier == (ended.lifecycle,)
    assert after.lifecycle.started == ON


def test_a_strategic_lifecycle_may_start_in_forming() -> None:
    after = full_project().make_strategic(on=ON, phase=S.FORMING)
    assert after.lifecycle.phases == (PhaseChange(S.FORMING, ON),)


@pytest.mark.parametrize("phase", [S.OPERATING, S.REVIEWING, S.DISSOLVED])
def test_a_strategic_lifecycle_may_not_start_in_any_other_phase(phase: StrategicPhase) -> None:
    with pytest.raises(TransitionError) as caught:
        full_project().make_strategic(on=ON, phase=phase)
    error = caught.value
    assert (error.record, error.field) == ("StrategicLifecycle", "phases")
    assert (error.current, error.requested, error.allowed) == (
        None,
        phase.value,
        ("exploring", "forming"),
    )


def test_a_strategic_partnership_cannot_be_made_strategic() -> None:
    with pytest.raises(ModelError) as caught:
        strategic().make_strategic(on=ON)
    assert_model_error(caught.value, "Partnership", "lifecycle", "strategic")


def test_a_suspended_project_must_resume_before_it_turns_strategic() -> None:
    suspended = full_project((P.RUNNING, D(2020, 1, 1)), (P.SUSPENDED, D(2021, 1, 1)))
    with pytest.raises(TransitionError) as caught:
        suspended.make_strategic(on=ON)
    error = caught.value
    assert (error.record, error.field) == ("ProjectLifecycle", "phases")
    assert (error.current, error.requested, error.allowed) == ("suspended", "closed", ("running",))


def test_the_day_cannot_lie_before_the_projects_last_phase() -> None:
    with pytest.raises(ModelError) as caught:
        full_project().make_strategic(on=D(2019, 12, 31))
    assert_model_error(caught.value, "ProjectLifecycle", "phases", D(2019, 12, 31))


def test_the_strategic_form_cannot_begin_before_an_ended_project_ended() -> None:
    ended = full_project((P.PLANNED, D(2020, 1, 1)), (P.CANCELLED, D(2022, 1, 1)))
    with pytest.raises(ModelError) as caught:
        ended.make_strategic(on=D(2021, 12, 31))
    assert_model_error(caught.value, "Partnership", "earlier", D(2022, 1, 1))


def test_earlier_lifecycles_stay_first() -> None:
    dissolved = strategic_lifecycle(
        (S.EXPLORING, D(2015, 1, 1)), (S.DISSOLVED, D(2016, 1, 1)), since=D(2015, 1, 1)
    )
    second = full_project()
    second = attrs.evolve(second, earlier=(dissolved,))
    after = second.make_strategic(on=ON)
    assert after.earlier[0] is dissolved
    assert after.earlier[1].phases[0] == second.lifecycle.phases[0]
    assert len(after.lifecycles) == 3


@pytest.mark.parametrize(
    ("entries", "closing"),
    [
        (((P.RUNNING, D(2020, 1, 1)),), (P.CLOSING, P.CLOSED)),
        (((P.RUNNING, D(2020, 1, 1)), (P.CLOSING, D(2022, 6, 1))), (P.CLOSED,)),
        (((P.PLANNED, D(2020, 1, 1)),), (P.CANCELLED,)),
    ],
)
def test_a_project_whose_term_had_ended_closes_when_its_term_ran_out(
    entries: tuple[tuple[ProjectPhase, D], ...], closing: tuple[ProjectPhase, ...]
) -> None:
    """The default project's term ends 2022-12-31; it becomes strategic in 2024.

    It runs through its last day and is closed from the next (on main: from 2024-03-01).
    """
    p = full_project(*entries)
    strategic_from = D(2024, 3, 1)
    made = p.make_strategic(on=strategic_from)
    earlier = made.earlier[-1]
    added = earlier.phases[len(entries) :]
    assert [(c.phase, c.on) for c in added] == [(c, D(2023, 1, 1)) for c in closing]
    assert earlier.ended == D(2023, 1, 1)
    assert made.as_of(D(2022, 12, 31)).lifecycle.ended is None
    assert made.lifecycle.started == strategic_from
    # Between the two, the project had closed and the strategic partnership not begun.
    assert made.as_of(D(2023, 6, 1)).lifecycle == earlier


def test_a_project_still_in_its_term_closes_on_the_strategic_start() -> None:
    made = full_project().make_strategic(on=ON)
    assert made.earlier[-1].ended == ON


def test_a_project_whose_last_entry_follows_its_term_closes_after_that_entry() -> None:
    late = D(2023, 2, 1)
    p = full_project((P.RUNNING, D(2020, 1, 1)), (P.CLOSING, late))
    assert p.make_strategic(on=D(2024, 1, 1)).earlier[-1].ended == late
