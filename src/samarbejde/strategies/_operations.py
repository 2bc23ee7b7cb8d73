"""Operations a partnership accepts on a day, and operations it refuses, with the error.

For a model-based test of code built on samarbejde (a registry's API, an importer):
:func:`operations` draws one call of a partnership operation (``admit``, ``release``,
``commit``, ``set_status`` …) that the partnership accepts on the day, built from its
state that day, never filtered; :func:`refused_operations` draws one that it refuses,
with the error class and a piece of the message the refusal carries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samarbejde.model import (
    COMMITMENT_STATUS,
    KNOWN_COMMITMENT_KINDS,
    KNOWN_INTERESTS,
    KNOWN_ROLES,
    PROJECT_PHASES,
    STRATEGIC_PHASES,
    Challenge,
    Commitment,
    CommitmentStatus,
    Funding,
    FundingKind,
    Goal,
    ModelError,
    Money,
    Partnership,
    ProjectLifecycle,
    Quantity,
    SamarbejdeError,
    StatusChange,
    Term,
    TransitionError,
    UnknownIdError,
)
from samarbejde.model.approximate import first_day, last_day, surely_before, surely_by
from samarbejde.strategies._records import POSTS, codes, draw_quantity
from samarbejde.strategies._values import DEFAULT_END, amounts, dates, ids, texts

__all__ = ["Operation", "Refusal", "operations", "refused_operations"]


@attrs.frozen
class Operation:
    """One call of a partnership operation: ``partnership.<name>(*args, on=on, **options)``.

    Call it on a partnership to run it: ``operation(p)`` returns the new partnership.

    Attributes:
        name: The operation, e.g. ``"admit"``, ``"set_status"``.
        on: The day it is dated.
        args: Its positional arguments.
        options: Its keyword arguments other than ``on``, as ``(name, value)`` pairs.
    """

    name: str
    on: pendulum.Date
    args: tuple[Any, ...] = ()
    options: tuple[tuple[str, Any], ...] = ()

    def __call__(self, partnership: Partnership) -> Partnership:
        """Run the operation on ``partnership`` and return the result."""
        method: Callable[..., Partnership] = getattr(partnership, self.name)
        return method(*self.args, on=self.on, **dict(self.options))

    def __repr__(self) -> str:
        shown = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.options]
        return f"{self.name}({', '.join([*shown, f'on={self.on}'])})"


@attrs.frozen
class Refusal:
    """An operation a partnership refuses, and how.

    Attributes:
        operation: The operation.
        error: The class of the error it raises (exactly this class).
        message: A piece of the error's message.
    """

    operation: Operation
    error: type[SamarbejdeError]
    message: str


def _fresh(draw: st.DrawFn, taken: set[str]) -> str:
    """An id that is not in ``taken``: a drawn one, numbered on where it is taken."""
    found = draw(ids())
    number = 2
    while found in taken:
        found = f"{found[:56]}-{number}"
        number += 1
    return found


def _open(p: Partnership, on: pendulum.Date) -> bool:
    ended = p.lifecycle.ended
    return ended is None or on < ended


def _active(p: Partnership, on: pendulum.Date) -> list[str]:
    return [m.organisation for m in p.members if m.active(on)]


def _some(draw: st.DrawFn, items: Sequence[str], min_size: int = 0) -> tuple[str, ...]:
    if not items:
        return ()
    return tuple(draw(st.lists(st.sampled_from(items), min_size=min_size, max_size=3, unique=True)))


def _phase_table(p: Partnership) -> Any:
    return PROJECT_PHASES if isinstance(p.lifecycle, ProjectLifecycle) else STRATEGIC_PHASES


Draw = Callable[[st.DrawFn, Partnership, pendulum.Date], Operation]


def _admit(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    held = {m.organisation for m in p.members}
    again = sorted(
        o
        for o in held
        if all(
            m.left is not None and surely_by(m.left, on) for m in p.members if m.organisation == o
        )
    )
    fresh = _fresh(draw, held)
    organisation = draw(st.sampled_from([fresh, *again]))
    options: list[tuple[str, Any]] = [("role", draw(codes(KNOWN_ROLES)))]
    representative = draw(st.none() | st.sampled_from(POSTS))
    if representative is not None:
        options.append(("representative", representative))
    return Operation("admit", on, (organisation,), tuple(options))


def _release(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    leaving = [m.organisation for m in p.members if m.active(on) and surely_before(m.joined, on)]
    return Operation("release", on, (draw(st.sampled_from(leaving)),))


def _declare_interests(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    organisation = draw(st.sampled_from(_active(p, on)))
    interests = tuple(draw(st.lists(codes(KNOWN_INTERESTS), max_size=3, unique=True)))
    return Operation("declare_interests", on, (organisation, interests))


def _new_commitment(draw: st.DrawFn, p: Partnership, on: pendulum.Date, by: str) -> Commitment:
    kind = draw(codes(KNOWN_COMMITMENT_KINDS))
    others = [o for o in _active(p, on) if o != by]
    end = draw(st.none() | dates(on, max(on, DEFAULT_END)))
    start = draw(st.sampled_from(sorted(COMMITMENT_STATUS.starts, key=str)))
    return Commitment(
        _fresh(draw, {c.id for c in p.commitments}),
        by,
        kind,
        draw_quantity(draw, kind),
        Term(on, end),
        (StatusChange(start, on),),
        to=draw(st.none() | st.sampled_from(others)) if others else None,
    )


def _commit(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    by = draw(st.sampled_from(_active(p, on)))
    return Operation("commit", on, (_new_commitment(draw, p, on, by),))


def _movable(p: Partnership, on: pendulum.Date) -> list[Commitment]:
    return [
        c for c in p.commitments if COMMITMENT_STATUS.allowed(c.current) and c.status[-1].on <= on
    ]


def _set_status(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    c = draw(st.sampled_from(_movable(p, on)))
    status = draw(st.sampled_from(sorted(COMMITMENT_STATUS.allowed(c.current), key=str)))
    return Operation("set_status", on, (c.id, status))


def _deliverable(p: Partnership, on: pendulum.Date) -> list[Commitment]:
    return [
        c
        for c in p.commitments
        if c.made_on <= on
        and (not c.is_final or on <= c.status[-1].on)
        and (not c.fulfilments or c.fulfilments[-1].on <= on)
    ]


def _record_fulfilment(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    c = draw(st.sampled_from(_deliverable(p, on)))
    quantity = Quantity(draw(amounts(max_value=1_000, places=0)), c.quantity.unit)
    return Operation("record_fulfilment", on, (c.id, quantity))


def _fund(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    funders = sorted({m.organisation for m in p.members})
    funder = draw(st.sampled_from(funders)) if funders else draw(ids())
    start = draw(dates(on.subtract(years=2), on))
    end = draw(dates(on, on.add(years=6)))
    funding = Funding(
        _fresh(draw, {f.id for f in p.funding}),
        funder,
        Money(draw(amounts(min_value=10_000, max_value=5_000_000, places=0))),
        Term(start, end),
        draw(st.sampled_from(FundingKind)),
    )
    return Operation("fund", on, (funding,))


def _identify_challenge(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    challenge = Challenge(
        _fresh(draw, {c.id for c in p.challenges}),
        draw(texts()),
        on,
        _some(draw, _active(p, on)),
    )
    return Operation("identify_challenge", on, (challenge,))


def _agree_vision(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    by = _some(draw, _active(p, on))
    return Operation("agree_vision", on, (draw(texts()),), (("by", by),))


def _set_goal(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    again = [g.id for g in p.goals if g.decided_on is None or surely_by(g.decided_on, on)]
    goal_id = draw(st.sampled_from([_fresh(draw, {g.id for g in p.goals}), *again]))
    known = [c.id for c in p.challenges if surely_by(c.identified_on, on)]
    goal = Goal(
        goal_id,
        draw(texts()),
        owners=_some(draw, _active(p, on)),
        challenges=_some(draw, known),
    )
    return Operation("set_goal", on, (goal,))


def _advance(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Operation:
    allowed = _phase_table(p).allowed(p.lifecycle.phase)
    phase = draw(st.sampled_from(sorted(allowed, key=str)))
    return Operation("advance", on, (phase,))


def _accepted(p: Partnership, on: pendulum.Date) -> list[Draw]:
    """The operations ``p`` accepts on ``on``, each as a way to draw one.

    Those that act on what is there come first (Hypothesis favours the first of a
    list, and they are what an application under test is least likely to have met).
    """
    found: list[Draw] = []
    active = _active(p, on)
    if _movable(p, on):
        found.append(_set_status)
    if _deliverable(p, on):
        found.append(_record_fulfilment)
    open_ = _open(p, on)
    if open_ and active:
        found.append(_commit)
    if any(m.active(on) and surely_before(m.joined, on) for m in p.members):
        found.append(_release)
    if active:
        found.append(_declare_interests)
    if _phase_table(p).allowed(p.lifecycle.phase) and first_day(p.lifecycle.phases[-1].on) <= on:
        found.append(_advance)
    if open_:
        found += [_fund, _set_goal, _identify_challenge, _admit]
        if p.vision is None or surely_by(p.vision.agreed_on, on):
            found.append(_agree_vision)
    return found


def _window(p: Partnership) -> tuple[pendulum.Date, pendulum.Date]:
    """The days on which ``p`` accepts some operation: from its start while it is open."""
    start = p.lifecycle.started
    ended = p.lifecycle.ended
    last = ended.subtract(days=1) if ended is not None else max(DEFAULT_END, start)
    return start, max(start, last)


def _days(
    p: Partnership, start: pendulum.Date, last: pendulum.Date
) -> st.SearchStrategy[pendulum.Date]:
    """Days in ``start``..``last``: half the time one on which ``p`` records something.

    On the days its records are dated (a member joins, a status moves, a phase begins)
    and the day after its latest, most operations apply; a day drawn evenly is most
    often before any member joined.
    """
    known = {last_day(m.joined) for m in p.members} | {c.status[-1].on for c in p.commitments}
    known |= {f.on for c in p.commitments for f in c.fulfilments}
    known |= {first_day(change.on) for change in p.lifecycle.phases}
    if known:
        known.add(max(known).add(days=1))
    inside = sorted(d for d in known if start <= d <= last)
    evenly = dates(start, last)
    return st.one_of(st.sampled_from(inside), evenly) if inside else evenly


def operations(
    partnership: Partnership, on: pendulum.Date | None = None
) -> st.SearchStrategy[Operation]:
    """Operations that ``partnership`` accepts on ``on`` (by default: a day it is open).

    Each is built from the partnership's state that day: a new member (or one that
    left, joining again), a member leaving or declaring interests, a commitment by an
    active member, a status move the table allows, a delivery in the commitment's
    unit, funding, a challenge, the vision, a goal, a phase the lifecycle's table
    allows. Nothing is filtered: every draw is accepted.

    Args:
        partnership: The partnership, as it is.
        on: The day; by default one is drawn from its lifecycle's start to the day
            before it ended (or :data:`DEFAULT_END`).

    Raises:
        InvalidArgument: ``partnership`` accepts no operation on ``on`` (or, without
            ``on``, on any day): its lifecycle has ended and nothing in it can still move.

    >>> from hypothesis import given, settings
    >>> from samarbejde.examples import load
    >>> opdrift = load("opdrift").partnerships[0]
    >>> @settings(max_examples=20)
    ... @given(operations(opdrift))
    ... def test(operation):
    ...     assert operation(opdrift) != opdrift or operation.name == "declare_interests"
    >>> test()
    """
    if on is not None:
        if not _accepted(partnership, on):
            raise InvalidArgument(f"{partnership.id} accepts no operation on {on}")
        day = st.just(on)
    else:
        start, last = _window(partnership)
        ended = partnership.lifecycle.ended
        if ended is not None and ended <= start and not _accepted(partnership, start):
            raise InvalidArgument(f"{partnership.id} accepts no operation: its lifecycle ended")
        day = _days(partnership, start, last)

    @st.composite
    def draw_one(draw: st.DrawFn) -> Operation:
        chosen = draw(day)
        way = draw(st.sampled_from(_accepted(partnership, chosen)))
        return way(draw, partnership, chosen)

    return draw_one()


# -- refused ------------------------------------------------------------------------


RefusalDraw = Callable[[st.DrawFn, Partnership, pendulum.Date], Refusal]


def _unknown_commitment(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Refusal:
    missing = _fresh(draw, {c.id for c in p.commitments})
    status = draw(st.sampled_from(CommitmentStatus))
    operation = Operation("set_status", on, (missing, status))
    return Refusal(operation, UnknownIdError, missing)


def _admit_a_member(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Refusal:
    member = draw(st.sampled_from(_active(p, on)))
    operation = Operation("admit", on, (member,), (("role", "partner"),))
    return Refusal(operation, ModelError, "already has a membership")


def _release_a_stranger(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Refusal:
    stranger = _fresh(draw, {m.organisation for m in p.members})
    return Refusal(Operation("release", on, (stranger,)), ModelError, "is not a member")


def _commit_by_a_stranger(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Refusal:
    stranger = _fresh(draw, {m.organisation for m in p.members})
    commitment = _new_commitment(draw, p, on, stranger)
    return Refusal(Operation("commit", on, (commitment,)), ModelError, "is not a member")


def _commit_a_taken_id(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Refusal:
    by = draw(st.sampled_from(_active(p, on)))
    taken = draw(st.sampled_from([c.id for c in p.commitments]))
    commitment = attrs.evolve(_new_commitment(draw, p, on, by), id=taken)
    return Refusal(Operation("commit", on, (commitment,)), ModelError, "id already in use")


def _barred(c: Commitment) -> list[CommitmentStatus]:
    return sorted(set(CommitmentStatus) - COMMITMENT_STATUS.allowed(c.current), key=str)


def _a_move_not_allowed(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Refusal:
    c = draw(st.sampled_from([c for c in p.commitments if _barred(c)]))
    status = draw(st.sampled_from(_barred(c)))
    return Refusal(Operation("set_status", on, (c.id, status)), TransitionError, "allowed:")


def _a_phase_not_allowed(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Refusal:
    table = _phase_table(p)
    barred = sorted(set(table.moves) - table.allowed(p.lifecycle.phase), key=str)
    phase = draw(st.sampled_from(barred))
    return Refusal(Operation("advance", on, (phase,)), TransitionError, "allowed:")


def _fund_an_ended_term(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Refusal:
    end = draw(dates(on.subtract(years=3), on.subtract(days=1)))
    funding = Funding(
        _fresh(draw, {f.id for f in p.funding}),
        draw(ids()),
        Money(draw(amounts(min_value=10_000, max_value=500_000, places=0))),
        Term(end.subtract(years=1), end),
        draw(st.sampled_from(FundingKind)),
    )
    return Refusal(Operation("fund", on, (funding,)), ModelError, "ended before it was granted")


def _after_the_end(draw: st.DrawFn, p: Partnership, on: pendulum.Date) -> Refusal:
    challenge = Challenge(_fresh(draw, {c.id for c in p.challenges}), draw(texts()), on)
    operation = Operation("identify_challenge", on, (challenge,))
    return Refusal(operation, ModelError, "the lifecycle ended on")


def _refused(p: Partnership, on: pendulum.Date) -> list[RefusalDraw]:
    """The ways ``p`` refuses an operation on ``on``; the first is always there."""
    found: list[RefusalDraw] = [_unknown_commitment, _release_a_stranger]
    active = _active(p, on)
    if _open(p, on):
        if active:
            found.append(_admit_a_member)
        found.append(_commit_by_a_stranger)
        if active and p.commitments:
            found.append(_commit_a_taken_id)
        found.append(_fund_an_ended_term)
    else:
        found.append(_after_the_end)
    if any(_barred(c) for c in p.commitments):
        found.append(_a_move_not_allowed)
    table = _phase_table(p)
    if set(table.moves) - table.allowed(p.lifecycle.phase):
        found.append(_a_phase_not_allowed)
    return found


def refused_operations(
    partnership: Partnership, on: pendulum.Date | None = None
) -> st.SearchStrategy[Refusal]:
    """Operations that ``partnership`` refuses on ``on``, each with the error it raises.

    An unknown commitment (``UnknownIdError``), a stranger leaving or committing, a
    member admitted twice, a commitment id taken, a status move or a phase the table
    does not allow (``TransitionError``), funding whose term ended before the day, any
    addition after the lifecycle ended (``ModelError``).

    Args:
        partnership: The partnership, as it is.
        on: The day; by default one from its lifecycle's start to :data:`DEFAULT_END`
            (or later, where it started later).

    >>> import pytest
    >>> from hypothesis import given, settings
    >>> from samarbejde.examples import load
    >>> opdrift = load("opdrift").partnerships[0]
    >>> @settings(max_examples=20)
    ... @given(refused_operations(opdrift))
    ... def test(refusal):
    ...     with pytest.raises(refusal.error, match=refusal.message):
    ...         refusal.operation(opdrift)
    >>> test()
    """
    start = partnership.lifecycle.started
    day = st.just(on) if on is not None else _days(partnership, start, max(start, DEFAULT_END))

    @st.composite
    def draw_one(draw: st.DrawFn) -> Refusal:
        chosen = draw(day)
        way = draw(st.sampled_from(_refused(partnership, chosen)))
        return way(draw, partnership, chosen)

    return draw_one()
