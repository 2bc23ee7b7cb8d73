"""The store: a portfolio's revisions, one row per changed record version."""

from __future__ import annotations

import os
from datetime import datetime

import attrs
import pendulum

from samarbejde.documents import loads
from samarbejde.model import Portfolio
from samarbejde.store._engines import Engine, StoreError, connect
from samarbejde.store._history import History, Revision
from samarbejde.store._records import Texts, stamp
from samarbejde.store._saving import write
from samarbejde.store._schema import prepare, recorded_version

__all__ = ["Store", "open_store"]


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
        self._history = History(engine, target)
        self._texts = Texts()
        try:
            prepare(engine, target)
        except BaseException:  # a store refused leaves no connection open
            engine.close()
            raise

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
            version = recorded_version(self._db, self._target)
        assert version is not None
        return version

    # -- reading -----------------------------------------------------------------

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
            number = self._history.number_at(at, revision)
            text = self._history.document(number)
        portfolio = loads(text, "json", source=f"{self._target}@{number}")
        self._texts.remember(portfolio, self._history.state(number).rows)
        return portfolio

    @property
    def latest(self) -> Revision | None:
        """The latest revision, without its changes; ``None`` for an empty store."""
        with self._db.reading():
            head = self._history.head()
            return self._history.revisions([head])[0] if head else None

    def revision(self, number: int) -> Revision:
        """Revision ``number`` with its changes.

        Raises:
            StoreError: There is no such revision.
        """
        with self._db.reading():
            found = self._history.revisions([number])
            if not found:
                head = self._history.head()
                raise StoreError(f"no revision {number}: the store has 1 to {head}")
            return attrs.evolve(found[0], changes=self._history.changes(number))

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
            return self._history.every() if record is None else self._history.of(record)

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
        when = stamp(recorded_at if recorded_at is not None else pendulum.now("UTC"))
        mine, mine_orders = self._texts.split(portfolio)
        try:
            with self._db.writing():
                saved, after = write(
                    self._history,
                    mine,
                    mine_orders=mine_orders,
                    base=base,
                    stamp=when,
                    explicit=explicit,
                    recorded_by=recorded_by,
                    note=note,
                    known=self._texts.known(),
                )
        except BaseException:
            self._history.keep(None)  # it may describe a revision that was never committed
            raise
        self._history.keep(after)  # only once the revision is committed
        return saved


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
