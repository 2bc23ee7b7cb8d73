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
