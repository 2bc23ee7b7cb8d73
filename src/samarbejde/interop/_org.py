"""W3C ORG as JSON-LD, following the Danish application profile ORG-AP-DK."""

from __future__ import annotations

from typing import Any

import pendulum

from samarbejde.interop._result import Export, Omission
from samarbejde.model import (
    Membership,
    Organisation,
    Partnership,
    Portfolio,
    Sector,
    label,
    municipalities,
)
from samarbejde.model.iso import write_date

__all__ = ["DEFAULT_BASE", "ORG_CONTEXT", "to_org_jsonld"]

#: The IRI the exported resources are named under unless another is given.
DEFAULT_BASE = "urn:samarbejde:"

#: The inline JSON-LD context of every ORG export: prefixes only, so nothing is fetched.
ORG_CONTEXT: dict[str, str] = {
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "adms": "http://www.w3.org/ns/adms#",
    "cv": "http://data.europa.eu/m8g/",
    "schema": "http://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# Who issues an identifier, as in ORG-AP-DK's example of identifiers.
_CVR_ISSUER = "ERST"
_KOMMUNEKODE_ISSUER = "CPR"
# Sectors whose organisations are public organisations (CPOV, ORG-AP-DK).
_PUBLIC = frozenset({Sector.MUNICIPALITY, Sector.REGION, Sector.STATE})

JSON = dict[str, Any]


def _date(day: pendulum.Date) -> JSON:
    return {"@value": write_date(day), "@type": "xsd:date"}


def _da(text: str) -> JSON:
    return {"@value": text, "@language": "da"}


class _Names:
    def __init__(self, base: str) -> None:
        self.base = base

    def organisation(self, ident: str) -> str:
        return f"{self.base}organisation/{ident}"

    def partnership(self, ident: str) -> str:
        return f"{self.base}partnership/{ident}"

    def post(self, org: str, entry: str) -> str:
        return f"{self.base}organisation/{org}/post/{entry}"

    def membership(self, partnership: str, org: str) -> str:
        return f"{self.base}partnership/{partnership}/membership/{org}"

    def role(self, code: str) -> str:
        return f"{self.base}role/{code}"

    def sector(self, sector: Sector) -> str:
        return f"{self.base}sector/{sector.value}"

    def entry_kind(self, kind: str) -> str:
        return f"{self.base}entry-point-kind/{kind}"

    def area(self, ident: str) -> str:
        return f"{self.base}area/{ident}"

    def municipality(self, code: str) -> str:
        return f"{self.base}kommune/{code}"


def _identifier(notation: str, issuer: str) -> JSON:
    return {"@type": "adms:Identifier", "skos:notation": notation, "dc:creator": issuer}


def _organisation(org: Organisation, names: _Names, omitted: list[Omission]) -> list[JSON]:
    path = f"organisations[{org.id}]"
    types = ["org:FormalOrganization"] if org.parent is None else ["org:OrganizationalUnit"]
    if org.sector in _PUBLIC:
        types.append("cv:PublicOrganisation")
    node: JSON = {
        "@id": names.organisation(org.id),
        "@type": types,
        "skos:prefLabel": _da(org.name),
        "org:classification": {"@id": names.sector(org.sector)},
    }
    identifiers = []
    if org.identifiers.cvr is not None:
        identifiers.append(_identifier(org.identifiers.cvr, _CVR_ISSUER))
    if org.identifiers.kommunekode is not None:
        identifiers.append(_identifier(org.identifiers.kommunekode, _KOMMUNEKODE_ISSUER))
    if identifiers:
        node["adms:identifier"] = identifiers
    if org.parent is not None:
        parent = {"@id": names.organisation(org.parent)}
        node["org:unitOf"] = parent
        node["org:subOrganizationOf"] = parent
    if org.remit:
        omitted.append(Omission(f"{path}.remit", "ORG has no remit (org:purpose takes concepts)"))
    nodes = [node]
    for entry in org.entry_points:
        where = f"{path}.entry_points[{entry.id}]"
        nodes.append(
            {
                "@id": names.post(org.id, entry.id),
                "@type": "org:Post",
                "skos:prefLabel": _da(entry.post),
                "org:postIn": {"@id": names.organisation(org.id)},
                "org:role": {"@id": names.entry_kind(entry.kind)},
            }
        )
        if entry.covers:
            omitted.append(Omission(f"{where}.covers", "ORG does not tie a post to places"))
        if entry.channel is not None:
            omitted.append(
                Omission(f"{where}.channel", "a channel is free text that may be personal data")
            )
        if entry.verified_on is not None:
            omitted.append(Omission(f"{where}.verified_on", "ORG has no verification date"))
    return nodes


def _membership(
    partnership: Partnership, member: Membership, names: _Names, omitted: list[Omission]
) -> JSON:
    path = f"partnerships[{partnership.id}].members[{member.organisation}]"
    during: JSON = {
        "@type": "time:Interval",
        "time:hasBeginning": {"@type": "time:Instant", "time:inXSDDate": _date(member.joined)},
    }
    if member.left is not None:
        during["time:hasEnd"] = {"@type": "time:Instant", "time:inXSDDate": _date(member.left)}
    if member.representative is not None:
        omitted.append(
            Omission(f"{path}.representative", "free text that may name a person; not written")
        )
    if member.mandates:
        omitted.append(Omission(f"{path}.mandates", "ORG has no mandates"))
    return {
        "@id": names.membership(partnership.id, member.organisation),
        "@type": "org:Membership",
        "org:member": {"@id": names.organisation(member.organisation)},
        "org:organization": {"@id": names.partnership(partnership.id)},
        "org:role": {"@id": names.role(member.role)},
        "org:memberDuring": during,
    }


_PARTNERSHIP_FIELDS = (
    ("vision", "ORG has no vision"),
    ("challenges", "ORG has no challenges"),
    ("goals", "ORG has no goals"),
    ("commitments", "ORG has no commitments"),
    ("agreements", "ORG has no agreements"),
    ("governance", "ORG has no governance bodies"),
    ("funding", "ORG has no funding"),
)


def _partnership(partnership: Partnership, names: _Names, omitted: list[Omission]) -> list[JSON]:
    path = f"partnerships[{partnership.id}]"
    node: JSON = {
        "@id": names.partnership(partnership.id),
        "@type": "org:OrganizationalCollaboration",
        "skos:prefLabel": _da(partnership.name),
        "schema:foundingDate": _date(partnership.lifecycles[0].started),
    }
    ended = partnership.lifecycle.ended
    if ended is not None:
        node["schema:dissolutionDate"] = _date(ended)
    if partnership.members:
        node["org:hasMember"] = [
            {"@id": names.organisation(m.organisation)} for m in partnership.members
        ]
    if partnership.parent is not None:
        node["org:subOrganizationOf"] = {"@id": names.partnership(partnership.parent)}
    if partnership.areas:
        node["dct:spatial"] = [{"@id": names.area(a)} for a in partnership.areas]
    omitted.append(
        Omission(
            f"{path}.lifecycle",
            f"ORG has no lifecycle: the {partnership.form} form and its dated phases are"
            " reduced to founding and dissolution dates",
        )
    )
    omitted.extend(
        Omission(f"{path}.{name}", reason)
        for name, reason in _PARTNERSHIP_FIELDS
        if getattr(partnership, name) not in (None, ())
    )
    nodes = [node]
    nodes += [_membership(partnership, m, names, omitted) for m in partnership.members]
    return nodes


def _roles(portfolio: Portfolio, names: _Names) -> list[JSON]:
    codes = sorted({m.role for p in portfolio.partnerships for m in p.members})
    return [
        {
            "@id": names.role(code),
            "@type": "org:Role",
            "skos:notation": code,
            "skos:prefLabel": [
                _da(label(code, "da")),
                {"@value": label(code, "en"), "@language": "en"},
            ],
        }
        for code in codes
    ]


def _places(portfolio: Portfolio, names: _Names, omitted: list[Omission]) -> list[JSON]:
    known = municipalities()
    nodes: list[JSON] = [
        {
            "@id": names.municipality(code),
            "@type": ["dct:Location", "cv:AdministrativeTerritorialUnit"],
            "skos:prefLabel": _da(known[code].name),
            "skos:notation": code,
        }
        for code in sorted({a.municipality for a in portfolio.areas})
    ]
    for area in portfolio.areas:
        nodes.append(
            {
                "@id": names.area(area.id),
                "@type": "dct:Location",
                "skos:prefLabel": _da(area.name),
                "dct:isPartOf": {"@id": names.municipality(area.municipality)},
            }
        )
        if area.residents is not None:
            omitted.append(Omission(f"areas[{area.id}].residents", "ORG has no population"))
        if area.classifications:
            omitted.append(
                Omission(f"areas[{area.id}].classifications", "ORG has no government lists")
            )
    return nodes


def to_org_jsonld(portfolio: Portfolio, *, base: str = DEFAULT_BASE) -> Export[dict[str, Any]]:
    """Write a portfolio as W3C ORG in JSON-LD, following ORG-AP-DK where it speaks.

    Organisations are ``org:FormalOrganization`` (units ``org:OrganizationalUnit``
    with ``org:unitOf`` and ``org:subOrganizationOf`` their organisation; municipalities,
    regions and the state also ``cv:PublicOrganisation``), named by ``skos:prefLabel``
    in Danish, identified by ``adms:identifier`` nodes (CVR issued by ERST, kommunekode
    by CPR, as in the profile's example). Entry points are ``org:Post`` ``org:postIn``
    their organisation. Partnerships are ``org:OrganizationalCollaboration`` with
    ``org:hasMember``, ``schema:foundingDate`` and ``schema:dissolutionDate``, and
    their areas as ``dct:spatial`` places inside their municipality. Each membership is
    an ``org:Membership`` with its ``org:Role`` and an ``org:memberDuring`` interval
    (OWL-Time). The context is inline (prefixes only), so a reader fetches nothing.

    Args:
        portfolio: The portfolio to write.
        base: The IRI every exported resource is named under.

    Returns:
        The JSON-LD document (``@context`` and ``@graph``) and what ORG could not say.
    """
    names = _Names(base)
    omitted: list[Omission] = []
    graph: list[JSON] = []
    for org in portfolio.organisations:
        graph += _organisation(org, names, omitted)
    for partnership in portfolio.partnerships:
        graph += _partnership(partnership, names, omitted)
    graph += _roles(portfolio, names)
    graph += _places(portfolio, names, omitted)
    return Export({"@context": dict(ORG_CONTEXT), "@graph": graph}, tuple(omitted))
