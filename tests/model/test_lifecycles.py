"""The project and strategic lifecycles as records."""

from __future__ import annotations

import pendulum
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    ModelError,
    PhaseChange,
    ProjectLifecycle,
    ProjectPhase,
    Review,
    ReviewOutcome,
    StrategicLifecycle,
    StrategicPhase,
    Term,
)
from samarbejde.testing import assert_model_error, project_lifecycle, strategic_lifecycle

P, S = ProjectPhase, StrategicPhase


def test_a_project_runs_for_a_fixed_term() -> None:
    lifecycle = project_lifecycle((P.PLANNED, D(2019, 10, 1)), (P.RUNNING, D(2020, 1, 1)))
    assert lifecycle.form == "project"
    assert (lifecycle.phase, lifecycle.started, lifecycle.ended) == (
        P.RUNNING,
        D(2019, 10, 1),
        None,
    )


def test_a_project_lifecycle_needs_an_end_date() -> None:
    open_term = Term(D(2020, 1, 1))
    with pytest.raises(ModelError) as caught:
        ProjectLifecycle(open_term, (PhaseChange(P.RUNNING, D(2020, 1, 1)),))
    assert_model_error(caught.value, "ProjectLifecycle", "term", open_term)


_RUNNING = (PhaseChange(P.RUNNING, D(2020, 1, 1)),)
_EXPLORING = (PhaseChange(S.EXPLORING, D(2020, 1, 1)),)


@pytest.mark.parametrize(
    ("field", "value", "offending"),
    [
        ("term", (D(2020, 1, 1), D(2021, 1, 1)), (D(2020, 1, 1), D(2021, 1, 1))),
        ("phases", (), ()),
        ("phases", list(_RUNNING), list(_RUNNING)),
        ("phases", (P.RUNNING,), P.RUNNING),
        ("phases", _EXPLORING, S.EXPLORING),
        ("owner", "Kommune", "Kommune"),
    ],
)
def test_a_project_lifecycle_refuses_bad_fields(
    field: str, value: object, offending: object
) -> None:
    fields: dict[str, object] = {
        "term": Term(D(2020, 1, 1), D(2021, 1, 1)),
        "phases": _RUNNING,
        field: value,
    }
    with pytest.raises(ModelError) as caught:
        ProjectLifecycle(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "ProjectLifecycle", field, offending)


def test_a_phase_history_is_dated_in_order() -> None:
    with pytest.raises(ModelError) as caught:
        project_lifecycle((P.PLANNED, D(2020, 1, 2)), (P.RUNNING, D(2020, 1, 1)))
    assert_model_error(caught.value, "ProjectLifecycle", "phases", D(2020, 1, 1))


@pytest.mark.parametrize(("field", "value"), [("phase", "running"), ("on", None)])
def test_a_phase_change_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"phase": P.RUNNING, "on": D(2020, 1, 1), field: value}
    with pytest.raises(ModelError) as caught:
        PhaseChange(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "PhaseChange", field, value)


@pytest.mark.parametrize(("final", "ended"), [(P.CLOSED, True), (P.CANCELLED, True)])
def test_a_project_has_ended_once_it_reaches_a_final_phase(
    final: ProjectPhase, ended: bool
) -> None:
    steps = [(P.RUNNING, D(2020, 1, 1))]
    if final is P.CLOSED:
        steps.append((P.CLOSING, D(2022, 11, 1)))
    steps.append((final, D(2022, 12, 31)))
    assert project_lifecycle(*steps).ended == D(2022, 12, 31)
    assert project_lifecycle(*steps[:-1]).ended is None


def test_a_project_as_of_a_day_keeps_the_phases_entered_by_then() -> None:
    lifecycle = project_lifecycle((P.PLANNED, D(2019, 10, 1)), (P.RUNNING, D(2020, 1, 1)))
    assert lifecycle.as_of(D(2019, 9, 30)) is None
    assert lifecycle.as_of(D(2019, 12, 31)) == project_lifecycle((P.PLANNED, D(2019, 10, 1)))
    assert lifecycle.as_of(D(2020, 1, 1)) is lifecycle


def test_a_strategic_partnership_has_a_horizon_and_a_review_cadence() -> None:
    lifecycle = StrategicLifecycle(
        since=D(2019, 9, 1),
        phases=(PhaseChange(S.EXPLORING, D(2019, 9, 1)),),
        horizon=pendulum.duration(years=10),
        review_every=pendulum.duration(years=1),
    )
    assert lifecycle.form == "strategic"
    assert lifecycle.horizon_end == D(2029, 9, 1)
    assert lifecycle.next_review() == D(2020, 9, 1)
    assert (lifecycle.phase, lifecycle.started, lifecycle.ended) == (
        S.EXPLORING,
        D(2019, 9, 1),
        None,
    )


