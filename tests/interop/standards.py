"""The standards' own validators, offline: Popolo's draft-03 schemas, IATI's XSD, ORG's terms.

Nothing here reaches the network: Popolo's ``$ref`` s resolve from a local registry
that has no retrieval function, JSON-LD is read with its inline context, and the XSD
imports ``xml.xsd`` from beside it.
"""

from __future__ import annotations

import functools
import json
import re
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema
import pyshacl
import rdflib
from lxml import etree
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

DATA = Path(__file__).parent / "data"
POPOLO = DATA / "popolo"
IATI = DATA / "iati"
ORG_NS = "http://www.w3.org/ns/org#"
FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Popolo list key -> the schema its items follow.
POPOLO_LISTS = {
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "areas": "area",
    "persons": "person",
}


@functools.cache
def popolo_registry() -> Registry[Any]:
    resources = []
    for path in sorted((POPOLO / "schemas").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"], Resource(schema, specification=DRAFT3)))
    return Registry().with_resources(resources)


@functools.cache
def popolo_validator(name: str) -> jsonschema.Draft3Validator:
    schema = json.loads((POPOLO / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft3Validator(schema, registry=popolo_registry())


def popolo_errors(document: Mapping[str, Any]) -> list[str]:
    """Every schema error of every item of a Popolo document, with its place."""
    errors = []
    for key, items in document.items():
        validator = popolo_validator(POPOLO_LISTS[key])
        for index, item in enumerate(items):
            errors += [f"{key}[{index}]: {e.message}" for e in validator.iter_errors(item)]
    return errors


def popolo_dates(document: Mapping[str, Any]) -> Iterator[str]:
    """Every date the document gives (stricter than the schema: each must be a full date)."""
    for items in document.values():
        for item in items:
            for key in ("founding_date", "dissolution_date", "start_date", "end_date"):
                if key in item:
                    yield item[key]


@functools.cache
def iati_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(IATI / "schemas" / "iati-activities-schema.xsd")))


def iati_errors(xml: bytes) -> list[str]:
    schema = iati_schema()
    document = etree.fromstring(
        xml, parser=etree.XMLParser(resolve_entities=False, no_network=True)
    )
    if schema.validate(document):
        return []
    return [str(error) for error in schema.error_log]


def codes(codelist: str) -> set[str]:
    """The codes of one of IATI's code lists."""
    tree = etree.parse(str(IATI / "codelists" / f"{codelist}.xml"))
    return {code.text or "" for code in tree.iterfind(".//codelist-item/code")}


def code_names(codelist: str) -> dict[str, str]:
    tree = etree.parse(str(IATI / "codelists" / f"{codelist}.xml"))
    return {
        item.findtext("code") or "": item.findtext("name/narrative") or ""
        for item in tree.iterfind(".//codelist-item")
    }


@functools.cache
def org_terms() -> frozenset[str]:
    """Every term org.ttl defines (a subject of the ontology in the org: namespace)."""
    graph = rdflib.Graph().parse(DATA / "w3c-org" / "org.ttl", format="turtle")
    return frozenset(str(s) for s in graph.subjects() if str(s).startswith(ORG_NS))


def org_graph(document: Mapping[str, Any]) -> rdflib.Graph:
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser builds a ConjunctiveGraph, which rdflib deprecates.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return rdflib.Graph().parse(data=json.dumps(document), format="json-ld")


def org_terms_used(graph: rdflib.Graph) -> set[str]:
    return {
        str(term)
        for triple in graph
        for term in triple
        if isinstance(term, rdflib.URIRef) and str(term).startswith(ORG_NS)
    }


#: The SHACL shapes an ORG export must pass: SEMIC's CPOV and CBV, and minimal ORG-AP-DK.
SHAPES = ("cpov-2.1.2-SHACL.ttl", "cbv-2.3.0-SHACL.ttl", "org-ap-dk-minimal.ttl")


@functools.cache
def shapes(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(DATA / "org" / "shacl" / name, format="turtle")


def shape_results(graph: rdflib.Graph, name: str) -> list[str]:
    """Every result (violation or warning) of one set of shapes on ``graph``."""
    _, report, _ = pyshacl.validate(
        graph, shacl_graph=shapes(name), inference="none", allow_warnings=False
    )
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    return sorted(
        f"{report.value(r, sh.resultSeverity)} {report.value(r, sh.focusNode)}"
        f" {report.value(r, sh.resultPath)}: {report.value(r, sh.resultMessage)}"
        for r in report.subjects(rdflib.RDF.type, sh.ValidationResult)
    )
