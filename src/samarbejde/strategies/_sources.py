"""Strategies for where facts came from: sources, and cited records with sources and notes.

A cited record's own strategy draws it with sources and a note now and then
(:func:`cited`); :func:`samarbejde.strategies.portfolios` gives them to the records of
a whole portfolio (:func:`cite_throughout`), so that every format, the store, ``diff``
and the report meet them.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

import attrs
import pendulum
from hypothesis import strategies as st

from samarbejde.model.sources import Cited, Source
from samarbejde.strategies._values import DEFAULT_END, DEFAULT_START, dates, ids, texts

__all__ = ["cite_throughout", "cited", "sources"]

T = TypeVar("T")

#: Sources a person cites: a council's minutes, a foundation's page, a law.
TITLES = (
    "Byrådets referat",
    "Fondens projektside",
    "Boligorganisationens helhedsplan",
    "Landsbyggefondens regulativ",
)

#: Notes a person writes about what a record's sources say.
NOTES = (
    "Kilden nævner kun året.",
    "Beløbet er ikke offentliggjort.",
    "Ifølge kilden, ikke bekræftet af parterne.",
)


def _addresses() -> st.SearchStrategy[str]:
    web = ids().map(lambda slug: f"https://example.dk/{slug}")
    reference = st.sampled_from(("Journal 17/1234", "Lov nr. 1322 af 27.11.2018"))
    return web | reference | texts()


def sources(
    start: pendulum.Date = DEFAULT_START, end: pendulum.Date = DEFAULT_END
) -> st.SearchStrategy[Source]:
    """Sources, perhaps with an address (a URL or a reference) and the day read."""
    return st.builds(
        Source,
        st.sampled_from(TITLES) | texts(),
        address=st.none() | _addresses(),
        read_on=st.none() | dates(start, end),
    )


@functools.lru_cache(maxsize=256)
def provenance(start: pendulum.Date, end: pendulum.Date) -> st.SearchStrategy[dict[str, Any]]:
    """Keyword arguments for a cited record: none, sources, a note, or both.

    Built once per span (a strategy is immutable): :func:`cite_throughout` asks for it
    at every cited record of a portfolio, and a new strategy is validated on first use.
    """
    return st.fixed_dictionaries(
        {},
        optional={
            "sources": st.lists(sources(start, end), min_size=1, max_size=2).map(tuple),
            "note": st.sampled_from(NOTES) | texts(),
        },
    )


def _with(record: T, provenance: dict[str, Any]) -> T:
    return attrs.evolve(record, **provenance) if provenance else record  # type: ignore[misc]


def cited(
    records: st.SearchStrategy[T],
    start: pendulum.Date = DEFAULT_START,
    end: pendulum.Date = DEFAULT_END,
) -> st.SearchStrategy[T]:
    """``records``, each perhaps given sources read inside ``start``..``end`` and a note."""
    return st.tuples(records, provenance(start, end)).map(lambda drawn: _with(*drawn))


def cite_throughout(draw: st.DrawFn, value: T, start: pendulum.Date, end: pendulum.Date) -> T:
    """``value`` with sources and notes drawn for the cited records inside it, at any depth.

    A record is rebuilt only when something inside it changed, so its construction
    checks run again on what changed and nothing else is touched.
    """
    if not attrs.has(type(value)):
        return value
    changes: dict[str, Any] = {}
    kind: Any = type(value)
    for field in attrs.fields(kind):
        if not field.init:
            continue
        held = getattr(value, field.name)
        if attrs.has(type(held)):
            new = cite_throughout(draw, held, start, end)
            if new is not held:  # identity: equality would compare the whole subtree again
                changes[field.name] = new
        elif isinstance(held, tuple) and held and attrs.has(type(held[0])):
            items = tuple(cite_throughout(draw, item, start, end) for item in held)
            if any(new is not old for new, old in zip(items, held, strict=True)):
                changes[field.name] = items
    if isinstance(value, Cited):
        changes.update(draw(provenance(start, end)))
    return attrs.evolve(value, **changes) if changes else value  # type: ignore[misc]