def test_an_open_ended_partnership_has_no_horizon_end_and_no_review_cadence() -> None:
    lifecycle = StrategicLifecycle(D(2019, 9, 1), (PhaseChange(S.FORMING, D(2019, 9, 1)),))
    assert lifecycle.horizon_end is None
    assert lifecycle.next_review() is None


def test_the_next_review_follows_the_last_review() -> None:
    lifecycle = strategic_lifecycle()
    reviewed = StrategicLifecycle(
        lifecycle.since,
        lifecycle.phases,
        review_every=pendulum.duration(years=1),
        reviews=(Review(D(2021, 3, 1), ReviewOutcome.CONTINUED),),
    )
    assert reviewed.next_review() == D(2022, 3, 1)


def test_a_strategic_history_cannot_start_before_since() -> None:
    with pytest.raises(ModelError) as caught:
        strategic_lifecycle((S.EXPLORING, D(2019, 12, 31)), since=D(2020, 1, 1))
    assert_model_error(caught.value, "StrategicLifecycle", "phases", D(2019, 12, 31))


def test_a_strategic_history_may_start_after_since() -> None:
    lifecycle = strategic_lifecycle((S.FORMING, D(2020, 2, 1)), since=D(2020, 1, 1))
    assert lifecycle.started == D(2020, 2, 1)


def test_a_strategic_history_holds_only_strategic_phases() -> None:
    with pytest.raises(ModelError) as caught:
        StrategicLifecycle(D(2020, 1, 1), (PhaseChange(P.RUNNING, D(2020, 1, 1)),))
    assert_model_error(caught.value, "StrategicLifecycle", "phases", P.RUNNING)


def test_reviews_are_dated_in_order_and_not_before_since() -> None:
    base = strategic_lifecycle()
    backwards = (
        Review(D(2021, 6, 1), ReviewOutcome.CONTINUED),
        Review(D(2021, 5, 1), ReviewOutcome.ADJUSTED),
    )
    with pytest.raises(ModelError) as caught:
        StrategicLifecycle(base.since, base.phases, reviews=backwards)
    assert_model_error(caught.value, "StrategicLifecycle", "reviews", D(2021, 5, 1))
    early = (Review(D(2019, 12, 31), ReviewOutcome.CONTINUED),)
    with pytest.raises(ModelError) as caught:
        StrategicLifecycle(base.since, base.phases, reviews=early)
    assert_model_error(caught.value, "StrategicLifecycle", "reviews", D(2019, 12, 31))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("since", "2020-01-01"),
        ("horizon", pendulum.duration()),
        ("horizon", pendulum.duration(years=-10)),
        ("review_every", pendulum.duration(months=-1)),
        ("review_every", pendulum.duration(days=0)),
        ("review_every", "P1Y"),
        ("reviews", [Review(D(2021, 1, 1), ReviewOutcome.CONTINUED)]),
    ],
)
def test_a_strategic_lifecycle_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {
        "since": D(2020, 1, 1),
        "phases": (PhaseChange(S.EXPLORING, D(2020, 1, 1)),),
        field: value,
    }
    with pytest.raises(ModelError) as caught:
        StrategicLifecycle(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "StrategicLifecycle", field, value)


@pytest.mark.parametrize(("field", "value"), [("on", None), ("outcome", "renewed"), ("note", "")])
def test_a_review_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"on": D(2021, 1, 1), "outcome": ReviewOutcome.RENEWED}
    fields[field] = value
    with pytest.raises(ModelError) as caught:
        Review(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Review", field, value)


def test_a_strategic_partnership_has_ended_once_dissolved() -> None:
    lifecycle = strategic_lifecycle((S.EXPLORING, D(2020, 1, 1)), (S.DISSOLVED, D(2020, 5, 1)))
    assert lifecycle.ended == D(2020, 5, 1)


def test_a_strategic_lifecycle_as_of_a_day_keeps_phases_and_reviews_by_then() -> None:
    base = strategic_lifecycle()
    reviews = (Review(D(2021, 1, 1), ReviewOutcome.CONTINUED),)
    lifecycle = StrategicLifecycle(base.since, base.phases, reviews=reviews)
    assert lifecycle.as_of(D(2019, 12, 31)) is None
    assert lifecycle.as_of(D(2020, 3, 1)) == StrategicLifecycle(base.since, base.phases[:2])
    assert lifecycle.as_of(D(2020, 12, 31)) == StrategicLifecycle(base.since, base.phases)
    assert lifecycle.as_of(D(2021, 1, 1)) is lifecycle
