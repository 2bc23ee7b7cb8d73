"""Popolo: organizations, posts, memberships and areas, and reading them back."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any

from samarbejde.interop._result import Export, Omission
from samarbejde.interop._tables import FieldTable, Mapped, Omitted, cited, membership_keys, why
from samarbejde.model import (
    Area,
    EntryPoint,
    Identifiers,
    Membership,
    Organisation,
    Partnership,
    PhaseChange,
    Portfolio,
    ProjectLifecycle,
    Source,
    StrategicLifecycle,
    municipalities,
)
from samarbejde.model.iso import write_date, write_when
from samarbejde.model.sources import Cited

__all__ = [
    "CVR_SCHEME",
    "FIELDS",
    "KOMMUNEKODE_SCHEME",
    "PARTNERSHIP_CLASSIFICATION",
    "to_popolo",
]

#: The identifier scheme of CVR numbers (the org-id.guide / IATI registration agency).
CVR_SCHEME = "DK-CVR"
#: The identifier scheme of a municipality's kommunekode.
KOMMUNEKODE_SCHEME = "DK-KOMMUNEKODE"
#: The ``classification`` of a Popolo organization that is a partnership.
PARTNERSHIP_CLASSIFICATION = "partnership"
_AREA_CLASSIFICATION = "housing_area"
_MUNICIPALITY_CLASSIFICATION = "municipality"
# Ids that samarbejde never writes itself (they hold a slash), so they cannot clash.
_PARTNERSHIP_PREFIX = "partnership/"
_MUNICIPALITY_PREFIX = "kommune/"
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

JSON = dict[str, Any]

_IN_LIFECYCLE = Omitted("reduced with the lifecycle (its omission says so)", reported=False)

#: Every field the Popolo export reads: where it goes in Popolo, or why it is left out.
FIELDS: FieldTable = MappingProxyType(
    {
        (Portfolio, "organisations"): Mapped("organizations"),
        (Portfolio, "areas"): Mapped("areas"),
        (Portfolio, "partnerships"): Mapped("organizations classified 'partnership'"),
        (Portfolio, "lists"): Omitted("Popolo has no government lists of areas"),
        (Organisation, "id"): Mapped("organization id"),
        (Organisation, "name"): Mapped("organization name"),
        (Organisation, "sector"): Mapped("organization classification"),
        (Organisation, "parent"): Mapped("organization parent_id"),
        (Organisation, "identifiers"): Mapped("organization identifiers"),
        (Organisation, "remit"): Omitted("Popolo has no field for an organisation's remit"),
        (Organisation, "entry_points"): Mapped("posts"),
        (Identifiers, "cvr"): Mapped("identifier, scheme DK-CVR"),
        (Identifiers, "kommunekode"): Mapped("identifier, scheme DK-KOMMUNEKODE"),
        (EntryPoint, "id"): Mapped("post id ORG/ENTRY"),
        (EntryPoint, "kind"): Mapped("post role"),
        (EntryPoint, "post"): Mapped("post label"),
        (EntryPoint, "channel"): Omitted(
            "a channel is free text of unknown type (and may be personal data);"
            " Popolo contact details need a type"
        ),
        (EntryPoint, "covers"): Mapped(
            "post area_id (the first area)", "a Popolo post relates to one area only"
        ),
        (EntryPoint, "verified_on"): Omitted("Popolo has no verification date"),
        (Area, "id"): Mapped("area id"),
        (Area, "name"): Mapped("area name"),
        (Area, "municipality"): Mapped("area parent_id, an area kommune/CODE"),
        (Area, "residents"): Omitted("Popolo areas have no population"),
        (Area, "classifications"): Omitted(
            "Popolo areas have one classification, not a dated history of government lists"
        ),
        (Partnership, "id"): Mapped("organization id partnership/ID"),
        (Partnership, "name"): Mapped("organization name"),
        (Partnership, "lifecycle"): Mapped(
            "founding_date, dissolution_date",
            "Popolo has no lifecycle: the {form} form and its dated phases are"
            " reduced to founding and dissolution dates",
        ),
        (Partnership, "areas"): Mapped(
            "organization area_id (the first area)",
            "a Popolo organization relates to one area only",
        ),
        (Partnership, "earlier"): Mapped("founding_date (the first lifecycle's start)"),
        (Partnership, "parent"): Mapped("organization parent_id"),
        (Partnership, "vision"): Omitted("Popolo has no vision"),
        (Partnership, "challenges"): Omitted("Popolo has no challenges"),
        (Partnership, "goals"): Omitted("Popolo has no goals or indicators"),
        (Partnership, "members"): Mapped("memberships"),
        (Partnership, "commitments"): Omitted("Popolo has no commitments"),
        (Partnership, "agreements"): Omitted("Popolo has no agreements"),
        (Partnership, "governance"): Omitted("Popolo has no governance bodies"),
        (Partnership, "funding"): Omitted("Popolo has no funding"),
        (Partnership, "periods"): Omitted("Popolo has no plan periods"),
        (Partnership, "governance_history"): Omitted("Popolo keeps no earlier versions of a body"),
        (Partnership, "secretariat"): Omitted("Popolo has no secretariat"),
        (Partnership, "involvement"): Omitted(
            "Popolo has no involvement events (its events are sessions of a body)"
        ),
        (ProjectLifecycle, "term"): _IN_LIFECYCLE,
        (ProjectLifecycle, "phases"): Mapped("founding_date, dissolution_date"),
        (ProjectLifecycle, "owner"): _IN_LIFECYCLE,
        (StrategicLifecycle, "since"): _IN_LIFECYCLE,
        (StrategicLifecycle, "phases"): Mapped("founding_date, dissolution_date"),
        (StrategicLifecycle, "horizon"): _IN_LIFECYCLE,
        (StrategicLifecycle, "review_every"): _IN_LIFECYCLE,
        (StrategicLifecycle, "reviews"): _IN_LIFECYCLE,
        (PhaseChange, "phase"): Mapped("dissolution_date when the last phase is final"),
        (PhaseChange, "on"): Mapped("founding_date (the first), dissolution_date"),
        (Membership, "organisation"): Mapped("membership member, an Organization"),
        (Membership, "role"): Mapped("membership role"),
        (Membership, "joined"): Mapped("membership start_date"),
        (Membership, "left"): Mapped("membership end_date"),
        (Membership, "representative"): Omitted(
            "the representative's post is free text that may name a person;"
            " Popolo would need a person"
        ),
        (Membership, "mandates"): Omitted("Popolo has no mandates"),
        (Membership, "interests"): Omitted("Popolo memberships have no interests"),
        **cited(
            (Organisation, Area, Partnership, Membership),
            sources=Mapped("sources, a Link each", "a Popolo link needs a URL"),
            note=Omitted("Popolo organizations, memberships and areas have no note"),
        ),
        (Source, "title"): Mapped("link note"),
        (Source, "address"): Mapped("link url (a web address)"),
        (Source, "read_on"): Omitted("a Popolo link has no day it was read"),
    }
)

#: The partnership fields Popolo leaves out, in the table's order (their omissions' order).
_LEFT_OUT = tuple(
    field
    for (record, field), where in FIELDS.items()
    if record is Partnership and isinstance(where, Omitted) and where.reported
)


def _partnership_id(partnership: str) -> str:
    return _PARTNERSHIP_PREFIX + partnership


def _municipality_id(code: str) -> str:
    return _MUNICIPALITY_PREFIX + code


class _Out:
    """Collects omissions while an exporter walks the portfolio."""

    def __init__(self) -> None:
        self.omitted: list[Omission] = []

    def omit(self, path: str, reason: str) -> None:
        self.omitted.append(Omission(path, reason))

    def present(self, path: str, value: object, reason: str) -> None:
        if value not in (None, (), ""):
            self.omit(path, reason)


def _cite(item: JSON, record: Cited, path: str, out: _Out) -> None:
    """Give ``item`` the record's sources as Popolo links; report what a link cannot say."""
    links = []
    for index, source in enumerate(record.sources):
        where = f"{path}.sources[{index}]"
        if source.url is None:
            out.omit(where, why(FIELDS, type(record), "sources"))
            continue
        links.append({"url": source.url, "note": source.title})
        out.present(f"{where}.read_on", source.read_on, why(FIELDS, Source, "read_on"))
    if links:
        item["sources"] = links
    out.present(f"{path}.note", record.note, why(FIELDS, type(record), "note"))


