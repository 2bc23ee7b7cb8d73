"""Reading a store's rows, each checked against its checksum (D60).

The revisions' rows, the record versions (patches applied) and the orders of one
revision, read inside the caller's transaction. Damage is a
:class:`StoreDamagedError` naming the store and the revision, never different data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import attrs
import pendulum

from samarbejde.changes import Change
from samarbejde.model import DEFAULT_LANG, Lang
from samarbejde.store._deltas import patched
from samarbejde.store._engines import Engine
from samarbejde.store._errors import StoreDamagedError
from samarbejde.store._records import KINDS, Orders, Rows, moment
from samarbejde.store._schema import order_checksum, revision_checksum, version_checksum

__all__ = ["BATCH", "Checked", "Revision", "State"]

#: Revisions read by one statement at most: never more parameters than an engine binds.
BATCH = 500


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

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict[str, Any]:
        """The revision as plain JSON-ready values, for an API's answer.

        Stable keys: ``number``, ``recorded_at`` (ISO 8601, UTC), ``recorded_by``,
        ``note``, ``base`` and ``changes`` (each :meth:`Change.to_dict
        <samarbejde.changes.Change.to_dict>`, its sentence in ``lang``).

        >>> import pendulum
        >>> Revision(1, pendulum.datetime(2025, 1, 2), "os").to_dict()["recorded_at"]
        '2025-01-02T00:00:00+00:00'
        """
        return {
            "number": self.number,
            "recorded_at": self.recorded_at.isoformat(),
            "recorded_by": self.recorded_by,
            "note": self.note,
            "base": self.base,
            "changes": [change.to_dict(lang) for change in self.changes],
        }


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


class Checked:
    """A store's rows as of a revision, every one checked.

    Keeps the rows and orders of the last revision it read or was told of, and every
    revision's own row as read (revisions never change), so that a save after a read,
    or a log after a log, does not read them again.
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
        counted = sum(count for _, count in self.meta(range(1, number + 1)))
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
            self.check_version(*row)
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

    def check_version(  # noqa: PLR0917 - the row's columns, in order
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
            "SELECT o.kind, o.revision, o.ids, o.moved, o.checksum FROM samarbejde_orders o JOIN"
            " (SELECT kind, MAX(revision) AS revision FROM samarbejde_orders"
            "  WHERE revision <= ? GROUP BY kind) latest"
            " ON o.kind = latest.kind AND o.revision = latest.revision",
            (number,),
        )
        orders: Orders = {kind: [] for kind, _ in KINDS}
        for kind, revision, ids, moved, check in found:
            if check != order_checksum(kind, revision, ids, moved) or kind not in orders:
                raise self.damaged(number, f"the order of {kind} does not match its checksum")
            orders[kind] = list(json.loads(ids))
        return orders

    def moves(self, kind: str) -> set[int]:
        """The revisions that moved records of ``kind`` (the whole list changed), checked."""
        out = set()
        for revision, ids, moved, check in self.db.execute(
            "SELECT revision, ids, moved, checksum FROM samarbejde_orders"
            " WHERE kind = ? AND moved = 1",
            (kind,),
        ):
            if check != order_checksum(kind, revision, ids, moved):
                raise self.damaged(revision, f"the order of {kind} does not match its checksum")
            out.add(int(revision))
        return out

    def meta(self, numbers: Sequence[int]) -> list[tuple[Revision, int]]:
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
        return [revision for revision, _ in self.meta(sorted(numbers))]

    def text(self, kind: str, record_id: str, number: int) -> str | None:
        """A record's JSON as of revision ``number`` (``None`` where it had none), checked."""
        found = self.db.execute(
            "SELECT kind, id, revision, data, depth, anchor, checksum FROM samarbejde_versions"
            " WHERE kind = ? AND id = ? AND revision <= ? ORDER BY revision DESC LIMIT 1",
            (kind, record_id, number),
        )
        if not found:
            return None
        self.check_version(*found[0])
        chain = found
        if found[0][4]:  # a patch: read from its whole version on
            chain = self.db.execute(
                "SELECT kind, id, revision, data, depth, anchor, checksum"
                " FROM samarbejde_versions WHERE kind = ? AND id = ? AND revision BETWEEN ? AND ?"
                " ORDER BY revision",
                (kind, record_id, found[0][5], found[0][2]),
            )
            for row in chain:
                self.check_version(*row)
        return self._rebuilt(chain)
