"""Partnership operations on the lifecycle: advance, review, make strategic, as of a day."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model._checks import because
from samarbejde.model._partnership_bodies import bodies_as_of
from samarbejde.model._partnership_lookups import PartnershipLookups
from samarbejde.model.agreements import Agreement
from samarbejde.model.approximate import When, first_day, may_be_by
from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import ProjectPhase, ReviewOutcome, StrategicPhase
from samarbejde.model.errors import ModelError
from samarbejde.model.history import PhaseChange
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, Review, StrategicLifecycle
from samarbejde.model.transitions import PROJECT_PHASES, STRATEGIC_PHASES

if TYPE_CHECKING:
    from samarbejde.model.partnerships import Partnership

__all__ = ["LifecycleOperations"]


class LifecycleOperations(PartnershipLookups):
    """The lifecycle moves through its phase table; a project may become strategic."""

    __slots__ = ()

    def advance(self, phase: ProjectPhase | StrategicPhase, *, on: pendulum.Date) -> Partnership:
        """Move the current lifecycle to ``phase`` on ``on``.

        Raises:
            TransitionError: The lifecycle's table does not allow the move.
            ModelError: ``on`` is before the last phase entry.
        """
        on = days.day(on, "on")
        return self._evolve(lifecycle=_moved(self.lifecycle, phase, on))

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
        on = days.day(on, "on")
        lifecycle = self.lifecycle
        if not isinstance(lifecycle, StrategicLifecycle):
            raise ModelError("Partnership", "lifecycle", self.form, because("reviews_strategic"))
        if lifecycle.ended is not None:
            raise ModelError(
                "StrategicLifecycle",
                "reviews",
                on,
                because("dissolved", ended=str(lifecycle.ended)),
            )
        review = Review(on, outcome, note)
        reviewed = self._evolve(
            lifecycle=attrs.evolve(lifecycle, reviews=(*lifecycle.reviews, review))
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
        ``closing → closed``, or ``planned → cancelled``) - or, when its term had run
        out before ``on``, on the day after the term's last day (not before its last
        phase entry), so that it runs through its term and no longer - kept in
        ``earlier``, and a
        strategic lifecycle starts in ``phase`` (``exploring`` or ``forming``).
        Members, goals and commitments carry over unchanged.

        Raises:
            ModelError: The partnership is already strategic.
            TransitionError: The project cannot be closed from its phase, or ``phase``
                is not a strategic start phase.
        """
        on = days.day(on, "on")
        project = self.lifecycle
        if not isinstance(project, ProjectLifecycle):
            raise ModelError("Partnership", "lifecycle", self.form, because("already_strategic"))
        steps = {
            ProjectPhase.RUNNING: (ProjectPhase.CLOSING, ProjectPhase.CLOSED),
            ProjectPhase.CLOSING: (ProjectPhase.CLOSED,),
            ProjectPhase.PLANNED: (ProjectPhase.CANCELLED,),
        }.get(project.phase, (ProjectPhase.CLOSED,))
        closed: Lifecycle = project
        if not PROJECT_PHASES.is_final(project.phase):
            # A project whose term had run out closed then (the day after its last day,
            # so that it runs through its term), not on the strategic start.
            end = project.term.end
            after = None if end is None else end.add(days=1)
            closing = (
                on if after is None or on <= after else max(after, first_day(project.phases[-1].on))
            )
            for step in steps:
                closed = _moved(closed, step, closing)
        STRATEGIC_PHASES.check("StrategicLifecycle", "phases", None, phase)
        strategic = StrategicLifecycle(
            since=on,
            phases=(PhaseChange(phase, on),),
            horizon=horizon,
            review_every=review_every,
        )
        return self._evolve(lifecycle=strategic, earlier=(*self.earlier, closed))

    def as_of(self, day: pendulum.Date) -> Partnership:
        """The partnership as recorded on ``day``.

        Keeps the memberships that had begun, and only the history entries (phases,
        statuses, fulfilments, reviews, signatures, departures, revocations,
        challenges, vision, involvement events) and the records (goals, agreements,
        funding, plan periods, the secretariat, by the day their operation gave them)
        dated on or before ``day``; a governance body is shown as its version then in
        force (design decision D88), and an event's links to challenges not yet
        identified are left out; what came later is not yet known, and a commitment's or
        plan period's link to a goal or agreement not yet known is left out (design
        decision D63). A record with no such day is in
        every view. A member that had left stays in the record with the day it left, so
        its commitments still name a member: :meth:`members_on` gives those taking
        part that day. A lifecycle that began later is left out, and so are links
        from goals to challenges not yet identified. On a day between two lifecycles
        (the earlier ended, the next not begun), memberships and commitments dated
        after the earlier one ended belong to the next and are left out too (design
        decision D31).

        Raises:
            ModelError: No lifecycle of the partnership had begun on ``day``.
        """
        day = days.day(day, "day")
        lifecycles = [c for c in (lc.as_of(day) for lc in self.lifecycles) if c is not None]
        if not lifecycles:
            raise ModelError("Partnership", "lifecycle", day, because("not_begun", id=self.id))
        # Between lifecycles (the one in view ended, the next not yet begun), what is
        # dated after the end belongs to the next lifecycle and is not yet in view.
        ended = lifecycles[-1].ended
        until = day if ended is None else min(day, ended)
        members = tuple(m.as_of(day) for m in self.members if may_be_by(m.joined, until))
        goals = tuple(g.as_of(day) for g in self.goals if _by(g.decided_on, until))
        agreements = _parents_in_view(
            tuple(a.as_of(day) for a in self.agreements if _by(a.concluded_on, until)),
            {a.id for a in self.agreements},
        )
        goal_ids = {g.id for g in goals}
        agreement_ids = {a.id for a in agreements}
        commitments = tuple(
            _links_in_view(c, goal_ids, agreement_ids)
            for c in (x.as_of(day) for x in self.commitments)
            if c is not None and c.made_on <= until
        )
        vision = (
            self.vision if self.vision is None or may_be_by(self.vision.agreed_on, day) else None
        )
        challenges = tuple(c for c in self.challenges if may_be_by(c.identified_on, day))
        known = {c.id for c in challenges}
        goals = tuple(
            g
            if all(c in known for c in g.challenges)
            else attrs.evolve(g, challenges=tuple(c for c in g.challenges if c in known))
            for g in goals
        )
        governance, governance_history = bodies_as_of(
            self.governance, self.governance_history, until
        )
        secretariat = self.secretariat
        if secretariat is not None and not _by(secretariat.decided_on, until):
            secretariat = None
        involvement = tuple(
            e
            if all(c in known for c in e.challenges)
            else attrs.evolve(e, challenges=tuple(c for c in e.challenges if c in known))
            for e in self.involvement
            if e.held_on <= until
        )
        seen = {
            "lifecycle": lifecycles[-1],
            "earlier": tuple(lifecycles[:-1]),
            "members": members,
            "commitments": commitments,
            "challenges": challenges,
            "goals": goals,
            "vision": vision,
            "agreements": agreements,
            "funding": tuple(f.as_of(day) for f in self.funding if _by(f.granted_on, until)),
            "periods": tuple(
                p
                if p.agreement is None or p.agreement in agreement_ids
                # a period's agreement not yet concluded is not yet known (D63)
                else attrs.evolve(p, agreement=None)
                for p in self.periods
                if _by(p.decided_on, until)
            ),
            "governance": governance,
            "governance_history": governance_history,
            "secretariat": secretariat,
            "involvement": involvement,
        }
        if all(_same(value, getattr(self, name)) for name, value in seen.items()):
            return cast("Partnership", self)  # nothing in it dated after the day (D109)
        return self._evolve(**seen)


