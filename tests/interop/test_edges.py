"""The exporters' and the reader's less travelled paths: each one reported, none raising."""

from __future__ import annotations

import attrs
import pendulum
from lxml import etree
from tests.interop.standards import iati_errors, org_graph, org_terms, org_terms_used

from samarbejde import Portfolio, examples
from samarbejde.interop import Omission, from_popolo, summary, to_iati, to_org_jsonld, to_popolo

CVR = ("13585628", "10503280", "11975658", "25662202", "28107773", "29523215", "65070413")


def _opdrift() -> Portfolio:
    portfolio = examples.load("opdrift")
    organisations = tuple(
        attrs.evolve(o, identifiers=attrs.evolve(o.identifiers, cvr=cvr))
        for o, cvr in zip(portfolio.organisations, CVR, strict=False)
    )
    return Portfolio(organisations, portfolio.areas, portfolio.partnerships)


def _reasons(omitted: tuple[Omission, ...]) -> dict[str, str]:
    return {o.path: o.reason for o in omitted}


def test_iati_reports_duplicates_missing_areas_parents_and_incomplete_targets() -> None:
    portfolio = _opdrift()
    opdrift = portfolio.partnership("opdrift")
    goal = opdrift.goals[0]
    goals = (
        attrs.evolve(goal, id="no-due", target=goal.target or 1, due=None, baseline=None),
        attrs.evolve(goal, id="no-target", target=None, due=pendulum.Date(2030, 1, 1)),
    )
    changed = attrs.evolve(opdrift, areas=("nowhere",), parent="ghost", goals=goals)
    portfolio = Portfolio(portfolio.organisations, portfolio.areas, (changed, opdrift))
    export = to_iati(portfolio, as_of=examples.AS_OF)
    assert iati_errors(export.document.encode()) == []
    reasons = _reasons(export.omitted)
    assert reasons["partnerships[opdrift].areas[nowhere]"] == "not an area"
    assert reasons["partnerships[opdrift].parent"] == "the parent is not an activity"
    assert "no due date" in reasons["partnerships[opdrift].goals[no-due].target"]
    assert "needs a target" in reasons["partnerships[opdrift].goals[no-target].due"]
    assert reasons["partnerships[opdrift]"] == "a second partnership with this id"
    assert len(etree.fromstring(export.document.encode()).findall("iati-activity")) == 1


def test_a_project_under_a_strategic_partnership_is_related_both_ways() -> None:
    portfolio = _opdrift()
    opdrift = portfolio.partnership("opdrift")
    trappen = attrs.evolve(examples.load("trappen").partnerships[0], parent="opdrift")
    members = tuple(attrs.evolve(m, organisation="digebo") for m in trappen.members[:1])
    project = attrs.evolve(trappen, members=members, funding=(), areas=())
    portfolio = Portfolio(portfolio.organisations, portfolio.areas, (opdrift, project))
    tree = etree.fromstring(to_iati(portfolio, as_of=examples.AS_OF).document.encode())
    parent_id, child_id = (a.findtext("iati-identifier") for a in tree)
    assert child_id.endswith("-trappen")
    related = [(r.get("type"), r.get("ref")) for r in tree.iter("related-activity")]
    assert related == [("2", child_id), ("1", parent_id)]
    graph = org_graph(to_org_jsonld(portfolio).document)
    assert org_terms_used(graph) <= org_terms()
    popolo = to_popolo(portfolio).document
    assert popolo["organizations"][-1]["parent_id"] == "partnership/opdrift"
    assert from_popolo(popolo).portfolio.partnership(project.id).parent == "opdrift"


def test_popolo_posts_that_cannot_be_entry_points_are_reported() -> None:
    document = {
        "organizations": [
            {
                "id": "o",
                "name": "O",
                "identifiers": ["DUNS", {"scheme": "DK-CVR", "identifier": "13585628"}],
            },
        ],
        "posts": [
            {"id": "o/p", "label": "Koordinator", "role": "liaison", "organization_id": "o"},
            {"id": "o/p", "label": "Again", "role": "liaison", "organization_id": "o"},
            {"id": "x", "label": "Elsewhere", "organization_id": "nobody"},
            {"id": "o/q", "organization_id": "o"},
            {
                "id": "o/r",
                "label": "Area-less",
                "role": "liaison",
                "organization_id": "o",
                "area_id": "nowhere",
            },
        ],
    }
    imported = from_popolo(document)
    org = imported.portfolio.organisation("o")
    assert org.identifiers.cvr == "13585628"
    assert [e.id for e in org.entry_points] == ["p", "r"]
    assert [str(o) for o in imported.omitted] == [
        "organizations[o].identifiers[0]: not an identifier object",
        "posts[o/p]: a second post with this id",
        "posts[x]: the post is not held in an organisation of the document",
        "posts[o/q]: a post needs a label",
        "posts[o/r].area_id: not an area of the document",
    ]


def test_an_unclassified_organisation_is_other_without_a_word() -> None:
    imported = from_popolo({"organizations": [{"id": "o", "name": "O"}]})
    assert imported.portfolio.organisation("o").sector.value == "other"
    assert imported.omitted == ()


def test_a_summary_of_nothing() -> None:
    assert summary(()) == "nothing left out."
    assert str(Omission("a", "b")) == "a: b"
