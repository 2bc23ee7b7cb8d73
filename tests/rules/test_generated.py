"""Valid generated portfolios give no error findings."""

from __future__ import annotations

import pendulum
from hypothesis import HealthCheck, given, settings

from samarbejde import Portfolio, Severity, validate
from samarbejde.strategies import portfolios

AS_OF = pendulum.Date(2030, 12, 31)
#: Drawing whole portfolios is slow on a busy machine; the examples are what matter.
patient = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@patient
@given(portfolios())
def test_a_generated_valid_portfolio_gives_no_error_finding(portfolio: Portfolio) -> None:
    report = validate(portfolio)
    assert report.filter(severity=Severity.ERROR).findings == ()


@patient
@given(portfolios(as_of=AS_OF))
def test_a_generated_portfolio_recorded_by_a_day_gives_no_error_on_that_day(
    portfolio: Portfolio,
) -> None:
    report = validate(portfolio, as_of=AS_OF, lang="da")
    assert report.filter(severity=Severity.ERROR).findings == ()
    assert report.skipped == ()
