"""The store's tables and their numbered migrations, applied in order when a store is opened.

A new store applies every migration; an older one applies those after the version it
records, in one transaction with the opening. A migration is SQL, and where stored
values must be rewritten, a Python step after it; the version a store records is
written by :func:`prepare`, never by a migration. An open that finds the latest version
reads it without taking the write lock.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from samarbejde.documents import FORMAT_VERSION
from samarbejde.store._engines import Engine, StoreError
from samarbejde.store._errors import StoreDamagedError
from samarbejde.store._records import checksum, reordered

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "prepare", "recorded_version"]


@attrs.frozen
class Migration:
    """The statements that bring a store from schema version ``version - 1`` to ``version``.

    Attributes:
        version: The schema version the store has once these statements ran.
        summary: What changes, in a few words.
        statements: SQL that SQLite and PostgreSQL both run, with ``?`` placeholders.
        rewrite: Run after the statements, in the same transaction, where stored values
            must change (SQL alone cannot say it the same on both engines).
    """

    version: int
    summary: str
    statements: tuple[str, ...]
    rewrite: Callable[[Engine], None] | None = None


def _padded(text: str) -> str:
    """A version 1 record time with its year written in four digits."""
    year, rest = text.split("-", 1)
    return f"{int(year):04d}-{rest}"


def seal(db: Engine) -> None:
    """Write every row's checksum and each revision's row count (schema version 2).

    Every version 1 record version is whole (``depth`` 0, its own ``anchor``).

    Also writes version 1's record times with four-digit years, so that text order is
    time order before year 1000.
    """
    counts: dict[int, int] = {}
    for table in ("samarbejde_versions", "samarbejde_orders"):
        for number, count in db.execute(
            f"SELECT revision, COUNT(*) FROM {table} GROUP BY revision"
        ):
            counts[int(number)] = counts.get(int(number), 0) + int(count)
    revisions = db.execute(
        "SELECT number, recorded_at, recorded_by, note, base FROM samarbejde_revisions"
    )
    db.executemany(
        "UPDATE samarbejde_revisions SET recorded_at = ?, row_count = ?, checksum = ?"
        " WHERE number = ?",
        [
            (
                _padded(at),
                counts.get(n, 0),
                revision_checksum(n, _padded(at), by, note, base, counts.get(n, 0)),
                n,
            )
            for n, at, by, note, base in revisions
        ],
    )
    db.executemany(
        "UPDATE samarbejde_versions SET checksum = ?, anchor = revision"
        " WHERE kind = ? AND id = ? AND revision = ?",
        [
            (version_checksum(k, i, r, d, 0, r), k, i, r)
            for k, i, r, d in db.execute("SELECT kind, id, revision, data FROM samarbejde_versions")
        ],
    )
    db.executemany(
        "UPDATE samarbejde_orders SET moved = ?, checksum = ? WHERE kind = ? AND revision = ?",
        _sealed_orders(db.execute("SELECT kind, revision, ids FROM samarbejde_orders")),
    )


def _sealed_orders(rows: Sequence[tuple[Any, ...]]) -> list[tuple[object, ...]]:
    """Each order row's ``moved`` flag and checksum, from the order before it."""
    before: dict[str, list[str]] = {}
    out: list[tuple[object, ...]] = []
    for kind, revision, ids in sorted(rows, key=lambda row: (row[0], row[1])):
        new = list(json.loads(ids))
        moved = int(reordered(before.get(kind, []), new))
        before[kind] = new
        out.append((moved, order_checksum(kind, revision, ids, moved), kind, revision))
    return out


def revision_checksum(  # noqa: PLR0917 - the row's columns, in order
    number: int, at: str, by: str | None, note: str, base: int | None, count: int
) -> str:
    """The checksum of a revision's row."""
    return checksum("revision", number, at, by, note, base, count)


def version_checksum(  # noqa: PLR0917 - the row's columns, in order
    kind: str, record_id: str, revision: int, data: str | None, depth: int, anchor: int
) -> str:
    """The checksum of a record version's row."""
    return checksum("version", kind, record_id, revision, data, depth, anchor)


def order_checksum(kind: str, revision: int, ids: str, moved: int) -> str:
    """The checksum of an order's row."""
    return checksum("order", kind, revision, ids, moved)


