"""Reading Popolo: every field and list is read into the portfolio or reported."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs
import pendulum

from samarbejde.interop._popolo import (
    _MUNICIPALITY_CLASSIFICATION,
    _PARTNERSHIP_PREFIX,
    CVR_SCHEME,
    KOMMUNEKODE_SCHEME,
    PARTNERSHIP_CLASSIFICATION,
)
from samarbejde.interop._result import Import, Omission
from samarbejde.model import (
    ID_PATTERN,
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
    Sector,
    Source,
    StrategicLifecycle,
    StrategicPhase,
    _checks,  # the id and code patterns, kept once
    municipalities,
)
from samarbejde.model.approximate import When, first_day
from samarbejde.model.iso import IsoTextError, read_when
from samarbejde.model.unknown import UNKNOWN

__all__ = ["from_popolo"]

JSON = dict[str, Any]

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NOT_ID = re.compile(r"[^a-z0-9._-]+")
_LONGEST_ID = 64
#: The lists samarbejde reads, in reading order.
_LISTS = ("organizations", "posts", "memberships", "areas")
#: The keys of an item each list's reader reads (or reports on its own).
_READ: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "organizations": frozenset(
            {"id", "name", "classification", "parent_id", "identifiers", "sources"}
        ),
        "partnerships": frozenset(
            {"id", "name", "classification", "parent_id", "founding_date", "dissolution_date"}
            | {"area_id", "sources"}
        ),
        "posts": frozenset({"id", "organization_id", "role", "label", "area_id"}),
        "memberships": frozenset(
            {"id", "person_id", "person", "member", "organization_id", "start_date"}
            | {"end_date", "role", "post_id", "on_behalf_of_id", "area_id", "label", "sources"}
        ),
        "areas": frozenset({"id", "name", "classification", "parent_id", "identifier", "sources"}),
    }
)
_RENAMED = (
    "samarbejde ids are lower-case letters, digits, '.', '_' and '-': read as {ident!r}"
    " (Import.ids keeps the original)"
)


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


def _printable(text: str) -> str:
    r"""``text`` with each lone surrogate from the input written as its escape (``\udcff``)."""
    if not _LONE_SURROGATE.search(text):
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _where(key: str, index: int, item: JSON) -> str:
    """An item's path by its id, or by its place where the id is none a path can show."""
    ident = item.get("id")
    shown = isinstance(ident, str) and ident and not _LONE_SURROGATE.search(ident)
    return f"{key}[{ident}]" if shown else f"{key}[{index}]"


def _text(item: JSON, key: str, path: str, reader: _Reader) -> str | None:
    """The text at ``key``, stripped; ``None`` when there is none.

    A lone surrogate (no Unicode character, so no document or page can hold it) is
    written as U+FFFD, and the omission says so, as the IATI export does (D62).
    """
    value = item.get(key)
    if not (isinstance(value, str) and value.strip()):
        return None
    if _LONE_SURROGATE.search(value):
        reader.omit(f"{path}.{key}", "holds a lone surrogate, not a character: written as U+FFFD")
        value = _LONE_SURROGATE.sub("\ufffd", value)
    return value.strip()


def _when(text: object) -> When | None:
    """A full date, or Popolo's date of a year or month (``2019-03``, D74); else ``None``."""
    if isinstance(text, str) and len(text) in (4, 7):
        try:
            return read_when(text)
        except IsoTextError:
            return None
    return _date(text)


def _date(text: object) -> pendulum.Date | None:
    """A full, valid calendar date, or ``None`` (Popolo's pattern lets 2019-13-01 by)."""
    if not isinstance(text, str) or not _FULL_DATE.fullmatch(text):
        return None
    try:
        parsed = pendulum.parse(text, exact=True)
    except (ValueError, TypeError):
        return None
    return parsed if isinstance(parsed, pendulum.Date) else None


