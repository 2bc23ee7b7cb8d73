"""The store: a portfolio's revisions, one row per changed record version."""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, TypeVar

import attrs
import pendulum

from samarbejde.documents import import_records, loads
from samarbejde.model import Area, Organisation, Partnership, Portfolio, SamarbejdeError
from samarbejde.store._engines import Engine, StoreError, connect
from samarbejde.store._errors import (
    StoreDamagedError,
    StoreInputError,
    StoreUnavailableError,
    checked_number,
    checked_text,
)
from samarbejde.store._history import _RECORD, History, Revision
from samarbejde.store._records import KINDS, Texts, stamp
from samarbejde.store._saving import write
from samarbejde.store._schema import prepare, recorded_version

__all__ = ["Checkout", "Store", "open_store"]

T = TypeVar("T")

#: Portfolios a store object keeps by revision number (revisions never change).
CACHED = 4


@contextlib.contextmanager
def _reading(db: Engine, target: str) -> Iterator[None]:
    """A read transaction; what cannot be read is a StoreError naming the store."""
    try:
        with db.reading():
            yield
    except StoreError:
        raise
    except (SamarbejdeError, LookupError, ValueError, TypeError) as error:
        raise StoreDamagedError(
            f"{target}: cannot be read ({error}); the store is damaged"
        ) from error


def read(db: Engine, target: str, run: Callable[[], T]) -> T:
    """``run`` in a read transaction, tried once more after a lost PostgreSQL connection."""
    try:
        with _reading(db, target):
            return run()
    except StoreUnavailableError:
        if db.name != "postgresql":
            raise
    with _reading(db, target):  # the pool replaced the broken connection
        return run()


class Portfolios:
    """The last :data:`CACHED` portfolios read, by revision number, for any thread."""

    def __init__(self) -> None:
        self._kept: OrderedDict[int, Portfolio] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, number: int) -> Portfolio | None:
        """The portfolio of revision ``number``, if kept."""
        with self._lock:
            return self._kept.get(number)

    def keep(self, number: int, portfolio: Portfolio) -> None:
        """Keep ``portfolio`` as revision ``number``'s, forgetting the oldest kept."""
        with self._lock:
            self._kept[number] = portfolio
            while len(self._kept) > CACHED:
                self._kept.popitem(last=False)


@attrs.frozen
class Checkout:
    """A portfolio together with the revision it was read from.

    Attributes:
        number: The revision's number; ``0`` for the empty start.
        revision: The revision, without its changes; ``None`` for the empty start.
        portfolio: The portfolio as recorded in it.
    """

    number: int
    revision: Revision | None
    portfolio: Portfolio


