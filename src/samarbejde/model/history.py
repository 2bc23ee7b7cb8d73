"""Dated history entries and the check that a history follows its table."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, Generic, TypeVar

import attrs
import pendulum

from samarbejde.model._checks import fail, instance_of, is_date, is_optional_text
from samarbejde.model.enums import CommitmentStatus, ProjectPhase, StrategicPhase
from samarbejde.model.errors import TransitionError
from samarbejde.model.transitions import TransitionTable

__all__ = ["PhaseChange", "StatusChange", "check_history"]

P = TypeVar("P", ProjectPhase, StrategicPhase)
S = TypeVar("S", bound=Enum)


@attrs.frozen
class PhaseChange(Generic[P]):
    """A lifecycle entered ``phase`` on the date ``on``.

    Attributes:
        phase: The phase entered (a :class:`ProjectPhase` or :class:`StrategicPhase`).
        on: The date it was entered.
    """

    phase: P = attrs.field(validator=instance_of((ProjectPhase, StrategicPhase)))
    on: pendulum.Date = attrs.field(validator=is_date)


@attrs.frozen
class StatusChange:
    """A commitment reached ``status`` on the date ``on``.

    Attributes:
        status: The status reached.
        on: The date it was reached.
        note: Free text; may hold personal data and is removed by ``redact``.
    """

    status: CommitmentStatus = attrs.field(validator=instance_of(CommitmentStatus))
    on: pendulum.Date = attrs.field(validator=is_date)
    note: str | None = attrs.field(
        default=None, validator=is_optional_text, metadata={"personal": True}
    )


def check_history(
    instance: object,
    attribute: attrs.Attribute[Any],
    entries: Sequence[tuple[S, pendulum.Date]],
    table: TransitionTable[S],
) -> None:
    """Check that dated ``(state, date)`` entries follow ``table`` in date order.

    Raises:
        ModelError: The history is empty or its dates go backwards.
        TransitionError: A state does not follow from the one before it.
    """
    if not entries:
        fail(instance, attribute, (), f"a {table.name} history needs at least one entry")
    # Every record built checks its history, so the common case is kept short: the
    # states are looked up in ``table.moves`` (its keys are ``table.states``) and the
    # transition is tested in place; ``table.check`` only runs to word a failure.
    moves = table.moves
    allowed = table.starts
    current: S | None = None
    previous: pendulum.Date | None = None
    for index, (state, day) in enumerate(entries):
        if state not in moves:
            fail(instance, attribute, state, f"not a {table.name}")
        if previous is not None and day < previous:
            fail(
                instance,
                attribute,
                day,
                f"entry {index} is dated before the entry before it ({previous})",
            )
        if state not in allowed:
            record = type(instance).__name__
            try:
                table.check(record, attribute.name, current, state)
            except TransitionError as error:
                raise TransitionError(
                    record,
                    f"{attribute.name}[{index}]",
                    error.current,
                    error.requested,
                    error.allowed,
                ) from None
        current, previous = state, day
        allowed = moves[state]
