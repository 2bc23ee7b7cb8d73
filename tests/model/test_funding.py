"""Money by period, joint funders and dated changes to a funding (D91, D92)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import (
    Funding,
    FundingKind,
    FundingShare,
    ModelError,
    Money,
    Partnership,
    PeriodAmount,
    Term,
)
from samarbejde import strategies as sst
from samarbejde.model.approximate import first_day
from samarbejde.model.funding import total_of
from samarbejde.model.unknown import Unknown
from samarbejde.testing import strategic

D = pendulum.Date
DKK = Money
HOUSING = ("bo-a", "bo-b", "bo-c", "bo-d", "bo-e")


def _sum(periods: tuple[PeriodAmount, ...]) -> Decimal | Unknown:
    """The periods' total; unknown when one of them is (D75)."""
    return total_of(p.amount.amount for p in periods)


def _holds(funding: Funding) -> None:
    """The invariants of a funding, checked from outside."""
    if funding.periods:
        total, amounts = funding.amount.amount, [p.amount.amount for p in funding.periods]
        known = [a for a in amounts if not isinstance(a, Unknown)]
        if not isinstance(total, Unknown) and len(known) == len(amounts):
            assert total == _sum(funding.periods)
        elif not isinstance(total, Unknown):  # some period unknown: the rest fit inside
            assert sum(known, Decimal(0)) <= total
        assert all(funding.term.covers(p.term) for p in funding.periods)
    assert [c.on for c in funding.changes] == sorted(c.on for c in funding.changes)


@given(sst.funding())
def test_a_drawn_funding_s_total_is_the_sum_of_its_periods(funding: Funding) -> None:
    _holds(funding)


@given(
    st.integers(1, 5_000_000).map(lambda n: Money(Decimal(n))),
    sst.dates(D(2000, 1, 1), D(2030, 1, 1)),
    st.integers(0, 4000),
)
def test_a_yearly_funding_derives_its_total_from_its_years(
    per_year: Money, start: pendulum.Date, days: int
) -> None:
    term = Term(start, start.add(days=days))
    funding = Funding.yearly("f", "fond", per_year, term, FundingKind.FOUNDATION_GRANT)
    assert funding.amount.amount == _sum(funding.periods)
    assert funding.periods[0].term.start == term.start
    assert funding.periods[-1].term.end == term.end
    assert all(p.amount.amount == per_year.amount for p in funding.periods[:-1])


def test_one_and_a_half_million_a_year_for_four_years_is_six_million() -> None:
    term = Term(D(2021, 9, 1), D(2025, 8, 31))
    grant = Funding.yearly(
        "lbf", "landsbyggefonden", DKK(Decimal("1500000")), term, FundingKind.NATIONAL_POOL
    )
    assert grant.amount == DKK(Decimal("6000000"))
    assert [p.term.start.year for p in grant.periods] == [2021, 2022, 2023, 2024]


def test_periods_that_do_not_add_up_to_the_amount_are_refused() -> None:
    year = Term(D(2022, 1, 1), D(2022, 12, 31))
    with pytest.raises(ModelError, match="add up to 1000, not to the amount 2000"):
        Funding(
            "f",
            "fond",
            DKK(Decimal(2000)),
            year,
            FundingKind.FOUNDATION_GRANT,
            periods=(PeriodAmount(year, DKK(Decimal(1000))),),
        )


def test_a_period_outside_the_term_is_refused() -> None:
    with pytest.raises(ModelError, match="outside the funding's term"):
        Funding(
            "f",
            "fond",
            DKK(Decimal(1000)),
            Term(D(2022, 1, 1), D(2022, 12, 31)),
            FundingKind.FOUNDATION_GRANT,
            periods=(PeriodAmount(Term(D(2023, 1, 1), D(2023, 12, 31)), DKK(Decimal(1000))),),
        )


def test_five_housing_organisations_pay_a_million_a_year_together_without_a_stand_in() -> None:
    together = tuple(FundingShare(o) for o in HOUSING)
    funding = Funding.yearly(
        "f-bo",
        "bo-a",
        DKK(Decimal("1000000")),
        Term(D(2022, 1, 1), D(2025, 12, 31)),
        FundingKind.HOUSING_BUDGET,
        shares=together,
    )
    assert funding.funders == HOUSING
    assert funding.share_of("bo-c") is None  # known to pay, share not stated
    assert funding.share_of("kommune") == DKK(Decimal(0))


def test_known_shares_must_add_up_to_one() -> None:
    with pytest.raises(ModelError, match="add up to 1"):
        Funding(
            "f",
            "bo-a",
            DKK(Decimal(1000)),
            Term(D(2022, 1, 1)),
            FundingKind.HOUSING_BUDGET,
            shares=(FundingShare("bo-a", Decimal("0.5")), FundingShare("bo-b", Decimal("0.4"))),
        )


def test_the_funder_is_among_the_shares() -> None:
    with pytest.raises(ModelError, match="the funder must be one of"):
        Funding(
            "f",
            "kommune",
            DKK(Decimal(1000)),
            Term(D(2022, 1, 1)),
            FundingKind.HOUSING_BUDGET,
            shares=(FundingShare("bo-a"), FundingShare("bo-b")),
        )


# -- operations -------------------------------------------------------------------------


