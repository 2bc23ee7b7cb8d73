"""Danish and English labels for every enum value and every known code."""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType

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
from samarbejde.model.text import Lang, Text, check_lang
from samarbejde.model.unknown import UNKNOWN

__all__ = ["Lang", "label"]

_UNKNOWN = Text("ukendt", "unknown")

_ENUM_LABELS: dict[Enum, Text] = {
    Measure.NUMBER: Text("tal", "number"),
    Measure.PERCENTAGE: Text("procent", "percentage"),
    Measure.COUNT: Text("antal", "count"),
    Measure.AMOUNT: Text("mængde med enhed", "amount with unit"),
    Direction.HIGHER: Text("højere er bedre", "higher is better"),
    Direction.LOWER: Text("lavere er bedre", "lower is better"),
    Sector.MUNICIPALITY: Text("kommune", "municipality"),
    Sector.HOUSING: Text("almen boligorganisation", "social housing"),
    Sector.CIVIL_SOCIETY: Text("civilsamfund", "civil society"),
    Sector.BUSINESS: Text("erhvervsliv", "business"),
    Sector.RESIDENTS: Text("beboere", "residents"),
    Sector.REGION: Text("region", "region"),
    Sector.STATE: Text("stat", "state"),
    Sector.EDUCATION: Text("uddannelse", "education"),
    Sector.FOUNDATION: Text("fond", "foundation"),
    Sector.KNOWLEDGE: Text("viden og forskning", "knowledge and research"),
    Sector.OTHER: Text("andet", "other"),
    ProjectPhase.PLANNED: Text("planlagt", "planned"),
    ProjectPhase.RUNNING: Text("i gang", "running"),
    ProjectPhase.SUSPENDED: Text("sat i bero", "suspended"),
    ProjectPhase.CLOSING: Text("afsluttes", "closing"),
    ProjectPhase.CLOSED: Text("afsluttet", "closed"),
    ProjectPhase.CANCELLED: Text("aflyst", "cancelled"),
    StrategicPhase.EXPLORING: Text("afsøgning", "exploring"),
    StrategicPhase.FORMING: Text("etablering", "forming"),
    StrategicPhase.OPERATING: Text("drift", "operating"),
    StrategicPhase.REVIEWING: Text("evaluering", "reviewing"),
    StrategicPhase.DISSOLVED: Text("opløst", "dissolved"),
    CommitmentStatus.PROPOSED: Text("foreslået", "proposed"),
    CommitmentStatus.PLEDGED: Text("tilkendegivet", "pledged"),
    CommitmentStatus.AGREED: Text("aftalt", "agreed"),
    CommitmentStatus.FULFILLED: Text("indfriet", "fulfilled"),
    CommitmentStatus.PARTLY_FULFILLED: Text("delvist indfriet", "partly fulfilled"),
    CommitmentStatus.BREACHED: Text("misligholdt", "breached"),
    CommitmentStatus.WITHDRAWN: Text("trukket tilbage", "withdrawn"),
    CommitmentStatus.SUPERSEDED: Text("erstattet", "superseded"),
    MandateLevel.OPERATIONAL: Text("operationelt", "operational"),
    MandateLevel.TACTICAL: Text("taktisk", "tactical"),
    MandateLevel.STRATEGIC: Text("strategisk", "strategic"),
    Power.COMMIT_STAFF: Text("afsætte medarbejdere", "commit staff"),
    Power.COMMIT_FUNDS: Text("afsætte midler", "commit funds"),
    Power.COMMIT_FACILITIES: Text("stille lokaler til rådighed", "commit facilities"),
    Power.COMMIT_VOLUNTEERS: Text("stille frivillige", "commit volunteers"),
    Power.OFFER_JOBS: Text("tilbyde job", "offer jobs"),
    Power.SHARE_DATA: Text("dele data", "share data"),
    Power.SIGN_AGREEMENTS: Text("underskrive aftaler", "sign agreements"),
    Power.SET_PRIORITIES: Text("prioritere", "set priorities"),
    ReviewOutcome.CONTINUED: Text("fortsat", "continued"),
    ReviewOutcome.ADJUSTED: Text("justeret", "adjusted"),
    ReviewOutcome.RENEWED: Text("fornyet", "renewed"),
    ReviewOutcome.DISSOLVED: Text("opløst", "dissolved"),
    AgreementKind.MOU: Text("hensigtserklæring", "memorandum of understanding"),
    AgreementKind.STRATEGIC: Text("strategisk aftale", "strategic agreement"),
    AgreementKind.SUB_AGREEMENT: Text("delaftale", "sub-agreement"),
    AgreementKind.CONTRACT: Text("kontrakt", "contract"),
    GovernanceKind.STEERING_GROUP: Text("styregruppe", "steering group"),
    GovernanceKind.BOARD: Text("bestyrelse", "board"),
    GovernanceKind.COORDINATION_GROUP: Text("koordinationsgruppe", "coordination group"),
    GovernanceKind.WORKING_GROUP: Text("arbejdsgruppe", "working group"),
    GovernanceKind.RESIDENT_PANEL: Text("beboerpanel", "resident panel"),
    DecisionPower.DECIDES: Text("besluttende", "decides"),
    DecisionPower.ADVISES: Text("rådgivende", "advises"),
    SeatRole.CHAIR: Text("formand", "chair"),
    SeatRole.VICE_CHAIR: Text("næstformand", "vice-chair"),
    SeatRole.MEMBER: Text("medlem", "member"),
    FundingKind.FOUNDATION_GRANT: Text("fondsbevilling", "foundation grant"),
    FundingKind.MUNICIPAL_BUDGET: Text("kommunalt budget", "municipal budget"),
    FundingKind.HOUSING_BUDGET: Text("boligorganisationens budget", "housing budget"),
    FundingKind.NATIONAL_POOL: Text("statslig pulje", "national pool"),
    FundingKind.IN_KIND: Text("naturalier", "in kind"),
    FundingKind.OTHER: Text("andet", "other"),
    AreaCategory.GHETTO_2010: Text("ghettoområde (2010-2017)", "ghetto area (2010-2017 list)"),
    AreaCategory.GHETTO: Text("ghettoområde", "ghetto area"),
    AreaCategory.HAARDT_GHETTO: Text("hårdt ghettoområde", "hard ghetto area"),
    AreaCategory.UDSAT: Text("udsat boligområde", "vulnerable area"),
    AreaCategory.FOREBYGGELSE: Text("forebyggelsesområde", "prevention area"),
    AreaCategory.OMDANNELSE: Text("omdannelsesområde", "transformation area"),
    AreaCategory.PARALLELSAMFUND: Text("parallelsamfund", "parallel society"),
    AreaCategory.NONE: Text("ingen klassifikation", "not classified"),
    Unit.HOURS: Text("timer", "hours"),
    Unit.HOURS_PER_WEEK: Text("timer om ugen", "hours per week"),
    Unit.FTE: Text("årsværk", "full-time equivalents"),
    Unit.PERSONS: Text("personer", "persons"),
    Unit.PLACES: Text("pladser", "places"),
    Unit.DKK: Text("kroner", "Danish kroner"),
    Unit.SESSIONS: Text("forløb", "sessions"),
    Unit.ITEMS: Text("stk.", "items"),
}

