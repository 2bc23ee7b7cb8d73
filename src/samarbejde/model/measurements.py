"""Shared measurement (*fælles måling*): a goal's indicator measured over the years.

A :class:`Measurement` is a dated value of a goal's indicator with where it came from,
who reported it and who approved it - organisations and posts, never named people
(design decision D95). It is a point value (``on``) or the value of a period (``since``
to ``on``, e.g. a school year), as the goal's target is.

:func:`projection` states the one method by which a goal is *off track* (D96): the
least-squares line through the measurements, read on the goal's due date.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    because,
    fail,
    is_date,
    is_decimal,
    is_optional_date,
    is_optional_id,
    is_optional_text,
)

__all__ = ["Measurement", "projection"]


def _since(instance: Measurement, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, pendulum.Date) and value > instance.on:
        fail(instance, attribute, value, because("period_on", on=f"{instance.on}"))


@attrs.frozen
class Measurement:
    """A value of a goal's indicator on a day or over a period (*måling*).

    Attributes:
        on: The day the value is for: a point, or the last day of its period.
        value: The indicator's value, in the goal's measure and unit.
        since: The first day of the period it covers; ``None`` for a point value.
        source: Where the value comes from, e.g. ``"Danmarks Statistik, RAS"``.
        reported_by: Id of the organisation that reported it.
        reported_post: The post that reported it (``"analysechef"``), never a person.
        approved_by: Id of the organisation that approved it.
        approved_post: The post or body that approved it (``"styregruppen"``).
    """

    on: pendulum.Date = attrs.field(validator=is_date)
    value: Decimal = attrs.field(validator=is_decimal)
    since: pendulum.Date | None = attrs.field(default=None, validator=[is_optional_date, _since])
    source: str | None = attrs.field(default=None, validator=is_optional_text)
    reported_by: str | None = attrs.field(default=None, validator=is_optional_id)
    reported_post: str | None = attrs.field(default=None, validator=is_optional_text)
    approved_by: str | None = attrs.field(default=None, validator=is_optional_id)
    approved_post: str | None = attrs.field(default=None, validator=is_optional_text)


def projection(measurements: Sequence[Measurement], due: pendulum.Date) -> Decimal | None:
    """The indicator's value on ``due`` by the linear trend of ``measurements``.

    The method (D96): the ordinary least-squares line through the points (day of each
    measurement, its value), computed exactly in fractions and read on ``due``, rounded
    to the measurements' most decimal places plus two. A period value counts on its
    last day. ``None`` with fewer than two measurements on different days: one point
    gives no trend. The baseline is not a point: it has no date.

    >>> m = [Measurement(pendulum.Date(2021, 1, 1), Decimal(10)),
    ...      Measurement(pendulum.Date(2022, 1, 1), Decimal(12))]
    >>> projection(m, pendulum.Date(2023, 1, 1))
    Decimal('14.00')
    """
    days = [m.on.toordinal() for m in measurements]  # whole days, as `(on - first).days`
    if len(set(days)) < 2:
        return None
    # Exactly in integers: each value is its digits times 10 ** -scale, the same scale
    # for all, so the line's value on `due` is one fraction, reduced once (a fraction per
    # sum and product cost a goal a third of a millisecond in a national validation).
    scale = max(0, *(-int(m.value.as_tuple().exponent) for m in measurements))
    ys = [_scaled(m.value, scale) for m in measurements]
    n, sx, sy = len(days), sum(days), sum(ys)
    sxx = sum(x * x for x in days)
    sxy = sum(x * y for x, y in zip(days, ys, strict=True))
    spread = n * sxx - sx * sx  # n² times the variance of the days: > 0, as they differ
    # mean_y + slope * (due - mean_x), with slope = (n sxy - sx sy) / spread
    at = Fraction(
        sy * spread + (n * sxy - sx * sy) * (n * due.toordinal() - sx),
        n * spread * 10**scale,
    )
    with localcontext() as context:
        context.prec = 80
        exact = Decimal(at.numerator) / Decimal(at.denominator)
        return exact.quantize(Decimal(1).scaleb(-(scale + 2)))


def _scaled(value: Decimal, scale: int) -> int:
    """``value`` times ``10 ** scale``, exactly, for a scale at least its own decimal places."""
    sign, digits, exponent = value.as_tuple()
    whole: int = int("".join(map(str, digits))) * 10 ** (int(exponent) + scale)
    return -whole if sign else whole