def _organisation(org: Organisation, out: _Out) -> JSON:
    path = f"organisations[{org.id}]"
    item: JSON = {"id": org.id, "name": org.name, "classification": org.sector.value}
    identifiers = []
    if org.identifiers.cvr is not None:
        identifiers.append({"identifier": org.identifiers.cvr, "scheme": CVR_SCHEME})
    if org.identifiers.kommunekode is not None:
        identifiers.append(
            {"identifier": org.identifiers.kommunekode, "scheme": KOMMUNEKODE_SCHEME}
        )
    if identifiers:
        item["identifiers"] = identifiers
    if org.parent is not None:
        item["parent_id"] = org.parent
    out.present(f"{path}.remit", org.remit, why(FIELDS, Organisation, "remit"))
    _cite(item, org, path, out)
    return item


def _posts(org: Organisation, out: _Out) -> list[JSON]:
    posts = []
    for entry in org.entry_points:
        path = f"organisations[{org.id}].entry_points[{entry.id}]"
        post: JSON = {
            "id": f"{org.id}/{entry.id}",
            "label": entry.post,
            "role": entry.kind,
            "organization_id": org.id,
        }
        if entry.covers:
            post["area_id"] = entry.covers[0]
            for area in entry.covers[1:]:
                out.omit(f"{path}.covers[{area}]", why(FIELDS, EntryPoint, "covers"))
        for name in ("channel", "verified_on"):
            out.present(f"{path}.{name}", getattr(entry, name), why(FIELDS, EntryPoint, name))
        posts.append(post)
    return posts