_CODE_LABELS: dict[str, Text] = {
    # roles
    "lead": Text("tovholder", "lead"),
    "backbone": Text("sekretariat (backbone)", "backbone"),
    "partner": Text("partner", "partner"),
    "bridge_builder": Text("brobygger", "bridge builder"),
    "funder": Text("bevillingsgiver", "funder"),
    "implementer": Text("udfører", "implementer"),
    "advisor": Text("rådgiver", "advisor"),
    "observer": Text("observatør", "observer"),
    "resident_representative": Text("beboerrepræsentant", "resident representative"),
    # commitment kinds
    "staff_hours": Text("medarbejdertimer", "staff hours"),
    "funding": Text("finansiering", "funding"),
    "facilities": Text("lokaler og faciliteter", "facilities"),
    "volunteers": Text("frivillige", "volunteers"),
    "leisure_jobs": Text("fritidsjob", "leisure jobs"),
    "internships": Text("praktikpladser", "internships"),
    "apprenticeships": Text("lærepladser", "apprenticeships"),
    "knowledge": Text("viden", "knowledge"),
    "data": Text("data", "data"),
    "local_presence": Text("lokal tilstedeværelse", "local presence"),
    "access": Text("adgang", "access"),
    # interests ("knowledge" shares the commitment kind's label)
    "labour": Text("arbejdskraft", "labour"),
    "ownership": Text("ejerskab til indsatsen", "ownership of the work"),
    "core_task": Text("kerneopgave", "core task"),
    "stable_tenancies": Text("stabile lejemål", "stable tenancies"),
    "safety": Text("tryghed", "safety"),
    "reputation": Text("omdømme", "reputation"),
    "network": Text("netværk", "network"),
    "new_members": Text("nye medlemmer", "new members"),
    "impact": Text("samfundsmæssig effekt", "social impact"),
    # entry point kinds
    "regional_consultant": Text("regional konsulent", "regional consultant"),
    "local_branch": Text("lokalafdeling", "local branch"),
    "liaison": Text("kontaktperson (funktion)", "liaison"),
    "secretariat": Text("sekretariat", "secretariat"),
    "general_inbox": Text("fælles indbakke", "general inbox"),
    # governance kinds (an open list, D87)
    "board": Text("bestyrelse", "board"),
    "steering_group": Text("styregruppe", "steering group"),
    "partner_group": Text("partnergruppe", "partner group"),
    "monitoring_group": Text("følgegruppe", "monitoring group"),
    "task_committee": Text("opgaveudvalg", "task committee"),
    "working_group": Text("arbejdsgruppe", "working group"),
    "coordination_group": Text("koordinationsgruppe", "coordination group"),
    "reference_group": Text("referencegruppe", "reference group"),
    "resident_panel": Text("beboerpanel", "resident panel"),
    # secretariat kinds ("secretariat" is the entry point kind's label)
    # involvement kinds
    "workshop": Text("workshop", "workshop"),
    "hearing": Text("høring", "hearing"),
    "dialogue_meeting": Text("dialogmøde", "dialogue meeting"),
    "public_meeting": Text("borgermøde", "public meeting"),
    "survey": Text("spørgeundersøgelse", "survey"),
    "area_walk": Text("områdevandring", "area walk"),
}

