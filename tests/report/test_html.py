"""The report page's content: findings, maturity, pictures, escaping, languages."""

from __future__ import annotations

import re
from decimal import Decimal
from html import escape

import attrs
import pendulum
import pytest
from tests.report.pages import balance, example_page, findings_of

from samarbejde import (
    LAW_PERIODS,
    AreaCategory,
    AreaList,
    Classification,
    Funding,
    FundingKind,
    Listing,
    Money,
    Portfolio,
    Quantity,
    Sector,
    Term,
    Unit,
    examples,
    label,
    validate,
)
from samarbejde.analysis import assess
from samarbejde.model.words import DEFAULT_LANG
from samarbejde.report import (
    TEXTS,
    Document,
    format_date,
    format_money,
    format_number,
    format_quantity,
    html,
    page,
)
from samarbejde.report._texts import say

NAMES = examples.names()
AS_OF = examples.AS_OF
LANGS = ("da", "en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_every_finding_appears_with_code_message_and_file_line(name: str, lang: str) -> None:
    _, text = example_page(name, lang)  # type: ignore[arg-type]
    for code, message, line in findings_of(name, lang):  # type: ignore[arg-type]
        assert code in text
        assert message in text
        assert f"{name}.yaml:{line}:" in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_every_partnership_shows_its_maturity_level_and_each_dimension(
    name: str, lang: str
) -> None:
    portfolio, text = example_page(name, lang)  # type: ignore[arg-type]
    maturities = assess(portfolio, as_of=examples.AS_OF, lang=lang)  # type: ignore[arg-type]
    assert maturities
    for maturity in maturities:
        assert maturity.name in text
        assert maturity.level.label(lang) in text  # type: ignore[arg-type]
        for score in maturity.scores:
            assert score.dimension.label(lang) in text  # type: ignore[arg-type]


@pytest.mark.parametrize("name", NAMES)
def test_each_example_has_at_least_two_pictures_each_titled(name: str) -> None:
    _, text = example_page(name)
    pictures = re.findall(r"<svg [^>]*role=\"img\"[^>]*>(.*?)</svg>", text, re.S)
    assert len(pictures) >= 2
    assert all(p.startswith("<title") and "<desc" in p for p in pictures)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_the_page_is_self_contained_and_well_formed(name: str, lang: str) -> None:
    _, text = example_page(name, lang)  # type: ignore[arg-type]
    assert text.startswith("<!doctype html>")
    assert f'<html lang="{lang}">' in text
    assert "<script" not in text
    assert "<link" not in text
    assert "@import" not in text
    assert "url(" not in text
    assert re.search(r'src="(?!#)', text) is None  # nothing is fetched
    # links within the page, and to a cited source for the reader to follow (D81)
    outside = re.findall(r'<a href="(?!#)([^"]*)"([^>]*)>', text)
    assert all(url.startswith(("https://", "http://")) for url, _ in outside)
    assert all(rest == ' rel="noreferrer"' for _, rest in outside)
    assert "Content-Security-Policy" in text
    checker = balance(text)
    assert checker.errors == []
    assert checker.stack == []
    assert len(checker.ids) == len(set(checker.ids))


def test_the_page_is_the_same_every_time() -> None:
    assert example_page("opdrift")[1] == example_page("opdrift")[1]


def test_the_default_is_the_package_default_and_danish_is_danish() -> None:
    portfolio = examples.load("trappen")
    danish = html(portfolio, as_of=examples.AS_OF, lang="da")
    english = html(portfolio, as_of=examples.AS_OF, lang="en")
    assert html(portfolio, as_of=examples.AS_OF) == (danish if DEFAULT_LANG == "da" else english)
    assert "Rapport om samarbejder" in danish
    assert "Opgjort pr. 1. juni 2025" in danish
    assert "Partnership report" in english
    assert "As of 1 June 2025" in english
    assert "6.000.000 kr." in danish
    assert "DKK 6,000,000" in english
    assert "1. januar 2019" in danish
    assert "1 January 2019" in english


def test_the_funding_cliff_is_marked_in_words_in_the_picture_and_the_text() -> None:
    _, text = example_page("trappen")
    assert 'class="cliff-mark"' in text
    assert "finansieringskløft 31. december 2022" in text
    assert "Finansieringen slutter 31. december 2022, og intet registreret" in text
    _, lerbakke = example_page("lerbakke")
    assert 'class="cliff-mark"' not in lerbakke


def test_overdue_commitments_and_missing_sectors_are_listed() -> None:
    _, opdrift = example_page("opdrift", "en")
    assert "c-praktik" in opdrift
    assert "Commitments whose term has ended but that are still open" in opdrift
    _, trappen = example_page("trappen")
    assert "Mangler ved bordet: civilsamfund, erhvervsliv, beboere." in trappen
    assert "Ingen forpligtelser er over tid." in trappen
    assert "All five sectors are at the table." in opdrift


def test_areas_show_their_classifications_with_the_list_date() -> None:
    portfolio = examples.load("lerbakke")
    assert portfolio.areas[0].classifications == ()  # Høje Lerbakke was on no list
    _, text = example_page("lerbakke")
    assert "Høje Lerbakke (Gladsaxe Kommune): ingen listestatus registreret" in text
    listed = attrs.evolve(  # a made-up area, so that no real one is put on a list
        portfolio.areas[0],
        name="Testparken",
        sources=(),
        note=None,
        classifications=(
            Classification(AreaCategory.UDSAT, pendulum.Date(2018, 12, 1)),
            Classification(AreaCategory.FOREBYGGELSE, pendulum.Date(2022, 12, 1)),
        ),
    )
    text = html(attrs.evolve(portfolio, areas=(listed,)), as_of=examples.AS_OF, lang="da")
    assert "Testparken (Gladsaxe Kommune)" in text
    assert "udsat boligområde (listen 1. december 2018)" in text
    assert "forebyggelsesområde (listen 1. december 2022)" in text


def test_findings_are_grouped_by_severity_in_words() -> None:
    _, text = example_page("opdrift")
    assert "Advarsel (1)" in text
    assert "Bemærkning (1)" in text
    assert text.index("Advarsel (1)") < text.index("Bemærkning (1)")
    assert '<span class="badge warning"><span aria-hidden="true">!</span> advarsel</span>' in text


def test_without_a_file_the_line_is_shown_and_without_sources_the_path() -> None:
    portfolio, where = examples.load_located("opdrift")
    lined = html(portfolio, as_of=examples.AS_OF, sources=where, lang="da")
    assert "linje 197" in lined
    assert "opdrift.yaml:" not in lined
    bare = html(portfolio, as_of=examples.AS_OF, lang="en")
    assert "partnerships[opdrift].commitments[c-praktik].status" in bare
    assert "line 197" not in bare


def test_hostile_text_is_escaped_everywhere() -> None:
    portfolio = examples.load("opdrift")
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&'
    organisations = tuple(attrs.evolve(o, name=hostile + o.id) for o in portfolio.organisations)
    partnerships = tuple(attrs.evolve(p, name=hostile) for p in portfolio.partnerships)
    areas = tuple(attrs.evolve(a, name=hostile) for a in portfolio.areas)
    evil = Portfolio(organisations, areas, partnerships)
    for lang in LANGS:
        text = html(evil, as_of=examples.AS_OF, lang=lang)  # type: ignore[arg-type]
        assert "<script" not in text
        assert "<img" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img" in text
        assert balance(text).errors == []
    named = page([Document(evil, file=hostile)], as_of=examples.AS_OF)
    assert "<script" not in named


def test_an_empty_portfolio_and_several_documents() -> None:
    empty = html(Portfolio(), as_of=examples.AS_OF, lang="en")
    assert "No partnership had begun by 1 June 2025." in empty
    documents = [Document(examples.load(n), file=f"{n}.yaml") for n in NAMES]
    text = page(documents, as_of=examples.AS_OF, lang="da")
    assert "Indhold" in text
    for number, name in enumerate(NAMES):
        assert f'<a href="#doc-{number}">{name}.yaml</a>' in text
    assert balance(text).errors == []
    assert len(set(balance(text).ids)) == len(balance(text).ids)


def test_a_partnership_not_yet_begun_is_left_out_but_its_findings_are_not_lost() -> None:
    portfolio = examples.load("opdrift")
    early = pendulum.Date(2019, 1, 1)
    text = html(portfolio, as_of=early, lang="en")
    assert "No partnership had begun by 1 January 2019." in text
    report = validate(portfolio, as_of=early, lang="en")
    assert report.findings
    assert "Findings about the portfolio as a whole" in text
    for finding in report:
        assert escape(finding.message) in text


def test_a_bad_language_is_refused() -> None:
    with pytest.raises(ValueError, match="lang"):
        html(Portfolio(), as_of=examples.AS_OF, lang="de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "da", "en"),
    [
        (Decimal("1500000"), "1.500.000", "1,500,000"),
        (Decimal("1500000.50"), "1.500.000,5", "1,500,000.5"),
        (Decimal("0"), "0", "0"),
        (Decimal("0.25"), "0,25", "0.25"),
        (Decimal("999"), "999", "999"),
        (Decimal("1000"), "1.000", "1,000"),
        (Decimal("-12345.6"), "-12.345,6", "-12,345.6"),
        (Decimal("1E+6"), "1.000.000", "1,000,000"),
        (7, "7", "7"),
    ],
)
def test_numbers_are_grouped_the_way_each_language_writes_them(
    value: Decimal, da: str, en: str
) -> None:
    assert format_number(value, "da") == da
    assert format_number(value, "en") == en


def test_money_and_quantities() -> None:
    assert format_money(Money(Decimal("1500000")), "da") == "1.500.000 kr."
    assert format_money(Money(Decimal("1500000")), "en") == "DKK 1,500,000"
    assert format_money(Money(Decimal("1000"), "EUR"), "da") == "1.000 EUR"
    assert format_money(Money(Decimal("1000"), "EUR"), "en") == "EUR 1,000"
    assert format_quantity(Quantity(Decimal("37"), Unit.HOURS_PER_WEEK), "da") == "37 timer om ugen"
    assert format_quantity(Quantity(Decimal("2.5"), Unit.FTE), "en") == "2.5 full-time equivalents"
    assert format_quantity(Quantity(Decimal("50000"), Unit.DKK), "da") == "50.000 kr."


@pytest.mark.parametrize(
    ("day", "da", "en"),
    [
        (pendulum.Date(2025, 6, 1), "1. juni 2025", "1 June 2025"),
        (pendulum.Date(2022, 12, 31), "31. december 2022", "31 December 2022"),
        (pendulum.Date(2020, 3, 9), "9. marts 2020", "9 March 2020"),
        (pendulum.Date(2021, 5, 17), "17. maj 2021", "17 May 2021"),
    ],
)
def test_dates_are_written_the_way_people_write_them(day: pendulum.Date, da: str, en: str) -> None:
    assert format_date(day, "da") == da
    assert format_date(day, "en") == en


def test_formatting_refuses_a_bad_language_or_an_infinite_number() -> None:
    with pytest.raises(ValueError, match="lang"):
        format_date(pendulum.Date(2025, 1, 1), "xx")
    with pytest.raises(ValueError, match="lang"):
        format_number(1, "xx")
    with pytest.raises(ValueError, match="finite"):
        format_number(Decimal("Infinity"))


def test_every_text_has_danish_and_english() -> None:
    for key, text in TEXTS.items():
        da, en = text.pick("da"), text.pick("en")
        assert da.strip(), key
        assert en.strip(), key
        assert sorted(re.findall(r"\{(\w+)\}", da)) == sorted(re.findall(r"\{(\w+)\}", en)), key


def test_sector_words_come_from_the_shared_labels() -> None:
    _, text = example_page("opdrift", "en")
    assert label(Sector.CIVIL_SOCIETY, "en") in text


def _funding(id_: str, funder: str, start: pendulum.Date, end: pendulum.Date) -> Funding:
    return Funding(id_, funder, Money(Decimal("100000")), Term(start, end), FundingKind.OTHER)


def test_what_follows_each_funding_end_is_said_in_words() -> None:
    opdrift = examples.load("opdrift")
    trappen = examples.load("trappen")
    project = trappen.partnership("trappen")
    later = _funding(
        "f-later", "aarhus-kommune", pendulum.Date(2023, 3, 1), pendulum.Date(2023, 6, 30)
    )
    project = attrs.evolve(project, parent="opdrift", funding=(*project.funding, later))
    portfolio = Portfolio(
        (*opdrift.organisations, *trappen.organisations),
        (*opdrift.areas, *trappen.areas),
        (*opdrift.partnerships, project),
    )
    text = html(portfolio, as_of=examples.AS_OF, lang="en")
    assert "new funding starts on 1 March 2023 (59 days without)" in text
    assert "runs under a strategic partnership that goes on" in text
    assert "<dt>Part of</dt><dd>Opdrift i Ørnereden</dd>" in text
    assert "\N{RIGHTWARDS ARROW WITH HOOK} <a href=" in text  # nested under its parent


def test_unknown_references_are_shown_by_their_ids() -> None:
    trappen = examples.load("trappen")
    project = trappen.partnership("trappen")
    stranger = attrs.evolve(project.members[0], organisation="ghost-org")
    project = attrs.evolve(project, parent="nowhere", areas=("no-such-area",), members=(stranger,))
    text = html(Portfolio(trappen.organisations, trappen.areas, (project,)), as_of=AS_OF, lang="da")
    assert "<dt>Del af</dt><dd>nowhere</dd>" in text
    assert "<li>no-such-area</li>" in text
    assert "ukendt organisation ghost-org" in text
    for finding in validate(
        Portfolio(trappen.organisations, trappen.areas, (project,)), as_of=AS_OF
    ):
        assert finding.code in text


def test_partnerships_that_are_each_others_parent_are_still_shown_once_each() -> None:
    opdrift = examples.load("opdrift")
    first = opdrift.partnership("opdrift")
    second = attrs.evolve(first, id="anden", name="Anden", parent="opdrift")
    first = attrs.evolve(first, parent="anden")
    text = html(
        Portfolio(opdrift.organisations, opdrift.areas, (first, second)), as_of=AS_OF, lang="da"
    )
    assert text.count('<article class="partnership"') == 2
    assert balance(text).errors == []


def test_the_text_table_refuses_a_bad_language() -> None:
    assert say("title", "en") == "Partnership report"
    with pytest.raises(ValueError, match="lang"):
        say("title", "de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("da", "(listen 1. december 2018; kategorien ophørte med sin lov 31. december 2020)"),
        ("en", "(list of 1 December 2018; the category ended with its law on 31 December 2020)"),
    ],
)
def test_an_area_whose_category_ended_with_its_law_says_so(lang: str, words: str) -> None:
    portfolio = examples.load("opdrift")
    area = attrs.evolve(
        portfolio.areas[0],
        classifications=(Classification(AreaCategory.GHETTO, pendulum.Date(2018, 12, 1)),),
    )
    portfolio = attrs.evolve(portfolio, areas=(area,))
    assert words in html(portfolio, as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    before = html(portfolio, as_of=pendulum.Date(2019, 6, 1), lang=lang)  # type: ignore[arg-type]
    assert "ended with its law" not in before
    assert "ophørte med sin lov" not in before


#: The list categories in force on the examples' day, and an open one (a list's own).
_IN_FORCE = [
    c for c in AreaCategory if c is not AreaCategory.NONE and LAW_PERIODS[c].contains(AS_OF)
]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("category", [*_IN_FORCE, "kombineret_udlejning"])
def test_an_area_on_a_list_is_shown_with_its_categorys_label(
    lang: str, category: AreaCategory | str
) -> None:
    portfolio = examples.load("opdrift")
    area = attrs.evolve(portfolio.areas[0], classifications=())
    code = category.value if isinstance(category, AreaCategory) else category
    listed = AreaList("liste", code, pendulum.Date(2024, 12, 1), listings=(Listing(area.id),))
    portfolio = attrs.evolve(portfolio, areas=(area,), lists=(listed,))
    shown = label(category, lang) if isinstance(category, AreaCategory) else "kombineret udlejning"  # type: ignore[arg-type]
    assert f": {escape(shown)}</li>" in html(portfolio, as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
