"""The two lifecycles: fixed-term projects and long-term strategic partnerships."""

from __future__ import annotations

from typing import Any, ClassVar, Literal, cast

import attrs
import pendulum

from samarbejde.model._checks import (
    OrUnknown,
    because,
    fail,
    in_date_order,
    instance_of,
    is_date,
    is_optional_duration,
    is_optional_id,
    is_optional_text,
    is_when,
    tuple_of,
)
from samarbejde.model._whole_durations import KeepsDurations
from samarbejde.model.approximate import When, first_day, last_day, may_be_by, surely_before
from samarbejde.model.enums import ProjectPhase, ReviewOutcome, StrategicPhase
from samarbejde.model.history import PhaseChange, check_history
from samarbejde.model.terms import Term, add_duration
from samarbejde.model.transitions import PROJECT_PHASES, STRATEGIC_PHASES
from samarbejde.model.unknown import UNKNOWN, Unknown

__all__ = ["Lifecycle", "ProjectLifecycle", "Review", "StrategicLifecycle"]


def _project_term(instance: object, attribute: attrs.Attribute[Any], value: Term) -> None:
    if value.end is None:
        fail(instance, attribute, value, because("project_term"))


def _project_phases(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[PhaseChange[Any], ...]
) -> None:
    for change in value:
        if change.phase is UNKNOWN:
            fail(instance, attribute, change.phase, because("project_known"))
        if not isinstance(change.phase, ProjectPhase):
            fail(instance, attribute, change.phase, because("not_project_phase"))
    check_history(instance, attribute, [(c.phase, c.on) for c in value], PROJECT_PHASES)


def _strategic_phases(
    instance: StrategicLifecycle,
    attribute: attrs.Attribute[Any],
    value: tuple[PhaseChange[Any], ...],
) -> None:
    for change in value:
        if change.phase is not UNKNOWN and not isinstance(change.phase, StrategicPhase):
            fail(instance, attribute, change.phase, because("not_strategic_phase"))
    check_history(instance, attribute, [(c.phase, c.on) for c in value], STRATEGIC_PHASES)
    first = value[0]
    if surely_before(first.on, first_day(instance.since)):
        fail(
            instance, attribute, first.on, because("first_before_since", since=f"{instance.since}")
        )
    if first.phase is UNKNOWN and last_day(first.on) > last_day(instance.since):
        fail(
            instance,
            attribute,
            first.on,
            because("unknown_after_since", since=f"{instance.since}"),
        )


def _phase_on(phases: tuple[PhaseChange[Any], ...], day: pendulum.Date) -> Any:
    """The phase of the last entry of ``phases`` that may have begun by ``day``, or ``None``."""
    current = None
    for change in phases:
        if not may_be_by(change.on, day):
            break
        current = change.phase
    return current


@attrs.frozen
class ProjectLifecycle:
    """A fixed-term project (*projektsamarbejde*), usually one grant and one owner.

    Attributes:
        term: The project period; must have an end date.
        phases: Dated phase history, oldest first; never empty.
        owner: The id of the accountable organisation.
    """

    form: ClassVar[Literal["project"]] = "project"

    term: Term = attrs.field(validator=[instance_of(Term), _project_term])
    phases: tuple[PhaseChange[ProjectPhase], ...] = attrs.field(
        validator=[tuple_of(PhaseChange), _project_phases]
    )
    owner: str | None = attrs.field(default=None, validator=is_optional_id)

    @property
    def phase(self) -> ProjectPhase:
        """The current phase (a project's phases are always known)."""
        return cast("ProjectPhase", self.phases[-1].phase)

    @property
    def started(self) -> pendulum.Date:
        """The date of the first phase entry."""
        return first_day(self.phases[0].on)

    @property
    def began(self) -> When:
        """The date of the first phase entry (a project's is always a day)."""
        return self.phases[0].on

    @property
    def ended(self) -> pendulum.Date | None:
        """The date a final phase was entered, or ``None`` while it lasts."""
        last = self.phases[-1]
        return first_day(last.on) if PROJECT_PHASES.is_final(self.phase) else None

    def phase_on(self, day: pendulum.Date) -> ProjectPhase | None:
        """The phase on ``day``: that of the last entry by then; ``None`` before the first."""
        return cast("ProjectPhase | None", _phase_on(self.phases, day))

    def as_of(self, day: pendulum.Date) -> ProjectLifecycle | None:
        """The lifecycle as recorded on ``day``; ``None`` if it began later."""
        phases = tuple(p for p in self.phases if may_be_by(p.on, day))
        if not phases:
            return None
        return self if len(phases) == len(self.phases) else attrs.evolve(self, phases=phases)


