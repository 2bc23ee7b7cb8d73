"""The built-in rule families (DESIGN.md section 6): what each family's rules share.

Each family states once its code prefix, its catalogue heading, the profiles its rules
belong to, their usual severity and what their checks are given. A rule states only
where it departs from its family.
"""

from __future__ import annotations

import attrs

from samarbejde.model.text import Text
from samarbejde.rules._model import (
    EVERY_PARTNERSHIP,
    LIVE_STRATEGIC,
    PROFILES,
    PROJECTS,
    Family,
    Severity,
)

__all__ = [
    "BUILTIN_FAMILIES",
    "COLLABORATION",
    "MANDATES",
    "PROJECT",
    "STRATEGIC",
    "STRUCTURE",
    "TIME",
]

#: S - structure: always on; a portfolio that fails them cannot be read right.
STRUCTURE = Family(
    "S",
    title=Text("S - struktur", "S - structure"),
    about=Text(
        "Henvisninger findes, id'er er entydige, datoer stemmer. I alle profiler.",
        "References resolve, ids are unique, dates agree. In every profile.",
    ),
    severity=Severity.ERROR,
    profiles=PROFILES,
    scope=EVERY_PARTNERSHIP,
)

#: M - mandates: in the project and strategic profiles.
MANDATES = Family(
    "M",
    title=Text("M - mandater", "M - mandates"),
    about=Text(
        "Forpligtelser gives af nogen, der har mandat til det.",
        "Commitments are made by someone entitled to make them.",
    ),
    severity=Severity.ERROR,
    profiles=("project", "strategic", "all"),
    scope=EVERY_PARTNERSHIP,
)

#: P - projects: partnerships whose current lifecycle is a project.
PROJECT = Family(
    "P",
    title=Text("P - projekter", "P - projects"),
    about=Text(
        "Samarbejder, hvis nuværende livsforløb er et projekt.",
        "Partnerships whose current lifecycle is a project.",
    ),
    severity=Severity.WARNING,
    profiles=("project", "all"),
    scope=PROJECTS,
)

#: L - long-term strategic partnerships that have not been dissolved.
STRATEGIC = Family(
    "L",
    title=Text("L - langsigtede strategiske samarbejder", "L - long-term strategic partnerships"),
    about=Text(
        "Strategiske samarbejder, der ikke er opløst.",
        "Strategic partnerships that have not been dissolved.",
    ),
    severity=Severity.WARNING,
    profiles=("strategic", "all"),
    scope=LIVE_STRATEGIC,
)

#: C - collaboration practice: what L's rules look at, seen as collaboration.
COLLABORATION = attrs.evolve(
    STRATEGIC, prefix="C", title=Text("C - samarbejdspraksis", "C - collaboration practice")
)

#: T - time: what is late and what is dated in the future, as of a day; in the
#: profiles and scope of the mandate rules.
TIME = attrs.evolve(
    MANDATES,
    prefix="T",
    title=Text("T - tid", "T - time"),
    about=Text(
        "Kræver `as_of`; i profilerne project, strategic og all.",
        "Need `as_of`; in the profiles project, strategic and all.",
    ),
    severity=Severity.WARNING,
)

#: The built-in families, in catalogue order.
BUILTIN_FAMILIES: tuple[Family, ...] = (
    STRUCTURE,
    MANDATES,
    PROJECT,
    STRATEGIC,
    COLLABORATION,
    TIME,
)
