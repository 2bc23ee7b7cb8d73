"""A date known only to its year or its month (design decisions D71-D74).

Public sources say "launched in 2017" or "joined in March 2019". :class:`Approximate`
states that, and nothing more: it is the interval of days from :attr:`~Approximate.first`
to :attr:`~Approximate.last`, never one invented day. The fields that take one are
typed :data:`When` (a ``pendulum.Date`` or an ``Approximate``); every question about
time asks through the helpers here, which answer for the whole interval:

- :func:`surely_before` / :func:`surely_after`: the whole interval is before or after
  a day (a rule fires only then);
- :func:`may_be_by` / :func:`surely_by`: some or every day of the interval is on or
  before a day (``as_of`` keeps what may have happened by its day);
- :func:`first_day` / :func:`last_day`: the interval's ends (an exact day is both);
- :func:`is_approximate`: whether a value is an interval at all.

>>> march = Approximate(2019, 3)
>>> str(march), march.first, march.last
('2019-03', Date(2019, 3, 1), Date(2019, 3, 31))
>>> day = pendulum.Date(2019, 3, 15)
>>> surely_before(march, pendulum.Date(2019, 4, 1)), surely_before(march, day)
(True, False)
>>> may_be_by(march, day), surely_by(march, day)
(True, False)
"""

from __future__ import annotations

import calendar
from typing import Any, TypeAlias, Union

import attrs
import pendulum

from samarbejde.model.errors import ModelError

__all__ = [
    "Approximate",
    "When",
    "first_day",
    "is_approximate",
    "last_day",
    "may_be_by",
    "surely_after",
    "surely_before",
    "surely_by",
]


_LAST_YEAR, _LAST_MONTH = 9999, 12


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 1 <= value <= _LAST_YEAR:
        raise ModelError("Approximate", attribute.name, value, "must be a year from 1 to 9999")


def _month(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= _LAST_MONTH):
        raise ModelError("Approximate", attribute.name, value, "must be a month from 1 to 12")


@attrs.frozen
class Approximate:
    """A date known to its year (``Approximate(2017)``) or month (``Approximate(2019, 3)``).

    It stands for every day of that year or month; ISO 8601 writes it with reduced
    precision, ``2017`` or ``2019-03``.

    Attributes:
        year: The year, 1 to 9999.
        month: The month, 1 to 12, or ``None`` when only the year is known.
    """

    year: int = attrs.field(validator=_year)
    month: int | None = attrs.field(default=None, validator=_month)

    @property
    def first(self) -> pendulum.Date:
        """The first day it may be."""
        return pendulum.Date(self.year, self.month or 1, 1)

    @property
    def last(self) -> pendulum.Date:
        """The last day it may be."""
        month = self.month or 12
        return pendulum.Date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        """The ISO 8601 text of reduced precision: ``2017`` or ``2019-03``."""
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"


#: A day, or one known only to its year or month: the type of the fields that take
#: either (the document format's "date or approximate date").
When: TypeAlias = Union[pendulum.Date, Approximate]  # noqa: UP007 - a runtime union key


def is_approximate(value: object) -> bool:
    """Whether ``value`` is an :class:`Approximate` date (not an exact day)."""
    return type(value) is Approximate


def first_day(value: When) -> pendulum.Date:
    """The first day ``value`` may be: itself for an exact day."""
    return value.first if isinstance(value, Approximate) else value


def last_day(value: When) -> pendulum.Date:
    """The last day ``value`` may be: itself for an exact day."""
    return value.last if isinstance(value, Approximate) else value


def surely_before(value: When, day: pendulum.Date) -> bool:
    """Whether every day ``value`` may be comes before ``day``.

    >>> surely_before(Approximate(2017), pendulum.Date(2018, 1, 1))
    True
    """
    return last_day(value) < day


def surely_after(value: When, day: pendulum.Date) -> bool:
    """Whether every day ``value`` may be comes after ``day``.

    >>> surely_after(Approximate(2017), pendulum.Date(2017, 6, 1))
    False
    """
    return first_day(value) > day


def may_be_by(value: When, day: pendulum.Date) -> bool:
    """Whether ``value`` may be on or before ``day`` (its first day is)."""
    return first_day(value) <= day


def surely_by(value: When, day: pendulum.Date) -> bool:
    """Whether ``value`` is surely on or before ``day`` (its last day is)."""
    return last_day(value) <= day
