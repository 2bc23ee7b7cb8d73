"""The report shows a partnership's periods and continuity, joint funders and amounts by period."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
from tests.model.test_periods import KOEGE

from samarbejde import Funding, FundingKind, FundingShare, Money, Term, examples
from samarbejde.report import html

D = pendulum.Date


def _page(lang: str = "en", **changes: object) -> str:
    portfolio = examples.load("opdrift")
    partnership = attrs.evolve(portfolio.partnership("opdrift"), **changes)
    changed = attrs.evolve(portfolio, partnerships=(partnership,))
    return html(changed, as_of=examples.AS_OF, lang=lang)  # type: ignore[arg-type]


def test_three_periods_with_no_gap_read_as_one_partnership() -> None:
    page = _page(periods=KOEGE)
    assert "3 periods since 1 May 2013, one after the other with no gap." in page
    assert "helhedsplan 2021-2025" in page
    assert "themes: Beskæftigelse" in page
    assert "3 perioder siden 1. maj 2013, uden ophold imellem." in _page("da", periods=KOEGE)


def test_a_page_without_periods_has_no_periods_block() -> None:
    assert 'class="continuity"' not in _page()


def test_joint_funders_are_named_with_their_shares_and_the_years_under_the_total() -> None:
    portfolio = examples.load("opdrift")
    first, second = (o.id for o in portfolio.organisations[:2])
    names = {o.id: o.name for o in portfolio.organisations}
    grant = Funding.yearly(
        "f-joint",
        first,
        Money(Decimal(1_000_000)),
        Term(D(2020, 1, 1), D(2021, 12, 31)),
        FundingKind.HOUSING_BUDGET,
        shares=(FundingShare(first, Decimal("0.75")), FundingShare(second)),
    )
    page = _page(funding=(grant,))
    assert f"{names[first]} (75 %)" in page
    assert f"{names[second]} (share not stated)" in page
    assert page.count("DKK 1,000,000") >= 2  # one per year under the total