def _same(new: object, old: object) -> bool:
    """Whether ``new`` is ``old``, or a tuple of the very same objects in the same order.

    The records' own ``as_of`` return themselves when nothing in them is dated later,
    so this is the cheap test that a view left everything as it was.
    """
    if new is old:
        return True
    if not isinstance(new, tuple) or not isinstance(old, tuple) or len(new) != len(old):
        return False
    return all(a is b for a, b in zip(new, old))  # noqa: B905 - lengths checked above


def _by(recorded: When | None, until: pendulum.Date) -> bool:
    """Whether a record dated ``recorded`` (``None``: not dated) may be known by ``until``.

    An approximate date counts once its first day has come (design decision D72).
    """
    return recorded is None or may_be_by(recorded, until)


def _parents_in_view(
    agreements: tuple[Agreement, ...], recorded: set[str]
) -> tuple[Agreement, ...]:
    """``agreements`` without a link to a parent that is ``recorded`` but not yet in view.

    A parent id that no agreement has stays, as the error it is (rule S-codes).
    """
    known = {a.id for a in agreements}
    return tuple(
        attrs.evolve(a, parent=None) if a.parent in recorded - known else a for a in agreements
    )


def _links_in_view(commitment: Commitment, goals: set[str], agreements: set[str]) -> Commitment:
    """``commitment`` without links to goals and an agreement not yet in the view.

    ``goals`` and ``agreements`` are the ids of those in the view.
    """
    agreement = commitment.agreement
    if agreement is not None and agreement not in agreements:
        agreement = None
    kept = tuple(g for g in commitment.goals if g in goals)
    if agreement == commitment.agreement and len(kept) == len(commitment.goals):
        return commitment
    return attrs.evolve(commitment, agreement=agreement, goals=kept)


def _moved(
    lifecycle: Lifecycle, phase: ProjectPhase | StrategicPhase, on: pendulum.Date
) -> Lifecycle:
    """``lifecycle`` moved to ``phase`` on ``on``, as its phase table allows."""
    if isinstance(lifecycle, ProjectLifecycle):
        if not isinstance(phase, ProjectPhase):
            raise ModelError("ProjectLifecycle", "phases", phase, because("not_project_phase"))
        PROJECT_PHASES.check("ProjectLifecycle", "phases", lifecycle.phase, phase)
        return attrs.evolve(lifecycle, phases=(*lifecycle.phases, PhaseChange(phase, on)))
    if not isinstance(phase, StrategicPhase):
        raise ModelError("StrategicLifecycle", "phases", phase, because("not_strategic_phase"))
    STRATEGIC_PHASES.check("StrategicLifecycle", "phases", lifecycle.phase, phase)
    return attrs.evolve(lifecycle, phases=(*lifecycle.phases, PhaseChange(phase, on)))
