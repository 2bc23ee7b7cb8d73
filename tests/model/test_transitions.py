"""The transition tables: every allowed move succeeds, every other move is refused.

Each table is checked twice: when a history containing the move is built, and when
the move is made through an operation (``advance`` or ``set_status``).
"""

from __future__ import annotations

import itertools
from collections import deque
from enum import Enum
from typing import Any

import attrs
import pytest

from samarbejde import (
    COMMITMENT_STATUS,
    PROJECT_PHASES,
    STRATEGIC_PHASES,
    Commitment,
    CommitmentStatus,
    ModelError,
    Partnership,
    PhaseChange,
    ProjectLifecycle,
    ProjectPhase,
    StatusChange,
    StrategicLifecycle,
    StrategicPhase,
    Term,
    TransitionError,
    TransitionTable,
)
from samarbejde.model.history import check_history
from samarbejde.testing import START, commitment, project

P, S, C = ProjectPhase, StrategicPhase, CommitmentStatus

# The tables as DESIGN.md section 5 (and the foundation's start states) state them,
# written out independently of src/samarbejde/transitions.py.
EXPECTED: dict[str, tuple[set[Any], dict[Any, set[Any]]]] = {
    "project": (
        {P.PLANNED, P.RUNNING},
        {
            P.PLANNED: {P.RUNNING, P.CANCELLED},
            P.RUNNING: {P.CLOSING, P.SUSPENDED, P.CANCELLED},
            P.SUSPENDED: {P.RUNNING},
            P.CLOSING: {P.CLOSED},
            P.CLOSED: set(),
            P.CANCELLED: set(),
        },
    ),
    "strategic": (
        {S.EXPLORING, S.FORMING},
        {
            S.EXPLORING: {S.FORMING, S.DISSOLVED},
            S.FORMING: {S.OPERATING, S.DISSOLVED},
            S.OPERATING: {S.REVIEWING, S.DISSOLVED},
            S.REVIEWING: {S.OPERATING, S.DISSOLVED},
            S.DISSOLVED: set(),
        },
    ),
    "commitment": (
        {C.PROPOSED, C.PLEDGED, C.AGREED},
        {
            C.PROPOSED: {C.PLEDGED, C.AGREED, C.WITHDRAWN},
            C.PLEDGED: {C.AGREED, C.FULFILLED, C.PARTLY_FULFILLED, C.WITHDRAWN},
            C.AGREED: {C.FULFILLED, C.PARTLY_FULFILLED, C.BREACHED, C.WITHDRAWN, C.SUPERSEDED},
            C.FULFILLED: set(),
            C.PARTLY_FULFILLED: set(),
            C.BREACHED: set(),
            C.WITHDRAWN: set(),
            C.SUPERSEDED: set(),
        },
    ),
}
TABLES: dict[str, TransitionTable[Any]] = {
    "project": PROJECT_PHASES,
    "strategic": STRATEGIC_PHASES,
    "commitment": COMMITMENT_STATUS,
}
ENUMS: dict[str, type[Enum]] = {"project": P, "strategic": S, "commitment": C}


def path_to(table: TransitionTable[Any], target: Enum) -> list[Enum]:
    """A shortest allowed history that ends in ``target``."""
    queue: deque[list[Enum]] = deque([s] for s in sorted(table.starts, key=str))
    while queue:
        path = queue.popleft()
        if path[-1] == target:
            return path
        queue.extend([*path, n] for n in sorted(table.moves[path[-1]], key=str) if n not in path)
    raise AssertionError(f"{target} cannot be reached")  # pragma: no cover


def build(kind: str, states: list[Enum]) -> object:
    """A record of ``kind`` whose history walks ``states``, one day apart."""
    days = [START.add(days=i) for i in range(len(states))]
    if kind == "project":
        return ProjectLifecycle(
            Term(START, START.add(years=2)),
            tuple(PhaseChange(s, d) for s, d in zip(states, days, strict=True)),
        )
    if kind == "strategic":
        return StrategicLifecycle(
            START, tuple(PhaseChange(s, d) for s, d in zip(states, days, strict=True))
        )
    return commitment(
        "c-1",
        "kommune",
        START,
        status=tuple(StatusChange(s, d) for s, d in zip(states, days, strict=True)),
    )


def partnership_in(kind: str, state: Enum) -> Partnership:
    """A partnership whose lifecycle or single commitment is in ``state``."""
    record = build(kind, path_to(TABLES[kind], state))
    if kind == "commitment":
        assert isinstance(record, Commitment)
        return project(commitments=(record,))
    assert isinstance(record, ProjectLifecycle | StrategicLifecycle)
    return project(lifecycle=record)


RECORD = {
    "project": "ProjectLifecycle",
    "strategic": "StrategicLifecycle",
    "commitment": "Commitment",
}
FIELD = {"project": "phases", "strategic": "phases", "commitment": "status"}

PAIRS = [
    pytest.param(kind, a, b, id=f"{kind}:{a.value}->{b.value}")
    for kind, enum in ENUMS.items()
    for a, b in itertools.product(enum, repeat=2)
]
STATES = [
    pytest.param(kind, state, id=f"{kind}:{state.value}")
    for kind, enum in ENUMS.items()
    for state in enum
]


def names(states: set[Any]) -> tuple[str, ...]:
    return tuple(sorted(s.value for s in states))


