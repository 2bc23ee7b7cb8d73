"""W3C ORG as JSON-LD, following the Danish application profile ORG-AP-DK."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import pendulum

from samarbejde.interop._org_bodies import SEAT_ROLE_DEFINITIONS, body_nodes
from samarbejde.interop._org_concepts import (
    ENTRY_POINT_KIND_DEFINITIONS,
    ROLE_DEFINITIONS,
    unknown_definition,
)
from samarbejde.interop._result import Export, Omission
from samarbejde.interop._tables import FieldTable, Mapped, Omitted, cited, membership_keys, why
from samarbejde.model import (
    Area,
    EntryPoint,
    GovernanceBody,
    Identifiers,
    Membership,
    Organisation,
    Partnership,
    PhaseChange,
    Portfolio,
    ProjectLifecycle,
    Seat,
    SeatRole,
    Sector,
    Source,
    StrategicLifecycle,
    Term,
    label,
    municipalities,
)
from samarbejde.model.approximate import When, first_day
from samarbejde.model.iso import write_date, write_when
from samarbejde.model.sources import Cited
from samarbejde.model.text import Text

__all__ = [
    "CVR_IRI",
    "DEFAULT_BASE",
    "FIELDS",
    "KOMMUNEKODE_IRI",
    "ORG_CONTEXT",
    "to_org_jsonld",
]

#: The IRI the exported resources are named under unless another is given. It is not
#: globally unique: an export under it says so (an omission at ``base``), and one meant
#: for publication gives a base of its own (design decision D67).
DEFAULT_BASE = "urn:samarbejde:"
#: The IRI of an organisation with a CVR number: this, then the number. Minted in the
#: form of the Danish guidelines for stable HTTP URIs (``https://data.gov.dk/id/...``),
#: so that two exports name the same organisation the same (design decision D67).
CVR_IRI = "https://data.gov.dk/id/organisation/cvr/"
#: The IRI of an authority with a kommunekode and no CVR number: this, then the code.
KOMMUNEKODE_IRI = "https://data.gov.dk/id/organisation/kommunekode/"

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
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# Who issues an identifier, as in ORG-AP-DK's example of identifiers.
_CVR_ISSUER = "ERST"
_KOMMUNEKODE_ISSUER = "CPR"
# Sectors whose organisations are public organisations (CPOV, ORG-AP-DK).
_PUBLIC = frozenset({Sector.MUNICIPALITY, Sector.REGION, Sector.STATE})

JSON = dict[str, Any]

_DEFAULT_BASE = (
    f"resources without a CVR number or kommunekode are named under the default base"
    f" {DEFAULT_BASE}, which is not globally unique: give base= (an IRI you own) to publish"
)

_IN_LIFECYCLE = Omitted("reduced with the lifecycle (its omission says so)", reported=False)

#: Every field ORG export reads: where it goes in ORG, or why it is left out.
FIELDS: FieldTable = MappingProxyType(
    {
        (Portfolio, "organisations"): Mapped("org:FormalOrganization, org:OrganizationalUnit"),
        (Portfolio, "areas"): Mapped("dct:Location"),
        (Portfolio, "partnerships"): Mapped("org:OrganizationalCollaboration"),
        (Portfolio, "lists"): Omitted("ORG has no government lists"),
        (Organisation, "id"): Mapped("@id (under the base, without a CVR number or kommunekode)"),
        (Organisation, "name"): Mapped("skos:prefLabel"),
        (Organisation, "sector"): Mapped(
            "org:classification, a skos:Concept of the sector scheme; cv:PublicOrganisation"
        ),
        (Organisation, "parent"): Mapped(
            "org:subOrganizationOf; org:unitOf when the parent is a public formal organisation"
        ),
        (Organisation, "identifiers"): Mapped("adms:identifier"),
        (Organisation, "remit"): Omitted("ORG has no remit (org:purpose takes concepts)"),
        (Organisation, "entry_points"): Mapped("org:Post org:postIn"),
        (Identifiers, "cvr"): Mapped("adms:identifier (dc:creator ERST); the @id (CVR_IRI)"),
        (Identifiers, "kommunekode"): Mapped(
            "adms:identifier (dc:creator CPR); the @id without a CVR number (KOMMUNEKODE_IRI)"
        ),
        (EntryPoint, "id"): Mapped("the post's @id"),
        (EntryPoint, "kind"): Mapped("org:role, an org:Role of the entry-point-kind scheme"),
        (EntryPoint, "post"): Mapped("skos:prefLabel"),
        (EntryPoint, "channel"): Omitted("a channel is free text that may be personal data"),
        (EntryPoint, "covers"): Omitted("ORG does not tie a post to places"),
        (EntryPoint, "verified_on"): Omitted("ORG has no verification date"),
        (Area, "id"): Mapped("@id"),
        (Area, "name"): Mapped("skos:prefLabel"),
        (Area, "municipality"): Mapped("dct:isPartOf a cv:AdministrativeTerritorialUnit"),
        (Area, "residents"): Omitted("ORG has no population"),
        (Area, "classifications"): Omitted("ORG has no government lists"),
        (Partnership, "id"): Mapped("@id"),
        (Partnership, "name"): Mapped("skos:prefLabel"),
        (Partnership, "lifecycle"): Mapped(
            "schema:foundingDate, schema:dissolutionDate",
            "ORG has no lifecycle: the {form} form and its dated phases are"
            " reduced to founding and dissolution dates",
        ),
        (Partnership, "areas"): Mapped("dct:spatial"),
        (Partnership, "earlier"): Mapped("schema:foundingDate (the first lifecycle's start)"),
        (Partnership, "parent"): Mapped("org:subOrganizationOf"),
        (Partnership, "vision"): Omitted("ORG has no vision"),
        (Partnership, "challenges"): Omitted("ORG has no challenges"),
        (Partnership, "goals"): Omitted("ORG has no goals"),
        (Partnership, "members"): Mapped(
            "org:Membership; org:hasMember for current members that are formal organisations"
        ),
        (Partnership, "commitments"): Omitted("ORG has no commitments"),
        (Partnership, "agreements"): Omitted("ORG has no agreements"),
        (Partnership, "governance"): Mapped(
            "org:OrganizationalUnit org:subOrganizationOf the collaboration (each body as it is)"
        ),
        (GovernanceBody, "id"): Mapped("the unit's @id (under the partnership's)"),
        (GovernanceBody, "kind"): Mapped("org:classification, a skos:Concept of the kind scheme"),
        (GovernanceBody, "members"): Mapped("org:Membership in the unit, org:role member"),
        (GovernanceBody, "meets_every"): Omitted("ORG has no meeting rhythm"),
        (GovernanceBody, "name"): Mapped("skos:prefLabel (the kind's label when unnamed)"),
        (GovernanceBody, "decided_on"): Omitted(
            "ORG has no day of decision; the term gives the unit's dates", reported=False
        ),
        (GovernanceBody, "term"): Mapped("schema:foundingDate, schema:dissolutionDate"),
        (GovernanceBody, "power"): Omitted("ORG has no decision power"),
        (GovernanceBody, "seats"): Mapped("org:Membership and org:Post in the unit"),
        (GovernanceBody, "size"): Omitted("ORG counts no seats"),
        (Seat, "organisation"): Mapped("org:member of the seat's org:Membership"),
        (Seat, "post"): Mapped("org:Post skos:prefLabel, org:postIn the unit"),
        (Seat, "role"): Mapped("org:role, an org:Role of the seat-role scheme"),
        (Term, "start"): Mapped("a body's schema:foundingDate"),
        (Term, "end"): Mapped("a body's schema:dissolutionDate"),
        (Seat, "count"): Omitted("ORG counts no seats: the membership stands for them all"),
        (Partnership, "funding"): Omitted("ORG has no funding"),
        (Partnership, "periods"): Omitted("ORG has no plan periods"),
        (Partnership, "governance_history"): Omitted(
            "earlier versions of governance bodies are history ORG does not keep"
        ),
        (Partnership, "secretariat"): Omitted(
            "ORG has no secretariat of a collaboration (a hosting unit is not written yet)"
        ),
        (Partnership, "involvement"): Omitted("ORG has no involvement events"),
        (ProjectLifecycle, "term"): _IN_LIFECYCLE,
        (ProjectLifecycle, "phases"): Mapped("the founding and dissolution dates"),
        (ProjectLifecycle, "owner"): _IN_LIFECYCLE,
        (StrategicLifecycle, "since"): _IN_LIFECYCLE,
        (StrategicLifecycle, "phases"): Mapped("the founding and dissolution dates"),
        (StrategicLifecycle, "horizon"): _IN_LIFECYCLE,
        (StrategicLifecycle, "review_every"): _IN_LIFECYCLE,
        (StrategicLifecycle, "reviews"): _IN_LIFECYCLE,
        (PhaseChange, "phase"): Mapped("schema:dissolutionDate when the last phase is final"),
        (PhaseChange, "on"): Mapped(
            "schema:foundingDate (the first; a year or a month: dct:temporal"
            " time:hasBeginning), schema:dissolutionDate"
        ),
        (Membership, "organisation"): Mapped("org:member"),
        (Membership, "role"): Mapped("org:role, an org:Role with a definition, in the role scheme"),
        (Membership, "joined"): Mapped(
            "prov:generatedAtTime (ORG-AP-DK); org:memberDuring time:hasBeginning"
        ),
        (Membership, "left"): Mapped(
            "prov:invalidatedAtTime (ORG-AP-DK); org:memberDuring time:hasEnd; no org:hasMember"
        ),
        (Membership, "representative"): Omitted("free text that may name a person; not written"),
        (Membership, "mandates"): Omitted("ORG has no mandates"),
        (Membership, "interests"): Omitted("ORG has no interests"),
        **cited(
            (Organisation, Area, Partnership, Membership),
            sources=Mapped("dct:source"),
            note=Mapped("skos:note"),
        ),
        **cited(
            (GovernanceBody,),
            sources=Omitted("a body's sources are not written yet (its unit carries none)"),
            note=Omitted("a body's note is not written yet (its unit carries none)"),
        ),
        (Source, "title"): Mapped("dct:title"),
        (Source, "address"): Mapped(
            "the source's @id when it is a web address, else dct:bibliographicCitation"
        ),
        (Source, "read_on"): Omitted("ORG-AP-DK and DCMI Terms have no day a source was read"),
    }
)

#: The partnership fields ORG leaves out, in the table's order (their omissions' order).
_LEFT_OUT = tuple(
    field
    for (record, field), where in FIELDS.items()
    if record is Partnership and isinstance(where, Omitted) and where.reported
)


def _date(day: pendulum.Date) -> JSON:
    return {"@value": write_date(day), "@type": "xsd:date"}


#: What becomes of an approximate date in ORG: an ``xsd:dateTime`` needs a day.
_NO_INSTANT = (
    "an approximate date (a year or a month) is kept in org:memberDuring as "
    "time:inXSDgYear or time:inXSDgYearMonth; the prov time, which needs a full "
    "date-time, is its first day"
)


def _founded(day: When) -> JSON:
    """The founding day: ``schema:foundingDate``, or a beginning where it is approximate.

    ORG-AP-DK's ``schema:foundingDate`` is an ``xsd:date``; a year or a month is kept
    as the OWL-Time beginning of a ``dct:temporal`` period, never as an invented day.
    """
    if isinstance(day, pendulum.Date):
        return {"schema:foundingDate": _date(day)}
    return {"dct:temporal": {"@type": "dct:PeriodOfTime", "time:hasBeginning": _time(day)}}


def _time(day: When) -> JSON:
    """A ``time:Instant`` of ``day``: a date, or OWL-Time's year or year-month of one."""
    if isinstance(day, pendulum.Date):
        return {"@type": "time:Instant", "time:inXSDDate": _date(day)}
    if day.month is None:
        year = {"@value": write_when(day), "@type": "xsd:gYear"}
        return {"@type": "time:Instant", "time:inXSDgYear": year}
    month = {"@value": write_when(day), "@type": "xsd:gYearMonth"}
    return {"@type": "time:Instant", "time:inXSDgYearMonth": month}


