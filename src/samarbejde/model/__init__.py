"""The domain model: frozen records, their operations, lifecycles and errors.

This layer imports nothing above it: no documents, rules, analysis, strategies or
command line. Every name here is also exported from :mod:`samarbejde` itself, which is
where most users find them.
"""

from __future__ import annotations

from samarbejde.model.agreements import Agreement, Signature
from samarbejde.model.approximate import Approximate, When
from samarbejde.model.area_lists import (
    KNOWN_LIST_CATEGORIES,
    AreaList,
    Figure,
    Listing,
    categories_of,
    categories_on_lists,
)
from samarbejde.model.areas import LAW_PERIODS, LAW_SOURCES, Area, Classification, categories_on
from samarbejde.model.codes import (
    KNOWN_COMMITMENT_KINDS,
    KNOWN_ENTRY_POINT_KINDS,
    KNOWN_GOVERNANCE_KINDS,
    KNOWN_INTERESTS,
    KNOWN_INVOLVEMENT_KINDS,
    KNOWN_ROLES,
    KNOWN_SECRETARIAT_KINDS,
)
from samarbejde.model.commitments import Commitment, Fulfilment
from samarbejde.model.enums import (
    AgreementKind,
    AreaCategory,
    CommitmentStatus,
    DecisionPower,
    Direction,
    FundingKind,
    GovernanceKind,
    MandateLevel,
    Measure,
    Power,
    ProjectPhase,
    ReviewOutcome,
    SeatRole,
    Sector,
    StrategicPhase,
    Unit,
)
from samarbejde.model.errors import (
    DateTypeError,
    LoadError,
    ModelError,
    Problem,
    SamarbejdeError,
    TransitionError,
    UnknownIdError,
)
from samarbejde.model.funding import (
    Funding,
    FundingChange,
    FundingShare,
    PeriodAmount,
    promises_money,
    same_money,
)
from samarbejde.model.goals import Challenge, Goal, Vision
from samarbejde.model.governance import GovernanceBody, Seat
from samarbejde.model.history import PhaseChange, StatusChange
from samarbejde.model.ids import ID_PATTERN
from samarbejde.model.involvement import InvolvementEvent
from samarbejde.model.labels import Lang, label
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, Review, StrategicLifecycle
from samarbejde.model.list_data import (
    CountCheck,
    check_list_counts,
    load_lists,
    published_counts,
)
from samarbejde.model.mandates import Mandate
from samarbejde.model.measurements import Measurement, projection
from samarbejde.model.memberships import Membership
from samarbejde.model.money import Money, Quantity, currencies
from samarbejde.model.municipalities import Municipality, municipalities
from samarbejde.model.organisations import EntryPoint, Identifiers, Organisation
from samarbejde.model.partnerships import Partnership
from samarbejde.model.periods import PlanPeriod
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.redaction import personal_fields, redact
from samarbejde.model.secretariats import Secretariat
from samarbejde.model.sources import Cited, Source
from samarbejde.model.terms import Term, add_duration
from samarbejde.model.text import DEFAULT_LANG, LANGS, Text
from samarbejde.model.transitions import (
    COMMITMENT_STATUS,
    PROJECT_PHASES,
    STRATEGIC_PHASES,
    TransitionTable,
)
from samarbejde.model.unknown import UNKNOWN, Unknown, known

__all__ = [
    "COMMITMENT_STATUS",
    "DEFAULT_LANG",
    "ID_PATTERN",
    "KNOWN_COMMITMENT_KINDS",
    "KNOWN_ENTRY_POINT_KINDS",
    "KNOWN_GOVERNANCE_KINDS",
    "KNOWN_INTERESTS",
    "KNOWN_INVOLVEMENT_KINDS",
    "KNOWN_LIST_CATEGORIES",
    "KNOWN_ROLES",
    "KNOWN_SECRETARIAT_KINDS",
    "LANGS",
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
    "Cited",
    "Classification",
    "Commitment",
    "CommitmentStatus",
    "CountCheck",
    "DateTypeError",
    "DecisionPower",
    "Direction",
    "EntryPoint",
    "Figure",
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
    "Review",
    "ReviewOutcome",
    "SamarbejdeError",
    "Seat",
    "SeatRole",
    "Secretariat",
    "Sector",
    "Signature",
    "Source",
    "StatusChange",
    "StrategicLifecycle",
    "StrategicPhase",
    "Term",
    "Text",
    "TransitionError",
    "TransitionTable",
    "Unit",
    "Unknown",
    "UnknownIdError",
    "Vision",
    "When",
    "add_duration",
    "categories_of",
    "categories_on",
    "categories_on_lists",
    "check_list_counts",
    "currencies",
    "known",
    "label",
    "load_lists",
    "municipalities",
    "personal_fields",
    "projection",
    "promises_money",
    "published_counts",
    "redact",
    "same_money",
]
