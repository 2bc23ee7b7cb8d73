"""Every Partnership operation keeps every invariant and leaves the original unchanged.

Each test draws a valid partnership from :func:`samarbejde.strategies.partnerships`,
then arguments the operation accepts, applies it, and rebuilds the result field by
field (running every validator again).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.profiles import PATIENT
from tests.properties.revalidate import rebuilt

from samarbejde import (
    COMMITMENT_STATUS,
    PROJECT_PHASES,
    STRATEGIC_PHASES,
    Commitment,
    Partnership,
    ProjectLifecycle,
    ProjectPhase,
    Quantity,
    ReviewOutcome,
    StatusChange,
    StrategicLifecycle,
    StrategicPhase,
    TransitionError,
)
from samarbejde.model.approximate import first_day, last_day
from samarbejde.strategies import DEFAULT_END, dates, mandates, partnerships

Operation = Callable[[Partnership], Partnership]


def last_entry(p: Partnership) -> pendulum.Date:
    """The latest date in the current lifecycle's history."""
    lifecycle = p.lifecycle
    days = [first_day(c.on) for c in lifecycle.phases]  # an unknown first may be a year
    if isinstance(lifecycle, StrategicLifecycle):
        days += [r.on for r in lifecycle.reviews]
    return max(days)


def open_until(p: Partnership) -> pendulum.Date:
    """The last day members can be admitted, granted mandates and make commitments."""
    ended = p.lifecycle.ended
    return DEFAULT_END if ended is None else ended.subtract(days=1)


def apply(p: Partnership, operation: Operation) -> Partnership:
    """Apply ``operation``; check the result re-validates and ``p`` did not change."""
    before = copy.deepcopy(p)
    after = operation(p)
    assert p == before
    assert isinstance(after, Partnership)
    assert rebuilt(after) == after
    return after


@PATIENT
@given(st.data())
def test_admit_adds_one_member_and_keeps_every_invariant(data: st.DataObject) -> None:
    p = data.draw(partnerships())
    latest = open_until(p)
    assume(p.lifecycle.started <= latest)
    on = data.draw(dates(p.lifecycle.started, latest))
    organisation = data.draw(st.sampled_from(["nyt-medlem", "nabo-forening"]))
    after = apply(p, lambda x: x.admit(organisation, role="partner", on=on))
    assert after.member(organisation).joined == on
    assert after.members[:-1] == p.members


@PATIENT
@given(st.data())
def test_release_ends_a_membership_on_its_day(data: st.DataObject) -> None:
    p = data.draw(partnerships(members=(1, 4)))
    member = data.draw(st.sampled_from(p.members))
    last = DEFAULT_END if member.left is None else first_day(member.left).subtract(days=1)
    assume(last_day(member.joined) <= last)
    on = data.draw(dates(last_day(member.joined), last))
    after = apply(p, lambda x: x.release(member.organisation, on=on))
    assert after.member(member.organisation).left == on
    assert not after.member(member.organisation).active(on)


@PATIENT
@given(st.data())
def test_grant_gives_an_active_member_a_new_mandate(data: st.DataObject) -> None:
    p = data.draw(partnerships(members=(1, 4)))
    member = data.draw(st.sampled_from(p.members))
    last = DEFAULT_END if member.left is None else first_day(member.left).subtract(days=1)
    last = min(last, open_until(p))
    assume(last_day(member.joined) <= last)
    on = data.draw(dates(last_day(member.joined), last))
    mandate = data.draw(mandates().filter(lambda m: m.id not in {x.id for _, x in p.mandates()}))
    after = apply(p, lambda x: x.grant(member.organisation, mandate, on=on))
    assert after.holder(mandate.id).organisation == member.organisation


@PATIENT
@given(st.data())
def test_revoke_dates_the_end_of_a_mandate(data: st.DataObject) -> None:
    p = data.draw(partnerships(members=(1, 4)))
    held = [m for _, m in p.mandates() if m.revoked is None]
    assume(held)
    mandate = data.draw(st.sampled_from(held))
    on = data.draw(dates(mandate.term.start, DEFAULT_END))
    after = apply(p, lambda x: x.revoke(mandate.id, on=on))
    assert after.holder(mandate.id).mandate(mandate.id).revoked == on


@PATIENT
@given(st.data())
def test_commit_adds_a_commitment_made_by_an_active_member(data: st.DataObject) -> None:
    p = data.draw(partnerships(members=(1, 4), commitments=(1, 4)))
    template = data.draw(st.sampled_from(p.commitments))
    maker = p.member(template.by)
    last = DEFAULT_END if maker.left is None else first_day(maker.left).subtract(days=1)
    last = min(last, open_until(p))
    assume(last_day(maker.joined) <= last)
    on = data.draw(dates(last_day(maker.joined), last))
    receiver = template.to
    if receiver is not None and not p.member(receiver).active(on):
        receiver = None
    commitment = Commitment(
        "ny-forpligtelse",
        template.by,
        template.kind,
        template.quantity,
        template.term,
        (StatusChange(template.status[0].status, on),),
        to=receiver,
        mandate=template.mandate,
        goals=template.goals,
    )
    after = apply(p, lambda x: x.commit(commitment, on=on))
    assert after.commitments == (*p.commitments, commitment)


