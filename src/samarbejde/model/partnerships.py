"""Partnerships (*samarbejder*) and the dated operations that change them.

Every operation returns a new :class:`Partnership`; nothing is changed in place.
Operations check what they need and raise :class:`~samarbejde.ModelError` or
:class:`~samarbejde.TransitionError` when a change is not allowed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import pendulum

from samarbejde.model._checks import (
    fail,
    instance_of,
    is_id,
    is_ids,
    is_optional_id,
    is_text,
    optional_instance_of,
    tuple_of,
    unique_by,
)
from samarbejde.model.agreements import Agreement, Signature
from samarbejde.model.commitments import Commitment, Fulfilment
from samarbejde.model.enums import CommitmentStatus, ProjectPhase, ReviewOutcome, StrategicPhase
from samarbejde.model.errors import ModelError, UnknownIdError
from samarbejde.model.funding import Funding
from samarbejde.model.goals import Challenge, Goal, Vision
from samarbejde.model.governance import GovernanceBody
from samarbejde.model.history import PhaseChange, StatusChange
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, Review, StrategicLifecycle
from samarbejde.model.mandates import Mandate
from samarbejde.model.memberships import Membership
from samarbejde.model.money import Quantity
from samarbejde.model.transitions import COMMITMENT_STATUS, PROJECT_PHASES, STRATEGIC_PHASES

__all__ = ["Partnership"]

T = TypeVar("T")
_LIFECYCLES = (ProjectLifecycle, StrategicLifecycle)


def _unique(what: str, key: Callable[[Any], object]) -> Callable[..., None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        unique_by(instance, attribute, value, key, what)

    return check


def _mandates_unique(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Membership, ...]
) -> None:
    unique_by(
        instance,
        attribute,
        (m for member in value for m in member.mandates),
        lambda m: m.id,
        "mandate id",
    )


def _parent_not_self(instance: Partnership, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value == instance.id:
        fail(instance, attribute, value, "a partnership cannot be its own parent")


def _earlier(
    instance: Partnership, attribute: attrs.Attribute[Any], value: tuple[Lifecycle, ...]
) -> None:
    chain = (*value, instance.lifecycle)
    for index, (before, after) in enumerate(itertools.pairwise(chain)):
        ended = before.ended
        if ended is None:
            fail(instance, attribute, before.phase, f"earlier lifecycle {index} has not ended")
        elif ended > after.started:
            fail(
                instance,
                attribute,
                ended,
                f"earlier lifecycle {index} ends after the next one starts ({after.started})",
            )


def _replace(items: tuple[T, ...], old: T, new: T) -> tuple[T, ...]:
    return tuple(new if item is old else item for item in items)


@attrs.frozen
class Partnership:
    """A named collaboration between organisations, tied to areas (*samarbejde*).

    Attributes:
        id: Unique among the portfolio's partnerships.
        name: The partnership's name.
        lifecycle: The current lifecycle (project or strategic).
        areas: Ids of the areas it serves.
        earlier: Earlier lifecycles, oldest first, each ended.
        parent: The id of a strategic partnership this project runs under.
        vision: The shared vision, once agreed.
        challenges: Challenges identified jointly.
        goals: Measurable goals.
        members: Memberships, one per organisation.
        commitments: Commitments made by members.
        agreements: Written agreements.
        governance: Governance bodies.
        funding: Funding.
    """

    id: str = attrs.field(validator=is_id)
    name: str = attrs.field(validator=is_text)
    lifecycle: Lifecycle = attrs.field(validator=instance_of(_LIFECYCLES))
    areas: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    earlier: tuple[Lifecycle, ...] = attrs.field(
        default=(), validator=[tuple_of(_LIFECYCLES), _earlier]
    )
    parent: str | None = attrs.field(default=None, validator=[is_optional_id, _parent_not_self])
    vision: Vision | None = attrs.field(default=None, validator=optional_instance_of(Vision))
    challenges: tuple[Challenge, ...] = attrs.field(
        default=(), validator=[tuple_of(Challenge), _unique("challenge id", lambda c: c.id)]
    )
    goals: tuple[Goal, ...] = attrs.field(
        default=(), validator=[tuple_of(Goal), _unique("goal id", lambda g: g.id)]
    )
    members: tuple[Membership, ...] = attrs.field(
        default=(),
        validator=[
            tuple_of(Membership),
            _unique("member organisation", lambda m: m.organisation),
            _mandates_unique,
        ],
    )
    commitments: tuple[Commitment, ...] = attrs.field(
        default=(), validator=[tuple_of(Commitment), _unique("commitment id", lambda c: c.id)]
    )
    agreements: tuple[Agreement, ...] = attrs.field(
        default=(), validator=[tuple_of(Agreement), _unique("agreement id", lambda a: a.id)]
    )
    governance: tuple[GovernanceBody, ...] = attrs.field(
        default=(),
        validator=[tuple_of(GovernanceBody), _unique("governance body id", lambda g: g.id)],
    )
    funding: tuple[Funding, ...] = attrs.field(
        default=(), validator=[tuple_of(Funding), _unique("funding id", lambda f: f.id)]
    )

    # -- lookups ---------------------------------------------------------------

    @property
    def form(self) -> str:
        """``"project"`` or ``"strategic"``: the form of the current lifecycle."""
        return self.lifecycle.form

    @property
    def lifecycles(self) -> tuple[Lifecycle, ...]:
        """Every lifecycle, oldest first, ending with the current one."""
        return (*self.earlier, self.lifecycle)

    def member(self, organisation: str) -> Membership:
        """Return the membership of ``organisation``.

        Raises:
            UnknownIdError: The organisation has no membership (a ``KeyError``).
        """
        return _find(self.members, lambda m: m.organisation == organisation, "member", organisation)

    def commitment(self, id: str) -> Commitment:  # noqa: A002 - the domain's word
        """Return the commitment with ``id``.

        Raises:
            UnknownIdError: No commitment has that id (a ``KeyError``).
        """
        return _find(self.commitments, lambda c: c.id == id, "commitment", id)

    def agreement(self, id: str) -> Agreement:  # noqa: A002 - the domain's word
        """Return the agreement with ``id``.

        Raises:
            UnknownIdError: No agreement has that id (a ``KeyError``).
        """
        return _find(self.agreements, lambda a: a.id == id, "agreement", id)

    def goal(self, id: str) -> Goal:  # noqa: A002 - the domain's word
        """Return the goal with ``id``.

        Raises:
            UnknownIdError: No goal has that id (a ``KeyError``).
        """
        return _find(self.goals, lambda g: g.id == id, "goal", id)

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

    # -- operations ------------------------------------------------------------

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

        Raises:
            ModelError: It already has a membership, or the lifecycle has ended.
        """
        self._open_on("members", on)
        if any(m.organisation == organisation for m in self.members):
            raise ModelError("Partnership", "members", organisation, "already has a membership")
        member = Membership(
            organisation,
            role,
            on,
            representative=representative,
            mandates=mandates,
            interests=interests,
        )
        return attrs.evolve(self, members=(*self.members, member))

    def release(self, organisation: str, *, on: pendulum.Date) -> Partnership:
        """Record that ``organisation`` leaves on ``on``.

        Raises:
            ModelError: It is not a member on that day.
        """
        member = self._active_member(organisation, on)
        return attrs.evolve(
            self, members=_replace(self.members, member, attrs.evolve(member, left=on))
        )

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
        member = self._active_member(organisation, on)
        changed = attrs.evolve(member, interests=tuple(interests))
        return attrs.evolve(self, members=_replace(self.members, member, changed))

    def grant(self, organisation: str, mandate: Mandate, *, on: pendulum.Date) -> Partnership:
        """Give ``organisation``'s representative ``mandate``, granted on ``on``.

        Raises:
            ModelError: The lifecycle had ended by ``on``, it is not a member on that
                day, or the mandate id is taken.
        """
        self._open_on("mandates", on)
        member = self._active_member(organisation, on)
        if any(held.id == mandate.id for _, held in self.mandates()):
            raise ModelError("Partnership", "mandates", mandate.id, "mandate id already in use")
        changed = attrs.evolve(member, mandates=(*member.mandates, mandate))
        return attrs.evolve(self, members=_replace(self.members, member, changed))

    def revoke(self, mandate: str, *, on: pendulum.Date) -> Partnership:
        """Revoke ``mandate`` from ``on``.

        Raises:
            UnknownIdError: No member holds it (a ``KeyError``).
            ModelError: It is already revoked, or ``on`` is before its term.
        """
        member = self.holder(mandate)
        held = member.mandate(mandate)
        if held.revoked is not None:
            raise ModelError(
                "Mandate", "revoked", held.revoked, f"mandate {mandate} is already revoked"
            )
        changed = attrs.evolve(
            member, mandates=_replace(member.mandates, held, attrs.evolve(held, revoked=on))
        )
        return attrs.evolve(self, members=_replace(self.members, member, changed))

    def commit(self, commitment: Commitment, *, on: pendulum.Date) -> Partnership:
        """Add ``commitment``, made on ``on`` (its first status entry's date).

        Raises:
            ModelError: The lifecycle had ended by ``on``, its maker (or receiver) is
                not a member on ``on``, the mandate it names is held by another
                organisation, its id is taken, or its first status is not dated ``on``.
        """
        if commitment.made_on != on:
            raise ModelError(
                "Commitment", "status", commitment.made_on, f"first status must be dated {on}"
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
                    f"mandate is held by {whose}, not by {commitment.by}",
                )
        if any(c.id == commitment.id for c in self.commitments):
            raise ModelError(
                "Partnership", "commitments", commitment.id, "commitment id already in use"
            )
        return attrs.evolve(self, commitments=(*self.commitments, commitment))

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
        current = self.commitment(commitment)
        COMMITMENT_STATUS.check("Commitment", "status", current.current, status)
        changed = attrs.evolve(current, status=(*current.status, StatusChange(status, on, note)))
        return attrs.evolve(self, commitments=_replace(self.commitments, current, changed))

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
        current = self.commitment(commitment)
        if on < current.made_on:
            raise ModelError(
                "Fulfilment", "on", on, f"before the commitment was made ({current.made_on})"
            )
        if current.is_final and current.status[-1].on < on:
            raise ModelError(
                "Fulfilment",
                "on",
                on,
                f"after the commitment ended as {current.current} on {current.status[-1].on}",
            )
        fulfilment = Fulfilment(on, quantity, note)
        changed = attrs.evolve(current, fulfilments=(*current.fulfilments, fulfilment))
        return attrs.evolve(self, commitments=_replace(self.commitments, current, changed))

    def advance(self, phase: ProjectPhase | StrategicPhase, *, on: pendulum.Date) -> Partnership:
        """Move the current lifecycle to ``phase`` on ``on``.

        Raises:
            TransitionError: The lifecycle's table does not allow the move.
            ModelError: ``on`` is before the last phase entry.
        """
        lifecycle = self.lifecycle
        if isinstance(lifecycle, ProjectLifecycle):
            if not isinstance(phase, ProjectPhase):
                raise ModelError("ProjectLifecycle", "phases", phase, "not a project phase")
            PROJECT_PHASES.check("ProjectLifecycle", "phases", lifecycle.phase, phase)
            moved: Lifecycle = attrs.evolve(
                lifecycle, phases=(*lifecycle.phases, PhaseChange(phase, on))
            )
        else:
            if not isinstance(phase, StrategicPhase):
                raise ModelError("StrategicLifecycle", "phases", phase, "not a strategic phase")
            STRATEGIC_PHASES.check("StrategicLifecycle", "phases", lifecycle.phase, phase)
            moved = attrs.evolve(lifecycle, phases=(*lifecycle.phases, PhaseChange(phase, on)))
        return attrs.evolve(self, lifecycle=moved)

    def record_review(
        self, outcome: ReviewOutcome, *, on: pendulum.Date, note: str | None = None
    ) -> Partnership:
        """Record a review of a strategic partnership held on ``on``.

        A review that dissolves the partnership moves it to ``dissolved``; any other
        outcome of a partnership in ``reviewing`` moves it back to ``operating``.

        Raises:
            ModelError: The partnership is not in the strategic form, has already
                been dissolved, or ``on`` is before the last review.
        """
        lifecycle = self.lifecycle
        if not isinstance(lifecycle, StrategicLifecycle):
            raise ModelError(
                "Partnership", "lifecycle", self.form, "reviews need the strategic form"
            )
        if lifecycle.ended is not None:
            raise ModelError(
                "StrategicLifecycle",
                "reviews",
                on,
                f"the partnership was dissolved on {lifecycle.ended}",
            )
        review = Review(on, outcome, note)
        reviewed = attrs.evolve(
            self, lifecycle=attrs.evolve(lifecycle, reviews=(*lifecycle.reviews, review))
        )
        if outcome is ReviewOutcome.DISSOLVED:
            return reviewed.advance(StrategicPhase.DISSOLVED, on=on)
        if lifecycle.phase is StrategicPhase.REVIEWING:
            return reviewed.advance(StrategicPhase.OPERATING, on=on)
        return reviewed

    def make_strategic(
        self,
        *,
        on: pendulum.Date,
        phase: StrategicPhase = StrategicPhase.EXPLORING,
        horizon: pendulum.Duration | None = None,
        review_every: pendulum.Duration | None = None,
    ) -> Partnership:
        """Turn a project into a long-term strategic partnership from ``on``.

        The project lifecycle is closed on ``on`` (``running → closing → closed``,
        ``closing → closed``, or ``planned → cancelled``), kept in ``earlier``, and a
        strategic lifecycle starts in ``phase`` (``exploring`` or ``forming``).
        Members, goals and commitments carry over unchanged.

        Raises:
            ModelError: The partnership is already strategic.
            TransitionError: The project cannot be closed from its phase, or ``phase``
                is not a strategic start phase.
        """
        project = self.lifecycle
        if not isinstance(project, ProjectLifecycle):
            raise ModelError("Partnership", "lifecycle", self.form, "is already strategic")
        steps = {
            ProjectPhase.RUNNING: (ProjectPhase.CLOSING, ProjectPhase.CLOSED),
            ProjectPhase.CLOSING: (ProjectPhase.CLOSED,),
            ProjectPhase.PLANNED: (ProjectPhase.CANCELLED,),
        }.get(project.phase, (ProjectPhase.CLOSED,))
        closed = self
        if not PROJECT_PHASES.is_final(project.phase):
            for step in steps:
                closed = closed.advance(step, on=on)
        STRATEGIC_PHASES.check("StrategicLifecycle", "phases", None, phase)
        strategic = StrategicLifecycle(
            since=on,
            phases=(PhaseChange(phase, on),),
            horizon=horizon,
            review_every=review_every,
        )
        return attrs.evolve(self, lifecycle=strategic, earlier=(*self.earlier, closed.lifecycle))

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
        self._open_on("vision", on)
        for organisation in by:
            self._active_member(organisation, on)
        if self.vision is not None and on < self.vision.agreed_on:
            raise ModelError(
                "Vision",
                "agreed_on",
                on,
                f"before the vision it replaces ({self.vision.agreed_on})",
            )
        return attrs.evolve(self, vision=Vision(text, on, tuple(by)))

    def identify_challenge(self, challenge: Challenge, *, on: pendulum.Date) -> Partnership:
        """Add ``challenge``, identified on ``on`` (its ``identified_on``).

        Raises:
            ModelError: The lifecycle had ended by ``on``, the challenge is not dated
                ``on``, one of ``identified_by`` is not a member on ``on``, or its id
                is taken.
        """
        if challenge.identified_on != on:
            raise ModelError(
                "Challenge", "identified_on", challenge.identified_on, f"must be dated {on}"
            )
        self._open_on("challenges", on)
        for organisation in challenge.identified_by:
            self._active_member(organisation, on)
        if any(c.id == challenge.id for c in self.challenges):
            raise ModelError(
                "Partnership", "challenges", challenge.id, "challenge id already in use"
            )
        return attrs.evolve(self, challenges=(*self.challenges, challenge))

    def set_goal(self, goal: Goal, *, on: pendulum.Date) -> Partnership:
        """Add ``goal``, or replace the goal with its id, as decided on ``on``.

        Raises:
            ModelError: The lifecycle had ended by ``on``, an owner is not a member on
                ``on``, or a challenge it answers had not been identified by ``on``.
        """
        self._open_on("goals", on)
        for organisation in goal.owners:
            self._active_member(organisation, on)
        known = {c.id for c in self.challenges if c.identified_on <= on}
        for challenge in goal.challenges:
            if challenge not in known:
                raise ModelError(
                    "Goal", "challenges", challenge, f"no challenge identified by {on}"
                )
        return attrs.evolve(self, goals=_put(self.goals, goal, lambda g: g.id))

    def conclude(self, agreement: Agreement, *, on: pendulum.Date) -> Partnership:
        """Add ``agreement``, concluded on ``on``; parties sign it with :meth:`sign`.

        Signatures it already carries must be dated on or before ``on``.

        Raises:
            ModelError: The lifecycle had ended by ``on``, its id is taken, its parent
                is not one of the partnership's agreements, or a signature is dated
                after ``on``.
        """
        self._open_on("agreements", on)
        if any(a.id == agreement.id for a in self.agreements):
            raise ModelError(
                "Partnership", "agreements", agreement.id, "agreement id already in use"
            )
        if agreement.parent is not None and all(a.id != agreement.parent for a in self.agreements):
            raise ModelError("Agreement", "parent", agreement.parent, "no such agreement")
        for party in agreement.parties:
            if party.signed_on is not None and party.signed_on > on:
                raise ModelError(
                    "Signature", "signed_on", party.signed_on, f"after the agreement ({on})"
                )
        return attrs.evolve(self, agreements=(*self.agreements, agreement))

    def sign(self, agreement: str, organisation: str, *, on: pendulum.Date) -> Partnership:
        """Record that ``organisation`` signed ``agreement`` on ``on``.

        An organisation not yet listed among the parties is added as one.

        Raises:
            UnknownIdError: No agreement has that id (a ``KeyError``).
            ModelError: The lifecycle had ended by ``on``, or ``organisation`` has
                already signed.
        """
        current = self.agreement(agreement)
        self._open_on("agreements", on)
        for party in current.parties:
            if party.organisation == organisation and party.signed_on is not None:
                raise ModelError(
                    "Signature",
                    "signed_on",
                    on,
                    f"{organisation} already signed {agreement} on {party.signed_on}",
                )
        signed = Signature(organisation, on)
        changed = attrs.evolve(
            current, parties=_put(current.parties, signed, lambda s: s.organisation)
        )
        return attrs.evolve(self, agreements=_replace(self.agreements, current, changed))

    def fund(self, funding: Funding, *, on: pendulum.Date) -> Partnership:
        """Add ``funding``, granted on ``on``.

        Raises:
            ModelError: The lifecycle had ended by ``on``, its id is taken, or its term
                ended before ``on``.
        """
        self._open_on("funding", on)
        if any(f.id == funding.id for f in self.funding):
            raise ModelError("Partnership", "funding", funding.id, "funding id already in use")
        end = funding.term.end
        if end is not None and end < on:
            raise ModelError("Funding", "term", end, f"ended before it was granted ({on})")
        return attrs.evolve(self, funding=(*self.funding, funding))

    def set_governance(self, body: GovernanceBody, *, on: pendulum.Date) -> Partnership:
        """Add governance ``body``, or replace the body with its id, from ``on``.

        Raises:
            ModelError: The lifecycle had ended by ``on``, or one of its members is
                not a member of the partnership on ``on``.
        """
        self._open_on("governance", on)
        for organisation in body.members:
            self._active_member(organisation, on)
        return attrs.evolve(self, governance=_put(self.governance, body, lambda b: b.id))

    def as_of(self, day: pendulum.Date) -> Partnership:
        """The partnership as recorded on ``day``.

        Keeps the memberships that had begun, and only the history entries (phases,
        statuses, fulfilments, reviews, signatures, departures, revocations,
        challenges, vision) dated on or before ``day``; what came later is not yet
        known. A member that had left stays in the record with the day it left, so
        its commitments still name a member: :meth:`members_on` gives those taking
        part that day. A lifecycle that began later is left out, and so are links
        from goals to challenges not yet identified. On a day between two lifecycles
        (the earlier ended, the next not begun), memberships and commitments dated
        after the earlier one ended belong to the next and are left out too (design
        decision D31).

        Raises:
            ModelError: No lifecycle of the partnership had begun on ``day``.
        """
        lifecycles = [c for c in (lc.as_of(day) for lc in self.lifecycles) if c is not None]
        if not lifecycles:
            raise ModelError(
                "Partnership", "lifecycle", day, f"{self.id} had not begun on that day"
            )
        # Between lifecycles (the one in view ended, the next not yet begun), what is
        # dated after the end belongs to the next lifecycle and is not yet in view.
        ended = lifecycles[-1].ended
        until = day if ended is None else min(day, ended)
        members = tuple(m.as_of(day) for m in self.members if m.joined <= until)
        commitments = tuple(
            c
            for c in (x.as_of(day) for x in self.commitments)
            if c is not None and c.made_on <= until
        )
        vision = self.vision if self.vision is None or self.vision.agreed_on <= day else None
        challenges = tuple(c for c in self.challenges if c.identified_on <= day)
        known = {c.id for c in challenges}
        goals = tuple(
            g
            if all(c in known for c in g.challenges)
            else attrs.evolve(g, challenges=tuple(c for c in g.challenges if c in known))
            for g in self.goals
        )
        return attrs.evolve(
            self,
            lifecycle=lifecycles[-1],
            earlier=tuple(lifecycles[:-1]),
            members=members,
            commitments=commitments,
            challenges=challenges,
            goals=goals,
            vision=vision,
            agreements=tuple(a.as_of(day) for a in self.agreements),
        )

    def members_on(self, day: pendulum.Date) -> tuple[Membership, ...]:
        """The memberships active on ``day``: joined on or before it and not yet left."""
        return tuple(m for m in self.members if m.active(day))

    def _repr_html_(self) -> str:
        """A compact view for notebooks (see :mod:`samarbejde.model._html`)."""
        from samarbejde.model._html import partnership_html  # noqa: PLC0415 - lazy

        return partnership_html(self)

    # -- helpers ---------------------------------------------------------------

    def _holds(self, mandate: str) -> bool:
        return any(held.id == mandate for _, held in self.mandates())

    def _open_on(self, field: str, on: pendulum.Date) -> None:
        ended = self.lifecycle.ended
        if ended is not None and ended <= on:
            raise ModelError("Partnership", field, on, f"the lifecycle ended on {ended}")

    def _active_member(self, organisation: str, on: pendulum.Date) -> Membership:
        for member in self.members:
            if member.organisation == organisation:
                if not member.active(on):
                    raise ModelError(
                        "Partnership", "members", organisation, f"is not a member on {on}"
                    )
                return member
        raise ModelError("Partnership", "members", organisation, "is not a member")


def _find(items: Iterable[T], match: Callable[[T], bool], record: str, key: str) -> T:
    for item in items:
        if match(item):
            return item
    raise UnknownIdError(record, key)


def _put(items: tuple[T, ...], item: T, key: Callable[[T], str]) -> tuple[T, ...]:
    """``items`` with ``item`` in place of the one with its id, or added at the end."""
    wanted = key(item)
    if any(key(old) == wanted for old in items):
        return tuple(item if key(old) == wanted else old for old in items)
    return (*items, item)