@st.composite
def _funded(draw: st.DrawFn) -> tuple[Partnership, Funding, pendulum.Date]:
    """A partnership, one of its funding, and a day on which that funding may change."""
    partnership = draw(sst.partnerships())
    assume(partnership.funding)
    funding = draw(st.sampled_from(partnership.funding))
    latest = funding.changes[-1].on if funding.changes else funding.granted_on
    since = partnership.lifecycle.started if latest is None else first_day(latest)
    first = max(since, partnership.lifecycle.started)
    ended = partnership.lifecycle.ended
    last = first.add(days=3000) if ended is None else ended.subtract(days=1)
    assume(first <= last)
    return partnership, funding, draw(sst.dates(first, last))


def _after(
    changed: Partnership, before: Partnership, funding: Funding, on: pendulum.Date
) -> Funding:
    """The changed funding; checks what every funding operation keeps."""
    new = changed.funding_by_id(funding.id)
    for f in changed.funding:
        _holds(f)
    assert len(new.changes) == len(funding.changes) + 1
    assert new.changes[-1].on == on
    day = on.subtract(days=1)
    assert new.as_of(day) == funding.as_of(day)  # the day before, as it was
    assert new.as_of(on) == new
    assert [f.id for f in changed.funding] == [f.id for f in before.funding]
    return new


@WHOLE_PORTFOLIOS
@given(_funded(), st.data())
def test_ending_a_funding_keeps_the_invariants_and_the_day_before(
    drawn: tuple[Partnership, Funding, pendulum.Date], data: st.DataObject
) -> None:
    partnership, funding, on = drawn
    end = funding.term.end
    top = funding.term.start.add(days=3000) if end is None else end.subtract(days=1)
    assume(funding.term.start <= top)
    last = data.draw(sst.dates(funding.term.start, top))
    new = _after(
        partnership.end_funding(funding.id, on=on, last_day=last), partnership, funding, on
    )
    assert new.term.end == last
    assert all(p.term.start <= last for p in new.periods)


@WHOLE_PORTFOLIOS
@given(_funded(), st.integers(1, 2000), st.booleans())
def test_extending_a_funding_keeps_the_invariants_and_adds_its_money(
    drawn: tuple[Partnership, Funding, pendulum.Date], days: int, nothing: bool
) -> None:
    partnership, funding, on = drawn
    end = funding.term.end
    assume(end is not None)
    assert end is not None
    until = end.add(days=days)
    more = Money(Decimal(0 if nothing else 1000), funding.amount.currency)
    if funding.periods:
        added = (PeriodAmount(Term(end.add(days=1), until), more),)
        changed = partnership.extend_funding(funding.id, until=until, on=on, periods=added)
    else:
        adding = None if nothing else more
        changed = partnership.extend_funding(funding.id, until=until, on=on, adding=adding)
    new = _after(changed, partnership, funding, on)
    assert new.term.end == until
    assert new.amount == funding.amount + more  # unknown stays unknown


@WHOLE_PORTFOLIOS
@given(_funded())
def test_amending_a_funding_keeps_the_invariants_and_the_day_before(
    drawn: tuple[Partnership, Funding, pendulum.Date],
) -> None:
    partnership, funding, on = drawn
    one = Money(Decimal(1), funding.amount.currency)
    amount = one if not funding.amount.known else funding.amount + one  # an unknown gets known
    amended = attrs.evolve(funding, amount=amount, periods=())
    new = _after(partnership.amend_funding(amended, on=on), partnership, funding, on)
    assert new.amount == amended.amount


def _granted() -> Partnership:
    grant = Funding(
        "f-fond",
        "fond",
        DKK(Decimal(3_000_000)),
        Term(D(2021, 1, 1), D(2023, 12, 31)),
        FundingKind.FOUNDATION_GRANT,
    )
    return strategic().fund(grant, on=D(2020, 12, 1))


def test_a_change_dated_before_the_grant_is_refused() -> None:
    with pytest.raises(ModelError, match="before the funding was granted"):
        _granted().end_funding("f-fond", on=D(2020, 11, 30))


def test_ending_on_or_after_the_end_is_refused() -> None:
    with pytest.raises(ModelError, match="not before the funding's end"):
        _granted().end_funding("f-fond", on=D(2022, 1, 1), last_day=D(2023, 12, 31))


def test_an_amendment_keeps_funder_and_kind() -> None:
    changed = attrs.evolve(_granted().funding[0], funder="kommune")
    with pytest.raises(ModelError, match="an amendment keeps it"):
        _granted().amend_funding(changed, on=D(2022, 1, 1))


def test_extending_with_both_an_amount_and_periods_is_refused() -> None:
    period = PeriodAmount(Term(D(2024, 1, 1), D(2024, 12, 31)), DKK(Decimal(1)))
    with pytest.raises(ModelError, match="not both"):
        _granted().extend_funding(
            "f-fond",
            until=D(2024, 12, 31),
            on=D(2023, 6, 1),
            adding=DKK(Decimal(1)),
            periods=(period,),
        )


def test_a_funding_without_periods_is_not_extended_by_periods() -> None:
    period = PeriodAmount(Term(D(2024, 1, 1), D(2024, 12, 31)), DKK(Decimal(1)))
    with pytest.raises(ModelError, match="extended by an amount"):
        _granted().extend_funding(
            "f-fond", until=D(2024, 12, 31), on=D(2023, 6, 1), periods=(period,)
        )


def test_an_unknown_funding_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        _granted().end_funding("f-ukendt", on=D(2022, 1, 1))


def test_a_grant_ended_early_is_seen_whole_the_day_before() -> None:
    ended = _granted().end_funding("f-fond", on=D(2022, 6, 30))
    assert ended.funding[0].term.end == D(2022, 6, 30)
    assert ended.as_of(D(2022, 6, 29)).funding[0].term.end == D(2023, 12, 31)
