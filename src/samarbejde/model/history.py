"""Dated history entries and the check that a history follows its table."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, Generic, TypeVar

import attrs
import pendulum

from samarbejde.model._checks import (
    OrUnknown,
    because,
    fail,
    instance_of,
    is_date,
    is_optional_text,
    is_when,
)
from samarbejde.model.approximate import When, first_day, is_approximate
from samarbejde.model.enums import CommitmentStatus, ProjectPhase, StrategicPhase
from samarbejde.model.errors import ModelError, TransitionError
from samarbejde.model.transitions import TransitionTable
from samarbejde.model.unknown import UNKNOWN, Unknown

__all__ = ["PhaseChange", "StatusChange", "check_history"]

P = TypeVar("P", ProjectPhase, StrategicPhase)
S = TypeVar("S", bound=Enum)


def _phase_day(instance: PhaseChange[Any], attribute: attrs.Attribute[Any], value: When) -> None:
    if is_approximate(value) and instance.phase is not UNKNOWN:
        fail(instance, attribute, value, because("unknown_dated"))


@attrs.frozen
class PhaseChange(Generic[P]):
    """A lifecycle entered ``phase`` on the date ``on``.

    Attributes:
        phase: The phase entered (a :class:`ProjectPhase` or :class:`StrategicPhase`),
            or :data:`~samarbejde.UNKNOWN` for the early history of a strategic
            lifecycle the sources do not give (design decision D112).
        on: The date it was entered; an unknown phase may be dated to a year or month
            (an :class:`~samarbejde.Approximate`), a known one takes a day.
    """

    phase: P | Unknown = attrs.field(
        validator=OrUnknown(instance_of((ProjectPhase, StrategicPhase)))
    )
    on: When = attrs.field(validator=[is_when, _phase_day])


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
    entries: Sequence[tuple[S | Unknown, When]],
    table: TransitionTable[S],
) -> None:
    """Check that dated ``(state, date)`` entries follow ``table`` in date order.

    Only the first entry may be :data:`~samarbejde.UNKNOWN` (an early history the
    sources do not give); any state of ``table`` may follow it (design decision D112).

    Raises:
        ModelError: The history is empty, its dates go backwards, or an unknown state
            follows another entry.
        TransitionError: A state does not follow from the one before it.
    """
    if not entries:
        fail(instance, attribute, (), because("history_empty", name=table.name))
    # Every record built checks its history, so the common case is kept short: the
    # states are looked up in ``table.moves`` (its keys are ``table.states``) and the
    # transition is tested in place; ``table.check`` only runs to word a failure.
    moves = table.moves
    allowed = table.starts
    current: S | None = None
    previous: pendulum.Date | None = None
    for index, (state, when) in enumerate(entries):
        day = first_day(when)
        if state is UNKNOWN:
            if index:
                raise ModelError(
                    type(instance).__name__,
                    f"{attribute.name}[{index}]",
                    state,
                    because("unknown_later", name=table.name),
                )
            previous, allowed = day, table.states
            continue
        if state not in moves:
            fail(instance, attribute, state, because("not_a", name=table.name))
        if previous is not None and day < previous:
            fail(
                instance,
                attribute,
                day,
                because("entry_before", index=f"{index}", previous=f"{previous}"),
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
