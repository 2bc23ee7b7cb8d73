"""The store's tables and their numbered migrations, applied in order when a store is opened.

A new store applies every migration; an older one applies those after the version it
records, in one transaction with the opening. Schema version 2 will be one more
:class:`Migration` at the end of :data:`MIGRATIONS`; the version a store records is
written by :func:`prepare`, never by a migration.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from samarbejde.documents import FORMAT_VERSION
from samarbejde.store._engines import Engine, StoreError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "prepare", "recorded_version"]


@attrs.frozen
class Migration:
    """The statements that bring a store from schema version ``version - 1`` to ``version``.

    Attributes:
        version: The schema version the store has once these statements ran.
        summary: What changes, in a few words.
        statements: SQL that SQLite and PostgreSQL both run, with ``?`` placeholders.
    """

    version: int
    summary: str
    statements: tuple[str, ...]


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
    with db.writing():
        if db.name == "postgresql":  # two first openings must not both create tables
            db.execute("SELECT pg_advisory_xact_lock(5722751)")
        try:
            version = recorded_version(db, target)
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
