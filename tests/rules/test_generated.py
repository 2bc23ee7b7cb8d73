"""Valid generated portfolios give no error findings."""

from __future__ import annotations

import pendulum
from hypothesis import given
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Portfolio, Severity, validate
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
