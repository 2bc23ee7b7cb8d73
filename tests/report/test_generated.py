"""For any portfolio the strategies draw, the page is made and holds every finding."""

from __future__ import annotations

from html import escape

import pendulum
from hypothesis import given
from hypothesis import strategies as st
from tests.analysis.generated import days
from tests.profiles import WHOLE_PORTFOLIOS
from tests.report.pages import balance

from samarbejde import Portfolio, validate
from samarbejde import strategies as sst
from samarbejde.report import html

SLOW = WHOLE_PORTFOLIOS


@SLOW
@given(sst.portfolios(), days(), st.sampled_from(["da", "en"]))
def test_html_never_raises_and_holds_every_finding(
    portfolio: Portfolio, day: pendulum.Date, lang: str
) -> None:
    text = html(portfolio, as_of=day, lang=lang)  # type: ignore[arg-type]
    for finding in validate(portfolio, as_of=day, lang=lang):  # type: ignore[arg-type]
        assert finding.code in text
        assert escape(finding.message) in text
    assert balance(text).errors == []


@SLOW
@given(sst.invalid_portfolios(list(sst.RULE_DEFECTS)), st.sampled_from(["da", "en"]))
def test_broken_portfolios_still_give_a_page_with_every_finding(defect, lang: str) -> None:  # type: ignore[no-untyped-def]
    day = defect.as_of or pendulum.Date(2025, 6, 1)
    text = html(defect.portfolio, as_of=day, lang=lang)
    report = validate(defect.portfolio, as_of=day, lang=lang)  # type: ignore[arg-type]
    assert defect.code in report.codes
    for finding in report:
        assert finding.code in text
        assert escape(finding.message) in text