@attrs.define
class _Reader:
    """The state of one :func:`from_popolo` run."""

    omitted: list[Omission] = attrs.field(factory=list)
    organisations: dict[str, Organisation] = attrs.field(factory=dict)
    entry_points: dict[str, dict[str, EntryPoint]] = attrs.field(factory=dict)
    partnerships: dict[str, JSON] = attrs.field(factory=dict)  # popolo id -> item
    partnership_ids: dict[str, str] = attrs.field(factory=dict)  # popolo id -> own id
    members: dict[str, dict[str, list[Membership]]] = attrs.field(factory=dict)
    areas: dict[str, Area] = attrs.field(factory=dict)
    own_partnerships: set[str] = attrs.field(factory=set)
    parents: list[tuple[str, object, str]] = attrs.field(factory=list)  # own id, parent, path
    area_ids: dict[str, str] = attrs.field(factory=dict)  # popolo id -> own id
    organisation_ids: dict[str, str] = attrs.field(factory=dict)  # popolo id -> own id
    renamed: dict[str, str] = attrs.field(factory=dict)  # popolo id -> own id, if other
    taken: set[str] = attrs.field(factory=set)

    def omit(self, path: str, reason: str) -> None:
        """Report ``path`` as not read; input text in it that is no character is escaped."""
        self.omitted.append(Omission(_printable(path), _printable(reason)))

    def own_id(self, popolo_id: object, prefix: str, path: str, kind: str) -> str:
        """The samarbejde id of a Popolo id: itself if it fits, else one made from it.

        An id made is reported and kept in :attr:`Import.ids`; one with no letter or
        digit (or none at all) becomes ``kind`` and a number.
        """
        raw = popolo_id if isinstance(popolo_id, str) else ""
        raw = raw[len(prefix) :] if prefix and raw.startswith(prefix) else raw
        if ID_PATTERN.fullmatch(raw):
            self.taken.add(raw)  # a second item with this id: its reader says so
            return raw
        base = _NOT_ID.sub("-", raw.lower()).strip("-._")[:_LONGEST_ID].strip("-._") or kind
        ident, count = base, 1
        while ident in self.taken:
            count += 1
            suffix = f"-{count}"
            ident = base[: _LONGEST_ID - len(suffix)] + suffix
        self.taken.add(ident)
        if isinstance(popolo_id, str):
            self.renamed[popolo_id] = ident
        self.omit(f"{path}.id", _RENAMED.format(ident=ident))
        return ident

    def unread(self, item: JSON, path: str, kind: str) -> None:
        """Report each key of ``item`` that the reader of ``kind`` does not read."""
        for key in item:
            if key not in _READ[kind]:
                self.omit(f"{path}.{key}", f"samarbejde does not read a Popolo {kind[:-1]}'s {key}")


def _read_areas(items: list[JSON], reader: _Reader) -> None:
    known = municipalities()
    kommune: dict[str, str] = {}  # popolo area id -> kommunekode
    for item in items:
        code = item.get("identifier")
        if (
            item.get("classification") == _MUNICIPALITY_CLASSIFICATION
            and isinstance(code, str)
            and code in known
            and isinstance(item.get("id"), str)
        ):
            kommune[item["id"]] = code
    for index, item in enumerate(items):
        path = _where("areas", index, item)
        popolo_id = item.get("id")
        if isinstance(popolo_id, str) and popolo_id in kommune:
            continue  # a municipality: samarbejde knows it by its kommunekode
        if item.get("identifier") is not None:
            reader.omit(
                f"{path}.identifier", "samarbejde reads the identifier of a municipality only"
            )
        name = _text(item, "name", path, reader)
        parent = item.get("parent_id")
        code = kommune.get(parent) if isinstance(parent, str) else None
        if name is None:
            reader.omit(path, "an area needs a name")
        elif code is None:
            reader.omit(path, "the area lies in no Danish municipality (no parent municipality)")
        elif (popolo_id if isinstance(popolo_id, str) else path) in reader.area_ids:
            reader.omit(path, "a second area with this id")
        else:
            ident = reader.own_id(popolo_id, "", path, "area")
            if ident in reader.areas:
                reader.omit(path, f"a second area with the id {ident!r}")
                continue
            reader.area_ids[popolo_id if isinstance(popolo_id, str) else path] = ident
            reader.areas[ident] = Area(ident, name, code, sources=_sources(item, path, reader))
            reader.unread(item, path, "areas")