def _instant(day: pendulum.Date) -> JSON:
    """The start of ``day`` as the ``xsd:dateTime`` ORG-AP-DK dates a membership with."""
    return {"@value": f"{write_date(day)}T00:00:00", "@type": "xsd:dateTime"}


def _da(text: str) -> JSON:
    return {"@value": text, "@language": "da"}


def _text(text: Text) -> list[JSON]:
    return [_da(text.pick("da")), {"@value": text.pick("en"), "@language": "en"}]


class _Names:
    def __init__(self, base: str, portfolio: Portfolio) -> None:
        self.base = base
        # A register's number names a formal organisation only when no other one of the
        # portfolio has it too (a unit often shares its parent's CVR number).
        minted: dict[str, list[str]] = {}
        for org in portfolio.organisations:
            if org.parent is not None:
                continue
            if org.identifiers.cvr is not None:
                minted.setdefault(f"{CVR_IRI}{org.identifiers.cvr}", []).append(org.id)
            elif org.identifiers.kommunekode is not None:
                iri = f"{KOMMUNEKODE_IRI}{org.identifiers.kommunekode}"
                minted.setdefault(iri, []).append(org.id)
        self.registered = {ids[0]: iri for iri, ids in minted.items() if len(ids) == 1}

    def organisation(self, ident: str) -> str:
        return self.registered.get(ident) or f"{self.base}organisation/{ident}"

    def partnership(self, ident: str) -> str:
        return f"{self.base}partnership/{ident}"

    def post(self, org: str, entry: str) -> str:
        return f"{self.base}organisation/{org}/post/{entry}"

    def membership(self, partnership: str, org: str) -> str:
        return f"{self.base}partnership/{partnership}/membership/{org}"

    def scheme(self, name: str) -> str:
        return f"{self.base}{name}"

    def role(self, code: str) -> str:
        return f"{self.base}role/{code}"

    def sector(self, sector: Sector) -> str:
        return f"{self.base}sector/{sector.value}"

    def governance_kind(self, code: str) -> str:
        return f"{self.base}governance-kind/{code}"

    def seat_role(self, role: SeatRole) -> str:
        return f"{self.base}seat-role/{role.value}"

    def entry_kind(self, kind: str) -> str:
        return f"{self.base}entry-point-kind/{kind}"

    def area(self, ident: str) -> str:
        return f"{self.base}area/{ident}"

    def municipality(self, code: str) -> str:
        return f"{self.base}kommune/{code}"


