"""Partnership operations on members and mandates: admit, release, grant, revoke."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model._checks import because
from samarbejde.model._partnership_lookups import PartnershipLookups, replace
from samarbejde.model.approximate import surely_by
from samarbejde.model.errors import ModelError
from samarbejde.model.mandates import Mandate
from samarbejde.model.memberships import Membership

if TYPE_CHECKING:
    from samarbejde.model.partnerships import Partnership

__all__ = ["MemberOperations"]


class MemberOperations(PartnershipLookups):
    """Members join and leave; their representatives' mandates are granted and revoked."""

    __slots__ = ()

    def admit(
        self,
        organisation: str,
        *,
        role: str,
        on: pendulum.Date,
        representative: str | None = None,
        mandates: tuple[Mandate, ...] = (),
        interests: tuple[str, ...] = (),
    ) -> Partnership:
        """Admit ``organisation`` as a member from ``on``, with what it seeks (``interests``).

        An organisation whose membership ended (``left`` on or before ``on``) can join
        again: it gets a new membership for the new period, with its own role,
        representative and mandates; the old one stays as it was.

        Raises:
            ModelError: It has a membership that had not ended by ``on`` (or one that
                begins later), or the lifecycle has ended.
        """
        on = days.day(on, "on")
        self._open_on("members", on)
        for held in self.members:
            if held.organisation == organisation and (
                held.left is None or not surely_by(held.left, on)
            ):
                until = "" if held.left is None else because("until", left=str(held.left))
                raise ModelError(
                    "Partnership",
                    "members",
                    organisation,
                    because("already_member", joined=str(held.joined), until=until),
                )
        member = Membership(
            organisation,
            role,
            on,
            representative=representative,
            mandates=mandates,
            interests=interests,
        )
        return self._evolve(members=(*self.members, member))

    def release(self, organisation: str, *, on: pendulum.Date) -> Partnership:
        """Record that ``organisation`` leaves on ``on``.

        Raises:
            ModelError: It is not a member on that day.
        """
        on = days.day(on, "on")
        member = self._active_member(organisation, on)
        return self._evolve(members=replace(self.members, member, attrs.evolve(member, left=on)))

    def declare_interests(
        self, organisation: str, interests: tuple[str, ...], *, on: pendulum.Date
    ) -> Partnership:
        """Record what ``organisation`` seeks from the partnership, as said on ``on``.

        The new list replaces the old one (see
        :data:`samarbejde.model.codes.KNOWN_INTERESTS` for the known codes).

        Raises:
            ModelError: It is not a member on ``on``, or a code is not a valid code or
                is listed twice.
        """
        on = days.day(on, "on")
        member = self._active_member(organisation, on)
        changed = attrs.evolve(member, interests=tuple(interests))
        return self._evolve(members=replace(self.members, member, changed))

    def grant(self, organisation: str, mandate: Mandate, *, on: pendulum.Date) -> Partnership:
        """Give ``organisation``'s representative ``mandate``, granted on ``on``.

        Raises:
            ModelError: The lifecycle had ended by ``on``, it is not a member on that
                day, or the mandate id is taken.
        """
        on = days.day(on, "on")
        self._open_on("mandates", on)
        member = self._active_member(organisation, on)
        if any(held.id == mandate.id for _, held in self.mandates()):
            raise ModelError("Partnership", "mandates", mandate.id, because("mandate_id"))
        changed = attrs.evolve(member, mandates=(*member.mandates, mandate))
        return self._evolve(members=replace(self.members, member, changed))

    def revoke(self, mandate: str, *, on: pendulum.Date) -> Partnership:
        """Revoke ``mandate`` from ``on``.

        Raises:
            UnknownIdError: No member holds it (a ``KeyError``).
            ModelError: It is already revoked, or ``on`` is before its term.
        """
        on = days.day(on, "on")
        member = self.holder(mandate)
        held = member.mandate(mandate)
        if held.revoked is not None:
            raise ModelError(
                "Mandate", "revoked", held.revoked, because("revoked", mandate=mandate)
            )
        changed = attrs.evolve(
            member, mandates=replace(member.mandates, held, attrs.evolve(held, revoked=on))
        )
        return self._evolve(members=replace(self.members, member, changed))
