"""Compact HTML tables of a portfolio and a partnership, for notebooks' ``_repr_html_``.

Built with the standard library only, from the model's own data, so the model can show
itself without importing a layer above it. Every text that comes from the data is
passed through :func:`escape_text`: escaped, and isolated where it could turn the text
around it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import Enum
from html import escape as _escape
from typing import TYPE_CHECKING

from samarbejde.model.iso import write_date, write_decimal, write_when
from samarbejde.model.labels import label
from samarbejde.model.terms import Term
from samarbejde.model.text import DEFAULT_LANG, Lang, Text, isolate
from samarbejde.model.unknown import UNKNOWN, Unknown

if TYPE_CHECKING:
    from samarbejde.model.partnerships import Partnership
    from samarbejde.model.portfolio import Portfolio

__all__ = ["MAX_ROWS", "escape", "headings", "partnership_html", "portfolio_html", "table_html"]

#: Rows shown per table before the rest is summarised in one line.
MAX_ROWS = 30


def escape(text: object) -> str:
    """``text`` for HTML text or an attribute value: escaped, and isolated (:func:`isolate`).

    >>> escape('<b>"Nord" & \u202esyd</b>')
    '\u2068&lt;b&gt;&quot;Nord&quot; &amp; \u202esyd&lt;/b&gt;\u2069'
    """
    return _escape(isolate(str(text)), quote=True)


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
    lang: Lang = DEFAULT_LANG,
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
        more = _MORE.format(lang, hidden=hidden)
        shown.append(f'<tr><td colspan="{len(headers)}">{more}</td></tr>')
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    top = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{top}<thead><tr>{head}</tr></thead><tbody>{''.join(shown)}</tbody></table>"


_MORE = Text("html.more")
#: Singular and plural of each counted thing, in each language.
_NOUNS = {
    "organisations": (
        Text("html.organisation_2"),
        Text("html.organisations"),
    ),
    "areas": (Text("html.area"), Text("html.areas_2")),
    "partnerships": (Text("html.partnership"), Text("html.partnerships")),
}


def counted(count: int, one: Text, many: Text, lang: Lang) -> str:
    """``1 area``, ``2 areas`` (``0 areas``): the number with its noun in the right number."""
    return f"{count} {(one if count == 1 else many).pick(lang)}"


_FORMS = {"project": Text("html.project"), "strategic": Text("html.strategic")}
_SINCE = Text("html.since")
_MEMBERS = Text("html.members")
_COMMITMENTS = Text("html.commitments")
_PORTFOLIO_HEADERS = (
    Text("html.id"),
    Text("html.name"),
    Text("html.form"),
    Text("html.phase"),
    Text("html.areas"),
    _MEMBERS,
    _COMMITMENTS,
)
_MEMBER_HEADERS = (
    Text("html.organisation"),
    Text("html.role"),
    Text("html.joined"),
    Text("html.left"),
    Text("html.mandates"),
)
_COMMITMENT_HEADERS = (
    Text("html.id"),
    Text("html.by"),
    Text("html.kind"),
    Text("html.quantity"),
    Text("html.term"),
    Text("html.status"),
)


def headings(texts: Iterable[Text], lang: Lang) -> tuple[str, ...]:
    """The column headings ``texts`` in ``lang``."""
    return tuple(text.pick(lang) for text in texts)


def portfolio_html(portfolio: Portfolio, lang: Lang = DEFAULT_LANG) -> str:
    """A portfolio as one row per partnership, under a line of counts."""
    sizes = {
        "organisations": len(portfolio.organisations),
        "areas": len(portfolio.areas),
        "partnerships": len(portfolio.partnerships),
    }
    caption = ", ".join(counted(n, *_NOUNS[what], lang) for what, n in sizes.items())
    headers = headings(_PORTFOLIO_HEADERS, lang)
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
    return _FORMS[partnership.form].pick(lang)


def partnership_html(partnership: Partnership, lang: Lang = DEFAULT_LANG) -> str:
    """A partnership as a heading line and tables of members and commitments."""
    lifecycle = partnership.lifecycle
    heading = (
        f"<p><strong>{escape(partnership.name)}</strong> <code>{escape(partnership.id)}</code>"
        f" · {escape(_form(partnership, lang))} · {_cell(lifecycle.phase, lang)}"
        f" · {_SINCE.pick(lang)} {escape(write_when(lifecycle.began))}</p>"
    )
    members = table_html(
        headings(_MEMBER_HEADERS, lang),
        (
            (
                m.organisation,
                label(m.role, lang),
                write_when(m.joined),
                None if m.left is None else write_when(m.left),
                ", ".join(x.id for x in m.mandates),
            )
            for m in partnership.members
        ),
        caption=_MEMBERS.pick(lang),
        lang=lang,
    )
    commitments = table_html(
        headings(_COMMITMENT_HEADERS, lang),
        (
            (
                c.id,
                c.by,
                label(c.kind, lang),
                f"{_amount(c.quantity.amount, lang)} {label(c.quantity.unit, lang)}",
                _term(c.term),
                c.current,
            )
            for c in partnership.commitments
        ),
        caption=_COMMITMENTS.pick(lang),
        lang=lang,
    )
    return heading + members + commitments


def _amount(amount: Decimal | Unknown, lang: Lang) -> str:
    return label(UNKNOWN, lang) if amount is UNKNOWN else write_decimal(amount)


def _term(term: Term) -> str:
    end = "" if term.end is None else write_date(term.end)
    return f"{write_date(term.start)} \N{EN DASH} {end}"