def _cite(node: JSON, record: Cited, path: str, omitted: list[Omission]) -> None:
    """Give ``node`` the record's sources (``dct:source``) and note (``skos:note``)."""
    found = []
    for index, source in enumerate(record.sources):
        cited_node: JSON = {"dct:title": source.title}
        if source.url is not None:
            cited_node = {"@id": source.url, **cited_node}
        elif source.address is not None:
            cited_node["dct:bibliographicCitation"] = source.address
        if source.read_on is not None:
            reason = why(FIELDS, Source, "read_on")
            omitted.append(Omission(f"{path}.sources[{index}].read_on", reason))
        found.append(cited_node)
    if found:
        node["dct:source"] = found
    if record.note is not None:
        node["skos:note"] = record.note


def _identifier(notation: str, issuer: str) -> JSON:
    return {"@type": "adms:Identifier", "skos:notation": notation, "dc:creator": issuer}


def _organisation(
    org: Organisation, public: frozenset[str], names: _Names, omitted: list[Omission]
) -> list[JSON]:
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
        if org.parent in public:  # the range of org:unitOf in ORG and in CPOV
            node["org:unitOf"] = parent
        node["org:subOrganizationOf"] = parent
    if org.remit:
        omitted.append(Omission(f"{path}.remit", why(FIELDS, Organisation, "remit")))
    _cite(node, org, path, omitted)
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
            omitted.append(Omission(f"{where}.covers", why(FIELDS, EntryPoint, "covers")))
        if entry.channel is not None:
            omitted.append(Omission(f"{where}.channel", why(FIELDS, EntryPoint, "channel")))
        if entry.verified_on is not None:
            omitted.append(Omission(f"{where}.verified_on", why(FIELDS, EntryPoint, "verified_on")))
    return nodes


