"""Generated portfolios are valid, referentially consistent and follow their parameters."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum.dk import cvr
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import (
    UNKNOWN,
    CommitmentStatus,
    Partnership,
    Portfolio,
    ProjectLifecycle,
    Sector,
    Unit,
    municipalities,
)
from samarbejde.model.approximate import When, first_day, last_day
from samarbejde.rules import COMMITMENT_POWERS, Severity, validate
from samarbejde.strategies import DEFAULT_END, DEFAULT_START, dates, partnerships, portfolios

D = pendulum.Date
GIVEN = {CommitmentStatus.PLEDGED, CommitmentStatus.AGREED}


def assert_consistent(portfolio: Portfolio) -> None:
    """Check every cross-record promise of :func:`portfolios` directly, without the rules."""
    organisations = {o.id: o for o in portfolio.organisations}
    areas = {a.id for a in portfolio.areas}
    assert len(organisations) == len(portfolio.organisations)
    assert len(areas) == len(portfolio.areas)
    assert len({p.id for p in portfolio.partnerships}) == len(portfolio.partnerships)
    for position, org in enumerate(portfolio.organisations):
        if org.parent is not None:  # parents come earlier, so there is no cycle
            assert org.parent in [o.id for o in portfolio.organisations[:position]]
        if org.identifiers.cvr is not None:
            assert cvr.is_valid(org.identifiers.cvr)
        if org.identifiers.kommunekode is not None:
            assert org.identifiers.kommunekode in municipalities()
        for entry in org.entry_points:
            assert set(entry.covers) <= areas
    for area in portfolio.areas:
        assert area.municipality in municipalities()
    strategic = {p.id for p in portfolio.partnerships if p.form == "strategic"}
    for p in portfolio.partnerships:
        assert_partnership_consistent(p, set(organisations), areas, strategic)


def assert_partnership_consistent(
    p: Partnership, organisations: set[str], areas: set[str], strategic: set[str]
) -> None:
    members = {m.organisation: m for m in p.members}
    started = p.lifecycles[0].started
    ended = p.lifecycle.ended
    assert set(p.areas) <= areas
    assert set(members) <= organisations
    assert p.parent is None or p.parent in strategic
    for m in p.members:
        assert started <= last_day(m.joined)
        assert ended is None or first_day(m.joined) < ended
    goal_ids = {g.id for g in p.goals}
    for goal in p.goals:
        assert set(goal.owners) <= set(members)
        assert set(goal.challenges) <= {c.id for c in p.challenges}
    agreements = {a.id: a for a in p.agreements}
    for a in p.agreements:
        assert a.signed
        assert {s.organisation for s in a.parties} <= set(members)
        assert a.parent is None or a.parent in agreements
    for f in p.funding:
        assert f.funder in organisations
    held = {x.id: (m, x) for m, x in p.mandates()}
    money: dict[str, Decimal] = {}
    for c in p.commitments:
        maker = members[c.by]
        assert maker.active(c.made_on)
        assert c.to is None or members[c.to].active(c.made_on)
        assert c.mandate is not None
        holder, mandate = held[c.mandate]
        assert holder.organisation == c.by
        assert COMMITMENT_POWERS[c.kind] in mandate.powers
        given_on = next(
            (
                x.on
                for x in c.status
                if x.status in {CommitmentStatus.PLEDGED, CommitmentStatus.AGREED}
            ),
            c.made_on,
        )
        assert mandate.in_force(given_on)
        assert c.agreement is None or c.by in {
            s.organisation for s in agreements[c.agreement].parties
        }
        assert set(c.goals) <= goal_ids
        amount = c.quantity.amount
        if c.quantity.unit is Unit.DKK and amount is not UNKNOWN:  # unknown counts as nothing
            money[c.mandate] = money.get(c.mandate, Decimal(0)) + amount
        if isinstance(p.lifecycle, ProjectLifecycle):
            assert c.term.end is not None
    for mandate_id, total in money.items():
        ceiling = held[mandate_id][1].ceiling
        assert ceiling is None or ceiling.amount is UNKNOWN or total <= ceiling.amount


def dated_entries(portfolio: Portfolio) -> list[pendulum.Date]:
    """Every date of every history in the portfolio."""
    found: list[When] = []
    for p in portfolio.partnerships:
        for lifecycle in p.lifecycles:
            found += [c.on for c in lifecycle.phases]
            found += [r.on for r in getattr(lifecycle, "reviews", ())]
        for c in p.commitments:
            found += [x.on for x in c.status] + [f.on for f in c.fulfilments]
        for a in p.agreements:
            found += [s.signed_on for s in a.parties if s.signed_on is not None]
        for m in p.members:
            found += [m.joined] + ([m.left] if m.left is not None else [])
            found += [x.revoked for x in m.mandates if x.revoked is not None]
        found += [c.identified_on for c in p.challenges]
        found += [p.vision.agreed_on] if p.vision is not None else []
    # An approximate date is every day of its year or month: both ends must hold.
    return [end for when in found for end in (first_day(when), last_day(when))]


def errors(portfolio: Portfolio, as_of: pendulum.Date | None = None) -> list[str]:
    report = validate(portfolio, as_of=as_of)
    return [f"{f.code} {f.message}" for f in report.findings if f.severity is Severity.ERROR]


@WHOLE_PORTFOLIOS
@given(portfolios())
def test_generated_portfolios_are_referentially_consistent(portfolio: Portfolio) -> None:
    assert_consistent(portfolio)


@WHOLE_PORTFOLIOS
@given(portfolios())
def test_generated_portfolios_have_no_error_findings(portfolio: Portfolio) -> None:
    assert errors(portfolio) == []
    assert errors(portfolio, as_of=DEFAULT_END) == []


@WHOLE_PORTFOLIOS
@given(st.data())
def test_portfolios_drawn_as_of_a_day_have_no_error_findings_that_day(
    data: st.DataObject,
) -> None:
    day = data.draw(dates(pendulum.Date(2015, 1, 4), DEFAULT_END))
    portfolio = data.draw(portfolios(as_of=day))
    assert errors(portfolio, as_of=day) == []
    assert errors(portfolio) == []
    assert all(entry <= day for entry in dated_entries(portfolio))
    assert all(p.lifecycles[0].started <= day for p in portfolio.partnerships)
    assert_consistent(portfolio)


@WHOLE_PORTFOLIOS
@given(
    portfolios(organisations=(4, 5), areas=2, partnerships=(2, 3), members=(2, 3), commitments=3)
)
def test_sizes_are_honoured(portfolio: Portfolio) -> None:
    assert 4 <= len(portfolio.organisations) <= 5
    assert len(portfolio.areas) == 2
    assert 2 <= len(portfolio.partnerships) <= 3
    for p in portfolio.partnerships:
        assert 2 <= len(p.members) <= 3
        assert len(p.commitments) == 3


@pytest.mark.parametrize("form", ["project", "strategic"])
@WHOLE_PORTFOLIOS
@given(data=st.data())
def test_the_lifecycle_form_is_honoured(form: str, data: st.DataObject) -> None:
    portfolio = data.draw(portfolios(lifecycle=form))  # type: ignore[arg-type]
    assert {p.form for p in portfolio.partnerships} == {form}


@WHOLE_PORTFOLIOS
@given(portfolios(start=D(2020, 1, 1), end=D(2020, 12, 31), commitments=(1, 3)))
def test_every_date_lies_inside_the_window(portfolio: Portfolio) -> None:
    assert all(D(2020, 1, 1) <= day <= D(2020, 12, 31) for day in dated_entries(portfolio))
    for p in portfolio.partnerships:
        for c in p.commitments:
            assert c.term.end is None or c.term.end <= D(2020, 12, 31)


@WHOLE_PORTFOLIOS
@given(portfolios(sectors=[Sector.RESIDENTS, Sector.BUSINESS], organisations=(2, 4)))
def test_the_sectors_asked_for_are_present_and_alone(portfolio: Portfolio) -> None:
    assert {o.sector for o in portfolio.organisations} == {Sector.RESIDENTS, Sector.BUSINESS}


@pytest.mark.parametrize("final", [True, False])
@WHOLE_PORTFOLIOS
@given(data=st.data())
def test_final_states_are_honoured(final: bool, data: st.DataObject) -> None:
    portfolio = data.draw(portfolios(final_states=final, commitments=(1, 3)))
    for p in portfolio.partnerships:
        assert (p.lifecycle.ended is not None) is final
        assert all(earlier.ended is not None for earlier in p.earlier)
        assert all(c.is_final is final for c in p.commitments)


@WHOLE_PORTFOLIOS
@given(partnerships(members=2, commitments=2))
def test_partnerships_are_drawn_with_their_members_and_commitments(p: Partnership) -> None:
    assert len(p.members) == 2
    assert len(p.commitments) == 2


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        ({"organisations": (3, 2)}, "smallest <= largest"),
        ({"commitments": -1}, "smallest <= largest"),
        ({"start": D(2020, 1, 1), "end": D(2020, 1, 2)}, "four days"),
        ({"as_of": D(2040, 1, 1)}, "outside the date window"),
        ({"sectors": []}, "at least one sector"),
        ({"sectors": list(Sector), "organisations": 3}, "as many organisations"),
        ({"organisations": 0}, "at least one organisation"),
        ({"lifecycle": "yearly"}, "use 'project', 'strategic' or None"),
    ],
)
def test_impossible_arguments_are_refused_up_front(
    arguments: dict[str, object], complaint: str
) -> None:
    with pytest.raises(InvalidArgument, match=complaint):
        portfolios(**arguments)  # type: ignore[arg-type]


def test_the_default_window_is_documented() -> None:
    assert (D(2015, 1, 1), D(2030, 12, 31)) == (DEFAULT_START, DEFAULT_END)


@WHOLE_PORTFOLIOS
@given(
    portfolios(start=pendulum.Date(1, 1, 1), end=pendulum.Date(2012, 6, 30), partnerships=(1, 2))
)
def test_windows_before_the_first_area_list_draw_areas_listed_only_since_it(
    portfolio: Portfolio,
) -> None:
    # Found by tests/fuzz/fuzz_model.py: a window before 2010 has no category to draw.
    for area in portfolio.areas:
        for classification in area.classifications:
            assert classification.list_date >= pendulum.Date(2010, 1, 1)


@WHOLE_PORTFOLIOS
@given(portfolios(start=pendulum.Date(1, 1, 1), end=pendulum.Date(1, 12, 31)))
def test_windows_that_end_before_any_list_draw_areas_with_no_classification(
    portfolio: Portfolio,
) -> None:
    assert all(area.classifications == () for area in portfolio.areas)
