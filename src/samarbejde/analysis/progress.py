"""Progress toward goals: where each goal's measurements stand, as of a day (D95, D96).

>>> from samarbejde import examples
>>> rows = goal_progress(examples.load("opdrift"), as_of=examples.AS_OF)
>>> all(r.latest is None for r in rows)  # the bundled examples record no measurement yet
True
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum

from samarbejde.model.days import day
from samarbejde.model.goals import Goal
from samarbejde.model.measurements import Measurement, projection
from samarbejde.model.portfolio import Portfolio

__all__ = ["GoalProgress", "goal_progress", "share_of_way"]


@attrs.frozen
class GoalProgress:
    """One goal of one partnership, as measured by a day.

    Attributes:
        partnership: The partnership's id.
        goal: The goal as recorded on the day (its measurements up to then).
        latest: Its latest measurement by the day, or ``None``.
        share: How far the latest value has come from baseline to target (0 at the
            baseline, 1 at the target; may be below 0 or above 1), or ``None``.
        projected: The value its trend gives on the due date (:func:`projection`).
        on_track: Whether ``projected`` reaches the target (rule T003), or ``None``.
    """

    partnership: str
    goal: Goal
    latest: Measurement | None
    share: Decimal | None
    projected: Decimal | None
    on_track: bool | None


def share_of_way(goal: Goal, value: Decimal) -> Decimal | None:
    """How far ``value`` has come from the goal's baseline to its target, in 0..1 terms.

    >>> goal = Goal("g", "Flere i job", baseline=Decimal(10), target=Decimal(30))
    >>> share_of_way(goal, Decimal(15))
    Decimal('0.25')
    """
    if goal.baseline is None or goal.target is None or goal.baseline == goal.target:
        return None
    return (value - goal.baseline) / (goal.target - goal.baseline)


def goal_progress(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[GoalProgress, ...]:
    """Every goal of every partnership begun by ``as_of``, with its progress then."""
    as_of = day(as_of, "as_of")
    rows = []
    for partnership in portfolio.as_of(as_of).partnerships:
        for goal in partnership.goals:
            latest = goal.measurements[-1] if goal.measurements else None
            projected = None if goal.due is None else projection(goal.measurements, goal.due)
            rows.append(
                GoalProgress(
                    partnership.id,
                    goal,
                    latest,
                    None if latest is None else share_of_way(goal, latest.value),
                    projected,
                    None if projected is None else goal.reached(projected),
                )
            )
    return tuple(rows)
