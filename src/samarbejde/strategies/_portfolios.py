"""Whole portfolios whose references resolve, and partnerships drawn from them."""

from __future__ import annotations

from collections.abc import Iterable

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samarbejde.model import days
from samarbejde.model.areas import LAW_PERIODS, Area, Classification, categories_on
from samarbejde.model.codes import KNOWN_ENTRY_POINT_KINDS
from samarbejde.model.enums import Sector
from samarbejde.model.municipalities import municipalities
from samarbejde.model.organisations import EntryPoint, Identifiers, Organisation
from samarbejde.model.partnerships import Partnership
from samarbejde.model.portfolio import Portfolio
from samarbejde.strategies._approximate import loosen
from samarbejde.strategies._partnerships import Form, PartnershipPlan, draw_partnership
from samarbejde.strategies._records import POSTS, area_lists
from samarbejde.strategies._sources import cite_throughout
from samarbejde.strategies._unknowns import maybe_unknown
from samarbejde.strategies._values import (
    DEFAULT_END,
    DEFAULT_START,
    choose,
    codes_of_municipalities,
    complete_cvr,
    in_span,
    maybe,
    maybe_day,
    maybe_pick,
    pick,
    repeat,
    sorted_dates,
)

__all__ = ["Size", "partnerships", "portfolios"]

#: A size: an exact number, or the smallest and largest number as a pair.
Size = int | tuple[int, int]

_SLUGS = {
    Sector.MUNICIPALITY: ("kommune", "Kommune"),
    Sector.HOUSING: ("bolig", "Boligforening"),
    Sector.CIVIL_SOCIETY: ("forening", "Frivillig forening"),
    Sector.BUSINESS: ("virksomhed", "Erhvervsnetværk"),
    Sector.RESIDENTS: ("beboere", "Beboerrådet"),
    Sector.REGION: ("region", "Region"),
    Sector.STATE: ("stat", "Styrelsen"),
    Sector.EDUCATION: ("skole", "Erhvervsskole"),
    Sector.FOUNDATION: ("fond", "Fonden"),
    Sector.KNOWLEDGE: ("viden", "Videnscenter"),
    Sector.OTHER: ("aktoer", "Aktør"),
}
_CVR_SECTORS = frozenset(
    {Sector.HOUSING, Sector.CIVIL_SOCIETY, Sector.BUSINESS, Sector.FOUNDATION, Sector.EDUCATION}
)
_AREA_NAMES = ("Ørnereden", "Glentebyparken", "Vollsmose", "Tingbjerg", "Skovparken", "Solbakken")
_CHANNELS = ("Fælles postkasse", "Hovednummer")
_REMITS = ("Beskæftigelse", "Fritid", "Tryghed", "Sundhed", "Uddannelse")


def _size(name: str, value: Size) -> tuple[int, int]:
    low, high = (value, value) if isinstance(value, int) else value
    if not 0 <= low <= high:
        raise InvalidArgument(f"{name}={value!r}: need 0 <= smallest <= largest")
    return low, high


def _organisations(
    draw: st.DrawFn,
    size: tuple[int, int],
    *,
    sectors: tuple[Sector, ...],
    area_ids: tuple[str, ...],
    start: pendulum.Date,
    end: pendulum.Date,
) -> tuple[Organisation, ...]:
    codes: set[str] = set()
    cvrs: set[str] = set()
    result: list[Organisation] = []
    for index in repeat(draw, *size):
        sector = sectors[index] if index < len(sectors) else pick(draw, sectors or Sector)
        slug, noun = _SLUGS[sector]
        parent = None
        if result and draw(st.integers(0, 3)) == 0:
            parent = pick(draw, result).id
        kommunekode = None
        if sector is Sector.MUNICIPALITY and parent is None:
            code = pick(draw, codes_of_municipalities())
            kommunekode = None if code in codes else code
            codes.add(code)
        cvr = None
        if sector in _CVR_SECTORS and maybe(draw):
            drawn = complete_cvr(draw(st.integers(1_000_000, 9_999_999)))
            cvr = None if drawn in cvrs else drawn
            cvrs.add(drawn)
        name = (
            f"{municipalities()[kommunekode].name} Kommune"
            if kommunekode is not None
            else f"{noun} {index + 1}"
        )
        entry_points = tuple(
            EntryPoint(
                f"ep-{i + 1}",
                pick(draw, KNOWN_ENTRY_POINT_KINDS),
                pick(draw, POSTS),
                channel=maybe_pick(draw, _CHANNELS),
                covers=tuple(choose(draw, area_ids, 0, 2) if area_ids else ()),
                verified_on=maybe_day(draw, start, end),
            )
            for i in repeat(draw, 0, 2)
        )
        result.append(
            Organisation(
                f"{slug}-{index + 1}",
                name,
                sector,
                parent=parent,
                identifiers=Identifiers(cvr=cvr, kommunekode=kommunekode),
                remit=choose(draw, _REMITS, 0, 2),
                entry_points=entry_points,
            )
        )
    return tuple(result)


def _areas(
    draw: st.DrawFn, size: tuple[int, int], start: pendulum.Date, end: pendulum.Date
) -> tuple[Area, ...]:
    result = []
    # Lists exist only since the first law's period: a portfolio of earlier days has
    # areas with no classification yet.
    first_list = max(start, min(period.start for period in LAW_PERIODS.values()))
    for index in repeat(draw, *size):
        listed = len(list(repeat(draw, 0, 2))) if first_list <= end else 0
        result.append(
            Area(
                f"omraade-{index + 1}",
                pick(draw, _AREA_NAMES),
                pick(draw, codes_of_municipalities()),
                residents=draw(st.integers(0, 20_000)) if maybe(draw) else None,
                classifications=tuple(
                    Classification(
                        maybe_unknown(draw, pick(draw, categories_on(listed_on))), listed_on
                    )
                    for listed_on in sorted_dates(draw, listed, first_list, end)
                ),
            )
        )
    return tuple(result)


