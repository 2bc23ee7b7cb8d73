"""W3C ORG: exports parse as RDF, use only terms org.ttl defines; ORG-AP-DK's examples parse."""

from __future__ import annotations

import json
import re

import pytest
import rdflib
from hypothesis import given
from rdflib import RDF, Literal, Namespace, URIRef
from rdflib.namespace import SKOS, XSD
from tests.interop.conftest import PATIENT, with_cvr_numbers
from tests.interop.standards import DATA, ORG_NS, org_graph, org_terms, org_terms_used

from samarbejde import Portfolio, examples
from samarbejde import strategies as sst
from samarbejde.interop import KOMMUNEKODE_IRI, ORG_CONTEXT, to_org_jsonld

ORG = Namespace(ORG_NS)
TIME = Namespace("http://www.w3.org/2006/time#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
BASE = "urn:samarbejde:"
PROFILE = (DATA / "org-ap-dk" / "ORG-AP-DK.md").read_text(encoding="utf-8")


def test_org_ttl_defines_the_ontology() -> None:
    assert len(rdflib.Graph().parse(DATA / "w3c-org" / "org.ttl")) == 748
    assert ORG_NS + "Membership" in org_terms()
    assert ORG_NS + "noSuchTerm" not in org_terms()


@pytest.mark.parametrize("name", examples.names())
def test_bundled_examples_export_rdf_with_org_terms_only(name: str) -> None:
    export = to_org_jsonld(examples.load(name))
    graph = org_graph(export.document)
    assert len(graph) > 20
    used = org_terms_used(graph)
    assert used <= org_terms(), used - org_terms()
    assert export.omitted


def test_the_context_is_inline_so_nothing_is_fetched() -> None:
    document = to_org_jsonld(examples.load("opdrift")).document
    assert document["@context"] == ORG_CONTEXT
    assert all(isinstance(v, str) and v.startswith("http") for v in ORG_CONTEXT.values())


def test_an_export_says_what_org_can() -> None:
    portfolio = examples.load("opdrift")
    graph = org_graph(to_org_jsonld(portfolio).document)
    partnership = URIRef(BASE + "partnership/opdrift")
    assert (partnership, RDF.type, ORG.OrganizationalCollaboration) in graph
    # Esbjerg Kommune has a kommunekode (561) and no CVR number: its IRI is minted from it.
    kommune = URIRef(KOMMUNEKODE_IRI + "561")
    assert (kommune, RDF.type, ORG.FormalOrganization) in graph
    assert (kommune, RDF.type, URIRef("http://data.europa.eu/m8g/PublicOrganisation")) in graph
    assert (partnership, ORG.hasMember, kommune) in graph
    membership = URIRef(BASE + "partnership/opdrift/membership/esbjerg-kommune")
    assert (membership, ORG.member, kommune) in graph
    assert (membership, ORG.organization, partnership) in graph
    during = graph.value(membership, ORG.memberDuring)
    start = graph.value(graph.value(during, TIME.hasBeginning), TIME.inXSDDate)
    joined = portfolio.partnership("opdrift").member("esbjerg-kommune").joined
    assert start == Literal(joined.isoformat(), datatype=XSD.date)
    identifier = graph.value(kommune, ADMS.identifier)
    assert graph.value(identifier, SKOS.notation) == Literal("561")


def test_units_are_sub_organisations_and_cvr_numbers_identifiers() -> None:
    portfolio = examples.load("opdrift")
    unit = next(o for o in portfolio.organisations if o.parent is not None)
    graph = org_graph(to_org_jsonld(portfolio).document)
    node, parent = (
        URIRef(BASE + "organisation/" + unit.id),
        URIRef(KOMMUNEKODE_IRI + "561"),  # the unit's parent, Esbjerg Kommune
    )
    assert (node, RDF.type, ORG.OrganizationalUnit) in graph
    assert (node, ORG.subOrganizationOf, parent) in graph
    assert (node, ORG.unitOf, parent) in graph


@PATIENT
@given(with_cvr_numbers(sst.portfolios()))
def test_generated_portfolios_export_rdf_with_org_terms_only(portfolio: Portfolio) -> None:
    export = to_org_jsonld(portfolio, base="https://example.org/samarbejde/")
    graph = org_graph(export.document)
    assert org_terms_used(graph) <= org_terms()
    partnerships = {
        URIRef(f"https://example.org/samarbejde/partnership/{p.id}") for p in portfolio.partnerships
    }
    memberships = {
        m
        for m in graph.subjects(RDF.type, ORG.Membership)
        if graph.value(m, ORG.organization) in partnerships  # not a seat in a body
    }
    assert len(memberships) == sum(len(p.members) for p in portfolio.partnerships)
    cvrs = {str(o) for o in graph.objects(None, SKOS.notation)}
    assert {o.identifiers.cvr for o in portfolio.organisations} <= cvrs
    json.dumps(export.document)


# -- ORG-AP-DK's own Turtle examples -------------------------------------------------------------

NAMESPACE_ROW = re.compile(r"<tr><td>(\w[\w-]*)\s*</td><td>(\S+)\s*</td>")
EXAMPLE = re.compile(r"### (Eksempel på [^\n]+)\n.*?<xmp>\n(.*?)</xmp>", re.DOTALL)


def _prefixes() -> str:
    """The profile's own table of namespaces, as Turtle prefix declarations."""
    rows = NAMESPACE_ROW.findall(PROFILE)
    assert ("org", "http://www.w3.org/ns/org#") in rows
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in rows)


def _examples() -> dict[str, str]:
    found = {title.strip(): body for title, body in EXAMPLE.findall(PROFILE)}
    assert len(found) == 4, sorted(found)
    return found


def _parse(body: str) -> rdflib.Graph:
    return rdflib.Graph().parse(
        data=_prefixes() + body, format="turtle", publicID="http://example.com/"
    )


@pytest.mark.parametrize(
    ("title", "undefined"),
    [
        ("Eksempel på basisinformation", set()),
        ("Eksempel på organisatoriske strukturer", set()),
        # The profile's class of public organisations is CPOV's cv:PublicOrganisation
        # (its own element table says so); this example misspells it in org:.
        ("Eksempel på kontaktinformation", {ORG_NS + "PublicOrganization"}),
    ],
)
def test_profile_examples_parse_with_the_profiles_namespaces(
    title: str, undefined: set[str]
) -> None:
    graph = _parse(_examples()[title])
    assert len(graph) >= 4
    assert org_terms_used(graph) - org_terms() == undefined


def test_the_profiles_identifier_example_is_not_turtle_as_published() -> None:
    # It uses `legal:`, which the profile's table does not declare, and a bare
    # `issuingAuthorityName`; so the exporter follows the element table instead
    # (adms:identifier, skos:notation, dc:creator).
    body = _examples()["Eksempel på idenfikatorer"]
    assert "legal:legalIdentifier" in body
    with pytest.raises(Exception, match="legal"):
        _parse(body)
