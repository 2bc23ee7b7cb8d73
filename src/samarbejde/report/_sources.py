"""Sources and notes on the page: each cited record's note and where its facts were read.

Under each partnership, a list names every record in it that has sources or a note
(the partnership, its members, mandates, commitments, goals …), with the note and the
sources: a web address as a link, a reference as text, and the day it was read. The
organisations and areas, which partnerships share, get one list per document. Links
are plain ``<a href rel="noreferrer">`` to ``http(s)`` addresses only: following one is the
reader's choice; the page itself fetches nothing (design decision D81).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape
from typing import Any

import attrs

from samarbejde.model import Classification, Lang, Membership, Portfolio, label
from samarbejde.model._html import escape as _e
from samarbejde.model.sources import Cited, Source
from samarbejde.report._format import format_date
from samarbejde.report._texts import say

__all__ = ["cited_in", "sources_list"]


def cited_in(record: object) -> Iterator[Cited]:
    """``record`` and every record inside it that has sources or a note, depth first."""
    if isinstance(record, Cited) and (record.sources or record.note is not None):
        yield record
    kind: Any = type(record)
    if not attrs.has(kind):
        return
    for field in attrs.fields(kind):
        if not field.init or field.name == "sources":
            continue
        held = getattr(record, field.name)
        for item in held if isinstance(held, tuple) else (held,):
            if attrs.has(type(item)):
                yield from cited_in(item)


def _name(portfolio: Portfolio, record: Cited, lang: Lang) -> str:
    if isinstance(record, Membership):
        try:
            return portfolio.organisation(record.organisation).name
        except KeyError:
            return record.organisation
    if isinstance(record, Classification):
        return f"{label(record.category, lang)}, {format_date(record.list_date, lang)}"
    for attribute in ("name", "title", "id"):
        value = getattr(record, attribute, None)
        if isinstance(value, str):
            return value
    return ""


def _source(source: Source, lang: Lang) -> str:
    url = source.url
    # an address is no text of ours: escaped, not isolated (an isolate would break it)
    link = f'<a href="{escape(url, quote=True)}" rel="noreferrer">' if url else ""
    parts = [f"{link}{_e(source.title)}</a>" if url else _e(source.title)]
    if source.address is not None and url is None:
        parts.append(_e(source.address))
    if source.read_on is not None:
        parts.append(_e(say("read_on", lang, day=format_date(source.read_on, lang))))
    return "<li>" + ", ".join(parts) + "</li>"


def sources_list(portfolio: Portfolio, records: Iterable[object], lang: Lang) -> str:
    """The list of the cited records in ``records`` (none: ``""``, and no list at all)."""
    items = []
    for record in (found for held in records for found in cited_in(held)):
        kind = say(f"cited.{type(record).__name__}", lang)
        name = _name(portfolio, record, lang)
        what = f"{kind}: {name}" if name else kind
        item = f'<li><span class="cited">{_e(what)}</span>'
        if record.note is not None:
            item += f"<p>{_e(record.note)}</p>"
        if record.sources:
            item += "<ol>" + "".join(_source(s, lang) for s in record.sources) + "</ol>"
        items.append(item + "</li>")
    return f'<ul class="sources">{"".join(items)}</ul>' if items else ""
