"""The record builders of :mod:`samarbejde.testing`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pendulum

from samarbejde.model import (
    Commitment,
    CommitmentStatus,
    Funding,
    FundingKind,
    Mandate,
    MandateLevel,
    Membership,
    ModelError,
    Money,
    Organisation,
    Partnership,
    PhaseChange,
    Power,
    ProjectLifecycle,
    ProjectPhase,
    Quantity,
    Sector,
    StatusChange,
    StrategicLifecycle,
    StrategicPhase,
    Term,
    Unit,
)

__all__ = [
    "MADE_ON",
    "START",
    "assert_model_error",
    "commitment",
    "funding",
    "hours",
    "mandate",
    "member",
    "organisation",
    "phases",
    "project",
    "project_lifecycle",
    "status",
    "strategic",
    "strategic_lifecycle",
]

_D = pendulum.Date
#: The day the builders' partnerships, memberships and mandates begin.
START = _D(2020, 1, 1)
#: The day :func:`commitment` proposes its commitment.
MADE_ON = _D(2020, 6, 1)


def organisation(id: str, sector: Sector = Sector.CIVIL_SOCIETY, **changes: Any) -> Organisation:  # noqa: A002
    """An organisation named after its id (``"ngo"`` is called ``"Ngo"``), no entry points.

    >>> organisation("kommune", Sector.MUNICIPALITY).name
    'Kommune'
    """
    fields: dict[str, Any] = {"id": id, "name": id.capitalize(), "sector": sector}
    fields.update(changes)
    return Organisation(**fields)


def funding(id: str = "f-1", funder: str = "fond", **changes: Any) -> Funding:  # noqa: A002
    """DKK 1,000,000 a year from :data:`START` for three years, a foundation grant.

    Its periods are the three years and its amount their sum (D91); give ``periods=()``
    for a total only, or ``shares`` for funders that pay together.

    >>> grant = funding()
    >>> grant.amount.amount, len(grant.periods)
    (Decimal('3000000'), 3)
    """
    yearly = Funding.yearly(
        id,
        funder,
        Money(Decimal(1_000_000)),
        Term(START, START.add(years=3).subtract(days=1)),
        FundingKind.FOUNDATION_GRANT,
    )
    return attrs.evolve(yearly, **changes)


def mandate(id: str = "m-1", *powers: Power, **changes: Any) -> Mandate:  # noqa: A002
    """A strategic-level mandate from :data:`START`, granted by ``Bestyrelsen``.

    Its powers are ``powers``, or only ``commit_staff`` when none are given.

    >>> sorted(mandate("m-2", Power.COMMIT_FUNDS, Power.OFFER_JOBS).powers)
    [<Power.COMMIT_FUNDS: 'commit_funds'>, <Power.OFFER_JOBS: 'offer_jobs'>]
    """
    fields: dict[str, Any] = {
        "id": id,
        "level": MandateLevel.STRATEGIC,
        "powers": frozenset(powers or (Power.COMMIT_STAFF,)),
        "term": Term(START),
        "granted_by": "Bestyrelsen",
    }
    fields.update(changes)
    return Mandate(**fields)


def member(organisation: str, joined: pendulum.Date = START, **changes: Any) -> Membership:
    """A membership in the role ``partner``, joined on ``joined``.

    >>> member("ngo").role
    'partner'
    """
    fields: dict[str, Any] = {"organisation": organisation, "role": "partner", "joined": joined}
    fields.update(changes)
    return Membership(**fields)


def status(*entries: tuple[CommitmentStatus, pendulum.Date]) -> tuple[StatusChange, ...]:
    """A status history from ``(status, on)`` pairs.

    >>> [s.status.value for s in status((CommitmentStatus.PROPOSED, START))]
    ['proposed']
    """
    return tuple(StatusChange(s, on) for s, on in entries)


def phases(*entries: tuple[Any, pendulum.Date]) -> tuple[PhaseChange[Any], ...]:
    """A phase history from ``(phase, on)`` pairs."""
    return tuple(PhaseChange(phase, on) for phase, on in entries)


def hours(amount: str) -> Quantity:
    """A quantity of hours.

    >>> hours("7.5").amount
    Decimal('7.5')
    """
    return Quantity(Decimal(amount), Unit.HOURS)


def commitment(
    id: str = "c-1",  # noqa: A002
    by: str = "kommune",
    made_on: pendulum.Date = MADE_ON,
    *statuses: tuple[CommitmentStatus, pendulum.Date],
    **changes: Any,
) -> Commitment:
    """A commitment of 100 staff hours from 2020-07-01 to 2021-06-30.

    It is proposed on ``made_on``; ``statuses`` (``(status, on)`` pairs) follow. Pass
    ``status=`` to give the whole history instead.

    >>> c = commitment("c-2", "ngo", MADE_ON, (CommitmentStatus.AGREED, _D(2020, 7, 1)))
    >>> c.current, c.by
    (<CommitmentStatus.AGREED: 'agreed'>, 'ngo')
    """
    fields: dict[str, Any] = {
        "id": id,
        "by": by,
        "kind": "staff_hours",
        "quantity": hours("100"),
        "term": Term(_D(2020, 7, 1), _D(2021, 6, 30)),
        "status": status((CommitmentStatus.PROPOSED, made_on), *statuses),
    }
    fields.update(changes)
    return Commitment(**fields)


def project_lifecycle(
    *entries: tuple[ProjectPhase, pendulum.Date], **changes: Any
) -> ProjectLifecycle:
    """A project from 2020-01-01 to 2022-12-31, running since it began unless ``entries``."""
    fields: dict[str, Any] = {
        "term": Term(_D(2020, 1, 1), _D(2022, 12, 31)),
        "phases": phases(*(entries or ((ProjectPhase.RUNNING, _D(2020, 1, 1)),))),
    }
    fields.update(changes)
    return ProjectLifecycle(**fields)


def strategic_lifecycle(
    *entries: tuple[StrategicPhase, pendulum.Date], **changes: Any
) -> StrategicLifecycle:
    """A strategic lifecycle since :data:`START`, reviewed yearly, operating since 2020-06-01.

    ``entries`` replace the phases (exploring, forming, operating).
    """
    default = (
        (StrategicPhase.EXPLORING, _D(2020, 1, 1)),
        (StrategicPhase.FORMING, _D(2020, 3, 1)),
        (StrategicPhase.OPERATING, _D(2020, 6, 1)),
    )
    fields: dict[str, Any] = {
        "since": START,
        "phases": phases(*(entries or default)),
        "review_every": pendulum.duration(years=1),
    }
    fields.update(changes)
    return StrategicLifecycle(**fields)


def project(**changes: Any) -> Partnership:
    """A running project ``p-1`` with two members: ``kommune`` (holds ``m-1``), ``boligselskab``.

    ``boligselskab`` holds ``m-2``. Keyword arguments replace any field.
    """
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
    """An operating strategic partnership with the same two members as :func:`project`.

    >>> strategic().form
    'strategic'
    """
    return project(**{"lifecycle": strategic_lifecycle(), **changes})


def assert_model_error(error: ModelError, record: str, field: str, value: object) -> None:
    """Assert that ``error`` names the record, the field and the value, also in its message.

    Raises:
        AssertionError: It does not.
    """
    assert (error.record, error.field, error.value) == (record, field, value)
    assert str(error).startswith(f"{record}.{field}: ")
    assert repr(value) in str(error)
