"""Landsbyggefonden's rules for 2019-26 as shipped data (``rules/data``, with provenance).

The thresholds of the ``lbf-2019-26`` profile come from here, not from numbers in the
code: the minimum local co-financing, the length of an indsats and the themes
(indsatsområder) of the period (design decision D94).
"""

from __future__ import annotations

import csv
import functools
import io
from decimal import Decimal
from importlib import resources

import attrs
import pendulum

__all__ = ["LBF_2019_26", "LbfPeriod", "lbf_period"]

#: The funding period of the ``lbf-2019-26`` profile, as the data names it.
LBF_2019_26 = "2019-2026"


@attrs.frozen
class LbfPeriod:
    """One of Landsbyggefonden's funding periods, as far as the rules need it.

    Attributes:
        period: The period's name in the data, e.g. ``"2019-2026"``.
        first: Its first day (1 January of its first year).
        last: Its last day (31 December of its last year).
        min_local_cofinancing: The least local co-financing, as a fraction (0.25).
        years: How many years an indsats runs.
        themes: Its indsatsområder, in the data's order.
        sources: Where the period's facts come from.
    """

    period: str
    first: pendulum.Date
    last: pendulum.Date
    min_local_cofinancing: Decimal
    years: int
    themes: tuple[str, ...]
    sources: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("samarbejde.rules").joinpath(f"data/{name}").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@functools.cache
def lbf_period(period: str = LBF_2019_26) -> LbfPeriod:
    """The funding period ``period`` from the shipped data.

    Raises:
        KeyError: The data has no such period, or not the thresholds the rules need.

    >>> lbf_period().min_local_cofinancing, lbf_period().years
    (Decimal('0.25'), 4)
    """
    row = next((r for r in _rows("lbf-funding-periods.csv") if r["period"] == period), None)
    if row is None or not row["min_local_cofinancing_pct"] or not row["typical_duration_years"]:
        raise KeyError(period)
    first, last = (int(y) for y in period.split("-"))
    themes = tuple(
        r["name_da"]
        for r in sorted(_rows("lbf-indsatsomraader.csv"), key=lambda r: int(r["order"]))
        if r["period"] == period
    )
    return LbfPeriod(
        period,
        pendulum.Date(first, 1, 1),
        pendulum.Date(last, 12, 31),
        Decimal(row["min_local_cofinancing_pct"]) / 100,
        int(row["typical_duration_years"].split()[0]),
        themes,
        row["sources"],
    )
