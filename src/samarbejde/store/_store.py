"""The store: a portfolio's revisions, one row per changed record version."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs
import pendulum

from samarbejde.changes import Change, keyed_changes
from samarbejde.documents import FORMAT_VERSION, loads, structure, unstructure
from samarbejde.model import Area, Organisation, Partnership, Portfolio
from samarbejde.store._engines import Engine, StoreError, connect

__all__ = ["SCHEMA_VERSION", "ConflictError", "Revision", "Store", "open_store"]

#: The version of the store's tables that this release writes and reads.
SCHEMA_VERSION = 1

#: Upgrades of older stores: from a schema version, the statements that bring it to
#: the next one. Empty while there is only one version.
UPGRADES: Mapping[int, tuple[str, ...]] = {}

#: The record kinds of a portfolio, in document order, with their record types.
KINDS: tuple[tuple[str, type[Any]], ...] = (
    ("organisations", Organisation),
    ("areas", Area),
    ("partnerships", Partnership),
)
_TYPES = dict(KINDS)
_RECORD = re.compile(r"^(organisations|areas|partnerships)\[([^\]]+)\]")
_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS samarbejde_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS samarbejde_head (id INTEGER PRIMARY KEY,"
    " revision INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS samarbejde_revisions (number INTEGER PRIMARY KEY,"
    " recorded_at TEXT NOT NULL, recorded_by TEXT, note TEXT NOT NULL, base INTEGER)",
    "CREATE TABLE IF NOT EXISTS samarbejde_versions (kind TEXT NOT NULL, id TEXT NOT NULL,"
    " revision INTEGER NOT NULL REFERENCES samarbejde_revisions (number), data TEXT,"
    " PRIMARY KEY (kind, id, revision))",
    "CREATE INDEX IF NOT EXISTS samarbejde_versions_revision ON samarbejde_versions (revision)",
    "CREATE TABLE IF NOT EXISTS samarbejde_orders (kind TEXT NOT NULL,"
    " revision INTEGER NOT NULL REFERENCES samarbejde_revisions (number), ids TEXT NOT NULL,"
    " PRIMARY KEY (kind, revision))",
)

Key = tuple[str, str]


class ConflictError(StoreError):
    """A save started from an older revision would overwrite a later change.

    Nothing was written. Load the latest portfolio, make the edit again, and save
    with the latest revision as ``base``.

    Attributes:
        paths: The records both changed, by path (``partnerships[medvind]``).
        base: The revision the edit started from.
        latest: The latest revision when the save was tried.
    """

    paths: tuple[str, ...]
    base: int
    latest: int

    def __init__(self, paths: Iterable[str], base: int, latest: int) -> None:
        self.paths = tuple(sorted(paths))
        self.base = base
        self.latest = latest
        shown = ", ".join(self.paths)
        super().__init__(
            f"revisions after {base} (up to {latest}) changed what this save changes: {shown};"
            f" load revision {latest}, make the edit again and save with base={latest}"
        )

    def __reduce__(self) -> tuple[type[ConflictError], tuple[object, ...]]:
        return (type(self), (self.paths, self.base, self.latest))


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


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise StoreError(f"recorded_at and at must be aware (with a time zone), got {moment}")
    return pendulum.instance(moment).in_timezone("UTC").strftime(_STAMP)


def _moment(text: str) -> pendulum.DateTime:
    parsed = pendulum.parse(text)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed.in_timezone("UTC")


def _json(data: object) -> str:
    # The compact JSON of documents (see samarbejde.dumps), one record at a time.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class Store:
    """A portfolio's revisions in SQLite or PostgreSQL; open one with :func:`open`.

    A store keeps every revision: each save writes one row per record (organisation,
    area or partnership) that changed, so it grows with what changed. Revisions are
    never changed afterwards. One store object holds one connection; use it from one
    thread, and close it (or use it in a ``with`` block).
    """

    def __init__(self, engine: Engine, target: str) -> None:
        self._db = engine
        self._target = target
        # What this store object last wrote or read, so that a small edit of a large
        # portfolio is not written out and compared in full: the document JSON of each
        # record object it has seen (by identity; records are frozen), and the rows and
        # orders of one revision (revisions never change). Not shared between objects.
        self._texts: dict[Key, tuple[object, str]] = {}
        self._before = self._texts
        self._known: tuple[int, dict[Key, str], dict[str, list[str]]] | None = None
        self._pending: tuple[int, dict[Key, str], dict[str, list[str]]] | None = None
        self._prepare()

    def _split(self, portfolio: Portfolio) -> tuple[dict[Key, str], dict[str, list[str]]]:
        """Each record of ``portfolio`` as document JSON by (kind, id), and each kind's order."""
        rows: dict[Key, str] = {}
        orders: dict[str, list[str]] = {}
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
                seen = self._texts.get(key)
                text = (
                    seen[1]
                    if seen is not None and seen[0] is record
                    else _json(unstructure(record))
                )
                rows[key] = text
                texts[key] = (record, text)
        self._before, self._texts = self._texts, texts
        return rows, orders

    def _remember(self, portfolio: Portfolio, rows: Mapping[Key, str]) -> None:
        self._texts = {
            (kind, r.id): (r, rows[kind, r.id])
            for kind, _ in KINDS
            for r in getattr(portfolio, kind)
        }

    def _state(self, number: int) -> tuple[dict[Key, str], dict[str, list[str]]]:
        """The rows and orders of revision ``number``."""
        if self._known is not None and self._known[0] == number:
            return self._known[1], self._known[2]
        rows, orders = self._rows(number), self._orders(number)
        self._known = (number, rows, orders)
        return rows, orders

    # -- opening -----------------------------------------------------------------

    def _prepare(self) -> None:
        db = self._db
        with db.writing():
            if db.name == "postgresql":  # two first openings must not both create tables
                db.execute("SELECT pg_advisory_xact_lock(5722751)")
            try:
                version = self._schema_version()
            except StoreError:
                raise
            except Exception as error:
                raise StoreError(f"{self._target}: not a samarbejde store: {error}") from None
            if version is None:
                for statement in _SCHEMA:
                    db.execute(statement)
                db.executemany(
                    "INSERT INTO samarbejde_meta (key, value) VALUES (?, ?)",
                    [("schema", str(SCHEMA_VERSION)), ("format", FORMAT_VERSION)],
                )
                db.execute("INSERT INTO samarbejde_head (id, revision) VALUES (1, 0)")
            elif version < SCHEMA_VERSION:
                self._upgrade(version)
            elif version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self._target}: the store has schema version {version}, newer than this"
                    f" release reads ({SCHEMA_VERSION}): upgrade samarbejde to open it"
                )

    def _schema_version(self) -> int | None:
        tables = self._tables()
        if "samarbejde_meta" not in tables:
            if tables & {"samarbejde_versions", "samarbejde_revisions"}:
                raise StoreError(f"{self._target}: store tables without a schema version")
            return None
        rows = self._db.execute("SELECT value FROM samarbejde_meta WHERE key = 'schema'")
        if not rows:
            raise StoreError(f"{self._target}: the store does not record its schema version")
        return int(rows[0][0])

    def _tables(self) -> set[str]:
        if self._db.name == "sqlite":
            rows = self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        else:
            rows = self._db.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
            )
        return {str(r[0]) for r in rows}

    def _upgrade(self, version: int) -> None:
        start = version
        while version < SCHEMA_VERSION:
            steps = UPGRADES.get(version)
            if steps is None:
                raise StoreError(
                    f"{self._target}: the store has schema version {start}, which this release"
                    f" ({SCHEMA_VERSION}) cannot upgrade: open it with the release that wrote it,"
                    " write its portfolio to a document (samarbejde store export) and save that"
                    " into a new store"
                )
            for statement in steps:
                self._db.execute(statement)
            version += 1
        self._db.execute(
            "UPDATE samarbejde_meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),)
        )

    def close(self) -> None:
        """Close the connection to the database."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<samarbejde.store.Store {self._db.name}>"

    @property
    def engine(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._db.name

    @property
    def schema_version(self) -> int:
        """The schema version the store records."""
        with self._db.reading():
            version = self._schema_version()
        assert version is not None
        return version

    # -- reading -----------------------------------------------------------------

    def _head(self) -> int:
        return int(self._db.execute("SELECT revision FROM samarbejde_head WHERE id = 1")[0][0])

    def _rows(self, number: int) -> dict[Key, str]:
        found = self._db.execute(
            "SELECT v.kind, v.id, v.data FROM samarbejde_versions v JOIN"
            " (SELECT kind, id, MAX(revision) AS revision FROM samarbejde_versions"
            "  WHERE revision <= ? GROUP BY kind, id) latest"
            " ON v.kind = latest.kind AND v.id = latest.id AND v.revision = latest.revision",
            (number,),
        )
        return {(str(k), str(i)): str(d) for k, i, d in found if d is not None}

    def _orders(self, number: int) -> dict[str, list[str]]:
        found = self._db.execute(
            "SELECT o.kind, o.ids FROM samarbejde_orders o JOIN"
            " (SELECT kind, MAX(revision) AS revision FROM samarbejde_orders"
            "  WHERE revision <= ? GROUP BY kind) latest"
            " ON o.kind = latest.kind AND o.revision = latest.revision",
            (number,),
        )
        orders: dict[str, list[str]] = {kind: [] for kind, _ in KINDS}
        for kind, ids in found:
            orders[str(kind)] = list(json.loads(ids))
        return orders

    def _number_at(self, at: datetime | None, revision: int | None) -> int:
        head = self._head()
        if revision is not None:
            if at is not None:
                raise StoreError("give at or revision, not both")
            if not 0 <= revision <= head:
                raise StoreError(f"no revision {revision}: the store has 1 to {head}")
            return revision
        if at is None:
            return head
        found = self._db.execute(
            "SELECT MAX(number) FROM samarbejde_revisions WHERE recorded_at <= ?", (_stamp(at),)
        )
        return int(found[0][0] or 0)

    def _document(self, number: int) -> str:
        rows, orders = self._state(number)
        parts = [f'"format":{_json(FORMAT_VERSION)}']
        for kind, _ in KINDS:
            ids = orders[kind]
            missing = [i for i in ids if (kind, i) not in rows]
            if missing or len(ids) != sum(1 for k, _ in rows if k == kind):
                raise StoreError(f"{self._target}: revision {number} of {kind} is inconsistent")
            if ids:
                parts.append(f'"{kind}":[' + ",".join(rows[kind, i] for i in ids) + "]")
        return "{" + ",".join(parts) + "}"

    def portfolio(self, at: datetime | None = None, *, revision: int | None = None) -> Portfolio:
        """The portfolio as recorded at the instant ``at`` (by default: the latest).

        ``store.portfolio(at=t).as_of(day)`` answers both questions: what we knew at
        ``t`` about what was true on ``day``. Before the first revision the portfolio
        is empty.

        Args:
            at: An aware date and time; the latest revision recorded at or before it.
            revision: A revision number instead (``0`` for the empty start).

        Raises:
            StoreError: ``at`` has no time zone, or there is no such revision.
        """
        with self._db.reading():
            number = self._number_at(at, revision)
            text = self._document(number)
        portfolio = loads(text, "json", source=f"{self._target}@{number}")
        self._remember(portfolio, self._state(number)[0])
        return portfolio

    @property
    def latest(self) -> Revision | None:
        """The latest revision, without its changes; ``None`` for an empty store."""
        with self._db.reading():
            head = self._head()
            return self._revision_rows([head])[0] if head else None

    def _revision_rows(self, numbers: Sequence[int]) -> list[Revision]:
        if not numbers:
            return []
        marks = ",".join("?" for _ in numbers)
        found = self._db.execute(
            "SELECT number, recorded_at, recorded_by, note, base FROM samarbejde_revisions"
            f" WHERE number IN ({marks}) ORDER BY number",
            tuple(numbers),
        )
        return [
            Revision(int(n), _moment(str(at)), by, str(note), None if b is None else int(b))
            for n, at, by, note, b in found
        ]

    def revision(self, number: int) -> Revision:
        """Revision ``number`` with its changes.

        Raises:
            StoreError: There is no such revision.
        """
        with self._db.reading():
            found = self._revision_rows([number])
            if not found:
                raise StoreError(f"no revision {number}: the store has 1 to {self._head()}")
            return attrs.evolve(found[0], changes=self._changes(number))

    def revisions(self, record: str | None = None) -> tuple[Revision, ...]:
        """Every revision, oldest first, each with its changes.

        Args:
            record: A path by ids, e.g. ``partnerships[medvind]`` or
                ``partnerships[medvind].commitments[c-1]``: only the revisions that
                changed something there, each with only those changes.

        Raises:
            StoreError: ``record`` does not start with a record of the portfolio.
        """
        with self._db.reading():
            if record is None:
                numbers = [
                    r[0] for r in self._db.execute("SELECT number FROM samarbejde_revisions")
                ]
                found = self._revision_rows(sorted(int(n) for n in numbers))
                return tuple(attrs.evolve(r, changes=self._changes(r.number)) for r in found)
            match = _RECORD.match(record)
            if match is None:
                raise StoreError(
                    f"{record!r}: name a record, e.g. partnerships[medvind] or areas[a-1]"
                )
            kind, record_id = match.groups()
            rows = self._db.execute(
                "SELECT revision FROM samarbejde_versions WHERE kind = ? AND id = ?"
                " UNION SELECT revision FROM samarbejde_orders WHERE kind = ?",
                (kind, record_id, kind),
            )
            out: list[Revision] = []
            for r in self._revision_rows(sorted({int(n) for (n,) in rows})):
                changes = tuple(c for c in self._changes(r.number) if _under(c.path, record))
                if changes:
                    out.append(attrs.evolve(r, changes=changes))
            return tuple(out)

    def _changes(
        self, number: int, known: Sequence[Mapping[Key, tuple[object, str]]] = ()
    ) -> tuple[Change, ...]:
        """What revision ``number`` changed: ``diff(portfolio(number - 1), portfolio(number))``."""
        versions: dict[str, dict[str, str | None]] = {kind: {} for kind, _ in KINDS}
        for kind, record_id, data in self._db.execute(
            "SELECT kind, id, data FROM samarbejde_versions WHERE revision = ?", (number,)
        ):
            versions[str(kind)][str(record_id)] = data
        before, after = self._orders(number - 1), self._orders(number)
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
                        whole[n] = loads(self._document(n), "json")
                old, new = getattr(whole[number - 1], kind), getattr(whole[number], kind)
                found = (Change((kind,), "changed", old, new),)
            out += found
        return tuple(out)

    def _version(
        self,
        kind: str,
        record_id: str,
        number: int,
        cls: type[Any],
        known: Sequence[Mapping[Key, tuple[object, str]]] = (),
    ) -> Any:
        """The record as of revision ``number``; a known object with the same JSON if any."""
        found = self._db.execute(
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

    # -- writing -----------------------------------------------------------------

    def save(
        self,
        portfolio: Portfolio,
        *,
        recorded_by: str,
        note: str = "",
        base: Revision | int | None = None,
        recorded_at: datetime | None = None,
    ) -> Revision:
        """Record what changed as one new revision, atomically.

        Args:
            portfolio: The portfolio as it should be recorded.
            recorded_by: The post or system recording it (never a person's name).
            note: Why, in free text.
            base: The revision the edit started from. When later revisions changed a
                record that this save changes too, nothing is written and
                :class:`ConflictError` is raised; records changed only by the later
                revisions keep their changes. ``None`` means the latest revision:
                the portfolio is recorded as given.
            recorded_at: When (aware); by default now, read from the clock here.
                Never before the latest revision's time: a clock behind that is
                moved up to it, a value given earlier is refused.

        Returns:
            The new revision, with its changes.

        Raises:
            ConflictError: A later revision than ``base`` changed what this save changes.
            StoreError: ``base`` is not a revision, ``recorded_at`` is naive or earlier
                than the latest revision, or two records of one kind share an id.
        """
        if not recorded_by.strip():
            raise StoreError("recorded_by names the post or system that records the revision")
        explicit = recorded_at is not None
        moment = recorded_at if recorded_at is not None else pendulum.now("UTC")
        stamp = _stamp(moment)
        mine, mine_orders = self._split(portfolio)
        try:
            with self._db.writing():
                saved = self._write(
                    mine,
                    mine_orders=mine_orders,
                    base=base,
                    stamp=stamp,
                    explicit=explicit,
                    recorded_by=recorded_by,
                    note=note,
                )
        except BaseException:
            self._known = None  # it may describe a revision that was never committed
            raise
        self._known = self._pending  # only once the revision is committed
        return saved

    def _write(
        self,
        mine: dict[Key, str],
        *,
        mine_orders: dict[str, list[str]],
        base: Revision | int | None,
        stamp: str,
        explicit: bool,
        recorded_by: str,
        note: str,
    ) -> Revision:
        """The body of :meth:`save`, inside its write transaction."""
        self._db.execute("UPDATE samarbejde_head SET revision = revision WHERE id = 1")
        head = self._head()
        start = head if base is None else base.number if isinstance(base, Revision) else base
        if not 0 <= start <= head:
            raise StoreError(f"base {start} is not a revision of this store (0 to {head})")
        number = head + 1
        rows, orders = self._merge(mine, mine_orders, start, head)
        if head:
            last = str(
                self._db.execute(
                    "SELECT recorded_at FROM samarbejde_revisions WHERE number = ?", (head,)
                )[0][0]
            )
            if stamp < last:
                if explicit:
                    raise StoreError(f"recorded_at {stamp} is before revision {head} ({last})")
                stamp = last
        self._db.execute(
            "INSERT INTO samarbejde_revisions (number, recorded_at, recorded_by, note, base)"
            " VALUES (?, ?, ?, ?, ?)",
            (number, stamp, recorded_by, note, None if base is None else start),
        )
        self._db.executemany(
            "INSERT INTO samarbejde_versions (kind, id, revision, data) VALUES (?, ?, ?, ?)",
            [(k, i, number, d) for (k, i), d in rows],
        )
        self._db.executemany(
            "INSERT INTO samarbejde_orders (kind, revision, ids) VALUES (?, ?, ?)",
            [(k, number, _json(ids)) for k, ids in orders],
        )
        self._db.execute("UPDATE samarbejde_head SET revision = ? WHERE id = 1", (number,))
        saved = Revision(number, _moment(stamp), recorded_by, note, None if base is None else start)
        return attrs.evolve(saved, changes=self._changes(number, (self._texts, self._before)))

    def _merge(
        self, mine: dict[Key, str], mine_orders: dict[str, list[str]], start: int, head: int
    ) -> tuple[list[tuple[Key, str | None]], list[tuple[str, list[str]]]]:
        """The version rows and orders to write; raises ConflictError on a lost update."""
        base_rows = self._state(start)[0]
        changed = sorted(
            k for k in mine.keys() | base_rows.keys() if mine.get(k) != base_rows.get(k)
        )
        if start < head:
            touched = {
                (str(k), str(i))
                for k, i in self._db.execute(
                    "SELECT DISTINCT kind, id FROM samarbejde_versions WHERE revision > ?", (start,)
                )
            }
            clash = [f"{k}[{i}]" for k, i in changed if (k, i) in touched]
            if clash:
                raise ConflictError(clash, start, head)
        head_rows, head_orders = self._state(head)
        rows: list[tuple[Key, str | None]] = [(k, mine.get(k)) for k in changed]
        orders: list[tuple[str, list[str]]] = []
        for kind, _ in KINDS:
            base_ids = {i for k, i in base_rows if k == kind}
            mine_ids = set(mine_orders[kind])
            live = ({i for k, i in head_rows if k == kind} - (base_ids - mine_ids)) | (
                mine_ids - base_ids
            )
            order = [i for i in mine_orders[kind] if i in live]
            order += [i for i in head_orders[kind] if i in live and i not in mine_ids]
            if order != head_orders[kind]:
                orders.append((kind, order))
        after = {**head_rows, **{k: d for k, d in rows if d is not None}}
        for k, d in rows:
            if d is None:
                after.pop(k, None)
        self._pending = (head + 1, after, {**head_orders, **dict(orders)})
        return rows, orders


def _under(path: str, record: str) -> bool:
    """Whether a change at ``path`` touches ``record``: at it, inside it, or around it."""

    def inside(inner: str, outer: str) -> bool:
        return inner == outer or inner.startswith((outer + ".", outer + "["))

    return inside(path, record) or inside(record, path)


def open_store(target: str | os.PathLike[str], *, timeout: float = 30.0) -> Store:
    """Open (or create) the store at ``target``.

    Args:
        target: A file path or ``sqlite:///file.db`` (SQLite, nothing to install or
            start), or ``postgresql://user@host/db`` (needs ``samarbejde[postgres]``).
        timeout: Seconds to wait for a lock held by another writer, or to connect.

    Raises:
        StoreError: It cannot be opened, is not a samarbejde store, or has a schema
            version this release cannot read (the message says what to do).
    """
    text = os.fspath(target)
    return Store(connect(text, timeout), text)