def _membership(
    partnership: Partnership,
    member: Membership,
    key: str,
    names: _Names,
    omitted: list[Omission],
) -> JSON:
    path = f"partnerships[{partnership.id}].members[{key}]"
    during: JSON = {"@type": "time:Interval", "time:hasBeginning": _time(member.joined)}
    node: JSON = {
        "@id": names.membership(partnership.id, key),
        "@type": "org:Membership",
        "org:member": {"@id": names.organisation(member.organisation)},
        "org:organization": {"@id": names.partnership(partnership.id)},
        "org:role": {"@id": names.role(str(member.role))},  # unknown: the concept unknown
    }
    node["prov:generatedAtTime"] = _instant(first_day(member.joined))
    if not isinstance(member.joined, pendulum.Date):
        omitted.append(Omission(f"{path}.joined", _NO_INSTANT))
    node["org:memberDuring"] = during
    if member.left is not None:
        during["time:hasEnd"] = _time(member.left)
        node["prov:invalidatedAtTime"] = _instant(first_day(member.left))
        if not isinstance(member.left, pendulum.Date):
            omitted.append(Omission(f"{path}.left", _NO_INSTANT))
    for name in ("representative", "mandates", "interests"):
        if getattr(member, name):
            omitted.append(Omission(f"{path}.{name}", why(FIELDS, Membership, name)))
    _cite(node, member, path, omitted)
    return node


