"""``as_of`` agrees with the operations replayed up to its day (issue 21, D63).

A history of dated operations is drawn step by step - members join, leave and join
again; the partners agree a vision, identify challenges, set goals, conclude and sign
agreements, grant funding, set up, change and close governance bodies, set the
secretariat, hold involvement events, make commitments and move the lifecycle - each on
a day no earlier than the one before, and kept only when the operation accepts it.
Then, for any day ``d``, the partnership as of ``d`` must equal the partnership built
from the operations dated up to ``d``.

Replacing a goal, the secretariat or the vision is left out of the histories: the
record keeps the version in force, not the one it replaced (D63). A governance body
keeps its earlier versions (D88), so changing and closing one are in.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from samarbejde import (
    Agreement,
    AgreementKind,
    Challenge,
    CommitmentStatus,
    DecisionPower,
    Funding,
    FundingKind,
    Goal,
    GovernanceBody,
    GovernanceKind,
    InvolvementEvent,
    ModelError,
    Money,
    Partnership,
    PhaseChange,
    Secretariat,
    Signature,
    StrategicLifecycle,
    StrategicPhase,
    Term,
)
from samarbejde.testing import commitment

START = pendulum.Date(2020, 1, 1)
ORGANISATIONS = ("kommune", "bolig", "ngo", "firma")

Step = Callable[[Partnership], Partnership]


def base() -> Partnership:
    lifecycle = StrategicLifecycle(
        since=START, phases=(PhaseChange(StrategicPhase.EXPLORING, START),)
    )
    return Partnership("alliance", "Alliancen", lifecycle)


@attrs.frozen
class Ask:
    """What a step draws its arguments from: the partnership so far and the day."""

    data: st.DataObject
    p: Partnership
    on: pendulum.Date
    n: int
    active: tuple[str, ...]

    def one(self) -> str:
        return self.data.draw(st.sampled_from(self.active))

    def some(self) -> tuple[str, ...]:
        return tuple(
            self.data.draw(st.lists(st.sampled_from(self.active), unique=True, max_size=3))
        )


def _admit(a: Ask) -> Step | None:
    organisation = a.data.draw(st.sampled_from(ORGANISATIONS))
    return lambda x: x.admit(organisation, role="partner", on=a.on)


def _release(a: Ask) -> Step | None:
    one = a.one()
    return lambda x: x.release(one, on=a.on)


def _vision(a: Ask) -> Step | None:
    by = a.some()
    return None if a.p.vision is not None else lambda x: x.agree_vision("V", on=a.on, by=by)


def _challenge(a: Ask) -> Step | None:
    challenge = Challenge(f"u{a.n}", "Ledighed", a.on, a.some())
    return lambda x: x.identify_challenge(challenge, on=a.on)


def _goal(a: Ask) -> Step | None:
    known = [c.id for c in a.p.challenges]
    answers = tuple(a.data.draw(st.lists(st.sampled_from(known), unique=True))) if known else ()
    goal = Goal(f"g{a.n}", "Flere i job", owners=(a.one(),), challenges=answers)
    return lambda x: x.set_goal(goal, on=a.on)


def _conclude(a: Ask) -> Step | None:
    parties = tuple(Signature(o) for o in sorted({a.one(), *a.some()}))
    agreement = Agreement(f"a{a.n}", AgreementKind.MOU, parties)
    return lambda x: x.conclude(agreement, on=a.on)


def _sign(a: Ask) -> Step | None:
    unsigned = [
        (g.id, s.organisation) for g in a.p.agreements for s in g.parties if not s.signed_on
    ]
    if not unsigned:
        return None
    agreement, party = a.data.draw(st.sampled_from(unsigned))
    return lambda x: x.sign(agreement, party, on=a.on)


def _fund(a: Ask) -> Step | None:
    term = Term(a.on, a.on.add(years=a.data.draw(st.integers(0, 3))))
    grant = Funding(f"f{a.n}", a.one(), Money(Decimal(100_000)), term, FundingKind.NATIONAL_POOL)
    return lambda x: x.fund(grant, on=a.on)


def _governance(a: Ask) -> Step | None:
    body = GovernanceBody(
        f"s{a.n}", GovernanceKind.STEERING_GROUP, tuple(sorted({a.one(), *a.some()}))
    )
    return lambda x: x.set_governance(body, on=a.on)


def _change_body(a: Ask) -> Step | None:
    if not a.p.governance:
        return None
    body = a.data.draw(st.sampled_from([b.id for b in a.p.governance]))
    size = a.data.draw(st.integers(10, 12))
    return lambda x: x.change_body(body, on=a.on, size=size, power=DecisionPower.ADVISES)


def _close_body(a: Ask) -> Step | None:
    if not a.p.governance:
        return None
    body = a.data.draw(st.sampled_from([b.id for b in a.p.governance]))
    return lambda x: x.close_body(body, on=a.on)


def _secretariat(a: Ask) -> Step | None:
    office = Secretariat(name="Sekretariatet", host=a.one())
    return None if a.p.secretariat is not None else lambda x: x.set_secretariat(office, on=a.on)


def _involve(a: Ask) -> Step | None:
    known = [c.id for c in a.p.challenges]
    found = tuple(a.data.draw(st.lists(st.sampled_from(known), unique=True))) if known else ()
    event = InvolvementEvent(
        f"i{a.n}", "workshop", a.on, participants=(a.one(), "udenfor"), challenges=found
    )
    return lambda x: x.record_involvement(event, on=a.on)


def _commit(a: Ask) -> Step | None:
    made = commitment(f"c{a.n}", a.one(), a.on)
    return lambda x: x.commit(made, on=a.on)


def _agree(a: Ask) -> Step | None:
    proposed = [c.id for c in a.p.commitments if c.current is CommitmentStatus.PROPOSED]
    if not proposed:
        return None
    chosen = a.data.draw(st.sampled_from(proposed))
    return lambda x: x.set_status(chosen, CommitmentStatus.AGREED, on=a.on)


def _advance(a: Ask) -> Step | None:
    following = {StrategicPhase.EXPLORING: StrategicPhase.FORMING}
    phase = following.get(StrategicPhase(a.p.lifecycle.phase), StrategicPhase.OPERATING)
    if phase is a.p.lifecycle.phase:
        return None
    return lambda x: x.advance(phase, on=a.on)


#: Each kind of step; all but ``admit`` need an active member.
STEPS: tuple[Callable[[Ask], Step | None], ...] = (
    _admit,
    _release,
    _vision,
    _challenge,
    _goal,
    _conclude,
    _sign,
    _fund,
    _governance,
    _change_body,
    _close_body,
    _secretariat,
    _involve,
    _commit,
    _agree,
    _advance,
)


def step(data: st.DataObject, p: Partnership, on: pendulum.Date, n: int) -> Step | None:
    """One operation of a drawn kind, with arguments drawn from ``p`` as it is."""
    kind = data.draw(st.sampled_from(STEPS))
    active = tuple(sorted({m.organisation for m in p.members_on(on)}))
    if kind is not _admit and not active:
        return None
    return kind(Ask(data, p, on, n, active))


@settings(deadline=None)
@given(st.data())
def test_as_of_equals_the_operations_replayed_up_to_its_day(data: st.DataObject) -> None:
    p = base()
    history: list[tuple[pendulum.Date, Step]] = []
    on = START
    for n in range(data.draw(st.integers(1, 25), label="steps")):
        on = on.add(days=data.draw(st.sampled_from((0, 0, 1, 30, 200))))
        operation = step(data, p, on, n)
        if operation is None:
            continue
        try:
            p = operation(p)
        except ModelError:
            continue  # refused: not part of the history
        history.append((on, operation))
    day = data.draw(
        st.dates(START, on.add(days=30)).map(lambda d: pendulum.Date(d.year, d.month, d.day)),
        label="day",
    )
    replayed = base()
    for dated, operation in history:
        if dated <= day:
            replayed = operation(replayed)
    assert p.as_of(day) == replayed
