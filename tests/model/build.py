"""Small builders for the example-based model tests: valid records with overridable parts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pendulum

from samarbejde import (
    Commitment,
    CommitmentStatus,
    Mandate,
    MandateLevel,
    Membership,
    ModelError,
    Partnership,
    PhaseChange,
    Power,
    ProjectLifecycle,
    ProjectPhase,
    Quantity,
    StatusChange,
    StrategicLifecycle,
    StrategicPhase,
    Term,
    Unit,
)

D = pendulum.Date
START = D(2020, 1, 1)
MADE_ON = D(2020, 6, 1)


def day(text: str) -> pendulum.Date:
    """A date from ``YYYY-MM-DD``."""
    year, month, dom = (int(part) for part in text.split("-"))
    return D(year, month, dom)


def mandate(id: str = "m-1", **changes: Any) -> Mandate:  # noqa: A002
    fields: dict[str, Any] = {
        "id": id,
        "level": MandateLevel.STRATEGIC,
        "powers": frozenset({Power.COMMIT_STAFF}),
        "term": Term(D(2020, 1, 1)),
        "granted_by": "Bestyrelsen",
    }
    fields.update(changes)
    return Mandate(**fields)


def member(organisation: str, joined: pendulum.Date = START, **changes: Any) -> Membership:
    fields: dict[str, Any] = {"organisation": organisation, "role": "partner", "joined": joined}
    fields.update(changes)
    return Membership(**fields)


def commitment(
    id: str = "c-1",  # noqa: A002
    by: str = "kommune",
    made_on: pendulum.Date = MADE_ON,
    *statuses: tuple[CommitmentStatus, pendulum.Date],
    **changes: Any,
) -> Commitment:
    later = (StatusChange(status, on) for status, on in statuses)
    history = (StatusChange(CommitmentStatus.PROPOSED, made_on), *later)
    fields: dict[str, Any] = {
        "id": id,
        "by": by,
        "kind": "staff_hours",
        "quantity": Quantity(Decimal("100"), Unit.HOURS),
        "term": Term(D(2020, 7, 1), D(2021, 6, 30)),
        "status": history,
    }
    fields.update(changes)
    return Commitment(**fields)


def hours(amount: str) -> Quantity:
    return Quantity(Decimal(amount), Unit.HOURS)


def project_lifecycle(*phases: tuple[ProjectPhase, pendulum.Date]) -> ProjectLifecycle:
    if not phases:
        phases = ((ProjectPhase.RUNNING, D(2020, 1, 1)),)
    return ProjectLifecycle(
        term=Term(D(2020, 1, 1), D(2022, 12, 31)),
        phases=tuple(PhaseChange(phase, on) for phase, on in phases),
    )


def strategic_lifecycle(
    *phases: tuple[StrategicPhase, pendulum.Date], since: pendulum.Date = START
) -> StrategicLifecycle:
    if not phases:
        phases = (
            (StrategicPhase.EXPLORING, D(2020, 1, 1)),
            (StrategicPhase.FORMING, D(2020, 3, 1)),
            (StrategicPhase.OPERATING, D(2020, 6, 1)),
        )
    return StrategicLifecycle(
        since=since,
        phases=tuple(PhaseChange(phase, on) for phase, on in phases),
        review_every=pendulum.duration(years=1),
    )


def project(**changes: Any) -> Partnership:
    """A running project with two members: ``kommune`` (holds ``m-1``) and ``boligselskab``."""
    fields: dict[str, Any] = {
        "id": "p-1",
        "name": "Projekt",
        "lifecycle": project_lifecycle(),
        "members": (
            member("kommune", mandates=(mandate("m-1"),)),
            member("boligselskab", mandates=(mandate("m-2"),)),
        ),
    }
    fields.update(changes)
    return Partnership(**fields)


def strategic(**changes: Any) -> Partnership:
    """An operating strategic partnership with the same two members as :func:`project`."""
    return project(**{"lifecycle": strategic_lifecycle(), **changes})


def assert_model_error(error: ModelError, record: str, field: str, value: object) -> None:
    """The error names the record, the field and the value, also in its message."""
    assert (error.record, error.field, error.value) == (record, field, value)
    assert str(error).startswith(f"{record}.{field}: ")
    assert repr(value) in str(error)
