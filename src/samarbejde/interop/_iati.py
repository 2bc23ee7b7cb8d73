"""IATI 2.03: one activity per partnership, as the XML of ``<iati-activities>``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from types import MappingProxyType

import pendulum

from samarbejde.interop._result import Export, InteropError, Omission
from samarbejde.interop._tables import (
    IATI_ACTIVITY_STATUS,
    IATI_ORGANISATION_ROLES,
    IATI_ORGANISATION_TYPES,
    FieldTable,
    Mapped,
    Omitted,
    why,
)
from samarbejde.model import (
    Area,
    Funding,
    Goal,
    Identifiers,
    Membership,
    Money,
    Organisation,
    Partnership,
    PhaseChange,
    Portfolio,
    ProjectLifecycle,
    StrategicLifecycle,
    Term,
    Vision,
)
from samarbejde.model.iso import write_date, write_decimal

__all__ = ["FIELDS", "IATI_VERSION", "REGISTRATION_AGENCY", "organisation_identifier", "to_iati"]

#: The version of the IATI Standard written.
IATI_VERSION = "2.03"
#: The IATI registration agency of CVR numbers (OrganisationRegistrationAgency list).
REGISTRATION_AGENCY = "DK-CVR"

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# ActivityDateType, BudgetType, BudgetStatus, ResultType, IndicatorMeasure,
# RelatedActivityType codes (2.03 code lists).
_PLANNED_START, _ACTUAL_START, _PLANNED_END, _ACTUAL_END = "1", "2", "3", "4"
_ORIGINAL_BUDGET, _INDICATIVE = "1", "1"
_OUTCOME, _UNIT = "2", "1"
_PARENT, _CHILD = "1", "2"
# Reporting organisation: the accountable one first, then extending, funding, implementing.
_REPORTER_PREFERENCE = ("2", "3", "1", "4")

_NOT_AN_ORGANISATION = "{ident!r} is not an organisation of the portfolio"
_NOT_THE_ACTIVITY = "IATI describes the activity, not its participants"
_IN_LIFECYCLE = Omitted("reduced with the lifecycle (its omission says so)", reported=False)

#: Every field the IATI export reads: where it goes in IATI 2.03, or why it is left out.
FIELDS: FieldTable = MappingProxyType(
    {
        (Portfolio, "organisations"): Mapped("reporting-org, participating-org"),
        (Portfolio, "areas"): Mapped("location"),
        (Portfolio, "partnerships"): Mapped("iati-activity"),
        (Organisation, "id"): Mapped("who participates (members, owners, funders)"),
        (Organisation, "name"): Mapped("reporting-org, participating-org narrative"),
        (Organisation, "sector"): Mapped("@type (IATI_ORGANISATION_TYPES)"),
        (Organisation, "parent"): Omitted(_NOT_THE_ACTIVITY, reported=False),
        (Organisation, "identifiers"): Mapped("@ref"),
        (Organisation, "remit"): Omitted(_NOT_THE_ACTIVITY, reported=False),
        (Organisation, "entry_points"): Omitted(_NOT_THE_ACTIVITY, reported=False),
        (Identifiers, "cvr"): Mapped("@ref DK-CVR-<cvr>; the iati-identifier's prefix"),
        (Identifiers, "kommunekode"): Omitted(_NOT_THE_ACTIVITY, reported=False),
        (Area, "id"): Mapped("location/@ref"),
        (Area, "name"): Mapped("location/name"),
        (Area, "municipality"): Omitted("the activity's locations name no municipality", False),
        (Area, "residents"): Omitted("IATI locations have no population"),
        (Area, "classifications"): Omitted("IATI has no government lists"),
        (Partnership, "id"): Mapped("iati-identifier (the reporter's identifier, '-', the id)"),
        (Partnership, "name"): Mapped("title"),
        (Partnership, "lifecycle"): Mapped(
            "activity-status, activity-date",
            "IATI has one activity status: the dated phase history, reviews and earlier"
            " lifecycles are reduced to it and the activity dates",
        ),
        (Partnership, "areas"): Mapped("location", "not an area"),
        (Partnership, "earlier"): Mapped("activity-date types 1 and 2 (the first lifecycle)"),
        (Partnership, "parent"): Mapped("related-activity type 1", "the parent is not an activity"),
        (Partnership, "vision"): Mapped("description type 1"),
        (Partnership, "challenges"): Omitted("IATI activities have no challenges"),
        (Partnership, "goals"): Mapped("result type 2 (outcome)"),
        (Partnership, "members"): Mapped("participating-org (IATI_ORGANISATION_ROLES)"),
        (Partnership, "commitments"): Omitted("IATI activities have no commitments"),
        (Partnership, "agreements"): Omitted("IATI activities have no agreements"),
        (Partnership, "governance"): Omitted("IATI activities have no governance"),
        (Partnership, "funding"): Mapped("budget; participating-org role 1 (funding)"),
        (ProjectLifecycle, "term"): Mapped("activity-date types 1 and 3 (planned start, end)"),
        (ProjectLifecycle, "phases"): Mapped("activity-status; activity-date types 2 and 4"),
        (ProjectLifecycle, "owner"): Mapped("participating-org role 2", _NOT_AN_ORGANISATION),
        (StrategicLifecycle, "since"): Mapped("with the horizon, activity-date type 3"),
        (StrategicLifecycle, "phases"): Mapped("activity-status; activity-date types 2 and 4"),
        (StrategicLifecycle, "horizon"): Mapped("activity-date type 3 (planned end)"),
        (StrategicLifecycle, "review_every"): _IN_LIFECYCLE,
        (StrategicLifecycle, "reviews"): _IN_LIFECYCLE,
        (PhaseChange, "phase"): Mapped("activity-status (IATI_ACTIVITY_STATUS)"),
        (PhaseChange, "on"): Mapped("activity-date types 2 and 4 (actual start, end)"),
        (Term, "start"): Mapped("activity-date type 1; budget period-start, value-date"),
        (Term, "end"): Mapped("activity-date type 3; budget period-end"),
        (Vision, "text"): Mapped("description type 1"),
        (Vision, "agreed_on"): Omitted("IATI descriptions have no agreement"),
        (Vision, "agreed_by"): Omitted("IATI descriptions have no agreement", reported=False),
        (Goal, "id"): Omitted("IATI results have no identifier", reported=False),
        (Goal, "title"): Mapped("result/title; the indicator's title without an indicator"),
        (Goal, "indicator"): Mapped("result/indicator/title"),
        (Goal, "baseline"): Mapped("result/indicator/baseline, dated at the start"),
        (Goal, "target"): Mapped(
            "result/indicator/period/target",
            "an IATI target needs a period: the goal has no due date",
        ),
        (Goal, "due"): Mapped(
            "result/indicator/period/period-end", "an IATI period needs a target value"
        ),
        (Goal, "owners"): Omitted("IATI results have no owners"),
        (Goal, "challenges"): Omitted("IATI results answer no challenges"),
        (Membership, "organisation"): Mapped("participating-org", _NOT_AN_ORGANISATION),
        (Membership, "role"): Mapped(
            "participating-org/@role (IATI_ORGANISATION_ROLES)",
            "IATI has no organisation role for {role!r}",
        ),
        (Membership, "joined"): Omitted("IATI participating organisations have no period"),
        (Membership, "left"): Omitted("IATI participating organisations have no period", False),
        (Membership, "representative"): Omitted(_NOT_THE_ACTIVITY, reported=False),
        (Membership, "mandates"): Omitted(_NOT_THE_ACTIVITY, reported=False),
        (Membership, "interests"): Omitted(_NOT_THE_ACTIVITY, reported=False),
        (Funding, "id"): Omitted("IATI budgets have no identifier", reported=False),
        (Funding, "funder"): Mapped("participating-org role 1", _NOT_AN_ORGANISATION),
        (Funding, "amount"): Mapped("budget/value"),
        (Funding, "term"): Mapped(
            "budget/period-start, period-end", "an IATI budget needs a period with an end"
        ),
        (Funding, "kind"): Omitted("IATI budgets do not say where the money comes from"),
        (Money, "amount"): Mapped("budget/value"),
        (Money, "currency"): Mapped("budget/value/@currency"),
    }
)

#: The partnership fields IATI leaves out, in the table's order (their omissions' order).
_LEFT_OUT = tuple(
    field
    for (record, field), where in FIELDS.items()
    if record is Partnership and isinstance(where, Omitted) and where.reported
)


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


def _text(parent: ET.Element, tag: str, text: str, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    ET.SubElement(element, "narrative").text = text
    return element


class _Activities:
    """One :func:`to_iati` run over a portfolio recorded as of a day."""

    def __init__(self, portfolio: Portfolio) -> None:
        self.portfolio = portfolio
        self.omitted: list[Omission] = []
        self.identifiers: dict[str, str] = {}
        self.reporters: dict[str, Organisation] = {}
        self.seen_areas: set[str] = set()
        self.participants_cache: dict[str, list[tuple[Organisation, str]]] = {}

    def omit(self, path: str, reason: str) -> None:
        self.omitted.append(Omission(path, reason))

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
        for member in partnership.members:
            where = f"{path}.members[{member.organisation}]"
            role = IATI_ORGANISATION_ROLES.get(member.role)
            if role is None:
                reason = why(FIELDS, Membership, "role").format(role=member.role)
                self.omit(f"{where}.role", reason)
            else:
                wanted.append((member.organisation, role, where))
            self.omit(f"{where}.joined", why(FIELDS, Membership, "joined"))
        for funding in partnership.funding:
            wanted.append((funding.funder, "1", f"{path}.funding[{funding.id}].funder"))
        found: list[tuple[Organisation, str]] = []
        for ident, role, where in wanted:
            org = self._organisation(ident)
            if org is None:
                self.omit(where, why(FIELDS, Membership, "organisation").format(ident=ident))
            elif not any(o.id == ident and r == role for o, r in found):
                found.append((org, role))
        return found

    def reporter(self, partnership: Partnership) -> Organisation | None:
        participants = self.participants_cache[partnership.id]
        for role in _REPORTER_PREFERENCE:
            for org, played in participants:
                if played == role and org.identifiers.cvr is not None:
                    return org
        return None

    def plan(self) -> None:
        """Choose each partnership's reporting organisation and IATI identifier."""
        for partnership in self.portfolio.partnerships:
            if partnership.id in self.participants_cache:
                self.omit(f"partnerships[{partnership.id}]", "a second partnership with this id")
                continue
            self.participants_cache[partnership.id] = self.participants(partnership)
            reporter = self.reporter(partnership)
            path = f"partnerships[{partnership.id}]"
            if not self.participants_cache[partnership.id]:
                self.omit(path, "no member plays an IATI organisation role")
            elif reporter is None:
                self.omit(
                    path,
                    "no participating organisation has a CVR number, so there is no"
                    " reporting organisation identifier",
                )
            else:
                self.reporters[partnership.id] = reporter
                ref = organisation_identifier(reporter)
                self.identifiers[partnership.id] = f"{ref}-{partnership.id}"

    def activity(self, partnership: Partnership) -> ET.Element:
        path = f"partnerships[{partnership.id}]"
        reporter = self.reporters[partnership.id]
        activity = ET.Element("iati-activity", {_XML_LANG: "da"})
        ET.SubElement(activity, "iati-identifier").text = self.identifiers[partnership.id]
        _text(
            activity,
            "reporting-org",
            reporter.name,
            ref=organisation_identifier(reporter) or "",
            type=IATI_ORGANISATION_TYPES[reporter.sector],
        )
        _text(activity, "title", partnership.name)
        vision = partnership.vision
        _text(activity, "description", vision.text if vision else partnership.name, type="1")
        if vision is not None:
            self.omit(f"{path}.vision.agreed_on", why(FIELDS, Vision, "agreed_on"))
        for org, role in self.participants_cache[partnership.id]:
            attrib = {"role": role, "type": IATI_ORGANISATION_TYPES[org.sector]}
            ref = organisation_identifier(org)
            if ref is not None:
                attrib = {"ref": ref, **attrib}
            _text(activity, "participating-org", org.name, **attrib)
        ET.SubElement(
            activity, "activity-status", code=IATI_ACTIVITY_STATUS[partnership.lifecycle.phase]
        )
        self.dates(activity, partnership)
        ET.SubElement(activity, "recipient-country", code="DK")
        self.locations(activity, partnership)
        self.budgets(activity, partnership)
        self.related(activity, partnership)
        for goal in partnership.goals:
            self.result(activity, partnership, goal)
        for name in _LEFT_OUT:
            if getattr(partnership, name):
                self.omit(f"{path}.{name}", why(FIELDS, Partnership, name))
        return activity

    def dates(self, activity: ET.Element, partnership: Partnership) -> None:
        first, current = partnership.lifecycles[0], partnership.lifecycle
        dates: list[tuple[str, pendulum.Date]] = []
        if isinstance(first, ProjectLifecycle):
            dates.append((_PLANNED_START, first.term.start))
        dates.append((_ACTUAL_START, first.started))
        if current.ended is not None:
            dates.append((_ACTUAL_END, current.ended))
        elif isinstance(current, ProjectLifecycle) and current.term.end is not None:
            dates.append((_PLANNED_END, current.term.end))
        elif isinstance(current, StrategicLifecycle) and current.horizon_end is not None:
            dates.append((_PLANNED_END, current.horizon_end))
        for kind, day in dates:
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
            _text(location, "name", area.name)
            if area.id in self.seen_areas:
                continue
            self.seen_areas.add(area.id)
            if area.residents is not None:
                self.omit(f"areas[{area.id}].residents", why(FIELDS, Area, "residents"))
            if area.classifications:
                self.omit(f"areas[{area.id}].classifications", why(FIELDS, Area, "classifications"))

    def budgets(self, activity: ET.Element, partnership: Partnership) -> None:
        for funding in partnership.funding:
            path = f"partnerships[{partnership.id}].funding[{funding.id}]"
            if funding.term.end is None:
                self.omit(path, why(FIELDS, Funding, "term"))
                continue
            budget = ET.SubElement(activity, "budget", type=_ORIGINAL_BUDGET, status=_INDICATIVE)
            ET.SubElement(budget, "period-start", {"iso-date": write_date(funding.term.start)})
            ET.SubElement(budget, "period-end", {"iso-date": write_date(funding.term.end)})
            value = ET.SubElement(
                budget,
                "value",
                {"currency": funding.amount.currency, "value-date": write_date(funding.term.start)},
            )
            value.text = write_decimal(funding.amount.amount)
            self.omit(f"{path}.kind", why(FIELDS, Funding, "kind"))

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
        for child in self.portfolio.partnerships:
            if child.parent == partnership.id and child.id in self.identifiers:
                ET.SubElement(
                    activity, "related-activity", ref=self.identifiers[child.id], type=_CHILD
                )

    def result(self, activity: ET.Element, partnership: Partnership, goal: Goal) -> None:
        path = f"partnerships[{partnership.id}].goals[{goal.id}]"
        start = partnership.lifecycles[0].started
        result = ET.SubElement(activity, "result", type=_OUTCOME)
        _text(result, "title", goal.title)
        indicator = ET.SubElement(result, "indicator", measure=_UNIT)
        _text(indicator, "title", goal.indicator or goal.title)
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
        if goal.target is not None and goal.due is not None:
            period = ET.SubElement(indicator, "period")
            ET.SubElement(period, "period-start", {"iso-date": write_date(start)})
            ET.SubElement(period, "period-end", {"iso-date": write_date(goal.due)})
            ET.SubElement(period, "target", value=write_decimal(goal.target))
        elif goal.target is not None:
            self.omit(f"{path}.target", why(FIELDS, Goal, "target"))
        elif goal.due is not None:
            self.omit(f"{path}.due", why(FIELDS, Goal, "due"))
        for name in ("owners", "challenges"):
            if getattr(goal, name):
                self.omit(f"{path}.{name}", why(FIELDS, Goal, name))


