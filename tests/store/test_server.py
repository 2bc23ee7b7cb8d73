"""A store behind a web server (issue 24): shared by threads, edits rebased, reads by the piece.

On both engines: 8 threads share one store object; two admissions to one partnership
from one base are both kept, and overlapping edits are refused with who, when and
what; a portfolio comes with its revision; one record is read alone; the history of
one record is paged. A PostgreSQL server restarted mid-run is recovered from.
"""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from tests import opdrift
from tests.changes.test_diff import replaced

from samarbejde import Portfolio
from samarbejde import store as stores
from samarbejde.store import ConflictError, StoreError

ROOT = Path(__file__).resolve().parents[2]
ON = pendulum.date(2021, 3, 1)


def admitted(portfolio: Portfolio, organisation: str) -> Portfolio:
    p = portfolio.partnerships[0]
    return replaced(portfolio, p, p.admit(organisation, role="partner", on=ON))


def named(portfolio: Portfolio, name: str) -> Portfolio:
    p = portfolio.partnerships[0]
    return replaced(portfolio, p, attrs.evolve(p, name=name))


def test_two_admissions_to_one_partnership_from_one_base_are_both_kept(target: str) -> None:
    first = opdrift.portfolio()
    with stores.open(target) as registry:
        base = registry.save(first, recorded_by="a")
        registry.save(admitted(first, "esbjerg-kommune"), recorded_by="vest", base=base)
        merged = registry.save(admitted(first, "ringkaeden"), recorded_by="oest", base=base)
        members = [m.organisation for m in registry.portfolio().partnerships[0].members]
        assert members == ["bryggens-erhverv", "esbjerg-kommune", "ringkaeden"]
        assert [(c.path, c.kind) for c in merged.changes] == [
            ("partnerships[opdrift].members[ringkaeden]", "added")
        ]


def test_overlapping_edits_of_one_partnership_say_who_when_and_what(target: str) -> None:
    first = opdrift.portfolio()
    when = pendulum.datetime(2026, 2, 3, 10, 30, tz="UTC")
    with stores.open(target) as registry:
        base = registry.save(first, recorded_by="a", recorded_at=when.subtract(days=1))
        registry.save(named(first, "Deres navn"), recorded_by="vest", base=base, recorded_at=when)
        with pytest.raises(ConflictError) as caught:
            registry.save(named(first, "Mit navn"), recorded_by="oest", base=base)
        error = caught.value
        assert error.paths == ("partnerships[opdrift]",)
        assert error.clashes == (
            ("partnerships[opdrift]", 2, "vest", "2026-02-03T10:30:00Z", ("name",)),
        )
        assert "revision 2 (vest, 2026-02-03T10:30:00Z) at name" in str(error)
        assert registry.portfolio().partnerships[0].name == "Deres navn"


def test_eight_threads_share_one_store_object(target: str) -> None:
    first = opdrift.portfolio()
    rounds = 4
    with stores.open(target) as registry:
        registry.save(first, recorded_by="start")
        failures: list[BaseException] = []

        def work(index: int) -> None:
            try:
                for turn in range(rounds):
                    got = registry.checkout()
                    area = attrs.evolve(got.portfolio.areas[0], name=f"{index}-{turn}")
                    extra = attrs.evolve(area, id=f"t{index}-{turn}")
                    mine = attrs.evolve(got.portfolio, areas=(*got.portfolio.areas, extra))
                    # from whatever base it read: additions by others never clash
                    registry.save(mine, recorded_by=f"t{index}", base=got.number)
                    assert registry.record(f"areas[t{index}-{turn}]") is not None
            except BaseException as error:  # reported below
                failures.append(error)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not [t for t in threads if t.is_alive()]
        assert failures == []
        ids = {a.id for a in registry.portfolio().areas}
        assert ids == {first.areas[0].id} | {f"t{i}-{t}" for i in range(8) for t in range(rounds)}
        revisions = registry.revisions()
        assert [r.number for r in revisions] == list(range(1, 8 * rounds + 2))
        for revision in revisions[1:]:
            assert [c.kind for c in revision.changes] == ["added"]


def test_a_checkout_is_a_portfolio_with_its_revision_and_one_record_reads_alone(
    target: str,
) -> None:
    first = opdrift.portfolio()
    with stores.open(target) as registry:
        empty = registry.checkout()
        assert (empty.number, empty.revision, empty.portfolio) == (0, None, Portfolio())
        saved = registry.save(first, recorded_by="a")
        registry.save(named(first, "Nyt navn"), recorded_by="b")
        got = registry.checkout(revision=1)
        assert got.number == 1
        assert got.revision == attrs.evolve(saved, changes=())
        assert got.portfolio == first
        assert registry.checkout(revision=1).portfolio is got.portfolio  # kept by number
        assert registry.record("partnerships[opdrift]", revision=1) == first.partnerships[0]
        assert registry.record("partnerships[opdrift]").name == "Nyt navn"  # type: ignore[union-attr]
        assert registry.record("areas[nowhere]") is None
        assert registry.record("partnerships[opdrift]", revision=0) is None
        with pytest.raises(StoreError, match="record"):
            registry.record("opdrift")


