"""Commitments (*forpligtelser, tilsagn*) and their fulfilments."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    because,
    fail,
    in_date_order,
    instance_of,
    is_code,
    is_date,
    is_id,
    is_ids,
    is_optional_id,
    is_optional_text,
    tuple_of,
    value_only,
)
from samarbejde.model.enums import CommitmentStatus
from samarbejde.model.history import StatusChange, check_history
from samarbejde.model.money import Quantity
from samarbejde.model.sources import Cited
from samarbejde.model.terms import Term
from samarbejde.model.transitions import COMMITMENT_STATUS
from samarbejde.model.unknown import UNKNOWN

__all__ = ["Commitment", "Fulfilment"]


@attrs.frozen
class Fulfilment:
    """A dated, possibly partial delivery on a commitment.

    Attributes:
        on: The date of delivery.
        quantity: What was delivered, in the commitment's unit.
        note: Free text; may hold personal data and is removed by ``redact``.
    """

    on: pendulum.Date = attrs.field(validator=is_date)
    quantity: Quantity = attrs.field(validator=instance_of(Quantity))
    note: str | None = attrs.field(
        default=None, validator=is_optional_text, metadata={"personal": True}
    )


@value_only  # the history alone decides; the record only names itself in a failure
def _status(
    instance: Commitment, attribute: attrs.Attribute[Any], value: tuple[StatusChange, ...]
) -> None:
    check_history(instance, attribute, [(s.status, s.on) for s in value], COMMITMENT_STATUS)


def _fulfilments(
    instance: Commitment, attribute: attrs.Attribute[Any], value: tuple[Fulfilment, ...]
) -> None:
    if not value:
        return  # most commitments have no fulfilments yet: nothing to check
    in_date_order(instance, attribute, (f.on for f in value))
    for fulfilment in value:
        if fulfilment.quantity.unit != instance.quantity.unit:
            fail(
                instance,
                attribute,
                fulfilment.quantity.unit,
                because("other_unit", unit=f"{instance.quantity.unit}"),
            )


def _to_not_by(instance: Commitment, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value == instance.by:
        fail(instance, attribute, value, because("self_commit"))


@attrs.frozen
class Commitment(Cited):
    """A contribution a member promises to the partnership or to another member.

    Attributes:
        id: Unique within the partnership.
        by: The id of the member organisation that commits.
        kind: An open code, e.g. ``leisure_jobs`` (see
            :data:`samarbejde.model.codes.KNOWN_COMMITMENT_KINDS`).
        quantity: How much, in which unit.
        term: When it is to be delivered.
        status: The dated status history, oldest first; never empty.
        to: The member it is made to; ``None`` means the partnership as a whole.
        mandate: The id of the mandate under which it was made.
        agreement: The id of the agreement it belongs to.
        goals: Ids of the goals it serves.
        fulfilments: Dated deliveries, oldest first, in the commitment's unit.
    """

    id: str = attrs.field(validator=is_id)
    by: str = attrs.field(validator=is_id)
    kind: str = attrs.field(validator=is_code)
    quantity: Quantity = attrs.field(validator=instance_of(Quantity))
    term: Term = attrs.field(validator=instance_of(Term))
    status: tuple[StatusChange, ...] = attrs.field(validator=[tuple_of(StatusChange), _status])
    to: str | None = attrs.field(default=None, validator=[is_optional_id, _to_not_by])
    mandate: str | None = attrs.field(default=None, validator=is_optional_id)
    agreement: str | None = attrs.field(default=None, validator=is_optional_id)
    goals: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    fulfilments: tuple[Fulfilment, ...] = attrs.field(
        default=(), validator=[tuple_of(Fulfilment), _fulfilments]
    )

    @property
    def current(self) -> CommitmentStatus:
        """The latest status."""
        return self.status[-1].status

    @property
    def made_on(self) -> pendulum.Date:
        """The date of the first status entry: when the commitment was made."""
        return self.status[0].on

    @property
    def is_final(self) -> bool:
        """Whether the status history has reached a final state."""
        return COMMITMENT_STATUS.is_final(self.current)

    @property
    def is_binding(self) -> bool:
        """Whether the commitment was ever agreed (binding), not only pledged."""
        return any(s.status is CommitmentStatus.AGREED for s in self.status)

    def status_on(self, day: pendulum.Date) -> CommitmentStatus | None:
        """The status in force on ``day``; ``None`` before the commitment was made."""
        current: CommitmentStatus | None = None
        for change in self.status:
            if change.on > day:
                break
            current = change.status
        return current

    def delivered(self) -> Quantity | None:
        """The sum of all fulfilments, or ``None`` when nothing was delivered.

        Its amount is :data:`~samarbejde.UNKNOWN` when a fulfilment's amount is.
        """
        if not self.fulfilments:
            return None
        total = Decimal(0)
        for fulfilment in self.fulfilments:
            amount = fulfilment.quantity.amount
            if amount is UNKNOWN:
                return Quantity(UNKNOWN, self.quantity.unit)
            total += amount
        return Quantity(total, self.quantity.unit)

    def as_of(self, day: pendulum.Date) -> Commitment | None:
        """The commitment as recorded on ``day``; ``None`` if it was made later."""
        if self.made_on > day:
            return None
        status = tuple(s for s in self.status if s.on <= day)
        fulfilments = tuple(f for f in self.fulfilments if f.on <= day)
        if len(status) == len(self.status) and len(fulfilments) == len(self.fulfilments):
            return self
        return attrs.evolve(self, status=status, fulfilments=fulfilments)
