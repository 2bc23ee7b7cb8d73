"""The report as a folder: a national overview and one page per partnership.

Every partnership shown has a line on the overview that links to its page, every
link lands on a page of the folder, each page is well formed and offline, the
overview grows by a bounded number of bytes per partnership (2,000 fit in 2 MB), and
``kommuner``/``regions`` show exactly the partnerships serving an area there.
"""

from __future__ import annotations

import re
from html import escape

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.analysis.generated import days
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Portfolio, examples, validate
from samarbejde import strategies as sst
from samarbejde.analysis.national import national as national_overview
from samarbejde.model.municipalities import municipalities
from samarbejde.model.text import LANGS
from samarbejde.report import Document, narrowed, overview, pages
from samarbejde.testing import synthetic_portfolio

from .pages import balance

AS_OF = pendulum.date(2026, 1, 1)
_LINK = re.compile(r'href="([^"#]+)"')


@pytest.fixture(scope="module")
def national() -> dict[str, str]:
    return pages(Document(synthetic_portfolio(10_000)), as_of=AS_OF, lang="da")


def test_every_partnership_has_a_line_and_a_page(national: dict[str, str]) -> None:
    portfolio = synthetic_portfolio(10_000).as_of(AS_OF)
    index = national["index.html"]
    targets = _LINK.findall(index)
    assert len(national) == len(portfolio.partnerships) + 1
    assert set(targets) == set(national) - {"index.html"}
    for path, text in national.items():
        if path != "index.html":
            assert "../index.html" in _LINK.findall(text)
    names = {p.name for p in portfolio.partnerships}
    shown = set(re.findall(r'href="p/[0-9]+\.html">([^<]+)</a>', index))
    assert shown == names


def test_every_page_is_well_formed_and_offline(national: dict[str, str]) -> None:
    for path, text in national.items():
        checked = balance(text)
        assert checked.errors == [], path
        assert checked.stack == [], path
        # A source's web address may be a link to follow (rel=noreferrer), never a
        # resource the page loads.
        assert 'src="http' not in text
        assert "<link" not in text
        assert "<script" not in text


def test_the_overview_costs_a_bounded_number_of_bytes_per_partnership() -> None:
    """At 2,000 partnerships the overview page is under 2 MB."""
    small = pages(Document(synthetic_portfolio(2_000)), as_of=AS_OF)["index.html"]
    large = pages(Document(synthetic_portfolio(10_000)), as_of=AS_OF)["index.html"]
    per_partnership = (len(large.encode()) - len(small.encode())) / (200 - 40)
    assert per_partnership * 2_000 + len(small.encode()) < 2_000_000


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days(), st.sampled_from(LANGS))
def test_the_overview_of_any_portfolio_is_made_and_names_every_listed_area(
    portfolio: Portfolio,
    day: pendulum.Date,
    lang: str,
) -> None:
    """Areas on lists of any category, or of a category the sources do not give."""
    text = overview(Document(portfolio), as_of=day, lang=lang, link=lambda p: f"p/{p}.html")  # type: ignore[arg-type]
    assert balance(text).errors == []
    for area in national_overview(portfolio, as_of=day).areas:
        assert escape(area.name) in text


@settings(max_examples=20, deadline=None)
@given(st.sets(st.sampled_from(sorted(municipalities())), max_size=3), st.booleans())
def test_narrowing_shows_exactly_the_partnerships_serving_an_area_there(
    kommuner: set[str], by_region: bool
) -> None:
    portfolio = synthetic_portfolio(2_000)
    known = municipalities()
    regions = {known[k].region_name for k in kommuner} if by_region else set()
    chosen = set(
        narrowed(portfolio.partnerships, portfolio, () if by_region else kommuner, regions)
    )
    places = {a.id: a.municipality for a in portfolio.areas}
    for p in portfolio.partnerships:
        here = {places[a] for a in p.areas}
        wanted = (
            {k for k in here if known[k].region_name in regions} if by_region else here & kommuner
        )
        expected = bool(wanted) or not (kommuner if not by_region else regions)
        assert (p.id in chosen) == expected


@pytest.mark.parametrize("name", examples.names())
def test_each_example_as_a_folder_shows_every_finding_with_its_line(name: str) -> None:
    portfolio, where = examples.load_located(name)
    folder = pages(Document(portfolio, f"{name}.yaml", where), as_of=examples.AS_OF, lang="en")
    details = "".join(text for path, text in folder.items() if path != "index.html")
    for finding in validate(portfolio, as_of=examples.AS_OF, lang="en", sources=where):
        if finding.partnership is not None:
            assert f"{name}.yaml:{finding.line}:" in details
            assert escape(finding.message) in details
