"""Governance bodies in an ORG export: units of the collaboration, their posts and seats.

A body is an ``org:OrganizationalUnit`` ``org:subOrganizationOf`` its partnership, with
its kind as ``org:classification`` and its term as founding and dissolution dates. A
seat held by an organisation is an ``org:Membership`` of that organisation in the body
whose ``org:role`` is the seat's role (chair, vice-chair, member); a seat's post is an
``org:Post`` ``org:postIn`` the body with the same role. What ORG cannot say (decision
power, size, a count of seats, the meeting rhythm) is an omission.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Protocol

import pendulum

from samarbejde.interop._result import Omission
from samarbejde.model import GovernanceBody, Partnership, Seat, SeatRole, label
from samarbejde.model.approximate import first_day
from samarbejde.model.iso import write_date
from samarbejde.model.text import Text

__all__ = ["SEAT_ROLE_DEFINITIONS", "Names", "body_nodes"]

JSON = dict[str, Any]


class Names(Protocol):
    """How the export names what a body refers to (the ORG export's ``_Names``)."""

    def organisation(self, ident: str) -> str:
        """The IRI of an organisation."""

    def partnership(self, ident: str) -> str:
        """The IRI of a partnership."""

    def governance_kind(self, code: str) -> str:
        """The concept of a body's kind."""

    def seat_role(self, role: SeatRole) -> str:
        """The ``org:Role`` of a seat."""


#: What each seat role means, as an ``org:Role`` needs a definition.
SEAT_ROLE_DEFINITIONS: Mapping[SeatRole, Text] = MappingProxyType(
    {
        SeatRole.CHAIR: Text("org.seat_role.chair"),
        SeatRole.VICE_CHAIR: Text("org.seat_role.vice_chair"),
        SeatRole.MEMBER: Text("org.seat_role.member"),
    }
)


_UNDATED = (
    "a seat in a body with no term and no recorded day: ORG-AP-DK dates a membership"
    " (prov:generatedAtTime), and the day is not known"
)


def _since(partnership: Partnership, body: GovernanceBody) -> pendulum.Date | None:
    """The first day known of ``body``: its term's start, or the day it was set up."""
    if body.term is not None:
        return body.term.start
    versions = [b for b in (*partnership.governance_history, body) if b.id == body.id]
    given = versions[0].decided_on
    return None if given is None else first_day(given)


def _date(day: Any) -> JSON:
    return {"@value": write_date(day), "@type": "xsd:date"}


def body_nodes(
    partnership: Partnership,
    names: Names,
    why: Callable[[type, str], str],
    omitted: list[Omission],
) -> list[JSON]:
    """The ORG nodes of ``partnership``'s governance bodies (each as it is now).

    Args:
        partnership: The partnership.
        names: How the export names resources.
        why: The reason a field is left out (from the exporter's ``FIELDS``).
        omitted: Where omissions are collected.
    """
    nodes: list[JSON] = []
    base = names.partnership(partnership.id)
    for body in partnership.governance:
        path = f"partnerships[{partnership.id}].governance[{body.id}]"
        iri = f"{base}/body/{body.id}"
        node: JSON = {
            "@id": iri,
            "@type": "org:OrganizationalUnit",
            "skos:prefLabel": {"@value": body.name or label(body.kind, "da"), "@language": "da"},
            "org:subOrganizationOf": {"@id": base},
            "org:classification": {"@id": names.governance_kind(body.kind)},
        }
        if body.term is not None:
            node["schema:foundingDate"] = _date(body.term.start)
            if body.term.end is not None:
                node["schema:dissolutionDate"] = _date(body.term.end)
        nodes.append(node)
        since = _since(partnership, body)
        member = Seat(role=SeatRole.MEMBER)
        held: list[tuple[str, str | None, Seat]] = [
            (f"members[{o}]", o, member) for o in body.members
        ]
        held += [(f"seats[{n}]", s.organisation, s) for n, s in enumerate(body.seats)]
        for key, org, seat in held:
            role = {"@id": names.seat_role(seat.role)}
            if org is not None and since is None:
                omitted.append(Omission(f"{path}.{key}", _UNDATED))
            elif org is not None and since is not None:
                nodes.append(
                    {
                        "@id": f"{iri}/membership/{key}",
                        "@type": "org:Membership",
                        "org:member": {"@id": names.organisation(org)},
                        "org:organization": {"@id": iri},
                        "org:role": role,
                        "prov:generatedAtTime": {
                            "@value": f"{write_date(since)}T00:00:00",
                            "@type": "xsd:dateTime",
                        },
                    }
                )
            if seat.post is not None:
                nodes.append(
                    {
                        "@id": f"{iri}/post/{key}",
                        "@type": "org:Post",
                        "skos:prefLabel": {"@value": seat.post, "@language": "da"},
                        "org:postIn": {"@id": iri},
                        "org:role": role,
                    }
                )
            if seat.count > 1:
                omitted.append(Omission(f"{path}.{key}.count", why(Seat, "count")))
        for name in ("meets_every", "power", "size"):
            if getattr(body, name) is not None:
                omitted.append(Omission(f"{path}.{name}", why(GovernanceBody, name)))
    return nodes
