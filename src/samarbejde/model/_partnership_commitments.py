"""Partnership operations on commitments: make one, move its status, record deliveries."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model._checks import because
from samarbejde.model._partnership_lookups import PartnershipLookups, replace
from samarbejde.model.commitments import Commitment, Fulfilment
from samarbejde.model.enums import CommitmentStatus
from samarbejde.model.errors import ModelError
from samarbejde.model.history import StatusChange
from samarbejde.model.money import Quantity
from samarbejde.model.transitions import COMMITMENT_STATUS

if TYPE_CHECKING:
    from samarbejde.model.partnerships import Partnership

__all__ = ["CommitmentOperations"]


class CommitmentOperations(PartnershipLookups):
    """Commitments are made by members, move through the status table and are fulfilled."""

    __slots__ = ()

    def commit(self, commitment: Commitment, *, on: pendulum.Date) -> Partnership:
        """Add ``commitment``, made on ``on`` (its first status entry's date).

        Raises:
            ModelError: The lifecycle had ended by ``on``, its maker (or receiver) is
                not a member on ``on``, the mandate it names is held by another
                organisation, its id is taken, or its first status is not dated ``on``.
        """
        on = days.day(on, "on")
        if commitment.made_on != on:
            raise ModelError(
                "Commitment", "status", commitment.made_on, because("first_status", on=str(on))
            )
        self._open_on("commitments", on)
        self._active_member(commitment.by, on)
        if commitment.to is not None:
            self._active_member(commitment.to, on)
        if commitment.mandate is not None:
            holder = self.holder(commitment.mandate) if self._holds(commitment.mandate) else None
            if holder is None or holder.organisation != commitment.by:
                whose = "no member" if holder is None else holder.organisation
                raise ModelError(
                    "Commitment",
                    "mandate",
                    commitment.mandate,
                    because("mandate_holder", whose=str(whose), by=commitment.by),
                )
        if any(c.id == commitment.id for c in self.commitments):
            raise ModelError("Partnership", "commitments", commitment.id, because("commitment_id"))
        return self._evolve(commitments=(*self.commitments, commitment))

    def set_status(
        self,
        commitment: str,
        status: CommitmentStatus,
        *,
        on: pendulum.Date,
        note: str | None = None,
    ) -> Partnership:
        """Move ``commitment`` to ``status`` on ``on``.

        Raises:
            UnknownIdError: No commitment has that id (a ``KeyError``).
            TransitionError: The status table does not allow the move.
            ModelError: ``on`` is before the last status entry.
        """
        on = days.day(on, "on")
        current = self.commitment(commitment)
        COMMITMENT_STATUS.check("Commitment", "status", current.current, status)
        changed = attrs.evolve(current, status=(*current.status, StatusChange(status, on, note)))
        return self._evolve(commitments=replace(self.commitments, current, changed))

    def record_fulfilment(
        self,
        commitment: str,
        quantity: Quantity,
        *,
        on: pendulum.Date,
        note: str | None = None,
    ) -> Partnership:
        """Record a (partial) delivery of ``quantity`` on ``commitment``.

        Raises:
            UnknownIdError: No commitment has that id (a ``KeyError``).
            ModelError: The commitment had ended before ``on``, was not made yet, the
                unit differs, or ``on`` is before the last fulfilment.
        """
        on = days.day(on, "on")
        current = self.commitment(commitment)
        if on < current.made_on:
            raise ModelError(
                "Fulfilment", "on", on, because("before_made", made_on=str(current.made_on))
            )
        if current.is_final and current.status[-1].on < on:
            raise ModelError(
                "Fulfilment",
                "on",
                on,
                because("after_ended", status=f"{current.current}", on=str(current.status[-1].on)),
            )
        fulfilment = Fulfilment(on, quantity, note)
        changed = attrs.evolve(current, fulfilments=(*current.fulfilments, fulfilment))
        return self._evolve(commitments=replace(self.commitments, current, changed))