def test_the_history_of_one_record_is_paged(target: str) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        registry.save(portfolio, recorded_by="a")
        for i in range(6):
            portfolio = named(portfolio, f"Navn {i}")
            registry.save(portfolio, recorded_by="a")
            registry.save(
                attrs.evolve(portfolio, areas=(attrs.evolve(portfolio.areas[0], name=f"{i}"),)),
                recorded_by="a",
            )
        record = "partnerships[opdrift]"
        every = [r.number for r in registry.revisions(record)]
        assert every == [1, 2, 4, 6, 8, 10, 12]
        assert [r.number for r in registry.revisions(record, limit=2)] == [10, 12]
        assert [r.number for r in registry.revisions(record, limit=2, before=10)] == [6, 8]
        assert [r.number for r in registry.revisions(record, limit=2, after=2)] == [4, 6]
        assert [r.number for r in registry.revisions(limit=3, after=4)] == [5, 6, 7]
        assert [r.number for r in registry.revisions(limit=2)] == [12, 13]


@pytest.mark.skipif(
    not os.environ.get("SAMARBEJDE_TEST_POSTGRES_URL"),
    reason="SAMARBEJDE_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against",
)
def test_a_postgresql_store_recovers_from_a_server_restart() -> None:
    """On a server of its own (restarting the shared one would break other tests)."""
    port = str(54400 + os.getpid() % 500)
    started = subprocess.run(
        ["bash", str(ROOT / ".ci" / "postgres"), "start", port],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    exports = dict(
        line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines()
    )
    url, folder = exports["SAMARBEJDE_TEST_POSTGRES_URL"], exports["SAMARBEJDE_TEST_POSTGRES_DIR"]
    try:
        with stores.open(url, timeout=5) as registry:
            registry.save(opdrift.portfolio(), recorded_by="a")
            assert registry.portfolio() == opdrift.portfolio()
            bin_dir = next(Path("/usr/lib/postgresql").glob("*/bin"))
            restart = (
                f"'{bin_dir}/pg_ctl' -D '{folder}/data' -l '{folder}/log' -m fast -w -t 60 restart"
            )
            command = (
                ["su", "postgres", "-s", "/bin/sh", "-c", restart]
                if os.geteuid() == 0
                else ["sh", "-c", restart]
            )
            subprocess.run(  # the server keeps no pipe of ours open
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=120,
                check=True,
            )
            assert registry.portfolio() == opdrift.portfolio()  # read again on a new connection
            try:
                registry.save(named(opdrift.portfolio(), "Efter"), recorded_by="a")
            except stores.StoreUnavailableError:  # said clearly, once; the next works
                registry.save(named(opdrift.portfolio(), "Efter"), recorded_by="a")
            assert registry.portfolio().partnerships[0].name == "Efter"
    finally:
        subprocess.run(
            ["bash", str(ROOT / ".ci" / "postgres"), "stop", folder],
            capture_output=True,
            timeout=120,
            check=False,
        )


def test_the_history_of_one_record_reads_no_more_for_more_revisions_of_others(
    target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its cost follows the record's own revisions: statements counted, not time."""
    portfolio = named(opdrift.portfolio(), "Første")
    with stores.open(target) as registry:
        registry.save(opdrift.portfolio(), recorded_by="a")
        registry.save(portfolio, recorded_by="a")
    counts = []
    done = 0
    for others in (5, 20):
        with stores.open(target) as registry:
            for i in range(done, others):  # other partnerships added and removed
                p = portfolio.partnerships[0]
                extra = attrs.evolve(p, id=f"ekstra-{i % 3}", name=f"Ekstra {i}")
                registry.save(attrs.evolve(portfolio, partnerships=(p, extra)), recorded_by="b")
            done = others
        with stores.open(target) as registry:
            statements: list[str] = []
            execute = registry._db.execute

            def counting(
                sql: str,
                params: tuple[object, ...] = (),
                seen: list[str] = statements,
                run: Any = execute,
            ) -> object:
                seen.append(sql)
                return run(sql, params)

            monkeypatch.setattr(registry._db, "execute", counting)
            found = registry.revisions("partnerships[opdrift]")
            assert [r.number for r in found] == [1, 2]
            counts.append(len(statements))
            monkeypatch.undo()
    assert counts[0] == counts[1]
