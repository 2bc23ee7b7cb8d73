"""Hostile and plain bad input to the store ends in a StoreError, the same on both engines.

Issue 28, items 12-14, 16 and 18: orders merged without undoing another writer's
reorder, record times ordered for every year, foreign exceptions wrapped, lock waits
bounded, revisions listed in batches.
"""

from __future__ import annotations

import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests import opdrift

from samarbejde import ModelError, Portfolio
from samarbejde import store as stores
from samarbejde.store import (
    ConflictError,
    StoreBusyError,
    StoreError,
    StoreInputError,
    StoreUnavailableError,
    _checked,
)
from samarbejde.store._records import moment, stamp
from samarbejde.store._saving import merged_order

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 60  # seconds a child process may take


def ordered(portfolio: Portfolio, ids: list[str]) -> Portfolio:
    by_id = {o.id: o for o in portfolio.organisations}
    return attrs.evolve(portfolio, organisations=tuple(by_id[i] for i in ids))


def renamed_organisation(portfolio: Portfolio, record_id: str, name: str) -> Portfolio:
    return attrs.evolve(
        portfolio,
        organisations=tuple(
            attrs.evolve(o, name=name) if o.id == record_id else o for o in portfolio.organisations
        ),
    )


def org_ids(portfolio: Portfolio) -> list[str]:
    return [o.id for o in portfolio.organisations]


# -- 12: a stale save keeps another writer's reorder --------------------------------------


def test_a_stale_save_that_kept_the_order_keeps_the_latest_order(target: str) -> None:
    first = opdrift.portfolio()
    with stores.open(target) as registry:
        base = registry.save(first, recorded_by="a")
        moved = ordered(first, list(reversed(org_ids(first))))
        registry.save(moved, recorded_by="a", base=base)
        mine = renamed_organisation(first, "ringkaeden", "Ringkæden Esbjerg")
        merged = registry.save(mine, recorded_by="b", base=base)
        latest = registry.portfolio()
        assert org_ids(latest) == org_ids(moved)
        assert {o.id: o.name for o in latest.organisations}["ringkaeden"] == "Ringkæden Esbjerg"
        assert [c.path for c in merged.changes] == ["organisations[ringkaeden].name"]


def test_two_different_reorders_from_one_base_conflict(target: str) -> None:
    first = opdrift.portfolio()
    ids = org_ids(first)
    with stores.open(target) as registry:
        base = registry.save(first, recorded_by="a")
        registry.save(ordered(first, list(reversed(ids))), recorded_by="a", base=base)
        with pytest.raises(ConflictError) as caught:
            registry.save(ordered(first, [ids[1], ids[0], ids[2]]), recorded_by="b", base=base)
        assert caught.value.paths == ("organisations",)
        assert org_ids(registry.portfolio()) == list(reversed(ids))


def test_concurrent_additions_keep_each_others_order_and_are_additions(target: str) -> None:
    first = opdrift.portfolio()
    extra = [attrs.evolve(first.organisations[1], id=f"ny-{i}") for i in range(2)]
    with stores.open(target) as registry:
        base = registry.save(first, recorded_by="a")
        registry.save(
            attrs.evolve(first, organisations=(*first.organisations, extra[0])),
            recorded_by="a",
            base=base,
        )
        merged = registry.save(
            attrs.evolve(first, organisations=(*first.organisations, extra[1])),
            recorded_by="b",
            base=base,
        )
        assert org_ids(registry.portfolio()) == [*org_ids(first), "ny-0", "ny-1"]
        assert [(c.path, c.kind) for c in merged.changes] == [("organisations[ny-1]", "added")]
        assert [r.number for r in registry.revisions("organisations[esbjerg-kommune]")] == [1]


# -- 13: record times before year 1000 ----------------------------------------------------


@given(st.datetimes(min_value=__import__("datetime").datetime(1, 1, 2)), st.datetimes())
@settings(max_examples=200)
def test_stamps_sort_as_text_in_time_order_for_every_year(a: object, b: object) -> None:
    import datetime as dt  # noqa: PLC0415

    assert isinstance(a, dt.datetime)
    assert isinstance(b, dt.datetime)
    if b.year < 1 or b < dt.datetime(1, 1, 2):
        return
    x, y = a.replace(tzinfo=dt.timezone.utc), b.replace(tzinfo=dt.timezone.utc)
    assert (stamp(x) < stamp(y)) == (x < y)
    assert moment(stamp(x)) == x


