"""Budget periods of at most a year: a term cut at the start of each (financial) year."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Context, Decimal

import pendulum

__all__ = ["share", "sum_exactly", "wide", "year_periods"]


def _year_start(day: pendulum.Date, first_month: int) -> pendulum.Date:
    year = day.year if day.month >= first_month else day.year - 1
    return pendulum.Date(year, first_month, 1)


def year_periods(
    start: pendulum.Date, end: pendulum.Date, *, first_month: int = 1
) -> Iterator[tuple[pendulum.Date, pendulum.Date]]:
    """The periods of the term ``start`` .. ``end`` (both included) inside one year each.

    A year begins on the first day of ``first_month`` (1: the calendar year; 7: a
    financial year from July). Each period is at most a year long, and the periods
    follow each other without overlap or gap.

    >>> periods = year_periods(pendulum.Date(2024, 9, 1), pendulum.Date(2025, 3, 31))
    >>> [f"{a}..{b}" for a, b in periods]
    ['2024-09-01..2024-12-31', '2025-01-01..2025-03-31']
    """
    if not 1 <= first_month <= 12:
        raise ValueError(f"first_month must be a month, 1 to 12, not {first_month!r}")
    current = start
    while current <= end:
        year_start = _year_start(current, first_month)
        next_start = pendulum.Date(year_start.year + 1, first_month, 1)
        last = min(end, next_start.subtract(days=1))
        yield current, last
        if last == end:
            return
        current = next_start


def share(amount: Decimal, periods: list[tuple[pendulum.Date, pendulum.Date]]) -> list[Decimal]:
    """``amount`` shared over ``periods`` by their days: hundredths rounded down, the rest last.

    >>> share(Decimal("100"), [(pendulum.Date(2024, 1, 1), pendulum.Date(2024, 1, 1))] * 3)
    [Decimal('33.33'), Decimal('33.33'), Decimal('33.34')]
    """
    days = [(b - a).days + 1 for a, b in periods]
    total = sum(days)
    exact = wide(amount)  # every digit of a huge amount kept
    shares = [
        exact.divide(exact.multiply(amount, d), total).quantize(_CENT, ROUND_DOWN, exact)
        for d in days[:-1]
    ]
    return [*shares, exact.subtract(amount, sum_exactly(shares))]


_CENT = Decimal("0.01")


def wide(*amounts: Decimal) -> Context:
    """A decimal context with room for every digit of ``amounts`` and their sums."""
    digits = max((_digits(a) for a in amounts), default=0)
    return Context(prec=max(28, digits + 24), rounding=ROUND_HALF_EVEN)


def _digits(amount: Decimal) -> int:
    sign_digits_exponent = amount.as_tuple()
    exponent = sign_digits_exponent.exponent
    shift = abs(exponent) if isinstance(exponent, int) else 0
    return len(sign_digits_exponent.digits) + shift


def sum_exactly(amounts: list[Decimal]) -> Decimal:
    """The sum of ``amounts``, with no digit rounded away."""
    context = wide(*amounts)
    total = Decimal(0)
    for amount in amounts:
        total = context.add(total, amount)
    return total
