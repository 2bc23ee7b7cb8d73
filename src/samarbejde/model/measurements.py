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
    if len({m.on for m in measurements}) < 2:
        return None
    first = min(m.on for m in measurements)
    xs = [Fraction((m.on - first).days) for m in measurements]
    ys = [Fraction(m.value) for m in measurements]
    mean_x, mean_y = Fraction(sum(xs), len(xs)), Fraction(sum(ys), len(ys))
    dx = [x - mean_x for x in xs]
    slope = Fraction(sum(a * (y - mean_y) for a, y in zip(dx, ys, strict=True))) / Fraction(
        sum(a * a for a in dx)
    )
    at = mean_y + slope * (Fraction((due - first).days) - mean_x)
    places = max(0, *(-int(m.value.as_tuple().exponent) for m in measurements)) + 2
    with localcontext() as context:
        context.prec = 80
        exact = Decimal(at.numerator) / Decimal(at.denominator)
        return exact.quantize(Decimal(1).scaleb(-places))