def test_the_portfolio_recorded_before_a_year_999_instant(target: str) -> None:
    early = pendulum.datetime(998, 6, 1, tz="UTC")
    with stores.open(target) as registry:
        registry.save(opdrift.portfolio(), recorded_by="a", recorded_at=early)
        registry.save(Portfolio(), recorded_by="a", recorded_at=pendulum.datetime(2026, 1, 1))
        assert registry.portfolio(at=pendulum.datetime(999, 1, 1, tz="UTC")) == (
            opdrift.portfolio()
        )
        assert registry.revision(1).recorded_at == early


# -- 14: plain bad input ends in a StoreError ---------------------------------------------


def test_bad_instants_numbers_and_texts_are_refused_naming_the_input(target: str) -> None:
    edge = pendulum.datetime(1, 1, 1, tz="Europe/Copenhagen")
    with stores.open(target) as registry:
        registry.save(opdrift.portfolio(), recorded_by="a")
        with pytest.raises(StoreInputError, match="at"):
            registry.portfolio(at=edge)
        with pytest.raises(StoreInputError, match="recorded_at"):
            registry.save(Portfolio(), recorded_by="a", recorded_at=edge)
        for number in (10**30, -(10**30)):
            with pytest.raises(StoreInputError, match="revision"):
                registry.revision(number)
            with pytest.raises(StoreInputError, match="revision"):
                registry.portfolio(revision=number)
            with pytest.raises(StoreInputError, match="base"):
                registry.save(Portfolio(), recorded_by="a", base=number)
        for bad in ("\x00", "a\x00b", "\ud800", "x\x1by", "\x7f", "\x85"):
            with pytest.raises(StoreInputError, match="recorded_by"):
                registry.save(Portfolio(), recorded_by=bad)
            with pytest.raises(StoreInputError, match="note"):
                registry.save(Portfolio(), recorded_by="a", note=bad)
            with pytest.raises(StoreInputError, match="record"):
                registry.revisions(f"areas[a{bad}]")
        assert registry.latest is not None
        assert registry.latest.number == 1
        kept = registry.save(Portfolio(), recorded_by="a", note="linje 1\nlinje 2\tfane")
        assert registry.revision(kept.number).note == "linje 1\nlinje 2\tfane"


def test_a_record_with_nul_round_trips_and_one_with_a_lone_surrogate_is_refused(
    target: str,
) -> None:
    first = opdrift.portfolio()
    odd = renamed_organisation(first, "ringkaeden", "Røde \x00 Kors \x1b")
    with stores.open(target) as registry:
        registry.save(odd, recorded_by="a")
        # the model refuses the lone surrogate before any store sees it (D69)
        with pytest.raises(ModelError, match="no lone surrogate"):
            registry.save(renamed_organisation(first, "ringkaeden", "\ud800"), recorded_by="a")
    with stores.open(target) as registry:
        assert registry.portfolio() == odd
        assert [r.number for r in registry.revisions()] == [1]


def test_store_errors_keep_their_builtin_and_pickle() -> None:
    for cls, builtin in (
        (StoreInputError, ValueError),
        (StoreBusyError, TimeoutError),
        (StoreUnavailableError, ConnectionError),
    ):
        error = cls("x: why")
        assert isinstance(error, StoreError)
        assert isinstance(error, builtin)
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is cls
        assert str(again) == "x: why"


def test_a_read_only_store_reads_and_refuses_to_write(tmp_path: Path) -> None:
    target = tmp_path / "registry.db"
    with stores.open(target) as registry:
        registry.save(opdrift.portfolio(), recorded_by="a")
    target.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        if sys.platform != "win32" and __import__("os").geteuid() == 0:
            pytest.skip("root writes read-only files")
        with stores.open(target) as registry:
            assert registry.portfolio() == opdrift.portfolio()
            with pytest.raises(StoreUnavailableError, match=str(target)):
                registry.save(Portfolio(), recorded_by="a")
    finally:
        tmp_path.chmod(0o755)
        target.chmod(0o644)


def test_a_read_only_database_connection_gives_a_store_error(tmp_path: Path) -> None:
    """As a read-only file does, also when the test runs as root."""
    target = tmp_path / "registry.db"
    with stores.open(target) as registry:
        registry.save(opdrift.portfolio(), recorded_by="a")
    with stores.open(f"sqlite:///file:{target}?mode=ro") as registry:
        assert registry.portfolio() == opdrift.portfolio()
        with pytest.raises(StoreUnavailableError, match="read"):
            registry.save(Portfolio(), recorded_by="a")


# -- 16 and the lock of another process: a bounded wait ----------------------------------

