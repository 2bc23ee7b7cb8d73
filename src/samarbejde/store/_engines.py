"""The two database engines behind a store: SQLite (``sqlite3``) and PostgreSQL (psycopg 3).

Both run the same SQL, written with ``?`` placeholders; only connecting, beginning a
transaction and the placeholder style differ. Both are safe to share between threads:
SQLite keeps one connection per thread, PostgreSQL borrows a connection from a small
pool for each transaction (D61). Every driver exception leaves as a :class:`StoreError`
subclass (:func:`translated`), with the store's name.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from samarbejde.store._errors import (
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreInputError,
    StoreUnavailableError,
)

__all__ = ["Engine", "StoreError", "connect"]

Row = tuple[Any, ...]

#: Connections a PostgreSQL store keeps open at most (a web server's worker threads share them).
POOL_SIZE = 8


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
        """Close every connection."""


def _sqlite_error(target: str, error: sqlite3.Error) -> StoreError:  # noqa: PLR0911 - a table
    text = str(error)
    lowered = text.lower()
    if isinstance(error, sqlite3.OperationalError):
        if "locked" in lowered or "busy" in lowered:
            return StoreBusyError(
                f"{target}: another writer holds the lock longer than the timeout: {text}"
            )
        if "decode" in lowered or "malformed" in lowered or "no such" in lowered:
            return StoreDamagedError(f"{target}: the store is damaged: {text}")
        if "readonly" in lowered or "read-only" in lowered:
            return StoreUnavailableError(f"{target}: the store can only be read: {text}")
        return StoreUnavailableError(f"{target}: {text}")
    if isinstance(error, sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return StoreError(f"{target}: {text}")
    if isinstance(error, sqlite3.DataError):
        return StoreInputError(f"{target}: {text}")
    return StoreDamagedError(f"{target}: the store is damaged: {text}")


def translated(target: str, error: BaseException) -> BaseException:
    """The StoreError for a driver or codec exception; any other exception as it is."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, sqlite3.Error):
        return _sqlite_error(target, error)
    if isinstance(error, UnicodeDecodeError):  # a stored text that is not UTF-8
        return StoreDamagedError(f"{target}: the store is damaged: {error}")
    if isinstance(error, OverflowError | UnicodeError):
        return StoreInputError(f"{target}: cannot be stored: {error}")
    module = type(error).__module__
    if module.startswith(("psycopg", "psycopg_pool")):
        return _postgres_error(target, error)
    return error


def _postgres_error(target: str, error: BaseException) -> StoreError:
    sqlstate = getattr(error, "sqlstate", None) or ""
    text = str(error).strip()
    name = type(error).__name__
    if sqlstate in {"55P03", "57014", "40P01"}:  # lock not available, cancelled, deadlock
        return StoreBusyError(
            f"{target}: another transaction holds the lock longer than the timeout: {text}"
        )
    if sqlstate.startswith("22"):  # data exception
        return StoreInputError(f"{target}: cannot be stored: {text}")
    if sqlstate.startswith(("08", "57", "53")) or name in {"OperationalError", "PoolTimeout"}:
        return StoreUnavailableError(f"{target}: the PostgreSQL server is unavailable: {text}")
    if sqlstate.startswith("XX"):
        return StoreDamagedError(f"{target}: the store is damaged: {text}")
    return StoreError(f"{target}: {text}")


@contextlib.contextmanager
def _translating(target: str) -> Iterator[None]:
    try:
        yield
    except Exception as error:
        found = translated(target, error)
        if found is error:
            raise
        raise found from error


