"""samarbejde: the typed domain model of long-term strategic partnerships.

Partnerships between municipalities, social housing organisations, civil society,
business and residents in Danish housing areas: their organisations and entry points,
areas, mandates, commitments, goals, agreements, funding and lifecycles.

The root is the first tier of the facade: the records, their operations, the errors
and ``load``/``dump``/``validate``. The documents layer (the converter, the format's
constants) and the rules (the catalogue, indexes, plugins) keep the rest in
:mod:`samarbejde.documents` and :mod:`samarbejde.rules`. Only the model is imported
with ``import samarbejde``; the names from the layers above it (documents, changes,
rules) load on first use (PEP 562), so importing the package costs little more than
its dependencies.
"""

from __future__ import annotations

import importlib
import typing

from samarbejde.model import (
    COMMITMENT_STATUS,
    ID_PATTERN,
    KNOWN_COMMITMENT_KINDS,
    KNOWN_ENTRY_POINT_KINDS,
    KNOWN_GOVERNANCE_KINDS,
    KNOWN_INTERESTS,
    KNOWN_INVOLVEMENT_KINDS,
    KNOWN_LIST_CATEGORIES,
    KNOWN_ROLES,
    KNOWN_SECRETARIAT_KINDS,
    LAW_PERIODS,
    LAW_SOURCES,
    PROJECT_PHASES,
    STRATEGIC_PHASES,
    UNKNOWN,
    Agreement,
    AgreementKind,
    Approximate,
    Area,
    AreaCategory,
    AreaList,
    Challenge,
    Classification,
    Commitment,
    CommitmentStatus,
    CountCheck,
    DateTypeError,
    DecisionPower,
    Direction,
    EntryPoint,
    Figure,
    Fulfilment,
    Funding,
    FundingChange,
    FundingKind,
    FundingShare,
    Goal,
    GovernanceBody,
    GovernanceKind,
    Identifiers,
    InvolvementEvent,
    Lang,
    Lifecycle,
    Listing,
    LoadError,
    Mandate,
    MandateLevel,
    Measure,
    Measurement,
    Membership,
    ModelError,
    Money,
    Municipality,
    Organisation,
    Partnership,
    PeriodAmount,
    PhaseChange,
    PlanPeriod,
    Portfolio,
    Power,
    Problem,
    ProjectLifecycle,
    ProjectPhase,
    Quantity,
    Review,
    ReviewOutcome,
    SamarbejdeError,
    Seat,
    SeatRole,
    Secretariat,
    Sector,
    Signature,
    Source,
    StatusChange,
    StrategicLifecycle,
    StrategicPhase,
    Term,
    TransitionError,
    TransitionTable,
    Unit,
    Unknown,
    UnknownIdError,
    Vision,
    add_duration,
    categories_of,
    categories_on,
    categories_on_lists,
    check_list_counts,
    known,
    label,
    load_lists,
    municipalities,
    personal_fields,
    projection,
    published_counts,
    redact,
)

# Type checkers see every name at once. The documented root aliases (see _ALIASES) are
# imported ``as`` themselves so that mypy treats them as re-exported.
if typing.TYPE_CHECKING:
    from samarbejde.changes import Change, apply, diff
    from samarbejde.documents import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES
    from samarbejde.documents import FORMAT_VERSION as FORMAT_VERSION
    from samarbejde.documents import READABLE_FORMATS as READABLE_FORMATS
    from samarbejde.documents import (
        SourceMap,
        dump,
        dumps,
        json_schema,
        load,
        load_located,
        loads,
        loads_located,
        merge,
    )
    from samarbejde.documents import make_converter as make_converter
    from samarbejde.documents import structure as structure
    from samarbejde.documents import unstructure as unstructure
    from samarbejde.rules import (
        Finding,
        Report,
        Rule,
        RuleError,
        Severity,
        builtin_rules,
        rule,
        validate,
    )

#: The installed version, read from the package metadata on first use.
__version__: str

#: Public names of the layers above the model, by the module that defines them. They
#: are imported when first asked for, then kept in the module's namespace.
_LAZY = {
    "Change": "samarbejde.changes",
    "apply": "samarbejde.changes",
    "diff": "samarbejde.changes",
    "SourceMap": "samarbejde.documents",
    "dump": "samarbejde.documents",
    "dumps": "samarbejde.documents",
    "json_schema": "samarbejde.documents",
    "load": "samarbejde.documents",
    "load_located": "samarbejde.documents",
    "loads": "samarbejde.documents",
    "loads_located": "samarbejde.documents",
    "merge": "samarbejde.documents",
    "Finding": "samarbejde.rules",
    "Report": "samarbejde.rules",
    "Rule": "samarbejde.rules",
    "RuleError": "samarbejde.rules",
    "Severity": "samarbejde.rules",
    "builtin_rules": "samarbejde.rules",
    "rule": "samarbejde.rules",
    "validate": "samarbejde.rules",
}

