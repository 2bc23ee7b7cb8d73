"""Strategies for the building blocks: ids, dates, durations, terms, amounts, histories."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samarbejde.model.approximate import Approximate, When
from samarbejde.model.enums import CommitmentStatus, ProjectPhase, StrategicPhase, Unit
from samarbejde.model.history import PhaseChange, StatusChange
from samarbejde.model.money import Money, Quantity
from samarbejde.model.municipalities import municipalities
from samarbejde.model.terms import FIRST_DAY, LAST_DAY, Term
from samarbejde.model.transitions import TransitionTable

__all__ = [
    "DEFAULT_END",
    "DEFAULT_START",
    "EDGE_ODDS",
    "HUGE_YEARS",
    "amounts",
    "cvr_numbers",
    "dates",
    "durations",
    "ids",
    "kommunekoder",
    "money",
    "phase_changes",
    "quantities",
    "status_changes",
    "terms",
    "texts",
    "whens",
]

S = TypeVar("S", bound=Enum)

#: The first day of the default date window.
DEFAULT_START = pendulum.Date(2015, 1, 1)
#: The last day of the default date window.
DEFAULT_END = pendulum.Date(2030, 12, 31)
#: One draw in this many of a date (or lifecycle duration) is taken near the window's
#: end (or is thousands of years long), so property tests probe the calendar's edges.
EDGE_ODDS = 10
#: The range of years of the huge durations drawn one time in ``EDGE_ODDS``.
HUGE_YEARS = (8_000, 100_000)
_NEAR_EDGE = 3

_ID_HEAD = "abcdefghijklmnopqrstuvwxyz0123456789"
_ID_TAIL = _ID_HEAD + "._-"
_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)
_WORDS = (
    "Ørnereden",
    "Glenteby",
    "Vollsmose",
    "Mjølnerparken",
    "Tingbjerg",
    "Skovparken",
    "Fælleshuset",
    "Boligsocial indsats",
    "Fritidsjob",
    "Lektiecafé",
    "Beboerrådgivning",
    "Sundhed",
    "Uddannelse",
    "Tryghed",
    "Byrådet",
    "Bestyrelsen",
)


def add_days(day: pendulum.Date, days: int) -> pendulum.Date:
    """``day`` plus ``days`` calendar days, clamped to the calendar (years 1 to 9999)."""
    try:
        moved: pendulum.Date = day.add(days=days)
    except OverflowError:  # past the calendar's end (or before its start)
        return LAST_DAY if days > 0 else FIRST_DAY
    return moved


def ids() -> st.SearchStrategy[str]:
    """Ids as the model accepts them: ``[a-z0-9][a-z0-9._-]{0,63}``.

    >>> import re
    >>> from hypothesis import find
    >>> bool(re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", find(ids(), lambda s: len(s) > 3)))
    True
    """
    return st.builds(
        str.__add__,
        st.sampled_from(_ID_HEAD),
        st.text(alphabet=_ID_TAIL, max_size=63),
    )


def texts() -> st.SearchStrategy[str]:
    """Non-blank names and titles, mostly Danish words, sometimes arbitrary text."""
    arbitrary = st.builds(
        str.__add__,
        st.characters(categories=("L", "N")),
        st.text(max_size=30),
    )
    return st.one_of(st.sampled_from(_WORDS), arbitrary)


def dates(
    start: pendulum.Date = DEFAULT_START, end: pendulum.Date = DEFAULT_END
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar dates (``pendulum.Date``) from ``start`` to ``end`` inclusive.

    Raises:
        InvalidArgument: ``end`` is before ``start``.
    """
    if end < start:
        raise InvalidArgument(f"end={end} is before start={start}")
    span = (end - start).days
    # About one draw in EDGE_ODDS lies within a few days of the window's end: with the
    # whole calendar as the window (FIRST_DAY to LAST_DAY), near year 9999.
    return st.integers(0, _with_tail(span)).map(lambda n: _edge_day(start, end, span, n))


def whens(
    start: pendulum.Date = DEFAULT_START, end: pendulum.Date = DEFAULT_END
) -> st.SearchStrategy[When]:
    """Days, and years and months that hold one, from ``start`` to ``end``.

    About half the draws are :class:`~samarbejde.model.approximate.Approximate`: the
    year or the month of a drawn day (design decision D71), so the interval may reach
    outside the window by less than a year.
    """
    return st.builds(approximately, dates(start, end), st.integers(0, 3))


def approximately(exact: pendulum.Date, precision: int) -> When:
    """``exact``, or its year (``precision`` 1) or its month (``precision`` 2).

    Any other ``precision`` keeps the day; :func:`whens` and the loosened portfolios
    draw it, so one draw in two stays exact.
    """
    if precision == 1:
        return Approximate(exact.year)
    if precision == 2:
        return Approximate(exact.year, exact.month)
    return exact


def durations(
    *,
    min_months: int | None = None,
    max_months: int = 15 * 12,
    any_part: bool = False,
    huge: bool = False,
) -> st.SearchStrategy[pendulum.Duration]:
    """Positive durations; by default in whole years or months, e.g. ``P1Y`` or ``P3M``.

    Args:
        min_months: The least number of months (years count twelve); default 1, or 0
            with ``any_part``.
        max_months: The most months.
        any_part: Also weeks or days and a time of day (hours, minutes, seconds,
            microseconds): every part the model accepts, e.g. ``P2W``, ``PT4H`` or
            ``P1Y2M3DT4H5M6.5S``. The time of day stays under 24 hours and days under
            nine weeks, so every part drawn is a part written.
        huge: Also draw, one time in ten, durations of thousands of years (8,000 to
            100,000): added to any date they leave the calendar. Whole years only.

    Raises:
        InvalidArgument: The bounds are empty, or allow no month without ``any_part``.
    """
    floor = 0 if any_part else 1
    low = floor if min_months is None else min_months
    if low < floor or max_months < low:
        raise InvalidArgument(f"need {floor} <= min_months <= max_months, got {low, max_months}")

    if not any_part:
        top = _with_tail(max_months - low) + low if huge else max_months
        return st.integers(low, top).map(lambda n: _months_or_huge(low, max_months, n))

    def part(high: int) -> st.SearchStrategy[int]:
        return st.just(0) | st.integers(1, high)

    return st.builds(
        lambda months, days, hours, minutes, seconds, micro: pendulum.duration(
            years=months // 12,
            months=months % 12,
            days=days,
            hours=hours,
            minutes=minutes,
            seconds=seconds,
            microseconds=micro,
        ),
        st.integers(low, max_months),
        part(62),
        part(23),
        part(59),
        part(59),
        part(999_999),
    ).filter(lambda d: d.years or d.months or d.total_seconds() > 0)


def terms(
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
    *,
    open_ended: bool | None = None,
) -> st.SearchStrategy[Term]:
    """Terms lying inside ``start``..``end``.

    Args:
        start: The earliest first day.
        end: The latest last day.
        open_ended: ``True`` for terms without an end, ``False`` for terms with one,
            ``None`` for either.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Term:
        first = draw(dates(start, end))
        if open_ended is True or (open_ended is None and draw(st.booleans())):
            return Term(first)
        return Term(first, draw(dates(first, end)))

    return build()


def amounts(
    *, min_value: int = 1, max_value: int = 1_000_000, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Finite ``Decimal`` amounts from ``min_value`` to ``max_value`` with ``places`` decimals."""
    scale = 10**places
    return st.integers(min_value * scale, max_value * scale).map(
        lambda n: Decimal(n).scaleb(-places)
    )


def money(*, currency: str = "DKK", max_value: int = 10_000_000) -> st.SearchStrategy[Money]:
    """Non-negative amounts of money in ``currency``."""
    return st.builds(Money, amounts(min_value=0, max_value=max_value), st.just(currency))


def quantities(unit: Unit | None = None) -> st.SearchStrategy[Quantity]:
    """Positive quantities, in ``unit`` or in any unit."""
    units = st.sampled_from(Unit) if unit is None else st.just(unit)
    return st.builds(Quantity, amounts(max_value=10_000), units)


def cvr_numbers() -> st.SearchStrategy[str]:
    """Valid CVR numbers: eight digits, not starting with 0, mod-11 checksum.

    >>> from stdnum.dk import cvr
    >>> from hypothesis import find
    >>> cvr.is_valid(find(cvr_numbers(), lambda s: True))
    True
    """
    return st.integers(1_000_000, 9_999_999).map(complete_cvr)


def complete_cvr(head: int) -> str:
    """Append the mod-11 check digit to seven digits ``head`` (1000000..9999999).

    When the check digit would be 10 (impossible), the last head digit moves up by one
    (9 wraps to 0), which makes the check digit 8 or 6.

    >>> complete_cvr(1000001)
    '10000017'
    """
    digits = [int(c) for c in str(head)]
    check = -sum(w * d for w, d in zip(_CVR_WEIGHTS, digits, strict=True)) % 11
    if check == 10:
        digits[-1] = (digits[-1] + 1) % 10
        check = -sum(w * d for w, d in zip(_CVR_WEIGHTS, digits, strict=True)) % 11
    return "".join(map(str, digits)) + str(check)


@functools.cache
def codes_of_municipalities() -> tuple[str, ...]:
    """The 98 kommunekoder, sorted (read on first use, not at import)."""
    return tuple(sorted(municipalities()))


def kommunekoder() -> st.SearchStrategy[str]:
    """Kommunekoder of Denmark's 98 municipalities, from :func:`samarbejde.model.municipalities`."""
    return st.sampled_from(codes_of_municipalities())


def sorted_dates(
    draw: st.DrawFn, count: int, start: pendulum.Date, end: pendulum.Date
) -> list[pendulum.Date]:
    """Draw ``count`` dates in ``start``..``end``, oldest first."""
    if not count:
        return []
    return sorted(day(draw, start, end) for _ in range(count))


def walk(
    draw: st.DrawFn,
    table: TransitionTable[S],
    *,
    final: bool | None,
    start: S | None = None,
    max_steps: int = 5,
    avoid: Sequence[S] = (),
) -> list[S]:
    """Draw a path of states through ``table``.

    Args:
        draw: The draw function of a composite strategy.
        table: The transition table to follow.
        final: ``True`` to end in a final state, ``False`` to never reach one,
            ``None`` for either.
        start: A fixed first state (default: drawn from the table's start states).
        max_steps: Moves after which the walk heads for a final state (or stops).
        avoid: States never to enter.
    """

    def ordered(states: frozenset[S]) -> list[S]:
        return sorted(
            (s for s in states if s not in avoid), key=lambda s: list(table.moves).index(s)
        )

    path = [start if start is not None else pick(draw, ordered(table.starts))]
    while not table.is_final(path[-1]):
        options = ordered(table.moves[path[-1]])
        if final is False:
            options = [s for s in options if not table.is_final(s)]
        finals = [s for s in options if table.is_final(s)]
        if len(path) > max_steps:
            if final is not True:
                break
            if finals:
                options = finals
        if not options or (final is not True and not maybe(draw)):
            break
        path.append(pick(draw, options))
    return path


def phase_changes(
    phase: type[ProjectPhase] | type[StrategicPhase] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[PhaseChange[ProjectPhase] | PhaseChange[StrategicPhase]]:
    """Single phase changes, project or strategic (or the kind given by ``phase``)."""
    kinds: list[type[ProjectPhase] | type[StrategicPhase]] = (
        [ProjectPhase, StrategicPhase] if phase is None else [phase]
    )
    phases = st.one_of(*(st.sampled_from(k) for k in kinds))
    return st.builds(PhaseChange, phases, dates(start, end))


def status_changes(
    start: pendulum.Date = DEFAULT_START, end: pendulum.Date = DEFAULT_END
) -> st.SearchStrategy[StatusChange]:
    """Single commitment status changes, sometimes with a note."""
    return st.builds(
        StatusChange,
        st.sampled_from(CommitmentStatus),
        dates(start, end),
        st.none() | texts(),
    )


# -- drawing inside composite strategies ---------------------------------------------
# Building a fresh strategy for every draw is what makes composite strategies slow;
# these helpers draw plain integers and booleans instead, which also shrink well
# (towards the first item, the earliest day, ``False`` and ``None``).

T = TypeVar("T")


def maybe(draw: st.DrawFn) -> bool:
    """Draw a boolean (shrinks to ``False``)."""
    return draw(st.booleans())


def pick(draw: st.DrawFn, items: Iterable[T]) -> T:
    """Draw one of ``items`` (shrinks to the first)."""
    pool = tuple(items)
    return pool[draw(st.integers(0, len(pool) - 1))]


def maybe_pick(draw: st.DrawFn, items: Iterable[T]) -> T | None:
    """Draw ``None`` or one of ``items`` (``None`` when there are none).

    Always one integer draw, whether or not there are items, so that what is drawn
    after it stays in step while the shrinker removes items elsewhere.
    """
    pool = tuple(items)
    chosen = draw(st.integers(0, max(len(pool), 1)))
    return pool[chosen - 1] if 0 < chosen <= len(pool) else None


def repeat(draw: st.DrawFn, min_size: int, max_size: int) -> Iterator[int]:
    """Count ``0, 1, …`` for ``min_size`` to ``max_size`` items.

    Every item is announced by a drawn "more" (past ``min_size`` it continues three
    times in four), the way ``st.lists`` does it: each item is then a marker followed
    by its draws, so the shrinker can delete any one item with its marker, which a
    count drawn up front would not let it do.
    """
    count = 0
    while count < max_size:
        more = draw(st.integers(0, 3)) > 0
        if count >= min_size and not more:
            return
        yield count
        count += 1


@st.composite
def _span(
    draw: st.DrawFn, make: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> T:
    return make(draw, *args, **kwargs)


def in_span(draw: st.DrawFn, make: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call ``make(draw, *args, **kwargs)`` as one nested draw the shrinker sees as a unit."""
    return draw(_span(make, args, kwargs))


def choose(
    draw: st.DrawFn, items: Iterable[T], min_size: int = 0, max_size: int = 3
) -> tuple[T, ...]:
    """Draw distinct items of ``items`` in their drawn order (as many as there are, at most)."""
    pool = list(items)
    return tuple(
        pool.pop(draw(st.integers(0, len(pool) - 1)))
        for _ in repeat(draw, min(min_size, len(pool)), min(max_size, len(pool)))
    )


def day(draw: st.DrawFn, first: pendulum.Date, last: pendulum.Date) -> pendulum.Date:
    """Draw a day from ``first`` to ``last`` inclusive (shrinks to ``first``).

    One draw in ten lies within a few days of ``last``, so windows that
    reach the end of the calendar give dates near 9999-12-31 (and ``first``, the
    shrink target, gives those near year 1).
    """
    span = (last - first).days
    return _edge_day(first, last, span, draw(st.integers(0, _with_tail(span))))


def _with_tail(span: int) -> int:
    """The top of a draw for ``span``: past ``span``, about one draw in EDGE_ODDS."""
    return span + span // (EDGE_ODDS - 1)


def _edge_day(first: pendulum.Date, last: pendulum.Date, span: int, n: int) -> pendulum.Date:
    """Day ``n`` of the window; past ``span``, a day within a few days of ``last``."""
    if n <= span:
        return add_days(first, n)
    return add_days(last, -((n - span) % (min(span, _NEAR_EDGE) + 1)))


def maybe_day(draw: st.DrawFn, first: pendulum.Date, last: pendulum.Date) -> pendulum.Date | None:
    """Draw ``None`` or a day from ``first`` to ``last``."""
    return day(draw, first, last) if maybe(draw) else None


def decimal(draw: st.DrawFn, low: int, high: int, places: int = 0) -> Decimal:
    """Draw a ``Decimal`` from ``low`` to ``high`` with ``places`` decimals."""
    scale = 10**places
    return Decimal(draw(st.integers(low * scale, high * scale))).scaleb(-places)


def maybe_months(draw: st.DrawFn, low: int, high: int) -> pendulum.Duration | None:
    """Draw ``None`` or a duration of ``low`` to ``high`` months, in years and months."""
    if not maybe(draw):
        return None
    return _months_or_huge(low, high, draw(st.integers(low, _with_tail(high - low) + low)))


def _months_or_huge(low: int, high: int, n: int) -> pendulum.Duration:
    """``n`` months; past ``high`` (one draw in about EDGE_ODDS), thousands of years."""
    if n > high:
        first, last = HUGE_YEARS
        return pendulum.duration(years=first + (n - high) * 7_919 % (last - first + 1))
    years, months = divmod(n, 12)
    return pendulum.duration(years=years, months=months)
