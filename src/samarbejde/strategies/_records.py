"""Strategies for single records, each valid on its own (construction invariants hold).

References to other records (organisation ids, mandate ids …) are drawn as plain ids
here; :func:`samarbejde.strategies.portfolios` draws records whose references resolve.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pendulum
from hypothesis import strategies as st

from samarbejde.model.agreements import Agreement, Signature
from samarbejde.model.area_lists import KNOWN_LIST_CATEGORIES, AreaList, Figure, Listing
from samarbejde.model.areas import Area, Classification, categories_on
from samarbejde.model.codes import (
    KNOWN_COMMITMENT_KINDS,
    KNOWN_ENTRY_POINT_KINDS,
    KNOWN_INTERESTS,
    KNOWN_ROLES,
)
from samarbejde.model.commitments import Commitment, Fulfilment
from samarbejde.model.enums import (
    AgreementKind,
    CommitmentStatus,
    Direction,
    MandateLevel,
    Measure,
    Power,
    ReviewOutcome,
    Sector,
    Unit,
)
from samarbejde.model.goals import Challenge, Goal, Vision
from samarbejde.model.history import StatusChange
from samarbejde.model.lifecycles import Review
from samarbejde.model.mandates import Mandate
from samarbejde.model.measurements import Measurement
from samarbejde.model.memberships import Membership
from samarbejde.model.money import Quantity
from samarbejde.model.organisations import EntryPoint, Identifiers, Organisation
from samarbejde.model.terms import Term
from samarbejde.model.transitions import COMMITMENT_STATUS
from samarbejde.model.unknown import UNKNOWN, Unknown
from samarbejde.strategies._sources import cited
from samarbejde.strategies._unknowns import maybe_unknown
from samarbejde.strategies._values import (
    DEFAULT_END,
    DEFAULT_START,
    amounts,
    cvr_numbers,
    dates,
    day,
    decimal,
    durations,
    ids,
    kommunekoder,
    maybe_day,
    maybe_pick,
    money,
    quantities,
    sorted_dates,
    terms,
    texts,
    walk,
)

__all__ = [
    "KIND_UNITS",
    "agreements",
    "area_lists",
    "areas",
    "challenges",
    "classifications",
    "codes",
    "commitments",
    "entry_points",
    "figures",
    "fulfilments",
    "goals",
    "identifiers",
    "listings",
    "mandates",
    "measurements",
    "memberships",
    "organisations",
    "reviews",
    "signatures",
    "visions",
]

#: Posts (never persons) that represent members and staff entry points.
POSTS = (
    "Boligsocial koordinator",
    "Direktør",
    "Afdelingsformand",
    "Regional konsulent",
    "Frivilligkoordinator",
    "Centerchef",
    "Projektleder",
    "Formand for beboerrådet",
)

#: Notes on a status change and on a delivery (free text, removed by ``redact``).
STATUS_NOTES = ("Aftalt på styregruppemødet", "Afventer budget")
FULFILMENT_NOTES = ("Leveret som aftalt", "Delvist leveret")

#: The units that suit each known commitment kind: ``commitments()`` draws a quantity in
#: one of them (any unit for a kind not listed). Public as ``strategies.KIND_UNITS``.
KIND_UNITS: dict[str, tuple[Unit, ...]] = {
    "staff_hours": (Unit.HOURS, Unit.HOURS_PER_WEEK, Unit.FTE),
    "funding": (Unit.DKK,),
    "facilities": (Unit.HOURS, Unit.PLACES, Unit.ITEMS),
    "volunteers": (Unit.PERSONS, Unit.HOURS),
    "leisure_jobs": (Unit.PLACES, Unit.PERSONS),
    "internships": (Unit.PLACES, Unit.PERSONS),
    "apprenticeships": (Unit.PLACES, Unit.PERSONS),
    "knowledge": (Unit.SESSIONS, Unit.HOURS),
    "data": (Unit.ITEMS,),
    "local_presence": (Unit.HOURS_PER_WEEK, Unit.HOURS),
    "access": (Unit.PLACES, Unit.ITEMS, Unit.HOURS),
}


def codes(known: Sequence[str]) -> st.SearchStrategy[str]:
    """Codes from an open list: mostly the ``known`` ones, sometimes any valid code."""
    other = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)
    return st.one_of(st.sampled_from(tuple(known)), other)


def identifiers() -> st.SearchStrategy[Identifiers]:
    """Identifiers with or without a CVR number and a kommunekode."""
    return st.builds(Identifiers, st.none() | cvr_numbers(), st.none() | kommunekoder())


def entry_points(
    area_ids: Sequence[str] = (),
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[EntryPoint]:
    """Entry points covering some of ``area_ids`` (drawn ids when none are given)."""
    covers = (
        st.lists(st.sampled_from(tuple(area_ids)), unique=True, max_size=2).map(tuple)
        if area_ids
        else st.lists(ids(), unique=True, max_size=2).map(tuple)
    )
    return st.builds(
        EntryPoint,
        ids(),
        codes(KNOWN_ENTRY_POINT_KINDS),
        st.sampled_from(POSTS),
        channel=st.none() | st.just("Fælles postkasse"),
        covers=covers,
        verified_on=st.none() | dates(start, end),
    )


def organisations(sector: Sector | None = None) -> st.SearchStrategy[Organisation]:
    """Organisations (in ``sector`` when given), with unique entry point ids.

    They stand alone: none is a unit of a parent, which would need its portfolio
    (:func:`samarbejde.strategies.portfolios` draws units).
    """
    return cited(
        st.builds(
            Organisation,
            ids(),
            texts(),
            st.sampled_from(Sector) if sector is None else st.just(sector),
            parent=st.none(),
            identifiers=identifiers(),
            remit=st.lists(texts(), max_size=2).map(tuple),
            entry_points=st.lists(entry_points(), max_size=2, unique_by=lambda e: e.id).map(tuple),
        )
    )


def classifications(
    start: pendulum.Date = DEFAULT_START, end: pendulum.Date = DEFAULT_END
) -> st.SearchStrategy[Classification]:
    """Single dated area classifications, each of a category its list date's law knew."""
    return cited(
        dates(start, end).flatmap(
            lambda day: st.builds(Classification, st.sampled_from(categories_on(day)), st.just(day))
        ),
        start,
        end,
    )


