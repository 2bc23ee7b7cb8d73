"""Strategies for how a partnership is run and whom it involves.

Governance bodies with seats, terms and a dated history of versions; the secretariat;
involvement events. The record strategies draw values alone; the ``draw_*`` functions
draw them inside a partnership of :func:`~samarbejde.strategies.portfolios`, where every
reference resolves and every version goes forward in time.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pendulum
from hypothesis import strategies as st

from samarbejde.model.approximate import last_day, surely_by
from samarbejde.model.codes import (
    KNOWN_GOVERNANCE_KINDS,
    KNOWN_INVOLVEMENT_KINDS,
    KNOWN_SECRETARIAT_KINDS,
)
from samarbejde.model.enums import DecisionPower, SeatRole, Sector
from samarbejde.model.goals import Challenge
from samarbejde.model.governance import GovernanceBody, Seat
from samarbejde.model.involvement import InvolvementEvent
from samarbejde.model.secretariats import Secretariat
from samarbejde.model.terms import Term
from samarbejde.strategies._records import POSTS, codes
from samarbejde.strategies._sources import provenance
from samarbejde.strategies._values import (
    DEFAULT_END,
    DEFAULT_START,
    choose,
    dates,
    day,
    durations,
    ids,
    in_span,
    maybe,
    maybe_day,
    maybe_months,
    maybe_pick,
    pick,
    repeat,
    terms,
    texts,
)

__all__ = [
    "draw_governance",
    "draw_involvement",
    "draw_secretariat",
    "governance_bodies",
    "involvement_events",
    "seats",
    "secretariats",
]

_BODY_NAMES = ("Styregruppen", "Partnerskabsrådet", "Bestyrelsen", "Følgegruppen")
_EVENT_NAMES = ("Fremtidsværksted", "Dialogmøde med foreningerne", "Borgermøde i beboerhuset")
_IDEAS = ("Lektiecafé i beboerhuset", "Fritidsjob i lokale butikker", "Fælles sommerfest")
_ADDRESSES = ("Karlemoseparken 20, 4600 Køge", "Ringparken 1, 4200 Slagelse")
_SECRETARIAT_NAMES = ("Boligsocialt Fællessekretariat", "Områdesekretariatet")


def _pool(organisation_ids: Sequence[str] | None) -> st.SearchStrategy[str]:
    return ids() if organisation_ids is None else st.sampled_from(tuple(organisation_ids))


@st.composite
def seats(draw: st.DrawFn, organisation_ids: Sequence[str] | None = None) -> Seat:
    """One seat (or several held the same way), of one of ``organisation_ids`` or none."""
    organisation = None if organisation_ids == () else draw(st.none() | _pool(organisation_ids))
    role = draw(st.sampled_from(SeatRole))
    count = 1 if role is not SeatRole.MEMBER else draw(st.integers(1, 4))
    return Seat(organisation, draw(st.none() | st.sampled_from(POSTS)), role, count)


@st.composite
def governance_bodies(
    draw: st.DrawFn,
    organisation_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> GovernanceBody:
    """Governance bodies whose members and seats are some of ``organisation_ids``.

    Perhaps dated, with a term inside ``start``..``end``, a decision power, seats and a
    size at least the seats listed.
    """
    members = draw(
        st.lists(_pool(organisation_ids), unique=True, min_size=1, max_size=3).map(tuple)
        if organisation_ids is None or organisation_ids
        else st.just(())
    )
    held = draw(st.lists(seats(organisation_ids), max_size=3))
    drawn = tuple(s for s in held if s.organisation not in members)
    listed = len(members) + sum(s.count for s in drawn)
    size = draw(st.none() | st.integers(max(1, listed), listed + 5))
    return GovernanceBody(
        draw(ids()),
        draw(codes(KNOWN_GOVERNANCE_KINDS)),
        members,
        meets_every=draw(st.none() | durations(max_months=12)),
        name=draw(st.none() | texts()),
        decided_on=draw(st.none() | dates(start, end)),
        term=draw(st.none() | terms(start, end)),
        power=draw(st.none() | st.sampled_from(DecisionPower)),
        seats=drawn,
        size=size,
        **draw(provenance(start, end)),
    )


def secretariats(
    organisation_ids: Sequence[str] | None = None,
    area_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[Secretariat]:
    """A secretariat or backbone, perhaps hosted by one of ``organisation_ids``."""
    return st.builds(
        Secretariat,
        texts(),
        codes(KNOWN_SECRETARIAT_KINDS),
        host=st.none() | _pool(organisation_ids),
        address=st.none() | st.sampled_from(_ADDRESSES),
        area=st.none() | (ids() if area_ids is None else st.sampled_from(tuple(area_ids))),
        decided_on=st.none() | dates(start, end),
    )


def involvement_events(
    organisation_ids: Sequence[str] | None = None,
    challenge_ids: Sequence[str] | None = None,
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[InvolvementEvent]:
    """An involvement event held inside ``start``..``end``, with what it produced."""
    challenges = (
        st.lists(ids(), unique=True, max_size=2)
        if challenge_ids is None
        else st.lists(st.sampled_from(tuple(challenge_ids)), unique=True, max_size=2)
        if challenge_ids
        else st.just([])
    )
    return st.builds(
        InvolvementEvent,
        ids(),
        codes(KNOWN_INVOLVEMENT_KINDS),
        dates(start, end),
        name=st.none() | texts(),
        participants=st.lists(_pool(organisation_ids), unique=True, max_size=3).map(tuple)
        if organisation_ids is None or organisation_ids
        else st.just(()),
        sectors=st.frozensets(st.sampled_from(Sector), max_size=3),
        challenges=challenges.map(tuple),
        ideas=st.lists(texts(), max_size=2).map(tuple),
    )


def draw_governance(
    draw: st.DrawFn,
    prefix: str,
    members: Sequence[str],
    organisation_ids: Sequence[str],
    *,
    first: pendulum.Date,
    now: pendulum.Date,
) -> tuple[tuple[GovernanceBody, ...], tuple[GovernanceBody, ...]]:
    """The bodies of a partnership and their earlier versions, dated ``first``..``now``.

    ``members`` may sit through ``members``; seats are held by any of
    ``organisation_ids`` (members or not).
    """
    current: list[GovernanceBody] = []
    history: list[GovernanceBody] = []
    for i in repeat(draw, 0, 2) if members else ():
        versions = in_span(draw, _body, f"{prefix}-s{i + 1}", members, organisation_ids, first, now)
        history.extend(versions[:-1])
        current.append(versions[-1])
    return tuple(current), tuple(history)


def _body(  # noqa: PLR0917 - drawn through in_span, which passes arguments by position
    draw: st.DrawFn,
    body_id: str,
    members: Sequence[str],
    organisation_ids: Sequence[str],
    first: pendulum.Date,
    now: pendulum.Date,
) -> list[GovernanceBody]:
    """One body's versions, oldest first: the first perhaps undated, the later ones dated."""
    start = day(draw, first, now)
    term = None
    if maybe(draw):
        term = Term(start, maybe_day(draw, start, now) if maybe(draw) else None)
    body = GovernanceBody(
        body_id,
        pick(draw, KNOWN_GOVERNANCE_KINDS),
        choose(draw, members, 0, 2),
        meets_every=maybe_months(draw, 1, 6),
        name=maybe_pick(draw, _BODY_NAMES),
        power=maybe_pick(draw, DecisionPower),
        term=term,
    )
    versions = [_version(draw, body, organisation_ids, maybe_day(draw, first, now))]
    for _ in repeat(draw, 0, 2):
        last = versions[-1].decided_on
        if last is None or last_day(last) >= now:
            break
        versions.append(
            _version(
                draw, versions[-1], organisation_ids, day(draw, last_day(last).add(days=1), now)
            )
        )
    return versions


