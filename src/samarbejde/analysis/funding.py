"""Questions about money: the funding timeline, where funding ends and what follows."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model.approximate import surely_after
from samarbejde.model.enums import FundingKind
from samarbejde.model.funding import Funding
from samarbejde.model.lifecycles import ProjectLifecycle, StrategicLifecycle
from samarbejde.model.money import Money
from samarbejde.model.partnerships import Partnership
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.terms import Term
from samarbejde.model.unknown import Unknown

__all__ = [
    "Continuation",
    "FundingEnd",
    "FundingPeriod",
    "FundingYear",
    "funding_by_year",
    "funding_cliffs",
    "funding_ends",
    "funding_timeline",
    "lifecycle_until",
]


@attrs.frozen
class FundingPeriod:
    """One grant or budget line of a partnership, for the timeline.

    Attributes:
        partnership: The id of the partnership funded.
        funding: The funding's id.
        funder: The id of the paying organisation.
        kind: E.g. ``foundation_grant`` or ``municipal_budget``.
        amount: How much.
        start: The first day the money covers.
        end: The last day it covers; ``None`` when open-ended.
    """

    partnership: str
    funding: str
    funder: str
    kind: FundingKind
    amount: Money
    start: pendulum.Date
    end: pendulum.Date | None


def funding_timeline(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[FundingPeriod, ...]:
    """Every funding of the partnerships that had begun by ``as_of``.

    Only :class:`~samarbejde.Funding` records are counted. A commitment of money (an
    amount in DKK) is a member's promise, not funding: money recorded both ways is
    counted once, as funding, and rule M007 names such pairs (design decision D50).
    Amounts keep their currency; nothing is converted or summed across currencies.

    Returns:
        The periods ordered by start, end (open-ended last), partnership and id.
    """
    as_of = days.day(as_of, "as_of")
    periods = [
        FundingPeriod(p.id, f.id, f.funder, f.kind, f.amount, f.term.start, f.term.end)
        for p in portfolio.as_of(as_of).partnerships
        for f in p.funding
    ]
    periods.sort(key=lambda f: (f.start, _latest(f.end), f.partnership, f.funding))
    return tuple(periods)


class Continuation(str, Enum):
    """What follows when a partnership's funding ends."""

    FUNDING = "funding"
    """Other funding of the same partnership starts later (possibly after a gap)."""
    STRATEGIC_FORM = "strategic_form"
    """The partnership went on in the strategic form after its project ended."""
    PARENT = "parent"
    """The project runs under a strategic partnership that lasts beyond the date."""
    NOTHING = "nothing"
    """Nothing recorded follows: a funding cliff."""

    def __str__(self) -> str:
        return str(self.value)


@attrs.frozen
class FundingEnd:
    """A day on which a partnership's funded time runs out, and what follows it.

    Attributes:
        partnership: The partnership's id.
        on: The last funded day (funding terms that overlap or touch are merged).
        kinds: The kinds of the funding that ends that day, in enum order.
        follows: What follows the end.
        next_start: When the next funding of the partnership starts, if any.
        gap_days: Unfunded days between ``on`` and ``next_start`` (zero without one).
        lifecycle_until: When the partnership's current lifecycle is planned to end:
            a project's term end or a strategic horizon's end; ``None`` if open-ended,
            ``UNKNOWN`` when the horizon is unknown.
        days_away: Days from the date asked about to ``on``; negative when past.
    """

    partnership: str
    on: pendulum.Date
    kinds: tuple[FundingKind, ...]
    follows: Continuation
    next_start: pendulum.Date | None
    gap_days: int
    lifecycle_until: pendulum.Date | Unknown | None
    days_away: int

    @property
    def cliff(self) -> bool:
        """Whether nothing follows the end."""
        return self.follows is Continuation.NOTHING


def lifecycle_until(partnership: Partnership) -> pendulum.Date | Unknown | None:
    """When the current lifecycle is planned to end (``None`` when open-ended).

    :data:`~samarbejde.UNKNOWN` when a strategic partnership's horizon is unknown.

    A project ends with its term; a strategic partnership with its horizon, or on the
    day it was dissolved.
    """
    lifecycle = partnership.lifecycle
    if lifecycle.ended is not None:
        return lifecycle.ended
    if isinstance(lifecycle, ProjectLifecycle):
        return lifecycle.term.end
    return lifecycle.horizon_end


