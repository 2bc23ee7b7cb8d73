"""Open code lists: roles, commitment kinds and entry point kinds.

These lists are *open*: documents may use any code that matches
``[a-z][a-z0-9_]{0,63}``. The known values below have labels in Danish and English
and are what the rules and analysis understand.
"""

from __future__ import annotations

__all__ = [
    "KNOWN_COMMITMENT_KINDS",
    "KNOWN_ENTRY_POINT_KINDS",
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

#: Known kinds of entry point (*indgang*) into an organisation.
KNOWN_ENTRY_POINT_KINDS: tuple[str, ...] = (
    "regional_consultant",
    "local_branch",
    "liaison",
    "secretariat",
    "general_inbox",
)
