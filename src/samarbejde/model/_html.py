"""Compact HTML tables of a portfolio and a partnership, for notebooks' ``_repr_html_``.

Built with the standard library only, from the model's own data, so the model can show
itself without importing a layer above it. Every text that comes from the data is
passed through :func:`html.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from html import escape
from typing import TYPE_CHECKING

from samarbejde.model.labels import Lang, label
from samarbejde.model.terms import Term

if TYPE_CHECKING:
    from samarbejde.model.partnerships import Partnership
    from samarbejde.model.portfolio import Portfolio

__all__ = ["MAX_ROWS", "partnership_html", "portfolio_html", "table_html"]

#: Rows shown per table before the rest is summarised in one line.
MAX_ROWS = 30


def _cell(value: object, lang: Lang) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return escape(label(value, lang))
    return escape(str(value))


def table_html(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    caption: str | None = None,
    lang: Lang = "en",
    max_rows: int = MAX_ROWS,
) -> str:
    """An HTML table; enum values are shown by their label in ``lang``.

    Rows beyond ``max_rows`` are left out and counted in a last row.

    >>> table_html(["id"], [["<a>"]])
    '<table><thead><tr><th>id</th></tr></thead><tbody><tr><td>&lt;a&gt;</td></tr></tbody></table>'
    """
    shown: list[str] = []
    hidden = 0
    for row in rows:
        if len(shown) >= max_rows:
            hidden += 1
            continue
        shown.append("<tr>" + "".join(f"<td>{_cell(v, lang)}</td>" for v in row) + "</tr>")
    if hidden:
        more = f"… {hidden} flere" if lang == "da" else f"… {hidden} more"
        shown.append(f'<tr><td colspan="{len(headers)}">{more}</td></tr>')
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    top = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{top}<thead><tr>{head}</tr></thead><tbody>{''.join(shown)}</tbody></table>"


def _words(lang: Lang, da: str, en: str) -> str:
    return da if lang == "da" else en


def portfolio_html(portfolio: Portfolio, lang: Lang = "en") -> str:
    """A portfolio as one row per partnership, under a line of counts."""
    caption = _words(
        lang,
        f"{len(portfolio.organisations)} organisationer, {len(portfolio.areas)} områder, "
        f"{len(portfolio.partnerships)} samarbejder",
        f"{len(portfolio.organisations)} organisations, {len(portfolio.areas)} areas, "
        f"{len(portfolio.partnerships)} partnerships",
    )
    headers = (
        ("Id", "Navn", "Form", "Fase", "Områder", "Medlemmer", "Forpligtelser")
        if lang == "da"
        else ("Id", "Name", "Form", "Phase", "Areas", "Members", "Commitments")
    )
    rows = (
        (
            p.id,
            p.name,
            _form(p, lang),
            p.lifecycle.phase,
            ", ".join(p.areas),
            len(p.members),
            len(p.commitments),
        )
        for p in portfolio.partnerships
    )
    return table_html(headers, rows, caption=caption, lang=lang)


def _form(partnership: Partnership, lang: Lang) -> str:
    if partnership.form == "project":
        return _words(lang, "projekt", "project")
    return _words(lang, "strategisk", "strategic")


def partnership_html(partnership: Partnership, lang: Lang = "en") -> str:
    """A partnership as a heading line and tables of members and commitments."""
    lifecycle = partnership.lifecycle
    heading = (
        f"<p><strong>{escape(partnership.name)}</strong> <code>{escape(partnership.id)}</code>"
        f" · {escape(_form(partnership, lang))} · {_cell(lifecycle.phase, lang)}"
        f" · {_words(lang, 'siden', 'since')} {escape(lifecycle.started.isoformat())}</p>"
    )
    members = table_html(
        ("Organisation", "Rolle", "Indtrådt", "Udtrådt", "Mandater")
        if lang == "da"
        else ("Organisation", "Role", "Joined", "Left", "Mandates"),
        (
            (
                m.organisation,
                label(m.role, lang),
                m.joined.isoformat(),
                None if m.left is None else m.left.isoformat(),
                ", ".join(x.id for x in m.mandates),
            )
            for m in partnership.members
        ),
        caption=_words(lang, "Medlemmer", "Members"),
        lang=lang,
    )
    commitments = table_html(
        ("Id", "Fra", "Art", "Mængde", "Periode", "Status")
        if lang == "da"
        else ("Id", "By", "Kind", "Quantity", "Term", "Status"),
        (
            (
                c.id,
                c.by,
                label(c.kind, lang),
                f"{c.quantity.amount} {label(c.quantity.unit, lang)}",
                _term(c.term),
                c.current,
            )
            for c in partnership.commitments
        ),
        caption=_words(lang, "Forpligtelser", "Commitments"),
        lang=lang,
    )
    return heading + members + commitments


def _term(term: Term) -> str:
    end = "" if term.end is None else term.end.isoformat()
    return f"{term.start.isoformat()} \N{EN DASH} {end}"