def funding_ends(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[FundingEnd, ...]:
    """Every day a partnership's funded time runs out, and what follows each.

    The stretches a funding pays for are its periods, or its term when it has none
    (D91); stretches of one partnership that overlap or follow each other without a
    gap are merged, and each merged stretch with an end gives one :class:`FundingEnd`.

    Returns:
        The ends ordered by date, then partnership.
    """
    as_of = days.day(as_of, "as_of")
    seen = portfolio.as_of(as_of)
    ends: list[FundingEnd] = []
    for partnership in seen.partnerships:
        ends.extend(_ends_of(seen, partnership, as_of))
    ends.sort(key=lambda e: (e.on, e.partnership))
    return tuple(ends)


@attrs.frozen
class FundingYear:
    """How much of a partnership's funding falls in one calendar year, in one currency.

    Attributes:
        partnership: The partnership's id.
        year: The calendar year.
        currency: The ISO 4217 code.
        amount: The sum over its funding: each period's amount (or, without periods,
            the whole amount) shared over its days (D91).
    """

    partnership: str
    year: int
    currency: str
    amount: Decimal


def funding_by_year(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[FundingYear, ...]:
    """The funding of each partnership begun by ``as_of``, per calendar year.

    Funding as it stood on ``as_of`` (D92). A funding with an open end and no periods
    cannot be placed in years and is left out; currencies are never summed together.

    Returns:
        The years ordered by partnership, year and currency.
    """
    as_of = days.day(as_of, "as_of")
    totals: dict[tuple[str, int, str], Decimal] = {}
    for p in portfolio.as_of(as_of).partnerships:
        for f in p.funding:
            pieces = _pieces(f)
            last = max((t.end for t in pieces if t.end is not None), default=None)
            if last is None or any(t.end is None for t in pieces):
                continue
            for year in range(pieces[0].start.year, last.year + 1):
                whole_year = Term(pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31))
                inside = f.amount_in(whole_year) or Decimal(0)
                if inside:
                    key = (p.id, year, f.amount.currency)
                    totals[key] = totals.get(key, Decimal(0)) + inside
    return tuple(
        FundingYear(partnership, year, currency, amount)
        for (partnership, year, currency), amount in sorted(totals.items())
    )


def funding_cliffs(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[FundingEnd, ...]:
    """The funding ends that nothing follows (see :func:`funding_ends`)."""
    as_of = days.day(as_of, "as_of")
    return tuple(e for e in funding_ends(portfolio, as_of=as_of) if e.cliff)


#: Stands in for the end of an open-ended term when sorting and merging.
_OPEN_END = pendulum.Date(9999, 12, 31)


def _latest(day: pendulum.Date | None) -> pendulum.Date:
    return _OPEN_END if day is None else day


def _pieces(funding: Funding) -> tuple[Term, ...]:
    """The stretches a funding pays for: its periods when given, else its term (D91)."""
    return tuple(p.term for p in funding.periods) or (funding.term,)


def _ends_of(
    portfolio: Portfolio, partnership: Partnership, as_of: pendulum.Date
) -> list[FundingEnd]:
    stretches: list[list[pendulum.Date]] = []  # [start, end]; _OPEN_END for open ends
    pieces = sorted((t for f in partnership.funding for t in _pieces(f)), key=lambda t: t.start)
    for piece in pieces:
        start, end = piece.start, _latest(piece.end)
        if stretches and start.toordinal() <= stretches[-1][1].toordinal() + 1:
            stretches[-1][1] = max(stretches[-1][1], end)
        else:
            stretches.append([start, end])
    until = lifecycle_until(partnership)
    ends = []
    for index, (_, end) in enumerate(stretches):
        if end == _OPEN_END:
            continue
        kinds = {f.kind for f in partnership.funding if any(t.end == end for t in _pieces(f))}
        following = stretches[index + 1][0] if index + 1 < len(stretches) else None
        follows = _continuation(portfolio, partnership, end, following)
        ends.append(
            FundingEnd(
                partnership=partnership.id,
                on=end,
                kinds=tuple(k for k in FundingKind if k in kinds),
                follows=follows,
                next_start=following,
                gap_days=0 if following is None else following.toordinal() - end.toordinal() - 1,
                lifecycle_until=until,
                days_away=end.toordinal() - as_of.toordinal(),
            )
        )
    return ends


def _continuation(
    portfolio: Portfolio,
    partnership: Partnership,
    end: pendulum.Date,
    following: pendulum.Date | None,
) -> Continuation:
    if following is not None:
        return Continuation.FUNDING
    current = partnership.lifecycle
    if (
        isinstance(current, StrategicLifecycle)
        and (current.ended is None or current.ended > end)
        and any(
            isinstance(earlier, ProjectLifecycle)
            and (surely_after(current.since, end) or earlier.term.contains(end))
            for earlier in partnership.earlier
        )
    ):
        return Continuation.STRATEGIC_FORM
    if partnership.parent is not None:
        try:
            parent = portfolio.partnership(partnership.parent)
        except KeyError:
            return Continuation.NOTHING
        ended = parent.lifecycle.ended
        if isinstance(parent.lifecycle, StrategicLifecycle) and (ended is None or ended > end):
            return Continuation.PARENT
    return Continuation.NOTHING
