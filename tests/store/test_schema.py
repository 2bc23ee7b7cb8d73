"""Schema versions: numbered migrations, applied in order when a store is opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import attrs
import pendulum
import pytest
from tests import opdrift

from samarbejde import store as stores
from samarbejde.store import StoreError
from samarbejde.store._engines import Engine, connect
from samarbejde.store._schema import MIGRATIONS, Migration, _tables, prepare, recorded_version

#: A store that the release before the store was split wrote (schema version 1): two
#: revisions of the test portfolio of tests/opdrift.py, the second renaming its area.
VERSION_1 = Path(__file__).parent / "data" / "version-1.sql"

#: The schema version this release writes.
N = stores.SCHEMA_VERSION

#: Two made-up later versions; the second needs the first's table.
LATER = (
    Migration(N + 1, "sources", ("CREATE TABLE samarbejde_sources (id TEXT, url TEXT)",)),
    Migration(
        N + 2,
        "the first source",
        ("INSERT INTO samarbejde_sources (id, url) VALUES ('s-1', 'https://example.org')",),
    ),
)


def version_1_store(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.executescript(VERSION_1.read_text(encoding="utf-8"))
    db.close()
    return path


def saved_store(target: str) -> str:
    """A store of this release's version with one revision."""
    with stores.open(target) as registry:
        registry.save(opdrift.portfolio(), recorded_by="a")
    return target


def version_of(engine: Engine, target: str) -> int | None:
    with engine.reading():
        return recorded_version(engine, target)


def test_the_migrations_are_numbered_from_1_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[-1].version == stores.SCHEMA_VERSION
    assert all(m.statements and m.summary for m in MIGRATIONS)


def test_a_version_1_store_opens_reports_its_version_and_reads_back(tmp_path: Path) -> None:
    target = version_1_store(tmp_path / "old.db")
    with stores.open(target) as registry:
        assert registry.schema_version == stores.SCHEMA_VERSION
        assert registry.latest is not None
        assert (registry.latest.number, registry.latest.recorded_by) == (2, "kontoret")
        assert [c.path for c in registry.revision(2).changes] == ["areas[ornereden].name"]
        assert registry.portfolio(revision=1).areas[0].name == "Ørnereden"
        latest = registry.portfolio()
        assert latest.areas[0].name == "Ny Ørnerede"
        assert attrs.evolve(latest, areas=opdrift.portfolio().areas) == opdrift.portfolio()
        again = registry.save(opdrift.portfolio(), recorded_by="kontoret", base=2)
        assert [c.path for c in again.changes] == ["areas[ornereden].name"]
    with stores.open(target) as registry:
        assert registry.portfolio() == opdrift.portfolio()


def test_a_version_1_store_is_migrated_in_order_and_keeps_its_revisions(target: str) -> None:
    saved_store(target)
    engine = connect(target, 30.0)
    try:
        assert version_of(engine, target) == N
        prepare(engine, target, (*MIGRATIONS, *LATER))
        assert version_of(engine, target) == N + 2
        with engine.reading():
            assert engine.execute("SELECT id, url FROM samarbejde_sources") == [
                ("s-1", "https://example.org")
            ]
        prepare(engine, target, (*MIGRATIONS, *LATER))  # at the latest: nothing runs again
        with engine.reading():
            assert len(engine.execute("SELECT id FROM samarbejde_sources")) == 1
            assert len(engine.execute("SELECT number FROM samarbejde_revisions")) == 1
    finally:
        engine.close()
    with pytest.raises(
        StoreError, match=rf"newer than this release reads \({N}\): upgrade samarbejde"
    ):
        stores.open(target)


def test_a_store_older_than_the_steps_reach_is_refused_with_what_to_do(target: str) -> None:
    saved_store(target)
    engine = connect(target, 30.0)
    try:
        with pytest.raises(
            StoreError, match=rf"version {N}, which this release \({N + 2}\) cannot upgrade"
        ):
            prepare(engine, target, (*MIGRATIONS, LATER[1]))
        with pytest.raises(StoreError, match=r"samarbejde store export"):
            prepare(engine, target, (*MIGRATIONS, LATER[1]))
        assert version_of(engine, target) == N
    finally:
        engine.close()


def test_a_failing_step_leaves_the_store_as_it_was(target: str) -> None:
    saved_store(target)
    broken = Migration(N + 1, "half", ("CREATE TABLE samarbejde_half (x TEXT)", "NOT SQL AT ALL"))
    engine = connect(target, 30.0)
    try:
        with pytest.raises(
            StoreError, match=rf"cannot migrate to schema version {N + 1} \(half\): "
        ):
            prepare(engine, target, (*MIGRATIONS, broken))
        assert version_of(engine, target) == N
        prepare(engine, target, (*MIGRATIONS, LATER[0]))  # the next try starts afresh
        assert version_of(engine, target) == N + 1
        with engine.reading():
            tables = _tables(engine)
        assert "samarbejde_half" not in tables  # the failed step's table was rolled back
        assert "samarbejde_sources" in tables
    finally:
        engine.close()


def test_a_new_store_runs_every_migration_and_records_the_latest(tmp_path: Path) -> None:
    target = str(tmp_path / "new.db")
    engine = connect(target, 30.0)
    try:
        prepare(engine, target, (*MIGRATIONS, *LATER))
        assert version_of(engine, target) == N + 2
        with engine.reading():
            assert len(engine.execute("SELECT id FROM samarbejde_sources")) == 1
            assert engine.execute("SELECT revision FROM samarbejde_head") == [(0,)]
    finally:
        engine.close()


def test_a_version_1_store_with_record_times_before_year_1000_reads_right(
    tmp_path: Path,
) -> None:
    """Version 1 wrote years below 1000 with fewer digits; version 2 pads them."""
    target = version_1_store(tmp_path / "old.db")
    db = sqlite3.connect(target)
    db.execute(
        "UPDATE samarbejde_revisions SET recorded_at = '998-06-01T00:00:00.000000Z'"
        " WHERE number = 1"
    )
    db.execute(
        "UPDATE samarbejde_revisions SET recorded_at = '2026-01-01T00:00:00.000000Z'"
        " WHERE number = 2"
    )
    db.commit()
    db.close()
    with stores.open(target) as registry:
        assert registry.revision(1).recorded_at == pendulum.datetime(998, 6, 1)
        early = registry.portfolio(at=pendulum.datetime(999, 1, 1))
        assert early.areas[0].name == "Ørnereden"
        assert registry.portfolio(at=pendulum.datetime(2026, 1, 2)).areas[0].name == "Ny Ørnerede"
