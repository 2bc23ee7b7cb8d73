"""``check_history``: the shortened common case decides and words failures as before.

The check runs for every history of every record built, so its common case was made
shorter (the transitions tested in place, ``TransitionTable.check`` only to word a
failure). The reference below is the check as it was written before, kept here so
that every verdict and every message can be compared on arbitrary histories.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st

from samarbejde import (
    COMMITMENT_STATUS,
    PROJECT_PHASES,
    STRATEGIC_PHASES,
    CommitmentStatus,
    ProjectPhase,
    StrategicPhase,
    TransitionError,
    TransitionTable,
)
from samarbejde import strategies as sst
from samarbejde.model import _checks, commitments
from samarbejde.model._checks import fail
from samarbejde.model.commitments import Commitment
from samarbejde.model.history import check_history

TABLES: tuple[TransitionTable[Any], ...] = (COMMITMENT_STATUS, PROJECT_PHASES, STRATEGIC_PHASES)
STATES: list[Enum] = [*CommitmentStatus, *ProjectPhase, *StrategicPhase]


def reference(
    instance: object,
    attribute: attrs.Attribute[Any],
    entries: Sequence[tuple[Any, pendulum.Date]],
    table: TransitionTable[Any],
) -> None:
    """``check_history`` as it was before its common case was shortened."""
    if not entries:
        fail(instance, attribute, (), f"a {table.name} history needs at least one entry")
    current = None
    previous: pendulum.Date | None = None
    record = type(instance).__name__
    for index, (state, day) in enumerate(entries):
        if state not in table.states:
            fail(instance, attribute, state, f"not a {table.name}")
        if previous is not None and day < previous:
            fail(
                instance,
                attribute,
                day,
                f"entry {index} is dated before the entry before it ({previous})",
            )
        try:
            table.check(record, attribute.name, current, state)
        except TransitionError as error:
            raise TransitionError(
                record, f"{attribute.name}[{index}]", error.current, error.requested, error.allowed
            ) from None
        current, previous = state, day


def _outcome(check: Any, *arguments: Any) -> tuple[type[BaseException], str, Any] | None:
    """``None`` when the check passes; else the error's type, message and attributes."""
    try:
        check(*arguments)
    except Exception as error:
        # the phrase (D110) is how the reason is said in other languages, not the verdict
        said = {k: v for k, v in vars(error).items() if k != "phrase"}
        return type(error), str(error), (error.args, said)
    return None


@st.composite
def histories(draw: st.DrawFn) -> tuple[TransitionTable[Any], list[tuple[Any, pendulum.Date]]]:
    """A table and entries that often follow it and sometimes do not."""
    table = draw(st.sampled_from(TABLES))
    entries: list[tuple[Any, pendulum.Date]] = []
    day = draw(sst.dates())
    current = None
    for _ in range(draw(st.integers(0, 6))):
        allowed: list[Any] = sorted(table.allowed(current), key=lambda s: s.value)
        follows: bool = draw(st.booleans())
        if allowed and follows:
            state = draw(st.sampled_from(allowed))  # a move the table allows
        else:
            state = draw(st.sampled_from(STATES))  # anything, a stranger too
        day = day.add(days=draw(st.integers(-3, 30)))
        entries.append((state, day))
        current = state if state in table.moves else current
    return table, entries


@given(histories())
def test_check_history_decides_and_words_every_history_as_before(
    drawn: tuple[TransitionTable[Any], list[tuple[Any, pendulum.Date]]],
) -> None:
    table, entries = drawn
    instance = object.__new__(Commitment)
    attribute = attrs.fields(Commitment).status
    new = _outcome(check_history, instance, attribute, entries, table)
    assert new == _outcome(reference, instance, attribute, entries, table)


def test_the_generated_histories_reach_every_outcome() -> None:
    # The comparison above is honest only if it meets passes and each kind of failure.
    instance = object.__new__(Commitment)
    attribute = attrs.fields(Commitment).status
    day = pendulum.date(2020, 1, 1)
    c = CommitmentStatus
    cases = {
        "passes": [(c.PROPOSED, day), (c.AGREED, day.add(days=1))],
        "empty": [],
        "stranger": [(ProjectPhase.RUNNING, day)],
        "backwards": [(c.PROPOSED, day), (c.AGREED, day.subtract(days=1))],
        "move": [(c.AGREED, day), (c.PROPOSED, day)],
    }
    outcomes = {
        name: _outcome(check_history, instance, attribute, entries, COMMITMENT_STATUS)
        for name, entries in cases.items()
    }
    assert outcomes.pop("passes") is None
    assert outcomes.pop("move") is not None
    assert all(outcome is not None for outcome in outcomes.values())
    moved = _outcome(check_history, instance, attribute, cases["move"], COMMITMENT_STATUS)
    assert moved is not None
    assert moved[0] is TransitionError
    assert "status[1]" in moved[1]


def test_the_status_history_is_declared_to_depend_on_its_value_alone() -> None:
    status = attrs.fields(Commitment).status.validator
    assert any(_checks.is_value_only(v) for v in getattr(status, "_validators", ()))
    assert _checks.is_value_only(commitments._status)
    assert _checks.is_value_only(_checks.is_id)
    # These read other fields of the record: a loader must check them per record.
    assert not _checks.is_value_only(commitments._fulfilments)
    assert not _checks.is_value_only(commitments._to_not_by)
    assert not _checks.is_value_only(_checks.is_date)
