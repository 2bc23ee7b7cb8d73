"""Governance bodies (*bestyrelse, styregruppe, følgegruppe, opgaveudvalg*) and their seats.

A body has a kind from an open list (design decision D87), a term, the weight of its
word (it decides or advises), seats held by organisations through posts, and a meeting
rhythm. Its history lives in the partnership: each version replaced by a dated change
is kept in :attr:`~samarbejde.Partnership.governance_history` (design decision D88).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from enum import Enum
from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    AtLeast,
    because,
    fail,
    instance_of,
    is_code,
    is_id,
    is_ids,
    is_optional_duration,
    is_optional_id,
    is_optional_text,
    is_optional_when,
    optional_instance_of,
    tuple_of,
)
from samarbejde.model._whole_durations import KeepsDurations
from samarbejde.model.approximate import When, first_day, last_day
from samarbejde.model.enums import DecisionPower, SeatRole
from samarbejde.model.sources import Cited
from samarbejde.model.terms import FIRST_DAY, Term

__all__ = ["GovernanceBody", "Seat", "check_history"]

_ONE_SEAT = AtLeast(1, "must be a whole number of at least 1", whole=True)
_OPTIONAL_SIZE = AtLeast(1, "must be a whole number of at least 1", whole=True, optional=True)


def _code(value: str) -> str:
    """A code as plain text: a member of a string enum (``GovernanceKind``) gives its value."""
    return str(value.value) if isinstance(value, Enum) else value


def _one_for_a_chair(instance: Seat, attribute: attrs.Attribute[Any], value: SeatRole) -> None:
    if value is not SeatRole.MEMBER and instance.count != 1:
        fail(
            instance,
            attribute,
            value,
            because("one_seat", role=f"{value}", count=f"{instance.count}"),
        )


@attrs.frozen
class Seat:
    """Seats in a governance body held the same way.

    Attributes:
        organisation: The id of the organisation that holds them, or ``None`` when the
            document does not say (a seat for a resident elected at a meeting).
        post: The post that sits, a title such as ``"direktør"`` or
            ``"byrådsmedlem"``; never a person's name.
        role: ``chair``, ``vice_chair`` or ``member`` (the default). A body with a
            *formandskab* of two has two chair seats.
        count: How many seats are held this way, when the people in them are not
            recorded (``3`` for "three from the city council"). A chair's or vice-chair's
            seat is one.
    """

    organisation: str | None = attrs.field(default=None, validator=is_optional_id)
    post: str | None = attrs.field(default=None, validator=is_optional_text)
    role: SeatRole = attrs.field(
        default=SeatRole.MEMBER, validator=[instance_of(SeatRole), _one_for_a_chair]
    )
    count: int = attrs.field(default=1, validator=_ONE_SEAT)


def _seats_apart_from_members(
    instance: GovernanceBody, attribute: attrs.Attribute[Any], value: tuple[Seat, ...]
) -> None:
    for seat in value:
        if seat.organisation is not None and seat.organisation in instance.members:
            fail(
                instance,
                attribute,
                seat.organisation,
                because("member_and_seat"),
            )


def _holds_the_seats(
    instance: GovernanceBody, attribute: attrs.Attribute[Any], value: int | None
) -> None:
    if value is not None and instance.seat_count > value:
        fail(instance, attribute, value, because("seats_listed", count=f"{instance.seat_count}"))


@attrs.frozen
class GovernanceBody(Cited, KeepsDurations):
    """A body that steers or follows the partnership.

    Attributes:
        id: Unique within the partnership.
        kind: An open code, e.g. ``board`` (*bestyrelse*), ``steering_group``,
            ``task_committee`` (*opgaveudvalg*): see
            :data:`~samarbejde.model.codes.KNOWN_GOVERNANCE_KINDS` (design decision D87).
        members: Ids of organisations that sit in it, one seat each, when nothing more
            about their seats is known (the short form of ``seats``).
        meets_every: How often it meets, e.g. ``P3M``.
        name: Its name, e.g. ``"Styregruppen for Opdrift"``.
        decided_on: The day the partnership set it up, or last changed it (the ``on``
            of the operation that gave this version); a view of an earlier day shows the
            version then in force, or leaves the body out. ``None`` when not recorded:
            then it is in every view (D63).
        term: The period it sits, from its first day to its last (an open end while
            it runs); ``None`` when not recorded.
        power: Whether it ``decides`` or ``advises``; ``None`` when not recorded.
        seats: Its seats: who holds them, through which post, chair and vice-chair.
        size: The number of seats in all, when known, e.g. ``11``; at least the seats
            listed (``members`` and ``seats``), more when some are not described.
    """

    id: str = attrs.field(validator=is_id)
    kind: str = attrs.field(converter=_code, validator=is_code)
    members: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    meets_every: pendulum.Duration | None = attrs.field(
        default=None, validator=is_optional_duration
    )
    name: str | None = attrs.field(default=None, validator=is_optional_text)
    decided_on: When | None = attrs.field(default=None, validator=is_optional_when)
    term: Term | None = attrs.field(default=None, validator=optional_instance_of(Term))
    power: DecisionPower | None = attrs.field(
        default=None, validator=optional_instance_of(DecisionPower)
    )
    seats: tuple[Seat, ...] = attrs.field(
        default=(), validator=[tuple_of(Seat), _seats_apart_from_members]
    )
    size: int | None = attrs.field(default=None, validator=[_OPTIONAL_SIZE, _holds_the_seats])

    @property
    def seat_count(self) -> int:
        """The seats listed: one per id in ``members``, and each seat's ``count``."""
        return len(self.members) + sum(s.count for s in self.seats)

    @property
    def organisations(self) -> tuple[str, ...]:
        """The organisations that sit in it, each once, in the order listed."""
        listed = (*self.members, *(s.organisation for s in self.seats if s.organisation))
        return tuple(dict.fromkeys(listed))

    def sits_on(self, day: pendulum.Date) -> bool:
        """Whether it sits on ``day``: inside its term (a body with no term always sits)."""
        return self.term is None or self.term.contains(day)


def _day(body: GovernanceBody) -> pendulum.Date:
    """The day a version took effect; an undated version before every dated one."""
    return FIRST_DAY if body.decided_on is None else first_day(body.decided_on)


def check_history(
    current: Iterable[GovernanceBody], history: Iterable[GovernanceBody]
) -> str | None:
    """Why ``history`` cannot be the earlier versions of the bodies ``current``, or ``None``.

    Each earlier version must belong to a current body, and each body's versions (the
    earlier ones in order, then the current one) must take effect on days that only go
    forward; only the first may be undated.
    """
    latest = {b.id: b for b in current}
    chains: dict[str, list[GovernanceBody]] = {}
    for body in history:
        if body.id not in latest:
            return f"an earlier version of {body.id}, which is not a current body"
        chains.setdefault(body.id, []).append(body)
    for body_id, chain in chains.items():
        versions = (*chain, latest[body_id])
        for before, after in itertools.pairwise(versions):
            # Surely not forward: every day ``after`` may be is on or before every day
            # ``before`` may be (approximate days are intervals, design decision D72).
            if after.decided_on is None or last_day(after.decided_on) <= _day(before):
                return (
                    f"the versions of {body_id} do not go forward in time "
                    f"({before.decided_on}, then {after.decided_on})"
                )
    return None
