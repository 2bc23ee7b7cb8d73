"""Open code lists: roles, commitment kinds and entry point kinds.

These lists are *open*: documents may use any code that matches
``[a-z][a-z0-9_]{0,63}``. The known values below have labels in Danish and English
and are what the rules and analysis understand.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from samarbejde.model.enums import Power

__all__ = [
    "COMMITMENT_POWERS",
    "KNOWN_COMMITMENT_KINDS",
    "KNOWN_ENTRY_POINT_KINDS",
    "KNOWN_INTERESTS",
    "KNOWN_ROLES",
]

#: Known roles of a member in a partnership.
KNOWN_ROLES: tuple[str, ...] = (
    "lead",
    "backbone",
    "partner",
    "bridge_builder",
    "funder",
    "implementer",
    "advisor",
    "observer",
    "resident_representative",
)

#: Known kinds of commitment.
KNOWN_COMMITMENT_KINDS: tuple[str, ...] = (
    "staff_hours",
    "funding",
    "facilities",
    "volunteers",
    "leisure_jobs",
    "internships",
    "apprenticeships",
    "knowledge",
    "data",
    "local_presence",
    "access",
)

#: Known interests: what a member seeks from a partnership (``Membership.interests``),
#: the other half of what it gives. A business partner needs the labour, volunteers
#: own the work, the municipality solves its core task, the housing organisation
#: wants stable tenancies.
KNOWN_INTERESTS: tuple[str, ...] = (
    "labour",
    "ownership",
    "core_task",
    "stable_tenancies",
    "safety",
    "reputation",
    "knowledge",
    "network",
    "new_members",
    "impact",
)

#: Known kinds of entry point (*indgang*) into an organisation.
KNOWN_ENTRY_POINT_KINDS: tuple[str, ...] = (
    "regional_consultant",
    "local_branch",
    "liaison",
    "secretariat",
    "general_inbox",
)

#: The power a mandate must grant for each known kind of commitment (rule M002's
#: default ``kind_powers``; the strategies draw mandates from it). Kinds that are
#: not listed need no particular power.
COMMITMENT_POWERS: Mapping[str, Power] = MappingProxyType(
    {
        "staff_hours": Power.COMMIT_STAFF,
        "funding": Power.COMMIT_FUNDS,
        "facilities": Power.COMMIT_FACILITIES,
        "volunteers": Power.COMMIT_VOLUNTEERS,
        "leisure_jobs": Power.OFFER_JOBS,
        "internships": Power.OFFER_JOBS,
        "apprenticeships": Power.OFFER_JOBS,
        "knowledge": Power.COMMIT_STAFF,
        "data": Power.SHARE_DATA,
        "local_presence": Power.COMMIT_STAFF,
        "access": Power.COMMIT_FACILITIES,
    }
)