#: Names that moved to a subpackage's tier but were documented at the root: they still
#: resolve here (to the same object), are not in ``__all__`` and are not kept in the
#: module's namespace, so the root lists only its own tier.
_ALIASES = {
    "DEFAULT_MAX_BYTES": "samarbejde.documents",
    "FORMAT_VERSION": "samarbejde.documents",
    "READABLE_FORMATS": "samarbejde.documents",
    "make_converter": "samarbejde.documents",
    "structure": "samarbejde.documents",
    "unstructure": "samarbejde.documents",
}


def __getattr__(name: str) -> typing.Any:
    """Import a name of the documents or rules layer when it is first used (PEP 562)."""
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    module = _ALIASES.get(name)
    if module is not None:
        return getattr(importlib.import_module(module), name)
    if name == "__version__":
        from importlib import metadata  # noqa: PLC0415 - importlib.metadata is slow to import

        try:
            return metadata.version("samarbejde")
        except metadata.PackageNotFoundError:  # pragma: no cover - only from a bare source tree
            return "0+unknown"
    raise AttributeError(f"module 'samarbejde' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names (``__all__``), loaded or not, and the module's own attributes."""
    return sorted({*globals(), *__all__})


__all__ = [
    "COMMITMENT_STATUS",
    "ID_PATTERN",
    "KNOWN_COMMITMENT_KINDS",
    "KNOWN_ENTRY_POINT_KINDS",
    "KNOWN_GOVERNANCE_KINDS",
    "KNOWN_INTERESTS",
    "KNOWN_INVOLVEMENT_KINDS",
    "KNOWN_LIST_CATEGORIES",
    "KNOWN_ROLES",
    "KNOWN_SECRETARIAT_KINDS",
    "LAW_PERIODS",
    "LAW_SOURCES",
    "PROJECT_PHASES",
    "STRATEGIC_PHASES",
    "UNKNOWN",
    "Agreement",
    "AgreementKind",
    "Approximate",
    "Area",
    "AreaCategory",
    "AreaList",
    "Challenge",
    "Change",
    "Classification",
    "Commitment",
    "CommitmentStatus",
    "CountCheck",
    "DateTypeError",
    "DecisionPower",
    "Direction",
    "EntryPoint",
    "Figure",
    "Finding",
    "Fulfilment",
    "Funding",
    "FundingChange",
    "FundingKind",
    "FundingShare",
    "Goal",
    "GovernanceBody",
    "GovernanceKind",
    "Identifiers",
    "InvolvementEvent",
    "Lang",
    "Lifecycle",
    "Listing",
    "LoadError",
    "Mandate",
    "MandateLevel",
    "Measure",
    "Measurement",
    "Membership",
    "ModelError",
    "Money",
    "Municipality",
    "Organisation",
    "Partnership",
    "PeriodAmount",
    "PhaseChange",
    "PlanPeriod",
    "Portfolio",
    "Power",
    "Problem",
    "ProjectLifecycle",
    "ProjectPhase",
    "Quantity",
    "Report",
    "Review",
    "ReviewOutcome",
    "Rule",
    "RuleError",
    "SamarbejdeError",
    "Seat",
    "SeatRole",
    "Secretariat",
    "Sector",
    "Severity",
    "Signature",
    "Source",
    "SourceMap",
    "StatusChange",
    "StrategicLifecycle",
    "StrategicPhase",
    "Term",
    "TransitionError",
    "TransitionTable",
    "Unit",
    "Unknown",
    "UnknownIdError",
    "Vision",
    "__version__",
    "add_duration",
    "apply",
    "builtin_rules",
    "categories_of",
    "categories_on",
    "categories_on_lists",
    "check_list_counts",
    "diff",
    "dump",
    "dumps",
    "json_schema",
    "known",
    "label",
    "load",
    "load_lists",
    "load_located",
    "loads",
    "loads_located",
    "merge",
    "municipalities",
    "personal_fields",
    "projection",
    "published_counts",
    "redact",
    "rule",
    "validate",
]
