"""IATI 2.03: one activity per partnership, as the XML of ``<iati-activities>``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs
import pendulum

from samarbejde.interop._budget_periods import share, sum_exactly, year_periods
from samarbejde.interop._result import Export, InteropError, Omission
from samarbejde.interop._tables import (
    IATI_ACTIVITY_STATUS,
    IATI_ORGANISATION_ROLES,
    IATI_ORGANISATION_TYPES,
    FieldTable,
    Mapped,
    Omitted,
    cited,
    why,
)
from samarbejde.interop._xml_text import xml_text
from samarbejde.model import (
    Area,
    Direction,
    Funding,
    FundingShare,
    Goal,
    Identifiers,
    Measure,
    Measurement,
    Membership,
    Money,
    Organisation,
    Partnership,
    PeriodAmount,
    PhaseChange,
    Portfolio,
    ProjectLifecycle,
    Source,
    StrategicLifecycle,
    Term,
    Vision,
    days,
)
from samarbejde.model.approximate import first_day, is_approximate, surely_by
from samarbejde.model.iso import write_date, write_decimal, write_when
from samarbejde.model.sources import Cited
from samarbejde.model.unknown import UNKNOWN, Unknown

__all__ = [
    "DEFAULT_SECTOR",
    "FIELDS",
    "IATI_VERSION",
    "REGISTRATION_AGENCY",
    "IatiSector",
    "organisation_identifier",
    "to_iati",
]

#: The version of the IATI Standard written.
IATI_VERSION = "2.03"
#: The IATI registration agency of CVR numbers (OrganisationRegistrationAgency list).
REGISTRATION_AGENCY = "DK-CVR"

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# ActivityDateType, BudgetType, BudgetStatus, ResultType, IndicatorMeasure,
# RelatedActivityType codes (2.03 code lists).
_PLANNED_START, _ACTUAL_START, _PLANNED_END, _ACTUAL_END = "1", "2", "3", "4"
_ORIGINAL_BUDGET, _INDICATIVE = "1", "1"
_OUTCOME, _UNIT, _PERCENTAGE = "2", "1", "2"
_PIPELINE = "1"  # ActivityStatus
#: An identifier or code IATI can take: no white space, control characters, or the
#: symbols IATI's rules forbid in identifiers (/ & | ?).
_CODE = re.compile(r"[^\s/&|?\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]+")
_PREVIOUS_REPORTER = "B1"  # OtherIdentifierType: Previous Reporting Organisation Identifier
_REPORTER_VOCABULARY = "99"  # ResultVocabulary: Reporting Organisation
_PARENT, _CHILD = "1", "2"
# Reporting organisation: the accountable one first, then extending, funding, implementing.
_REPORTER_PREFERENCE = ("2", "3", "1", "4")

_APPROXIMATE = "IATI dates need a full day: the approximate {when} is written as its first day"
_DUE_BEFORE_START = "an IATI indicator period cannot end before the activity starts"
_NOT_AN_ORGANISATION = "{ident!r} is not an organisation of the portfolio"
_NOT_THE_ACTIVITY = "IATI describes the activity, not its participants"
_IN_LIFECYCLE = Omitted("reduced with the lifecycle (its omission says so)", reported=False)
_OTHER_DESCRIPTION = "4"  # DescriptionType: Other
_ACTIVITY_WEB_PAGE = "A12"  # DocumentCategory: the closest to "where this was read"
_NO_PROVENANCE = Omitted(
    "IATI keeps document links and descriptions for the activity, not for this part of it"
)
_NOT_XML = (
    "XML 1.0 cannot carry a C0 control character, U+FFFE or U+FFFF: each is written as"
    " U+FFFD (design decision D62)"
)

_PARTICIPANT_ONLY = "IATI participating organisations have no {what}"

#: Every field the IATI export reads: where it goes in IATI 2.03, or why it is left out.
FIELDS: FieldTable = MappingProxyType(
    {
        (Portfolio, "organisations"): Mapped("reporting-org, participating-org"),
        (Portfolio, "areas"): Mapped("location"),
        (Portfolio, "partnerships"): Mapped("iati-activity"),
        (Portfolio, "lists"): Omitted("IATI has no government lists"),
        (Organisation, "id"): Mapped("who participates (members, owners, funders)"),
        (Organisation, "name"): Mapped("reporting-org, participating-org narrative", _NOT_XML),
        (Organisation, "sector"): Mapped("@type (IATI_ORGANISATION_TYPES)"),
        (Organisation, "parent"): Omitted(_PARTICIPANT_ONLY.format(what="parent")),
        (Organisation, "identifiers"): Mapped("@ref"),
        (Organisation, "remit"): Omitted(_PARTICIPANT_ONLY.format(what="remit")),
        (Organisation, "entry_points"): Omitted(_PARTICIPANT_ONLY.format(what="entry points")),
        (Identifiers, "cvr"): Mapped("@ref DK-CVR-<cvr>; the iati-identifier's prefix"),
        (Identifiers, "kommunekode"): Omitted(
            "an IATI organisation has one identifier, its CVR number (DK-CVR)"
        ),
        (Area, "id"): Mapped("location/@ref"),
        (Area, "name"): Mapped("location/name", _NOT_XML),
        (Area, "municipality"): Omitted("IATI has no vocabulary of Danish municipalities"),
        (Area, "residents"): Omitted("IATI locations have no population"),
        (Area, "classifications"): Omitted("IATI has no government lists"),
        (Partnership, "id"): Mapped(
            "iati-identifier (the reporter's identifier, '-', the id; or the one given)"
        ),
        (Partnership, "name"): Mapped("title", _NOT_XML),
        (Partnership, "lifecycle"): Mapped(
            "activity-status, activity-date",
            "IATI has one activity status: the dated phase history, reviews and earlier"
            " lifecycles are reduced to it and the activity dates",
        ),
        (Partnership, "areas"): Mapped("location", "not an area"),
        (Partnership, "earlier"): Mapped("activity-date types 1 and 2 (the first lifecycle)"),
        (Partnership, "parent"): Mapped(
            "related-activity type 1; @hierarchy", "the parent is not an activity"
        ),
        (Partnership, "vision"): Mapped("description type 1", _NOT_XML),
        (Partnership, "challenges"): Omitted("IATI activities have no challenges"),
        (Partnership, "goals"): Mapped("result type 2 (outcome)"),
        (Partnership, "members"): Mapped("participating-org (IATI_ORGANISATION_ROLES)"),
        (Partnership, "commitments"): Omitted("IATI activities have no commitments"),
        (Partnership, "agreements"): Omitted("IATI activities have no agreements"),
        (Partnership, "governance"): Omitted("IATI activities have no governance"),
        (Partnership, "periods"): Omitted(
            "IATI has no periods of one activity: the budgets follow the funding's periods"
        ),
        (Partnership, "funding"): Mapped("budget; participating-org role 1 (funding)"),
        (Partnership, "governance_history"): Omitted("IATI activities have no governance"),
        (Partnership, "secretariat"): Omitted("IATI activities have no secretariat"),
        (Partnership, "involvement"): Omitted("IATI activities have no involvement events"),
        (ProjectLifecycle, "term"): Mapped("activity-date types 1 and 3 (planned start, end)"),
        (ProjectLifecycle, "phases"): Mapped("activity-status; activity-date types 2 and 4"),
        (ProjectLifecycle, "owner"): Mapped("participating-org role 2", _NOT_AN_ORGANISATION),
        (StrategicLifecycle, "since"): Mapped("activity-date type 1 (planned start) in pipeline"),
        (StrategicLifecycle, "phases"): Mapped("activity-status; activity-date types 2 and 4"),
        (StrategicLifecycle, "horizon"): Mapped(
            "activity-date type 3 (planned end)", "the horizon is unknown: no planned end"
        ),
        (StrategicLifecycle, "review_every"): _IN_LIFECYCLE,
        (StrategicLifecycle, "reviews"): _IN_LIFECYCLE,
        (PhaseChange, "phase"): Mapped(
            "activity-status (IATI_ACTIVITY_STATUS)",
            "the phase is unknown, and an IATI activity needs an activity-status (IATI has no"
            " unknown status), so the partnership is no activity",
        ),
        (PhaseChange, "on"): Mapped(
            "activity-date type 2 (the first phase past the pipeline), type 4 (a final one)",
            "an unknown early phase has no activity-date",
        ),
        (Term, "start"): Mapped("activity-date type 1; budget period-start, value-date"),
        (Term, "end"): Mapped("activity-date type 3; budget period-end"),
        (Vision, "text"): Mapped("description type 1", _NOT_XML),
        (Vision, "agreed_on"): Omitted("IATI descriptions have no agreement"),
        (Vision, "agreed_by"): Omitted("IATI descriptions have no agreement"),
        (Goal, "id"): Mapped("result/reference (vocabulary 99, the reporting organisation's)"),
        (Goal, "title"): Mapped(
            "result/title; the indicator's title without an indicator", _NOT_XML
        ),
        (Goal, "indicator"): Mapped(
            "result/indicator/title; @measure 2 (percentage) when it holds '%', else 1 (unit)",
            _NOT_XML,
        ),
        (Goal, "baseline"): Mapped("result/indicator/baseline, dated at the start"),
        (Goal, "target"): Mapped(
            "result/indicator/period/target; @ascending 0 below the baseline",
            "an IATI target needs a period: the goal has no due date",
        ),
        (Goal, "due"): Mapped(
            "result/indicator/period/period-end", "an IATI period needs a target value"
        ),
        (Goal, "owners"): Omitted("IATI results have no owners"),
        (Goal, "decided_on"): Omitted("IATI results have no day they were decided"),
        (Goal, "challenges"): Omitted("IATI results answer no challenges"),
        (Goal, "measure"): Mapped(
            "result/indicator/@measure: 2 (percentage) for a percentage, else 1 (unit)"
        ),
        (Goal, "unit"): Omitted("IATI indicators have no unit, only @measure"),
        (Goal, "direction"): Mapped("result/indicator/@ascending (0 when lower is better)"),
        (Goal, "measure_every"): Omitted("IATI indicators have no measurement cadence"),
        (Goal, "measurements"): Mapped("result/indicator/period with an actual, one each"),
        (Measurement, "on"): Mapped("result/indicator/period/period-end"),
        (Measurement, "since"): Mapped(
            "result/indicator/period/period-start (the day itself for a point value)"
        ),
        (Measurement, "value"): Mapped("result/indicator/period/actual/@value"),
        (Measurement, "source"): Mapped("result/indicator/period/actual/comment", _NOT_XML),
        (Measurement, "reported_by"): Omitted("IATI actuals name no reporter"),
        (Measurement, "reported_post"): Omitted("IATI actuals name no reporter"),
        (Measurement, "approved_by"): Omitted("IATI actuals name no approver"),
        (Measurement, "approved_post"): Omitted("IATI actuals name no approver"),
        (Membership, "organisation"): Mapped("participating-org", _NOT_AN_ORGANISATION),
        (Membership, "role"): Mapped(
            "participating-org/@role (IATI_ORGANISATION_ROLES)",
            "IATI has no organisation role for {role!r}",
        ),
        (Membership, "joined"): Omitted("IATI participating organisations have no period"),
        (Membership, "left"): Mapped(
            "a member who left by as_of takes no part, and never reports",
            "had left the partnership by {day}: IATI lists the current participants",
        ),
        (Membership, "representative"): Omitted(_PARTICIPANT_ONLY.format(what="representative")),
        (Membership, "mandates"): Omitted(_PARTICIPANT_ONLY.format(what="mandates")),
        (Membership, "interests"): Omitted(_PARTICIPANT_ONLY.format(what="interests")),
        (Funding, "id"): Omitted(
            "IATI budgets are per year, summed over the funding: a budget has no identifier"
        ),
        (Funding, "funder"): Mapped("participating-org role 1", _NOT_AN_ORGANISATION),
        (Funding, "amount"): Mapped(
            "budget/value, shared over the years of its term by their days",
            "IATI budgets of one period are in one currency: {currency} is left out",
        ),
        (Funding, "term"): Mapped(
            "budget/period-start, period-end, one budget per (financial) year",
            "an IATI budget needs a period with an end",
        ),
        (Funding, "kind"): Omitted("IATI budgets do not say where the money comes from"),
        (Funding, "granted_on"): Omitted("IATI budgets have no day the money was granted"),
        **cited(
            (Partnership,),
            sources=Mapped(
                "document-link (@url, @format, title, category A12)",
                "an IATI document link needs a URL",
            ),
            note=Mapped("description type 4 (other)", _NOT_XML),
        ),
        **cited(
            (Organisation, Area, Vision, Goal, Membership, Funding),
            sources=_NO_PROVENANCE,
            note=_NO_PROVENANCE,
        ),
        (Source, "title"): Mapped("document-link/title", _NOT_XML),
        (Source, "address"): Mapped("document-link/@url; @format from its ending"),
        (Source, "read_on"): Omitted(
            "an IATI document-date is the day a document was published, not read"
        ),
        (Money, "amount"): Mapped(
            "budget/value", "the amount is unknown: the funding is in no budget"
        ),
        (Funding, "periods"): Mapped(
            "budget per (financial) year: each period's amount shared over its years by days"
        ),
        (Funding, "shares"): Mapped(
            "participating-org role 1 for each funder", _NOT_AN_ORGANISATION
        ),
        (Funding, "changes"): Omitted(
            "IATI original budgets are the funding as it stood on as_of; its history is not written"
        ),
        (PeriodAmount, "term"): Mapped("budget/period-start, period-end (cut at year starts)"),
        (PeriodAmount, "amount"): Mapped("budget/value"),
        (FundingShare, "organisation"): Mapped("participating-org role 1", _NOT_AN_ORGANISATION),
        (FundingShare, "share"): Omitted("IATI participating organisations have no share"),
        (Money, "currency"): Mapped("budget/value/@currency"),
    }
)

#: The partnership fields IATI leaves out, in the table's order (their omissions' order).
_LEFT_OUT = tuple(
    field
    for (record, field), where in FIELDS.items()
    if record is Partnership and isinstance(where, Omitted) and where.reported
)


def _funders(partnership: Partnership, path: str) -> Iterator[tuple[str, str, str]]:
    """Each funder of the partnership's funding as a funding participant (role 1)."""
    for funding in partnership.funding:
        where = f"{path}.funding[{funding.id}]"
        yield funding.funder, "1", f"{where}.funder"
        for part in funding.shares:
            if part.organisation != funding.funder:
                yield part.organisation, "1", f"{where}.shares[{part.organisation}]"