def portfolios(
    *,
    organisations: Size = (2, 6),
    areas: Size = (1, 3),
    partnerships: Size = (1, 3),
    members: Size = (1, 4),
    commitments: Size = (0, 4),
    lifecycle: Form = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
    sectors: Iterable[Sector] | None = None,
    final_states: bool | None = None,
    as_of: pendulum.Date | None = None,
) -> st.SearchStrategy[Portfolio]:
    """Valid, referentially consistent portfolios.

    Every record satisfies its construction invariants and every reference resolves:
    members are organisations of the portfolio, commitments are made by active
    members under mandates they hold, in force, with the powers for the commitment's
    kind and a ceiling above the money committed; agreements are signed by members;
    areas, goals, challenges and agreement parents exist.

    Args:
        organisations: How many organisations (an int, or smallest and largest).
        areas: How many areas.
        partnerships: How many partnerships.
        members: How many members per partnership (never more than the organisations).
        commitments: How many commitments per partnership.
        lifecycle: ``"project"`` or ``"strategic"`` for the form of every current
            lifecycle (a strategic one may have an earlier project), ``None`` for both.
        start: The first day of the date window; every date lies inside it.
        end: The last day of the date window (at least three days after ``start``).
        sectors: The sectors organisations are drawn from; each of them is present.
            ``None`` draws from every sector.
        final_states: ``True``: every lifecycle and commitment history ends in a final
            state; ``False``: none does (earlier lifecycles always have ended);
            ``None``: either.
        as_of: Draw the portfolio as it could be recorded on this day: every
            partnership has begun by then and no dated entry (phase, review, status,
            fulfilment, signature, membership, revocation, listing) lies after it, so
            ``validate(portfolio, as_of=as_of)`` finds nothing dated in the future.
            Terms may reach beyond it.

    Raises:
        InvalidArgument: A size is negative or reversed, the window is too short,
            ``as_of`` lies outside it, or there are fewer organisations than sectors.

    >>> from hypothesis import Phase, find, settings
    >>> draw_once = settings(phases=[Phase.generate], database=None)  # no shrinking
    >>> portfolio = find(portfolios(partnerships=2), lambda p: True, settings=draw_once)
    >>> len(portfolio.partnerships)
    2
    """
    as_of = days.optional_day(as_of, "as_of")
    org_size = _size("organisations", organisations)
    area_size = _size("areas", areas)
    partnership_size = _size("partnerships", partnerships)
    member_size = _size("members", members)
    commitment_size = _size("commitments", commitments)
    required = tuple(dict.fromkeys(sectors)) if sectors is not None else ()
    if (end - start).days < 3:
        raise InvalidArgument(f"the date window {start}..{end} must span at least four days")
    if as_of is not None and not start <= as_of <= end:
        raise InvalidArgument(f"as_of={as_of} lies outside the date window {start}..{end}")
    if sectors is not None and not required:
        raise InvalidArgument("sectors must name at least one sector")
    if len(required) > org_size[0]:
        raise InvalidArgument(
            f"{len(required)} sectors need at least as many organisations, not {org_size[0]}"
        )
    if partnership_size[1] and not org_size[0]:
        raise InvalidArgument("partnerships need at least one organisation")
    if lifecycle not in ("project", "strategic", None):
        raise InvalidArgument(f"lifecycle={lifecycle!r}: use 'project', 'strategic' or None")
    begin_by = end if as_of is None else as_of

    @st.composite
    def build(draw: st.DrawFn) -> Portfolio:
        drawn_areas = _areas(draw, area_size, start, begin_by)
        area_ids = tuple(a.id for a in drawn_areas)
        orgs = _organisations(
            draw, org_size, sectors=required, area_ids=area_ids, start=start, end=begin_by
        )
        drawn: list[Partnership] = []
        for index in repeat(draw, *partnership_size):
            plan = PartnershipPlan(
                index=index + 1,
                organisation_ids=tuple(o.id for o in orgs),
                area_ids=area_ids,
                strategic_ids=tuple(p.id for p in drawn if p.form == "strategic"),
                start=start,
                end=end,
                begin_by=begin_by,
                today=as_of,
                form=lifecycle,
                final=final_states,
                members=member_size,
                commitments=commitment_size,
            )
            drawn.append(loosen(draw, in_span(draw, draw_partnership, plan), start, begin_by))
        lists = draw(
            st.lists(area_lists(area_ids, start, begin_by), max_size=2, unique_by=lambda x: x.id)
            if area_ids
            else st.just([])
        )
        # sources read and notes written by the day the portfolio is recorded
        portfolio = Portfolio(orgs, drawn_areas, tuple(drawn), tuple(lists))
        return cite_throughout(draw, portfolio, start, begin_by)

    return build()


def partnerships(
    *,
    organisations: Size = (2, 6),
    members: Size = (1, 4),
    commitments: Size = (0, 4),
    lifecycle: Form = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
    final_states: bool | None = None,
    as_of: pendulum.Date | None = None,
) -> st.SearchStrategy[Partnership]:
    """Valid partnerships, each the only partnership of a drawn portfolio.

    The arguments mean what they mean for :func:`portfolios`. The organisations and
    areas it refers to are not returned; use :func:`portfolios` when you need them.
    """
    as_of = days.optional_day(as_of, "as_of")
    return portfolios(
        organisations=organisations,
        partnerships=1,
        members=members,
        commitments=commitments,
        lifecycle=lifecycle,
        start=start,
        end=end,
        final_states=final_states,
        as_of=as_of,
    ).map(lambda p: p.partnerships[0])