@pytest.mark.parametrize("kind", list(TABLES))
def test_each_table_is_the_one_the_design_describes(kind: str) -> None:
    starts, moves = EXPECTED[kind]
    table = TABLES[kind]
    assert set(table.starts) == starts
    assert {state: set(targets) for state, targets in table.moves.items()} == moves
    assert table.states == frozenset(ENUMS[kind])


@pytest.mark.parametrize("kind", list(TABLES))
def test_the_final_states_have_no_moves(kind: str) -> None:
    _, moves = EXPECTED[kind]
    table = TABLES[kind]
    finals = {state for state, targets in moves.items() if not targets}
    assert set(table.finals) == finals
    for state in ENUMS[kind]:
        assert table.is_final(state) is (state in finals)
        assert (table.allowed(state) == frozenset()) is (state in finals)


def test_the_final_states_are_the_ones_the_design_names() -> None:
    assert PROJECT_PHASES.finals == {P.CLOSED, P.CANCELLED}
    assert STRATEGIC_PHASES.finals == {S.DISSOLVED}
    assert COMMITMENT_STATUS.finals == {
        C.FULFILLED,
        C.PARTLY_FULFILLED,
        C.BREACHED,
        C.WITHDRAWN,
        C.SUPERSEDED,
    }


@pytest.mark.parametrize(("kind", "state"), STATES)
def test_a_history_starts_only_in_a_start_state(kind: str, state: Enum) -> None:
    starts, _ = EXPECTED[kind]
    assert TABLES[kind].allowed(None) == starts
    if state in starts:
        record = build(kind, [state])
        assert record is not None
        return
    with pytest.raises(TransitionError) as caught:
        build(kind, [state])
    error = caught.value
    assert (error.record, error.field) == (RECORD[kind], f"{FIELD[kind]}[0]")
    assert (error.current, error.requested, error.allowed) == (None, state.value, names(starts))
    assert f"cannot start in {state.value!r}" in str(error)


@pytest.mark.parametrize(("kind", "before", "after"), PAIRS)
def test_a_history_with_a_move_is_built_only_if_the_table_allows_it(
    kind: str, before: Enum, after: Enum
) -> None:
    _, moves = EXPECTED[kind]
    states = [*path_to(TABLES[kind], before), after]
    if after in moves[before]:
        assert build(kind, states) is not None
        return
    with pytest.raises(TransitionError) as caught:
        build(kind, states)
    error = caught.value
    assert isinstance(error, ModelError)
    assert (error.record, error.field) == (RECORD[kind], f"{FIELD[kind]}[{len(states) - 1}]")
    assert (error.current, error.requested) == (before.value, after.value)
    assert error.allowed == names(moves[before])
    assert error.value == after.value
    for allowed in error.allowed:
        assert allowed in str(error)


@pytest.mark.parametrize(("kind", "before", "after"), PAIRS)
def test_an_operation_makes_a_move_only_if_the_table_allows_it(
    kind: str, before: Enum, after: Enum
) -> None:
    _, moves = EXPECTED[kind]
    partnership = partnership_in(kind, before)
    on = START.add(days=30)

    def move() -> Partnership:
        if kind == "commitment":
            assert isinstance(after, CommitmentStatus)
            return partnership.set_status("c-1", after, on=on)
        assert isinstance(after, ProjectPhase | StrategicPhase)
        return partnership.advance(after, on=on)

    if after in moves[before]:
        moved = move()
        if kind == "commitment":
            assert moved.commitment("c-1").status[-1] == StatusChange(after, on)  # type: ignore[arg-type]
            assert moved.commitment("c-1").status[:-1] == partnership.commitment("c-1").status
        else:
            assert moved.lifecycle.phases[-1] == PhaseChange(after, on)  # type: ignore[arg-type]
            assert moved.lifecycle.phases[:-1] == partnership.lifecycle.phases
        assert partnership == partnership_in(kind, before)
        return
    with pytest.raises(TransitionError) as caught:
        move()
    error = caught.value
    assert (error.record, error.field) == (RECORD[kind], FIELD[kind])
    assert (error.current, error.requested, error.allowed) == (
        before.value,
        after.value,
        names(moves[before]),
    )


def test_a_final_state_is_named_as_such_in_the_message() -> None:
    with pytest.raises(TransitionError, match=r"none \(final state\)"):
        partnership_in("project", P.CLOSED).advance(P.RUNNING, on=START.add(days=30))


def test_a_transition_error_is_a_model_error_and_a_value_error() -> None:
    assert issubclass(TransitionError, ModelError)
    assert issubclass(TransitionError, ValueError)


def test_a_table_check_passes_silently_for_an_allowed_move() -> None:
    PROJECT_PHASES.check("ProjectLifecycle", "phases", P.PLANNED, P.RUNNING)
    with pytest.raises(TransitionError):
        PROJECT_PHASES.check("ProjectLifecycle", "phases", P.PLANNED, P.CLOSED)


def test_a_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        PROJECT_PHASES.moves[P.CLOSED] = frozenset({P.RUNNING})  # type: ignore[index]
    assert PROJECT_PHASES.name == "project phase"


def test_a_history_checked_against_another_table_names_the_stranger() -> None:
    lifecycle = build("project", [P.RUNNING])
    phases = attrs.fields(ProjectLifecycle).phases
    with pytest.raises(ModelError) as caught:
        check_history(lifecycle, phases, [(P.RUNNING, START)], STRATEGIC_PHASES)
    assert (caught.value.record, caught.value.field, caught.value.value) == (
        "ProjectLifecycle",
        "phases",
        P.RUNNING,
    )
    assert "not a strategic phase" in str(caught.value)
