"""Questions about who sits at the table: sector coverage and silos."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model.enums import Sector
from samarbejde.model.portfolio import Portfolio

__all__ = [
    "CORE_SECTORS",
    "AreaCoverage",
    "SectorCoverage",
    "Silo",
    "area_coverage",
    "root_organisation",
    "sector_coverage",
    "silos",
]

#: The sectors the field expects at the table of a partnership in a housing area.
CORE_SECTORS: tuple[Sector, ...] = (
    Sector.MUNICIPALITY,
    Sector.HOUSING,
    Sector.CIVIL_SOCIETY,
    Sector.BUSINESS,
    Sector.RESIDENTS,
)


@attrs.frozen
class SectorCoverage:
    """The sectors among a partnership's members on a day.

    Attributes:
        partnership: The partnership's id.
        sectors: The sectors of its active members, in enum order.
        missing: The :data:`CORE_SECTORS` none of its members belongs to.
        members: The number of active members per sector, in enum order.
        unknown: Ids of members that are not organisations of the portfolio.
    """

    partnership: str
    sectors: tuple[Sector, ...]
    missing: tuple[Sector, ...]
    members: tuple[tuple[Sector, int], ...]
    unknown: tuple[str, ...]


def _sector_counts(portfolio: Portfolio, ids: Iterable[str]) -> tuple[dict[Sector, int], list[str]]:
    counts: dict[Sector, int] = {}
    unknown: list[str] = []
    for organisation_id in ids:
        try:
            sector = portfolio.organisation(organisation_id).sector
        except KeyError:
            unknown.append(organisation_id)
            continue
        counts[sector] = counts.get(sector, 0) + 1
    return counts, unknown


def sector_coverage(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[SectorCoverage, ...]:
    """The sectors at the table of each partnership that had begun by ``as_of``.

    Returns:
        One record per partnership, ordered by the number of sectors (fewest first),
        then id.
    """
    as_of = days.day(as_of, "as_of")
    found = []
    for partnership in portfolio.as_of(as_of).partnerships:
        active = partnership.members_on(as_of)
        counts, unknown = _sector_counts(portfolio, (m.organisation for m in active))
        found.append(
            SectorCoverage(
                partnership=partnership.id,
                sectors=tuple(s for s in Sector if s in counts),
                missing=tuple(s for s in CORE_SECTORS if s not in counts),
                members=tuple((s, counts[s]) for s in Sector if s in counts),
                unknown=tuple(sorted(unknown)),
            )
        )
    found.sort(key=lambda c: (len(c.sectors), c.partnership))
    return tuple(found)


@attrs.frozen
class AreaCoverage:
    """The sectors present in an area across all partnerships that serve it.

    Attributes:
        area: The area's id.
        municipality: The kommunekode of the area's municipality.
        partnerships: Ids of the partnerships that serve it, sorted.
        sectors: The sectors of their active members, in enum order.
        missing: The :data:`CORE_SECTORS` not present in any of them.
    """

    area: str
    municipality: str
    partnerships: tuple[str, ...]
    sectors: tuple[Sector, ...]
    missing: tuple[Sector, ...]


def area_coverage(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[AreaCoverage, ...]:
    """The sectors present in each area of the portfolio on ``as_of``.

    Returns:
        One record per area of the portfolio (also areas no partnership serves),
        ordered by the number of sectors (fewest first), then id.
    """
    as_of = days.day(as_of, "as_of")
    seen = portfolio.as_of(as_of)
    found = []
    for area in seen.areas:
        serving = [p for p in seen.partnerships if area.id in p.areas]
        ids = {m.organisation for p in serving for m in p.members_on(as_of)}
        counts, _ = _sector_counts(portfolio, ids)
        found.append(
            AreaCoverage(
                area=area.id,
                municipality=area.municipality,
                partnerships=tuple(sorted(p.id for p in serving)),
                sectors=tuple(s for s in Sector if s in counts),
                missing=tuple(s for s in CORE_SECTORS if s not in counts),
            )
        )
    found.sort(key=lambda c: (len(c.sectors), c.area))
    return tuple(found)


def root_organisation(portfolio: Portfolio, organisation: str) -> str:
    """The id of the top organisation that ``organisation`` is a unit of (itself if none).

    Follows ``parent`` links; stops at an unknown parent or at a cycle.
    """
    current = organisation
    visited = {current}
    while True:
        try:
            parent = portfolio.organisation(current).parent
        except KeyError:
            return current
        if parent is None or parent in visited:
            return current
        visited.add(parent)
        current = parent


@attrs.frozen
class Silo:
    """Several units of one organisation taking part on their own.

    Attributes:
        organisation: The id of the top organisation.
        units: Ids of its units (or itself) that are members somewhere, sorted.
        partnerships: Ids of the partnerships any of them takes part in, sorted.
        side_by_side: Ids of the partnerships where two or more of them sit together.
    """

    organisation: str
    units: tuple[str, ...]
    partnerships: tuple[str, ...]
    side_by_side: tuple[str, ...]


def silos(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[Silo, ...]:
    """Organisations that take part through two or more of their units on ``as_of``.

    Returns:
        One record per top organisation with at least two participating units,
        most units first, then by id.
    """
    as_of = days.day(as_of, "as_of")
    units: dict[str, set[str]] = {}
    where: dict[str, set[str]] = {}
    together: dict[str, set[str]] = {}
    for partnership in portfolio.as_of(as_of).partnerships:
        here: dict[str, set[str]] = {}
        for member in partnership.members_on(as_of):
            root = root_organisation(portfolio, member.organisation)
            here.setdefault(root, set()).add(member.organisation)
        for root, present in here.items():
            units.setdefault(root, set()).update(present)
            where.setdefault(root, set()).add(partnership.id)
            if len(present) > 1:
                together.setdefault(root, set()).add(partnership.id)
    found = [
        Silo(
            organisation=root,
            units=tuple(sorted(present)),
            partnerships=tuple(sorted(where[root])),
            side_by_side=tuple(sorted(together.get(root, ()))),
        )
        for root, present in units.items()
        if len(present) > 1
    ]
    found.sort(key=lambda s: (-len(s.units), s.organisation))
    return tuple(found)
