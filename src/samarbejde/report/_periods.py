"""The report's plan periods (D93) and the parts of a funding (D91): by period, by funder."""

from __future__ import annotations

import pendulum

from samarbejde.analysis.periods import continuity
from samarbejde.model import Funding, FundingShare, Lang, Partnership, Portfolio
from samarbejde.model._html import escape as _e
from samarbejde.report._format import format_date, format_money, format_number
from samarbejde.report._texts import say

__all__ = ["amount_cell", "funders_cell", "periods_html", "shares_text", "span"]


def span(start: pendulum.Date, end: pendulum.Date | None, lang: Lang) -> str:
    """From ``start`` to ``end``, or open-ended (plain text)."""
    first = format_date(start, lang)
    last = say("open_ended", lang) if end is None else format_date(end, lang)
    return f"{first} \N{EN DASH} {last}"


def periods_html(portfolio: Portfolio, partnership: Partnership, lang: Lang) -> str:
    """The partnership's plan periods with a line on its continuity; ``""`` without any."""
    steps = continuity(partnership)
    if not steps:
        return ""
    start = format_date(steps[0].start, lang)
    gaps = [s.gap_days for s in steps if s.gap_days]
    if len(steps) == 1:
        line = say("continuity_one", lang, start=start)
    elif gaps:
        line = say(
            "continuity_gaps", lang, count=len(steps), start=start, gaps=len(gaps), days=sum(gaps)
        )
    else:
        line = say("continuity", lang, count=len(steps), start=start)
    items = []
    for period in partnership.periods:
        parts = [span(period.term.start, period.term.end, lang)]
        if period.themes:
            parts.append(say("period_themes", lang, themes=", ".join(period.themes)))
        if period.areas:
            names = ", ".join(_area(portfolio, a) for a in period.areas)
            parts.append(say("period_areas", lang, areas=names))
        if period.agreement is not None:
            parts.append(say("period_agreement", lang, agreement=period.agreement))
        title = period.name or period.id
        items.append(f"<li><strong>{_e(title)}</strong>: {_e('; '.join(parts))}</li>")
    return (
        f"<h4>{_e(say('periods', lang))}</h4>"
        f'<p class="continuity">{_e(line)}</p>'
        f'<ul class="periods">{"".join(items)}</ul>'
    )


def _area(portfolio: Portfolio, area: str) -> str:
    try:
        return portfolio.area(area).name
    except KeyError:
        return area


def funders_cell(portfolio: Portfolio, funding: Funding, lang: Lang) -> str:
    """The funder, or every funder of a joint funding with its share (escaped HTML)."""
    if not funding.shares:
        return _e(_name(portfolio, funding.funder))
    return _e(shares_text(portfolio, funding.shares, lang))


def shares_text(portfolio: Portfolio, shares: tuple[FundingShare, ...], lang: Lang) -> str:
    """Every funder of a joint funding with its share, as plain text (not escaped)."""
    parts = []
    for share in shares:
        name = _name(portfolio, share.organisation)
        if share.share is None:
            parts.append(f"{name} ({say('share_unknown', lang)})")
        else:
            parts.append(f"{name} ({format_number(share.share * 100, lang)} %)")
    return ", ".join(parts)


def _name(portfolio: Portfolio, organisation: str) -> str:
    try:
        return portfolio.organisation(organisation).name
    except KeyError:
        return organisation


def amount_cell(funding: Funding, lang: Lang) -> str:
    """The total, with each period's amount under it when the funding has periods."""
    total = f'<span class="number">{_e(format_money(funding.amount, lang))}</span>'
    if not funding.periods:
        return total
    lines = "".join(
        f"<li>{_e(span(p.term.start, p.term.end, lang))}: "
        f'<span class="number">{_e(format_money(p.amount, lang))}</span></li>'
        for p in funding.periods
    )
    return f'{total}<ul class="by-period" aria-label="{_e(say("by_period", lang))}">{lines}</ul>'
