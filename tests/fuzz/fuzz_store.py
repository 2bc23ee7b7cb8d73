"""Fuzz the store's API: every call ends in a result or a ``StoreError`` subclass.

Each input opens a new SQLite store in a temporary directory and makes a few calls
its bytes choose: ``save`` (of a bundled example, some texts replaced, with drawn
``recorded_by``, ``note``, ``base`` and ``recorded_at``), ``portfolio``, ``checkout``,
``revisions``, ``record`` and ``revision``, with drawn ``at`` (naive and aware
date-times at the calendar's ends, any UTC offset), revision numbers (huge, negative)
and record paths. Every call must return or raise a ``StoreError``; a saved revision
must read back as the portfolio saved. Anything else is a finding (see ``_harness``).

    python tests/fuzz/fuzz_store.py --seconds 20

Not collected by pytest (the name does not start with ``test_``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pendulum
from _harness import Draw, run, with_texts

from samarbejde import Portfolio, examples
from samarbejde.store import Revision, Store, StoreError
from samarbejde.store import open as open_store

EXAMPLES: list[Portfolio] = [examples.load(n) for n in examples.names()]
PATHS = (
    "partnerships[opdrift]",
    "organisations[esbjerg-kommune]",
    "areas[stengaardsvej]",
    "partnerships",
    "partnerships[]",
    "x[y]",
    "",
)
YEARS = (1, 2, 999, 1000, 1969, 1970, 2025, 9999)


class LostChangeError(Exception):
    """A saved revision read back as another portfolio."""


def moment(draw: Draw) -> dt.datetime | None:
    """A date-time anywhere in the calendar, naive or at any UTC offset, or ``None``."""
    kind = draw.below(6)
    if kind == 0:
        return None
    if kind == 1:
        return draw.choice((dt.datetime.min, dt.datetime.max))
    year = draw.choice(YEARS)
    day = dt.datetime(year, 1 + draw.below(12), 1 + draw.below(28), draw.below(24))
    day = draw.choice((day, day.replace(month=12, day=31, hour=23, minute=59)))
    if kind == 2:
        return day
    if kind == 3:
        return pendulum.instance(day, tz=draw.choice(("UTC", "Europe/Copenhagen", "Etc/GMT-14")))
    minutes = draw.below(2 * 1439 + 1) - 1439
    return day.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))


def number(draw: Draw, saved: list[Revision]) -> int:
    """A revision number: a saved one, or any integer."""
    if saved and draw.flag():
        return draw.choice(saved).number
    return draw.integer()


def call(draw: Draw, store: Store, saved: list[Revision]) -> None:
    """One call of the store's API, chosen by ``draw``."""
    operation = draw.below(6)
    maybe = number(draw, saved) if draw.flag() else None
    if operation == 0:
        portfolio = with_texts(draw, draw.choice(EXAMPLES))
        assert isinstance(portfolio, Portfolio)
        base = draw.choice((None, maybe, saved[-1] if saved else None))
        revision = store.save(
            portfolio,
            recorded_by=draw.text(),
            note=draw.text(),
            base=base,
            recorded_at=moment(draw),
        )
        saved.append(revision)
        if store.portfolio(revision=revision.number) != portfolio:
            raise LostChangeError(f"revision {revision.number} reads back otherwise")
    elif operation == 1:
        store.portfolio(moment(draw), revision=maybe)
    elif operation == 2:
        store.checkout(moment(draw), revision=maybe)
    elif operation == 3:
        record = draw.choice((None, draw.choice(PATHS), draw.text()))
        store.revisions(
            record,
            limit=draw.choice((None, draw.integer())),
            before=draw.choice((None, number(draw, saved))),
            after=draw.choice((None, number(draw, saved))),
        )
    elif operation == 4:
        path = draw.choice((draw.choice(PATHS), draw.text()))
        store.record(path, moment(draw), revision=maybe)
    else:
        store.revision(number(draw, saved))


def check(data: bytes) -> None:
    draw = Draw(data)
    with (
        tempfile.TemporaryDirectory() as folder,
        open_store(Path(folder) / "fuzz.db", timeout=2) as store,
    ):
        saved: list[Revision] = []
        for _ in range(1 + draw.below(6)):
            try:
                call(draw, store, saved)
            except StoreError as error:
                str(error)  # the message can be made


if __name__ == "__main__":
    run("store", check)
