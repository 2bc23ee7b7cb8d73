"""The concepts an ORG export describes: membership roles and entry-point kinds, defined.

ORG-AP-DK's *Rolle* (``org:Role``, a ``skos:Concept``) has a preferred label and a
definition; each known code is defined here once, in Danish and English. A code the
model does not know still gets a definition, which says just that.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from samarbejde.model.text import Text

__all__ = ["ENTRY_POINT_KIND_DEFINITIONS", "ROLE_DEFINITIONS", "unknown_definition"]

#: A known membership role -> what it means.
ROLE_DEFINITIONS: Mapping[str, Text] = MappingProxyType(
    {
        "lead": Text(
            "Organisation, der leder samarbejdet og står til ansvar for det.",
            "The organisation that leads the partnership and is accountable for it.",
        ),
        "backbone": Text(
            "Organisation, der bærer samarbejdets fælles funktioner (sekretariat, data, møder).",
            "The organisation that carries the partnership's shared functions"
            " (secretariat, data, meetings).",
        ),
        "partner": Text(
            "Organisation, der deltager i samarbejdet med egne indsatser.",
            "An organisation that takes part in the partnership with its own work.",
        ),
        "bridge_builder": Text(
            "Organisation, der bygger bro mellem samarbejdet og beboere eller andre aktører.",
            "An organisation that connects the partnership with residents or other actors.",
        ),
        "funder": Text(
            "Organisation, der finansierer samarbejdet.",
            "An organisation that funds the partnership.",
        ),
        "implementer": Text(
            "Organisation, der udfører samarbejdets indsatser.",
            "An organisation that carries out the partnership's activities.",
        ),
        "advisor": Text(
            "Organisation, der rådgiver samarbejdet uden at udføre indsatser.",
            "An organisation that advises the partnership without carrying out its work.",
        ),
        "observer": Text(
            "Organisation, der følger samarbejdet uden at deltage i beslutninger.",
            "An organisation that follows the partnership without taking part in decisions.",
        ),
        "resident_representative": Text(
            "Repræsentation af områdets beboere i samarbejdet.",
            "The representation of the area's residents in the partnership.",
        ),
    }
)

#: A known kind of entry point (*indgang*) -> what it means.
ENTRY_POINT_KIND_DEFINITIONS: Mapping[str, Text] = MappingProxyType(
    {
        "regional_consultant": Text(
            "Regional konsulent, der er organisationens indgang i en region.",
            "A regional consultant, the organisation's way in for a region.",
        ),
        "local_branch": Text(
            "Lokal afdeling, der er organisationens indgang lokalt.",
            "A local branch, the organisation's way in locally.",
        ),
        "liaison": Text(
            "Kontaktperson, der er udpeget til samarbejder.",
            "A liaison appointed for partnerships.",
        ),
        "secretariat": Text(
            "Sekretariat, der tager imod henvendelser.",
            "A secretariat that receives enquiries.",
        ),
        "general_inbox": Text(
            "Fælles postkasse, der tager imod henvendelser.",
            "A shared inbox that receives enquiries.",
        ),
    }
)


def unknown_definition(what: str, code: str) -> Text:
    """The definition of a code the model does not know: it says so.

    >>> unknown_definition("rolle", "mentor").en
    "A code 'mentor' the portfolio uses; samarbejde knows no definition of it."
    """
    return Text(
        f"En kode ({what}) '{code}', som porteføljen bruger; samarbejde kender ingen"
        " definition af den.",
        f"A code '{code}' the portfolio uses; samarbejde knows no definition of it.",
    )
