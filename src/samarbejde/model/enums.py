"""Closed vocabularies: the lists that drive the model's logic.

Every enum value is a lower-case English code (as written in documents) and has a
Danish and an English label, available through :func:`samarbejde.label`.
"""

from __future__ import annotations

from enum import Enum

__all__ = [
    "AgreementKind",
    "AreaCategory",
    "CommitmentStatus",
    "DecisionPower",
    "Direction",
    "FundingKind",
    "GovernanceKind",
    "MandateLevel",
    "Measure",
    "Power",
    "ProjectPhase",
    "ReviewOutcome",
    "SeatRole",
    "Sector",
    "StrategicPhase",
    "Unit",
]


class _Code(str, Enum):
    """A string enum whose ``str()`` is its code on every Python version."""

    def __str__(self) -> str:
        return str(self.value)


class Sector(_Code):
    """The part of society an organisation belongs to (*sektor*)."""

    MUNICIPALITY = "municipality"
    HOUSING = "housing"
    CIVIL_SOCIETY = "civil_society"
    BUSINESS = "business"
    RESIDENTS = "residents"
    REGION = "region"
    STATE = "state"
    EDUCATION = "education"
    FOUNDATION = "foundation"
    KNOWLEDGE = "knowledge"
    OTHER = "other"


class ProjectPhase(_Code):
    """Where a fixed-term project stands (*fase*)."""

    PLANNED = "planned"
    RUNNING = "running"
    SUSPENDED = "suspended"
    CLOSING = "closing"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class StrategicPhase(_Code):
    """Where a long-term strategic partnership stands (*fase*)."""

    EXPLORING = "exploring"
    FORMING = "forming"
    OPERATING = "operating"
    REVIEWING = "reviewing"
    DISSOLVED = "dissolved"


class CommitmentStatus(_Code):
    """The state of a commitment (*forpligtelse*).

    ``pledged`` is a non-binding promise; ``agreed`` is binding.
    """

    PROPOSED = "proposed"
    PLEDGED = "pledged"
    AGREED = "agreed"
    FULFILLED = "fulfilled"
    PARTLY_FULFILLED = "partly_fulfilled"
    BREACHED = "breached"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"


class MandateLevel(_Code):
    """How far a representative's authority reaches (*mandat*)."""

    OPERATIONAL = "operational"
    TACTICAL = "tactical"
    STRATEGIC = "strategic"


class Power(_Code):
    """What a mandate allows its holder to commit the organisation to."""

    COMMIT_STAFF = "commit_staff"
    COMMIT_FUNDS = "commit_funds"
    COMMIT_FACILITIES = "commit_facilities"
    COMMIT_VOLUNTEERS = "commit_volunteers"
    OFFER_JOBS = "offer_jobs"
    SHARE_DATA = "share_data"
    SIGN_AGREEMENTS = "sign_agreements"
    SET_PRIORITIES = "set_priorities"


class ReviewOutcome(_Code):
    """The outcome of a periodic review of a strategic partnership."""

    CONTINUED = "continued"
    ADJUSTED = "adjusted"
    RENEWED = "renewed"
    DISSOLVED = "dissolved"


class AgreementKind(_Code):
    """The kind of a written agreement (*aftale*)."""

    MOU = "mou"
    STRATEGIC = "strategic"
    SUB_AGREEMENT = "sub_agreement"
    CONTRACT = "contract"


class GovernanceKind(_Code):
    """Known kinds of governance body, as they were before the list was opened (D87).

    A body's ``kind`` is now an open code (:data:`samarbejde.model.codes.KNOWN_GOVERNANCE_KINDS`
    lists the known ones, *opgaveudvalg* and *følgegruppe* among them). These members
    are strings equal to their codes, so code that names them keeps working; documents
    never needed them.
    """

    STEERING_GROUP = "steering_group"
    BOARD = "board"
    COORDINATION_GROUP = "coordination_group"
    WORKING_GROUP = "working_group"
    RESIDENT_PANEL = "resident_panel"


class DecisionPower(_Code):
    """What a governance body's word weighs: it decides, or it advises those who do."""

    DECIDES = "decides"
    ADVISES = "advises"


class SeatRole(_Code):
    """The role a seat gives in a governance body (*formand, næstformand, medlem*)."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"


class FundingKind(_Code):
    """Where money comes from (*finansiering*)."""

    FOUNDATION_GRANT = "foundation_grant"
    MUNICIPAL_BUDGET = "municipal_budget"
    HOUSING_BUDGET = "housing_budget"
    NATIONAL_POOL = "national_pool"
    IN_KIND = "in_kind"
    OTHER = "other"


class AreaCategory(_Code):
    """A legal classification of a housing area on a dated government list.

    The categories changed with the law; each belongs to the list dates of its law
    (:data:`samarbejde.model.areas.LAW_PERIODS`): ``ghetto_2010`` on the lists of
    2010 to 2017, ``ghetto`` and ``haardt_ghetto`` 2018 to 2020, ``udsat`` from 2018, and
    ``parallelsamfund``, ``omdannelse`` and ``forebyggelse`` from 2021.
    """

    GHETTO_2010 = "ghetto_2010"
    GHETTO = "ghetto"
    HAARDT_GHETTO = "haardt_ghetto"
    UDSAT = "udsat"
    FOREBYGGELSE = "forebyggelse"
    OMDANNELSE = "omdannelse"
    PARALLELSAMFUND = "parallelsamfund"
    NONE = "none"


class Unit(_Code):
    """The unit of a commitment's quantity."""

    HOURS = "hours"
    HOURS_PER_WEEK = "hours_per_week"
    FTE = "fte"
    PERSONS = "persons"
    PLACES = "places"
    DKK = "dkk"
    SESSIONS = "sessions"
    ITEMS = "items"


class Measure(_Code):
    """What kind of value a goal's indicator is (*måleenhed*), design decision D95.

    ``amount`` is a quantity in a unit the goal names (``DKK``, ``m2``, ``timer``).
    """

    NUMBER = "number"
    PERCENTAGE = "percentage"
    COUNT = "count"
    AMOUNT = "amount"


class Direction(_Code):
    """Which way a goal's indicator should move (*retning*): higher or lower is better."""

    HIGHER = "higher"
    LOWER = "lower"
