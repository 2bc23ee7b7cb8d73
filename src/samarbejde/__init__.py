"""samarbejde: the typed domain model of long-term strategic partnerships.

Partnerships between municipalities, social housing organisations, civil society,
business and residents in Danish housing areas: their organisations and entry points,
areas, mandates, commitments, goals, agreements, funding and lifecycles.
"""

from __future__ import annotations

from samarbejde.agreements import Agreement, Signature
from samarbejde.areas import Area, Classification
from samarbejde.codes import KNOWN_COMMITMENT_KINDS, KNOWN_ENTRY_POINT_KINDS, KNOWN_ROLES
from samarbejde.commitments import Commitment, Fulfilment
from samarbejde.enums import (
    AgreementKind,
    AreaCategory,
    CommitmentStatus,
    FundingKind,
    GovernanceKind,
    MandateLevel,
    Power,
    ProjectPhase,
    ReviewOutcome,
    Sector,
    StrategicPhase,
    Unit,
)
from samarbejde.errors import LoadError, ModelError, Problem, SamarbejdeError, TransitionError
from samarbejde.funding import Funding
from samarbejde.goals import Challenge, Goal, Vision
from samarbejde.governance import GovernanceBody
from samarbejde.history import PhaseChange, StatusChange
from samarbejde.labels import Lang, label
from samarbejde.lifecycles import Lifecycle, ProjectLifecycle, Review, StrategicLifecycle
from samarbejde.mandates import Mandate
from samarbejde.memberships import Membership
from samarbejde.money import Money, Quantity
from samarbejde.municipalities import Municipality, municipalities
from samarbejde.organisations import EntryPoint, Identifiers, Organisation
from samarbejde.partnerships import Partnership
from samarbejde.portfolio import Portfolio
from samarbejde.redaction import personal_fields, redact
from samarbejde.rules import Finding, Report, Rule, Severity, builtin_rules, rule, validate
from samarbejde.serialization import (
    DEFAULT_MAX_BYTES,
    FORMAT_VERSION,
    READABLE_FORMATS,
    SourceMap,
    dump,
    dumps,
    json_schema,
    load,
    load_located,
    loads,
    loads_located,
    make_converter,
    structure,
    unstructure,
)
from samarbejde.terms import Term, add_duration
from samarbejde.transitions import (
    COMMITMENT_STATUS,
    PROJECT_PHASES,
    STRATEGIC_PHASES,
    TransitionTable,
)

#: The installed version, read from the package metadata on first use.
__version__: str


def __getattr__(name: str) -> str:
    """Read ``__version__`` from the package metadata only when asked (it costs an import)."""
    if name == "__version__":
        from importlib import metadata  # noqa: PLC0415 - importlib.metadata is slow to import

        try:
            return metadata.version("samarbejde")
        except metadata.PackageNotFoundError:  # pragma: no cover - only from a bare source tree
            return "0+unknown"
    raise AttributeError(f"module 'samarbejde' has no attribute {name!r}")


__all__ = [
    "COMMITMENT_STATUS",
    "DEFAULT_MAX_BYTES",
    "FORMAT_VERSION",
    "KNOWN_COMMITMENT_KINDS",
    "KNOWN_ENTRY_POINT_KINDS",
    "KNOWN_ROLES",
    "PROJECT_PHASES",
    "READABLE_FORMATS",
    "STRATEGIC_PHASES",
    "Agreement",
    "AgreementKind",
    "Area",
    "AreaCategory",
    "Challenge",
    "Classification",
    "Commitment",
    "CommitmentStatus",
    "EntryPoint",
    "Finding",
    "Fulfilment",
    "Funding",
    "FundingKind",
    "Goal",
    "GovernanceBody",
    "GovernanceKind",
    "Identifiers",
    "Lang",
    "Lifecycle",
    "LoadError",
    "Mandate",
    "MandateLevel",
    "Membership",
    "ModelError",
    "Money",
    "Municipality",
    "Organisation",
    "Partnership",
    "PhaseChange",
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
    "SamarbejdeError",
    "Sector",
    "Severity",
    "Signature",
    "SourceMap",
    "StatusChange",
    "StrategicLifecycle",
    "StrategicPhase",
    "Term",
    "TransitionError",
    "TransitionTable",
    "Unit",
    "Vision",
    "__version__",
    "add_duration",
    "builtin_rules",
    "dump",
    "dumps",
    "json_schema",
    "label",
    "load",
    "load_located",
    "loads",
    "loads_located",
    "make_converter",
    "municipalities",
    "personal_fields",
    "redact",
    "rule",
    "structure",
    "unstructure",
    "validate",
]
