"""The registry operations keep a valid portfolio free of structure errors.

Each test draws a valid portfolio from :func:`samarbejde.strategies.portfolios`, picks a
partnership and a day on which it is open, applies one operation with arguments drawn to
be acceptable, and checks: the original did not change, the result rebuilds (every
validator runs again), and the structure rules (S) find no error they did not find before.
"""

from __future__ import annotations

import copy

import attrs
import pendulum
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.properties.revalidate import rebuilt

from samarbejde import (
    Agreement,
    AgreementKind,
    Partnership,
    Portfolio,
    Severity,
    Signature,
    validate,
)
from samarbejde.model.approximate import first_day
from samarbejde.strategies import (
    DEFAULT_END,
    areas,
    challenges,
    dates,
    funding,
    goals,
    governance_bodies,
    ids,
    organisations,
    portfolios,
    texts,
)

PATIENT = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def errors(portfolio: Portfolio) -> list[tuple[str, str]]:
    report = validate(portfolio, select=("S",))
    return sorted((f.code, f.path) for f in report.findings if f.severity is Severity.ERROR)


def open_day(data: st.DataObject, p: Partnership) -> pendulum.Date:
    ended = p.lifecycle.ended
    last = DEFAULT_END if ended is None else ended.subtract(days=1)
    assume(p.lifecycle.started <= last)
    return data.draw(dates(p.lifecycle.started, last))


def active_ids(p: Partnership, on: pendulum.Date) -> list[str]:
    return [m.organisation for m in p.members_on(on)]


def check(portfolio: Portfolio, p: Partnership, changed: Partnership) -> None:
    before = copy.deepcopy(portfolio)
    after = portfolio.replace_partnership(changed)
    assert portfolio == before
    assert rebuilt(after) == after
    assert after.partnership(p.id) == changed
    assert errors(after) == errors(portfolio)


@st.composite
def setting(draw: st.DrawFn) -> tuple[Portfolio, Partnership, pendulum.Date, list[str]]:
    portfolio = draw(portfolios(partnerships=(1, 2)))
    p = draw(st.sampled_from(portfolio.partnerships))
    ended = p.lifecycle.ended
    last = DEFAULT_END if ended is None else ended.subtract(days=1)
    assume(p.lifecycle.started <= last)
    on = draw(dates(p.lifecycle.started, last))
    active = active_ids(p, on)
    assume(active)
    return portfolio, p, on, active


@PATIENT
@given(setting(), st.data())
def test_agree_vision(
    drawn: tuple[Portfolio, Partnership, pendulum.Date, list[str]], data: st.DataObject
) -> None:
    portfolio, p, on, active = drawn
    assume(p.vision is None or first_day(p.vision.agreed_on) <= on)
    by = tuple(data.draw(st.lists(st.sampled_from(active), min_size=1, unique=True)))
    text = data.draw(texts())
    changed = p.agree_vision(text, on=on, by=by)
    assert (changed.vision.text, changed.vision.agreed_on, changed.vision.agreed_by) == (
        text,
        on,
        by,
    )  # type: ignore[union-attr]
    check(portfolio, p, changed)


@PATIENT
@given(setting(), st.data())
def test_identify_challenge_then_set_a_goal_answering_it(
    drawn: tuple[Portfolio, Partnership, pendulum.Date, list[str]], data: st.DataObject
) -> None:
    portfolio, p, on, active = drawn
    challenge = data.draw(
        challenges(active, on, on).filter(lambda c: c.id not in {x.id for x in p.challenges})
    )
    changed = p.identify_challenge(challenge, on=on)
    drawn_goal = data.draw(goals(active, [challenge.id], on, DEFAULT_END))
    replaced = [g.decided_on for g in p.goals if g.id == drawn_goal.id]
    assume(all(day is None or first_day(day) <= on for day in replaced))
    goal = attrs.evolve(drawn_goal, decided_on=None)  # the operation dates it (D63)
    changed = changed.set_goal(goal, on=on)
    assert changed.challenges[-1] == challenge
    assert attrs.evolve(goal, decided_on=on) in changed.goals
    check(portfolio, p, changed)


@PATIENT
@given(setting(), st.data())
def test_fund_and_set_governance(
    drawn: tuple[Portfolio, Partnership, pendulum.Date, list[str]], data: st.DataObject
) -> None:
    portfolio, p, on, active = drawn
    funders = [o.id for o in portfolio.organisations]
    grant = data.draw(
        funding(funders, on, DEFAULT_END).filter(lambda f: f.id not in {x.id for x in p.funding})
    )
    bodies = {b.id for b in p.governance}
    body = data.draw(governance_bodies(active).filter(lambda b: b.id not in bodies))
    grant, body = attrs.evolve(grant, granted_on=None), attrs.evolve(body, decided_on=None)
    changed = p.fund(grant, on=on).set_governance(body, on=on)
    assert changed.funding[-1] == attrs.evolve(grant, granted_on=on)
    assert attrs.evolve(body, decided_on=on) in changed.governance
    check(portfolio, p, changed)


@PATIENT
@given(setting(), st.data())
def test_conclude_an_agreement_then_sign_it(
    drawn: tuple[Portfolio, Partnership, pendulum.Date, list[str]], data: st.DataObject
) -> None:
    portfolio, p, on, active = drawn
    taken = {a.id for a in p.agreements}
    agreement_id = data.draw(ids().filter(lambda i: i not in taken))
    parties = data.draw(st.lists(st.sampled_from(active), min_size=1, unique=True))
    kind = data.draw(st.sampled_from(AgreementKind))
    agreement = Agreement(agreement_id, kind, tuple(Signature(o) for o in parties))
    concluded = p.conclude(agreement, on=on)
    signer = data.draw(st.sampled_from(parties))
    changed = concluded.sign(agreement_id, signer, on=on)
    signatures = changed.agreement(agreement_id).parties
    assert [s.organisation for s in signatures] == parties
    assert [s.signed_on for s in signatures] == [on if o == signer else None for o in parties]
    check(portfolio, p, changed)


@PATIENT
@given(st.data())
def test_portfolio_add_and_replace(data: st.DataObject) -> None:
    portfolio = data.draw(portfolios())
    before = copy.deepcopy(portfolio)
    taken = {o.id for o in portfolio.organisations}
    organisation = data.draw(organisations().filter(lambda o: o.id not in taken))
    area = data.draw(areas().filter(lambda a: a.id not in {x.id for x in portfolio.areas}))
    grown = portfolio.add_organisation(organisation).add_area(area)
    assert portfolio == before
    assert grown.organisation(organisation.id) == organisation
    assert grown.area(area.id) == area
    renamed = attrs.evolve(portfolio.organisations[0], name=data.draw(texts()))
    assert grown.replace_organisation(renamed).organisation(renamed.id) == renamed
    p = portfolio.partnerships[0]
    new_id = data.draw(ids().filter(lambda i: i not in {x.id for x in portfolio.partnerships}))
    copied = attrs.evolve(p, id=new_id, parent=None)
    added = grown.add_partnership(copied)
    assert added.partnership(new_id) == copied
    assert rebuilt(added) == added
