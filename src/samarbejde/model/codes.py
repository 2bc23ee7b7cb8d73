"""Open code lists: roles, commitment, entry point, governance, secretariat and event kinds.

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
    "KNOWN_GOVERNANCE_KINDS",
    "KNOWN_INTERESTS",
    "KNOWN_INVOLVEMENT_KINDS",
    "KNOWN_ROLES",
    "KNOWN_SECRETARIAT_KINDS",
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

#: Known kinds of governance body (an open list since design decision D87): *bestyrelse*,
#: *styregruppe*, *partnergruppe*, *følgegruppe*, *opgaveudvalg* (a committee set up under
#: the Local Government Act, § 17, stk. 4), *arbejdsgruppe*, and the kinds the closed list
#: had before (coordination group, resident panel) plus the reference group.
KNOWN_GOVERNANCE_KINDS: tuple[str, ...] = (
    "board",
    "steering_group",
    "partner_group",
    "monitoring_group",
    "task_committee",
    "working_group",
    "coordination_group",
    "reference_group",
    "resident_panel",
)

#: Known kinds of secretariat: a local secretariat (*sekretariat*, *områdesekretariat*)
#: or a Collective Impact backbone.
KNOWN_SECRETARIAT_KINDS: tuple[str, ...] = ("secretariat", "backbone")

#: Known kinds of involvement event (*inddragelse*): what was held, open to others.
KNOWN_INVOLVEMENT_KINDS: tuple[str, ...] = (
    "workshop",
    "hearing",
    "dialogue_meeting",
    "public_meeting",
    "survey",
    "area_walk",
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
