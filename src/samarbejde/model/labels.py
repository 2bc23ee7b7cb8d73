"""Danish and English labels for every enum value and every known code."""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import Literal

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

__all__ = ["Lang", "label"]

#: A language code for labels and messages.
Lang = Literal["da", "en"]

_ENUM_LABELS: dict[Enum, tuple[str, str]] = {
    Sector.MUNICIPALITY: ("kommune", "municipality"),
    Sector.HOUSING: ("almen boligorganisation", "social housing"),
    Sector.CIVIL_SOCIETY: ("civilsamfund", "civil society"),
    Sector.BUSINESS: ("erhvervsliv", "business"),
    Sector.RESIDENTS: ("beboere", "residents"),
    Sector.REGION: ("region", "region"),
    Sector.STATE: ("stat", "state"),
    Sector.EDUCATION: ("uddannelse", "education"),
    Sector.FOUNDATION: ("fond", "foundation"),
    Sector.KNOWLEDGE: ("viden og forskning", "knowledge and research"),
    Sector.OTHER: ("andet", "other"),
    ProjectPhase.PLANNED: ("planlagt", "planned"),
    ProjectPhase.RUNNING: ("i gang", "running"),
    ProjectPhase.SUSPENDED: ("sat i bero", "suspended"),
    ProjectPhase.CLOSING: ("afsluttes", "closing"),
    ProjectPhase.CLOSED: ("afsluttet", "closed"),
    ProjectPhase.CANCELLED: ("aflyst", "cancelled"),
    StrategicPhase.EXPLORING: ("afsøgning", "exploring"),
    StrategicPhase.FORMING: ("etablering", "forming"),
    StrategicPhase.OPERATING: ("drift", "operating"),
    StrategicPhase.REVIEWING: ("evaluering", "reviewing"),
    StrategicPhase.DISSOLVED: ("opløst", "dissolved"),
    CommitmentStatus.PROPOSED: ("foreslået", "proposed"),
    CommitmentStatus.PLEDGED: ("tilkendegivet", "pledged"),
    CommitmentStatus.AGREED: ("aftalt", "agreed"),
    CommitmentStatus.FULFILLED: ("indfriet", "fulfilled"),
    CommitmentStatus.PARTLY_FULFILLED: ("delvist indfriet", "partly fulfilled"),
    CommitmentStatus.BREACHED: ("misligholdt", "breached"),
    CommitmentStatus.WITHDRAWN: ("trukket tilbage", "withdrawn"),
    CommitmentStatus.SUPERSEDED: ("erstattet", "superseded"),
    MandateLevel.OPERATIONAL: ("operationelt", "operational"),
    MandateLevel.TACTICAL: ("taktisk", "tactical"),
    MandateLevel.STRATEGIC: ("strategisk", "strategic"),
    Power.COMMIT_STAFF: ("afsætte medarbejdere", "commit staff"),
    Power.COMMIT_FUNDS: ("afsætte midler", "commit funds"),
    Power.COMMIT_FACILITIES: ("stille lokaler til rådighed", "commit facilities"),
    Power.COMMIT_VOLUNTEERS: ("stille frivillige", "commit volunteers"),
    Power.OFFER_JOBS: ("tilbyde job", "offer jobs"),
    Power.SHARE_DATA: ("dele data", "share data"),
    Power.SIGN_AGREEMENTS: ("underskrive aftaler", "sign agreements"),
    Power.SET_PRIORITIES: ("prioritere", "set priorities"),
    ReviewOutcome.CONTINUED: ("fortsat", "continued"),
    ReviewOutcome.ADJUSTED: ("justeret", "adjusted"),
    ReviewOutcome.RENEWED: ("fornyet", "renewed"),
    ReviewOutcome.DISSOLVED: ("opløst", "dissolved"),
    AgreementKind.MOU: ("hensigtserklæring", "memorandum of understanding"),
    AgreementKind.STRATEGIC: ("strategisk aftale", "strategic agreement"),
    AgreementKind.SUB_AGREEMENT: ("delaftale", "sub-agreement"),
    AgreementKind.CONTRACT: ("kontrakt", "contract"),
    GovernanceKind.STEERING_GROUP: ("styregruppe", "steering group"),
    GovernanceKind.BOARD: ("bestyrelse", "board"),
    GovernanceKind.COORDINATION_GROUP: ("koordinationsgruppe", "coordination group"),
    GovernanceKind.WORKING_GROUP: ("arbejdsgruppe", "working group"),
    GovernanceKind.RESIDENT_PANEL: ("beboerpanel", "resident panel"),
    FundingKind.FOUNDATION_GRANT: ("fondsbevilling", "foundation grant"),
    FundingKind.MUNICIPAL_BUDGET: ("kommunalt budget", "municipal budget"),
    FundingKind.HOUSING_BUDGET: ("boligorganisationens budget", "housing budget"),
    FundingKind.NATIONAL_POOL: ("statslig pulje", "national pool"),
    FundingKind.IN_KIND: ("naturalier", "in kind"),
    FundingKind.OTHER: ("andet", "other"),
    AreaCategory.UDSAT: ("udsat boligområde", "vulnerable area"),
    AreaCategory.FOREBYGGELSE: ("forebyggelsesområde", "prevention area"),
    AreaCategory.OMDANNELSE: ("omdannelsesområde", "transformation area"),
    AreaCategory.PARALLELSAMFUND: ("parallelsamfund", "parallel society"),
    AreaCategory.NONE: ("ingen klassifikation", "not classified"),
    Unit.HOURS: ("timer", "hours"),
    Unit.HOURS_PER_WEEK: ("timer om ugen", "hours per week"),
    Unit.FTE: ("årsværk", "full-time equivalents"),
    Unit.PERSONS: ("personer", "persons"),
    Unit.PLACES: ("pladser", "places"),
    Unit.DKK: ("kroner", "Danish kroner"),
    Unit.SESSIONS: ("forløb", "sessions"),
    Unit.ITEMS: ("stk.", "items"),
}