def _sources(item: JSON, path: str, reader: _Reader) -> tuple[Source, ...]:
    """The item's Popolo ``sources`` links, each a source titled by its note (or its URL)."""
    listed = item.get("sources")
    if listed is None:
        return ()
    if not isinstance(listed, list):
        reader.omit(f"{path}.sources", "not a list of links")
        return ()
    read = []
    for index, link in enumerate(listed):
        where = f"{path}.sources[{index}]"
        url = link.get("url") if isinstance(link, dict) else None
        if not isinstance(url, str):
            reader.omit(where, "not a link with a URL")
            continue
        note = link.get("note")
        title = note if isinstance(note, str) else url
        try:
            read.append(Source(title, address=url))
        except ModelError as error:
            reader.omit(where, error.reason)
    return tuple(read)


def _identifiers(item: JSON, path: str, reader: _Reader) -> Identifiers:
    cvr = kommunekode = None
    listed = item.get("identifiers")
    if listed is not None and not isinstance(listed, list):
        reader.omit(f"{path}.identifiers", "not a list of identifiers")
        return Identifiers()
    for index, entry in enumerate(listed or []):
        if not isinstance(entry, dict):
            reader.omit(f"{path}.identifiers[{index}]", "not an identifier object")
            continue
        scheme, value = entry.get("scheme"), entry.get("identifier")
        where = f"{path}.identifiers[{scheme}]"
        try:
            if scheme == CVR_SCHEME and cvr is None:
                cvr = Identifiers(cvr=value).cvr
            elif scheme == KOMMUNEKODE_SCHEME and kommunekode is None:
                kommunekode = Identifiers(kommunekode=value).kommunekode
            elif scheme in (CVR_SCHEME, KOMMUNEKODE_SCHEME):
                reader.omit(where, f"a second {scheme} identifier; the first is read")
            else:
                reader.omit(where, "samarbejde records CVR numbers and kommunekoder only")
        except ModelError as error:
            reader.omit(where, error.reason)
    return Identifiers(cvr, kommunekode)


def _read_organisation(item: JSON, path: str, reader: _Reader) -> None:
    name = _text(item, "name", path, reader)
    if name is None:
        reader.omit(path, "an organisation needs a name")
        return
    popolo_id = item.get("id")
    key = popolo_id if isinstance(popolo_id, str) else path
    if key in reader.organisation_ids:
        reader.omit(path, "a second organization with this id")
        return
    ident = reader.own_id(popolo_id, "", path, "organisation")
    if ident in reader.organisations:  # an id made from another that another had already
        reader.omit(path, f"a second organization with the id {ident!r}")
        return
    reader.organisation_ids[key] = ident
    if item.get("parent_id") is not None:
        reader.parents.append((ident, item["parent_id"], path))
    reader.unread(item, path, "organizations")
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
    reader.organisations[ident] = Organisation(
        ident,
        name,
        sector,
        identifiers=_identifiers(item, path, reader),
        sources=_sources(item, path, reader),
    )


def _read_parents(reader: _Reader) -> None:
    """Each organisation's ``parent_id``, once every organization has its id."""
    for ident, parent, path in reader.parents:
        own = reader.organisation_ids.get(parent) if isinstance(parent, str) else None
        if own is None:
            reader.omit(f"{path}.parent_id", "points to no organization of the document")
        elif own == ident:
            reader.omit(f"{path}.parent_id", "an organisation cannot be its own parent")
        else:
            reader.organisations[ident] = attrs.evolve(reader.organisations[ident], parent=own)


