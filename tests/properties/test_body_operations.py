"""The operations on bodies, the secretariat and involvement keep every invariant.

Each test draws a valid partnership from :func:`samarbejde.strategies.partnerships`,
then arguments the operation accepts, applies it, and rebuilds the result field by
field (every validator, the history of the bodies among them, runs again).
"""

from __future__ import annotations

import attrs
import pendulum
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.profiles import PATIENT
from tests.properties.test_operations import apply, open_until

from samarbejde import DecisionPower, GovernanceBody, Partnership, Term
from samarbejde.model.approximate import last_day, may_be_by
from samarbejde.strategies import dates, governance_bodies, involvement_events, secretariats


def a_day(data: st.DataObject, p: Partnership, first: pendulum.Date | None = None) -> pendulum.Date:
    start = max(p.lifecycle.started, first or p.lifecycle.started)
    latest = open_until(p)
    assume(start <= latest)
    return data.draw(dates(start, latest))


def active_on(p: Partnership, on: pendulum.Date) -> set[str]:
    return {m.organisation for m in p.members_on(on)}


def last_version(p: Partnership, body: GovernanceBody) -> pendulum.Date:
    days = [b.decided_on for b in (*p.governance_history, body) if b.id == body.id]
    # an approximate day counts by its last (design decision D72)
    return max((last_day(d) for d in days if d is not None), default=p.lifecycle.started)


@PATIENT
@given(st.data())
def test_set_up_body_adds_a_body_dated_on_its_day(data: st.DataObject) -> None:
    p = data.draw(st.from_type(Partnership))
    on = a_day(data, p)
    active = [m.organisation for m in p.members_on(on)]
    drawn = data.draw(governance_bodies(active or ()))
    body = attrs.evolve(drawn, id="nyt-organ", decided_on=None)
    after = apply(p, lambda x: x.set_up_body(body, on=on))
    assert after.body("nyt-organ") == attrs.evolve(body, decided_on=on)
    assert after.governance_history == p.governance_history
    assert after.as_of(on).body("nyt-organ") == after.body("nyt-organ")


@PATIENT
@given(st.data())
def test_change_body_keeps_the_version_before_for_earlier_days(data: st.DataObject) -> None:
    p = data.draw(st.from_type(Partnership))
    assume(p.governance)
    body = data.draw(st.sampled_from(p.governance))
    assume(body.term is None or body.term.end is None)
    on = a_day(data, p, last_version(p, body).add(days=1))
    assume(set(body.members) <= active_on(p, on))  # they keep their seats
    power = data.draw(st.sampled_from(DecisionPower))
    after = apply(p, lambda x: x.change_body(body.id, on=on, power=power, name="Bestyrelsen"))
    changed = after.body(body.id)
    assert (changed.power, changed.name, changed.decided_on) == (power, "Bestyrelsen", on)
    # the day before, every body reads as before (this one too, if it was in view then)
    before = on.subtract(days=1)
    assert after.as_of(before).governance == p.as_of(before).governance


@PATIENT
@given(st.data())
def test_close_body_ends_its_term_on_the_day(data: st.DataObject) -> None:
    p = data.draw(st.from_type(Partnership))
    assume(p.governance)
    body = data.draw(st.sampled_from(p.governance))
    assume(body.term is None or body.term.end is None)
    first = last_version(p, body).add(days=1)
    if body.term is not None:
        first = max(first, body.term.start)
    on = a_day(data, p, first)
    assume(set(body.members) <= active_on(p, on))
    after = apply(p, lambda x: x.close_body(body.id, on=on))
    term = after.body(body.id).term
    assert isinstance(term, Term)
    assert term.end == on
    assert not after.body(body.id).sits_on(on.add(days=1))


@PATIENT
@given(st.data())
def test_set_secretariat_dates_it_and_hides_it_before(data: st.DataObject) -> None:
    p = data.draw(st.from_type(Partnership))
    before = p.secretariat
    first = None if before is None else before.decided_on
    on = a_day(data, p, first)
    office = attrs.evolve(data.draw(secretariats()), decided_on=None)
    after = apply(p, lambda x: x.set_secretariat(office, on=on))
    assert after.secretariat == attrs.evolve(office, decided_on=on)


@PATIENT
@given(st.data())
def test_record_involvement_adds_an_event_on_its_day(data: st.DataObject) -> None:
    p = data.draw(st.from_type(Partnership))
    on = a_day(data, p)
    known = [c.id for c in p.challenges if may_be_by(c.identified_on, on)]
    event = data.draw(involvement_events(challenge_ids=known, start=on, end=on))
    assume(all(e.id != event.id for e in p.involvement))
    after = apply(p, lambda x: x.record_involvement(event, on=on))
    assert after.involvement == (*p.involvement, event)
    assert after.as_of(on).involvement[-1] == event
