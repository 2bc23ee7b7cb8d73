"""The peer: the same document format as pydantic v2 models, with stock settings.

The models accept exactly the documents ``samarbejde.dumps`` writes and check what a
pydantic user would write for the same contract: id and code patterns, enum values,
ISO dates, decimals given as text, unknown keys refused, and the same local
invariants the samarbejde model checks on construction (end after start, transitions
of the status and phase histories, dates in order, unique ids, one unit per
commitment). Durations stay ISO 8601 text with a pattern, as pydantic's ``timedelta``
cannot hold months and years.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from samarbejde import COMMITMENT_STATUS, PROJECT_PHASES, STRATEGIC_PHASES
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

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")]
Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Text = Annotated[str, Field(min_length=1)]
DURATION = r"^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$"
Duration = Annotated[str, Field(pattern=DURATION, min_length=3)]
Amount = Annotated[Decimal, Field(allow_inf_nan=False)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(items: list[str], what: str) -> None:
    if len(set(items)) != len(items):
        raise ValueError(f"duplicate {what}")


def _history(entries: list[tuple[object, dt.date]], table: object) -> None:
    current = None
    previous = None
    for state, day in entries:
        if previous is not None and day < previous:
            raise ValueError("dates go backwards")
        allowed = table.allowed(current)  # type: ignore[attr-defined]
        if state not in allowed:
            raise ValueError(f"cannot go to {state}")
        current, previous = state, day


class Term(Record):
    start: dt.date
    end: dt.date | None = None

    @model_validator(mode="after")
    def _order(self) -> Term:
        if self.end is not None and self.end < self.start:
            raise ValueError("ends before it starts")
        return self


class Money(Record):
    amount: Amount = Field(ge=0)
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "DKK"


class Quantity(Record):
    amount: Amount = Field(gt=0)
    unit: Unit


class Identifiers(Record):
    cvr: Annotated[str, Field(pattern=r"^[0-9]{8}$")] | None = None
    kommunekode: Annotated[str, Field(pattern=r"^[0-9]{3}$")] | None = None


class EntryPoint(Record):
    id: Id
    kind: Code
    post: Text
    channel: Text | None = None
    covers: list[Id] = []
    verified_on: dt.date | None = None


class Organisation(Record):
    id: Id
    name: Text
    sector: Sector
    parent: Id | None = None
    identifiers: Identifiers = Identifiers()
    remit: list[Text] = []
    entry_points: list[EntryPoint] = []


class Classification(Record):
    category: AreaCategory
    list_date: dt.date


class Area(Record):
    id: Id
    name: Text
    municipality: Annotated[str, Field(pattern=r"^[0-9]{3}$")]
    residents: Annotated[int, Field(ge=0, strict=True)] | None = None
    classifications: list[Classification] = []


class ProjectPhaseChange(Record):
    phase: ProjectPhase
    on: dt.date


class StrategicPhaseChange(Record):
    phase: StrategicPhase
    on: dt.date


class StatusChange(Record):
    status: CommitmentStatus
    on: dt.date
    note: Text | None = None


class Review(Record):
    on: dt.date
    outcome: ReviewOutcome
    note: Text | None = None


class ProjectLifecycle(Record):
    form: Literal["project"]
    term: Term
    phases: list[ProjectPhaseChange]
    owner: Id | None = None

    @model_validator(mode="after")
    def _phases(self) -> ProjectLifecycle:
        _history([(p.phase, p.on) for p in self.phases], PROJECT_PHASES)
        return self


class StrategicLifecycle(Record):
    form: Literal["strategic"]
    since: dt.date
    phases: list[StrategicPhaseChange]
    horizon: Duration | None = None
    review_every: Duration | None = None
    reviews: list[Review] = []

    @model_validator(mode="after")
    def _phases(self) -> StrategicLifecycle:
        _history([(p.phase, p.on) for p in self.phases], STRATEGIC_PHASES)
        return self


Lifecycle = Annotated[ProjectLifecycle | StrategicLifecycle, Field(discriminator="form")]


class Mandate(Record):
    id: Id
    level: MandateLevel
    powers: frozenset[Power]
    term: Term
    granted_by: Text
    ceiling: Money | None = None
    revoked: dt.date | None = None


class Membership(Record):
    organisation: Id
    role: Code
    joined: dt.date
    left: dt.date | None = None
    representative: Text | None = None
    mandates: list[Mandate] = []
    interests: list[Code] = []

    @model_validator(mode="after")
    def _interests_once(self) -> Membership:
        _unique(self.interests, "interest")
        return self


class Fulfilment(Record):
    on: dt.date
    quantity: Quantity
    note: Text | None = None


class Commitment(Record):
    id: Id
    by: Id
    kind: Code
    quantity: Quantity
    term: Term
    status: list[StatusChange]
    to: Id | None = None
    mandate: Id | None = None
    agreement: Id | None = None
    goals: list[Id] = []
    fulfilments: list[Fulfilment] = []

    @model_validator(mode="after")
    def _checks(self) -> Commitment:
        _history([(s.status, s.on) for s in self.status], COMMITMENT_STATUS)
        if any(f.quantity.unit != self.quantity.unit for f in self.fulfilments):
            raise ValueError("fulfilment in another unit")
        return self


class Vision(Record):
    text: Text
    agreed_on: dt.date
    agreed_by: list[Id] = []


class Challenge(Record):
    id: Id
    title: Text
    identified_on: dt.date
    identified_by: list[Id] = []


class Goal(Record):
    id: Id
    title: Text
    indicator: Text | None = None
    baseline: Amount | None = None
    target: Amount | None = None
    due: dt.date | None = None
    owners: list[Id] = []
    challenges: list[Id] = []


class Signature(Record):
    organisation: Id
    signed_on: dt.date | None = None


class Agreement(Record):
    id: Id
    kind: AgreementKind
    parties: list[Signature] = []
    term: Term | None = None
    binding: bool = False
    parent: Id | None = None
    theme: Text | None = None
    notice: Duration | None = None


class GovernanceBody(Record):
    id: Id
    kind: GovernanceKind
    members: list[Id] = []
    meets_every: Duration | None = None
    name: Text | None = None


class Funding(Record):
    id: Id
    funder: Id
    amount: Money
    term: Term
    kind: FundingKind


class Partnership(Record):
    id: Id
    name: Text
    lifecycle: Lifecycle
    areas: list[Id] = []
    earlier: list[Lifecycle] = []
    parent: Id | None = None
    vision: Vision | None = None
    challenges: list[Challenge] = []
    goals: list[Goal] = []
    members: list[Membership] = []
    commitments: list[Commitment] = []
    agreements: list[Agreement] = []
    governance: list[GovernanceBody] = []
    funding: list[Funding] = []

    @model_validator(mode="after")
    def _unique_ids(self) -> Partnership:
        _unique([c.id for c in self.commitments], "commitment id")
        _unique([m.organisation for m in self.members], "member")
        _unique([g.id for g in self.goals], "goal id")
        return self


class PortfolioDocument(Record):
    format: Literal["samarbejde/1"]
    organisations: list[Organisation] = []
    areas: list[Area] = []
    partnerships: list[Partnership] = []