def _read_posts(items: list[JSON], reader: _Reader) -> None:
    for index, item in enumerate(items):
        path = _where("posts", index, item)
        org_id = item.get("organization_id")
        own_org = reader.organisation_ids.get(org_id) if isinstance(org_id, str) else None
        kind, post = item.get("role"), _text(item, "label", path, reader)
        if own_org is None:
            reader.omit(path, "the post is not held in an organisation of the document")
            continue
        if post is None:
            reader.omit(path, "a post needs a label")
            continue
        held = reader.entry_points.setdefault(own_org, {})
        ident = reader.own_id(item.get("id"), f"{org_id}/", path, "post")
        if ident in held:
            reader.omit(path, "a second post with this id")
            continue
        if not (isinstance(kind, str) and _checks.CODE_PATTERN.fullmatch(kind)):
            reader.omit(f"{path}.role", "the role is not a code; the post's kind is 'liaison'")
            kind = "liaison"
        area = item.get("area_id")
        own_area = reader.area_ids.get(area) if isinstance(area, str) else None
        if area is not None and own_area is None:
            reader.omit(f"{path}.area_id", "not an area of the document")
        covers = () if own_area is None else (own_area,)
        held[ident] = EntryPoint(ident, kind, post, covers=covers)
        reader.unread(item, path, "posts")


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
        popolo_member, target = _member_id(item), item.get("organization_id")
        if not isinstance(target, str) or target not in reader.partnerships:
            reader.omit(path, "samarbejde records memberships in partnerships only")
            continue
        member = reader.organisation_ids.get(popolo_member) if popolo_member else None
        if member is None:
            reader.omit(path, "the member is not an organization of the document")
            continue
        joined = _when(item.get("start_date"))
        if joined is None:
            reader.omit(f"{path}.start_date", "a membership needs a valid start date")
            continue
        left = _when(item.get("end_date"))
        if item.get("end_date") is not None and left is None:
            reader.omit(f"{path}.end_date", "not a valid date; the membership is open")
        role = item.get("role")
        if role == UNKNOWN.value:
            role = UNKNOWN
        elif not (isinstance(role, str) and _checks.CODE_PATTERN.fullmatch(role)):
            reader.omit(f"{path}.role", "the role is not a code; the member is a 'partner'")
            role = "partner"
        periods = reader.members.setdefault(target, {}).setdefault(member, [])
        try:
            membership = Membership(
                member, role, joined, left, sources=_sources(item, path, reader)
            )
        except ModelError as error:
            reader.omit(path, error.reason)
            continue
        if any(membership.overlaps(period) for period in periods):
            reader.omit(path, "overlaps another membership of the organisation in the partnership")
            continue
        periods.append(membership)
        for key in ("post_id", "on_behalf_of_id", "area_id", "label"):
            if item.get(key) is not None:
                reader.omit(f"{path}.{key}", f"samarbejde memberships have no {key}")
        reader.unread(item, path, "memberships")


def _lifecycle(item: JSON, members: Sequence[Membership]) -> StrategicLifecycle | None:
    founded = _when(item.get("founding_date"))
    dissolved = _date(item.get("dissolution_date"))
    if founded is not None and not isinstance(founded, pendulum.Date):
        # A founding year or month: the early phases are unknown (design decision D112).
        early: list[PhaseChange[StrategicPhase]] = [PhaseChange(UNKNOWN, founded)]
        if dissolved is not None and dissolved >= first_day(founded):
            early.append(PhaseChange(StrategicPhase.DISSOLVED, dissolved))
        return StrategicLifecycle(since=founded, phases=tuple(early))
    started = _date(item.get("founding_date"))
    if started is None and members:
        started = min(first_day(m.joined) for m in members)
    if started is None:
        return None
    phases = [PhaseChange(StrategicPhase.EXPLORING, started)]
    ended = _date(item.get("dissolution_date"))
    if ended is not None and ended >= started:
        phases.append(PhaseChange(StrategicPhase.DISSOLVED, ended))
    return StrategicLifecycle(since=started, phases=tuple(phases))


def _read_partnership(popolo_id: str, item: JSON, reader: _Reader) -> Partnership | None:
    path = f"organizations[{popolo_id}]"
    ident, name = reader.partnership_ids[popolo_id], _text(item, "name", path, reader)
    members = tuple(m for held in reader.members.get(popolo_id, {}).values() for m in held)
    lifecycle = _lifecycle(item, members)
    if name is None:
        reader.omit(path, "a partnership needs a name")
        return None
    if lifecycle is None:
        reader.omit(path, "a partnership needs a founding date or a member")
        return None
    if item.get("dissolution_date") is not None and lifecycle.ended is None:
        reader.omit(f"{path}.dissolution_date", "not a full, valid date after the founding")
    parent = reader.partnership_ids.get(str(item.get("parent_id")))
    if item.get("parent_id") is not None and parent is None:
        reader.omit(f"{path}.parent_id", "not a partnership of the document")
    area = item.get("area_id")
    own_area = reader.area_ids.get(area) if isinstance(area, str) else None
    if area is not None and own_area is None:
        reader.omit(f"{path}.area_id", "not an area of the document")
    reader.unread(item, path, "partnerships")
    return Partnership(
        ident,
        name,
        lifecycle,
        areas=() if own_area is None else (own_area,),
        parent=parent if parent != ident else None,
        members=members,
        sources=_sources(item, path, reader),
    )


