"""ISO text of the model's values: one reader and one writer per kind.

Dates are ``YYYY-MM-DD``, durations ISO 8601 with their parts kept (``P2W`` stays
``P2W``, ``P12M`` stays twelve months, four hours are ``PT4H``), decimals plain text
without exponent or trailing zeros. Documents, the JSON Schema, rule messages,
maturity facts and plots all write these values through this module, so a finding
says ``every P2W`` when the document says ``review_every: P2W``.

The ``*_PATTERN`` texts are the regular expressions the readers apply, written in the
common subset of Python and ECMA-262 regular expressions so the JSON Schema states
them as they are.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pendulum

from samarbejde.model.approximate import Approximate, When
from samarbejde.model.errors import ModelError, SamarbejdeError

__all__ = [
    "DATE_PATTERN",
    "DECIMAL_PATTERN",
    "DURATION_PATTERN",
    "WHEN",
    "WHEN_PATTERN",
    "IsoTextError",
    "read_date",
    "read_decimal",
    "read_duration",
    "read_when",
    "write_date",
    "write_decimal",
    "write_duration",
    "write_when",
]

#: A calendar date, ``YYYY-MM-DD`` (the reader also checks that the day exists).
DATE_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
#: A date or an approximate one (ISO 8601 of reduced precision): ``YYYY-MM-DD``,
#: ``YYYY-MM`` or ``YYYY`` (design decision D71).
WHEN_PATTERN = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
#: An ISO 8601 duration: years, months, weeks, days, then hours, minutes and seconds
#: (to the microsecond), each optional but at least one present.
DURATION_PATTERN = (
    r"P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?"
    r"(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]{1,6})?S)?)?"
)
#: A decimal number as text: an optional sign, digits, optionally a point and digits.
DECIMAL_PATTERN = r"[+-]?[0-9]+(\.[0-9]+)?"

_DATE = re.compile(DATE_PATTERN)
#: :data:`WHEN_PATTERN` compiled (the document reader tells form from value with it).
WHEN = re.compile(WHEN_PATTERN)
_DURATION = re.compile(DURATION_PATTERN)
_DECIMAL = re.compile(DECIMAL_PATTERN)
_DATE_PARTS = ("years", "months", "weeks", "days")
_TIME_PARTS = ("hours", "minutes")


class IsoTextError(SamarbejdeError, ValueError):
    """A text is not the ISO form of the value asked for.

    Attributes:
        message: What is wrong, in English, naming the form expected.
    """

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)

    def __reduce__(self) -> tuple[type[IsoTextError], tuple[str]]:
        return type(self), (self.message,)


def read_date(text: str) -> pendulum.Date:
    """Read a calendar date written ``YYYY-MM-DD``.

    Raises:
        IsoTextError: The text is not of that form, or names a day that does not exist.

    >>> read_date("2024-02-29")
    Date(2024, 2, 29)
    """
    if not _DATE.fullmatch(text):
        raise IsoTextError(f"expected a date (YYYY-MM-DD), got {text!r}")
    try:
        return pendulum.Date.fromisoformat(text)
    except ValueError:
        raise IsoTextError(f"not a calendar date: {text!r}") from None


def write_date(value: pendulum.Date) -> str:
    """Write a date as ``YYYY-MM-DD``; the inverse of :func:`read_date`.

    >>> write_date(pendulum.Date(2024, 2, 29))
    '2024-02-29'
    """
    return value.isoformat()


def read_when(text: str) -> When:
    """Read a date (``YYYY-MM-DD``) or an approximate one (``YYYY-MM`` or ``YYYY``).

    Raises:
        IsoTextError: The text is none of those forms, or names a day or month that
            does not exist.

    >>> read_when("2019-03"), read_when("2017")
    (Approximate(year=2019, month=3), Approximate(year=2017, month=None))
    """
    if not WHEN.fullmatch(text):
        raise IsoTextError(f"expected a date (YYYY-MM-DD, YYYY-MM or YYYY), got {text!r}")
    if len(text) == 10:
        return read_date(text)
    try:
        return Approximate(int(text[:4]), int(text[5:]) if len(text) > 4 else None)
    except ModelError:
        raise IsoTextError(f"not a calendar year or month: {text!r}") from None


def write_when(value: When) -> str:
    """Write a date as ``YYYY-MM-DD`` and an approximate one as ``YYYY-MM`` or ``YYYY``.

    >>> write_when(Approximate(2019, 3)), write_when(pendulum.Date(2019, 3, 1))
    ('2019-03', '2019-03-01')
    """
    return str(value) if isinstance(value, Approximate) else value.isoformat()


def read_duration(text: str) -> pendulum.Duration:
    """Read an ISO 8601 duration such as ``P10Y``, ``P1Y6M``, ``P2W`` or ``PT4H``.

    Years, months and days stay apart, so ``P12M`` is twelve months, not a year.

    Raises:
        IsoTextError: The text is not such a duration.

    >>> read_duration("P1Y6M").months
    6
    """
    match = _DURATION.fullmatch(text)
    if match is None:
        raise IsoTextError(f"expected an ISO 8601 duration such as P1Y, P3M or P2W, got {text!r}")
    groups = match.groups()
    named = zip((*_DATE_PARTS, "", *_TIME_PARTS), groups[:7], strict=True)
    try:
        parts = {name: int(group[:-1]) for name, group in named if group and name}
        seconds = groups[7]
        if seconds:
            whole, _, fraction = seconds[:-1].partition(".")
            parts["seconds"] = int(whole)
            if fraction:
                parts["microseconds"] = int(fraction.ljust(6, "0"))
        return pendulum.Duration(**parts)
    except (OverflowError, ValueError):  # more digits than a duration holds
        raise IsoTextError(f"the duration {text[:40]!r} is too long to represent") from None


def write_duration(value: pendulum.Duration) -> str:
    """Write a duration in ISO 8601; the inverse of :func:`read_duration`.

    Years and months stay as they are; whole weeks are written in weeks (``P2W``),
    other days in days (``P10D``); hours, minutes and seconds after ``T``.

    >>> write_duration(pendulum.duration(years=1, months=6))
    'P1Y6M'
    >>> write_duration(pendulum.duration(weeks=2)), write_duration(pendulum.duration(hours=4))
    ('P2W', 'PT4H')
    """
    out = "P"
    if value.years:
        out += f"{value.years}Y"
    if value.months:
        out += f"{value.months}M"
    days = value.remaining_days + value.weeks * 7
    if days:
        out += f"{days // 7}W" if days % 7 == 0 else f"{days}D"
    hours, rest = divmod(value.seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours or minutes or secs or value.microseconds:
        out += "T"
        out += f"{hours}H" if hours else ""
        out += f"{minutes}M" if minutes else ""
        if value.microseconds:
            out += f"{secs}.{value.microseconds:06d}".rstrip("0") + "S"
        elif secs:
            out += f"{secs}S"
    return out if out != "P" else "P0D"


def read_decimal(text: str) -> Decimal:
    """Read a decimal written as plain text (``"25.5"``, ``"-3"``), never an exponent.

    Raises:
        IsoTextError: The text is not such a number.

    >>> read_decimal("25.50")
    Decimal('25.50')
    """
    if not _DECIMAL.fullmatch(text):
        raise IsoTextError(f'expected a decimal number written as text, e.g. "25.5", got {text!r}')
    return Decimal(text)


def write_decimal(value: Decimal) -> str:
    """Write a decimal without exponent or trailing zeros: equal values, equal text.

    >>> write_decimal(Decimal("25.500")), write_decimal(Decimal("1E+2"))
    ('25.5', '100')
    """
    text = format(value, "f")  # exact: no rounding to the context's precision
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "0") else text
