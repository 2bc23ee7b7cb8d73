"""Writing a revision: what changed since its base, merged with later revisions, or a conflict."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from samarbejde.model import Lang
from samarbejde.model.text import Phrase, Text
from samarbejde.store._deltas import DEPTH, delta
from samarbejde.store._engines import StoreError
from samarbejde.store._errors import StoreInputError, checked_number
from samarbejde.store._history import History, Revision, State
from samarbejde.store._rebase import rebased
from samarbejde.store._records import (
    KINDS,
    Key,
    Known,
    Orders,
    Rows,
    moment,
    reordered,
    row_json,
)
from samarbejde.store._schema import order_checksum, revision_checksum, version_checksum

__all__ = ["ConflictError", "merged_order", "write"]


class ConflictError(StoreError):
    """A save started from an older revision would overwrite a later change.

    Nothing was written. Load the latest portfolio, make the edit again, and save
    with the latest revision as ``base``.

    Attributes:
        paths: The records both changed, by path (``partnerships[opdrift]``), or
            ``organisations`` (and so on) where both moved records of a kind.
        base: The revision the edit started from.
        latest: The latest revision when the save was tried.
        clashes: For each record, who saved the last revision that changed it, when,
            and the places both changed: ``(path, revision, recorded_by, recorded_at
            in ISO 8601, places)``.
    """

    paths: tuple[str, ...]
    base: int
    latest: int
    clashes: tuple[tuple[str, int, str | None, str, tuple[str, ...]], ...]

    def __init__(
        self,
        paths: Iterable[str],
        base: int,
        latest: int,
        clashes: Iterable[tuple[str, int, str | None, str, tuple[str, ...]]] = (),
    ) -> None:
        self.paths = tuple(sorted(paths))
        self.base = base
        self.latest = latest
        self.clashes = tuple(clashes)
        shown = ", ".join(self.paths)
        told = "".join(
            f"; {path} was changed by revision {number} ({by or 'unknown'}, {at})"
            + (f" at {', '.join(places)}" if places else "")
            for path, number, by, at, places in self.clashes
        )
        super().__init__(
            f"revisions after {base} (up to {latest}) changed what this save changes: {shown}"
            f"{told}; load revision {latest}, make the edit again and save with base={latest}"
        )

    def __reduce__(self) -> tuple[type[ConflictError], tuple[object, ...]]:
        return (type(self), (self.paths, self.base, self.latest, self.clashes))

    def _message(self, lang: Lang) -> str:
        told = "".join(
            Text("error.conflict.clash").format(
                lang,
                path=path,
                revision=str(number),
                by=by or Text("error.conflict.nobody"),
                at=at,
                places=Phrase.of(Text("error.conflict.places"), places=", ".join(places))
                if places
                else "",
            )
            for path, number, by, at, places in self.clashes
        )
        return Text("error.conflict.message").format(
            lang,
            base=str(self.base),
            latest=str(self.latest),
            paths=", ".join(self.paths),
            clashes=told,
        )

    def _details(self) -> dict[str, object]:
        return {
            "paths": self.paths,
            "base": self.base,
            "latest": self.latest,
            "clashes": [
                {
                    "path": path,
                    "revision": number,
                    "recorded_by": by,
                    "recorded_at": at,
                    "places": places,
                }
                for path, number, by, at, places in self.clashes
            ],
        }


def write(
    history: History,
    mine: Rows,
    *,
    mine_orders: Orders,
    base: Revision | int | None,
    stamp: str,
    explicit: bool,
    recorded_by: str,
    note: str,
    known: Sequence[Known],
) -> tuple[Revision, State]:
    """Write the new revision, inside the caller's write transaction.

    Returns:
        The revision with its changes, and the records it leaves (for the next save).
    """
    db = history.db
    db.execute("UPDATE samarbejde_head SET revision = revision WHERE id = 1")
    head = history.head()
    start = head if base is None else base.number if isinstance(base, Revision) else base
    checked_number("base", start)
    if not 0 <= start <= head:
        raise StoreInputError(f"base {start} is not a revision of this store (0 to {head})")
    number = head + 1
    rows, orders, after = _merge(history, mine, mine_orders, start, head)
    if head:
        last = str(
            db.execute("SELECT recorded_at FROM samarbejde_revisions WHERE number = ?", (head,))[0][
                0
            ]
        )
        if stamp < last:
            if explicit:
                raise StoreInputError(f"recorded_at {stamp} is before revision {head} ({last})")
            stamp = last
    started = None if base is None else start
    count = len(rows) + len(orders)
    db.execute(
        "INSERT INTO samarbejde_revisions"
        " (number, recorded_at, recorded_by, note, base, row_count, checksum)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            number,
            stamp,
            recorded_by,
            note,
            started,
            count,
            revision_checksum(number, stamp, recorded_by, note, started, count),
        ),
    )
    stored = [(key, *_stored(history, key, data, number)) for key, data in rows]
    db.executemany(
        "INSERT INTO samarbejde_versions (kind, id, revision, data, depth, anchor, checksum)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (k, i, number, d, depth, anchor, version_checksum(k, i, number, d, depth, anchor))
            for (k, i), d, depth, anchor in stored
        ],
    )
    before = history.state(head).orders if head else {}
    texts = [(k, row_json(ids), int(reordered(before.get(k, []), ids))) for k, ids in orders]
    db.executemany(
        "INSERT INTO samarbejde_orders (kind, revision, ids, moved, checksum)"
        " VALUES (?, ?, ?, ?, ?)",
        [(k, number, t, m, order_checksum(k, number, t, m)) for k, t, m in texts],
    )
    db.execute("UPDATE samarbejde_head SET revision = ? WHERE id = 1", (number,))
    saved = Revision(number, moment(stamp), recorded_by, note, None if base is None else start)
    return attrs.evolve(saved, changes=history.changes(number, known)), after


def _merge(
    history: History, mine: Rows, mine_orders: Orders, start: int, head: int
) -> tuple[list[tuple[Key, str | None]], list[tuple[str, list[str]]], State]:
    """The version rows and orders to write, and the records after; or a ConflictError."""
    base_state = history.state(start)
    base_rows, base_orders = base_state.rows, base_state.orders
    changed = sorted(k for k in mine.keys() | base_rows.keys() if mine.get(k) != base_rows.get(k))
    latest = history.state(head)
    head_rows, head_orders = latest.rows, latest.orders
    texts = _texts(history, changed, mine, base_rows, head_rows, start, head)
    rows: list[tuple[Key, str | None]] = list(texts.items())
    orders: list[tuple[str, list[str]]] = []
    moved: list[str] = []
    for kind, _ in KINDS:
        base_ids = {i for k, i in base_rows if k == kind}
        mine_ids = set(mine_orders[kind])
        live = ({i for k, i in head_rows if k == kind} - (base_ids - mine_ids)) | (
            mine_ids - base_ids
        )
        order = merged_order(base_orders[kind], head_orders[kind], mine_orders[kind], live)
        if order is None:
            moved.append(kind)
        elif order != head_orders[kind]:
            orders.append((kind, order))
    if moved:
        raise ConflictError(moved, start, head)
    after = {**head_rows, **{k: d for k, d in rows if d is not None}}
    for k, d in rows:
        if d is None:
            after.pop(k, None)
    return rows, orders, State(head + 1, after, {**head_orders, **dict(orders)})


def _moved(one: Sequence[str], other: Sequence[str]) -> bool:
    """Whether the ids both lists hold stand in a different order in each."""
    in_one, in_other = set(one), set(other)
    return [i for i in one if i in in_other] != [i for i in other if i in in_one]


def merged_order(
    base: Sequence[str], head: Sequence[str], mine: Sequence[str], live: set[str]
) -> list[str] | None:
    """The order of one kind after a save from ``base``, with ``head`` the latest order.

    A save that kept the order of the records it shares with ``base`` keeps the latest
    order; one that moved records wins over a latest order that did not, and conflicts
    (``None``) with a latest order that moved them differently. Records added on either
    side stand after their predecessor on that side, after the other side's additions
    there, so that two additions at the end are both additions, in saving order.

    Args:
        base: The order the save started from.
        head: The latest order.
        mine: The order saved.
        live: The records the new revision keeps.
    """
    if list(head) == list(base):  # nobody else saved a change of this order
        return [i for i in mine if i in live]
    mine_moved, head_moved = _moved(base, mine), _moved(base, head)
    if mine_moved and head_moved and _moved(mine, head):
        return None
    first, second = (mine, head) if mine_moved else (head, mine)
    order = [i for i in first if i in live]
    placed = set(order)
    others = placed - set(base)  # the first side's additions
    for index, record in enumerate(second):
        if record in placed or record not in live:
            continue
        anchor = next((r for r in reversed(second[:index]) if r in placed), None)
        at = 0 if anchor is None else order.index(anchor) + 1
        while at < len(order) and order[at] in others:
            at += 1
        order.insert(at, record)
        placed.add(record)
    return order


def _rebased(key: Key, base: str | None, head: str | None, mine: str | None) -> str | list[str]:
    """``mine`` rebased on ``head``, or the places both changed (added or removed: all)."""
    if base is None or head is None or mine is None:
        return []
    return rebased(dict(KINDS)[key[0]], base, head, mine)


def _clash(
    history: History, key: Key, start: int, places: list[str]
) -> tuple[str, int, str | None, str, tuple[str, ...]]:
    """Who last changed ``key`` after ``start``, when, and the places both changed."""
    found = history.db.execute(
        "SELECT MAX(revision) FROM samarbejde_versions WHERE kind = ? AND id = ? AND revision > ?",
        (*key, start),
    )
    number = int(found[0][0])
    (revision,) = history.revisions([number])
    at = revision.recorded_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (f"{key[0]}[{key[1]}]", number, revision.recorded_by, at, tuple(places))


def _texts(  # noqa: PLR0917 - the states the merge compares
    history: History,
    changed: Sequence[Key],
    mine: Rows,
    base_rows: Rows,
    head_rows: Rows,
    start: int,
    head: int,
) -> dict[Key, str | None]:
    """The rows this save writes: its own, each rebased on a later revision's edit."""
    texts: dict[Key, str | None] = {k: mine.get(k) for k in changed}
    if start == head:
        return texts
    touched = {
        (str(k), str(i))
        for k, i in history.db.execute(
            "SELECT DISTINCT kind, id FROM samarbejde_versions WHERE revision > ?", (start,)
        )
    }
    clashes = []
    for key in changed:
        if key not in touched:
            continue
        if mine.get(key) == head_rows.get(key):
            del texts[key]  # both made the same edit
            continue
        found = _rebased(key, base_rows.get(key), head_rows.get(key), mine.get(key))
        if isinstance(found, list):
            clashes.append(_clash(history, key, start, found))
        else:
            texts[key] = found
    if clashes:
        raise ConflictError([c[0] for c in clashes], start, head, clashes)
    return texts


def _stored(
    history: History, key: Key, data: str | None, number: int
) -> tuple[str | None, int, int]:
    """How revision ``number`` stores ``data`` for ``key``: ``(data, depth, anchor)``.

    A patch of the latest version where that is much smaller and the chain of patches
    is short (:data:`~samarbejde.store._deltas.DEPTH`); the whole JSON otherwise.
    """
    if data is None:
        return None, 0, number
    found = history.db.execute(
        "SELECT depth, anchor, data FROM samarbejde_versions WHERE kind = ? AND id = ?"
        " ORDER BY revision DESC LIMIT 1",
        key,
    )
    if not found or found[0][2] is None or found[0][0] >= DEPTH:
        return data, 0, number
    previous = history.state(number - 1).rows.get(key)
    patch = None if previous is None else delta(previous, data)
    if patch is None:
        return data, 0, number
    return patch, int(found[0][0]) + 1, int(found[0][1])
