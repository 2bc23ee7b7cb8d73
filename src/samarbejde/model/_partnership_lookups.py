"""What every partnership operation reads: the fields, by-id lookups and shared checks.

:class:`PartnershipLookups` is the base of the operation groups that
:class:`~samarbejde.Partnership` is made of (members and mandates, commitments, the
lifecycle, plans); it holds no state of its own (``__slots__ = ()``), and its field
declarations exist for the type checker only: the fields and their validators are
defined once, on :class:`~samarbejde.Partnership`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import pendulum

from samarbejde.model import days
from samarbejde.model._checks import because
from samarbejde.model.agreements import Agreement
from samarbejde.model.approximate import first_day
from samarbejde.model.commitments import Commitment
from samarbejde.model.errors import ModelError, UnknownIdError
from samarbejde.model.funding import Funding
from samarbejde.model.goals import Challenge, Goal, Vision
from samarbejde.model.governance import GovernanceBody
from samarbejde.model.involvement import InvolvementEvent
from samarbejde.model.lifecycles import Lifecycle
from samarbejde.model.mandates import Mandate
from samarbejde.model.memberships import Membership
from samarbejde.model.periods import PlanPeriod
from samarbejde.model.secretariats import Secretariat

if TYPE_CHECKING:
    from samarbejde.model.partnerships import Partnership

__all__ = ["PartnershipLookups", "find", "put", "replace"]

T = TypeVar("T")


class PartnershipLookups:
    """Lookups by id and the checks the operations share (a base of ``Partnership``)."""

    __slots__ = ()

    if TYPE_CHECKING:  # the fields, defined with their validators on Partnership
        id: str
        name: str
        lifecycle: Lifecycle
        areas: tuple[str, ...]
        earlier: tuple[Lifecycle, ...]
        parent: str | None
        vision: Vision | None
        challenges: tuple[Challenge, ...]
        goals: tuple[Goal, ...]
        members: tuple[Membership, ...]
        commitments: tuple[Commitment, ...]
        agreements: tuple[Agreement, ...]
        governance: tuple[GovernanceBody, ...]
        funding: tuple[Funding, ...]
        periods: tuple[PlanPeriod, ...]
        governance_history: tuple[GovernanceBody, ...]
        secretariat: Secretariat | None
        involvement: tuple[InvolvementEvent, ...]

        def _evolve(self, **changes: Any) -> Partnership:
            """This partnership with ``changes`` (``attrs.evolve``)."""

    @property
    def form(self) -> str:
        """``"project"`` or ``"strategic"``: the form of the current lifecycle."""
        return self.lifecycle.form

    @property
    def lifecycles(self) -> tuple[Lifecycle, ...]:
        """Every lifecycle, oldest first, ending with the current one."""
        return (*self.earlier, self.lifecycle)

    def member(self, organisation: str, *, on: pendulum.Date | None = None) -> Membership:
        """Return the membership of ``organisation``: its latest, or the one active ``on``.

        An organisation that left and joined again has one membership per period.

        Raises:
            UnknownIdError: The organisation has no membership, or none active ``on``
                (a ``KeyError``).
            DateTypeError: ``on`` is not a calendar date (D64).
        """
        held = self.memberships(organisation)
        if on is not None:
            on = days.day(on, "on")
            return find(held, lambda m: m.active(on), "member", organisation)
        if not held:
            raise UnknownIdError("member", organisation)
        return held[-1]

    def memberships(self, organisation: str) -> tuple[Membership, ...]:
        """Every membership of ``organisation``, one per period, oldest first."""
        return tuple(
            sorted(
                (m for m in self.members if m.organisation == organisation),
                key=lambda m: first_day(m.joined),
            )
        )

    def commitment(self, id: str) -> Commitment:  # noqa: A002 - the domain's word
        """Return the commitment with ``id``.

        Raises:
            UnknownIdError: No commitment has that id (a ``KeyError``).
        """
        return find(self.commitments, lambda c: c.id == id, "commitment", id)

    def agreement(self, id: str) -> Agreement:  # noqa: A002 - the domain's word
        """Return the agreement with ``id``.

        Raises:
            UnknownIdError: No agreement has that id (a ``KeyError``).
        """
        return find(self.agreements, lambda a: a.id == id, "agreement", id)

    def goal(self, id: str) -> Goal:  # noqa: A002 - the domain's word
        """Return the goal with ``id``.

        Raises:
            UnknownIdError: No goal has that id (a ``KeyError``).
        """
        return find(self.goals, lambda g: g.id == id, "goal", id)

    def body(self, id: str) -> GovernanceBody:  # noqa: A002 - the domain's word
        """Return the governance body with ``id`` (its current version).

        Raises:
            UnknownIdError: No governance body has that id (a ``KeyError``).
        """
        return find(self.governance, lambda b: b.id == id, "governance body", id)

    def mandates(self) -> Iterable[tuple[Membership, Mandate]]:
        """Every mandate with the membership that holds it."""
        for member in self.members:
            for mandate in member.mandates:
                yield member, mandate

    def holder(self, mandate: str) -> Membership:
        """Return the membership whose representative holds ``mandate``.

        Raises:
            UnknownIdError: No member holds a mandate with that id (a ``KeyError``).
        """
        for member, held in self.mandates():
            if held.id == mandate:
                return member
        raise UnknownIdError("mandate", mandate)

    def members_on(self, day: pendulum.Date) -> tuple[Membership, ...]:
        """The memberships active on ``day``: joined on or before it and not yet left."""
        day = days.day(day, "day")
        return tuple(m for m in self.members if m.active(day))

    # -- checks the operations share -------------------------------------------

    def _holds(self, mandate: str) -> bool:
        return any(held.id == mandate for _, held in self.mandates())

    def _open_on(self, field: str, on: pendulum.Date) -> None:
        ended = self.lifecycle.ended
        if ended is not None and ended <= on:
            raise ModelError("Partnership", field, on, because("lifecycle_ended", ended=str(ended)))

    def _active_member(self, organisation: str, on: pendulum.Date) -> Membership:
        held = [m for m in self.members if m.organisation == organisation]
        for member in held:
            if member.active(on):
                return member
        if held:
            raise ModelError(
                "Partnership", "members", organisation, because("not_member", on=str(on))
            )
        raise ModelError("Partnership", "members", organisation, because("not_a_member"))


def find(items: Iterable[T], match: Callable[[T], bool], record: str, key: str) -> T:
    """The first of ``items`` that ``match``es, or :class:`UnknownIdError` for ``key``."""
    for item in items:
        if match(item):
            return item
    raise UnknownIdError(record, key)


def put(items: tuple[T, ...], item: T, key: Callable[[T], str]) -> tuple[T, ...]:
    """``items`` with ``item`` in place of the one with its id, or added at the end."""
    wanted = key(item)
    if any(key(old) == wanted for old in items):
        return tuple(item if key(old) == wanted else old for old in items)
    return (*items, item)


def replace(items: tuple[T, ...], old: T, new: T) -> tuple[T, ...]:
    """``items`` with ``new`` in place of ``old`` (found by identity)."""
    return tuple(new if item is old else item for item in items)