def _partnership(
    partnership: Partnership, units: frozenset[str], names: _Names, omitted: list[Omission]
) -> list[JSON]:
    path = f"partnerships[{partnership.id}]"
    node: JSON = {
        "@id": names.partnership(partnership.id),
        "@type": "org:OrganizationalCollaboration",
        "skos:prefLabel": _da(partnership.name),
        **_founded(partnership.lifecycles[0].began),
    }
    ended = partnership.lifecycle.ended
    if ended is not None:
        node["schema:dissolutionDate"] = _date(ended)
    # org:hasMember is timeless and its range a formal organisation: current members
    # that are one; the dated org:Membership nodes say the rest.
    current = [
        {"@id": names.organisation(m.organisation)}
        for m in partnership.members
        if m.left is None and m.organisation not in units
    ]
    if current:
        node["org:hasMember"] = current
    if partnership.parent is not None:
        node["org:subOrganizationOf"] = {"@id": names.partnership(partnership.parent)}
    if partnership.areas:
        node["dct:spatial"] = [{"@id": names.area(a)} for a in partnership.areas]
    lifecycle = why(FIELDS, Partnership, "lifecycle").format(form=partnership.form)
    omitted.append(Omission(f"{path}.lifecycle", lifecycle))
    omitted.extend(
        Omission(f"{path}.{name}", why(FIELDS, Partnership, name))
        for name in _LEFT_OUT
        if getattr(partnership, name) not in (None, ())
    )
    _cite(node, partnership, path, omitted)
    nodes = [node]
    nodes += [
        _membership(partnership, m, key, names, omitted)
        for m, key in zip(partnership.members, membership_keys(partnership), strict=True)
    ]
    nodes += body_nodes(partnership, names, lambda r, f: why(FIELDS, r, f), omitted)
    return nodes