_CODE_LABELS: dict[str, tuple[str, str]] = {
    # roles
    "lead": ("tovholder", "lead"),
    "backbone": ("sekretariat (backbone)", "backbone"),
    "partner": ("partner", "partner"),
    "bridge_builder": ("brobygger", "bridge builder"),
    "funder": ("bevillingsgiver", "funder"),
    "implementer": ("udfører", "implementer"),
    "advisor": ("rådgiver", "advisor"),
    "observer": ("observatør", "observer"),
    "resident_representative": ("beboerrepræsentant", "resident representative"),
    # commitment kinds
    "staff_hours": ("medarbejdertimer", "staff hours"),
    "funding": ("finansiering", "funding"),
    "facilities": ("lokaler og faciliteter", "facilities"),
    "volunteers": ("frivillige", "volunteers"),
    "leisure_jobs": ("fritidsjob", "leisure jobs"),
    "internships": ("praktikpladser", "internships"),
    "apprenticeships": ("lærepladser", "apprenticeships"),
    "knowledge": ("viden", "knowledge"),
    "data": ("data", "data"),
    "local_presence": ("lokal tilstedeværelse", "local presence"),
    "access": ("adgang", "access"),
    # entry point kinds
    "regional_consultant": ("regional konsulent", "regional consultant"),
    "local_branch": ("lokalafdeling", "local branch"),
    "liaison": ("kontaktperson (funktion)", "liaison"),
    "secretariat": ("sekretariat", "secretariat"),
    "general_inbox": ("fælles indbakke", "general inbox"),
}

ENUM_LABELS = MappingProxyType(_ENUM_LABELS)
CODE_LABELS = MappingProxyType(_CODE_LABELS)


def label(value: Enum | str, lang: Lang = "da") -> str:
    """Return the human label of an enum value or a known code.

    Args:
        value: An enum member (``Sector.BUSINESS``) or a code from an open list
            (``"bridge_builder"``). Unknown codes are returned unchanged; an enum of
            another layer (the rules' ``Severity``) gives its own ``label(lang)``.
        lang: ``"da"`` for Danish (the default) or ``"en"`` for English.

    Returns:
        The label in the chosen language.

    Raises:
        ValueError: If ``lang`` is neither ``"da"`` nor ``"en"``.

    >>> label(Sector.BUSINESS)
    'erhvervsliv'
    >>> label("bridge_builder", lang="en")
    'bridge builder'
    """
    if lang not in ("da", "en"):
        raise ValueError(f"lang must be 'da' or 'en', got {lang!r}")
    index = 0 if lang == "da" else 1
    if isinstance(value, Enum):
        pair = ENUM_LABELS.get(value)
        if pair is not None:
            return pair[index]
        own = getattr(value, "label", None)  # enums of other layers label themselves
        return str(own(lang)) if callable(own) else str(value.value)
    pair = CODE_LABELS.get(value)
    return value if pair is None else pair[index]
