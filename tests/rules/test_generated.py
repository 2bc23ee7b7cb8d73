"""Valid generated portfolios give no error findings."""

from __future__ import annotations

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Membership, Money, Portfolio, Severity, validate
from samarbejde.model import currencies, promises_money
from samarbejde.strategies import portfolios

AS_OF = pendulum.Date(2030, 12, 31)


@WHOLE_PORTFOLIOS
@given(portfolios())
def test_a_generated_valid_portfolio_gives_no_error_finding(portfolio: Portfolio) -> None:
    report = validate(portfolio)
    assert report.filter(severity=Severity.ERROR).findings == ()


@WHOLE_PORTFOLIOS
@given(portfolios(as_of=AS_OF))
def test_a_generated_portfolio_recorded_by_a_day_gives_no_error_on_that_day(
    portfolio: Portfolio,
) -> None:
    report = validate(portfolio, as_of=AS_OF, lang="da")
    assert report.filter(severity=Severity.ERROR).findings == ()
    assert report.skipped == ()


@WHOLE_PORTFOLIOS
@given(portfolios())
def test_a_generated_portfolio_in_one_currency_has_nothing_it_cannot_compare(
    portfolio: Portfolio,
) -> None:
    ceilings = {
        m.ceiling.currency
        for p in portfolio.partnerships
        for member in p.members
        for m in member.mandates
        if m.ceiling is not None
    }
    assert ceilings <= {"DKK"}  # commitments of money are in DKK: one currency throughout
    assert validate(portfolio, select=["M006"]).findings == ()


def _ceilings_in(currency: str, portfolio: Portfolio) -> Portfolio:
    def member(m: Membership) -> Membership:
        return attrs.evolve(
            m,
            mandates=tuple(
                x
                if x.ceiling is None
                else attrs.evolve(x, ceiling=Money(x.ceiling.amount, currency))
                for x in m.mandates
            ),
        )

    return attrs.evolve(
        portfolio,
        partnerships=tuple(
            attrs.evolve(p, members=tuple(member(m) for m in p.members))
            for p in portfolio.partnerships
        ),
    )


@WHOLE_PORTFOLIOS
@given(portfolios(), st.sampled_from(sorted(currencies() - {"DKK"})))
def test_a_ceiling_in_another_currency_is_said_not_compared_never_skipped(
    portfolio: Portfolio, currency: str
) -> None:
    moved = _ceilings_in(currency, portfolio)
    expected = {
        (p.id, x.id)
        for p in moved.partnerships
        for m in p.members
        for x in m.mandates
        if x.ceiling is not None
        and any(c.mandate == x.id and promises_money(c) for c in p.commitments)
    }
    found = {(f.partnership, f.subject) for f in validate(moved, select=["M006"]).findings}
    assert found == expected
    assert validate(moved, select=["M003"]).findings == ()