def _partnership(partnership: Partnership, out: _Out) -> JSON:
    path = f"partnerships[{partnership.id}]"
    item: JSON = {
        "id": _partnership_id(partnership.id),
        "name": partnership.name,
        "classification": PARTNERSHIP_CLASSIFICATION,
        "founding_date": write_when(partnership.lifecycles[0].began),
    }
    ended = partnership.lifecycle.ended
    if ended is not None:
        item["dissolution_date"] = write_date(ended)
    if partnership.parent is not None:
        item["parent_id"] = _partnership_id(partnership.parent)
    if partnership.areas:
        item["area_id"] = partnership.areas[0]
        for area in partnership.areas[1:]:
            out.omit(f"{path}.areas[{area}]", why(FIELDS, Partnership, "areas"))
    lifecycle = why(FIELDS, Partnership, "lifecycle").format(form=partnership.form)
    out.omit(f"{path}.lifecycle", lifecycle)
    for name in _LEFT_OUT:
        out.present(f"{path}.{name}", getattr(partnership, name), why(FIELDS, Partnership, name))
    _cite(item, partnership, path, out)
    return item


def _membership(partnership: Partnership, member: Membership, key: str, out: _Out) -> JSON:
    path = f"partnerships[{partnership.id}].members[{key}]"
    item: JSON = {
        "id": f"{partnership.id}/{key}",
        "role": str(member.role),  # an open code, or the word unknown
        "member": {"@type": "Organization", "id": member.organisation},
        "organization_id": _partnership_id(partnership.id),
        "start_date": write_when(member.joined),
    }
    if member.left is not None:
        item["end_date"] = write_when(member.left)
    for name in ("representative", "mandates", "interests"):
        out.present(f"{path}.{name}", getattr(member, name), why(FIELDS, Membership, name))
    _cite(item, member, path, out)
    return item


def _areas(portfolio: Portfolio, out: _Out) -> list[JSON]:
    known = municipalities()
    codes = sorted({area.municipality for area in portfolio.areas})
    items: list[JSON] = [
        {
            "id": _municipality_id(code),
            "name": known[code].name,
            "identifier": code,
            "classification": _MUNICIPALITY_CLASSIFICATION,
        }
        for code in codes
    ]
    for x in portfolio.lists:
        out.present(f"lists[{x.id}]", x, why(FIELDS, Portfolio, "lists"))
    for area in portfolio.areas:
        path = f"areas[{area.id}]"
        item: JSON = {
            "id": area.id,
            "name": area.name,
            "classification": _AREA_CLASSIFICATION,
            "parent_id": _municipality_id(area.municipality),
        }
        _cite(item, area, path, out)
        items.append(item)
        for name in ("residents", "classifications"):
            out.present(f"{path}.{name}", getattr(area, name), why(FIELDS, Area, name))
    return items


def to_popolo(portfolio: Portfolio) -> Export[dict[str, Any]]:
    """Write a portfolio as Popolo: organizations, posts, memberships and areas.

    Organisations keep their ids and carry their sector as ``classification`` and
    their CVR number and kommunekode as identifiers (schemes :data:`CVR_SCHEME`,
    :data:`KOMMUNEKODE_SCHEME`); units point to their organisation with
    ``parent_id``. Entry points become posts (``id`` ``ORG/ENTRY``). Each partnership
    becomes an organization ``partnership/ID`` classified
    :data:`PARTNERSHIP_CLASSIFICATION`, founded when its first lifecycle started and
    dissolved when its lifecycle ended; each membership becomes a Popolo membership
    ``PARTNERSHIP/ORG`` with an organization as member. Areas point to their
    municipality, written as an area ``kommune/CODE``. The sources of organisations,
    partnerships, memberships and areas are Popolo ``sources`` links (the URL and the
    title as the link's note); a source without a URL, the day a source was read and
    notes are left out and reported. Every date is a full calendar
    date, stricter than Popolo's pattern. Persons are never written.

    Args:
        portfolio: The portfolio to write.

    Returns:
        The document (``organizations``, ``posts``, ``memberships``, ``areas``) and
        what Popolo could not say.
    """
    out = _Out()
    organizations = [_organisation(org, out) for org in portfolio.organisations]
    posts = [post for org in portfolio.organisations for post in _posts(org, out)]
    memberships = []
    for partnership in portfolio.partnerships:
        organizations.append(_partnership(partnership, out))
        memberships += [
            _membership(partnership, m, key, out)
            for m, key in zip(partnership.members, membership_keys(partnership), strict=True)
        ]
    document = {
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
        "areas": _areas(portfolio, out),
    }
    return Export(document, tuple(out.omitted))