def from_popolo(
    document: Mapping[str, Any], *, partnerships: Iterable[str] | None = None
) -> Import:
    """Read the organizations, posts, memberships and areas of a Popolo document.

    The reverse of :func:`~samarbejde.interop.to_popolo`; it also reads Popolo from
    elsewhere, and says everything it does not read. Organizations become
    organisations (``classification`` a sector code gives the sector, otherwise
    ``other``; identifiers with schemes :data:`~samarbejde.interop.CVR_SCHEME` and
    :data:`~samarbejde.interop.KOMMUNEKODE_SCHEME` are checked and kept; a
    ``parent_id`` that points to no organization is reported), posts become entry
    points, areas inside a municipality area become areas. Organizations classified
    :data:`~samarbejde.interop.PARTNERSHIP_CLASSIFICATION`, or named in
    ``partnerships``, become partnerships with a strategic lifecycle from their founding
    (or first member's start) to their dissolution; memberships of organizations in
    them become memberships. An id that does not fit samarbejde's pattern (such as
    ``party/labour``) is read as one that does (``party-labour``), reported, and kept in
    :attr:`~samarbejde.interop.Import.ids`. Persons are never read. Whatever cannot be
    placed - partial or invalid dates, memberships outside partnerships, the lists and
    fields samarbejde has no place for (``persons``, ``events``, ``other_names``, ...) -
    is reported, not guessed.

    Args:
        document: A Popolo document: a mapping with the lists ``organizations``,
            ``posts``, ``memberships``, ``areas``; any other key is reported.
        partnerships: Popolo ids of organizations to read as partnerships as well.

    Returns:
        The portfolio and what could not be placed in it.

    Raises:
        LoadError: The document is not a mapping of lists of objects.
    """
    if not isinstance(document, Mapping):
        raise LoadError([Problem("", "a Popolo document must be an object")])
    problems: list[Problem] = []
    lists = {key: _items(document, key, problems) for key in _LISTS}
    if problems:
        raise LoadError(problems)
    reader = _Reader()
    for key, value in document.items():
        if key not in _LISTS:
            size = f" ({len(value)} item(s))" if isinstance(value, list) else ""
            reason = (
                "samarbejde records organisations, never persons"
                if key == "persons"
                else f"samarbejde has no place for Popolo's {key}"
            )
            reader.omit(str(key), f"{reason}{size}; not read")
    chosen = set(partnerships or ())
    for key in ("organizations", "areas"):  # ids that fit keep themselves; made ones avoid them
        reader.taken.update(
            i.removeprefix(_PARTNERSHIP_PREFIX)
            for i in (item.get("id") for item in lists[key])
            if isinstance(i, str) and ID_PATTERN.fullmatch(i.removeprefix(_PARTNERSHIP_PREFIX))
        )
    _read_areas(lists["areas"], reader)
    for index, item in enumerate(lists["organizations"]):
        path = _where("organizations", index, item)
        popolo_id = item.get("id")
        key = popolo_id if isinstance(popolo_id, str) else path
        if item.get("classification") == PARTNERSHIP_CLASSIFICATION or key in chosen:
            if key in reader.partnerships:
                reader.omit(path, "a second partnership with this id")
                continue
            ident = reader.own_id(popolo_id, _PARTNERSHIP_PREFIX, path, "partnership")
            if ident in reader.own_partnerships:
                reader.omit(path, f"a second partnership with the id {ident!r}")
                continue
            reader.own_partnerships.add(ident)
            reader.partnerships[key] = item
            reader.partnership_ids[key] = ident
        else:
            _read_organisation(item, path, reader)
    _read_parents(reader)
    _read_posts(lists["posts"], reader)
    for org_id, held in reader.entry_points.items():
        if held:
            org = reader.organisations[org_id]
            reader.organisations[org_id] = attrs.evolve(org, entry_points=tuple(held.values()))
    _read_memberships(lists["memberships"], reader)
    read = (_read_partnership(pid, item, reader) for pid, item in reader.partnerships.items())
    portfolio = Portfolio(
        organisations=tuple(reader.organisations.values()),
        areas=tuple(reader.areas.values()),
        partnerships=tuple(p for p in read if p is not None),
    )
    return Import(portfolio, tuple(reader.omitted), MappingProxyType(dict(reader.renamed)))
