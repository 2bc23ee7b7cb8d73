"""Reading a store's revisions: the records as of a revision, the revisions, what each changed."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import attrs

from samarbejde.changes import Change, keyed_changes
from samarbejde.documents import FORMAT_VERSION, loads, structure
from samarbejde.model import Portfolio
from samarbejde.store._checked import Checked, Revision, State
from samarbejde.store._engines import Engine
from samarbejde.store._errors import (
    StoreDamagedError,
    StoreInputError,
    checked_number,
    checked_text,
)
from samarbejde.store._records import KINDS, Known, row_json, stamp

__all__ = ["History", "Revision", "State"]

_RECORD = re.compile(r"^(organisations|areas|partnerships)\[([^\]]+)\]")


class History:
    """The revisions of one store, read inside the caller's transaction.

    What each revision changed, the revisions that changed one record, and the
    portfolio of a revision as document JSON; the rows themselves are read and checked
    by :class:`~samarbejde.store._checked.Checked`.
    """

    def __init__(self, db: Engine, target: str) -> None:
        self.db = db
        self.target = target
        self.rows = Checked(db, target)

    def keep(self, state: State | None) -> None:
        """Remember ``state`` (a revision just committed), or forget (``None``)."""
        self.rows.keep(state)

    def head(self) -> int:
        """The latest revision's number; 0 for an empty store."""
        return self.rows.head()

    def state(self, number: int) -> State:
        """The rows and orders of revision ``number``, checked."""
        return self.rows.state(number)

    def revisions(self, numbers: Sequence[int]) -> list[Revision]:
        """The revisions ``numbers`` that exist, in order, without their changes."""
        return self.rows.revisions(numbers)

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
                f"record {record!r}: name a record, e.g. partnerships[opdrift] or areas[a-1]"
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
        ordered = self.rows.moves(kind)
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
            if number in ordered:
                changes = self.changes(number)
            else:
                changes = self._own_changes(kind, record_id, number, cls)
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
            self.version(kind, record_id, number - 1, cls, ()),
            self.version(kind, record_id, number, cls, ()),
        )
        found = keyed_changes(
            (kind,),
            [record_id] if pair[0] is not None else [],
            [record_id] if pair[1] is not None else [],
            lambda _: pair,
        )
        return found or ()

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
            self.rows.check_version(kind, record_id, revision, data, depth, anchor, check)
            if kind not in versions:
                raise self.rows.damaged(number, f"unknown kind {kind!r}")
            versions[kind][record_id] = data
            written += 1
        written += int(
            self.db.execute("SELECT COUNT(*) FROM samarbejde_orders WHERE revision = ?", (number,))[
                0
            ][0]
        )
        counted = self.rows.meta([number])
        if counted and counted[0][1] != written:
            raise self.rows.damaged(number, f"{written} rows where it wrote {counted[0][1]}")
        before, after = self.rows.orders(number - 1), self.rows.orders(number)
        out: list[Change] = []
        whole: dict[int, Portfolio] = {}
        for kind, cls in KINDS:
            changed = versions[kind]

            def pair(key: str, kind: str = kind, cls: type[Any] = cls) -> tuple[Any, Any]:
                return self.version(kind, key, number - 1, cls, known), self.version(
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

    def version(
        self, kind: str, record_id: str, number: int, cls: type[Any], known: Sequence[Known]
    ) -> Any:
        """The record as of revision ``number``; a known object with the same JSON if any."""
        text = self.rows.text(kind, record_id, number)
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
