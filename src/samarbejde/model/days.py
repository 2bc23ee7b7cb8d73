"""The one rule for a day given at the edge of the library (design decision D64).

Every public function and operation that takes a day passes it through :func:`day`
first: a ``pendulum.Date`` is taken as it is, a ``datetime.date`` is converted, and
anything else - a string, a ``pendulum.DateTime`` (itself a ``Date``),
``pendulum.today()``, a ``datetime.datetime`` - is refused with
:class:`~samarbejde.model.errors.DateTypeError` before any rule or operation runs.

>>> import datetime
>>> day(datetime.date(2025, 6, 1), "as_of")
Date(2025, 6, 1)
"""

from __future__ import annotations

import datetime

import pendulum

from samarbejde.model.errors import DateTypeError

__all__ = ["day", "optional_day"]


def day(value: object, name: str) -> pendulum.Date:
    """``value`` as a ``pendulum.Date``, or :class:`DateTypeError` naming ``name``.

    Args:
        value: What the caller gave.
        name: The parameter's name, e.g. ``"as_of"`` or ``"on"``, for the message.

    Raises:
        DateTypeError: ``value`` is not a calendar date (it is also a ``TypeError``).
    """
    if isinstance(value, datetime.datetime):  # pendulum.DateTime too: check it first
        raise DateTypeError(name, value, "use .date()")
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, datetime.date):
        return pendulum.Date(value.year, value.month, value.day)
    hint = "use pendulum.parse(...).date()" if isinstance(value, str) else "give a date"
    raise DateTypeError(name, value, hint)


def optional_day(value: object, name: str) -> pendulum.Date | None:
    """``None`` as it is, anything else through :func:`day`."""
    return None if value is None else day(value, name)
