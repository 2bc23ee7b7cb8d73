"""A portfolio as the store keeps it: one JSON row per record, and each kind's order of ids."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import pendulum

from samarbejde.documents import unstructure
from samarbejde.model import Area, Organisation, Partnership, Portfolio
from samarbejde.model.area_lists import AreaList
from samarbejde.store._errors import StoreInputError

__all__ = [
    "KINDS",
    "Key",
    "Known",
    "Orders",
    "Rows",
    "Texts",
    "checksum",
    "moment",
    "reordered",
    "row_json",
    "stamp",
]

#: The record kinds of a portfolio, in document order, with their record types.
KINDS: tuple[tuple[str, type[Any]], ...] = (
    ("organisations", Organisation),
    ("areas", Area),
    ("partnerships", Partnership),
    ("lists", AreaList),
)

#: A record by kind and id: ``("areas", "ornereden")``.
Key = tuple[str, str]
#: Each record's document JSON, by key.
Rows = dict[Key, str]
#: Each kind's ids, in the portfolio's order.
Orders = dict[str, list[str]]
#: Record objects with their document JSON, by key.
Known = Mapping[Key, tuple[object, str]]


def stamp(moment: datetime, field: str = "recorded_at and at") -> str:
    """An aware instant as the store writes it: UTC, microseconds, a four-digit year.

    So text order is time order for every year from 1 to 9999.

    Raises:
        StoreInputError: ``moment`` is naive, or its UTC instant is outside the calendar.
    """
    if not isinstance(moment, datetime):
        raise StoreInputError(f"{field} must be an aware datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise StoreInputError(f"{field} must be aware (with a time zone), got {moment}")
    offset = moment.utcoffset()
    assert offset is not None
    wall = datetime(*moment.timetuple()[:6], moment.microsecond)
    try:
        utc = wall - offset
    except OverflowError:
        raise StoreInputError(
            f"{field} {moment.isoformat()} is outside the calendar (years 1 to 9999) in UTC"
        ) from None
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}"
        f":{utc.second:02d}.{utc.microsecond:06d}Z"
    )


def moment(text: str) -> pendulum.DateTime:
    """The instant of a stamp, in UTC."""
    parsed = datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")
    return pendulum.instance(parsed, tz="UTC")


def row_json(data: object) -> str:
    """The compact JSON of documents (see :func:`samarbejde.dumps`), one record at a time.

    Raises:
        UnicodeEncodeError: A text holds a lone surrogate, which documents do not read.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if not text.isascii():
        text.encode("utf-8")
    return text


def reordered(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether ``new`` moves records of ``old``, so that the whole list changed.

    As :func:`samarbejde.changes.keyed_changes` says: common ids in another order, or a
    new id before a common one.
    """
    kept = set(new)
    common = [i for i in old if i in kept]
    return common != list(new[: len(common)])


def checksum(*values: object) -> str:
    """The checksum of one row's values, as the store writes it beside them (D60).

    BLAKE2b of the values joined by a record separator (which no stored value holds:
    control characters are refused in texts and escaped in JSON), ``None`` as nothing.
    """
    joined = "\x1e".join("" if v is None else str(v) for v in values)
    digest = hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16)
    return digest.hexdigest()


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
            StoreInputError: Two records of one kind share an id.
        """
        rows: Rows = {}
        orders: Orders = {}
        texts: dict[Key, tuple[object, str]] = {}
        for kind, _ in KINDS:
            records = getattr(portfolio, kind)
            ids = [r.id for r in records]
            if len(set(ids)) != len(ids):
                twice = sorted({i for i in ids if ids.count(i) > 1})
                raise StoreInputError(
                    f"{kind}: ids {', '.join(twice)} are used twice; a store keeps one record an id"
                )
            orders[kind] = ids
            for record in records:
                key = (kind, record.id)
                seen = self.now.get(key)
                text = (
                    seen[1]
                    if seen is not None and seen[0] is record
                    else _record_json(kind, record)
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


def _record_json(kind: str, record: Any) -> str:
    try:
        return row_json(unstructure(record))
    except UnicodeEncodeError as error:
        raise StoreInputError(
            f"{kind}[{record.id}] holds a lone surrogate"
            f" ({error.object[error.start : error.end]!r}), which is not a character;"
            " a store keeps only what a document can hold"
        ) from None