@attrs.frozen
class Review:
    """A periodic review of a strategic partnership.

    Attributes:
        on: The date of the review.
        outcome: ``continued``, ``adjusted``, ``renewed`` or ``dissolved``.
        note: Free text; may hold personal data and is removed by ``redact``.
    """

    on: pendulum.Date = attrs.field(validator=is_date)
    outcome: ReviewOutcome = attrs.field(validator=instance_of(ReviewOutcome))
    note: str | None = attrs.field(
        default=None, validator=is_optional_text, metadata={"personal": True}
    )


def _reviews(
    instance: StrategicLifecycle, attribute: attrs.Attribute[Any], value: tuple[Review, ...]
) -> None:
    in_date_order(instance, attribute, (r.on for r in value))
    if value and surely_before(value[0].on, first_day(instance.since)):
        fail(
            instance,
            attribute,
            value[0].on,
            because("review_before_since", since=f"{instance.since}"),
        )


@attrs.frozen
class StrategicLifecycle(KeepsDurations):
    """A long-term strategic partnership (*langsigtet strategisk samarbejde*).

    Attributes:
        since: When the strategic form began.
        phases: Dated phase history, oldest first; never empty.
        horizon: How long the partners intend to work together; ``None`` is open-ended
            (also when not recorded: see the table of absent values),
            :data:`~samarbejde.UNKNOWN` when the partners set one the sources do not give.
        review_every: How often the partnership is reviewed.
        reviews: Dated reviews with their outcome, oldest first.
    """

    form: ClassVar[Literal["strategic"]] = "strategic"

    since: When = attrs.field(validator=is_when)
    phases: tuple[PhaseChange[StrategicPhase], ...] = attrs.field(
        validator=[tuple_of(PhaseChange), _strategic_phases]
    )
    horizon: pendulum.Duration | Unknown | None = attrs.field(
        default=None, validator=OrUnknown(is_optional_duration)
    )
    review_every: pendulum.Duration | None = attrs.field(
        default=None, validator=is_optional_duration
    )
    reviews: tuple[Review, ...] = attrs.field(default=(), validator=[tuple_of(Review), _reviews])

    @property
    def phase(self) -> StrategicPhase | Unknown:
        """The current phase.

        :data:`~samarbejde.UNKNOWN` while the unknown early history is the latest entry
        (design decision D112).
        """
        return self.phases[-1].phase

    @property
    def started(self) -> pendulum.Date:
        """The first day the first phase entry may be.

        Its day, or the first day of the year or month an unknown early phase is dated
        to (design decisions D72, D112).
        """
        return first_day(self.phases[0].on)

    @property
    def began(self) -> When:
        """The date of the first phase entry as recorded.

        A day, or the year or month of an unknown early phase: what exporters write,
        never an invented day (design decision D112).
        """
        return self.phases[0].on

    @property
    def ended(self) -> pendulum.Date | None:
        """The date the partnership was dissolved, or ``None`` while it lasts."""
        last = self.phases[-1]
        if last.phase is UNKNOWN or not STRATEGIC_PHASES.is_final(last.phase):
            return None
        return first_day(last.on)

    def phase_on(self, day: pendulum.Date) -> StrategicPhase | Unknown | None:
        """The phase on ``day``: that of the last entry that may have begun by then.

        :data:`~samarbejde.UNKNOWN` while the unknown early history is the latest
        (from the first day it is dated to); ``None`` before the first entry.
        """
        return cast("StrategicPhase | Unknown | None", _phase_on(self.phases, day))

    @property
    def horizon_end(self) -> pendulum.Date | Unknown | None:
        """``since`` plus ``horizon``; ``None`` when open-ended, ``UNKNOWN`` when unknown.

        When ``since`` is approximate this is its last day plus ``horizon``: the day
        by which the horizon has surely ended (design decision D72).
        """
        if self.horizon is None or self.horizon is UNKNOWN:
            return self.horizon
        return add_duration(last_day(self.since), self.horizon)

    def next_review(self) -> pendulum.Date | None:
        """When the next review is due: the last review (or ``since``) plus ``review_every``."""
        if self.review_every is None:
            return None
        last = self.reviews[-1].on if self.reviews else last_day(self.since)
        return add_duration(last, self.review_every)

    def as_of(self, day: pendulum.Date) -> StrategicLifecycle | None:
        """The lifecycle as recorded on ``day``; ``None`` if it began later."""
        phases = tuple(p for p in self.phases if may_be_by(p.on, day))
        if not phases:
            return None
        reviews = tuple(r for r in self.reviews if r.on <= day)
        if len(phases) == len(self.phases) and len(reviews) == len(self.reviews):
            return self
        return attrs.evolve(self, phases=phases, reviews=reviews)


#: Either lifecycle; documents tell them apart by ``form``.
Lifecycle = ProjectLifecycle | StrategicLifecycle