def _scheme(names: _Names, name: str, title: Text) -> JSON:
    return {
        "@id": names.scheme(name),
        "@type": "skos:ConceptScheme",
        "skos:prefLabel": _text(title),
    }


def _concept(iri: str, scheme: str, code: str, labels: Text, definition: Text | None) -> JSON:
    node: JSON = {
        "@id": iri,
        "@type": ["skos:Concept"],
        "skos:inScheme": {"@id": scheme},
        "skos:notation": code,
        "skos:prefLabel": _text(labels),
    }
    if definition is not None:
        node["@type"].append("org:Role")
        node["skos:definition"] = _text(definition)
    return node


def _concepts(portfolio: Portfolio, names: _Names) -> list[JSON]:
    """The sector, role and entry-point-kind concepts the export uses, each in its scheme."""
    roles = sorted({str(m.role) for p in portfolio.partnerships for m in p.members})
    kinds = sorted({e.kind for o in portfolio.organisations for e in o.entry_points})
    bodies = [b for p in portfolio.partnerships for b in p.governance]
    sectors = sorted({o.sector for o in portfolio.organisations}, key=lambda s: s.value)
    nodes: list[JSON] = []
    if sectors:
        nodes.append(_scheme(names, "sector", Text("org.sectors")))
        nodes += [
            _concept(
                names.sector(s),
                names.scheme("sector"),
                s.value,
                Text.of(da=label(s, "da"), en=label(s, "en")),
                None,
            )
            for s in sectors
        ]
    if roles:
        nodes.append(_scheme(names, "role", Text("org.partnership_roles")))
        nodes += [
            _concept(
                names.role(code),
                names.scheme("role"),
                code,
                Text.of(da=label(code, "da"), en=label(code, "en")),
                ROLE_DEFINITIONS.get(code) or unknown_definition("rolle", code),
            )
            for code in roles
        ]
    if kinds:
        title = Text("org.title")
        nodes.append(_scheme(names, "entry-point-kind", title))
        nodes += [
            _concept(
                names.entry_kind(kind),
                names.scheme("entry-point-kind"),
                kind,
                Text.of(da=label(kind, "da"), en=label(kind, "en")),
                ENTRY_POINT_KIND_DEFINITIONS.get(kind) or unknown_definition("indgang", kind),
            )
            for kind in kinds
        ]
    return nodes + _body_concepts(bodies, names)


def _body_concepts(bodies: list[GovernanceBody], names: _Names) -> list[JSON]:
    """The kinds of body and the seat roles the bodies use, each in its scheme."""
    kinds = sorted({b.kind for b in bodies})
    used = {s.role for b in bodies for s in b.seats}
    if any(b.members for b in bodies):
        used.add(SeatRole.MEMBER)
    roles = [r for r in SeatRole if r in used]
    nodes: list[JSON] = []
    if kinds:
        nodes.append(_scheme(names, "governance-kind", Text("org.kinds_of_body")))
        nodes += [
            _concept(
                names.governance_kind(k),
                names.scheme("governance-kind"),
                k,
                Text.of(da=label(k, "da"), en=label(k, "en")),
                None,
            )
            for k in kinds
        ]
    if roles:
        nodes.append(_scheme(names, "seat-role", Text("org.seats_in_a_body")))
        nodes += [
            _concept(
                names.seat_role(r),
                names.scheme("seat-role"),
                r.value,
                Text.of(da=label(r, "da"), en=label(r, "en")),
                SEAT_ROLE_DEFINITIONS[r],
            )
            for r in roles
        ]
    return nodes


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
    omitted.extend(
        Omission(f"lists[{x.id}]", why(FIELDS, Portfolio, "lists")) for x in portfolio.lists
    )
    for area in portfolio.areas:
        node: JSON = {
            "@id": names.area(area.id),
            "@type": "dct:Location",
            "skos:prefLabel": _da(area.name),
            "dct:isPartOf": {"@id": names.municipality(area.municipality)},
        }
        _cite(node, area, f"areas[{area.id}]", omitted)
        nodes.append(node)
        if area.residents is not None:
            omitted.append(Omission(f"areas[{area.id}].residents", why(FIELDS, Area, "residents")))
        if area.classifications:
            omitted.append(
                Omission(f"areas[{area.id}].classifications", why(FIELDS, Area, "classifications"))
            )
    return nodes