@PATIENT
@given(st.data())
def test_set_status_follows_the_status_table(data: st.DataObject) -> None:
    p = data.draw(partnerships(commitments=(1, 4)))
    commitment = data.draw(st.sampled_from(p.commitments))
    allowed = sorted(COMMITMENT_STATUS.allowed(commitment.current), key=str)
    assume(allowed)
    status = data.draw(st.sampled_from(allowed))
    on = data.draw(dates(commitment.status[-1].on, DEFAULT_END))
    after = apply(p, lambda x: x.set_status(commitment.id, status, on=on))
    assert after.commitment(commitment.id).current is status


@PATIENT
@given(st.data())
def test_set_status_refuses_what_the_table_forbids_and_changes_nothing(
    data: st.DataObject,
) -> None:
    p = data.draw(partnerships(commitments=(1, 4)))
    commitment = data.draw(st.sampled_from(p.commitments))
    forbidden = sorted(
        COMMITMENT_STATUS.states - COMMITMENT_STATUS.allowed(commitment.current), key=str
    )
    status = data.draw(st.sampled_from(forbidden))
    before = copy.deepcopy(p)
    with pytest.raises(TransitionError) as raised:
        p.set_status(commitment.id, status, on=commitment.status[-1].on)
    assert raised.value.requested == str(status)
    assert p == before


@PATIENT
@given(st.data())
def test_record_fulfilment_adds_a_delivery_in_the_commitments_unit(data: st.DataObject) -> None:
    p = data.draw(partnerships(commitments=(1, 4)))
    commitment = data.draw(st.sampled_from(p.commitments))
    first = max([commitment.made_on, *(f.on for f in commitment.fulfilments)])
    last = commitment.status[-1].on if commitment.is_final else DEFAULT_END
    assume(first <= last)
    on = data.draw(dates(first, last))
    quantity = Quantity(commitment.quantity.amount, commitment.quantity.unit)
    after = apply(p, lambda x: x.record_fulfilment(commitment.id, quantity, on=on))
    assert after.commitment(commitment.id).fulfilments[-1].on == on


@PATIENT
@given(st.data())
def test_advance_follows_the_lifecycle_table(data: st.DataObject) -> None:
    p = data.draw(partnerships())
    table: Any = PROJECT_PHASES if isinstance(p.lifecycle, ProjectLifecycle) else STRATEGIC_PHASES
    allowed = sorted(table.allowed(p.lifecycle.phase), key=str)
    assume(allowed)
    phase = data.draw(st.sampled_from(allowed))
    on = data.draw(dates(last_entry(p), DEFAULT_END))
    after = apply(p, lambda x: x.advance(phase, on=on))
    assert after.lifecycle.phase is phase
    assert after.lifecycle.phases[:-1] == p.lifecycle.phases


@PATIENT
@given(st.data())
def test_record_review_keeps_a_strategic_history_valid(data: st.DataObject) -> None:
    p = data.draw(partnerships(lifecycle="strategic", final_states=False))
    outcome = data.draw(st.sampled_from(ReviewOutcome))
    on = data.draw(dates(last_entry(p), DEFAULT_END))
    after = apply(p, lambda x: x.record_review(outcome, on=on))
    assert isinstance(after.lifecycle, StrategicLifecycle)
    assert after.lifecycle.reviews[-1].outcome is outcome
    dissolved = after.lifecycle.phase is StrategicPhase.DISSOLVED
    assert dissolved is (outcome is ReviewOutcome.DISSOLVED)


@PATIENT
@given(st.data())
def test_make_strategic_keeps_members_goals_and_open_commitments(data: st.DataObject) -> None:
    p = data.draw(partnerships(lifecycle="project", commitments=(0, 4)))
    assume(p.lifecycle.phase is not ProjectPhase.SUSPENDED)
    on = data.draw(dates(last_entry(p), DEFAULT_END))
    phase = data.draw(st.sampled_from(sorted(STRATEGIC_PHASES.starts, key=str)))
    after = apply(p, lambda x: x.make_strategic(on=on, phase=phase))
    assert after.members == p.members
    assert after.goals == p.goals
    open_before = [c for c in p.commitments if not c.is_final]
    assert [c for c in after.commitments if not c.is_final] == open_before
    assert after.commitments == p.commitments
    assert isinstance(after.lifecycle, StrategicLifecycle)
    assert after.lifecycle.since == on
    assert after.lifecycle.phase is phase
    assert after.earlier[:-1] == p.earlier
    closed = after.earlier[-1]
    assert isinstance(closed, ProjectLifecycle)
    assert closed.ended is not None
    assert closed.ended <= on


@PATIENT
@given(st.data())
def test_a_suspended_project_cannot_be_made_strategic(data: st.DataObject) -> None:
    p = data.draw(partnerships(lifecycle="project", final_states=False))
    if p.lifecycle.phase is not ProjectPhase.SUSPENDED:
        p = (
            p.advance(ProjectPhase.RUNNING, on=last_entry(p))
            if p.lifecycle.phase is ProjectPhase.PLANNED
            else p
        )
        assume(ProjectPhase.SUSPENDED in PROJECT_PHASES.allowed(p.lifecycle.phase))
        p = p.advance(ProjectPhase.SUSPENDED, on=last_entry(p))
    before = copy.deepcopy(p)
    with pytest.raises(TransitionError):
        p.make_strategic(on=last_entry(p))
    assert p == before