def areas(
    start: pendulum.Date = DEFAULT_START, end: pendulum.Date = DEFAULT_END
) -> st.SearchStrategy[Area]:
    """Areas in a Danish municipality, with classifications in date order."""
    history = st.lists(classifications(start, end), max_size=3).map(
        lambda cs: tuple(sorted(cs, key=lambda c: c.list_date))
    )
    return cited(
        st.builds(
            Area,
            ids(),
            texts(),
            kommunekoder(),
            residents=st.none() | st.integers(0, 20_000),
            classifications=history,
        ),
        start,
        end,
    )


def figures() -> st.SearchStrategy[Figure]:
    """An area's figures on a list's date: residents, a criterion's share."""
    return st.builds(
        Figure,
        st.sampled_from(("residents", "outside_labour_market_pct", "low_income_pct")),
        amounts(min_value=0, max_value=10_000, places=1),
    )


def listings(area_ids: Sequence[str] | None = None) -> st.SearchStrategy[Listing]:
    """An area on a list, one of ``area_ids``, with some figures."""
    area = ids() if area_ids is None else st.sampled_from(tuple(area_ids))
    return st.builds(
        Listing,
        area,
        st.lists(figures(), max_size=2, unique_by=lambda f: f.name).map(tuple),
        st.none() | st.booleans(),
    )


