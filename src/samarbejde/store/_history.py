"""Reading a store's revisions: the records as of a revision, the revisions, what each changed."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import attrs
import pendulum

from samarbejde.changes import Change, keyed_changes
from samarbejde.documents import FORMAT_VERSION, loads, structure
from samarbejde.model import Portfolio
from samarbejde.store._engines import Engine, StoreError
from samarbejde.store._records import KINDS, Known, Orders, Rows, moment, row_json, stamp

__all__ = ["History", "Revision", "State"]

_RECORD = re.compile(r"^(organisations|areas|partnerships)\[([^\]]+)\]")


@attrs.frozen
class Revision:
    """One recorded save: who recorded what, when, and what it changed.

    Attributes:
        number: 1 for the first revision, then one more each save.
        recorded_at: When it was recorded (record time), in UTC.
        recorded_by: The post or system that recorded it, e.g. ``"sekretariatet"``.
            May hold personal data and is removed by :func:`samarbejde.redact`.
        note: Why, in free text.
        base: The revision the edit started from, when the saver said so.
        changes: What it changed (:func:`samarbejde.diff` of the portfolio before and
            after), or only those under one record when listed for that record.
    """

    number: int
    recorded_at: pendulum.DateTime
    recorded_by: str | None = attrs.field(default=None, metadata={"personal": True})
    note: str = ""
    base: int | None = None
    changes: tuple[Change, ...] = ()


@attrs.frozen
class State:
    """The records of one revision: their rows and each kind's order.

    Attributes:
        number: The revision.
        rows: Each record's document JSON, by (kind, id).
        orders: Each kind's ids, in order.
    """

    number: int
    rows: Rows
    orders: Orders


class History:
    """The revisions of one store, read inside the caller's transaction.

    Keeps the rows and orders of the last revision it read or was told of
    (revisions never change), so that a save after a read does not read them again.
    """

    def __init__(self, db: Engine, target: str) -> None:
        self.db = db
        self.target = target
        self._known: State | None = None

    def keep(self, state: State | None) -> None:
        """Remember ``state`` (a revision just committed), or forget (``None``)."""
        self._known = state

    def head(self) -> int:
        """The latest revision's number; 0 for an empty store."""
        return int(self.db.execute("SELECT revision FROM samarbejde_head WHERE id = 1")[0][0])

    def state(self, number: int) -> State:
        """The rows and orders of revision ``number``."""
        if self._known is not None and self._known.number == number:
            return self._known
        self._known = State(number, self._rows(number), self.orders(number))
        return self._known

    def _rows(self, number: int) -> Rows:
        found = self.db.execute(
            "SELECT v.kind, v.id, v.data FROM samarbejde_versions v JOIN"
            " (SELECT kind, id, MAX(revision) AS revision FROM samarbejde_versions"
            "  WHERE revision <= ? GROUP BY kind, id) latest"
            " ON v.kind = latest.kind AND v.id = latest.id AND v.revision = latest.revision",
            (number,),
        )
        return {(str(k), str(i)): str(d) for k, i, d in found if d is not None}

    def orders(self, number: int) -> Orders:
        """Each kind's ids as of revision ``number``."""
        found = self.db.execute(
            "SELECT o.kind, o.ids FROM samarbejde_orders o JOIN"
            " (SELECT kind, MAX(revision) AS revision FROM samarbejde_orders"
            "  WHERE revision <= ? GROUP BY kind) latest"
            " ON o.kind = latest.kind AND o.revision = latest.revision",
            (number,),
        )
        orders: Orders = {kind: [] for kind, _ in KINDS}
        for kind, ids in found:
            orders[str(kind)] = list(json.loads(ids))
        return orders

    def number_at(self, at: datetime | None, revision: int | None) -> int:
        """The revision asked for: by number, as recorded at ``at``, or the latest."""
        head = self.head()
        if revision is not None:
            if at is not None:
                raise StoreError("give at or revision, not both")
            if not 0 <= revision <= head:
                raise StoreError(f"no revision {revision}: the store has 1 to {head}")
            return revision
        if at is None:
            return head
        found = self.db.execute(
            "SELECT MAX(number) FROM samarbejde_revisions WHERE recorded_at <= ?", (stamp(at),)
        )
        return int(found[0][0] or 0)

    def document(self, number: int) -> str:
        """The portfolio of revision ``number`` as compact document JSON."""
        state = self.state(number)
        rows, orders = state.rows, state.orders
        parts = [f'"format":{row_json(FORMAT_VERSION)}']
        for kind, _ in KINDS:
            ids = orders[kind]
            missing = [i for i in ids if (kind, i) not in rows]
            if missing or len(ids) != sum(1 for k, _ in rows if k == kind):
                raise StoreError(f"{self.target}: revision {number} of {kind} is inconsistent")
            if ids:
                parts.append(f'"{kind}":[' + ",".join(rows[kind, i] for i in ids) + "]")
        return "{" + ",".join(parts) + "}"

    def revisions(self, numbers: Sequence[int]) -> list[Revision]:
        """The revisions ``numbers`` that exist, in order, without their changes."""
        if not numbers:
            return []
        marks = ",".join("?" for _ in numbers)
        found = self.db.execute(
            "SELECT number, recorded_at, recorded_by, note, base FROM samarbejde_revisions"
            f" WHERE number IN ({marks}) ORDER BY number",
            tuple(numbers),
        )
        return [
            Revision(int(n), moment(str(at)), by, str(note), None if b is None else int(b))
            for n, at, by, note, b in found
        ]

    def every(self) -> tuple[Revision, ...]:
        """Every revision, oldest first, each with its changes."""
        numbers = [r[0] for r in self.db.execute("SELECT number FROM samarbejde_revisions")]
        found = self.revisions(sorted(int(n) for n in numbers))
        return tuple(attrs.evolve(r, changes=self.changes(r.number)) for r in found)

    def of(self, record: str) -> tuple[Revision, ...]:
        """The revisions that changed something at ``record``, each with only those changes."""
        match = _RECORD.match(record)
        if match is None:
            raise StoreError(f"{record!r}: name a record, e.g. partnerships[medvind] or areas[a-1]")
        kind, record_id = match.groups()
        rows = self.db.execute(
            "SELECT revision FROM samarbejde_versions WHERE kind = ? AND id = ?"
            " UNION SELECT revision FROM samarbejde_orders WHERE kind = ?",
            (kind, record_id, kind),
        )
        out: list[Revision] = []
        for r in self.revisions(sorted({int(n) for (n,) in rows})):
            changes = tuple(c for c in self.changes(r.number) if _under(c.path, record))
            if changes:
                out.append(attrs.evolve(r, changes=changes))
        return tuple(out)

    def changes(self, number: int, known: Sequence[Known] = ()) -> tuple[Change, ...]:
        """What revision ``number`` changed: ``diff(portfolio(number - 1), portfolio(number))``.

        Records in ``known`` with the same JSON are used instead of reading them again.
        """
        versions: dict[str, dict[str, str | None]] = {kind: {} for kind, _ in KINDS}
        for kind, record_id, data in self.db.execute(
            "SELECT kind, id, data FROM samarbejde_versions WHERE revision = ?", (number,)
        ):
            versions[str(kind)][str(record_id)] = data
        before, after = self.orders(number - 1), self.orders(number)
        out: list[Change] = []
        whole: dict[int, Portfolio] = {}
        for kind, cls in KINDS:
            changed = versions[kind]

            def pair(key: str, kind: str = kind, cls: type[Any] = cls) -> tuple[Any, Any]:
                return self._version(kind, key, number - 1, cls, known), self._version(
                    kind, key, number, cls, known
                )

            found = keyed_changes((kind,), before[kind], after[kind], pair, changed.__contains__)
            if found is None:  # reordered: the whole list changed, as diff says
                for n in (number - 1, number):
                    if n not in whole:
                        whole[n] = loads(self.document(n), "json")
                old, new = getattr(whole[number - 1], kind), getattr(whole[number], kind)
                found = (Change((kind,), "changed", old, new),)
            out += found
        return tuple(out)

    def _version(
        self, kind: str, record_id: str, number: int, cls: type[Any], known: Sequence[Known]
    ) -> Any:
        """The record as of revision ``number``; a known object with the same JSON if any."""
        found = self.db.execute(
            "SELECT data FROM samarbejde_versions WHERE kind = ? AND id = ? AND revision <= ?"
            " ORDER BY revision DESC LIMIT 1",
            (kind, record_id, number),
        )
        if not found or found[0][0] is None:
            return None
        text = str(found[0][0])
        for objects in known:
            seen = objects.get((kind, record_id))
            if seen is not None and seen[1] == text:
                return seen[0]
        return structure(json.loads(text), cls)


def _under(path: str, record: str) -> bool:
    """Whether a change at ``path`` touches ``record``: at it, inside it, or around it."""

    def inside(inner: str, outer: str) -> bool:
        return inner == outer or inner.startswith((outer + ".", outer + "["))

    return inside(path, record) or inside(record, path)
