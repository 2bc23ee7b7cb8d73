"""Questions about commitments: which are overdue, and how statuses moved over time."""

from __future__ import annotations

import bisect
from collections import Counter

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import CommitmentStatus
from samarbejde.model.money import Quantity
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.terms import add_duration
from samarbejde.model.transitions import COMMITMENT_STATUS

__all__ = [
    "OverdueCommitment",
    "StatusSnapshot",
    "overdue_commitments",
    "overdue_counts",
    "status_over_time",
]


@attrs.frozen
class OverdueCommitment:
    """A commitment whose term has ended while it is still open (not in a final status).

    Attributes:
        partnership: The id of the partnership it was made in.
        commitment: The commitment's id.
        by: The id of the organisation that made it.
        kind: What was promised, e.g. ``leisure_jobs``.
        status: Its status on the date asked about (never a final one).
        binding: Whether it had been agreed (binding) by that date, not only pledged.
        due: The last day of its term.
        days_overdue: Days from ``due`` to the date asked about (at least one).
        promised: The promised quantity.
        delivered: The sum of fulfilments recorded by that date, if any.
    """

    partnership: str
    commitment: str
    by: str
    kind: str
    status: CommitmentStatus
    binding: bool
    due: pendulum.Date
    days_overdue: int
    promised: Quantity
    delivered: Quantity | None


def overdue_commitments(
    portfolio: Portfolio, *, as_of: pendulum.Date
) -> tuple[OverdueCommitment, ...]:
    """Commitments whose term ended before ``as_of`` and that had no final status by then.

    The portfolio is read as recorded on ``as_of``: later status changes and
    fulfilments are not yet known.

    Returns:
        The overdue commitments, longest overdue first, then by partnership and id.
    """
    as_of = days.day(as_of, "as_of")
    found: list[OverdueCommitment] = []
    for partnership in portfolio.partnerships:
        for commitment in partnership.commitments:
            if not _overdue(commitment, as_of):
                continue
            seen = commitment.as_of(as_of)
            assert seen is not None  # it was made by then: it has a status then
            due = seen.term.end
            assert due is not None  # ended_by is true only for a term with an end
            found.append(
                OverdueCommitment(
                    partnership=partnership.id,
                    commitment=seen.id,
                    by=seen.by,
                    kind=seen.kind,
                    status=seen.current,
                    binding=seen.is_binding,
                    due=due,
                    days_overdue=as_of.toordinal() - due.toordinal(),
                    promised=seen.quantity,
                    delivered=seen.delivered(),
                )
            )
    found.sort(key=lambda o: (-o.days_overdue, o.partnership, o.commitment))
    return tuple(found)


def overdue_counts(portfolio: Portfolio, *, as_of: pendulum.Date) -> Counter[str]:
    """How many commitments are overdue in each partnership: :func:`overdue_commitments` counted.

    Cheaper than counting those records: no view of a commitment on ``as_of`` is made.

    Returns:
        The number of overdue commitments by partnership id (none overdue: not counted).
    """
    as_of = days.day(as_of, "as_of")
    return Counter(
        partnership.id
        for partnership in portfolio.partnerships
        for commitment in partnership.commitments
        if _overdue(commitment, as_of)
    )


def _overdue(commitment: Commitment, as_of: pendulum.Date) -> bool:
    """Whether ``commitment``'s term ended before ``as_of`` with no final status by then.

    Its status on ``as_of`` is that of its view then (:meth:`Commitment.as_of`), whose
    term is its own: the status history is in date order (a model invariant).
    """
    if not commitment.term.ended_by(as_of):
        return False
    status = commitment.status_on(as_of)
    return status is not None and not COMMITMENT_STATUS.is_final(status)


@attrs.frozen
class StatusSnapshot:
    """How many commitments were in each status on one day.

    Attributes:
        on: The day counted.
        counts: The number of commitments in each status, in the order of
            :class:`~samarbejde.CommitmentStatus` (every status listed, zeros included).
    """

    on: pendulum.Date
    counts: tuple[tuple[CommitmentStatus, int], ...]

    def count(self, status: CommitmentStatus) -> int:
        """The number of commitments in ``status`` on the day."""
        return dict(self.counts)[status]

    @property
    def total(self) -> int:
        """The number of commitments made by the day."""
        return sum(n for _, n in self.counts)

    @property
    def open(self) -> int:
        """The number of commitments not yet in a final status."""
        return sum(n for s, n in self.counts if not COMMITMENT_STATUS.is_final(s))


def status_over_time(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date,
    every: pendulum.Duration | None = None,
) -> tuple[StatusSnapshot, ...]:
    """Count the commitments in each status on regular days up to ``as_of``.

    Args:
        portfolio: The portfolio.
        as_of: The last day counted; status changes after it are ignored.
        every: The step between counted days; three months by default.

    Returns:
        Snapshots from the day the first commitment was made, one ``every`` apart,
        with ``as_of`` itself as the last; empty when no commitment was made by then.
    """
    as_of = days.day(as_of, "as_of")
    step = every if every is not None else pendulum.duration(months=3)
    commitments = [c for p in portfolio.partnerships for c in p.commitments]
    first = min((c.made_on for c in commitments), default=None)
    if first is None or first > as_of:
        return ()
    counted: list[pendulum.Date] = []
    day = first
    while day < as_of:
        counted.append(day)
        following = add_duration(day, step)
        if following <= day:
            raise ValueError(f"every must move forward in time, got {step!r}")
        day = following
    counted.append(as_of)
    return _sweep(commitments, counted)


def _sweep(commitments: list[Commitment], days: list[pendulum.Date]) -> tuple[StatusSnapshot, ...]:
    # Each status change adds one to its status and takes one from the status before it,
    # in the first snapshot on or after the change: O(changes x log(days)).
    deltas: list[Counter[CommitmentStatus]] = [Counter() for _ in days]
    for commitment in commitments:
        previous: CommitmentStatus | None = None
        for change in commitment.status:
            slot = bisect.bisect_left(days, change.on)
            if slot == len(days):
                break
            deltas[slot][change.status] += 1
            if previous is not None:
                deltas[slot][previous] -= 1
            previous = change.status
    running: Counter[CommitmentStatus] = Counter()
    snapshots = []
    for day, delta in zip(days, deltas, strict=True):
        running.update(delta)
        counts = tuple((status, running[status]) for status in CommitmentStatus)
        snapshots.append(StatusSnapshot(day, counts))
    return tuple(snapshots)
