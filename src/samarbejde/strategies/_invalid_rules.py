"""Rule defects: a valid portfolio edited so that exactly one error rule fires."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st

from samarbejde.model.agreements import Agreement
from samarbejde.model.approximate import first_day, last_day
from samarbejde.model.codes import COMMITMENT_POWERS
from samarbejde.model.commitments import Commitment, Fulfilment
from samarbejde.model.enums import (
    AgreementKind,
    CommitmentStatus,
    MandateLevel,
    ProjectPhase,
    StrategicPhase,
    Unit,
)
from samarbejde.model.goals import Goal
from samarbejde.model.history import StatusChange
from samarbejde.model.involvement import InvolvementEvent
from samarbejde.model.lifecycles import ProjectLifecycle
from samarbejde.model.mandates import Mandate
from samarbejde.model.memberships import Membership
from samarbejde.model.money import Money, Quantity
from samarbejde.model.partnerships import Partnership
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.terms import Term
from samarbejde.strategies._defect import Defect
from samarbejde.strategies._values import add_days, pick

__all__ = ["BASE", "RULES", "RULE_DEFECTS"]

Breaker = Callable[[st.DrawFn, Portfolio], Defect]

BASE: dict[str, Any] = {
    "organisations": (2, 5),
    "partnerships": (1, 3),
    "members": (1, 3),
    "commitments": (1, 3),
}


# -- editing a portfolio ---------------------------------------------------------------


def _with_partnership(portfolio: Portfolio, index: int, new: Partnership) -> Portfolio:
    items = list(portfolio.partnerships)
    items[index] = new
    return attrs.evolve(portfolio, partnerships=tuple(items))


def _with_commitment(p: Partnership, old: Commitment, new: Commitment) -> Partnership:
    return attrs.evolve(p, commitments=tuple(new if c is old else c for c in p.commitments))


def _with_member(p: Partnership, old: Membership, new: Membership) -> Partnership:
    return attrs.evolve(p, members=tuple(new if m is old else m for m in p.members))


def _with_mandate(
    p: Partnership, mandate_id: str, change: Callable[[Mandate], Mandate]
) -> Partnership:
    member = p.holder(mandate_id)
    mandates = tuple(change(m) if m.id == mandate_id else m for m in member.mandates)
    return _with_member(p, member, attrs.evolve(member, mandates=mandates))


def _a_commitment(draw: st.DrawFn, portfolio: Portfolio) -> tuple[int, Partnership, Commitment]:
    index = pick(draw, [i for i, p in enumerate(portfolio.partnerships) if p.commitments])
    p = portfolio.partnerships[index]
    return index, p, pick(draw, p.commitments)


def _given_on(c: Commitment) -> pendulum.Date:
    for change in c.status:
        if change.status in (CommitmentStatus.PLEDGED, CommitmentStatus.AGREED):
            return change.on
    return c.made_on


def _rule(code: str, what: str, portfolio: Portfolio, as_of: pendulum.Date | None = None) -> Defect:
    return Defect(code, what, portfolio=portfolio, as_of=as_of)


# -- rule defects ----------------------------------------------------------------------


def _s001(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    orgs = list(portfolio.organisations)
    orgs[0] = attrs.evolve(orgs[0], parent="ukendt-organisation")
    return _rule(
        "S001",
        "an organisation's parent is not in the portfolio",
        attrs.evolve(portfolio, organisations=tuple(orgs)),
    )


def _s002(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    p = portfolio.partnerships[0]
    changed = attrs.evolve(p, areas=(*p.areas, "ukendt-omraade"))
    return _rule(
        "S002",
        "a partnership names an area that is not in the portfolio",
        _with_partnership(portfolio, 0, changed),
    )


def _commitment_change(code: str, what: str, **changes: Any) -> Breaker:
    def breaker(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
        index, p, c = _a_commitment(draw, portfolio)
        values = {k: (v(c) if callable(v) else v) for k, v in changes.items()}
        changed = _with_commitment(p, c, attrs.evolve(c, **values))
        return _rule(code, what, _with_partnership(portfolio, index, changed))

    return breaker


def _s006(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    p = portfolio.partnerships[0]
    goal = Goal(
        "defekt-maal",
        "Et mål uden udfordring",
        indicator="Antal",
        target=Decimal(1),
        owners=(p.members[0].organisation,),
        challenges=("ukendt-udfordring",),
    )
    changed = attrs.evolve(p, goals=(*p.goals, goal))
    return _rule(
        "S006",
        "a goal answers a challenge the partnership does not have",
        _with_partnership(portfolio, 0, changed),
    )


def _s008(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    p = portfolio.partnerships[0]
    changed = attrs.evolve(p, parent="ukendt-samarbejde")
    return _rule(
        "S008",
        "a partnership runs under a partnership that is not in the portfolio",
        _with_partnership(portfolio, 0, changed),
    )


def _s009(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    twice = (*portfolio.organisations, portfolio.organisations[0])
    return _rule(
        "S009", "an organisation is listed twice", attrs.evolve(portfolio, organisations=twice)
    )


def _s010(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    orgs = list(portfolio.organisations)
    orgs[0] = attrs.evolve(orgs[0], parent=orgs[1].id)
    orgs[1] = attrs.evolve(orgs[1], parent=orgs[0].id)
    return _rule(
        "S010",
        "two organisations are units of each other",
        attrs.evolve(portfolio, organisations=tuple(orgs)),
    )


def _s011(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    p = portfolio.partnerships[0]
    member = pick(draw, p.members)
    early = add_days(p.lifecycles[0].started, -1)
    changed = _with_member(p, member, attrs.evolve(member, joined=early))
    return _rule(
        "S011",
        "a member joined the day before the partnership began",
        _with_partnership(portfolio, 0, changed),
    )


def _ended(p: Partnership) -> tuple[Partnership, pendulum.Date]:
    """``p`` with its current lifecycle ended on or after every date in it, and that day."""
    days = [first_day(c.on) for c in p.lifecycle.phases]
    days += [last_day(m.joined) for m in p.members]
    days += [last_day(m.left) for m in p.members if m.left is not None]
    days += [c.made_on for c in p.commitments]
    last = max(days)
    lifecycle = p.lifecycle
    if isinstance(lifecycle, ProjectLifecycle):
        assert lifecycle.term.end is not None
        p = attrs.evolve(
            p,
            lifecycle=attrs.evolve(
                lifecycle, term=Term(lifecycle.term.start, max(lifecycle.term.end, last))
            ),
        )
        steps: tuple[ProjectPhase | StrategicPhase, ...] = {
            ProjectPhase.SUSPENDED: (ProjectPhase.RUNNING, ProjectPhase.CANCELLED),
            ProjectPhase.CLOSING: (ProjectPhase.CLOSED,),
        }.get(lifecycle.phase, (ProjectPhase.CANCELLED,))
    else:
        steps = (StrategicPhase.DISSOLVED,)
    if lifecycle.ended is None:
        for step in steps:
            p = p.advance(step, on=last)
    ended = p.lifecycle.ended
    assert ended is not None
    return p, max(last, ended)


def _s012(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    p, ended = _ended(portfolio.partnerships[0])
    member = p.members[0]
    after = add_days(ended, 1)
    powers = frozenset(COMMITMENT_POWERS.values())
    mandate = Mandate("defekt-mandat", MandateLevel.STRATEGIC, powers, Term(after), "Bestyrelsen")
    member_now = attrs.evolve(member, left=None, mandates=(*member.mandates, mandate))
    late = Commitment(
        "defekt-forpligtelse",
        member.organisation,
        "staff_hours",
        Quantity(Decimal(10), Unit.HOURS),
        Term(after),
        (StatusChange(CommitmentStatus.PROPOSED, after),),
        mandate=mandate.id,
    )
    changed = attrs.evolve(_with_member(p, member, member_now), commitments=(*p.commitments, late))
    return _rule(
        "S012",
        "a commitment is made the day after the partnership ended",
        _with_partnership(portfolio, 0, changed),
    )


def _s013(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    index, p, c = _a_commitment(draw, portfolio)
    member = p.member(c.by)
    changed = _with_member(p, member, attrs.evolve(member, left=c.made_on))
    return _rule(
        "S013",
        "a member left on the day it made a commitment",
        _with_partnership(portfolio, index, changed),
    )


def _s014(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    first, second = portfolio.partnerships[0], portfolio.partnerships[1]
    changed = attrs.evolve(first, parent=second.id)
    return _rule(
        "S014", "a project runs under another project", _with_partnership(portfolio, 0, changed)
    )


def _s017(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    first, second = portfolio.partnerships[0], portfolio.partnerships[1]
    changed = _with_partnership(portfolio, 0, attrs.evolve(first, parent=second.id))
    changed = _with_partnership(changed, 1, attrs.evolve(second, parent=first.id))
    return _rule("S017", "two strategic partnerships run under each other", changed)


def _s020(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    p = portfolio.partnerships[0]
    taken = {e.id for e in p.involvement}
    event_id = next(f"defekt-{n}" for n in range(len(taken) + 1) if f"defekt-{n}" not in taken)
    event = InvolvementEvent(
        event_id, "workshop", p.lifecycle.started, challenges=("ukendt-udfordring",)
    )
    changed = attrs.evolve(p, involvement=(*p.involvement, event))
    return _rule(
        "S020",
        "an involvement event names a challenge the partnership does not have",
        _with_partnership(portfolio, 0, changed),
    )


def _s018(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    p = portfolio.partnerships[0]
    taken = {a.id for a in p.agreements}
    one, other = [f"ring-{n}" for n in range(len(taken) + 2) if f"ring-{n}" not in taken][:2]
    ring = (
        Agreement(one, AgreementKind.SUB_AGREEMENT, parent=other),
        Agreement(other, AgreementKind.SUB_AGREEMENT, parent=one),
    )
    changed = attrs.evolve(p, agreements=(*p.agreements, *ring))
    return _rule(
        "S018",
        "two agreements are sub-agreements of each other",
        _with_partnership(portfolio, 0, changed),
    )


def _s015(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    index, p, c = _a_commitment(draw, portfolio)
    status = (
        StatusChange(CommitmentStatus.AGREED, c.made_on),
        StatusChange(
            pick(draw, (CommitmentStatus.FULFILLED, CommitmentStatus.PARTLY_FULFILLED)), c.made_on
        ),
    )
    changed = _with_commitment(p, c, attrs.evolve(c, status=status, fulfilments=()))
    return _rule(
        "S015",
        "a commitment is fulfilled with no fulfilment recorded",
        _with_partnership(portfolio, index, changed),
    )


def _s016(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    index, p, c = _a_commitment(draw, portfolio)
    status = (
        StatusChange(CommitmentStatus.AGREED, c.made_on),
        StatusChange(CommitmentStatus.FULFILLED, c.made_on),
    )
    late = Fulfilment(add_days(c.made_on, 1), c.quantity)
    changed = _with_commitment(p, c, attrs.evolve(c, status=status, fulfilments=(late,)))
    return _rule(
        "S016",
        "a delivery is dated the day after the commitment was fulfilled",
        _with_partnership(portfolio, index, changed),
    )


def _m002(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    index, p, c = _a_commitment(draw, portfolio)
    assert c.mandate is not None
    needed = COMMITMENT_POWERS[c.kind]
    changed = _with_mandate(p, c.mandate, lambda m: attrs.evolve(m, powers=m.powers - {needed}))
    return _rule(
        "M002",
        "a mandate lacks the power its commitment needs",
        _with_partnership(portfolio, index, changed),
    )


def _m003(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    index, p, c = _a_commitment(draw, portfolio)
    assert c.mandate is not None
    money = attrs.evolve(
        c,
        quantity=Quantity(Decimal(1000), Unit.DKK),
        status=(StatusChange(CommitmentStatus.PROPOSED, c.made_on),),
        fulfilments=(),
    )
    changed = _with_mandate(
        _with_commitment(p, c, money),
        c.mandate,
        lambda m: attrs.evolve(m, ceiling=Money(Decimal(0))),
    )
    return _rule(
        "M003",
        "money is committed under a mandate with a ceiling of 0 DKK",
        _with_partnership(portfolio, index, changed),
    )


def _m004(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    index, p, c = _a_commitment(draw, portfolio)
    assert c.mandate is not None
    given_on = _given_on(c)
    changed = _with_mandate(p, c.mandate, lambda m: attrs.evolve(m, revoked=given_on))
    return _rule(
        "M004",
        "a mandate is revoked on the day a commitment is given under it",
        _with_partnership(portfolio, index, changed),
    )


def _t002(draw: st.DrawFn, portfolio: Portfolio) -> Defect:
    latest = max(
        first_day(c.on) for p in portfolio.partnerships for lc in p.lifecycles for c in lc.phases
    )
    return _rule(
        "T002",
        "validated as of the day before its latest phase change",
        portfolio,
        as_of=add_days(latest, -1),
    )


RULES: dict[str, tuple[Breaker, dict[str, Any]]] = {
    "S001": (_s001, {}),
    "S002": (_s002, {}),
    "S003": (
        _commitment_change(
            "S003",
            "a commitment is made to an organisation that is not a member",
            to="ukendt-medlem",
        ),
        {},
    ),
    "S004": (
        _commitment_change(
            "S004", "a commitment names a mandate nobody holds", mandate="ukendt-mandat"
        ),
        {},
    ),
    "S005": (
        _commitment_change(
            "S005",
            "a commitment serves a goal the partnership does not have",
            goals=lambda c: (*c.goals, "ukendt-maal"),
        ),
        {},
    ),
    "S006": (_s006, {}),
    "S007": (
        _commitment_change(
            "S007",
            "a commitment belongs to an agreement that is not described",
            agreement="ukendt-aftale",
        ),
        {},
    ),
    "S008": (_s008, {}),
    "S009": (_s009, {}),
    "S010": (_s010, {}),
    "S011": (_s011, {}),
    "S012": (_s012, {}),
    "S013": (_s013, {}),
    "S014": (_s014, {"lifecycle": "project", "partnerships": (2, 3)}),
    "S015": (_s015, {}),
    "S016": (_s016, {}),
    "S017": (_s017, {"lifecycle": "strategic", "partnerships": (2, 3)}),
    "S018": (_s018, {}),
    "S020": (_s020, {}),
    "M002": (_m002, {}),
    "M003": (_m003, {}),
    "M004": (_m004, {}),
    "T002": (_t002, {}),
}

#: The error-severity rule codes :func:`invalid_portfolios` can break, in code order.
RULE_DEFECTS: tuple[str, ...] = tuple(sorted(RULES))