def area_lists(
    area_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[AreaList]:
    """Government lists of a known or an open category naming some of ``area_ids``."""

    @st.composite
    def draw_list(draw: st.DrawFn) -> AreaList:
        on = draw(st.lists(listings(area_ids), max_size=3, unique_by=lambda x: x.area).map(tuple))
        named = {x.area for x in on}
        others = (
            st.lists(ids(), max_size=2, unique=True)
            if area_ids is None
            else st.lists(st.sampled_from(tuple(area_ids)), max_size=2, unique=True)
        )
        left = [a for a in draw(others) if a not in named]
        complete = draw(st.booleans())
        count = len(on) if complete else draw(st.none() | st.integers(len(on), len(on) + 40))
        return AreaList(
            draw(ids()),
            draw(st.sampled_from((*KNOWN_LIST_CATEGORIES, "ny_kategori"))),
            day(draw, start, end),
            law=draw(st.none() | st.just("lov om almene boliger m.v.")),
            listings=on,
            left=tuple(left),
            count=count,
            complete=complete,
            source=draw(st.none() | st.just("Social- og Boligministeriet")),
        )

    return draw_list()


@st.composite
def mandates(
    draw: st.DrawFn,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> Mandate:
    """Mandates whose term lies in ``start``..``end``, perhaps capped and revoked."""
    term = draw(terms(start, end))
    revoked = draw(st.none() | dates(term.start, term.end or end))
    record = Mandate(
        draw(ids()),
        draw(st.sampled_from(MandateLevel)),
        frozenset(draw(st.sets(st.sampled_from(Power), min_size=1, max_size=3))),
        term,
        draw(st.sampled_from(("Byrådet", "Organisationsbestyrelsen", "Bestyrelsen"))),
        ceiling=draw(st.none() | money()),
        revoked=revoked,
    )
    return draw(cited(st.just(record), start, end))


@st.composite
def memberships(
    draw: st.DrawFn,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> Membership:
    """Memberships with unique mandate ids, joined inside ``start``..``end``."""
    joined = draw(dates(start, end))
    left = draw(st.none() | dates(joined, end))
    held = draw(st.lists(mandates(joined, end), max_size=2, unique_by=lambda m: m.id))
    record = Membership(
        draw(ids()),
        maybe_unknown(draw, draw(codes(KNOWN_ROLES))),
        joined,
        left,
        representative=draw(st.none() | st.sampled_from(POSTS)),
        mandates=tuple(held),
        interests=tuple(draw(st.lists(codes(KNOWN_INTERESTS), max_size=3, unique=True))),
    )
    return draw(cited(st.just(record), start, end))


def _parts(draw: st.DrawFn, total: Decimal) -> list[Decimal]:
    """Split ``total`` into one to three positive parts that add up to it exactly."""
    tenths = draw(st.lists(st.integers(1, 4), max_size=2))
    parts = [total * t / 10 for t in tenths]
    return [*parts, total - sum(parts, Decimal(0))]


def commitment_history(
    draw: st.DrawFn,
    made_on: pendulum.Date,
    last: pendulum.Date,
    quantity: Quantity,
    *,
    final: bool | None,
) -> tuple[tuple[StatusChange, ...], tuple[Fulfilment, ...]]:
    """Draw a status history from ``made_on`` and the fulfilments that agree with it.

    Status dates lie in ``made_on``..``last``. Fulfilments come only after the
    commitment was pledged or agreed and never after a final state; ``fulfilled``
    means the fulfilments add up to the quantity, ``partly_fulfilled`` to less.
    """
    path = walk(draw, COMMITMENT_STATUS, final=final)
    days = [made_on, *sorted_dates(draw, len(path) - 1, made_on, last)]
    status = tuple(
        StatusChange(s, d, maybe_pick(draw, STATUS_NOTES)) for s, d in zip(path, days, strict=True)
    )
    binding = [
        c.on for c in status if c.status in (CommitmentStatus.PLEDGED, CommitmentStatus.AGREED)
    ]
    current = path[-1]
    if not binding or current in (
        CommitmentStatus.WITHDRAWN,
        CommitmentStatus.BREACHED,
        CommitmentStatus.SUPERSEDED,
    ):
        return status, ()
    until = status[-1].on if COMMITMENT_STATUS.is_final(current) else last
    delivered: Sequence[Decimal | Unknown]
    if quantity.amount is UNKNOWN:  # what was delivered is not known either
        marked = current in (CommitmentStatus.FULFILLED, CommitmentStatus.PARTLY_FULFILLED)
        delivered = [UNKNOWN] * draw(st.integers(1 if marked else 0, 2))
        if not delivered:
            return status, ()
    elif current is CommitmentStatus.FULFILLED:
        delivered = _parts(draw, quantity.amount)
    elif current is CommitmentStatus.PARTLY_FULFILLED or draw(st.booleans()):
        share = draw(st.integers(1, 9))
        delivered = _parts(draw, quantity.amount * share / 10)
    else:
        return status, ()
    on = sorted_dates(draw, len(delivered), binding[0], until)
    fulfilled = tuple(
        Fulfilment(d, Quantity(amount, quantity.unit), maybe_pick(draw, FULFILMENT_NOTES))
        for d, amount in zip(on, delivered, strict=True)
    )
    return status, fulfilled


def draw_quantity(draw: st.DrawFn, kind: str) -> Quantity:
    """A quantity in a unit that suits commitment ``kind``."""
    unit = draw(st.sampled_from(KIND_UNITS.get(kind, tuple(Unit))))
    top = 500_000 if unit is Unit.DKK else 200
    amount = draw(amounts(max_value=top, places=0 if unit is Unit.DKK else 1))
    return Quantity(maybe_unknown(draw, amount), unit)


@st.composite
def commitments(
    draw: st.DrawFn,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
    *,
    final_states: bool | None = None,
) -> Commitment:
    """Commitments made inside ``start``..``end`` with a consistent history.

    Args:
        draw: Supplied by Hypothesis.
        start: The earliest day a commitment is made.
        end: The latest day of any date in it.
        final_states: ``True``: the status history ends in a final state; ``False``:
            it does not; ``None``: either.
    """
    made_on = draw(dates(start, end))
    kind = draw(codes(KNOWN_COMMITMENT_KINDS))
    quantity = draw_quantity(draw, kind)
    term_end = draw(st.none() | dates(made_on, end))
    status, fulfilled = commitment_history(
        draw, made_on, term_end or end, quantity, final=final_states
    )
    by, to = draw(st.lists(ids(), min_size=2, max_size=2, unique=True))
    record = Commitment(
        draw(ids()),
        by,
        kind,
        quantity,
        Term(made_on, term_end),
        status,
        to=draw(st.none() | st.just(to)),
        mandate=draw(st.none() | ids()),
        agreement=draw(st.none() | ids()),
        goals=tuple(draw(st.lists(ids(), unique=True, max_size=2))),
        fulfilments=fulfilled,
    )
    return draw(cited(st.just(record), start, end))


def fulfilments(
    unit: Unit | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[Fulfilment]:
    """Single deliveries, in ``unit`` when given."""
    return st.builds(Fulfilment, dates(start, end), quantities(unit), st.none() | texts())


def reviews(
    start: pendulum.Date = DEFAULT_START, end: pendulum.Date = DEFAULT_END
) -> st.SearchStrategy[Review]:
    """Single reviews of a strategic partnership."""
    return st.builds(Review, dates(start, end), st.sampled_from(ReviewOutcome), st.none() | texts())


def _id_tuples(
    choices: Sequence[str] | None, *, min_size: int = 0
) -> st.SearchStrategy[tuple[str, ...]]:
    pool = ids() if choices is None else st.sampled_from(tuple(choices))
    top = 3 if choices is None else min(3, len(choices))
    return st.lists(pool, unique=True, min_size=min(min_size, top), max_size=top).map(tuple)


def challenges(
    organisation_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[Challenge]:
    """Challenges identified by some of ``organisation_ids`` (drawn ids when ``None``)."""
    return cited(
        st.builds(
            Challenge, ids(), texts(), dates(start, end), _id_tuples(organisation_ids, min_size=1)
        ),
        start,
        end,
    )


def visions(
    organisation_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[Vision]:
    """Shared visions agreed by some of ``organisation_ids``."""
    return cited(
        st.builds(Vision, texts(), dates(start, end), _id_tuples(organisation_ids, min_size=1)),
        start,
        end,
    )


def _measurement(
    draw: st.DrawFn,
    organisation_ids: Sequence[str] | None,
    start: pendulum.Date,
    on: pendulum.Date,
) -> Measurement:
    """A measurement for ``on``; a period value begins in ``start``..``on``."""
    who = ids() if organisation_ids is None else st.sampled_from(tuple(organisation_ids))
    posts = st.sampled_from(("analysechef", "styregruppen", "sekretariatet")) | st.none()
    known = organisation_ids is None or bool(organisation_ids)
    return Measurement(
        on,
        decimal(draw, 0, 100, 1),
        since=maybe_day(draw, min(start, on), on),
        source=draw(st.sampled_from(("Danmarks Statistik", "Egen optælling")) | st.none()),
        reported_by=draw(who | st.none()) if known else None,
        reported_post=draw(posts),
        approved_by=draw(who | st.none()) if known else None,
        approved_post=draw(posts),
    )


def draw_measurements(
    draw: st.DrawFn,
    organisation_ids: Sequence[str] | None,
    start: pendulum.Date,
    end: pendulum.Date,
    *,
    max_size: int = 3,
) -> tuple[Measurement, ...]:
    """Measurements dated ``start``..``end``, oldest first, reported by ``organisation_ids``."""
    count = draw(st.integers(0, max_size))
    return tuple(
        _measurement(draw, organisation_ids, start, on)
        for on in sorted_dates(draw, count, start, end)
    )


def draw_measure(draw: st.DrawFn) -> tuple[Measure | None, str | None]:
    """A goal's measure and, for an amount, its unit (sometimes none)."""
    measure = draw(st.sampled_from(Measure) | st.none())
    unit = None
    if measure is Measure.AMOUNT:
        unit = draw(st.sampled_from(("DKK", "timer", "m2")) | st.none())
    return measure, unit


def measurements(
    organisation_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[Measurement]:
    """Measurements dated ``start``..``end``, some reported by ``organisation_ids``."""

    @st.composite
    def draw_one(draw: st.DrawFn) -> Measurement:
        return _measurement(draw, organisation_ids, start, day(draw, start, end))

    return draw_one()


def goals(
    organisation_ids: Sequence[str] | None = None,
    challenge_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[Goal]:
    """Goals, mostly with indicator, baseline and target, owned by some organisations."""
    values = amounts(min_value=0, max_value=100, places=1)

    @st.composite
    def draw_goal(draw: st.DrawFn) -> Goal:
        measure, unit = draw_measure(draw)
        return Goal(
            draw(ids()),
            draw(texts()),
            indicator=draw(
                st.sampled_from(("Andel i job eller uddannelse (%)", "Antal fritidsjob"))
                | st.none()
            ),
            baseline=draw(values | st.none()),
            target=draw(values | st.none()),
            due=draw(dates(start, end) | st.none()),
            owners=draw(_id_tuples(organisation_ids, min_size=1)),
            challenges=draw(_id_tuples(challenge_ids)),
            decided_on=draw(dates(start, end) | st.none()),
            measure=measure,
            unit=unit,
            direction=draw(st.sampled_from(Direction) | st.none()),
            measure_every=draw(durations(max_months=36) | st.none()),
            measurements=draw_measurements(draw, organisation_ids, start, end),
        )

    return cited(draw_goal(), start, end)


def signatures(
    organisation_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[Signature]:
    """Signatures, mostly dated, by one of ``organisation_ids``."""
    who = ids() if organisation_ids is None else st.sampled_from(tuple(organisation_ids))
    return st.builds(Signature, who, dates(start, end) | st.none())


@st.composite
def agreements(
    draw: st.DrawFn,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> Agreement:
    """Agreements with distinct parties, perhaps with a parent, term and notice."""
    agreement_id = draw(ids())
    parent = draw(st.none() | ids().filter(lambda i: i != agreement_id))
    parties = draw(
        st.lists(signatures(None, start, end), max_size=3, unique_by=lambda s: s.organisation)
    )
    record = Agreement(
        agreement_id,
        draw(st.sampled_from(AgreementKind)),
        tuple(parties),
        term=draw(st.none() | terms(start, end)),
        binding=draw(st.booleans()),
        parent=parent,
        theme=draw(st.none() | texts()),
        notice=draw(st.none() | durations(max_months=12)),
        concluded_on=draw(st.none() | dates(start, end)),
    )
    return draw(cited(st.just(record), start, end))
