"""The store, on SQLite and PostgreSQL: revisions, record time, conflicts, schema versions."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests import opdrift
from tests.changes.test_diff import operated, replaced

from samarbejde import (
    COMMITMENT_STATUS,
    Area,
    Portfolio,
    SamarbejdeError,
    diff,
    personal_fields,
    redact,
)
from samarbejde import store as stores
from samarbejde import strategies as sst
from samarbejde.store import ConflictError, Revision, StoreDamagedError, StoreError

T0 = pendulum.datetime(2026, 1, 5, 9, 0, tz="Europe/Copenhagen")


def at(minutes: int) -> pendulum.DateTime:
    return T0.add(minutes=minutes)


def status_changed(portfolio: Portfolio, index: int = 0) -> Portfolio:
    """``portfolio`` with one open commitment of its first partnership moved on."""
    p = portfolio.partnerships[0]
    c = [c for c in p.commitments if COMMITMENT_STATUS.allowed(c.current)][index]
    status = sorted(COMMITMENT_STATUS.allowed(c.current), key=str)[0]
    return replaced(portfolio, p, p.set_status(c.id, status, on=c.status[-1].on))


def renamed(portfolio: Portfolio, area: int, name: str) -> Portfolio:
    areas = list(portfolio.areas)
    areas[area] = attrs.evolve(areas[area], name=name)
    return attrs.evolve(portfolio, areas=tuple(areas))


def test_a_saved_portfolio_reads_back_equal_with_who_when_and_why(target: str) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        assert registry.latest is None
        assert registry.portfolio() == Portfolio()
        saved = registry.save(
            portfolio, recorded_by="sekretariatet", note="første udgave", recorded_at=at(0)
        )
        assert saved.number == 1
        assert saved.recorded_at == at(0)
        assert saved.recorded_at.timezone_name == "UTC"
        assert (saved.recorded_by, saved.note, saved.base) == (
            "sekretariatet",
            "første udgave",
            None,
        )
        assert saved.changes == diff(Portfolio(), portfolio)
        assert registry.portfolio() == portfolio
        assert registry.latest == attrs.evolve(saved, changes=())
    with stores.open(target) as again:
        assert again.portfolio() == portfolio
        assert again.revision(1) == saved
        assert again.schema_version == stores.SCHEMA_VERSION
        assert again.engine in ("sqlite", "postgresql")
        assert repr(again).startswith("<samarbejde.store.Store")


def test_the_portfolio_as_recorded_at_an_instant(target: str) -> None:
    first = opdrift.portfolio()
    second = status_changed(first)
    with stores.open(target) as registry:
        registry.save(first, recorded_by="a", recorded_at=at(0))
        registry.save(second, recorded_by="b", recorded_at=at(10))
        assert registry.portfolio(at=at(-1)) == Portfolio()
        assert registry.portfolio(at=at(0)) == first
        assert registry.portfolio(at=at(9)) == first
        assert registry.portfolio(at=at(10)) == second
        assert registry.portfolio(at=at(10).in_timezone("America/New_York")) == second
        assert registry.portfolio(revision=1) == first
        assert registry.portfolio(revision=0) == Portfolio()
        day = pendulum.date(2024, 6, 1)
        assert registry.portfolio(at=at(5)).as_of(day) == first.as_of(day)
        with pytest.raises(StoreError, match="aware"):
            registry.portfolio(at=pendulum.naive(2026, 1, 5))
        with pytest.raises(StoreError, match="no revision 3"):
            registry.portfolio(revision=3)
        with pytest.raises(StoreError, match="not both"):
            registry.portfolio(at=at(0), revision=1)


def test_a_small_change_writes_one_record_version(tmp_path: Path) -> None:
    target = tmp_path / "registry.db"
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        registry.save(portfolio, recorded_by="a")
        changed = registry.save(status_changed(portfolio), recorded_by="b", note="status")
    (change,) = changed.changes
    assert change.path.startswith("partnerships[opdrift].commitments[")
    db = sqlite3.connect(target)
    rows = db.execute("SELECT kind, id FROM samarbejde_versions WHERE revision = 2").fetchall()
    orders = db.execute("SELECT COUNT(*) FROM samarbejde_orders WHERE revision = 2").fetchone()
    db.close()
    assert rows == [("partnerships", "opdrift")]
    assert orders == (0,)


def test_the_log_of_one_record(target: str) -> None:
    portfolio = opdrift.portfolio()
    area = portfolio.areas[0].id
    with stores.open(target) as registry:
        registry.save(portfolio, recorded_by="a", note="first")
        registry.save(renamed(portfolio, 0, "Ny Ørnerede"), recorded_by="b", note="rename")
        registry.save(
            status_changed(renamed(portfolio, 0, "Ny Ørnerede")), recorded_by="c", note="status"
        )
        everything = registry.revisions()
        assert [r.note for r in everything] == ["first", "rename", "status"]
        of_area = registry.revisions(f"areas[{area}]")
        assert [r.number for r in of_area] == [1, 2]
        assert [c.path for c in of_area[1].changes] == [f"areas[{area}].name"]
        of_partnership = registry.revisions("partnerships[opdrift]")
        assert [r.number for r in of_partnership] == [1, 3]
        commitment = of_partnership[1].changes[0].path.split(".status")[0]
        assert [r.number for r in registry.revisions(commitment)] == [1, 3]
        assert registry.revisions("partnerships[nowhere]") == ()
        with pytest.raises(StoreError, match="name a record"):
            registry.revisions("opdrift")
        with pytest.raises(StoreError, match="no revision 9"):
            registry.revision(9)


def test_a_stale_save_of_the_same_record_conflicts_and_writes_nothing(target: str) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        base = registry.save(portfolio, recorded_by="a")
        theirs = registry.save(renamed(portfolio, 0, "Deres navn"), recorded_by="b", base=base)
        with pytest.raises(ConflictError) as raised:
            registry.save(renamed(portfolio, 0, "Mit navn"), recorded_by="c", base=base)
        error = raised.value
        assert isinstance(error, SamarbejdeError)
        assert error.paths == (f"areas[{portfolio.areas[0].id}]",)
        assert (error.base, error.latest) == (1, 2)
        assert "base=2" in str(error)
        assert registry.latest is not None
        assert registry.latest.number == theirs.number
        assert registry.portfolio().areas[0].name == "Deres navn"


def test_a_stale_save_of_other_records_keeps_both_changes(target: str) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        base = registry.save(portfolio, recorded_by="a")
        registry.save(renamed(portfolio, 0, "Deres navn"), recorded_by="b", base=base)
        mine = status_changed(portfolio)
        extra = Area("nyt-omraade", "Nyt område", "561")
        mine = attrs.evolve(mine, areas=(*mine.areas, extra))
        saved = registry.save(mine, recorded_by="c", base=base.number)
        assert saved.base == 1
        merged = registry.portfolio()
        assert merged.areas[0].name == "Deres navn"
        assert merged.areas[-1] == extra
        assert merged.partnerships == mine.partnerships
        assert saved.changes == diff(registry.portfolio(revision=2), merged)


def test_records_added_or_removed_by_a_later_revision_stay_so(target: str) -> None:
    portfolio = opdrift.portfolio()
    extra = Area("nyt-omraade", "Nyt område", "561")
    with stores.open(target) as registry:
        base = registry.save(
            attrs.evolve(portfolio, areas=(*portfolio.areas, extra)), recorded_by="a"
        )
        registry.save(portfolio, recorded_by="b", base=base)  # removes the extra area
        theirs = attrs.evolve(portfolio, areas=(*portfolio.areas, Area("x", "X", "561")))
        registry.save(theirs, recorded_by="c")  # adds x
        mine = status_changed(attrs.evolve(portfolio, areas=(*portfolio.areas, extra)))
        registry.save(mine, recorded_by="d", base=base)
        assert [a.id for a in registry.portfolio().areas] == [
            *(a.id for a in portfolio.areas),
            "x",
        ]
        again = attrs.evolve(portfolio, areas=(*portfolio.areas, Area("x", "Mit X", "561")))
        with pytest.raises(ConflictError, match=r"areas\[x\]"):
            registry.save(again, recorded_by="e", base=base)


def test_a_reordered_list_is_recorded_and_reported_as_diff_does(target: str) -> None:
    portfolio = opdrift.portfolio()
    two = attrs.evolve(portfolio, areas=(*portfolio.areas, Area("x", "X", "561")))
    swapped = attrs.evolve(two, areas=tuple(reversed(two.areas)))
    with stores.open(target) as registry:
        registry.save(two, recorded_by="a")
        saved = registry.save(swapped, recorded_by="b")
        assert registry.portfolio() == swapped
        assert saved.changes == diff(two, swapped)
        assert [c.path for c in saved.changes] == ["areas"]


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_every_revision_reads_back_and_lists_what_diff_says(
    target: str, data: st.DataObject
) -> None:
    first = data.draw(sst.portfolios(commitments=(0, 3)))
    steps = [first]
    for _ in range(data.draw(st.integers(1, 3))):
        last = steps[-1]
        if data.draw(st.booleans()):
            old = data.draw(st.sampled_from(last.partnerships))
            steps.append(replaced(last, old, operated(data, old)))
        else:
            steps.append(data.draw(sst.portfolios(commitments=(0, 2))))
    with stores.open(target) as registry:
        start = registry.latest.number if registry.latest else 0
        before = registry.portfolio()
        for step in steps:
            saved = registry.save(step, recorded_by="egenskabstest")
            assert saved.changes == diff(before, step)
            before = step
        for offset, step in enumerate(steps, start=start + 1):
            assert registry.portfolio(revision=offset) == step
            assert registry.revision(offset).changes == diff(
                registry.portfolio(revision=offset - 1), step
            )


def test_recorded_at_never_goes_back(target: str) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        far = pendulum.now("UTC").add(days=3)
        registry.save(portfolio, recorded_by="a", recorded_at=far)
        with pytest.raises(StoreError, match="before revision 1"):
            registry.save(Portfolio(), recorded_by="b", recorded_at=far.subtract(seconds=1))
        clamped = registry.save(Portfolio(), recorded_by="c")  # the clock is behind: moved up
        assert clamped.recorded_at == far
        with pytest.raises(StoreError, match="aware"):
            registry.save(portfolio, recorded_by="d", recorded_at=pendulum.naive(2030, 1, 1))
        assert registry.portfolio() == Portfolio()


def test_bad_saves_write_nothing(target: str) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        registry.save(portfolio, recorded_by="a")
        with pytest.raises(StoreError, match="base 5"):
            registry.save(portfolio, recorded_by="a", base=5)
        with pytest.raises(StoreError, match="recorded_by"):
            registry.save(portfolio, recorded_by="  ")
        twice = attrs.evolve(portfolio, areas=(*portfolio.areas, portfolio.areas[0]))
        with pytest.raises(StoreError, match="used twice"):
            registry.save(twice, recorded_by="a")
        assert [r.number for r in registry.revisions()] == [1]


def test_recorded_by_is_personal_data_that_redact_removes(target: str) -> None:
    assert personal_fields(Revision) == ("recorded_by",)
    with stores.open(target) as registry:
        saved = registry.save(opdrift.portfolio(), recorded_by="sekretariatet")
    gone = redact(saved)
    assert gone.recorded_by is None
    assert gone.number == saved.number
    assert gone.changes == redact(saved.changes)


def test_a_newer_store_is_refused_with_what_to_do(tmp_path: Path) -> None:
    target = tmp_path / "registry.db"
    stores.open(target).close()
    db = sqlite3.connect(target)
    db.execute("UPDATE samarbejde_meta SET value = '99' WHERE key = 'schema'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="upgrade samarbejde"):
        stores.open(target)


def test_what_is_not_a_store_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("this is not a database, only some words " * 100)
    with pytest.raises(StoreError, match=r"not a samarbejde store|cannot open"):
        stores.open(text)
    foreign = tmp_path / "foreign.db"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE samarbejde_versions (x TEXT)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="without a schema version"):
        stores.open(foreign)
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE samarbejde_meta (key TEXT, value TEXT)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="does not record its schema version"):
        stores.open(foreign)
    with pytest.raises(StoreError, match="cannot open"):
        stores.open(tmp_path / "missing" / "dir" / "r.db")


def test_targets_name_the_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with stores.open("sqlite:///relative.db") as registry:
        assert registry.engine == "sqlite"
    assert (tmp_path / "relative.db").exists()
    with stores.open(f"sqlite:///{tmp_path / 'absolute.db'}") as registry:
        registry.save(Portfolio(), recorded_by="a")
    assert (tmp_path / "absolute.db").exists()
    for bad, message in [
        ("sqlite://host/x.db", "sqlite:///"),
        ("sqlite:///", "no file"),
        ("mysql://x/y", "unknown store scheme 'mysql'"),
    ]:
        with pytest.raises(StoreError, match=message):
            stores.open(bad)


def test_postgresql_needs_its_extra_and_a_server(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(StoreError, match="cannot connect"):
        stores.open("postgresql://nobody@127.0.0.1:1/none", timeout=1)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError, match=r"samarbejde\[postgres\]"):
        stores.open("postgresql://nobody@127.0.0.1:1/none")


def test_conflict_errors_pickle_with_their_details() -> None:
    import pickle  # noqa: PLC0415

    error = pickle.loads(pickle.dumps(ConflictError(["areas[b]", "areas[a]"], 1, 3)))
    assert (error.paths, error.base, error.latest) == (("areas[a]", "areas[b]"), 1, 3)


def test_two_store_objects_on_one_store_see_each_others_revisions(target: str) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as a, stores.open(target) as b:
        first = a.save(portfolio, recorded_by="a")
        theirs = renamed(b.portfolio(), 0, "B's navn")
        b.save(theirs, recorded_by="b")
        mine = status_changed(portfolio)  # a's edit, from revision 1 it knows well
        with pytest.raises(ConflictError):
            a.save(renamed(mine, 0, "A's navn"), recorded_by="a", base=first)
        merged = a.save(mine, recorded_by="a", base=first)
        assert a.portfolio() == b.portfolio()
        assert b.portfolio().areas[0].name == "B's navn"
        assert b.portfolio().partnerships == mine.partnerships
        assert merged.changes == diff(theirs, b.portfolio())
        a.save(portfolio, recorded_by="a")  # as given: back to the first portfolio
        assert b.portfolio() == portfolio
        assert b.revision(4).changes == diff(a.portfolio(revision=3), portfolio)


def test_a_damaged_store_says_so_instead_of_giving_a_wrong_portfolio(tmp_path: Path) -> None:
    target = tmp_path / "registry.db"
    with stores.open(target) as registry:
        assert registry.revisions() == ()
        registry.save(opdrift.portfolio(), recorded_by="a")
    db = sqlite3.connect(target)
    db.execute("DELETE FROM samarbejde_versions WHERE kind = 'areas'")
    db.commit()
    db.close()
    with stores.open(target) as registry, pytest.raises(StoreDamagedError, match="revision 1"):
        registry.portfolio()
    db = sqlite3.connect(target)
    db.execute("UPDATE samarbejde_meta SET value = 'eins' WHERE key = 'schema'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a samarbejde store"):
        stores.open(target)


def test_a_status_change_stores_what_changed_and_every_revision_reads_back(target: str) -> None:
    """Finer rows: a patch of the partnership, the whole again every DEPTH versions."""
    from samarbejde.store._deltas import DEPTH  # noqa: PLC0415 - the depth under test

    portfolio = opdrift.portfolio()
    saved = [portfolio]
    with stores.open(target) as registry:
        registry.save(portfolio, recorded_by="a")
        for _ in range(DEPTH + 3):
            p = portfolio.partnerships[0]
            moves = [c for c in p.commitments if COMMITMENT_STATUS.allowed(c.current)]
            if moves:
                portfolio = status_changed(portfolio)
            else:  # every status has moved as far as it goes: another small edit
                portfolio = replaced(portfolio, p, attrs.evolve(p, name=f"{p.name} {len(saved)}"))
            registry.save(portfolio, recorded_by="a")
            saved.append(portfolio)
        sizes = [
            int(n)
            for (n,) in registry._db.execute(
                "SELECT LENGTH(data) FROM samarbejde_versions WHERE kind = 'partnerships'"
                " ORDER BY revision"
            )
        ]
        depths = [
            int(n)
            for (n,) in registry._db.execute(
                "SELECT depth FROM samarbejde_versions WHERE kind = 'partnerships'"
                " ORDER BY revision"
            )
        ]
    assert max(depths) == DEPTH
    assert all(s * 2 < sizes[0] for s, d in zip(sizes, depths, strict=True) if d)
    with stores.open(target) as registry:
        for number, expected in enumerate(saved, start=1):
            assert registry.portfolio(revision=number) == expected
        assert registry.record("partnerships[opdrift]") == saved[-1].partnerships[0]
        assert len(registry.revisions("partnerships[opdrift]")) == len(saved)