def _version(
    draw: st.DrawFn,
    body: GovernanceBody,
    organisation_ids: Sequence[str],
    on: pendulum.Date | None,
) -> GovernanceBody:
    """``body`` as a version taking effect ``on``: seats and size drawn anew."""
    others = [o for o in organisation_ids if o not in body.members]
    held: list[Seat] = []
    for _ in repeat(draw, 0, 3):
        role = pick(draw, SeatRole)
        held.append(
            Seat(
                maybe_pick(draw, others),
                maybe_pick(draw, POSTS),
                role,
                1 if role is not SeatRole.MEMBER else draw(st.integers(1, 3)),
            )
        )
    listed = len(body.members) + sum(s.count for s in held)
    size = listed + draw(st.integers(0, 3)) if maybe(draw) and listed else None
    return attrs.evolve(body, decided_on=on, seats=tuple(held), size=size)


def draw_secretariat(
    draw: st.DrawFn,
    organisation_ids: Sequence[str],
    area_ids: Sequence[str],
    first: pendulum.Date,
    now: pendulum.Date,
) -> Secretariat | None:
    """Perhaps a secretariat, hosted by one of ``organisation_ids`` (member or not)."""
    if not maybe(draw):
        return None
    return Secretariat(
        pick(draw, _SECRETARIAT_NAMES),
        pick(draw, KNOWN_SECRETARIAT_KINDS),
        host=maybe_pick(draw, organisation_ids),
        address=maybe_pick(draw, _ADDRESSES),
        area=maybe_pick(draw, area_ids),
        decided_on=maybe_day(draw, first, now),
    )


def draw_involvement(
    draw: st.DrawFn,
    prefix: str,
    organisation_ids: Sequence[str],
    challenges: Sequence[Challenge],
    *,
    first: pendulum.Date,
    now: pendulum.Date,
) -> tuple[InvolvementEvent, ...]:
    """Involvement events held ``first``..``now``, naming challenges identified by then."""
    events = []
    for i in repeat(draw, 0, 2):
        held_on = day(draw, first, now)
        known = [c.id for c in challenges if surely_by(c.identified_on, held_on)]
        events.append(
            InvolvementEvent(
                f"{prefix}-i{i + 1}",
                pick(draw, KNOWN_INVOLVEMENT_KINDS),
                held_on,
                name=maybe_pick(draw, _EVENT_NAMES),
                participants=choose(draw, organisation_ids, 0, 3),
                sectors=frozenset(choose(draw, tuple(Sector), 0, 2)),
                challenges=choose(draw, known, 0, 2),
                ideas=choose(draw, _IDEAS, 0, 2),
            )
        )
    return tuple(events)
