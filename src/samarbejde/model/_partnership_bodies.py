"""Partnership operations on how it is run and whom it involves.

Governance bodies are set up, changed and closed on a day; each change keeps the
version it replaces in ``governance_history``, so that :meth:`as_of` shows a body as it
was (design decision D88). The secretariat is set on a day, and involvement events are
recorded on the day they were held.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model._checks import because
from samarbejde.model._partnership_lookups import PartnershipLookups, put
from samarbejde.model._partnership_plans import dated, not_before
from samarbejde.model.approximate import first_day, may_be_by
from samarbejde.model.errors import ModelError
from samarbejde.model.governance import GovernanceBody
from samarbejde.model.involvement import InvolvementEvent
from samarbejde.model.secretariats import Secretariat
from samarbejde.model.terms import Term

if TYPE_CHECKING:
    from samarbejde.model.partnerships import Partnership

__all__ = ["BodyOperations", "bodies_as_of"]

#: The fields of a body that :meth:`BodyOperations.change_body` leaves to the operation.
_NOT_CHANGED = frozenset({"id", "decided_on"})


class BodyOperations(PartnershipLookups):
    """Governance bodies with a life, the secretariat, and involvement events."""

    __slots__ = ()

    def set_governance(self, body: GovernanceBody, *, on: pendulum.Date) -> Partnership:
        """Add governance ``body``, or replace the body with its id, from ``on``.

        The body keeps ``on`` as its ``decided_on`` (design decision D63). A version it
        replaces that took effect before ``on`` is kept in ``governance_history``, so a
        view of an earlier day shows it (D88); one of the same day is simply replaced.

        Raises:
            ModelError: The lifecycle had ended by ``on``, one of its ``members`` is not
                a member of the partnership on ``on``, the body is dated another day, or
                ``on`` is before the body it replaces.
        """
        on = days.day(on, "on")
        self._open_on("governance", on)
        for organisation in body.members:
            self._active_member(organisation, on)
        body = dated(body, "decided_on", on)
        not_before(self.governance, body.id, lambda b: (b.id, b.decided_on), "GovernanceBody", on)
        history = self.governance_history
        for old in self.governance:
            if old.id == body.id and old.decided_on != on:
                history = (*history, old)
        return self._evolve(
            governance=put(self.governance, body, lambda b: b.id), governance_history=history
        )

    def set_up_body(self, body: GovernanceBody, *, on: pendulum.Date) -> Partnership:
        """Set up a new governance ``body`` on ``on`` (see :meth:`set_governance`).

        Seats may be held by organisations that are not members (a reference group
        with the police); those in ``members`` must be members on ``on``.

        Raises:
            ModelError: Its id is taken, or as :meth:`set_governance`.
        """
        if any(b.id == body.id for b in self.governance):
            raise ModelError("Partnership", "governance", body.id, because("body_id"))
        return self.set_governance(body, on=on)

    def change_body(
        self,
        body: str,
        *,
        on: pendulum.Date,
        **changes: object,
    ) -> Partnership:
        """Change governance body ``body`` from ``on``: any of its fields but the id.

        ``partnership.change_body("styregruppe", on=day, power=DecisionPower.DECIDES,
        size=9)``. The version before is kept for views of earlier days (D88).

        Raises:
            UnknownIdError: No governance body has that id (a ``KeyError``).
            ModelError: A change names ``id``, ``decided_on`` or no field of a body, a
                value is not allowed, the body's term had ended before ``on``, or as
                :meth:`set_governance`.
        """
        on = days.day(on, "on")
        current = self.body(body)
        names = {a.name for a in attrs.fields(GovernanceBody)} - _NOT_CHANGED
        for name, value in changes.items():
            if name not in names:
                raise ModelError("GovernanceBody", name, value, because("unchangeable"))
        term = current.term
        if term is not None and term.end is not None and term.end < on:
            raise ModelError(
                "GovernanceBody", "term", term.end, because("body_closed", body=body, on=f"{on}")
            )
        given: dict[str, Any] = {**changes, "decided_on": None}
        changed = attrs.evolve(current, **given)
        return self.set_governance(changed, on=on)

    def close_body(self, body: str, *, on: pendulum.Date) -> Partnership:
        """Close governance body ``body``: ``on`` is the last day it sits.

        Its term ends on ``on`` (a body with no term gets one from the day it was set
        up, or from ``on`` when that is not recorded). The open version is kept for
        views of earlier days (D88).

        Raises:
            UnknownIdError: No governance body has that id (a ``KeyError``).
            ModelError: Its term starts after ``on`` or had ended before it, or as
                :meth:`set_governance`.
        """
        on = days.day(on, "on")
        current = self.body(body)
        term = current.term
        if term is None:
            versions = [b for b in (*self.governance_history, current) if b.id == body]
            given = versions[0].decided_on
            start = on if given is None else first_day(given)
            term = Term(min(start, on))
        if term.start > on:
            raise ModelError(
                "GovernanceBody", "term", term.start, because("starts_after", on=f"{on}")
            )
        if term.end is not None and term.end < on:
            raise ModelError(
                "GovernanceBody", "term", term.end, because("body_closed", body=body, on=f"{on}")
            )
        return self.change_body(body, on=on, term=Term(term.start, on))

    def set_secretariat(self, secretariat: Secretariat, *, on: pendulum.Date) -> Partnership:
        """Set the partnership's secretariat or backbone from ``on``, replacing any before.

        It keeps ``on`` as its ``decided_on``. Its host need not be a member (D90).

        Raises:
            ModelError: The lifecycle had ended by ``on``, it is dated another day, or
                ``on`` is before the secretariat it replaces.
        """
        on = days.day(on, "on")
        self._open_on("secretariat", on)
        secretariat = dated(secretariat, "decided_on", on)
        before = self.secretariat
        if before is not None and before.decided_on is not None and on < before.decided_on:
            raise ModelError(
                "Secretariat",
                "decided_on",
                on,
                because("before_one_replaced", day=f"{before.decided_on}"),
            )
        return self._evolve(secretariat=secretariat)

    def record_involvement(self, event: InvolvementEvent, *, on: pendulum.Date) -> Partnership:
        """Record involvement ``event``, held on ``on`` (its ``held_on``).

        Its participants need not be members (D89). The challenges it identified must be
        the partnership's, identified by ``on``.

        Raises:
            ModelError: The lifecycle had ended by ``on``, the event is not dated ``on``,
                its id is taken, or a challenge is not the partnership's by ``on``.
        """
        on = days.day(on, "on")
        if event.held_on != on:
            raise ModelError(
                "InvolvementEvent", "held_on", event.held_on, because("dated", on=f"{on}")
            )
        self._open_on("involvement", on)
        if any(e.id == event.id for e in self.involvement):
            raise ModelError("Partnership", "involvement", event.id, because("event_id"))
        known = {c.id for c in self.challenges if may_be_by(c.identified_on, on)}
        for challenge in event.challenges:
            if challenge not in known:
                raise ModelError(
                    "InvolvementEvent", "challenges", challenge, because("no_challenge", on=f"{on}")
                )
        return self._evolve(involvement=(*self.involvement, event))


def bodies_as_of(
    current: tuple[GovernanceBody, ...],
    history: tuple[GovernanceBody, ...],
    until: pendulum.Date,
) -> tuple[tuple[GovernanceBody, ...], tuple[GovernanceBody, ...]]:
    """The bodies and their earlier versions as known by ``until`` (for ``as_of``).

    Each body is shown in the latest version that had taken effect by ``until``; a body
    none of whose versions had is left out.
    """
    known = [b for b in history if b.decided_on is None or may_be_by(b.decided_on, until)]
    shown: list[GovernanceBody] = []
    kept: list[GovernanceBody] = []
    for body in current:
        if body.decided_on is None or may_be_by(body.decided_on, until):
            shown.append(body)
            kept.extend(b for b in known if b.id == body.id)
            continue
        earlier = [b for b in known if b.id == body.id]
        if earlier:
            shown.append(earlier[-1])
            kept.extend(earlier[:-1])
    return tuple(shown), tuple(kept)