def to_iati(portfolio: Portfolio, *, as_of: pendulum.Date) -> Export[str]:
    """Write a portfolio as IATI 2.03 activities, as recorded on ``as_of``.

    Each partnership that has begun by ``as_of`` becomes one ``<iati-activity>``:
    members become participating organisations with the roles of
    :data:`~samarbejde.interop.IATI_ORGANISATION_ROLES` (a project's owner is
    accountable; funders from its funding are funding), with ``ref`` the identifier
    ``DK-CVR-<cvr>`` when they have a CVR number and ``type`` from their sector
    (:data:`~samarbejde.interop.IATI_ORGANISATION_TYPES`). The reporting organisation
    is the first participant with a CVR number, preferring accountable, then extending,
    funding and implementing ones; the activity's identifier is its identifier,
    ``-`` and the partnership id. The phase on ``as_of`` gives the activity status
    (:data:`~samarbejde.interop.IATI_ACTIVITY_STATUS`); the lifecycle gives the
    activity dates (actual start, actual or planned end, a project's planned start);
    funding with an end gives original, indicative budgets; goals give outcome results
    with an indicator, a baseline dated at the start and a target due on the goal's
    date; areas give locations; a parent partnership gives a related activity.

    Args:
        portfolio: The portfolio to write.
        as_of: The day the activities are reported as of.

    Returns:
        The XML text of an ``<iati-activities version="2.03">`` document and what IATI
        could not say (including partnerships left out and why).

    Raises:
        InteropError: No partnership can be an activity (IATI needs at least one).
    """
    recorded = portfolio.as_of(as_of)
    begun = {p.id for p in recorded.partnerships}
    run = _Activities(recorded)
    for partnership in portfolio.partnerships:
        if partnership.id not in begun:
            run.omit(f"partnerships[{partnership.id}]", f"had not begun by {as_of}")
    run.plan()
    root = ET.Element("iati-activities", version=IATI_VERSION)
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
