"""Sources and notes on every cited record: kept by every format, the store, diff and the
report, written by each exporter where its standard has a place for them, and refused
with their location when a document misspells a key of a source."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.documents.texts import column_of, line_of, only, problems
from tests.profiles import WHOLE_PORTFOLIOS
from tests.structure.records import IN_PORTFOLIO

import samarbejde as s
from samarbejde import diff, dumps, examples, interop, loads, report
from samarbejde import store as stores
from samarbejde import strategies as sst
from samarbejde.model.errors import ModelError
from samarbejde.model.sources import Cited
from samarbejde.report._sources import cited_in
from samarbejde.sheets import dump_csv_package, dumps_workbook, load_csv_package, loads_workbook
from samarbejde.testing import synthetic_portfolio

D = pendulum.Date
FORMATS = ("yaml", "json", "toml")
#: A CVR number with a valid check digit.
CVR = "25313763"
AS_OF = D(2025, 6, 1)

#: The records that carry sources and a note, as design decision D79 lists them.
DOCUMENTED = {
    s.Organisation,
    s.Area,
    s.Classification,
    s.Partnership,
    s.Membership,
    s.Mandate,
    s.Commitment,
    s.Vision,
    s.Challenge,
    s.Goal,
    s.Agreement,
    s.GovernanceBody,
    s.Funding,
}

WEB = s.Source("Lauritzen Fonden: MedVind", address="https://example.dk/medvind.pdf")
REFERENCE = s.Source("Byrådets referat", address="Journal 17/1234", read_on=D(2025, 1, 2))


def provenance(portfolio: s.Portfolio) -> list[tuple[str, tuple[s.Source, ...], str | None]]:
    """Each cited record's kind, sources and note, in the order a walk meets them."""
    return [(type(r).__name__, r.sources, r.note) for r in cited_in(portfolio)]


def cited_everywhere() -> s.Portfolio:
    """A synthetic portfolio whose first partnership, organisation and area cite sources."""
    portfolio = synthetic_portfolio(20)
    assert {type(r) for r in cited_in(portfolio)} == DOCUMENTED  # every kind is cited
    return portfolio


# -- the model -------------------------------------------------------------------------


def test_the_cited_records_are_those_design_d79_lists() -> None:
    cited = {record for record in IN_PORTFOLIO if issubclass(record, Cited)}
    assert cited == DOCUMENTED


def test_a_source_needs_a_title_and_only_a_web_address_is_a_url() -> None:
    with pytest.raises(ModelError) as caught:
        s.Source("  ")
    assert (caught.value.record, caught.value.field) == ("Source", "title")
    assert WEB.url == WEB.address
    assert REFERENCE.url is None
    assert s.Source("Lov").url is None


def test_sources_and_notes_are_keywords_after_a_records_own_fields() -> None:
    vision = s.Vision("Alle unge i job", D(2020, 1, 1), note="Ordret fra aftalen", sources=(WEB,))
    assert (vision.text, vision.note, vision.sources) == (
        "Alle unge i job",
        "Ordret fra aftalen",
        (WEB,),
    )
    with pytest.raises(ModelError):
        s.Vision("Alle unge i job", D(2020, 1, 1), sources=("https://example.dk",))  # type: ignore[arg-type]


# -- every format and the store --------------------------------------------------------


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), st.sampled_from(FORMATS))
def test_any_portfolio_keeps_its_sources_and_notes_through_every_format(
    portfolio: s.Portfolio, fmt: str
) -> None:
    again = loads(dumps(portfolio, fmt), fmt)  # type: ignore[arg-type]
    assert provenance(again) == provenance(portfolio)


@WHOLE_PORTFOLIOS
@given(sst.portfolios())
def test_any_portfolio_keeps_its_sources_and_notes_through_the_workbook(
    portfolio: s.Portfolio,
) -> None:
    assert provenance(loads_workbook(dumps_workbook(portfolio))) == provenance(portfolio)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_kind_of_cited_record_keeps_them_through_every_format(fmt: str) -> None:
    portfolio = cited_everywhere()
    again = loads(dumps(portfolio, fmt), fmt)  # type: ignore[arg-type]
    assert again == portfolio


def test_every_kind_of_cited_record_keeps_them_through_the_sheets(tmp_path: Path) -> None:
    portfolio = cited_everywhere()
    assert loads_workbook(dumps_workbook(portfolio)) == portfolio
    dump_csv_package(portfolio, tmp_path / "pakke")
    assert load_csv_package(tmp_path / "pakke") == portfolio


def test_the_store_keeps_them_and_records_a_changed_note(tmp_path: Path) -> None:
    portfolio = cited_everywhere()
    first = portfolio.partnerships[0]
    noted = attrs.evolve(first, note="Rettet efter nyt referat.")
    changed = attrs.evolve(portfolio, partnerships=(noted, *portfolio.partnerships[1:]))
    with stores.open(str(tmp_path / "register.db")) as registry:
        registry.save(portfolio, recorded_by="sekretariatet")
        saved = registry.save(changed, recorded_by="sekretariatet", base=1)
        assert registry.portfolio(revision=1) == portfolio
        assert registry.portfolio() == changed
    assert [c.path for c in saved.changes] == [f"partnerships[{first.id}].note"]