class SQLite:
    """The embedded engine: one file, write-ahead log, full sync on commit.

    One connection per thread, opened on first use (SQLite connections are not shared).
    """

    name = "sqlite"

    def __init__(self, path: str, timeout: float, target: str) -> None:
        if not path.startswith("file:") and os.path.exists(path) and not os.path.isfile(path):
            raise StoreInputError(f"{target}: not a file; a SQLite store is a file")
        self._path = path
        self._timeout = timeout
        self._target = target
        self._local = threading.local()
        self._every: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.connection()  # a bad file fails at once

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is not None:
            return db
        try:
            db = sqlite3.connect(
                self._path,
                timeout=self._timeout,
                isolation_level=None,
                check_same_thread=False,  # closed by close(), from any thread
                uri=self._path.startswith("file:"),
            )
        except (sqlite3.Error, OverflowError, ValueError) as error:
            raise StoreUnavailableError(
                f"{self._target}: cannot open as a SQLite store: {error}"
            ) from None
        try:
            if self._path != ":memory:":
                mode = db.execute("PRAGMA journal_mode").fetchone()
                if mode is None or str(mode[0]).lower() != "wal":
                    db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
        except (sqlite3.Error, UnicodeDecodeError) as error:
            db.close()
            found = translated(self._target, error)
            if "not a database" in str(error):
                found = StoreError(f"{self._target}: cannot open as a SQLite store: {error}")
            raise found from None
        with self._lock:
            self._every.append(db)
        self._local.db = db
        return db

    def execute(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Run one statement and return its rows."""
        with _translating(self._target):
            return self.connection().execute(sql, tuple(params)).fetchall()

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement for each row of parameters."""
        with _translating(self._target):
            self.connection().executemany(sql, [tuple(r) for r in rows])

    @contextlib.contextmanager
    def _transaction(self, begin: str) -> Iterator[None]:
        db = self.connection()
        with _translating(self._target):
            db.execute(begin)
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        with _translating(self._target):
            try:
                db.execute("COMMIT")
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise

    def writing(self) -> contextlib.AbstractContextManager[None]:
        """``BEGIN IMMEDIATE``: take the write lock first, wait for it up to the timeout."""
        return self._transaction("BEGIN IMMEDIATE")

    def reading(self) -> contextlib.AbstractContextManager[None]:
        """A deferred transaction: its first read fixes the snapshot; it takes no write lock."""
        return self._transaction("BEGIN")

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            every, self._every = self._every, []
        for db in every:
            db.close()
        self._local = threading.local()


class PostgreSQL:
    """A PostgreSQL server through psycopg 3 and its pool (the ``samarbejde[postgres]`` extra).

    Each transaction borrows a connection, checked before use, so that a server restart
    costs the connections it broke and nothing more; lock waits end after ``timeout``.
    """

    name = "postgresql"

    def __init__(self, url: str, timeout: float, target: str) -> None:
        try:  # optional and only for this engine; by name, so types do not depend on it
            psycopg: Any = importlib.import_module("psycopg")
            pools: Any = importlib.import_module("psycopg_pool")
        except ImportError:
            raise StoreError(
                "a postgresql:// store needs psycopg 3 and psycopg-pool:"
                " pip install 'samarbejde[postgres]'"
            ) from None
        self._psycopg = psycopg
        self._target = target
        self._lock_ms = max(1, int(timeout * 1000))
        self._local = threading.local()
        try:
            self._pool = pools.ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_SIZE,
                kwargs={"autocommit": True, "connect_timeout": max(1, int(timeout))},
                check=pools.ConnectionPool.check_connection,
                timeout=timeout,
                open=False,
                name=f"samarbejde {target}",
            )
            self._pool.open(wait=True, timeout=timeout)
        except Exception as error:
            with contextlib.suppress(Exception):
                self._pool.close()
            raise StoreUnavailableError(
                f"cannot connect to the PostgreSQL store: {str(error).strip()}"
            ) from None

    def _current(self) -> Any:
        return getattr(self._local, "db", None)

    def execute(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Run one statement and return its rows (in this thread's transaction, if any)."""
        db = self._current()
        if db is None:
            with self.reading():
                return self.execute(sql, params)
        with _translating(self._target):
            cursor = db.execute(sql.replace("?", "%s"), tuple(params))
            return cursor.fetchall() if cursor.description is not None else []

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement for each row of parameters."""
        db = self._current()
        if db is None:
            with self.writing():
                self.executemany(sql, rows)
            return
        with _translating(self._target), db.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), [tuple(r) for r in rows])

    @contextlib.contextmanager
    def _transaction(self, first: str | None) -> Iterator[None]:
        if self._current() is not None:
            raise StoreError(f"{self._target}: a transaction is already open in this thread")
        with _translating(self._target), self._pool.connection() as db:
            self._local.db = db
            try:
                with db.transaction():
                    if first is not None:
                        db.execute(first)
                    db.execute(f"SET LOCAL lock_timeout = {self._lock_ms}")
                    yield
            finally:
                self._local.db = None

    def writing(self) -> contextlib.AbstractContextManager[None]:
        """A read-committed transaction; the store locks its head row first."""
        return self._transaction(None)

    def reading(self) -> contextlib.AbstractContextManager[None]:
        """A repeatable-read transaction: one snapshot for every statement."""
        return self._transaction("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")

    def close(self) -> None:
        """Close the pool and its connections."""
        self._pool.close()


def connect(target: str, timeout: float) -> Engine:
    """The engine for ``target``: ``postgresql://…``, ``sqlite:///…`` or a file path."""
    if target.startswith(("postgresql://", "postgres://")):
        return PostgreSQL(target, timeout, _shown(target))
    if target.startswith("sqlite://"):
        path = target.removeprefix("sqlite://")
        if not path.startswith("/"):
            raise StoreError(f"{target}: write sqlite:///relative.db or sqlite:////absolute.db")
        path = path[1:]
        if not path:
            raise StoreError(f"{target}: no file named after sqlite:///")
        return SQLite(path, timeout, target)
    if "://" in target:
        scheme = target.split("://", 1)[0]
        raise StoreError(
            f"{target}: unknown store scheme {scheme!r}: use sqlite:/// or postgresql://"
        )
    return SQLite(target, timeout, target)


def _shown(url: str) -> str:
    """A PostgreSQL URL without its password, for messages."""
    head, sep, tail = url.partition("@")
    if not sep or "://" not in head:
        return url
    scheme, _, user = head.partition("://")
    return f"{scheme}://{user.split(':', 1)[0]}@{tail}"
