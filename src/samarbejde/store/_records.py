"""A portfolio as the store keeps it: one JSON row per record, and each kind's order of ids."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import pendulum

from samarbejde.documents import unstructure
from samarbejde.model import Area, Organisation, Partnership, Portfolio
from samarbejde.store._engines import StoreError

__all__ = ["KINDS", "Key", "Known", "Orders", "Rows", "Texts", "moment", "row_json", "stamp"]

#: The record kinds of a portfolio, in document order, with their record types.
KINDS: tuple[tuple[str, type[Any]], ...] = (
    ("organisations", Organisation),
    ("areas", Area),
    ("partnerships", Partnership),
)

#: A record by kind and id: ``("areas", "osterbyen")``.
Key = tuple[str, str]
#: Each record's document JSON, by key.
Rows = dict[Key, str]
#: Each kind's ids, in the portfolio's order.
Orders = dict[str, list[str]]
#: Record objects with their document JSON, by key.
Known = Mapping[Key, tuple[object, str]]

_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def stamp(moment: datetime) -> str:
    """An aware instant as the store writes it (UTC, microseconds), so text order is time order.

    Raises:
        StoreError: ``moment`` is naive.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise StoreError(f"recorded_at and at must be aware (with a time zone), got {moment}")
    return pendulum.instance(moment).in_timezone("UTC").strftime(_STAMP)


def moment(text: str) -> pendulum.DateTime:
    """The instant of a stamp, in UTC."""
    parsed = pendulum.parse(text)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed.in_timezone("UTC")


def row_json(data: object) -> str:
    """The compact JSON of documents (see :func:`samarbejde.dumps`), one record at a time."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class Texts:
    """The document JSON of each record object one store object last wrote or read.

    By identity (records are frozen), so that a small edit of a large portfolio is not
    written out and compared in full. Not shared between store objects.
    """

    def __init__(self) -> None:
        self.now: dict[Key, tuple[object, str]] = {}
        self.before: dict[Key, tuple[object, str]] = self.now

    def split(self, portfolio: Portfolio) -> tuple[Rows, Orders]:
        """Each record of ``portfolio`` as document JSON by (kind, id), and each kind's order.

        Raises:
            StoreError: Two records of one kind share an id.
        """
        rows: Rows = {}
        orders: Orders = {}
        texts: dict[Key, tuple[object, str]] = {}
        for kind, _ in KINDS:
            records = getattr(portfolio, kind)
            ids = [r.id for r in records]
            if len(set(ids)) != len(ids):
                twice = sorted({i for i in ids if ids.count(i) > 1})
                raise StoreError(
                    f"{kind}: ids {', '.join(twice)} are used twice; a store keeps one record an id"
                )
            orders[kind] = ids
            for record in records:
                key = (kind, record.id)
                seen = self.now.get(key)
                text = (
                    seen[1]
                    if seen is not None and seen[0] is record
                    else row_json(unstructure(record))
                )
                rows[key] = text
                texts[key] = (record, text)
        self.before, self.now = self.now, texts
        return rows, orders

    def remember(self, portfolio: Portfolio, rows: Mapping[Key, str]) -> None:
        """Keep the records of ``portfolio``, read from ``rows``."""
        self.now = {
            (kind, r.id): (r, rows[kind, r.id])
            for kind, _ in KINDS
            for r in getattr(portfolio, kind)
        }

    def known(self) -> tuple[Known, Known]:
        """The records of the last save and of the one before, to reuse when listing changes."""
        return self.now, self.before
