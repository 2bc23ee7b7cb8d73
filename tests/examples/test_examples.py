"""The bundled examples load, say where they come from, and give the documented findings."""

from __future__ import annotations

import pytest

from samarbejde import Portfolio, dumps, loads, municipalities, validate
from samarbejde.examples import AS_OF, load, load_located, names, text

#: What the docs and the files' own headers promise, as of AS_OF.
DOCUMENTED = {
    "opdrift": ("C006", "T001"),
    "lerbakke": ("C007",),
    "trappen": ("P001", "P002", "P003"),
}


def test_the_examples_are_the_three_documented_ones() -> None:
    assert names() == tuple(sorted(DOCUMENTED))


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_each_example_gives_its_documented_findings(name: str) -> None:
    report = validate(load(name), as_of=AS_OF)
    assert report.codes == DOCUMENTED[name]
    assert report.ok


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_each_example_names_its_documented_codes_in_its_header(name: str) -> None:
    header = " ".join(line[1:].strip() for line in text(name).splitlines() if line.startswith("#"))
    assert "Fictional: every name but" in header
    for organisation in load(name).organisations:
        if organisation.identifiers.kommunekode is not None:
            assert f"kommunekode {organisation.identifiers.kommunekode}" in header
    for code in DOCUMENTED[name]:
        assert code in header


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_each_example_keeps_a_real_municipality_named_for_its_kommunekode(name: str) -> None:
    """The real names an example keeps agree with the shipped kommuner (D114)."""
    portfolio = load(name)
    coded = {
        o.identifiers.kommunekode: o.name
        for o in portfolio.organisations
        if o.identifiers.kommunekode is not None
    }
    assert coded
    for code, organisation_name in coded.items():
        assert organisation_name == f"{municipalities()[code].name} Kommune"
    assert {area.municipality for area in portfolio.areas} <= coded.keys()


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_each_example_survives_a_round_trip_through_json(name: str) -> None:
    portfolio = load(name)
    assert loads(dumps(portfolio, "json"), "json") == portfolio


def test_findings_of_an_example_point_at_lines_in_its_text() -> None:
    portfolio, sources = load_located("opdrift")
    report = validate(portfolio, as_of=AS_OF, sources=sources)
    lines = text("opdrift").splitlines()
    overdue = next(f for f in report if f.code == "T001")
    assert overdue.line is not None
    assert "status:" in lines[overdue.line - 1]
    assert "c-praktik" in "\n".join(lines[overdue.line - 10 : overdue.line])


def test_opdrift_is_the_strategic_alliance_in_esbjerg() -> None:
    portfolio = load("opdrift")
    assert isinstance(portfolio, Portfolio)
    esbjerg = portfolio.organisation("esbjerg-kommune")
    assert esbjerg.identifiers.kommunekode == "561"
    opdrift = portfolio.partnership("opdrift")
    assert opdrift.form == "strategic"
    assert opdrift.member("bryggens-erhverv").role == "bridge_builder"
    kinds = {c.kind for c in opdrift.commitments if c.by == "bryggens-erhverv"}
    assert {"leisure_jobs", "internships"} <= kinds
    entry_kinds = {e.kind for e in portfolio.organisation("ringkaeden").entry_points}
    assert entry_kinds == {"regional_consultant", "local_branch"}
    assert any(
        portfolio.organisation(m.organisation).sector == "residents" for m in opdrift.members
    )


def test_lerbakke_is_a_binding_place_specific_partnership_of_municipality_and_housing() -> None:
    portfolio = load("lerbakke")
    assert portfolio.organisation("gladsaxe-kommune").identifiers.kommunekode == "159"
    partnership = portfolio.partnerships[0]
    assert partnership.areas
    assert any(a.binding and a.signed for a in partnership.agreements)
    sectors = {portfolio.organisation(m.organisation).sector for m in partnership.members}
    assert {"municipality", "housing"} <= sectors


def test_an_unknown_example_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="opdrift"):
        text("nowhere")