def test_an_unknown_key_in_a_source_is_refused_at_its_place() -> None:
    text = dumps(
        s.Portfolio(
            organisations=(s.Organisation("a", "A", s.Sector.OTHER, sources=(REFERENCE,)),)
        ),
        "yaml",
    )
    assert "address: Journal 17/1234" in text
    misspelt = text.replace("address: Journal", "adress: Journal")
    problem = only(problems(misspelt, "yaml"))
    assert problem.path == "organisations[0].sources[0].adress"
    assert "unknown key 'adress'" in problem.message
    assert "did you mean 'address'?" in problem.message
    assert (problem.line, problem.column) == (
        line_of(misspelt, "adress:"),
        column_of(misspelt, "adress:"),
    )


def test_sources_and_note_are_written_after_a_records_own_keys() -> None:
    area = s.Area("a", "A", "561", note="Navnet efter kommunens side.", sources=(WEB,))
    text = dumps(s.Portfolio(areas=(area,)), "yaml")
    assert text.index("municipality:") < text.index("sources:") < text.index("note:")


# -- diff, the report and the exporters ------------------------------------------------


def test_a_changed_note_and_an_added_source_are_changes_with_sentences() -> None:
    old = s.Area("a", "A", "561", note="Gammel note")
    new = attrs.evolve(old, note="Ny note", sources=(WEB,))
    changes = diff(old, new)
    assert [(c.path, c.kind) for c in changes] == [
        ("sources[0]", "added"),
        ("note", "changed"),
    ]
    assert changes[1].sentence("da") == "Note ændret fra «Gammel note» til «Ny note»."
    assert "Lauritzen Fonden: MedVind" in changes[0].sentence("en")
    assert s.changes.apply(changes, old) == new


def _example_with(sources: tuple[s.Source, ...], note: str | None) -> s.Portfolio:
    portfolio = examples.load("trappen")
    first = attrs.evolve(portfolio.partnerships[0], sources=sources, note=note)
    return attrs.evolve(portfolio, partnerships=(first, *portfolio.partnerships[1:]))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_report_lists_a_partnerships_sources_with_links_and_its_note(lang: str) -> None:
    plain = report.html(_example_with((), None), as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    page = report.html(_example_with((WEB, REFERENCE), "Kun årstal kendt."), as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    heading = {"da": "Kilder og noter", "en": "Sources and notes"}[lang]
    assert f"<h4>{heading}</h4>" not in plain
    assert f"<h4>{heading}</h4>" in page
    assert '<a href="https://example.dk/medvind.pdf" rel="noreferrer">' in page
    assert "Kun årstal kendt." in page
    assert "Journal 17/1234" in page
    read = {"da": "læst", "en": "read"}[lang]
    assert re.search(rf"{read} \W?2\.? ?\w+ 2025", page)


def test_popolo_writes_sources_as_links_and_reads_them_back() -> None:
    portfolio = _example_with((WEB, REFERENCE), "En note")
    partnership = portfolio.partnerships[0]
    exported = interop.to_popolo(portfolio)
    item = next(
        o for o in exported.document["organizations"] if o["id"] == f"partnership/{partnership.id}"
    )
    assert item["sources"] == [{"url": WEB.address, "note": WEB.title}]
    omitted = {o.path for o in exported.omitted}
    where = f"partnerships[{partnership.id}]"
    assert {f"{where}.sources[1]", f"{where}.note"} <= omitted
    read = interop.from_popolo(exported.document)
    assert read.portfolio.partnership(partnership.id).sources == (
        s.Source(WEB.title, address=WEB.address),
    )


def test_org_writes_dct_source_and_skos_note() -> None:
    portfolio = _example_with((WEB, REFERENCE), "En note")
    partnership = portfolio.partnerships[0]
    exported = interop.to_org_jsonld(portfolio)
    node = next(
        n for n in exported.document["@graph"] if n["@id"].endswith(f"partnership/{partnership.id}")
    )
    assert node["skos:note"] == "En note"
    assert node["dct:source"] == [
        {"@id": WEB.address, "dct:title": WEB.title},
        {"dct:title": REFERENCE.title, "dct:bibliographicCitation": REFERENCE.address},
    ]
    assert f"partnerships[{partnership.id}].sources[1].read_on" in {
        o.path for o in exported.omitted
    }


def test_iati_writes_document_links_and_the_note_as_another_description() -> None:
    portfolio = _example_with((WEB, REFERENCE), "En note")
    partnership = portfolio.partnerships[0]
    with_cvr = tuple(  # IATI needs a reporting organisation with a CVR number
        attrs.evolve(o, identifiers=s.Identifiers(cvr=CVR)) for o in portfolio.organisations
    )
    portfolio = attrs.evolve(portfolio, organisations=with_cvr)
    exported = interop.to_iati(portfolio, as_of=AS_OF)
    root = ET.fromstring(exported.document)
    activity = next(a for a in root if a.findtext("iati-identifier", "").endswith(partnership.id))
    links = activity.findall("document-link")
    assert [(d.get("url"), d.get("format"), d.find("category").get("code")) for d in links] == [  # type: ignore[union-attr]
        (WEB.address, "application/pdf", "A12")
    ]
    notes = [d.findtext("narrative") for d in activity.findall("description[@type='4']")]
    assert notes == ["En note"]
    assert f"partnerships[{partnership.id}].sources[1]" in {o.path for o in exported.omitted}
