"""The concepts an ORG export describes: membership roles and entry-point kinds, defined.

ORG-AP-DK's *Rolle* (``org:Role``, a ``skos:Concept``) has a preferred label and a
definition; each known code is defined here once, in Danish and English. A code the
model does not know still gets a definition, which says just that.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from samarbejde.model.text import LANGS, Text

__all__ = ["ENTRY_POINT_KIND_DEFINITIONS", "ROLE_DEFINITIONS", "unknown_definition"]

#: A known membership role -> what it means.
ROLE_DEFINITIONS: Mapping[str, Text] = MappingProxyType(
    {
        "lead": Text("org.role.lead"),
        "backbone": Text("org.role.backbone"),
        "partner": Text("org.role.partner"),
        "bridge_builder": Text("org.role.bridge_builder"),
        "funder": Text("org.role.funder"),
        "implementer": Text("org.role.implementer"),
        "advisor": Text("org.role.advisor"),
        "observer": Text("org.role.observer"),
        "resident_representative": Text("org.role.resident_representative"),
    }
)

#: A known kind of entry point (*indgang*) -> what it means.
ENTRY_POINT_KIND_DEFINITIONS: Mapping[str, Text] = MappingProxyType(
    {
        "regional_consultant": Text("org.entry.regional_consultant"),
        "local_branch": Text("org.entry.local_branch"),
        "liaison": Text("org.entry.liaison"),
        "secretariat": Text("org.entry.secretariat"),
        "general_inbox": Text("org.entry.general_inbox"),
    }
)


def unknown_definition(what: str, code: str) -> Text:
    """The definition of a code the model does not know: it says so.

    >>> unknown_definition("rolle", "mentor").pick("en")
    "A code 'mentor' the portfolio uses; samarbejde knows no definition of it."
    """
    return Text.of(
        {lang: Text("org.unknown_definition").format(lang, what=what, code=code) for lang in LANGS}
    )
