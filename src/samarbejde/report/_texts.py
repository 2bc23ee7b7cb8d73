"""The report's own words in Danish and English: the one table of them.

Enum values and known codes are labelled by :func:`samarbejde.label`; maturity levels,
dimensions and severities by their own ``label(lang)``. Everything else the page says
is here, once, as the package's bilingual :class:`~samarbejde.model.Text`.
"""

from __future__ import annotations

from types import MappingProxyType

from samarbejde.model import Lang, Text
from samarbejde.model.text import check_lang

__all__ = ["MONTHS", "TEXTS", "say"]

_TEXTS: dict[str, Text] = {
    # how numbers, amounts and dates are written
    "number.group": Text("report.number.group"),
    "number.point": Text("report.number.point"),
    "money.dkk": Text("report.money.dkk"),
    "money.other": Text("report.money.other"),
    "date": Text("report.date"),
    "unknown": Text("report.unknown"),
    # the page
    "title": Text("report.title"),
    "as_of": Text("report.as_of"),
    "contents": Text("report.contents"),
    "made_by": Text("report.made_by"),
    "portfolio": Text("report.portfolio"),
    "portfolio_counts": Text("report.portfolio_counts"),
    "overview": Text("report.overview"),
    "overview_caption": Text("report.overview_caption"),
    "no_partnerships": Text("report.no_partnerships"),
    # columns and facts
    "partnership": Text("report.partnership"),
    "form": Text("report.form"),
    "phase": Text("report.phase"),
    "since": Text("report.since"),
    "until": Text("report.until"),
    "open_ended": Text("report.open_ended"),
    "areas": Text("report.areas"),
    "no_areas": Text("report.no_areas"),
    "area_line": Text("report.area_line"),
    "classified": Text("report.classified"),
    "classified_ended": Text("report.classified_ended"),
    "not_on_lists": Text("report.not_on_lists"),
    "level": Text("report.level"),
    "findings": Text("report.findings"),
    "form.project": Text("report.form.project"),
    "form.strategic": Text("report.form.strategic"),
    "parent": Text("report.parent"),
    "reviews": Text("report.reviews"),
    # members
    "members": Text("report.members"),
    "members_caption": Text("report.members_caption"),
    "sector": Text("report.sector"),
    "organisation": Text("report.organisation"),
    "role": Text("report.role"),
    "joined": Text("report.joined"),
    "missing": Text("report.missing"),
    "all_present": Text("report.all_present"),
    "no_members": Text("report.no_members"),
    "unknown_organisation": Text("report.unknown_organisation"),
    # maturity
    "maturity": Text("report.maturity"),
    "maturity_line": Text("report.maturity_line"),
    "maturity_caption": Text("report.maturity_caption"),
    "dimension": Text("report.dimension"),
    "score": Text("report.score"),
    "evidence": Text("report.evidence"),
    "score_of": Text("report.score_of"),
    "no_maturity": Text("report.no_maturity"),
    # findings
    "findings_none": Text("report.findings_none"),
    "findings_count": Text("report.findings_count"),
    "portfolio_findings": Text("report.portfolio_findings"),
    "line": Text("report.line"),
    # commitments
    "overdue": Text("report.overdue"),
    "overdue_caption": Text("report.overdue_caption"),
    "overdue_none": Text("report.overdue_none"),
    "commitment": Text("report.commitment"),
    "by": Text("report.by"),
    "kind": Text("report.kind"),
    "status": Text("report.status"),
    "due": Text("report.due"),
    "days_overdue": Text("report.days_overdue"),
    "promised": Text("report.promised"),
    "delivered": Text("report.delivered"),
    "nothing_delivered": Text("report.nothing_delivered"),
    # funding
    "funding": Text("report.funding"),
    "funding_caption": Text("report.funding_caption"),
    "funder": Text("report.funder"),
    "amount": Text("report.amount"),
    "period": Text("report.period"),
    "funding_none": Text("report.funding_none"),
    "ends": Text("report.ends"),
    "cliff": Text("report.cliff"),
    "cliff_line": Text("report.cliff_line"),
    "follows.funding": Text("report.follows.funding"),
    "follows.strategic_form": Text("report.follows.strategic_form"),
    "follows.parent": Text("report.follows.parent"),
    "sources": Text("report.sources"),
    "sources_of_portfolio": Text("report.sources_of_portfolio"),
    "read_on": Text("report.read_on"),
    "cited.Organisation": Text("report.cited.Organisation"),
    "cited.Area": Text("report.cited.Area"),
    "cited.Classification": Text("report.cited.Classification"),
    "cited.Partnership": Text("report.cited.Partnership"),
    "cited.Membership": Text("report.cited.Membership"),
    "cited.Mandate": Text("report.cited.Mandate"),
    "cited.Commitment": Text("report.cited.Commitment"),
    "cited.Vision": Text("report.cited.Vision"),
    "cited.Challenge": Text("report.cited.Challenge"),
    "cited.Goal": Text("report.cited.Goal"),
    "cited.Agreement": Text("report.cited.Agreement"),
    "cited.GovernanceBody": Text("report.cited.GovernanceBody"),
    "cited.Funding": Text("report.cited.Funding"),
    # pictures
    "pictures": Text("report.pictures"),
    "timeline": Text("report.timeline"),
    "timeline_desc": Text("report.timeline_desc"),
    "funding_picture": Text("report.funding_picture"),
    "funding_desc": Text("report.funding_desc"),
    "network": Text("report.network"),
    "network_desc": Text("report.network_desc"),
    "open": Text("report.open"),
    "legend_review": Text("report.legend_review"),
    "legend_planned": Text("report.legend_planned"),
    "today": Text("report.today"),
    "goals": Text("report.goals"),
    "goals_none": Text("report.goals_none"),
    "goals_caption": Text("report.goals_caption"),
    "goal": Text("report.goal"),
    "indicator": Text("report.indicator"),
    "from_to": Text("report.from_to"),
    "goal_due": Text("report.goal_due"),
    "latest": Text("report.latest"),
    "way": Text("report.way"),
    "trend": Text("report.trend"),
    "on_track": Text("report.on_track"),
    "off_track": Text("report.off_track"),
    "no_trend": Text("report.no_trend"),
    "not_measured": Text("report.not_measured"),
    "measured_every": Text("report.measured_every"),
    "value_on": Text("report.value_on"),
    "measurements": Text("report.measurements"),
    "measurements_caption": Text("report.measurements_caption"),
    "measured_for": Text("report.measured_for"),
    "value": Text("report.value"),
    "source": Text("report.source"),
    "reported_by": Text("report.reported_by"),
    "approved_by": Text("report.approved_by"),
    "by_post": Text("report.by_post"),
    # funding
    "governance": Text("report.governance"),
    "bodies_caption": Text("report.bodies_caption"),
    "no_bodies": Text("report.no_bodies"),
    "body": Text("report.body"),
    "power": Text("report.power"),
    "term": Text("report.term"),
    "meets": Text("report.meets"),
    "seats": Text("report.seats"),
    "seats_in_all": Text("report.seats_in_all"),
    "seat_unknown": Text("report.seat_unknown"),
    "hosted_by": Text("report.hosted_by"),
    "involvement_caption": Text("report.involvement_caption"),
    "event": Text("report.event"),
    "held_on": Text("report.held_on"),
    "took_part": Text("report.took_part"),
    "produced": Text("report.produced"),
    "by_period": Text("report.by_period"),
    "share_unknown": Text("report.share_unknown"),
    "funding_changed": Text("report.funding_changed"),
    # plan periods
    "periods": Text("report.periods"),
    "continuity": Text("report.continuity"),
    "continuity_gaps": Text("report.continuity_gaps"),
    "continuity_one": Text("report.continuity_one"),
    "period_themes": Text("report.period_themes"),
    "period_areas": Text("report.period_areas"),
    "period_agreement": Text("report.period_agreement"),
    "national_title": Text("report.national_title"),
    "national_intro": Text("report.national_intro"),
    "back_to_overview": Text("report.back_to_overview"),
    "counted_what": Text("report.counted_what"),
    "partnerships": Text("report.partnerships"),
    "strategic_count": Text("report.strategic_count"),
    "by_region": Text("report.by_region"),
    "by_kommune": Text("report.by_kommune"),
    "by_form": Text("report.by_form"),
    "by_phase": Text("report.by_phase"),
    "by_level": Text("report.by_level"),
    "all_partnerships": Text("report.all_partnerships"),
    "kommune": Text("report.kommune"),
    "no_kommune": Text("report.no_kommune"),
    "findings_ewi": Text("report.findings_ewi"),
    "listed_areas": Text("report.listed_areas"),
    "listed_counts": Text("report.listed_counts"),
    "area": Text("report.area"),
    "list": Text("report.list"),
    "strategic": Text("report.strategic"),
    "none": Text("report.none"),
    "missing_sectors": Text("report.missing_sectors"),
    "funding_by_year": Text("report.funding_by_year"),
    "year": Text("report.year"),
    "funding_ends": Text("report.funding_ends"),
    "cliffs": Text("report.cliffs"),
    "overdue_ranked": Text("report.overdue_ranked"),
    "overdue_total": Text("report.overdue_total"),
    "rules_counted": Text("report.rules_counted"),
    "code": Text("report.code"),
    "severity": Text("report.severity"),
}

#: Every text of the report, by key.
TEXTS = MappingProxyType(_TEXTS)

_MONTHS: tuple[Text, ...] = (
    Text("report.january"),
    Text("report.february"),
    Text("report.march"),
    Text("report.april"),
    Text("report.may"),
    Text("report.june"),
    Text("report.july"),
    Text("report.august"),
    Text("report.september"),
    Text("report.october"),
    Text("report.november"),
    Text("report.december"),
)

#: The months' names, January first.
MONTHS = _MONTHS


def say(key: str, lang: Lang, /, **values: object) -> str:
    """The text ``key`` in ``lang``, filled with ``values`` (not escaped).

    Raises:
        KeyError: The table has no such text.
        ValueError: ``lang`` is neither ``"da"`` nor ``"en"``.

    >>> say("as_of", "en", day="1 June 2025")
    'As of 1 June 2025'
    """
    text = _TEXTS[key].pick(check_lang(lang))
    return text.format(**values) if values else text
