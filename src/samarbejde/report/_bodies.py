"""The report's section on how a partnership is run: bodies, secretariat, involvement.

Each governance body in force on the page's day with its kind, decision power, term,
meeting rhythm and seats; the secretariat and where it sits; the involvement events
held by then, with who took part and what they produced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from samarbejde.model import GovernanceBody, Lang, Partnership, Portfolio, Seat, label
from samarbejde.model._html import escape as _e
from samarbejde.model.terms import Term
from samarbejde.model.text import say_duration
from samarbejde.report._format import format_date
from samarbejde.report._texts import say

__all__ = ["bodies_html"]

#: A table maker: caption, headers, rows of HTML cells (the page's ``_table``).
Table = Callable[[str, Sequence[str], Iterable[Sequence[str]]], str]


def _name(portfolio: Portfolio, organisation: str) -> str:
    try:
        return portfolio.organisation(organisation).name
    except KeyError:
        return organisation


def _term(term: Term | None, lang: Lang) -> str:
    if term is None:
        return "?"
    end = say("open_ended", lang) if term.end is None else format_date(term.end, lang)
    return f"{format_date(term.start, lang)} - {end}"


def _seat(portfolio: Portfolio, seat: Seat, lang: Lang) -> str:
    who = (
        say("seat_unknown", lang)
        if seat.organisation is None
        else _name(portfolio, seat.organisation)
    )
    post = "" if seat.post is None else f", {seat.post}"
    count = "" if seat.count == 1 else f"{seat.count} x "
    return f"{count}{who}{post} ({label(seat.role, lang)})"


def _seats(portfolio: Portfolio, body: GovernanceBody, lang: Lang) -> str:
    held = [_e(_name(portfolio, o)) for o in body.members]
    held += [_e(_seat(portfolio, s, lang)) for s in body.seats]
    size = "" if body.size is None else _e(say("seats_in_all", lang, n=body.size)) + " "
    return size + ("; ".join(held) or "-")


def bodies_html(portfolio: Portfolio, partnership: Partnership, lang: Lang, table: Table) -> str:
    """The bodies, secretariat and involvement events of ``partnership`` (a view of a day)."""
    parts = []
    rows = [
        (
            _e(b.name or b.id),
            _e(label(b.kind, lang)),
            _e("?" if b.power is None else label(b.power, lang)),
            _e(_term(b.term, lang)),
            _e("?" if b.meets_every is None else say_duration(b.meets_every, lang)),
            _seats(portfolio, b, lang),
        )
        for b in partnership.governance
    ]
    headers = [say(k, lang) for k in ("body", "kind", "power", "term", "meets", "seats")]
    parts.append(
        table(say("bodies_caption", lang), headers, rows)
        if rows
        else f"<p>{_e(say('no_bodies', lang))}</p>"
    )
    secretariat = partnership.secretariat
    if secretariat is not None:
        where = [
            secretariat.name,
            *(
                []
                if secretariat.host is None
                else [say("hosted_by", lang, host=_name(portfolio, secretariat.host))]
            ),
            *([] if secretariat.address is None else [secretariat.address]),
            *([] if secretariat.area is None else [secretariat.area]),
        ]
        parts.append(f"<p>{_e(label(secretariat.kind, lang))}: {_e(', '.join(where))}</p>")
    events = [
        (
            _e(e.name or e.id),
            _e(label(e.kind, lang)),
            _e(format_date(e.held_on, lang)),
            _e(
                ", ".join(
                    [
                        *(_name(portfolio, o) for o in e.participants),
                        *(label(s, lang) for s in sorted(e.sectors)),
                    ]
                )
                or "-"
            ),
            _e("; ".join([*e.challenges, *e.ideas]) or "-"),
        )
        for e in partnership.involvement
    ]
    if events:
        headers = [say(k, lang) for k in ("event", "kind", "held_on", "took_part", "produced")]
        parts.append(table(say("involvement_caption", lang), headers, events))
    return "".join(parts)
