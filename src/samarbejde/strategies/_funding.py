"""Strategies for money by period and for plan periods (design decisions D91-D93).

The draw functions here serve both the record strategies (:func:`funding`,
:func:`plan_periods`, ...) and :func:`~samarbejde.strategies.portfolios`, so a funding
drawn alone and one drawn inside a partnership have the same shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs
import pendulum
from hypothesis import strategies as st

from samarbejde.model.enums import FundingKind
from samarbejde.model.funding import Funding, FundingChange, FundingShare, PeriodAmount, total_of
from samarbejde.model.money import Money
from samarbejde.model.periods import PlanPeriod
from samarbejde.model.terms import Term
from samarbejde.model.unknown import UNKNOWN
from samarbejde.strategies._sources import provenance
from samarbejde.strategies._unknowns import maybe_unknown
from samarbejde.strategies._values import (
    DEFAULT_END,
    DEFAULT_START,
    add_days,
    choose,
    day,
    decimal,
    ids,
    maybe,
    maybe_day,
    maybe_pick,
    pick,
    repeat,
)

__all__ = [
    "THEMES",
    "draw_funding",
    "draw_periods",
    "funding",
    "funding_changes",
    "funding_shares",
    "period_amounts",
    "plan_periods",
]

#: Themes drawn for plan periods: LBF's indsatsområder of 2015-18 and 2019-26.
THEMES: tuple[str, ...] = (
    "Uddannelse og livschancer",
    "Beskæftigelse",
    "Kriminalitetsforebyggelse",
    "Sammenhængskraft og medborgerskab",
    "Tryghed og trivsel",
    "Uddannelse og beskæftigelse",
)

_PERIOD_NAMES = ("helhedsplan", "boligsocial indsats", "fase")
_PLACES = Decimal("0.0001")

#: The first and last day a record may cover, and the last day of its history.
Window = tuple[pendulum.Date, pendulum.Date, pendulum.Date]


def _cut(draw: st.DrawFn, term: Term, most: int) -> list[Term]:
    """``term`` (with an end) cut into up to ``most`` consecutive pieces."""
    assert term.end is not None
    pieces = []
    start = term.start
    for _ in repeat(draw, 0, most - 1):
        if start >= term.end:
            break
        cut = day(draw, start, add_days(term.end, -1))
        pieces.append(Term(start, cut))
        start = add_days(cut, 1)
    pieces.append(Term(start, term.end))
    return pieces


def _state(
    draw: st.DrawFn, funder: str, others: Sequence[str], term: Term
) -> tuple[Money, tuple[PeriodAmount, ...], tuple[FundingShare, ...]]:
    """An amount, perhaps by period, and perhaps the shares of several funders."""
    periods: tuple[PeriodAmount, ...] = ()
    if maybe(draw):
        periods = tuple(
            PeriodAmount(piece, Money(maybe_unknown(draw, decimal(draw, 10_000, 2_000_000))))
            for piece in _cut(draw, term, 4)
        )
        amounts = [p.amount.amount for p in periods]
        if any(a is UNKNOWN for a in amounts):  # the total of an unknown part is unknown
            amount = Money(UNKNOWN)
        else:
            amount = Money(maybe_unknown(draw, total_of(amounts)))
    else:
        amount = Money(maybe_unknown(draw, decimal(draw, 10_000, 5_000_000)))
    return amount, periods, _shares(draw, funder, others)


def _shares(draw: st.DrawFn, funder: str, others: Sequence[str]) -> tuple[FundingShare, ...]:
    together = choose(draw, [o for o in others if o != funder], 0, 3)
    if not together:
        return ()
    names = (funder, *together)
    how = draw(st.integers(0, 2))  # 0: unknown, 1: all known, 2: the last unknown
    if how == 0:
        return tuple(FundingShare(n) for n in names)
    parts = [decimal(draw, 1, 100) for _ in names]
    whole = sum(parts, Decimal(0))
    known = [max((p / whole).quantize(_PLACES), _PLACES) for p in parts[:-1]]
    rest = 1 - sum(known, Decimal(0))
    first = tuple(FundingShare(n, s) for n, s in zip(names[:-1], known, strict=True))
    return (*first, FundingShare(names[-1], rest if how == 1 and rest > 0 else None))


def draw_funding(
    draw: st.DrawFn,
    id: str,  # noqa: A002 - the domain's word
    funders: Sequence[str],
    window: Window,
) -> Funding:
    """One funding from one of ``funders`` (or with some of them), inside ``first``..``last``.

    ``window`` is ``(first, last, now)``.

    Perhaps granted on a day up to ``now``, perhaps paid by period, perhaps by several
    funders, perhaps changed (each change dated after the grant, up to ``now``).
    """
    first, last, now = window
    funder = pick(draw, funders)
    start = day(draw, first, last)
    term = Term(start, day(draw, start, last))
    amount, periods, shares = _state(draw, funder, funders, term)
    granted = maybe_day(draw, first, min(term.end or last, now)) if first <= now else None
    changes = []
    since = granted or first
    for _ in repeat(draw, 0, 2):
        if since > now:
            break
        on = day(draw, since, now)
        end = day(draw, start, last)
        before_term = Term(start, end)
        before_amount, before_periods, before_shares = _state(draw, funder, funders, before_term)
        changes.append(FundingChange(on, before_amount, before_term, before_periods, before_shares))
        since = on
    return Funding(
        id,
        funder,
        amount,
        term,
        pick(draw, FundingKind),
        granted_on=granted,
        periods=periods,
        shares=shares,
        changes=tuple(changes),
    )


def draw_periods(
    draw: st.DrawFn,
    prefix: str,
    window: Window,
    area_ids: Sequence[str],
    agreement_ids: Sequence[str],
    *,
    at_least: int = 0,
) -> tuple[PlanPeriod, ...]:
    """Consecutive plan periods inside ``first``..``last``, perhaps with gaps between them.

    ``window`` is ``(first, last, now)``: nothing is decided after ``now``.
    """
    first, last, now = window
    periods = []
    start = first
    for i in repeat(draw, at_least, 3):
        if start > last:
            break
        begins = day(draw, start, last)
        ends = day(draw, begins, last)
        periods.append(
            PlanPeriod(
                f"{prefix}-t{i + 1}",
                Term(begins, ends),
                name=None if not maybe(draw) else f"{pick(draw, _PERIOD_NAMES)} {begins.year}",
                themes=choose(draw, THEMES, 0, 4),
                areas=choose(draw, area_ids, 0, 3),
                agreement=maybe_pick(draw, agreement_ids),
                decided_on=maybe_day(draw, first, min(begins, now)) if first <= now else None,
            )
        )
        start = add_days(ends, 1)
    return tuple(periods)


@st.composite
def funding(
    draw: st.DrawFn,
    funder_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> Funding:
    """Funding from one of ``funder_ids`` (or several of them) for a term inside ``start``..``end``.

    Perhaps granted on a day from ``start`` to the term's end, paid by period, shared
    by several funders and changed since.
    """
    pool = (
        list(funder_ids)
        if funder_ids is not None
        else list(dict.fromkeys(draw(st.lists(ids(), min_size=1, max_size=4))))
    )
    drawn = draw_funding(draw, draw(ids()), pool, (start, end, end))
    return attrs.evolve(drawn, **draw(provenance(start, end)))


@st.composite
def period_amounts(
    draw: st.DrawFn, start: pendulum.Date = DEFAULT_START, end: pendulum.Date = DEFAULT_END
) -> PeriodAmount:
    """An amount for a period inside ``start``..``end``."""
    begins = day(draw, start, end)
    return PeriodAmount(Term(begins, day(draw, begins, end)), Money(decimal(draw, 1, 2_000_000)))


@st.composite
def funding_shares(draw: st.DrawFn, organisation_ids: Sequence[str] | None = None) -> FundingShare:
    """A funder's share: an organisation and perhaps its fraction of the money."""
    who = draw(ids()) if organisation_ids is None else pick(draw, organisation_ids)
    return FundingShare(who, decimal(draw, 1, 100, 2) / 100 if maybe(draw) else None)


@st.composite
def funding_changes(
    draw: st.DrawFn, start: pendulum.Date = DEFAULT_START, end: pendulum.Date = DEFAULT_END
) -> FundingChange:
    """A dated change to a funding, with what the funding was before it."""
    funder = draw(ids())
    others = list(dict.fromkeys([funder, *draw(st.lists(ids(), max_size=3))]))
    begins = day(draw, start, end)
    term = Term(begins, day(draw, begins, end))
    amount, periods, shares = _state(draw, funder, others, term)
    return FundingChange(day(draw, start, end), amount, term, periods, shares)


@st.composite
def plan_periods(
    draw: st.DrawFn,
    area_ids: Sequence[str] | None = None,
    agreement_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> PlanPeriod:
    """One plan period inside ``start``..``end``, with themes, areas and an agreement."""
    areas = draw(st.lists(ids(), max_size=3, unique=True)) if area_ids is None else list(area_ids)
    agreements = (
        draw(st.lists(ids(), max_size=2, unique=True))
        if agreement_ids is None
        else list(agreement_ids)
    )
    return draw_periods(draw, draw(ids()), (start, end, end), areas, agreements, at_least=1)[0]
