"""A funding's change history in the report: each change, its day and what changed (D92).

A :class:`~samarbejde.FundingChange` keeps what the funding was before the change; what
it became is the next change's earlier state, or the funding as it stands. The kind of
change (ended early, extended, amended) reads off the difference, as D92 says.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from samarbejde.model import Funding, FundingChange, Lang, PeriodAmount, Portfolio, label
from samarbejde.model._html import escape as _e
from samarbejde.report._format import format_date, format_money
from samarbejde.report._periods import shares_text, span
from samarbejde.report._texts import say

__all__ = ["changes_html"]

State = Funding | FundingChange


def changes_html(portfolio: Portfolio, fundings: Sequence[Funding], lang: Lang) -> str:
    """One line per change of each funding, oldest first; ``""`` when none has changed."""
    items = [
        f"<li>{_e(_line(portfolio, funding, i, lang))}</li>"
        for funding in fundings
        for i in range(len(funding.changes))
    ]
    if not items:
        return ""
    return (
        f'<p class="sub">{_e(say("funding_changes", lang))}</p>'
        f'<ul class="changes">{"".join(items)}</ul>'
    )


def _line(portfolio: Portfolio, funding: Funding, index: int, lang: Lang) -> str:
    before: State = funding.changes[index]
    after: State = funding.changes[index + 1] if index + 1 < len(funding.changes) else funding
    what = _what(portfolio, before, after, lang) or [say("change_none", lang)]
    funder = funding.funder
    with suppress(KeyError):  # an unknown funder is named by its id (S001 says so)
        funder = portfolio.organisation(funding.funder).name
    return say(
        "change_line",
        lang,
        funder=funder,
        funding_kind=label(funding.kind, lang),
        change=say(f"change_{_kind(before, after)}", lang),
        day=format_date(funding.changes[index].on, lang),
        what="; ".join(what),
    )


def _kind(before: State, after: State) -> str:
    """``ended``, ``extended`` or ``amended``: what the change did to the funding's end."""
    old, new = before.term.end, after.term.end
    if new is not None and (old is None or new < old):
        return "ended"
    if old is not None and (new is None or new > old):
        return "extended"
    return "amended"


def _what(portfolio: Portfolio, before: State, after: State, lang: Lang) -> list[str]:
    """What differs between two states of a funding, in words."""
    parts = []
    if before.amount != after.amount:
        old, new = format_money(before.amount, lang), format_money(after.amount, lang)
        parts.append(say("change_amount", lang, before=old, after=new))
    if before.term.start != after.term.start:
        old, new = format_date(before.term.start, lang), format_date(after.term.start, lang)
        parts.append(say("change_start", lang, before=old, after=new))
    if before.term.end != after.term.end:
        parts.append(say("change_end", lang, before=_end(before, lang), after=_end(after, lang)))
    dropped = [p for p in before.periods if p not in after.periods]
    added = [p for p in after.periods if p not in before.periods]
    if dropped:
        parts.append(say("change_periods_dropped", lang, periods=_periods(dropped, lang)))
    if added:
        parts.append(say("change_periods_added", lang, periods=_periods(added, lang)))
    if before.shares != after.shares:
        old, new = (
            shares_text(portfolio, s.shares, lang) or say("change_no_shares", lang)
            for s in (before, after)
        )
        parts.append(say("change_shares", lang, before=old, after=new))
    return parts


def _end(state: State, lang: Lang) -> str:
    end = state.term.end
    return say("open_ended", lang) if end is None else format_date(end, lang)


def _periods(periods: Sequence[PeriodAmount], lang: Lang) -> str:
    return ", ".join(
        f"{span(p.term.start, p.term.end, lang)}: {format_money(p.amount, lang)}" for p in periods
    )
