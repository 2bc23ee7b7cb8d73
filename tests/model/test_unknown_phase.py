"""An early history the sources do not give: a first phase ``unknown`` (D112).

``{phase: unknown, on: 2017}`` states that a strategic lifecycle began within ``since``
in phases no source names. Any phase of the table may follow it; an unknown phase
cannot follow a known one; readers of the phase say unknown instead of guessing.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    UNKNOWN,
    Approximate,
    ModelError,
    PhaseChange,
    ProjectLifecycle,
    ProjectPhase,
    StrategicLifecycle,
    StrategicPhase,
    Term,
    TransitionError,
    examples,
)
from samarbejde.model.transitions import STRATEGIC_PHASES

YEAR = Approximate(2017)


def _early(*later: tuple[StrategicPhase, pendulum.Date]) -> StrategicLifecycle:
    phases = (PhaseChange(UNKNOWN, YEAR), *(PhaseChange(p, d) for p, d in later))
    return StrategicLifecycle(since=YEAR, phases=phases)


def test_an_unknown_early_history_is_the_phase_while_it_is_the_latest() -> None:
    lifecycle = _early()
    assert lifecycle.phase is UNKNOWN
    assert lifecycle.began == YEAR
    assert lifecycle.started == D(2017, 1, 1)
    assert lifecycle.ended is None
    assert lifecycle.phase_on(D(2016, 12, 31)) is None
    assert lifecycle.phase_on(D(2017, 6, 1)) is UNKNOWN


def test_a_known_phase_after_it_is_the_phase_from_its_day() -> None:
    lifecycle = _early((StrategicPhase.OPERATING, D(2019, 3, 1)))
    assert lifecycle.phase is StrategicPhase.OPERATING
    assert lifecycle.phase_on(D(2019, 2, 28)) is UNKNOWN
    assert lifecycle.phase_on(D(2019, 3, 1)) is StrategicPhase.OPERATING


def test_as_of_keeps_the_unknown_entry_once_its_first_day_has_come() -> None:
    lifecycle = _early((StrategicPhase.OPERATING, D(2019, 3, 1)))
    assert lifecycle.as_of(D(2016, 12, 31)) is None
    early = lifecycle.as_of(D(2017, 1, 1))
    assert early is not None
    assert early.phases == (PhaseChange(UNKNOWN, YEAR),)
    assert lifecycle.as_of(D(2019, 3, 1)) is lifecycle


@given(st.sampled_from(sorted(STRATEGIC_PHASES.states, key=str)))
def test_any_phase_may_follow_an_unknown_early_history(phase: StrategicPhase) -> None:
    assert _early((phase, D(2018, 1, 1))).phase is phase


@given(
    st.sampled_from(sorted(STRATEGIC_PHASES.states, key=str)),
    st.sampled_from(sorted(STRATEGIC_PHASES.states, key=str)),
)
def test_the_known_phases_after_it_follow_the_table(
    first: StrategicPhase, second: StrategicPhase
) -> None:
    later = ((first, D(2018, 1, 1)), (second, D(2019, 1, 1)))
    if second in STRATEGIC_PHASES.moves[first]:
        assert _early(*later).phase is second
    else:
        with pytest.raises(TransitionError) as raised:
            _early(*later)
        assert raised.value.field == "phases[2]"


@given(st.sampled_from(sorted(STRATEGIC_PHASES.starts, key=str)))
def test_an_unknown_phase_cannot_follow_a_known_one(start: StrategicPhase) -> None:
    phases = (PhaseChange(start, D(2017, 3, 1)), PhaseChange(UNKNOWN, D(2018, 1, 1)))
    with pytest.raises(ModelError) as raised:
        StrategicLifecycle(since=YEAR, phases=phases)
    assert raised.value.record == "StrategicLifecycle"
    assert raised.value.field == "phases[1]"
    assert "unknown" in raised.value.reason


def test_advance_from_an_unknown_phase_takes_any_phase_but_not_unknown() -> None:
    portfolio = examples.load("lerbakke")
    p = portfolio.partnerships[0]
    early = attrs.evolve(p, lifecycle=_early())
    assert early.advance(StrategicPhase.REVIEWING, on=D(2018, 1, 1)).lifecycle.phase is (
        StrategicPhase.REVIEWING
    )
    with pytest.raises(ModelError):
        early.advance(UNKNOWN, on=D(2018, 1, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("since", "on"),
    [
        (Approximate(2017), Approximate(2018)),  # after since
        (Approximate(2017), Approximate(2016)),  # before since
        (D(2017, 5, 1), Approximate(2017, 5)),  # reaches past an exact since
        (Approximate(2017, 5), D(2017, 6, 1)),  # a day outside since's month
    ],
)
def test_the_unknown_entry_is_dated_within_since(since: object, on: object) -> None:
    with pytest.raises(ModelError) as raised:
        StrategicLifecycle(since=since, phases=(PhaseChange(UNKNOWN, on),))  # type: ignore[arg-type]
    assert raised.value.field == "phases"


@pytest.mark.parametrize(
    ("since", "on"),
    [
        (Approximate(2017), Approximate(2017)),
        (Approximate(2017), Approximate(2017, 11)),
        (Approximate(2017), D(2017, 12, 31)),
        (D(2013, 5, 1), D(2013, 5, 1)),
    ],
)
def test_the_unknown_entry_may_be_the_year_the_month_or_a_day_of_since(
    since: object, on: object
) -> None:
    lifecycle = StrategicLifecycle(since=since, phases=(PhaseChange(UNKNOWN, on),))  # type: ignore[arg-type]
    assert lifecycle.phase is UNKNOWN


def test_a_known_phase_takes_a_day_not_a_year() -> None:
    with pytest.raises(ModelError) as raised:
        PhaseChange(StrategicPhase.FORMING, YEAR)
    assert raised.value.field == "on"


def test_a_project_states_its_phases() -> None:
    term = Term(D(2020, 1, 1), D(2022, 12, 31))
    with pytest.raises(ModelError) as raised:
        ProjectLifecycle(term, (PhaseChange(UNKNOWN, D(2020, 1, 1)),))
    assert raised.value.field == "phases"
    lifecycle = ProjectLifecycle(term, (PhaseChange(ProjectPhase.RUNNING, D(2020, 1, 1)),))
    assert lifecycle.phase_on(D(2019, 12, 31)) is None
    assert lifecycle.phase_on(D(2020, 1, 1)) is ProjectPhase.RUNNING