def organisation_identifier(org: Organisation) -> str | None:
    """The IATI organisation identifier of ``org``: ``DK-CVR-`` and its CVR number.

    >>> from samarbejde import Identifiers, Organisation, Sector
    >>> organisation_identifier(
    ...     Organisation("x", "X", Sector.BUSINESS, identifiers=Identifiers(cvr="25313763"))
    ... )
    'DK-CVR-25313763'
    """
    cvr = org.identifiers.cvr
    return None if cvr is None else f"{REGISTRATION_AGENCY}-{cvr}"


@attrs.frozen
class IatiSector:
    """The sector every exported activity reports (IATI's ``<sector>``).

    >>> IatiSector("16010")
    IatiSector(code='16010', vocabulary='1', narrative=None)
    >>> IatiSector("boligsocial", vocabulary="99", narrative="Boligsocialt arbejde").vocabulary
    '99'

    Attributes:
        code: The code: a 5-digit OECD DAC CRS purpose code (vocabulary ``1``), or the
            reporting organisation's own code (vocabulary ``99`` or ``98``).
        vocabulary: IATI's SectorVocabulary: ``"1"`` (DAC 5-digit), ``"98"`` or ``"99"``
            (the reporting organisation's own, which needs a ``narrative``).
        narrative: What the code means; required for vocabularies 98 and 99.
    """

    code: str = attrs.field(validator=attrs.validators.instance_of(str))
    vocabulary: str = attrs.field(default="1")
    narrative: str | None = None

    @vocabulary.validator
    def _check(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value == "1":
            if not (len(self.code) == 5 and self.code.isascii() and self.code.isdigit()):
                raise ValueError(f"a DAC 5-digit sector code has five digits, not {self.code!r}")
        elif value in ("98", "99"):
            if not self.narrative or not _CODE.fullmatch(self.code):
                raise ValueError(
                    f"a sector of vocabulary {value} needs a code (no spaces, no control"
                    f" characters) and a narrative, not {self.code!r}"
                )
        else:
            raise ValueError(f"sector vocabulary must be '1', '98' or '99', not {value!r}")


#: The sector reported by default: DAC 16010 Social Protection, the purpose of the
#: social work partnerships of vulnerable housing areas (*boligsociale indsatser*).
DEFAULT_SECTOR = IatiSector("16010")


def _datetime(day: pendulum.Date) -> str:
    return f"{write_date(day)}T00:00:00Z"


def _measure(goal: Goal) -> str:
    """IATI's IndicatorMeasure: the goal's measure, else a ``%`` in its indicator's name."""
    if goal.measure is not None:
        return _PERCENTAGE if goal.measure is Measure.PERCENTAGE else _UNIT
    return _PERCENTAGE if "%" in (goal.indicator or goal.title) else _UNIT


class _Activities:
    """One :func:`to_iati` run over a portfolio recorded as of a day."""

    def __init__(
        self,
        portfolio: Portfolio,
        as_of: pendulum.Date,
        *,
        reporter: Organisation | None,
        sector: IatiSector,
        first_month: int,
        identifiers: Mapping[str, str],
    ) -> None:
        self.portfolio = portfolio
        self.as_of = as_of
        self.fixed_reporter = reporter
        self.sector = sector
        self.first_month = first_month
        self.given_identifiers = identifiers
        self.omitted: list[Omission] = []
        self.identifiers: dict[str, str] = {}
        self.reporters: dict[str, Organisation] = {}
        self.seen_areas: set[str] = set()
        self.seen_organisations: set[str] = set()
        self.participants_cache: dict[str, list[tuple[Organisation, str]]] = {}
        self.departed: dict[str, set[str]] = {}
        self.children: dict[str, list[str]] = {}

    def omit(self, path: str, reason: str) -> None:
        self.omitted.append(Omission(path, reason))

    def uncited(self, record: Cited, path: str) -> None:
        """Report the sources and note of a part of an activity, which IATI cannot keep."""
        for name in ("sources", "note"):
            if getattr(record, name):
                self.omit(f"{path}.{name}", why(FIELDS, type(record), name))

    def documents(self, activity: ET.Element, partnership: Partnership) -> None:
        """The partnership's sources with a web address, as document links."""
        path = f"partnerships[{partnership.id}]"
        for index, source in enumerate(partnership.sources):
            where = f"{path}.sources[{index}]"
            if source.url is None:
                self.omit(where, why(FIELDS, Partnership, "sources"))
                continue
            kind = "application/pdf" if source.url.lower().endswith(".pdf") else "text/html"
            link = ET.SubElement(activity, "document-link", url=source.url, format=kind)
            self.text(link, "title", source.title, f"{where}.title")
            ET.SubElement(link, "category", code=_ACTIVITY_WEB_PAGE)
            if source.read_on is not None:
                self.omit(f"{where}.read_on", why(FIELDS, Source, "read_on"))

    def text(self, parent: ET.Element, tag: str, text: str, path: str, **attrib: str) -> None:
        """``<tag><narrative>text</narrative></tag>``, as XML 1.0 can carry it (D62)."""
        element = ET.SubElement(parent, tag, attrib)
        written, replaced = xml_text(text)
        if replaced:
            self.omit(path, _NOT_XML)
        ET.SubElement(element, "narrative").text = written

    def _organisation(self, ident: str) -> Organisation | None:
        try:
            return self.portfolio.organisation(ident)
        except KeyError:
            return None

    def participants(self, partnership: Partnership) -> list[tuple[Organisation, str]]:
        path = f"partnerships[{partnership.id}]"
        wanted: list[tuple[str, str, str]] = []  # (organisation, role, path)
        lifecycle = partnership.lifecycle
        if isinstance(lifecycle, ProjectLifecycle) and lifecycle.owner is not None:
            wanted.append((lifecycle.owner, "2", f"{path}.lifecycle.owner"))
        departed = self.departed.setdefault(partnership.id, set())
        for member in partnership.members:
            where = f"{path}.members[{member.organisation}]"
            if member.left is not None and surely_by(member.left, self.as_of):
                departed.add(member.organisation)
                self.omit(where, why(FIELDS, Membership, "left").format(day=self.as_of))
                continue
            role = None if member.role is UNKNOWN else IATI_ORGANISATION_ROLES.get(member.role)
            if role is None:
                reason = why(FIELDS, Membership, "role").format(role=str(member.role))
                self.omit(f"{where}.role", reason)
            else:
                wanted.append((member.organisation, role, where))
            self.omit(f"{where}.joined", why(FIELDS, Membership, "joined"))
            for name in ("representative", "mandates", "interests"):
                if getattr(member, name):
                    self.omit(f"{where}.{name}", why(FIELDS, Membership, name))
            self.uncited(member, where)
        wanted.extend(_funders(partnership, path))
        found: list[tuple[Organisation, str]] = []
        taken: set[tuple[str, str]] = set()
        for ident, role, where in wanted:
            org = self._organisation(ident)
            if org is None:
                self.omit(where, why(FIELDS, Membership, "organisation").format(ident=ident))
            elif (ident, role) not in taken:
                taken.add((ident, role))
                found.append((org, role))
        return found

    def reporter(self, partnership: Partnership) -> Organisation | None:
        if self.fixed_reporter is not None:
            return self.fixed_reporter
        participants = self.participants_cache[partnership.id]
        departed = self.departed[partnership.id]
        for role in _REPORTER_PREFERENCE:
            for org, played in participants:
                if played == role and org.identifiers.cvr is not None and org.id not in departed:
                    return org
        return None

    def plan(self) -> None:
        """Choose each partnership's reporting organisation and IATI identifier."""
        for partnership in self.portfolio.partnerships:
            path = f"partnerships[{partnership.id}]"
            if partnership.id in self.participants_cache:
                self.omit(path, "a second partnership with this id")
                continue
            self.participants_cache[partnership.id] = self.participants(partnership)
            reporter = self.reporter(partnership)
            if not self.participants_cache[partnership.id]:
                self.omit(path, "no member plays an IATI organisation role")
            elif partnership.lifecycle.phase is UNKNOWN:  # an unknown early history (D112)
                self.omit(path, why(FIELDS, PhaseChange, "phase"))
            elif reporter is None:
                self.omit(
                    path,
                    "no participating organisation has a CVR number (members who left do not"
                    " count), so there is no reporting organisation identifier",
                )
            else:
                self.reporters[partnership.id] = reporter
                ref = organisation_identifier(reporter)
                given = self.given_identifiers.get(partnership.id)
                self.identifiers[partnership.id] = given or f"{ref}-{partnership.id}"
        for partnership in self.portfolio.partnerships:
            if partnership.parent is not None and partnership.id in self.identifiers:
                self.children.setdefault(partnership.parent, []).append(partnership.id)

    def hierarchy(self, partnership: Partnership) -> int:
        """1 for a top activity, one more for each parent activity above it."""
        level, seen, parent = 1, {partnership.id}, partnership.parent
        while parent is not None and parent in self.identifiers and parent not in seen:
            level, seen = level + 1, seen | {parent}
            parent = self.portfolio.partnership(parent).parent
        return level

    def activity(self, partnership: Partnership) -> ET.Element:
        path = f"partnerships[{partnership.id}]"
        reporter = self.reporters[partnership.id]
        ref = organisation_identifier(reporter) or ""
        identifier = self.identifiers[partnership.id]
        activity = ET.Element(
            "iati-activity",
            {
                "last-updated-datetime": _datetime(self.as_of),
                _XML_LANG: "da",
                "hierarchy": str(self.hierarchy(partnership)),
            },
        )
        ET.SubElement(activity, "iati-identifier").text = identifier
        reporting = {"ref": ref, "type": IATI_ORGANISATION_TYPES[reporter.sector]}
        self.text(
            activity,
            "reporting-org",
            reporter.name,
            f"organisations[{reporter.id}].name",
            **reporting,
        )
        self.text(activity, "title", partnership.name, f"{path}.name")
        vision = partnership.vision
        if vision is not None:
            self.text(activity, "description", vision.text, f"{path}.vision.text", type="1")
            for name in ("agreed_on", "agreed_by"):
                if getattr(vision, name):
                    self.omit(f"{path}.vision.{name}", why(FIELDS, Vision, name))
            self.uncited(vision, f"{path}.vision")
        else:
            self.text(activity, "description", partnership.name, f"{path}.name", type="1")
        if partnership.note is not None:
            note_type = _OTHER_DESCRIPTION
            self.text(activity, "description", partnership.note, f"{path}.note", type=note_type)
        for org, role in self.participants_cache[partnership.id]:
            attrib = {"role": role, "type": IATI_ORGANISATION_TYPES[org.sector]}
            org_ref = organisation_identifier(org)
            if org_ref is not None:
                attrib = {"ref": org_ref, **attrib}
            self.text(
                activity, "participating-org", org.name, f"organisations[{org.id}].name", **attrib
            )
            self.organisation(org)
        suffix = f"-{partnership.id}"
        if not identifier.startswith(f"{ref}-") and identifier.endswith(suffix):
            # Reported earlier under another reporter: its identifier stays, and says so.
            earlier = identifier[: -len(suffix)]
            ET.SubElement(activity, "other-identifier", ref=earlier, type=_PREVIOUS_REPORTER)
        self.status_and_dates(activity, partnership)
        ET.SubElement(activity, "recipient-country", code="DK")
        self.locations(activity, partnership)
        sector = ET.SubElement(
            activity, "sector", code=self.sector.code, vocabulary=self.sector.vocabulary
        )
        if self.sector.narrative is not None:
            ET.SubElement(sector, "narrative").text = xml_text(self.sector.narrative)[0]
        self.budgets(activity, partnership)
        self.documents(activity, partnership)
        self.related(activity, partnership)
        for goal in partnership.goals:
            self.result(activity, partnership, goal)
        for name in _LEFT_OUT:
            if getattr(partnership, name):
                self.omit(f"{path}.{name}", why(FIELDS, Partnership, name))
        return activity

    def organisation(self, org: Organisation) -> None:
        """Report, once, what a participant's record says that IATI cannot."""
        if org.id in self.seen_organisations:
            return
        self.seen_organisations.add(org.id)
        for name in ("parent", "remit", "entry_points"):
            if getattr(org, name):
                self.omit(f"organisations[{org.id}].{name}", why(FIELDS, Organisation, name))
        if org.identifiers.kommunekode is not None:
            where = f"organisations[{org.id}].identifiers.kommunekode"
            self.omit(where, why(FIELDS, Identifiers, "kommunekode"))
        self.uncited(org, f"organisations[{org.id}]")

    def status_and_dates(self, activity: ET.Element, partnership: Partnership) -> None:
        """The activity status and the dates that agree with it.

        An activity starts (actual start, type 2) on the first phase past the pipeline;
        while it is in the pipeline it has only planned dates. It ends (actual end,
        type 4) on a final phase.
        """
        first, current = partnership.lifecycles[0], partnership.lifecycle
        assert current.phase is not UNKNOWN  # such a partnership is no activity (plan)
        status = IATI_ACTIVITY_STATUS[current.phase]
        ET.SubElement(activity, "activity-status", code=status)
        began = next(
            (
                first_day(change.on)
                for lifecycle in partnership.lifecycles
                for change in lifecycle.phases
                if change.phase is not UNKNOWN and IATI_ACTIVITY_STATUS[change.phase] != _PIPELINE
            ),
            None,
        )
        dates: list[tuple[str, pendulum.Date]] = []
        if isinstance(first, ProjectLifecycle):
            dates.append((_PLANNED_START, first.term.start))
        elif began is None:
            dates.append((_PLANNED_START, first_day(first.since)))
            if is_approximate(first.since):
                where = f"partnerships[{partnership.id}].lifecycle.since"
                self.omit(where, _APPROXIMATE.format(when=write_when(first.since)))
        if began is not None and status != _PIPELINE:
            dates.append((_ACTUAL_START, began))
        if current.ended is not None and began is not None:
            dates.append((_ACTUAL_END, current.ended))
        elif isinstance(current, ProjectLifecycle) and current.term.end is not None:
            dates.append((_PLANNED_END, current.term.end))
        elif isinstance(current, StrategicLifecycle):
            horizon_end = current.horizon_end
            if horizon_end is UNKNOWN:
                where = f"partnerships[{partnership.id}].lifecycle.horizon"
                self.omit(where, why(FIELDS, StrategicLifecycle, "horizon"))
            elif horizon_end is not None:
                dates.append((_PLANNED_END, horizon_end))
        planned_start = next((d for k, d in dates if k == _PLANNED_START), None)
        for kind, day in dates:
            if kind == _PLANNED_END and planned_start is not None and day < planned_start:
                continue  # a planned end before the planned start is no plan IATI can take
            ET.SubElement(activity, "activity-date", {"type": kind, "iso-date": write_date(day)})
        self.omit(
            f"partnerships[{partnership.id}].lifecycle", why(FIELDS, Partnership, "lifecycle")
        )

    def locations(self, activity: ET.Element, partnership: Partnership) -> None:
        for ident in partnership.areas:
            try:
                area = self.portfolio.area(ident)
            except KeyError:
                where = f"partnerships[{partnership.id}].areas[{ident}]"
                self.omit(where, why(FIELDS, Partnership, "areas"))
                continue
            location = ET.SubElement(activity, "location", ref=area.id)
            self.text(location, "name", area.name, f"areas[{area.id}].name")
            if area.id in self.seen_areas:
                continue
            self.seen_areas.add(area.id)
            for name in ("municipality", "residents", "classifications"):
                if getattr(area, name):
                    self.omit(f"areas[{area.id}].{name}", why(FIELDS, Area, name))
            self.uncited(area, f"areas[{area.id}]")

    def budgets(self, activity: ET.Element, partnership: Partnership) -> None:
        """One budget per (financial) year of the funding's terms, summed over the funding."""
        by_period: dict[tuple[pendulum.Date, pendulum.Date], dict[str, list[Decimal]]] = {}
        for funding in partnership.funding:
            path = f"partnerships[{partnership.id}].funding[{funding.id}]"
            self.omit(f"{path}.id", why(FIELDS, Funding, "id"))
            self.uncited(funding, path)
            if funding.term.end is None:
                self.omit(path, why(FIELDS, Funding, "term"))
                continue
            pieces = [(p.term, p.amount.amount) for p in funding.periods] or [
                (funding.term, funding.amount.amount)
            ]
            if any(money is UNKNOWN for _, money in pieces):
                self.omit(f"{path}.amount", why(FIELDS, Money, "amount"))
                continue
            for piece, money in pieces:
                assert piece.end is not None  # a period's end is required, the term's checked
                assert not isinstance(money, Unknown)
                years = list(year_periods(piece.start, piece.end, first_month=self.first_month))
                for period, amount in zip(years, share(money, years), strict=True):
                    by_period.setdefault(period, {}).setdefault(funding.amount.currency, []).append(
                        amount
                    )
            if any(s.share is not None for s in funding.shares):
                self.omit(f"{path}.shares", why(FIELDS, FundingShare, "share"))
            self.omit(f"{path}.kind", why(FIELDS, Funding, "kind"))
            if funding.granted_on is not None:
                self.omit(f"{path}.granted_on", why(FIELDS, Funding, "granted_on"))
        for (start, end), currencies in sorted(by_period.items()):
            currency, amounts = next(iter(currencies.items()))
            for other in list(currencies)[1:]:
                where = f"partnerships[{partnership.id}].funding({start}..{end})"
                self.omit(where, why(FIELDS, Funding, "amount").format(currency=other))
            budget = ET.SubElement(activity, "budget", type=_ORIGINAL_BUDGET, status=_INDICATIVE)
            ET.SubElement(budget, "period-start", {"iso-date": write_date(start)})
            ET.SubElement(budget, "period-end", {"iso-date": write_date(end)})
            value = ET.SubElement(
                budget, "value", {"currency": currency, "value-date": write_date(start)}
            )
            value.text = write_decimal(sum_exactly(amounts))

    def related(self, activity: ET.Element, partnership: Partnership) -> None:
        parent = partnership.parent
        if parent is not None:
            if parent in self.identifiers:
                ET.SubElement(
                    activity, "related-activity", ref=self.identifiers[parent], type=_PARENT
                )
            else:
                where = f"partnerships[{partnership.id}].parent"
                self.omit(where, why(FIELDS, Partnership, "parent"))
        for child in self.children.get(partnership.id, ()):
            ET.SubElement(activity, "related-activity", ref=self.identifiers[child], type=_CHILD)

    def result(self, activity: ET.Element, partnership: Partnership, goal: Goal) -> None:
        path = f"partnerships[{partnership.id}].goals[{goal.id}]"
        start = partnership.lifecycles[0].started
        result = ET.SubElement(activity, "result", type=_OUTCOME)
        self.text(result, "title", goal.title, f"{path}.title")
        ET.SubElement(result, "reference", vocabulary=_REPORTER_VOCABULARY, code=goal.id)
        attrib = {"measure": _measure(goal)}
        if goal.better is Direction.LOWER:
            attrib["ascending"] = "0"
        indicator = ET.SubElement(result, "indicator", attrib)
        if goal.indicator is not None:
            self.text(indicator, "title", goal.indicator, f"{path}.indicator")
        else:
            self.text(indicator, "title", goal.title, f"{path}.title")
        if goal.baseline is not None:
            ET.SubElement(
                indicator,
                "baseline",
                {
                    "year": str(start.year),
                    "iso-date": write_date(start),
                    "value": write_decimal(goal.baseline),
                },
            )
        if goal.target is not None and goal.due is not None and start <= goal.due:
            period = ET.SubElement(indicator, "period")
            ET.SubElement(period, "period-start", {"iso-date": write_date(start)})
            ET.SubElement(period, "period-end", {"iso-date": write_date(goal.due)})
            ET.SubElement(period, "target", value=write_decimal(goal.target))
        elif goal.target is not None and goal.due is not None:
            self.omit(f"{path}.due", _DUE_BEFORE_START)
        elif goal.target is not None:
            self.omit(f"{path}.target", why(FIELDS, Goal, "target"))
        elif goal.due is not None:
            self.omit(f"{path}.due", why(FIELDS, Goal, "due"))
        for index, m in enumerate(goal.measurements):
            self.actual(indicator, m, f"{path}.measurements[{index}]")
        for name in ("owners", "challenges", "decided_on", "unit", "measure_every"):
            if getattr(goal, name):
                self.omit(f"{path}.{name}", why(FIELDS, Goal, name))
        self.uncited(goal, path)

    def actual(self, indicator: ET.Element, m: Measurement, path: str) -> None:
        """One measurement as an indicator period with its actual value (D95)."""
        period = ET.SubElement(indicator, "period")
        start = m.on if m.since is None else m.since
        ET.SubElement(period, "period-start", {"iso-date": write_date(start)})
        ET.SubElement(period, "period-end", {"iso-date": write_date(m.on)})
        actual = ET.SubElement(period, "actual", value=write_decimal(m.value))
        if m.source is not None:
            self.text(actual, "comment", m.source, f"{path}.source")
        for name in ("reported_by", "reported_post", "approved_by", "approved_post"):
            if getattr(m, name) is not None:
                self.omit(f"{path}.{name}", why(FIELDS, Measurement, name))


def to_iati(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date,
    reporter: str | None = None,
    sector: IatiSector = DEFAULT_SECTOR,
    year_starts: int = 1,
    identifiers: Mapping[str, str] = MappingProxyType({}),
) -> Export[str]:
    """Write a portfolio as IATI 2.03 activities, as recorded on ``as_of``.

    Each partnership that has begun by ``as_of`` becomes one ``<iati-activity>``,
    written so that it passes every error-level rule of IATI's Standard Ruleset:

    - Current members become participating organisations with the roles of
      :data:`~samarbejde.interop.IATI_ORGANISATION_ROLES` (a project's owner is
      accountable; funders from its funding are funding), with ``ref`` the identifier
      ``DK-CVR-<cvr>`` when they have a CVR number and ``type`` from their sector
      (:data:`~samarbejde.interop.IATI_ORGANISATION_TYPES`). Members who left by
      ``as_of`` are left out, reported, and never report.
    - The reporting organisation is ``reporter`` when given; otherwise the first current
      participant with a CVR number, preferring accountable, then extending, funding and
      implementing ones. The identifier is the one ``identifiers`` gives for the
      partnership (IATI identifiers never change once reported; the reporter it was
      first published under, if another, becomes an ``other-identifier`` of type B1),
      else the reporter's identifier, ``-`` and the partnership id.
    - ``sector`` on every activity; the phase on ``as_of`` gives the activity status
      (:data:`~samarbejde.interop.IATI_ACTIVITY_STATUS`) and the dates agree with it:
      an actual start on the first phase past the pipeline, an actual end on a final
      phase, planned dates from the term or the horizon.
    - Funding with an end gives original, indicative budgets, one per year (a year
      begins in month ``year_starts``): each of its periods' amounts (or, without
      periods, its whole amount) shared over its years by their days, and summed per
      year, so no two budgets overlap (D91). Every funder of a joint funding is a
      funding participant.
    - Goals give outcome results with the goal id as reference, an indicator
      (percentage when its measure is, or without a measure when it names ``%``;
      descending when lower is better), a baseline dated at the start, a target due on
      the goal's date, and each measurement as a period with its actual value.
    - Areas give locations; a parent partnership gives a related activity and
      ``@hierarchy`` counts the levels; ``generated-datetime`` and
      ``last-updated-datetime`` are the start of ``as_of`` (never the clock).

    Args:
        portfolio: The portfolio to write.
        as_of: The day the activities are reported as of.
        reporter: The id of the organisation that reports every activity (it needs a
            CVR number); fix it to keep identifiers stable as members come and go.
        sector: The sector of every activity (:data:`DEFAULT_SECTOR`, DAC 16010, unless
            given).
        year_starts: The month a budget year begins: 1 for calendar years, e.g. 7 for
            a financial year from July.
        identifiers: Partnership id -> the IATI identifier it was first reported under.

    Returns:
        The XML text of an ``<iati-activities version="2.03">`` document and what IATI
        could not say (including partnerships left out and why).

    Raises:
        InteropError: No partnership can be an activity (IATI needs at least one), or
            ``reporter`` is no organisation of the portfolio with a CVR number.
        ValueError: ``year_starts`` is not a month, or an identifier given is none IATI
            can take.
        DateTypeError: ``as_of`` is not a calendar date (a ``TypeError``; D64).
    """
    as_of = days.day(as_of, "as_of")
    if not 1 <= year_starts <= 12:
        raise ValueError(f"year_starts must be a month, 1 to 12, not {year_starts!r}")
    for ident, given in identifiers.items():
        if not (isinstance(given, str) and _CODE.fullmatch(given)):
            raise ValueError(
                f"the IATI identifier of {ident!r} has white space, a control character"
                f" or one of / & | ?: {given!r}"
            )
    recorded = portfolio.as_of(as_of)
    fixed = None
    if reporter is not None:
        try:
            fixed = recorded.organisation(reporter)
        except KeyError:
            fixed = None
        if fixed is None or fixed.identifiers.cvr is None:
            raise InteropError(
                f"the reporter {reporter!r} is no organisation of the portfolio with a CVR number"
            )
    begun = {p.id for p in recorded.partnerships}
    run = _Activities(
        recorded,
        as_of,
        reporter=fixed,
        sector=sector,
        first_month=year_starts,
        identifiers=identifiers,
    )
    for partnership in portfolio.partnerships:
        if partnership.id not in begun:
            run.omit(f"partnerships[{partnership.id}]", f"had not begun by {as_of}")
    for x in recorded.lists:
        run.omit(f"lists[{x.id}]", why(FIELDS, Portfolio, "lists"))
    run.plan()
    root = ET.Element(
        "iati-activities", {"version": IATI_VERSION, "generated-datetime": _datetime(as_of)}
    )
    written: set[str] = set()
    for partnership in recorded.partnerships:
        if partnership.id in run.reporters and partnership.id not in written:
            written.add(partnership.id)
            root.append(run.activity(partnership))
    if not len(root):
        raise InteropError(
            "no partnership can be written as an IATI activity (IATI needs at least one)",
            run.omitted,
        )
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return Export('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n", tuple(run.omitted))
