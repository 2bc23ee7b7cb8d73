"""The lifecycles as data: one transition table per history.

Each table lists the states a history may start in and, for every state, the states
it may move to. States with no way out are final. The same tables check histories
when records are built and check operations such as ``advance`` and ``set_status``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import Generic, TypeVar

from samarbejde.model.enums import CommitmentStatus, ProjectPhase, StrategicPhase
from samarbejde.model.errors import TransitionError
from samarbejde.model.unknown import UNKNOWN, Unknown

__all__ = [
    "COMMITMENT_STATUS",
    "PROJECT_PHASES",
    "STRATEGIC_PHASES",
    "TransitionTable",
]

S = TypeVar("S", bound=Enum)


class TransitionTable(Generic[S]):
    """The allowed moves of one kind of dated history.

    Attributes:
        name: What the history is, e.g. ``"project phase"``.
        starts: The states a history may begin in.
        moves: For each state, the states it may move to.
    """

    __slots__ = ("moves", "name", "starts")

    name: str
    starts: frozenset[S]
    moves: Mapping[S, frozenset[S]]

    def __init__(self, name: str, starts: frozenset[S], moves: Mapping[S, frozenset[S]]) -> None:
        self.name = name
        self.starts = starts
        self.moves = MappingProxyType(dict(moves))

    @property
    def states(self) -> frozenset[S]:
        """Every state the table knows."""
        return frozenset(self.moves)

    @property
    def finals(self) -> frozenset[S]:
        """The states a history cannot leave."""
        return frozenset(s for s, targets in self.moves.items() if not targets)

    def allowed(self, current: S | Unknown | None) -> frozenset[S]:
        """The states that may follow ``current``.

        ``None`` (no history yet): the start states; :data:`~samarbejde.UNKNOWN` (an
        early history the sources do not give): every state (design decision D112).
        """
        if current is None:
            return self.starts
        if current is UNKNOWN:
            return self.states
        return self.moves[current]

    def is_final(self, state: S) -> bool:
        """Whether ``state`` ends the history."""
        return not self.moves[state]

    def check(self, record: str, field: str, current: S | Unknown | None, requested: S) -> None:
        """Raise :class:`TransitionError` unless ``current → requested`` is allowed."""
        allowed = self.allowed(current)
        if requested not in allowed:
            raise TransitionError(
                record,
                field,
                None if current is None else str(current.value),
                str(requested.value),
                (str(s.value) for s in allowed),
            )


_P = ProjectPhase
PROJECT_PHASES: TransitionTable[ProjectPhase] = TransitionTable(
    "project phase",
    starts=frozenset({_P.PLANNED, _P.RUNNING}),
    moves={
        _P.PLANNED: frozenset({_P.RUNNING, _P.CANCELLED}),
        _P.RUNNING: frozenset({_P.CLOSING, _P.SUSPENDED, _P.CANCELLED}),
        _P.SUSPENDED: frozenset({_P.RUNNING}),
        _P.CLOSING: frozenset({_P.CLOSED}),
        _P.CLOSED: frozenset(),
        _P.CANCELLED: frozenset(),
    },
)
"""Project phases: planned → running → closing → closed; planned | running →
cancelled; running ⇄ suspended. A project's history starts planned or running."""

_S = StrategicPhase
STRATEGIC_PHASES: TransitionTable[StrategicPhase] = TransitionTable(
    "strategic phase",
    starts=frozenset({_S.EXPLORING, _S.FORMING}),
    moves={
        _S.EXPLORING: frozenset({_S.FORMING, _S.DISSOLVED}),
        _S.FORMING: frozenset({_S.OPERATING, _S.DISSOLVED}),
        _S.OPERATING: frozenset({_S.REVIEWING, _S.DISSOLVED}),
        _S.REVIEWING: frozenset({_S.OPERATING, _S.DISSOLVED}),
        _S.DISSOLVED: frozenset(),
    },
)
"""Strategic phases: exploring → forming → operating ⇄ reviewing; any non-final
phase → dissolved. A strategic history starts exploring or forming."""

_C = CommitmentStatus
COMMITMENT_STATUS: TransitionTable[CommitmentStatus] = TransitionTable(
    "commitment status",
    starts=frozenset({_C.PROPOSED, _C.PLEDGED, _C.AGREED}),
    moves={
        _C.PROPOSED: frozenset({_C.PLEDGED, _C.AGREED, _C.WITHDRAWN}),
        _C.PLEDGED: frozenset({_C.AGREED, _C.FULFILLED, _C.PARTLY_FULFILLED, _C.WITHDRAWN}),
        _C.AGREED: frozenset(
            {_C.FULFILLED, _C.PARTLY_FULFILLED, _C.BREACHED, _C.WITHDRAWN, _C.SUPERSEDED}
        ),
        _C.FULFILLED: frozenset(),
        _C.PARTLY_FULFILLED: frozenset(),
        _C.BREACHED: frozenset(),
        _C.WITHDRAWN: frozenset(),
        _C.SUPERSEDED: frozenset(),
    },
)
"""Commitment status: proposed → pledged | agreed | withdrawn; pledged → agreed |
fulfilled | partly_fulfilled | withdrawn; agreed → fulfilled | partly_fulfilled |
breached | withdrawn | superseded. A history starts proposed, pledged or agreed."""
