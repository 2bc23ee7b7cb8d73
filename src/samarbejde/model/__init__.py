"""The domain model: frozen records, their operations, lifecycles and errors.

This layer imports nothing above it: no documents, rules, analysis, strategies or
command line. Every name here is also exported from :mod:`samarbejde` itself, which is
where most users find them.
"""

from __future__ import annotations

from samarbejde.model.agreements import Agreement, Signature
from samarbejde.model.areas import LAW_PERIODS, LAW_SOURCES, Area, Classification, categories_on
from samarbejde.model.codes import (
    KNOWN_COMMITMENT_KINDS,
    KNOWN_ENTRY_POINT_KINDS,
    KNOWN_INTERESTS,
    KNOWN_ROLES,
)
from samarbejde.model.commitments import Commitment, Fulfilment
from samarbejde.model.enums import (
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
from samarbejde.model.errors import (
    DateTypeError,
    LoadError,
    ModelError,
    Problem,
    SamarbejdeError,
    TransitionError,
    UnknownIdError,
)
from samarbejde.model.funding import Funding, promises_money, same_money
from samarbejde.model.goals import Challenge, Goal, Vision
from samarbejde.model.governance import GovernanceBody
from samarbejde.model.history import PhaseChange, StatusChange
from samarbejde.model.labels import Lang, label
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, Review, StrategicLifecycle
from samarbejde.model.mandates import Mandate
from samarbejde.model.memberships import Membership
from samarbejde.model.money import Money, Quantity, currencies
from samarbejde.model.municipalities import Municipality, municipalities
from samarbejde.model.organisations import EntryPoint, Identifiers, Organisation
from samarbejde.model.partnerships import Partnership
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.redaction import personal_fields, redact
from samarbejde.model.sources import Cited, Source
from samarbejde.model.terms import Term, add_duration
from samarbejde.model.text import LANGS, Text
from samarbejde.model.transitions import (
    COMMITMENT_STATUS,
    PROJECT_PHASES,
    STRATEGIC_PHASES,
    TransitionTable,
)

__all__ = [
    "COMMITMENT_STATUS",
    "KNOWN_COMMITMENT_KINDS",
    "KNOWN_ENTRY_POINT_KINDS",
    "KNOWN_INTERESTS",
    "KNOWN_ROLES",
    "LANGS",
    "LAW_PERIODS",
    "LAW_SOURCES",
    "PROJECT_PHASES",
    "STRATEGIC_PHASES",
    "Agreement",
    "AgreementKind",
    "Area",
    "AreaCategory",
    "Challenge",
    "Cited",
    "Classification",
    "Commitment",
    "CommitmentStatus",
    "DateTypeError",
    "EntryPoint",
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
    "Review",
    "ReviewOutcome",
    "SamarbejdeError",
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
    "UnknownIdError",
    "Vision",
    "add_duration",
    "categories_on",
    "currencies",
    "label",
    "municipalities",
    "personal_fields",
    "promises_money",
    "redact",
    "same_money",
]
