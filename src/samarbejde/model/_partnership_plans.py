"""Partnership operations on plans: vision, challenges, goals, agreements, funding, periods.

What the partners plan together and how they organise it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model._checks import because
from samarbejde.model._partnership_lookups import PartnershipLookups, put, replace
from samarbejde.model.agreements import Agreement, Signature
from samarbejde.model.approximate import When, may_be_by, surely_after
from samarbejde.model.errors import ModelError
from samarbejde.model.funding import Funding
from samarbejde.model.goals import Challenge, Goal, Vision
from samarbejde.model.governance import GovernanceBody
from samarbejde.model.measurements import Measurement
from samarbejde.model.periods import PlanPeriod
from samarbejde.model.secretariats import Secretariat

if TYPE_CHECKING:
    from samarbejde.model.partnerships import Partnership

__all__ = ["PlanOperations", "dated", "not_before"]


class PlanOperations(PartnershipLookups):
    """The vision, challenges and goals; agreements and funding."""

    __slots__ = ()

    def agree_vision(
        self, text: str, *, on: pendulum.Date, by: tuple[str, ...] = ()
    ) -> Partnership:
        """Record the shared vision agreed on ``on`` by the members ``by``.

        A partnership has one vision; a newer one replaces it (the file keeps the
        vision in force, not its drafts).

        Raises:
            ModelError: The lifecycle had ended by ``on``, an organisation in ``by`` is
                not a member on ``on``, or ``on`` is before the vision it replaces.
        """
        on = days.day(on, "on")
        self._open_on("vision", on)
        for organisation in by:
            self._active_member(organisation, on)
        if self.vision is not None and surely_after(self.vision.agreed_on, on):
            raise ModelError(
                "Vision",
                "agreed_on",
                on,
                because("before_vision", day=f"{self.vision.agreed_on}"),
            )
        return self._evolve(vision=Vision(text, on, tuple(by)))

    def identify_challenge(self, challenge: Challenge, *, on: pendulum.Date) -> Partnership:
        """Add ``challenge``, identified on ``on`` (its ``identified_on``).

        Raises:
            ModelError: The lifecycle had ended by ``on``, the challenge is not dated
                ``on``, one of ``identified_by`` is not a member on ``on``, or its id
                is taken.
        """
        on = days.day(on, "on")
        if challenge.identified_on != on:
            raise ModelError(
                "Challenge", "identified_on", challenge.identified_on, because("dated", on=f"{on}")
            )
        self._open_on("challenges", on)
        for organisation in challenge.identified_by:
            self._active_member(organisation, on)
        if any(c.id == challenge.id for c in self.challenges):
            raise ModelError("Partnership", "challenges", challenge.id, because("challenge_id"))
        return self._evolve(challenges=(*self.challenges, challenge))

    def set_goal(self, goal: Goal, *, on: pendulum.Date) -> Partnership:
        """Add ``goal``, or replace the goal with its id, as decided on ``on``.

        The goal keeps ``on`` as its ``decided_on`` (design decision D63).

        Raises:
            ModelError: The lifecycle had ended by ``on``, an owner is not a member on
                ``on``, a challenge it answers had not been identified by ``on``, the
                goal is dated another day, or ``on`` is before the goal it replaces.
        """
        on = days.day(on, "on")
        self._open_on("goals", on)
        for organisation in goal.owners:
            self._active_member(organisation, on)
        known = {c.id for c in self.challenges if may_be_by(c.identified_on, on)}
        for challenge in goal.challenges:
            if challenge not in known:
                raise ModelError(
                    "Goal", "challenges", challenge, because("no_challenge", on=f"{on}")
                )
        goal = dated(goal, "decided_on", on)
        not_before(self.goals, goal.id, lambda g: (g.id, g.decided_on), "Goal", on)
        return self._evolve(goals=put(self.goals, goal, lambda g: g.id))

    def measure(
        self,
        goal: str,
        value: Decimal | int | str,
        *,
        on: pendulum.Date,
        since: pendulum.Date | None = None,
        source: str | None = None,
        reported_by: str | None = None,
        reported_post: str | None = None,
        approved_by: str | None = None,
        approved_post: str | None = None,
    ) -> Partnership:
        """Record ``value`` of goal ``goal``'s indicator, measured on ``on`` (D95).

        The measurement goes after those of its day or earlier, so a late report of an
        earlier year lands in its place. ``since`` makes it the value of the period
        ``since`` to ``on``.

        Raises:
            UnknownIdError: The partnership has no goal ``goal`` (a ``KeyError``).
            ModelError: The value is not a finite number, or ``since`` is after ``on``.
        """
        on = days.day(on, "on")
        found = self.goal(goal)
        try:
            number = value if isinstance(value, Decimal) else Decimal(value)
        except ArithmeticError:
            raise ModelError("Measurement", "value", value, because("not_number")) from None
        measurement = Measurement(
            on,
            number,
            since=since,
            source=source,
            reported_by=reported_by,
            reported_post=reported_post,
            approved_by=approved_by,
            approved_post=approved_post,
        )
        return self._evolve(goals=put(self.goals, found.measured(measurement), lambda g: g.id))

    def conclude(self, agreement: Agreement, *, on: pendulum.Date) -> Partnership:
        """Add ``agreement``, concluded on ``on``; parties sign it with :meth:`sign`.

        Signatures it already carries must be dated on or before ``on``. The agreement
        keeps ``on`` as its ``concluded_on`` (design decision D63).

        Raises:
            ModelError: The lifecycle had ended by ``on``, its id is taken, its parent
                is not one of the partnership's agreements, a signature is dated after
                ``on``, or it is dated another day.
        """
        on = days.day(on, "on")
        self._open_on("agreements", on)
        if any(a.id == agreement.id for a in self.agreements):
            raise ModelError("Partnership", "agreements", agreement.id, because("agreement_id"))
        if agreement.parent is not None and all(a.id != agreement.parent for a in self.agreements):
            raise ModelError("Agreement", "parent", agreement.parent, because("no_agreement"))
        for party in agreement.parties:
            if party.signed_on is not None and surely_after(party.signed_on, on):
                raise ModelError(
                    "Signature",
                    "signed_on",
                    party.signed_on,
                    because("after_agreement", on=f"{on}"),
                )
        agreement = dated(agreement, "concluded_on", on)
        return self._evolve(agreements=(*self.agreements, agreement))

    def sign(self, agreement: str, organisation: str, *, on: pendulum.Date) -> Partnership:
        """Record that ``organisation`` signed ``agreement`` on ``on``.

        An organisation not yet listed among the parties is added as one.

        Raises:
            UnknownIdError: No agreement has that id (a ``KeyError``).
            ModelError: The lifecycle had ended by ``on``, or ``organisation`` has
                already signed.
        """
        on = days.day(on, "on")
        current = self.agreement(agreement)
        self._open_on("agreements", on)
        for party in current.parties:
            if party.organisation == organisation and party.signed_on is not None:
                raise ModelError(
                    "Signature",
                    "signed_on",
                    on,
                    because(
                        "already_signed",
                        organisation=f"{organisation}",
                        agreement=f"{agreement}",
                        on=f"{party.signed_on}",
                    ),
                )
        signed = Signature(organisation, on)
        changed = attrs.evolve(
            current, parties=put(current.parties, signed, lambda s: s.organisation)
        )
        return self._evolve(agreements=replace(self.agreements, current, changed))

    def fund(self, funding: Funding, *, on: pendulum.Date) -> Partnership:
        """Add ``funding``, granted on ``on``.

        The funding keeps ``on`` as its ``granted_on`` (design decision D63).

        Raises:
            ModelError: The lifecycle had ended by ``on``, its id is taken, its term
                ended before ``on``, or it is dated another day.
        """
        on = days.day(on, "on")
        self._open_on("funding", on)
        if any(f.id == funding.id for f in self.funding):
            raise ModelError("Partnership", "funding", funding.id, because("funding_id"))
        end = funding.term.end
        if end is not None and end < on:
            raise ModelError("Funding", "term", end, because("ended_before_grant", on=f"{on}"))
        funding = dated(funding, "granted_on", on)
        return self._evolve(funding=(*self.funding, funding))

    def plan_period(self, period: PlanPeriod, *, on: pendulum.Date) -> Partnership:
        """Add ``period``, or replace the period with its id, as planned on ``on`` (D93).

        The period keeps ``on`` as its ``decided_on`` (design decision D63). Periods are
        kept in order of their start.

        Raises:
            ModelError: The lifecycle had ended by ``on``, the period overlaps another,
                it is dated another day, or ``on`` is before the period it replaces.
        """
        on = days.day(on, "on")
        self._open_on("periods", on)
        period = dated(period, "decided_on", on)
        not_before(self.periods, period.id, lambda p: (p.id, p.decided_on), "PlanPeriod", on)
        periods = sorted(put(self.periods, period, lambda p: p.id), key=lambda p: p.term.start)
        return self._evolve(periods=tuple(periods))


R = TypeVar("R", Agreement, Funding, Goal, GovernanceBody, PlanPeriod, Secretariat)


def dated(record: R, field: str, on: pendulum.Date) -> R:
    """``record`` with ``field`` set to ``on``; refused if it holds another day (D63)."""
    given = getattr(record, field)
    if given is None:
        changes: dict[str, Any] = {field: on}
        return attrs.evolve(record, **changes)
    if given != on:
        raise ModelError(type(record).__name__, field, given, because("dated", on=f"{on}"))
    return record


def not_before(
    records: Iterable[R],
    id: str,  # noqa: A002 - the domain's word
    key: Callable[[R], tuple[str, When | None]],
    name: str,
    on: pendulum.Date,
) -> None:
    """Refuse a replacement dated before the version it replaces."""
    for record in records:
        found, day = key(record)
        if found == id and day is not None and surely_after(day, on):
            raise ModelError(name, "decided_on", on, because("before_replaced", day=f"{day}"))
