"""ORG exports pass SEMIC's CPOV and CBV shapes and the minimal ORG-AP-DK shapes (pyshacl)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
import rdflib
from hypothesis import given
from rdflib import RDF, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, XSD
from tests.interop.conftest import VALIDATED, with_cvr_numbers
from tests.interop.standards import SHAPES, org_graph, shape_results

from samarbejde import Identifiers, Organisation, Portfolio, Sector, examples, load
from samarbejde import strategies as sst
from samarbejde.interop import CVR_IRI, DEFAULT_BASE, to_org_jsonld

ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("http://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
BASE = "https://example.org/samarbejde/"


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", examples.names())
def test_bundled_examples_pass_the_shapes(name: str, shape: str) -> None:
    graph = org_graph(to_org_jsonld(examples.load(name)).document)
    assert shape_results(graph, shape) == []


REAL_CASES = sorted((Path(__file__).parents[2] / "docs" / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", REAL_CASES, ids=lambda p: p.stem)
def test_the_real_cases_pass_the_shapes(path: Path) -> None:
    # slagelse.yaml begins in a year ("on: 2017"): ORG-AP-DK's foundingDate is an xsd:date
    graph = org_graph(to_org_jsonld(load(path)).document)
    for shape in SHAPES:
        assert shape_results(graph, shape) == []


def test_a_founding_year_is_a_beginning_not_an_invented_day() -> None:
    graph = _graph(load(Path(__file__).parents[2] / "docs" / "examples" / "slagelse.yaml"))
    years = {str(o) for o in graph.objects(None, TIME.inXSDgYear)}
    assert "2017" in years
    assert not [d for d in graph.objects(None, SCHEMA.foundingDate) if str(d).startswith("2017")]


@VALIDATED
@given(sst.portfolios(), with_cvr_numbers(sst.portfolios()))
def test_generated_portfolios_pass_the_shapes(portfolio: Portfolio, registered: Portfolio) -> None:
    for drawn in (portfolio, registered):
        graph = org_graph(to_org_jsonld(drawn, base=BASE).document)
        for shape in SHAPES:
            assert shape_results(graph, shape) == []


def test_the_shapes_find_what_the_old_export_lacked() -> None:
    graph = org_graph(to_org_jsonld(examples.load("opdrift")).document)
    roles = list(graph.subjects(RDF.type, ORG.Role))
    for role in roles:
        graph.remove((role, SKOS.definition, None))
    memberships = list(graph.subjects(RDF.type, ORG.Membership))
    graph.remove((memberships[0], PROV.generatedAtTime, None))
    found = "\n".join(shape_results(graph, "org-ap-dk-minimal.ttl"))
    assert "skos:definition is [1..*]" in found
    assert "prov:generatedAtTime" in found


def _graph(portfolio: Portfolio, **kwargs: str) -> rdflib.Graph:
    return org_graph(to_org_jsonld(portfolio, **kwargs).document)


def test_registered_organisations_are_named_by_their_cvr_number() -> None:
    portfolio = examples.load("opdrift")
    first = portfolio.organisations[0]
    registered = attrs.evolve(first, identifiers=attrs.evolve(first.identifiers, cvr="13585628"))
    changed = Portfolio(
        (registered, *portfolio.organisations[1:]), portfolio.areas, portfolio.partnerships
    )
    graph = _graph(changed, base=BASE)
    iri = URIRef(CVR_IRI + "13585628")
    assert (iri, RDF.type, ORG.FormalOrganization) in graph
    assert (URIRef(BASE + "partnership/opdrift"), ORG.hasMember, iri) in graph
    assert not any(str(s).startswith(DEFAULT_BASE) for s in graph.subjects())


def test_the_default_base_is_reported_and_a_given_one_is_not() -> None:
    portfolio = examples.load("opdrift")
    assert "base" in {o.path for o in to_org_jsonld(portfolio).omitted}
    assert "base" not in {o.path for o in to_org_jsonld(portfolio, base=BASE).omitted}


def test_a_member_who_left_is_dated_and_no_timeless_member() -> None:
    portfolio = examples.load("opdrift")
    partnership = portfolio.partnership("opdrift")
    member = partnership.members[1]
    left = attrs.evolve(member, left=member.joined.add(years=1))
    members = tuple(left if m is member else m for m in partnership.members)
    changed = Portfolio(
        portfolio.organisations, portfolio.areas, (attrs.evolve(partnership, members=members),)
    )
    graph = _graph(changed, base=BASE)
    org = URIRef(BASE + f"organisation/{member.organisation}")
    assert (URIRef(BASE + "partnership/opdrift"), ORG.hasMember, org) not in graph
    membership = URIRef(BASE + f"partnership/opdrift/membership/{member.organisation}")
    assert graph.value(membership, PROV.invalidatedAtTime) == Literal(
        f"{left.left}T00:00:00", datatype=XSD.dateTime
    )
    assert graph.value(membership, PROV.generatedAtTime) == Literal(
        f"{member.joined}T00:00:00", datatype=XSD.dateTime
    )


def test_a_unit_of_a_unit_is_a_sub_organisation_not_a_unit_of_it() -> None:
    top = Organisation("kommunen", "Kommunen", Sector.MUNICIPALITY)
    unit = Organisation("forvaltning", "Forvaltningen", Sector.MUNICIPALITY, parent="kommunen")
    team = Organisation("team", "Teamet", Sector.MUNICIPALITY, parent="forvaltning")
    graph = _graph(Portfolio((top, unit, team), (), ()), base=BASE)
    team_iri, unit_iri = (
        URIRef(BASE + "organisation/team"),
        URIRef(BASE + "organisation/forvaltning"),
    )
    assert (team_iri, ORG.subOrganizationOf, unit_iri) in graph
    assert (team_iri, ORG.unitOf, unit_iri) not in graph
    assert (unit_iri, ORG.unitOf, URIRef(BASE + "organisation/kommunen")) in graph
    for shape in SHAPES:
        assert shape_results(graph, shape) == []


def test_sectors_roles_and_kinds_are_concepts_of_a_scheme() -> None:
    graph = _graph(examples.load("lerbakke"), base=BASE)
    for scheme in ("sector", "role"):
        iri = URIRef(BASE + scheme)
        assert (iri, RDF.type, SKOS.ConceptScheme) in graph
        assert list(graph.subjects(SKOS.inScheme, iri))


def test_a_kommunekode_names_an_authority_without_a_cvr_number() -> None:
    org = Organisation(
        "kommunen", "Kommunen", Sector.MUNICIPALITY, identifiers=Identifiers(kommunekode="561")
    )
    graph = _graph(Portfolio((org,), (), ()), base=BASE)
    assert any(
        str(s).endswith("/kommunekode/561")
        for s in graph.subjects(RDF.type, ORG.FormalOrganization)
    )