class Store:
    """A portfolio's revisions in SQLite or PostgreSQL; open one with :func:`open`.

    A store keeps every revision: each save writes one row per record (organisation,
    area or partnership) that changed, so it grows with what changed. Revisions are
    never changed afterwards, so a store object keeps the last few portfolios it read
    by number. One store object may be shared by many threads (a connection per thread
    on SQLite, a small pool on PostgreSQL, D61); close it (or use it in a ``with``
    block). Every failure is a :class:`StoreError` subclass.
    """

    def __init__(self, engine: Engine, target: str) -> None:
        self._db = engine
        self._target = target
        self._history = History(engine, target)
        self._texts = Texts()
        self._portfolios = Portfolios()
        try:
            prepare(engine, target)
        except BaseException:  # a store refused leaves no connection open
            engine.close()
            raise

    def _read(self, run: Callable[[], T]) -> T:
        return read(self._db, self._target, run)

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
        version = self._read(lambda: recorded_version(self._db, self._target))
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
        return self.checkout(at, revision=revision).portfolio

    def checkout(self, at: datetime | None = None, *, revision: int | None = None) -> Checkout:
        """The portfolio as :meth:`portfolio` reads it, with the revision it was read from.

        Send ``checkout.number`` back as ``base`` when saving an edit of it.

        Raises:
            StoreError: ``at`` has no time zone, or there is no such revision.
        """

        def run() -> tuple[int, Revision | None, Portfolio | None, str | None]:
            number = self._history.number_at(at, revision)
            meta = self._history.revisions([number])[0] if number else None
            cached = self._portfolios.get(number)
            if cached is not None:
                return number, meta, cached, None
            return number, meta, None, self._history.document(number)

        try:
            number, meta, portfolio, text = self._read(run)
        except StoreDamagedError as error:
            if revision is None or "revision" in str(error):
                raise
            raise StoreDamagedError(f"{error} (reading revision {revision})") from error
        if portfolio is None:
            assert text is not None
            try:
                portfolio = loads(text, "json", source=f"{self._target}@{number}")
            except SamarbejdeError as error:
                raise StoreDamagedError(
                    f"{self._target}: revision {number} cannot be read: {error}"
                ) from None
            self._texts.remember(portfolio, self._history.state(number).rows)
            self._portfolios.keep(number, portfolio)
        return Checkout(number, meta, portfolio)

    def record(
        self, path: str, at: datetime | None = None, *, revision: int | None = None
    ) -> Organisation | Area | Partnership | None:
        """One organisation, area or partnership as recorded, without reading the others.

        Args:
            path: The record by kind and id: ``partnerships[opdrift]``, ``areas[a-1]``.
            at: As recorded at this instant (aware); by default the latest.
            revision: A revision number instead.

        Returns:
            The record, or ``None`` where the portfolio had no such record then.

        Raises:
            StoreError: ``path`` names no record kind, or there is no such revision.
        """
        match = _RECORD.fullmatch(checked_text("record", path))
        if match is None:
            raise StoreInputError(f"record {path!r}: name one, e.g. partnerships[opdrift]")
        kind, record_id = match.groups()
        cls = dict(KINDS)[kind]

        def run() -> Any:
            number = self._history.number_at(at, revision)
            return self._history.version(kind, record_id, number, cls, ())

        found: Organisation | Area | Partnership | None = self._read(run)
        return found

    @property
    def latest(self) -> Revision | None:
        """The latest revision, without its changes; ``None`` for an empty store."""

        def run() -> Revision | None:
            head = self._history.head()
            return self._history.revisions([head])[0] if head else None

        return self._read(run)

    def revision(self, number: int) -> Revision:
        """Revision ``number`` with its changes.

        Raises:
            StoreError: There is no such revision.
        """
        checked_number("revision", number)

        def run() -> Revision:
            found = self._history.revisions([number])
            if not found:
                head = self._history.head()
                raise StoreInputError(f"no revision {number}: the store has 1 to {head}")
            return attrs.evolve(found[0], changes=self._history.changes(number))

        return self._read(run)

    def revisions(
        self,
        record: str | None = None,
        *,
        limit: int | None = None,
        before: int | None = None,
        after: int | None = None,
    ) -> tuple[Revision, ...]:
        """Every revision, oldest first, each with its changes; or one page of them.

        Args:
            record: A path by ids, e.g. ``partnerships[opdrift]`` or
                ``partnerships[opdrift].commitments[c-1]``: only the revisions that
                changed something there, each with only those changes. Costs in
                proportion to that record's revisions, not the store's.
            limit: At most this many: the latest ones, or with ``after`` alone the
                first ones after it.
            before: Only revisions numbered below this.
            after: Only revisions numbered above this.

        Raises:
            StoreError: ``record`` does not start with a record of the portfolio, or a
                bound is not a whole number.
        """
        for name, value in (("limit", limit), ("before", before), ("after", after)):
            if value is not None:
                checked_number(name, value)
        if limit is not None and limit < 0:
            raise StoreInputError(f"limit {limit} is negative")
        if record is not None:
            checked_text("record", record)
        pages = {"limit": limit, "before": before, "after": after}
        return self._read(
            lambda: (
                self._history.every(**pages)
                if record is None
                else self._history.of(record, **pages)
            )
        )

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
        checked_text("recorded_by", recorded_by)
        checked_text("note", note, lines=True)
        if not recorded_by.strip():
            raise StoreInputError("recorded_by names the post or system that records the revision")
        if base is not None and not isinstance(base, Revision):
            checked_number("base", base)
        explicit = recorded_at is not None
        when = stamp(recorded_at if recorded_at is not None else pendulum.now("UTC"), "recorded_at")
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

    def import_records(
        self,
        incoming: Portfolio,
        *,
        recorded_by: str,
        note: str = "",
        base: Revision | int | None = None,
        replace: bool = False,
        source: str = "<import>",
        recorded_at: datetime | None = None,
    ) -> tuple[Revision | None, list[tuple[str, str]]]:
        """Import the records of ``incoming`` (a workbook's, a file's) as one new revision.

        As :func:`samarbejde.documents.import_records`, onto the portfolio of ``base``
        (by default the latest revision), saved as :meth:`save` saves an edit of
        ``base``: records later revisions changed keep their changes, and a later
        change to a record the import adds or replaces is a :class:`ConflictError`.
        When nothing would change, nothing is recorded.

        Args:
            incoming: The records to import.
            recorded_by: The post or system recording it.
            note: Why.
            base: The revision the import is onto; by default the latest.
            replace: Let an incoming record replace a different one with its id.
            source: The file's name, for the problems of a refused import.
            recorded_at: When (aware); by default now.

        Returns:
            The new revision (``None`` when nothing changed), and each incoming
            record's path with ``"added"``, ``"replaced"`` or ``"unchanged"``.

        Raises:
            LoadError: Without ``replace``, each record that would be overwritten;
                nothing is written.
            ConflictError: A revision after ``base`` changed a record the import changes.
            StoreError: ``base`` is not a revision, or as :meth:`save`.
        """
        number = base.number if isinstance(base, Revision) else base
        start = self.checkout(revision=number)
        result, outcomes = import_records(start.portfolio, incoming, replace=replace, source=source)
        if result == start.portfolio:
            return None, outcomes
        saved = self.save(
            result,
            recorded_by=recorded_by,
            note=note,
            base=start.number or None,
            recorded_at=recorded_at,
        )
        return saved, outcomes


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
