"""Periods of time: :class:`Term` and calendar arithmetic with durations."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import because, fail, is_date, is_optional_date

__all__ = ["FIRST_DAY", "LAST_DAY", "Term", "add_duration"]

#: The first day of the calendar (``datetime.date.min``).
FIRST_DAY = pendulum.Date(1, 1, 1)
#: The last day of the calendar (``datetime.date.max``): ``add_duration`` clamps to it.
LAST_DAY = pendulum.Date(9999, 12, 31)


def _end_not_before_start(instance: Term, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value < instance.start:  # type: ignore[operator]
        fail(instance, attribute, value, because("ends_before_start", start=str(instance.start)))


@attrs.frozen
class Term:
    """A period of calendar days, both ends inclusive.

    Attributes:
        start: The first day.
        end: The last day, or ``None`` when the term is open-ended.

    >>> year = Term(pendulum.Date(2021, 1, 1), pendulum.Date(2021, 12, 31))
    >>> year.contains(pendulum.Date(2021, 6, 1))
    True
    """

    start: pendulum.Date = attrs.field(validator=is_date)
    end: pendulum.Date | None = attrs.field(
        default=None, validator=[is_optional_date, _end_not_before_start]
    )

    @property
    def open_ended(self) -> bool:
        """Whether the term has no end date."""
        return self.end is None

    def contains(self, day: pendulum.Date) -> bool:
        """Whether ``day`` falls inside the term."""
        return self.start <= day and (self.end is None or day <= self.end)

    def covers(self, other: Term) -> bool:
        """Whether ``other`` lies wholly inside this term."""
        if other.start < self.start:
            return False
        if self.end is None:
            return True
        return other.end is not None and other.end <= self.end

    def overlaps(self, other: Term) -> bool:
        """Whether the two terms share at least one day."""
        return (self.end is None or other.start <= self.end) and (
            other.end is None or self.start <= other.end
        )

    def ended_by(self, day: pendulum.Date) -> bool:
        """Whether the term's last day lies before ``day``."""
        return self.end is not None and self.end < day

    def until(self, day: pendulum.Date) -> Term | None:
        """The part of the term up to and including ``day`` (``None`` if it starts later)."""
        if day < self.start:
            return None
        if self.end is not None and self.end <= day:
            return self
        return Term(self.start, day)


def add_duration(day: pendulum.Date, duration: pendulum.Duration) -> pendulum.Date:
    """Add a calendar duration (years, months, then days) to a date.

    Unlike adding a ``timedelta``, ``P1Y`` added to 2020-02-29 gives 2021-02-28 and
    ``P1M`` added to 2021-01-31 gives 2021-02-28.

    The calendar ends on 9999-12-31 (and begins on 0001-01-01): a result beyond it is
    clamped to that last (or first) day, so a horizon of thousands of years or a review
    due after year 9999 gives a date instead of an error.

    >>> add_duration(pendulum.Date(2020, 1, 31), pendulum.duration(months=1))
    Date(2020, 2, 29)
    >>> add_duration(pendulum.Date(9000, 1, 1), pendulum.duration(years=5000))
    Date(9999, 12, 31)
    """
    days = duration.remaining_days + duration.weeks * 7
    try:
        moved = day.add(years=duration.years, months=duration.months)
        result: pendulum.Date = moved.add(days=days) if days else moved
    except (OverflowError, ValueError):  # beyond the calendar: clamp to its end
        forward = (duration.years, duration.months, days) >= (0, 0, 0)
        return LAST_DAY if forward else FIRST_DAY
    return result
