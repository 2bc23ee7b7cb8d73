"""Shared purpose: :class:`Vision`, :class:`Goal` and :class:`Challenge`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    because,
    fail,
    in_date_order,
    is_id,
    is_ids,
    is_optional_date,
    is_optional_decimal,
    is_optional_duration,
    is_optional_text,
    is_optional_when,
    is_text,
    is_when,
    optional_instance_of,
    tuple_of,
)
from samarbejde.model._whole_durations import KeepsDurations
from samarbejde.model.approximate import When
from samarbejde.model.enums import Direction, Measure
from samarbejde.model.measurements import Measurement
from samarbejde.model.sources import Cited

__all__ = ["Challenge", "Goal", "Vision"]


@attrs.frozen
class Vision(Cited):
    """The partnership's shared vision (*fælles vision*).

    Attributes:
        text: The vision in the partners' own words.
        agreed_on: When it was agreed.
        agreed_by: Ids of the organisations that agreed it.
    """

    text: str = attrs.field(validator=is_text)
    agreed_on: When = attrs.field(validator=is_when)
    agreed_by: tuple[str, ...] = attrs.field(default=(), validator=is_ids)


@attrs.frozen
class Challenge(Cited):
    """A need or problem identified jointly (*udfordring*).

    Attributes:
        id: Unique within the partnership.
        title: A short description.
        identified_on: When it was identified.
        identified_by: Ids of the organisations that identified it.
    """

    id: str = attrs.field(validator=is_id)
    title: str = attrs.field(validator=is_text)
    identified_on: When = attrs.field(validator=is_when)
    identified_by: tuple[str, ...] = attrs.field(default=(), validator=is_ids)


def _unit(instance: Goal, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and instance.measure is not Measure.AMOUNT:
        fail(instance, attribute, value, because("unit_amount"))


def _measurements(
    instance: Goal, attribute: attrs.Attribute[Any], value: tuple[Measurement, ...]
) -> None:
    in_date_order(instance, attribute, (m.on for m in value))


@attrs.frozen
class Goal(Cited, KeepsDurations):
    """A measurable goal (*mål*).

    Attributes:
        id: Unique within the partnership.
        title: A short description.
        indicator: What is measured, e.g. ``"Andel 15-17-årige med fritidsjob (%)"``.
        baseline: The indicator's value at the start.
        target: The value to reach by ``due``.
        due: When the target is to be reached.
        owners: Ids of the organisations that own the goal.
        challenges: Ids of the challenges it answers.
        decided_on: The day the partnership set it, or last changed it (the ``on`` of
            :meth:`~samarbejde.Partnership.set_goal`); a view of an earlier day leaves
            it out. ``None`` when not recorded: then it is in every view (D63).
        measure: What kind of value the indicator is: a number, a percentage, a count
            or an amount in :attr:`unit` (D95).
        unit: The unit of an ``amount`` (``"DKK"``, ``"timer"``); only an amount has one.
        direction: Whether higher or lower is better; ``None`` reads it from baseline
            and target (:attr:`better`).
        measure_every: How often the indicator is to be measured; ``None`` follows the
            partnership's review cadence (D96).
        measurements: The indicator's measured values, oldest first (``on``).
    """

    id: str = attrs.field(validator=is_id)
    title: str = attrs.field(validator=is_text)
    indicator: str | None = attrs.field(default=None, validator=is_optional_text)
    baseline: Decimal | None = attrs.field(default=None, validator=is_optional_decimal)
    target: Decimal | None = attrs.field(default=None, validator=is_optional_decimal)
    due: pendulum.Date | None = attrs.field(default=None, validator=is_optional_date)
    owners: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    challenges: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    decided_on: When | None = attrs.field(default=None, validator=is_optional_when)
    measure: Measure | None = attrs.field(default=None, validator=optional_instance_of(Measure))
    unit: str | None = attrs.field(default=None, validator=[is_optional_text, _unit])
    direction: Direction | None = attrs.field(
        default=None, validator=optional_instance_of(Direction)
    )
    measure_every: pendulum.Duration | None = attrs.field(
        default=None, validator=is_optional_duration
    )
    measurements: tuple[Measurement, ...] = attrs.field(
        default=(), validator=[tuple_of(Measurement), _measurements]
    )

    @property
    def better(self) -> Direction | None:
        """Which way is better: :attr:`direction`, else from baseline to target.

        ``None`` when neither says (no direction, and no baseline and target that differ).

        >>> Goal("g", "Færre ledige", baseline=Decimal(12), target=Decimal(8)).better.value
        'lower'
        """
        if self.direction is not None:
            return self.direction
        if self.baseline is None or self.target is None or self.baseline == self.target:
            return None
        return Direction.HIGHER if self.target > self.baseline else Direction.LOWER

    def reached(self, value: Decimal) -> bool | None:
        """Whether ``value`` reaches the target in the better direction (``None``: unknown)."""
        better = self.better
        if self.target is None or better is None:
            return None
        return value >= self.target if better is Direction.HIGHER else value <= self.target

    def measured(self, measurement: Measurement) -> Goal:
        """The goal with ``measurement`` added after those of its day or earlier."""
        kept = self.measurements
        at = sum(1 for m in kept if m.on <= measurement.on)
        return attrs.evolve(self, measurements=(*kept[:at], measurement, *kept[at:]))

    def as_of(self, day: pendulum.Date) -> Goal:
        """The goal with the measurements dated on or before ``day``."""
        kept = tuple(m for m in self.measurements if m.on <= day)
        return (
            self if len(kept) == len(self.measurements) else attrs.evolve(self, measurements=kept)
        )
