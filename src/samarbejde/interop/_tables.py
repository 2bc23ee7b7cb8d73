"""The mapping tables, written down once: the docs show them through :func:`mapping_table`.

Each exporter also declares one :data:`FieldTable`: for every field of every record
it reads, where the field goes in the target standard (:class:`Mapped`) or why it is
left out (:class:`Omitted`). The exporter's omissions take their reasons from it, so
each fact is stated once, and a test walks the model to check that no field is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import Literal

import attrs

from samarbejde.model import (
    KNOWN_ROLES,
    Partnership,
    ProjectPhase,
    Sector,
    StrategicPhase,
    label,
)
from samarbejde.model.approximate import When, first_day
from samarbejde.model.iso import write_when

__all__ = [
    "IATI_ACTIVITY_STATUS",
    "IATI_ACTIVITY_STATUS_NAMES",
    "IATI_ORGANISATION_ROLES",
    "IATI_ORGANISATION_ROLE_NAMES",
    "IATI_ORGANISATION_TYPES",
    "IATI_ORGANISATION_TYPE_NAMES",
    "FieldTable",
    "Mapped",
    "Omitted",
    "Table",
    "cited",
    "mapping_table",
    "membership_keys",
    "why",
]


@attrs.frozen
class Mapped:
    """A field an exporter writes.

    Attributes:
        to: Where it goes in the target standard.
        reason: The reason of the omission reported when the field can be written
            only in part or only sometimes; ``None`` when it is always written whole.
    """

    to: str
    reason: str | None = None


@attrs.frozen
class Omitted:
    """A field an exporter leaves out.

    Attributes:
        reason: Why the target cannot take it.
        reported: Whether the export reports an omission when the field has a value;
            ``False`` where the target describes something else than the record (an
            IATI activity does not describe its participants' units), or where an
            omission of the record holding it already says so.
    """

    reason: str
    reported: bool = True


#: One exporter's fields: ``(record class, field name)`` -> where it goes or why not.
FieldTable = Mapping[tuple[type, str], Mapped | Omitted]


def membership_keys(partnership: Partnership) -> tuple[str, ...]:
    """The name of each membership period of ``partnership`` in an export, in its order.

    An organisation's first membership of a partnership is named by the organisation;
    a later one, after it left and joined again, by the organisation and the day it
    joined (``kommunen/2024-01-01``): the periods are told apart, and the first keeps
    the name it was published under.
    """
    first: dict[str, When] = {}
    for member in partnership.members:
        held = first.get(member.organisation)
        if held is None or first_day(member.joined) < first_day(held):
            first[member.organisation] = member.joined
    return tuple(
        m.organisation
        if m.joined == first[m.organisation]
        else f"{m.organisation}/{write_when(m.joined)}"
        for m in partnership.members
    )


def cited(
    records: tuple[type, ...], *, sources: Mapped | Omitted, note: Mapped | Omitted
) -> dict[tuple[type, str], Mapped | Omitted]:
    """The entries of a :data:`FieldTable` for the ``sources`` and ``note`` of ``records``.

    Every cited record has the two (:class:`~samarbejde.model.sources.Cited`); an
    exporter writes them, or leaves them out, the same way for each record it reads.
    """
    return {
        key: where
        for record in records
        for key, where in (((record, "sources"), sources), ((record, "note"), note))
    }


def why(table: FieldTable, record: type, field: str) -> str:
    """The reason ``table`` gives for leaving out (part of) ``record.field``.

    Raises:
        ValueError: The table gives no reason for that field.
    """
    reason = table[record, field].reason
    if reason is None:
        raise ValueError(f"{record.__name__}.{field} is always written whole")
    return reason


#: The names of the tables :func:`mapping_table` writes.
Table = Literal["iati-roles", "iati-activity-status", "iati-organisation-types"]

#: IATI OrganisationRole codes (2.03, embedded code list) and their names.
IATI_ORGANISATION_ROLE_NAMES: Mapping[str, str] = MappingProxyType(
    {"1": "Funding", "2": "Accountable", "3": "Extending", "4": "Implementing"}
)

#: A membership role (a known code) -> the IATI OrganisationRole it is reported as;
#: ``None``: IATI has no role for it, so the member is left out of the activity and
#: the omission is reported. Unknown role codes are left out the same way.
IATI_ORGANISATION_ROLES: Mapping[str, str | None] = MappingProxyType(
    {
        "lead": "2",
        "backbone": "3",
        "partner": "4",
        "bridge_builder": "4",
        "funder": "1",
        "implementer": "4",
        "advisor": None,
        "observer": None,
        "resident_representative": None,
    }
)

#: IATI ActivityStatus codes (2.03, embedded code list) and their names.
IATI_ACTIVITY_STATUS_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "1": "Pipeline/identification",
        "2": "Implementation",
        "3": "Finalisation",
        "4": "Closed",
        "5": "Cancelled",
        "6": "Suspended",
    }
)

#: A lifecycle phase -> the IATI ActivityStatus of an activity in that phase.
IATI_ACTIVITY_STATUS: Mapping[ProjectPhase | StrategicPhase, str] = MappingProxyType(
    {
        ProjectPhase.PLANNED: "1",
        ProjectPhase.RUNNING: "2",
        ProjectPhase.SUSPENDED: "6",
        ProjectPhase.CLOSING: "3",
        ProjectPhase.CLOSED: "4",
        ProjectPhase.CANCELLED: "5",
        StrategicPhase.EXPLORING: "1",
        StrategicPhase.FORMING: "1",
        StrategicPhase.OPERATING: "2",
        StrategicPhase.REVIEWING: "2",
        StrategicPhase.DISSOLVED: "4",
    }
)

#: IATI OrganisationType codes (non-embedded code list) used here, and their names.
IATI_ORGANISATION_TYPE_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "10": "Government",
        "11": "Local Government",
        "22": "National NGO",
        "60": "Foundation",
        "70": "Private Sector",
        "80": "Academic, Training and Research",
        "90": "Other",
    }
)

#: A sector -> the IATI OrganisationType of its organisations.
IATI_ORGANISATION_TYPES: Mapping[Sector, str] = MappingProxyType(
    {
        Sector.MUNICIPALITY: "11",
        Sector.HOUSING: "90",
        Sector.CIVIL_SOCIETY: "22",
        Sector.BUSINESS: "70",
        Sector.RESIDENTS: "22",
        Sector.REGION: "11",
        Sector.STATE: "10",
        Sector.EDUCATION: "80",
        Sector.FOUNDATION: "60",
        Sector.KNOWLEDGE: "80",
        Sector.OTHER: "90",
    }
)


def _name(code: str | None, names: Mapping[str, str]) -> str:
    return "— (left out, reported)" if code is None else f"{code} {names[code]}"


def _row(value: Enum | str, target: str) -> str:
    code = value.value if isinstance(value, Enum) else value
    return f"| `{code}` | {label(value, 'da')} | {target} |"


def mapping_table(table: Table) -> str:
    """The Markdown table the docs show for one of the mapping tables.

    Args:
        table: ``"iati-roles"`` (:data:`IATI_ORGANISATION_ROLES`),
            ``"iati-activity-status"`` (:data:`IATI_ACTIVITY_STATUS`) or
            ``"iati-organisation-types"`` (:data:`IATI_ORGANISATION_TYPES`).

    Returns:
        The table, one line per row, ending with a newline.

    Raises:
        ValueError: ``table`` is none of the three.

    >>> print(mapping_table("iati-roles").splitlines()[2])
    | `lead` | tovholder | 2 Accountable |
    """
    if table == "iati-roles":
        head = "| membership role | dansk | IATI OrganisationRole |"
        rows = [
            _row(role, _name(IATI_ORGANISATION_ROLES[role], IATI_ORGANISATION_ROLE_NAMES))
            for role in KNOWN_ROLES
        ]
        rows.append("| any other code | | — (left out, reported) |")
    elif table == "iati-activity-status":
        head = "| lifecycle phase | dansk | IATI ActivityStatus |"
        rows = [
            _row(phase, _name(code, IATI_ACTIVITY_STATUS_NAMES))
            for phase, code in IATI_ACTIVITY_STATUS.items()
        ]
    elif table == "iati-organisation-types":
        head = "| sector | dansk | IATI OrganisationType |"
        rows = [
            _row(sector, _name(code, IATI_ORGANISATION_TYPE_NAMES))
            for sector, code in IATI_ORGANISATION_TYPES.items()
        ]
    else:
        raise ValueError(f"no mapping table {table!r}")
    return "\n".join([head, "| --- | --- | --- |", *rows]) + "\n"