ENUM_LABELS = MappingProxyType(_ENUM_LABELS)
CODE_LABELS = MappingProxyType(_CODE_LABELS)


def label(value: Enum | str, lang: Lang = "da") -> str:
    """Return the human label of an enum value or a known code.

    Args:
        value: An enum member (``Sector.BUSINESS``), a code from an open list
            (``"bridge_builder"``) or :data:`~samarbejde.UNKNOWN` (``ukendt``). Unknown
            codes are returned unchanged; an enum of another layer (the rules'
            ``Severity``) gives its own ``label(lang)``.
        lang: ``"da"`` for Danish (the default) or ``"en"`` for English.

    Returns:
        The label in the chosen language.

    Raises:
        ValueError: If ``lang`` is not one of :data:`samarbejde.model.text.LANGS`.

    >>> label(Sector.BUSINESS)
    'erhvervsliv'
    >>> label("bridge_builder", lang="en")
    'bridge builder'
    >>> label(UNKNOWN)
    'ukendt'
    """
    check_lang(lang)
    if value is UNKNOWN:
        return _UNKNOWN.pick(lang)
    if isinstance(value, Enum):
        text = ENUM_LABELS.get(value)
        if text is not None:
            return text.pick(lang)
        own = getattr(value, "label", None)  # enums of other layers label themselves
        return str(own(lang)) if callable(own) else str(value.value)
    text = CODE_LABELS.get(value)
    return value if text is None else text.pick(lang)
