"""Popolo: organizations, posts, memberships and areas, and reading them back."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs
import pendulum

from samarbejde.interop._result import Export, Import, Omission
from samarbejde.interop._tables import FieldTable, Mapped, Omitted, why
from samarbejde.model import (
    Area,
    EntryPoint,
    Identifiers,
    LoadError,
    Membership,
    ModelError,
    Organisation,
    Partnership,
    PhaseChange,
    Portfolio,
    Problem,
    ProjectLifecycle,
    Sector,
    StrategicLifecycle,
    StrategicPhase,
    _checks,  # the id and code patterns, kept once
    municipalities,
)
from samarbejde.model.iso import write_date

__all__ = [
    "CVR_SCHEME",
    "FIELDS",
    "KOMMUNEKODE_SCHEME",
    "PARTNERSHIP_CLASSIFICATION",
    "from_popolo",
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
        (Membership, "interests"): Omitted("Popolo memberships have no interests", reported=False),
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
        "founding_date": write_date(partnership.lifecycles[0].started),
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
    return item


def _membership(partnership: Partnership, member: Membership, out: _Out) -> JSON:
    path = f"partnerships[{partnership.id}].members[{member.organisation}]"
    item: JSON = {
        "id": f"{partnership.id}/{member.organisation}",
        "role": member.role,
        "member": {"@type": "Organization", "id": member.organisation},
        "organization_id": _partnership_id(partnership.id),
        "start_date": write_date(member.joined),
    }
    if member.left is not None:
        item["end_date"] = write_date(member.left)
    for name in ("representative", "mandates"):
        out.present(f"{path}.{name}", getattr(member, name), why(FIELDS, Membership, name))
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
    for area in portfolio.areas:
        path = f"areas[{area.id}]"
        items.append(
            {
                "id": area.id,
                "name": area.name,
                "classification": _AREA_CLASSIFICATION,
                "parent_id": _municipality_id(area.municipality),
            }
        )
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
    municipality, written as an area ``kommune/CODE``. Every date is a full calendar
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
        memberships += [_membership(partnership, m, out) for m in partnership.members]
    document = {
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
        "areas": _areas(portfolio, out),
    }
    return Export(document, tuple(out.omitted))


# -- reading ---------------------------------------------------------------------------


def _items(document: Mapping[str, Any], key: str, problems: list[Problem]) -> list[JSON]:
    value = document.get(key, [])
    if not isinstance(value, list):
        problems.append(Problem(key, f"must be a list, not {type(value).__name__}"))
        return []
    items = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            items.append(item)
        else:
            problems.append(Problem(f"{key}[{index}]", "must be an object"))
    return items


def _where(key: str, index: int, item: JSON) -> str:
    ident = item.get("id")
    return f"{key}[{ident}]" if isinstance(ident, str) and ident else f"{key}[{index}]"


def _text(item: JSON, key: str) -> str | None:
    value = item.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _date(text: object) -> pendulum.Date | None:
    """A full, valid calendar date, or ``None`` (Popolo's pattern lets 2019-13-01 by)."""
    if not isinstance(text, str) or not _FULL_DATE.fullmatch(text):
        return None
    try:
        parsed = pendulum.parse(text, exact=True)
    except (ValueError, TypeError):
        return None
    return parsed if isinstance(parsed, pendulum.Date) else None


def _own_id(popolo_id: str, prefix: str) -> str | None:
    ident = popolo_id[len(prefix) :] if popolo_id.startswith(prefix) else popolo_id
    return ident if _checks.ID_PATTERN.fullmatch(ident) else None


@attrs.define
class _Reader:
    """The state of one :func:`from_popolo` run."""

    omitted: list[Omission] = attrs.field(factory=list)
    organisations: dict[str, Organisation] = attrs.field(factory=dict)
    partnerships: dict[str, JSON] = attrs.field(factory=dict)  # popolo id -> item
    partnership_ids: dict[str, str] = attrs.field(factory=dict)  # popolo id -> own id
    members: dict[str, list[Membership]] = attrs.field(factory=dict)
    areas: dict[str, Area] = attrs.field(factory=dict)

    def omit(self, path: str, reason: str) -> None:
        self.omitted.append(Omission(path, reason))


def _read_areas(items: list[JSON], reader: _Reader) -> None:
    known = municipalities()
    kommune: dict[str, str] = {}  # popolo area id -> kommunekode
    for item in items:
        code = item.get("identifier")
        if item.get("classification") == _MUNICIPALITY_CLASSIFICATION and code in known:
            kommune[str(item.get("id"))] = str(code)
    for index, item in enumerate(items):
        path = _where("areas", index, item)
        if str(item.get("id")) in kommune:
            continue  # a municipality: samarbejde knows it by its kommunekode
        ident, name = _own_id(str(item.get("id", "")), ""), _text(item, "name")
        code = kommune.get(str(item.get("parent_id")))
        if ident is None or name is None:
            reader.omit(path, "an area needs an id of lower-case letters and digits and a name")
        elif code is None:
            reader.omit(path, "the area lies in no Danish municipality (no parent municipality)")
        elif ident in reader.areas:
            reader.omit(path, "a second area with this id")
        else:
            reader.areas[ident] = Area(ident, name, code)


def _identifiers(item: JSON, path: str, reader: _Reader) -> Identifiers:
    cvr = kommunekode = None
    listed = item.get("identifiers")
    for entry in listed if isinstance(listed, list) else []:
        if not isinstance(entry, dict):
            continue
        scheme, value = entry.get("scheme"), entry.get("identifier")
        where = f"{path}.identifiers[{scheme}]"
        try:
            if scheme == CVR_SCHEME and cvr is None:
                cvr = Identifiers(cvr=value).cvr
            elif scheme == KOMMUNEKODE_SCHEME and kommunekode is None:
                kommunekode = Identifiers(kommunekode=value).kommunekode
            else:
                reader.omit(where, "samarbejde records CVR numbers and kommunekoder only")
        except ModelError as error:
            reader.omit(where, error.reason)
    return Identifiers(cvr, kommunekode)


def _read_organisation(item: JSON, path: str, reader: _Reader) -> None:
    ident, name = _own_id(str(item.get("id", "")), ""), _text(item, "name")
    if ident is None or name is None:
        reader.omit(path, "an organisation needs an id of lower-case letters and digits and a name")
        return
    if ident in reader.organisations:
        reader.omit(path, "a second organization with this id")
        return
    classification = item.get("classification")
    try:
        sector = Sector(classification)
    except ValueError:
        sector = Sector.OTHER
        if classification is not None:
            reader.omit(
                f"{path}.classification",
                f"{classification!r} is not a samarbejde sector; the sector is 'other'",
            )
    parent = item.get("parent_id")
    usable = isinstance(parent, str) and _checks.ID_PATTERN.fullmatch(parent) and parent != ident
    if parent is not None and not usable:
        reader.omit(f"{path}.parent_id", "not the id of another samarbejde organisation")
    reader.organisations[ident] = Organisation(
        ident,
        name,
        sector,
        parent=parent if usable else None,
        identifiers=_identifiers(item, path, reader),
    )


def _read_posts(items: list[JSON], reader: _Reader) -> None:
    for index, item in enumerate(items):
        path = _where("posts", index, item)
        org_id = item.get("organization_id")
        org = reader.organisations.get(org_id) if isinstance(org_id, str) else None
        raw = str(item.get("id", ""))
        ident = _own_id(raw, f"{org_id}/")
        kind, post = item.get("role"), _text(item, "label")
        if org is None:
            reader.omit(path, "the post is not held in an organisation of the document")
            continue
        if ident is None or post is None:
            reader.omit(path, "a post needs an id of lower-case letters and digits and a label")
            continue
        if not (isinstance(kind, str) and _checks.CODE_PATTERN.fullmatch(kind)):
            reader.omit(f"{path}.role", "the role is not a code; the post's kind is 'liaison'")
            kind = "liaison"
        area = item.get("area_id")
        covers = (area,) if isinstance(area, str) and area in reader.areas else ()
        if area is not None and not covers:
            reader.omit(f"{path}.area_id", "not an area of the document")
        if any(e.id == ident for e in org.entry_points):
            reader.omit(path, "a second post with this id")
            continue
        entry = EntryPoint(ident, kind, post, covers=covers)
        reader.organisations[org.id] = attrs.evolve(org, entry_points=(*org.entry_points, entry))


def _member_id(item: JSON) -> str | None:
    member = item.get("member")
    if isinstance(member, dict) and member.get("@type") == "Organization":
        ident = member.get("id")
        return ident if isinstance(ident, str) else None
    return None


def _read_memberships(items: list[JSON], reader: _Reader) -> None:
    for index, item in enumerate(items):
        path = _where("memberships", index, item)
        if (
            item.get("person_id") is not None
            or item.get("person") is not None
            or (isinstance(item.get("member"), dict) and item["member"].get("@type") == "Person")
        ):
            reader.omit(path, "samarbejde records organisations and posts, never persons")
            continue
        member, target = _member_id(item), item.get("organization_id")
        if not isinstance(target, str) or target not in reader.partnerships:
            reader.omit(path, "samarbejde records memberships in partnerships only")
            continue
        if member is None or member not in reader.organisations:
            reader.omit(path, "the member is not an organization of the document")
            continue
        joined = _date(item.get("start_date"))
        if joined is None:
            reader.omit(f"{path}.start_date", "a membership needs a full, valid start date")
            continue
        left = _date(item.get("end_date"))
        if item.get("end_date") is not None and left is None:
            reader.omit(f"{path}.end_date", "not a full, valid date; the membership is open")
        role = item.get("role")
        if not (isinstance(role, str) and _checks.CODE_PATTERN.fullmatch(role)):
            reader.omit(f"{path}.role", "the role is not a code; the member is a 'partner'")
            role = "partner"
        listed = reader.members.setdefault(target, [])
        if any(m.organisation == member for m in listed):
            reader.omit(path, "a second membership of the organisation in the partnership")
            continue
        try:
            listed.append(Membership(member, role, joined, left))
        except ModelError as error:
            reader.omit(path, error.reason)
            continue
        for key in ("post_id", "on_behalf_of_id", "area_id", "label"):
            if item.get(key) is not None:
                reader.omit(f"{path}.{key}", f"samarbejde memberships have no {key}")


def _lifecycle(item: JSON, members: Sequence[Membership]) -> StrategicLifecycle | None:
    started = _date(item.get("founding_date"))
    if started is None and members:
        started = min(m.joined for m in members)
    if started is None:
        return None
    phases = [PhaseChange(StrategicPhase.EXPLORING, started)]
    ended = _date(item.get("dissolution_date"))
    if ended is not None and ended >= started:
        phases.append(PhaseChange(StrategicPhase.DISSOLVED, ended))
    return StrategicLifecycle(since=started, phases=tuple(phases))


def _read_partnership(popolo_id: str, item: JSON, reader: _Reader) -> Partnership | None:
    path = f"organizations[{popolo_id}]"
    ident, name = reader.partnership_ids[popolo_id], _text(item, "name")
    members = reader.members.get(popolo_id, [])
    lifecycle = _lifecycle(item, members)
    if name is None or lifecycle is None:
        reader.omit(path, "a partnership needs a name and a founding date or a member")
        return None
    if item.get("dissolution_date") is not None and lifecycle.ended is None:
        reader.omit(f"{path}.dissolution_date", "not a full, valid date after the founding")
    parent = reader.partnership_ids.get(str(item.get("parent_id")))
    if item.get("parent_id") is not None and parent is None:
        reader.omit(f"{path}.parent_id", "not a partnership of the document")
    area = item.get("area_id")
    areas = (area,) if isinstance(area, str) and area in reader.areas else ()
    if area is not None and not areas:
        reader.omit(f"{path}.area_id", "not an area of the document")
    return Partnership(
        ident,
        name,
        lifecycle,
        areas=areas,
        parent=parent if parent != ident else None,
        members=tuple(members),
    )


def from_popolo(
    document: Mapping[str, Any], *, partnerships: Iterable[str] | None = None
) -> Import:
    """Read the organizations, posts, memberships and areas of a Popolo document.

    The reverse of :func:`to_popolo`; it also reads Popolo from elsewhere. Organizations
    become organisations (``classification`` a sector code gives the sector, otherwise
    ``other``; identifiers with schemes :data:`CVR_SCHEME` and
    :data:`KOMMUNEKODE_SCHEME` are checked and kept), posts become entry points, areas
    inside a municipality area become areas. Organizations classified
    :data:`PARTNERSHIP_CLASSIFICATION`, or named in ``partnerships``, become
    partnerships with a strategic lifecycle from their founding (or first member's
    start) to their dissolution; memberships of organizations in them become
    memberships. Persons are never read. Whatever cannot be placed - partial or
    invalid dates, ids samarbejde cannot take, memberships outside partnerships - is
    reported, not guessed.

    Args:
        document: A Popolo document: a mapping with the lists ``organizations``,
            ``posts``, ``memberships``, ``areas`` (and ``persons``, which is ignored).
        partnerships: Popolo ids of organizations to read as partnerships as well.

    Returns:
        The portfolio and what could not be placed in it.

    Raises:
        LoadError: The document is not a mapping of lists of objects.
    """
    if not isinstance(document, Mapping):
        raise LoadError([Problem("", "a Popolo document must be an object")])
    problems: list[Problem] = []
    lists = {
        key: _items(document, key, problems)
        for key in ("organizations", "posts", "memberships", "areas")
    }
    if problems:
        raise LoadError(problems)
    reader = _Reader()
    chosen = set(partnerships or ())
    _read_areas(lists["areas"], reader)
    for index, item in enumerate(lists["organizations"]):
        path = _where("organizations", index, item)
        popolo_id = str(item.get("id", ""))
        if item.get("classification") == PARTNERSHIP_CLASSIFICATION or popolo_id in chosen:
            ident = _own_id(popolo_id, _PARTNERSHIP_PREFIX)
            if ident is None or ident in reader.partnership_ids.values():
                reader.omit(path, "a partnership needs an id of lower-case letters and digits")
            else:
                reader.partnerships[popolo_id] = item
                reader.partnership_ids[popolo_id] = ident
        else:
            _read_organisation(item, path, reader)
    _read_posts(lists["posts"], reader)
    _read_memberships(lists["memberships"], reader)
    read = (_read_partnership(pid, item, reader) for pid, item in reader.partnerships.items())
    portfolio = Portfolio(
        organisations=tuple(reader.organisations.values()),
        areas=tuple(reader.areas.values()),
        partnerships=tuple(p for p in read if p is not None),
    )
    return Import(portfolio, tuple(reader.omitted))