HOLD = """
import sys, time
target = sys.argv[1]
if target.startswith("postgresql"):
    import psycopg
    db = psycopg.connect(target)
    db.execute("SELECT revision FROM samarbejde_head WHERE id = 1 FOR UPDATE")
else:
    import sqlite3
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.read()
"""


def test_a_lock_held_by_another_process_ends_the_save_with_busy(target: str) -> None:
    with stores.open(target) as registry:
        registry.save(opdrift.portfolio(), recorded_by="a")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, target],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        with stores.open(target, timeout=1) as registry:
            assert registry.portfolio() == opdrift.portfolio()  # reading takes no lock
            with pytest.raises(StoreBusyError, match="lock"):
                registry.save(Portfolio(), recorded_by="b")
            assert registry.latest is not None
            assert registry.latest.number == 1
    finally:
        holder.communicate("", timeout=LIMIT)


# -- 18: listing revisions binds a bounded number of parameters ---------------------------


def test_listing_revisions_binds_at_most_one_batch_of_parameters(
    target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_checked, "BATCH", 5)
    count = 12
    with stores.open(target) as registry:
        portfolio = opdrift.portfolio()
        for i in range(count):
            portfolio = renamed_organisation(portfolio, "ringkaeden", f"Ringkæden {i}")
            registry.save(portfolio, recorded_by="a")
    with stores.open(target) as registry:
        bound: list[int] = []
        db = registry._db
        execute = db.execute

        def counting(sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
            bound.append(len(params))
            return execute(sql, params)

        monkeypatch.setattr(db, "execute", counting)
        assert [r.number for r in registry.revisions()] == list(range(1, count + 1))
        listed = registry.revisions("organisations[ringkaeden]")
        assert [r.number for r in listed] == list(range(1, count + 1))
        assert max(bound) <= 5  # the batch; one parameter a revision would bind 12


@pytest.mark.skipif(
    sys.version_info < (3, 11), reason="sqlite3.Connection.setlimit is new in Python 3.11"
)
def test_more_revisions_than_sqlite_binds_in_one_statement(tmp_path: Path) -> None:
    """A real run over the engine's limit: SQLite's limit lowered to 20 parameters."""
    target = tmp_path / "registry.db"
    count = 25
    with stores.open(target) as registry:
        portfolio = opdrift.portfolio()
        for i in range(count):
            portfolio = renamed_organisation(portfolio, "ringkaeden", f"Ringkæden {i}")
            registry.save(portfolio, recorded_by="a")
    with stores.open(target) as registry:
        connection = registry._db.connection()
        connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 20)
        assert [r.number for r in registry.revisions()] == list(range(1, count + 1))
        assert len(registry.revisions("organisations[ringkaeden]")) == count


def test_a_full_disk_gives_unavailable_and_loses_nothing(tmp_path: Path) -> None:
    target = tmp_path / "registry.db"
    with stores.open(target) as registry:
        registry.save(opdrift.portfolio(), recorded_by="a")
        connection = registry._db.connection()
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        bigger = renamed_organisation(opdrift.portfolio(), "ringkaeden", "x" * 100_000)
        with pytest.raises(StoreUnavailableError, match="full"):
            registry.save(bigger, recorded_by="a")
        assert registry.portfolio() == opdrift.portfolio()
        assert [r.number for r in registry.revisions()] == [1]


orders_ids = st.lists(st.sampled_from("abcdefghij"), unique=True, max_size=8)


@given(
    base=orders_ids,
    gone_head=st.sets(st.sampled_from("abcdefghij")),
    gone_mine=st.sets(st.sampled_from("abcdefghij")),
    added_head=st.lists(st.sampled_from("klmnop"), unique=True, max_size=3),
    added_mine=st.lists(st.sampled_from("qrstuv"), unique=True, max_size=3),
)
def test_saves_that_move_nothing_keep_every_order_they_meet(
    base: list[str],
    gone_head: set[str],
    gone_mine: set[str],
    added_head: list[str],
    added_mine: list[str],
) -> None:
    """Removals and additions on both sides: no conflict, each side's order kept."""
    head = [i for i in base if i not in gone_head] + added_head
    mine = [i for i in base if i not in gone_mine] + added_mine
    live = (set(head) - (set(base) - set(mine))) | (set(mine) - set(base))
    order = merged_order(base, head, mine, live)
    assert order is not None
    assert sorted(order) == sorted(live)
    for side in (head, mine):
        assert [i for i in order if i in side] == [i for i in side if i in live]
    if head == base:
        assert order == [i for i in mine if i in live]