def to_org_jsonld(portfolio: Portfolio, *, base: str = DEFAULT_BASE) -> Export[dict[str, Any]]:
    """Write a portfolio as W3C ORG in JSON-LD, following ORG-AP-DK where it speaks.

    The export passes SEMIC's CPOV and CBV shapes and ORG-AP-DK's element tables
    (``tests/interop/test_org_shapes.py`` runs them with pyshacl).

    Organisations are ``org:FormalOrganization`` (units ``org:OrganizationalUnit`` with
    ``org:subOrganizationOf`` their parent, and ``org:unitOf`` it when it is a public
    formal organisation, as ORG and CPOV's shapes take it; municipalities, regions and
    the state also ``cv:PublicOrganisation``), named by ``skos:prefLabel`` in Danish,
    identified by ``adms:identifier`` nodes (CVR issued by ERST, kommunekode by CPR, as
    in the profile's example) and by an IRI minted from the CVR number (:data:`CVR_IRI`)
    or kommunekode (:data:`KOMMUNEKODE_IRI`) where they have one, so two exports name
    the same organisation the same; other resources are named under ``base``. Entry
    points are ``org:Post`` ``org:postIn`` their organisation. Partnerships are
    ``org:OrganizationalCollaboration`` with ``schema:foundingDate`` and
    ``schema:dissolutionDate``, ``org:hasMember`` for current members that are formal
    organisations, and their areas as ``dct:spatial`` places inside their municipality.
    Each membership is an ``org:Membership`` with its ``org:Role``, the profile's
    ``prov:generatedAtTime`` and ``prov:invalidatedAtTime`` and an ``org:memberDuring``
    interval (OWL-Time). Sectors, roles and entry-point kinds are ``skos:Concept`` s of
    a ``skos:ConceptScheme`` each; roles and entry-point kinds are ``org:Role`` s with a
    ``skos:definition``. Organisations, partnerships, memberships and areas carry their
    sources as ``dct:source`` (a web address as the source's IRI, with ``dct:title``;
    a reference as ``dct:bibliographicCitation``) and their note as ``skos:note``; the
    day a source was read is left out and reported. The context is inline (prefixes
    only), so a reader fetches nothing.

    Args:
        portfolio: The portfolio to write.
        base: The IRI the resources without a registered identifier are named under;
            :data:`DEFAULT_BASE` is not globally unique, and an export under it says so
            in an omission at ``base``.

    Returns:
        The JSON-LD document (``@context`` and ``@graph``) and what ORG could not say.
    """
    names = _Names(base, portfolio)
    units = frozenset(o.id for o in portfolio.organisations if o.parent is not None)
    public = frozenset(  # public formal organisations: what CPOV's org:unitOf names
        o.id for o in portfolio.organisations if o.parent is None and o.sector in _PUBLIC
    )
    omitted: list[Omission] = []
    if base == DEFAULT_BASE:
        omitted.append(Omission("base", _DEFAULT_BASE))
    graph: list[JSON] = []
    for org in portfolio.organisations:
        graph += _organisation(org, public, names, omitted)
    for partnership in portfolio.partnerships:
        graph += _partnership(partnership, units, names, omitted)
    graph += _concepts(portfolio, names)
    graph += _places(portfolio, names, omitted)
    return Export({"@context": dict(ORG_CONTEXT), "@graph": graph}, tuple(omitted))