#: Every migration, oldest first, numbered 1, 2, 3 ... A new store runs them all.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "the meta data, the head, revisions, record versions and list orders",
        (
            "CREATE TABLE IF NOT EXISTS samarbejde_meta (key TEXT PRIMARY KEY,"
            " value TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS samarbejde_head (id INTEGER PRIMARY KEY,"
            " revision INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS samarbejde_revisions (number INTEGER PRIMARY KEY,"
            " recorded_at TEXT NOT NULL, recorded_by TEXT, note TEXT NOT NULL, base INTEGER)",
            "CREATE TABLE IF NOT EXISTS samarbejde_versions (kind TEXT NOT NULL,"
            " id TEXT NOT NULL,"
            " revision INTEGER NOT NULL REFERENCES samarbejde_revisions (number), data TEXT,"
            " PRIMARY KEY (kind, id, revision))",
            "CREATE INDEX IF NOT EXISTS samarbejde_versions_revision"
            " ON samarbejde_versions (revision)",
            "CREATE TABLE IF NOT EXISTS samarbejde_orders (kind TEXT NOT NULL,"
            " revision INTEGER NOT NULL REFERENCES samarbejde_revisions (number),"
            " ids TEXT NOT NULL, PRIMARY KEY (kind, revision))",
            "INSERT INTO samarbejde_head (id, revision) VALUES (1, 0)",
        ),
    ),
    Migration(
        2,
        "a checksum on every row, row counts, record times with four-digit years,"
        " record versions stored as patches",
        (
            "ALTER TABLE samarbejde_revisions ADD COLUMN row_count INTEGER",
            "ALTER TABLE samarbejde_revisions ADD COLUMN checksum TEXT",
            "ALTER TABLE samarbejde_versions ADD COLUMN checksum TEXT",
            "ALTER TABLE samarbejde_versions ADD COLUMN depth INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE samarbejde_versions ADD COLUMN anchor INTEGER",
            "ALTER TABLE samarbejde_orders ADD COLUMN checksum TEXT",
            "ALTER TABLE samarbejde_orders ADD COLUMN moved INTEGER NOT NULL DEFAULT 0",
        ),
        seal,
    ),
)

#: The version of the store's tables that this release writes and reads.
SCHEMA_VERSION = MIGRATIONS[-1].version


def prepare(db: Engine, target: str, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Make the store at ``db`` one of the latest schema version, or refuse it.

    Creates a new store, migrates an older one (in one transaction: a failing step
    leaves it as it was), opens one of the latest version as it is.

    Args:
        db: The connection.
        target: The store's name, for messages.
        migrations: The migrations, oldest first (for tests; the store's are
            :data:`MIGRATIONS`).

    Raises:
        StoreError: It is not a samarbejde store, is newer than ``migrations`` reach,
            older than they can upgrade (the message says what to do), or a step
            failed (the store is left as it was).
    """
    latest = migrations[-1].version
    try:
        with db.reading():
            if recorded_version(db, target) == latest:
                return  # the usual case: no write lock taken
    except StoreDamagedError as error:
        raise StoreError(f"{target}: not a samarbejde store: {error}") from None
    except StoreError:
        pass  # said again below, under the lock
    except Exception as error:
        raise StoreError(f"{target}: not a samarbejde store: {error}") from None
    with db.writing():
        if db.name == "postgresql":  # two first openings must not both create tables
            db.execute("SELECT pg_advisory_xact_lock(5722751)")
        try:
            version = recorded_version(db, target)
        except StoreDamagedError as error:
            raise StoreError(f"{target}: not a samarbejde store: {error}") from None
        except StoreError:
            raise
        except Exception as error:
            raise StoreError(f"{target}: not a samarbejde store: {error}") from None
        if version is None:
            _migrate(db, target, migrations)
            db.executemany(
                "INSERT INTO samarbejde_meta (key, value) VALUES (?, ?)",
                [("schema", str(latest)), ("format", FORMAT_VERSION)],
            )
        elif version < latest:
            steps = [m for m in migrations if m.version > version]
            if [m.version for m in steps] != list(range(version + 1, latest + 1)):
                raise StoreError(
                    f"{target}: the store has schema version {version}, which this release"
                    f" ({latest}) cannot upgrade: open it with the release that wrote it,"
                    " write its portfolio to a document (samarbejde store export) and save that"
                    " into a new store"
                )
            _migrate(db, target, steps)
            db.execute("UPDATE samarbejde_meta SET value = ? WHERE key = 'schema'", (str(latest),))
        elif version > latest:
            raise StoreError(
                f"{target}: the store has schema version {version}, newer than this"
                f" release reads ({latest}): upgrade samarbejde to open it"
            )


def _migrate(db: Engine, target: str, steps: Sequence[Migration]) -> None:
    for step in steps:
        try:
            for statement in step.statements:
                db.execute(statement)
            if step.rewrite is not None:
                step.rewrite(db)
        except Exception as error:  # the transaction is rolled back: nothing changed
            raise StoreError(
                f"{target}: cannot migrate to schema version {step.version} ({step.summary}):"
                f" {error}; the store is unchanged"
            ) from error


def recorded_version(db: Engine, target: str) -> int | None:
    """The schema version the store records; ``None`` where there is no store yet.

    Raises:
        StoreError: There are store tables but no schema version.
    """
    tables = _tables(db)
    if "samarbejde_meta" not in tables:
        if tables & {"samarbejde_versions", "samarbejde_revisions"}:
            raise StoreError(f"{target}: store tables without a schema version")
        return None
    rows = db.execute("SELECT value FROM samarbejde_meta WHERE key = 'schema'")
    if not rows:
        raise StoreError(f"{target}: the store does not record its schema version")
    return int(rows[0][0])


def _tables(db: Engine) -> set[str]:
    if db.name == "sqlite":
        rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    return {str(r[0]) for r in rows}
