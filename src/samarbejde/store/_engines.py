"""The two database engines behind a store: SQLite (``sqlite3``) and PostgreSQL (psycopg 3).

Both run the same SQL, written with ``?`` placeholders; only connecting, beginning a
transaction and the placeholder style differ.
"""

from __future__ import annotations

import contextlib
import importlib
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from samarbejde.model import SamarbejdeError

__all__ = ["Engine", "StoreError", "connect"]

Row = tuple[Any, ...]


class StoreError(SamarbejdeError):
    """A store cannot be opened, read or written as asked; the message says why."""


class Engine(Protocol):
    """What the store needs from a database connection."""

    #: ``"sqlite"`` or ``"postgresql"``.
    name: str

    def execute(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Run one statement and return its rows (none for statements without rows)."""

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement for each row of parameters."""

    def writing(self) -> contextlib.AbstractContextManager[None]:
        """A transaction that holds the store's write lock from its first statement."""

    def reading(self) -> contextlib.AbstractContextManager[None]:
        """A transaction that reads one consistent snapshot."""

    def close(self) -> None:
        """Close the connection."""


class SQLite:
    """The embedded engine: one file, write-ahead log, full sync on commit."""

    name = "sqlite"

    def __init__(self, path: str, timeout: float) -> None:
        try:
            self._db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
            if path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: cannot open as a SQLite store: {error}") from None

    def execute(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Run one statement and return its rows."""
        return self._db.execute(sql, tuple(params)).fetchall()

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement for each row of parameters."""
        self._db.executemany(sql, [tuple(r) for r in rows])

    @contextlib.contextmanager
    def _transaction(self, begin: str) -> Iterator[None]:
        self._db.execute(begin)
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def writing(self) -> contextlib.AbstractContextManager[None]:
        """``BEGIN IMMEDIATE``: take the write lock first, wait for it up to the timeout."""
        return self._transaction("BEGIN IMMEDIATE")

    def reading(self) -> contextlib.AbstractContextManager[None]:
        """A deferred transaction: its first read fixes the snapshot."""
        return self._transaction("BEGIN")

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


class PostgreSQL:
    """A PostgreSQL server through psycopg 3 (the ``samarbejde[postgres]`` extra)."""

    name = "postgresql"

    def __init__(self, url: str, timeout: float) -> None:
        try:  # optional and only for this engine; by name, so types do not depend on it
            psycopg: Any = importlib.import_module("psycopg")
        except ImportError:
            raise StoreError(
                "a postgresql:// store needs psycopg 3: pip install 'samarbejde[postgres]'"
            ) from None
        self._psycopg = psycopg
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(timeout)))
        except psycopg.Error as error:
            raise StoreError(f"cannot connect to the PostgreSQL store: {error}") from None

    def execute(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Run one statement and return its rows."""
        cursor = self._db.execute(sql.replace("?", "%s"), tuple(params))
        return cursor.fetchall() if cursor.description is not None else []

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement for each row of parameters."""
        with self._db.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), [tuple(r) for r in rows])

    @contextlib.contextmanager
    def _transaction(self, first: str | None) -> Iterator[None]:
        with self._db.transaction():
            if first is not None:
                self._db.execute(first)
            yield

    def writing(self) -> contextlib.AbstractContextManager[None]:
        """A read-committed transaction; the store locks its head row first."""
        return self._transaction(None)

    def reading(self) -> contextlib.AbstractContextManager[None]:
        """A repeatable-read transaction: one snapshot for every statement."""
        return self._transaction("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


def connect(target: str, timeout: float) -> Engine:
    """The engine for ``target``: ``postgresql://…``, ``sqlite:///…`` or a file path."""
    if target.startswith(("postgresql://", "postgres://")):
        return PostgreSQL(target, timeout)
    if target.startswith("sqlite://"):
        path = target.removeprefix("sqlite://")
        if not path.startswith("/"):
            raise StoreError(f"{target}: write sqlite:///relative.db or sqlite:////absolute.db")
        path = path[1:]
        if not path:
            raise StoreError(f"{target}: no file named after sqlite:///")
        return SQLite(path, timeout)
    if "://" in target:
        scheme = target.split("://", 1)[0]
        raise StoreError(
            f"{target}: unknown store scheme {scheme!r}: use sqlite:/// or postgresql://"
        )
    return SQLite(target, timeout)
