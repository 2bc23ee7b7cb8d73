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
from samarbejde.store._deltas import patched
from samarbejde.store._engines import Engine
from samarbejde.store._errors import (
    StoreDamagedError,
    StoreInputError,
    checked_number,
    checked_text,
)
from samarbejde.store._records import KINDS, Known, Orders, Rows, moment, row_json, stamp
from samarbejde.store._schema import order_checksum, revision_checksum, version_checksum

__all__ = ["BATCH", "History", "Revision", "State"]

#: Revisions read by one statement at most: never more parameters than an engine binds.
BATCH = 500

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

    Keeps the rows and orders of the last revision it read or was told of, and every
    revision's row as read (revisions never change), so that a save after a read, or a
    log after a log, does not read them again. Every row read is checked against its
    checksum (D60): damage is a :class:`StoreDamagedError` naming the store and the
    revision, never a different portfolio.
    """

    def __init__(self, db: Engine, target: str) -> None:
        self.db = db
        self.target = target
        self._known: State | None = None
        self._meta: dict[int, tuple[Revision, int]] = {}

    def keep(self, state: State | None) -> None:
        """Remember ``state`` (a revision just committed), or forget (``None``)."""
        self._known = state

    def damaged(self, number: int | None, what: str) -> StoreDamagedError:
        """The error for damage found in revision ``number`` (or in the store's head)."""
        where = f"revision {number}" if number is not None else "the head"
        return StoreDamagedError(
            f"{self.target}: {where} is damaged ({what}); restore the store from a backup"
        )

    def head(self) -> int:
        """The latest revision's number; 0 for an empty store."""
        found = self.db.execute(
            "SELECT h.revision, (SELECT MAX(number) FROM samarbejde_revisions)"
            " FROM samarbejde_head h WHERE h.id = 1"
        )
        if len(found) != 1 or not isinstance(found[0][0], int):
            raise self.damaged(None, "no head row")
        head, last = found[0]
        if head != (last or 0):
            raise self.damaged(None, f"head {head}, last revision {last}")
        return int(head)

    def state(self, number: int) -> State:
        """The rows and orders of revision ``number``, checked."""
        known = self._known
        if known is not None and known.number == number:
            return known
        counted = sum(count for _, count in self._rows_of(range(1, number + 1)))
        found = 0
        for table in ("samarbejde_versions", "samarbejde_orders"):
            rows = self.db.execute(f"SELECT COUNT(*) FROM {table} WHERE revision <= ?", (number,))
            found += int(rows[0][0])
        if found != counted:
            raise self.damaged(number, f"{found} rows where its revisions wrote {counted}")
        state = State(number, self._rows(number), self.orders(number))
        self._known = state
        return state

    def _rows(self, number: int) -> Rows:
        """Each record's JSON as of revision ``number``, patches applied.

        Reads each record's latest version, and where that is a patch, the whole
        version it starts from and the patches between.
        """
        found = self.db.execute(
            "SELECT v.kind, v.id, v.revision, v.data, v.depth, v.anchor, v.checksum"
            " FROM samarbejde_versions v JOIN"
            " (SELECT w.kind, w.id, w.revision, w.anchor FROM samarbejde_versions w JOIN"
            "  (SELECT kind, id, MAX(revision) AS revision FROM samarbejde_versions"
            "   WHERE revision <= ? GROUP BY kind, id) latest"
            "  ON w.kind = latest.kind AND w.id = latest.id AND w.revision = latest.revision"
            " ) head ON v.kind = head.kind AND v.id = head.id"
            " AND v.revision BETWEEN head.anchor AND head.revision"
            " ORDER BY v.kind, v.id, v.revision",
            (number,),
        )
        chains: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
        for row in found:
            self._check_version(*row)
            chains.setdefault((row[0], row[1]), []).append(row)
        rows: Rows = {}
        for key, chain in chains.items():
            text = self._rebuilt(chain)
            if text is not None:
                rows[key] = text
        return rows

    def _rebuilt(self, chain: Sequence[tuple[Any, ...]]) -> str | None:
        """The record JSON of the last version in ``chain`` (rows from its whole version on)."""
        kind, record_id, revision, data, depth = chain[-1][:5]
        if data is None:
            return None
        if depth == 0:
            return str(data)
        if len(chain) != depth + 1 or chain[0][4] != 0 or chain[0][3] is None:
            raise self.damaged(revision, f"the patches of {kind}[{record_id}] do not chain")
        try:
            return patched(chain[0][3], [row[3] for row in chain[1:]])
        except (LookupError, TypeError, ValueError) as error:
            raise self.damaged(revision, f"a patch of {kind}[{record_id}]: {error}") from None

    def _check_version(  # noqa: PLR0917 - the row's columns, in order
        self,
        kind: Any,
        record_id: Any,
        revision: Any,
        data: Any,
        depth: Any,
        anchor: Any,
        check: Any,
    ) -> None:
        if check != version_checksum(kind, record_id, revision, data, depth, anchor):
            shown = revision if isinstance(revision, int) else None
            raise self.damaged(shown, f"the row of {kind}[{record_id}] does not match its checksum")

    def orders(self, number: int) -> Orders:
        """Each kind's ids as of revision ``number``."""
        found = self.db.execute(
            "SELECT o.kind, o.revision, o.ids, o.checksum FROM samarbejde_orders o JOIN"
            " (SELECT kind, MAX(revision) AS revision FROM samarbejde_orders"
            "  WHERE revision <= ? GROUP BY kind) latest"
            " ON o.kind = latest.kind AND o.revision = latest.revision",
            (number,),
        )
        orders: Orders = {kind: [] for kind, _ in KINDS}
        for kind, revision, ids, check in found:
            if check != order_checksum(kind, revision, ids) or kind not in orders:
                raise self.damaged(number, f"the order of {kind} does not match its checksum")
            orders[kind] = list(json.loads(ids))
        return orders

    def number_at(self, at: datetime | None, revision: int | None) -> int:
        """The revision asked for: by number, as recorded at ``at``, or the latest."""
        if revision is not None:
            checked_number("revision", revision)
        when = None if at is None else stamp(at, "at")
        head = self.head()
        if revision is not None:
            if at is not None:
                raise StoreInputError("give at or revision, not both")
            if not 0 <= revision <= head:
                raise StoreInputError(f"no revision {revision}: the store has 1 to {head}")
            return revision
        if when is None:
            return head
        found = self.db.execute(
            "SELECT MAX(number) FROM samarbejde_revisions WHERE recorded_at <= ?", (when,)
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
                raise StoreDamagedError(
                    f"{self.target}: revision {number} of {kind} is inconsistent"
                )
            if ids:
                parts.append(f'"{kind}":[' + ",".join(rows[kind, i] for i in ids) + "]")
        return "{" + ",".join(parts) + "}"

    def _rows_of(self, numbers: Sequence[int]) -> list[tuple[Revision, int]]:
        """The revisions ``numbers`` that exist, with their row counts, checked and kept."""
        missing = [n for n in numbers if n not in self._meta]
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            params: tuple[int, ...]
            if batch == list(range(batch[0], batch[0] + len(batch))):
                where, params = "number BETWEEN ? AND ?", (batch[0], batch[-1])
            else:
                where, params = f"number IN ({','.join('?' for _ in batch)})", tuple(batch)
            found = self.db.execute(
                "SELECT number, recorded_at, recorded_by, note, base, row_count, checksum"
                f" FROM samarbejde_revisions WHERE {where}",
                params,
            )
            for n, at, by, note, b, count, check in found:
                if check != revision_checksum(n, at, by, note, b, count):
                    shown = n if isinstance(n, int) else None
                    raise self.damaged(shown, "its row does not match its checksum")
                try:
                    revision = Revision(int(n), moment(at), by, note, None if b is None else int(b))
                except (TypeError, ValueError) as error:
                    raise self.damaged(n, str(error)) from None
                self._meta[revision.number] = (revision, int(count))
        return [self._meta[n] for n in numbers if n in self._meta]

    def revisions(self, numbers: Sequence[int]) -> list[Revision]:
        """The revisions ``numbers`` that exist, in order, without their changes."""
        return [revision for revision, _ in self._rows_of(sorted(numbers))]

    def every(
        self, *, limit: int | None = None, before: int | None = None, after: int | None = None
    ) -> tuple[Revision, ...]:
        """Every revision (or one page), oldest first, each with its changes."""
        head = self.head()
        low = 1 if after is None else max(1, after + 1)
        high = head if before is None else min(head, before - 1)
        if limit is not None:
            if before is not None or after is None:
                low = max(low, high - limit + 1)
            else:
                high = min(high, low + limit - 1)
        found = self.revisions(range(low, high + 1))
        return tuple(attrs.evolve(r, changes=self.changes(r.number)) for r in found)

    def of(
        self,
        record: str,
        *,
        limit: int | None = None,
        before: int | None = None,
        after: int | None = None,
    ) -> tuple[Revision, ...]:
        """The revisions that changed something at ``record``, each with only those changes.

        Reads only the record's own versions, and the orders of its kind where they
        moved it: the cost follows the record's revisions, not the store's.
        """
        match = _RECORD.match(checked_text("record", record))
        if match is None:
            raise StoreInputError(
                f"record {record!r}: name a record, e.g. partnerships[medvind] or areas[a-1]"
            )
        kind, record_id = match.groups()
        cls = dict(KINDS)[kind]
        own = {
            int(n)
            for (n,) in self.db.execute(
                "SELECT revision FROM samarbejde_versions WHERE kind = ? AND id = ?",
                (kind, record_id),
            )
        }
        ordered = {
            int(n)
            for (n,) in self.db.execute(
                "SELECT revision FROM samarbejde_orders WHERE kind = ?", (kind,)
            )
        }
        numbers = sorted(
            n
            for n in own | ordered
            if (after is None or n > after) and (before is None or n < before)
        )
        if before is not None or after is None:
            numbers.reverse()  # the latest page first, put back in order at the end
        out: list[Revision] = []
        for number in numbers:
            if limit is not None and len(out) >= limit:
                break
            if number in ordered and self._reordered(kind, number):
                changes = self.changes(number)
            elif number in own:
                changes = self._own_changes(kind, record_id, number, cls)
            else:
                continue  # another record added or removed: not this one's history
            changes = tuple(c for c in changes if _under(c.path, record))
            if changes:
                out.append(attrs.evolve(self.revisions([number])[0], changes=changes))
        if before is not None or after is None:
            out.reverse()
        return tuple(out)

    def _own_changes(
        self, kind: str, record_id: str, number: int, cls: type[Any]
    ) -> tuple[Change, ...]:
        """What revision ``number`` changed in one record, reading only that record."""
        pair = (
            self._version(kind, record_id, number - 1, cls, ()),
            self._version(kind, record_id, number, cls, ()),
        )
        found = keyed_changes(
            (kind,),
            [record_id] if pair[0] is not None else [],
            [record_id] if pair[1] is not None else [],
            lambda _: pair,
        )
        return found or ()

    def _reordered(self, kind: str, number: int) -> bool:
        """Whether revision ``number`` moved records of ``kind`` (the whole list changed)."""
        old, new = self.orders(number - 1)[kind], self.orders(number)[kind]
        return keyed_changes((kind,), old, new, lambda _: (None, None), lambda _: False) is None

    def changes(self, number: int, known: Sequence[Known] = ()) -> tuple[Change, ...]:
        """What revision ``number`` changed: ``diff(portfolio(number - 1), portfolio(number))``.

        Records in ``known`` with the same JSON are used instead of reading them again.
        """
        versions: dict[str, dict[str, str | None]] = {kind: {} for kind, _ in KINDS}
        written = 0
        for kind, record_id, revision, data, depth, anchor, check in self.db.execute(
            "SELECT kind, id, revision, data, depth, anchor, checksum FROM samarbejde_versions"
            " WHERE revision = ?",
            (number,),
        ):
            self._check_version(kind, record_id, revision, data, depth, anchor, check)
            if kind not in versions:
                raise self.damaged(number, f"unknown kind {kind!r}")
            versions[kind][record_id] = data
            written += 1
        written += int(
            self.db.execute("SELECT COUNT(*) FROM samarbejde_orders WHERE revision = ?", (number,))[
                0
            ][0]
        )
        counted = self._rows_of([number])
        if counted and counted[0][1] != written:
            raise self.damaged(number, f"{written} rows where it wrote {counted[0][1]}")
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
            "SELECT kind, id, revision, data, depth, anchor, checksum FROM samarbejde_versions"
            " WHERE kind = ? AND id = ? AND revision <= ? ORDER BY revision DESC LIMIT 1",
            (kind, record_id, number),
        )
        if not found:
            return None
        self._check_version(*found[0])
        chain = found
        if found[0][4]:  # a patch: read from its whole version on
            chain = self.db.execute(
                "SELECT kind, id, revision, data, depth, anchor, checksum"
                " FROM samarbejde_versions WHERE kind = ? AND id = ? AND revision BETWEEN ? AND ?"
                " ORDER BY revision",
                (kind, record_id, found[0][5], found[0][2]),
            )
            for row in chain:
                self._check_version(*row)
        text = self._rebuilt(chain)
        if text is None:
            return None
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
