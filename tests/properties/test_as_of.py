"""``as_of`` on partnerships and portfolios: idempotent, monotone in membership, valid."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.profiles import PATIENT, WHOLE_PORTFOLIOS
from tests.properties.revalidate import rebuilt

from samarbejde import ModelError, Partnership, Portfolio, Severity, builtin_rules, validate
from samarbejde.model.approximate import first_day
from samarbejde.strategies import DEFAULT_END, DEFAULT_START, dates, partnerships, portfolios

#: Drawing whole portfolios can be slow on a busy machine (and under coverage);
#: the examples are what these tests are about. Health under default settings is
#: tested in test_quality.py.
#: Every structure rule, looked up in the registry so that a new S rule is covered too.
STRUCTURE = tuple(r.code for r in builtin_rules() if r.code.startswith("S"))


def begun(p: Partnership) -> pendulum.Date:
    return p.lifecycles[0].started


def until(p: Partnership, day: pendulum.Date) -> pendulum.Date:
    """The last day whose memberships and commitments the view on ``day`` holds: ``day``,
    or the end of the lifecycle in view when ``day`` falls between two lifecycles."""
    ended = p.as_of(day).lifecycle.ended
    return day if ended is None else min(day, ended)


@PATIENT
@given(st.data())
def test_partnership_as_of_is_idempotent_and_valid(data: st.DataObject) -> None:
    p = data.draw(partnerships())
    day = data.draw(dates(begun(p), DEFAULT_END))
    once = p.as_of(day)
    assert once.as_of(day) == once
    assert rebuilt(once) == once


@PATIENT
@given(st.data())
def test_as_of_keeps_exactly_the_members_that_had_joined(data: st.DataObject) -> None:
    p = data.draw(partnerships(members=(1, 4)))
    day = data.draw(dates(begun(p), DEFAULT_END))
    seen = p.as_of(day)
    kept = {m.organisation for m in seen.members}
    assert kept == {m.organisation for m in p.members if first_day(m.joined) <= until(p, day)}
    assert kept <= {m.organisation for m in p.members}
    active = {m.organisation for m in seen.members_on(day)}
    assert active == {m.organisation for m in p.members if m.active(day) and m.organisation in kept}


@PATIENT
@given(st.data())
def test_membership_is_monotone(data: st.DataObject) -> None:
    """The record as of d2 holds every membership of the record as of d1 <= d2, and an
    active member on d1 who has not left by d2 is still active on d2."""
    p = data.draw(partnerships(members=(1, 4)))
    d1 = data.draw(dates(begun(p), DEFAULT_END))
    d2 = data.draw(dates(d1, DEFAULT_END))
    assert {m.organisation for m in p.as_of(d1).members} <= {
        m.organisation for m in p.as_of(d2).members
    }
    active_d1 = {m.organisation for m in p.as_of(d1).members_on(d1)}
    active_d2 = {m.organisation for m in p.as_of(d2).members_on(d2)}
    staying = {m.organisation for m in p.members if m.left is None or first_day(m.left) > d2}
    assert active_d1 & staying <= active_d2


def test_the_property_below_covers_every_structure_rule() -> None:
    assert tuple(f"S{n:03d}" for n in range(1, len(STRUCTURE) + 1)) == STRUCTURE
    assert len(STRUCTURE) >= 16


@WHOLE_PORTFOLIOS
@given(st.data())
def test_the_view_of_a_valid_portfolio_is_valid_for_every_structure_rule(
    data: st.DataObject,
) -> None:
    """A portfolio with no error finding has none in its view on any day (S001-S016...):
    references resolve, parents are strategic on the day, histories agree."""
    portfolio = data.draw(portfolios())
    assert validate(portfolio, select=STRUCTURE).ok
    day = data.draw(dates(DEFAULT_START, DEFAULT_END))
    report = validate(portfolio.as_of(day), as_of=day, select=STRUCTURE)
    assert [f.code for f in report.findings if f.severity is Severity.ERROR] == []


@PATIENT
@given(st.data())
def test_as_of_never_shows_a_later_entry(data: st.DataObject) -> None:
    p = data.draw(partnerships(commitments=(0, 4)))
    day = data.draw(dates(begun(p), DEFAULT_END))
    seen = p.as_of(day)
    assert all(first_day(c.on) <= day for lifecycle in seen.lifecycles for c in lifecycle.phases)
    assert all(s.on <= day for c in seen.commitments for s in c.status)
    assert all(f.on <= day for c in seen.commitments for f in c.fulfilments)
    assert all(m.left is None or first_day(m.left) <= day for m in seen.members)
    assert all(
        s.signed_on is None or first_day(s.signed_on) <= day
        for a in seen.agreements
        for s in a.parties
    )
    last = until(p, day)
    assert {c.id for c in seen.commitments} == {c.id for c in p.commitments if c.made_on <= last}


@PATIENT
@given(st.data())
def test_as_of_before_the_partnership_began_is_refused(data: st.DataObject) -> None:
    p = data.draw(partnerships(start=pendulum.Date(2016, 1, 1)))
    day = data.draw(dates(DEFAULT_START, begun(p).subtract(days=1)))
    with pytest.raises(ModelError, match="had not begun"):
        p.as_of(day)


@WHOLE_PORTFOLIOS
@given(st.data())
def test_portfolio_as_of_is_idempotent_and_keeps_begun_partnerships(data: st.DataObject) -> None:
    portfolio = data.draw(portfolios())
    day = data.draw(dates(DEFAULT_START, DEFAULT_END))
    once = portfolio.as_of(day)
    assert once.as_of(day) == once
    assert rebuilt(once) == once
    assert once.organisations == portfolio.organisations
    assert [p.id for p in once.partnerships] == [
        p.id for p in portfolio.partnerships if begun(p) <= day
    ]
    assert all(c.list_date <= day for a in once.areas for c in a.classifications)


@WHOLE_PORTFOLIOS
@given(st.data())
def test_portfolio_as_of_takes_each_partnership_as_of_that_day(data: st.DataObject) -> None:
    portfolio: Portfolio = data.draw(portfolios())
    assume(portfolio.partnerships)
    day = data.draw(dates(DEFAULT_START, DEFAULT_END))
    once = portfolio.as_of(day)
    strategic = {p.id for p in once.partnerships if p.form == "strategic"}
    held = {p.id for p in portfolio.partnerships}
    for p in once.partnerships:
        alone = portfolio.partnership(p.id).as_of(day)
        if alone.parent in held and alone.parent not in strategic:
            # The parent had not begun, or was not yet strategic: no link that day.
            assert p == attrs.evolve(alone, parent=None)
        else:
            assert p == alone
