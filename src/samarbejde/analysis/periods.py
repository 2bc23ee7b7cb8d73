"""Questions about continuity: one partnership across its plan periods (design decision D93).

Køge's boligsociale helhedsplan ran 2013-17, 2017-21 and 2021-25 with changing themes
and areas: :func:`period_continuity` tells, period by period, what carried over.
"""

from __future__ import annotations

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model.partnerships import Partnership
from samarbejde.model.periods import PlanPeriod
from samarbejde.model.portfolio import Portfolio

__all__ = ["PeriodStep", "continuity", "period_continuity"]


@attrs.frozen
class PeriodStep:
    """One plan period of a partnership, and what changed from the period before.

    Attributes:
        partnership: The partnership's id.
        period: The period's id.
        number: Its place among the partnership's periods, from 1.
        start: Its first day.
        end: Its last day; ``None`` when open-ended.
        gap_days: Days between the period before and this one (``None`` for the
            first, zero when they follow each other without a gap).
        themes_kept: Themes the period before had too.
        themes_new: Themes the period before did not have.
        themes_dropped: Themes of the period before that this one does not have.
        areas_new: Areas the period before did not serve.
        areas_dropped: Areas of the period before that this one does not serve.
    """

    partnership: str
    period: str
    number: int
    start: pendulum.Date
    end: pendulum.Date | None
    gap_days: int | None
    themes_kept: tuple[str, ...]
    themes_new: tuple[str, ...]
    themes_dropped: tuple[str, ...]
    areas_new: tuple[str, ...]
    areas_dropped: tuple[str, ...]


def _step(
    partnership: str, number: int, period: PlanPeriod, before: PlanPeriod | None
) -> PeriodStep:
    themes = () if before is None else before.themes
    areas = () if before is None else before.areas
    gap = None
    if before is not None and before.term.end is not None:
        gap = period.term.start.toordinal() - before.term.end.toordinal() - 1
    return PeriodStep(
        partnership,
        period.id,
        number,
        period.term.start,
        period.term.end,
        gap,
        tuple(t for t in period.themes if t in themes),
        tuple(t for t in period.themes if t not in themes),
        tuple(t for t in themes if t not in period.themes),
        tuple(a for a in period.areas if a not in areas) if before is not None else (),
        tuple(a for a in areas if a not in period.areas),
    )


def period_continuity(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[PeriodStep, ...]:
    """Every plan period of the partnerships begun by ``as_of``, with what carried over.

    Periods planned after ``as_of`` are not yet known and left out (D63).

    Returns:
        The steps ordered by partnership (in the portfolio's order) and period number.
    """
    as_of = days.day(as_of, "as_of")
    return tuple(s for p in portfolio.as_of(as_of).partnerships for s in continuity(p))


def continuity(partnership: Partnership) -> tuple[PeriodStep, ...]:
    """The plan periods of one partnership, in order, with what carried over."""
    steps = []
    before: PlanPeriod | None = None
    for number, period in enumerate(partnership.periods, start=1):
        steps.append(_step(partnership.id, number, period, before))
        before = period
    return tuple(steps)
