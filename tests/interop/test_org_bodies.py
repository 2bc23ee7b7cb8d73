"""Governance bodies in ORG: units of the collaboration with posts and dated memberships."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from rdflib import RDF, Literal, Namespace, URIRef
from rdflib.namespace import SKOS
from tests.interop.standards import ORG_NS, SHAPES, org_graph, shape_results

from samarbejde import GovernanceBody, Portfolio, Seat, SeatRole, Term, examples
from samarbejde.interop import to_org_jsonld

BASE = "urn:samarbejde:"
ORG = Namespace(ORG_NS)
BODY = GovernanceBody(
    "bestyrelse",
    "board",
    name="Bestyrelsen",
    term=Term(pendulum.Date(2020, 1, 1)),
    seats=(
        Seat("esbjerg-kommune", "direktør", SeatRole.CHAIR),
        Seat(None, "beboerrepræsentant", count=2),
    ),
)


def with_body() -> Portfolio:
    portfolio = examples.load("opdrift")
    p = portfolio.partnerships[0]
    changed = attrs.evolve(p, governance=(*p.governance, BODY))
    return attrs.evolve(portfolio, partnerships=(changed, *portfolio.partnerships[1:]))


def test_a_body_is_a_unit_of_the_collaboration_with_a_chair_and_posts() -> None:
    portfolio = with_body()
    p = portfolio.partnerships[0]
    export = to_org_jsonld(portfolio)
    graph = org_graph(export.document)
    body = URIRef(f"{BASE}partnership/{p.id}/body/bestyrelse")
    assert (body, RDF.type, ORG.OrganizationalUnit) in graph
    assert (body, ORG.subOrganizationOf, URIRef(f"{BASE}partnership/{p.id}")) in graph
    chair = URIRef(f"{BASE}seat-role/chair")
    seats = list(graph.subjects(ORG.organization, body))
    assert [graph.value(s, ORG.role) for s in seats] == [chair]
    posts = {str(graph.value(s, SKOS.prefLabel)) for s in graph.subjects(ORG.postIn, body)}
    assert posts == {"direktør", "beboerrepræsentant"}
    assert (chair, SKOS.notation, Literal("chair")) in graph
    paths = {o.path for o in export.omitted}
    assert f"partnerships[{p.id}].governance[bestyrelse].seats[1].count" in paths


@pytest.mark.parametrize("shape", SHAPES)
def test_bodies_pass_the_shapes(shape: str) -> None:
    assert shape_results(org_graph(to_org_jsonld(with_body()).document), shape) == []
