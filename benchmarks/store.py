"""Benchmark: the store against writing the whole portfolio to a file.

    python benchmarks/store.py                       # SQLite; 2,000 partnerships, 1,000 revisions
    python benchmarks/store.py --postgres URL        # PostgreSQL too (a throwaway schema)
    python benchmarks/store.py --partnerships 200 --revisions 100
    python benchmarks/store.py --small               # 20 partnerships, 20 revisions, once (CI)

PostgreSQL is measured too where ``--postgres`` or ``SAMARBEJDE_TEST_POSTGRES_URL``
names a server.

Builds ``samarbejde.testing.synthetic_portfolio`` and measures, as medians
over ``--repeat`` runs:

* saving it as the first revision of a new store and reading it back
  (``store.portfolio()`` in a fresh store object), against ``dump``/``load`` of the
  same portfolio as a JSON file;
* ``--revisions`` small revisions, one status change each (``set_status`` on the next
  commitment that has a move left): the time per save and the storage each adds,
  against dumping the whole file once per revision (what a registry that keeps a file
  per revision pays).

* reads at the latest revision: one partnership (``store.record``) against the whole
  portfolio, a cached read (the same store object again) against an uncached one (a
  fresh store object), and the history of one partnership against the history of all.

It prints the figures and the ratios store/file, and the bytes each one-status
revision adds to the store.
"""

from __future__ import annotations

import argparse
import gc
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samarbejde import COMMITMENT_STATUS, Portfolio, dump, load
from samarbejde import store as stores
from samarbejde.testing import synthetic_portfolio


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def status_moves(portfolio: Portfolio) -> Iterator[Portfolio]:
    """The portfolio after one more status change each time, partnerships in turn."""
    current = portfolio
    while True:
        moved = False
        for index in range(len(current.partnerships)):
            p = current.partnerships[index]
            for c in p.commitments:
                allowed = sorted(COMMITMENT_STATUS.allowed(c.current), key=str)
                if allowed:
                    changed = p.set_status(c.id, allowed[0], on=c.status[-1].on)
                    parts = list(current.partnerships)
                    parts[index] = changed
                    current = attrs.evolve(current, partnerships=tuple(parts))
                    moved = True
                    yield current
                    break
        if not moved:
            return


class Target:
    """A fresh store location and a way to measure how many bytes it holds."""

    def __init__(self, engine: str, folder: Path, postgres: str | None) -> None:
        self.engine = engine
        self._folder = folder
        self._postgres = postgres
        self._count = 0
        self.url = ""
        self._schema = ""

    def fresh(self) -> str:
        self._count += 1
        if self.engine == "sqlite":
            self.url = str(self._folder / f"registry-{self._count}.db")
            return self.url
        import psycopg  # noqa: PLC0415

        assert self._postgres is not None
        self._schema = f"bench_{secrets.token_hex(4)}"
        with psycopg.connect(self._postgres, autocommit=True) as db:
            db.execute(f"CREATE SCHEMA {self._schema}")
        separator = "&" if "?" in self._postgres else "?"
        option = quote(f"-csearch_path={self._schema}")
        self.url = f"{self._postgres}{separator}options={option}"
        return self.url

    def size(self) -> int:
        if self.engine == "sqlite":
            import sqlite3  # noqa: PLC0415

            db = sqlite3.connect(self.url)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.close()
            return sum(
                os.path.getsize(p) for p in (self.url, self.url + "-wal") if os.path.exists(p)
            )
        import psycopg  # noqa: PLC0415

        assert self._postgres is not None
        with psycopg.connect(self._postgres, autocommit=True) as db:
            rows = db.execute(
                "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                " JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = %s AND c.relkind = 'r'",
                (self._schema,),
            ).fetchone()
        assert rows is not None
        return int(rows[0])


def run(target: Target, portfolio: Portfolio, revisions: int, repeat: int, folder: Path) -> None:
    file = folder / "portfolio.json"
    dump_time, _ = timed(lambda: dump(portfolio, file), repeat)
    load_time, loaded = timed(lambda: load(file), repeat)
    assert loaded == portfolio
    file_bytes = file.stat().st_size

    save_times = []
    for _ in range(repeat):  # a new, empty store each time; opening it is not timed
        with stores.open(target.fresh()) as registry:
            gc.collect()
            start = time.perf_counter()
            registry.save(portfolio, recorded_by="benchmark")
            save_times.append(time.perf_counter() - start)
    save_time = statistics.median(save_times)

    def read_back() -> Portfolio:
        with stores.open(target.url) as registry:
            return registry.portfolio()

    read_time, read = timed(read_back, repeat)
    assert read == portfolio
    first_bytes = target.size()

    print(f"\n== {target.engine}: {len(portfolio.partnerships)} partnerships")
    print(
        f"  file: dump {dump_time * 1000:8.1f} ms   load {load_time * 1000:8.1f} ms"
        f"   {file_bytes / 1e6:6.2f} MB"
    )
    print(
        f"  store: save {save_time * 1000:7.1f} ms   read {read_time * 1000:8.1f} ms"
        f"   {first_bytes / 1e6:6.2f} MB"
    )
    print(
        f"  ratio store/file: save {save_time / dump_time:5.2f}x   read"
        f" {read_time / load_time:5.2f}x   bytes {first_bytes / file_bytes:5.2f}x"
    )

    with stores.open(target.url) as registry:
        current = registry.portfolio()
        moves = status_moves(current)
        times: list[float] = []
        last = current
        for _ in range(revisions):
            last = next(moves)
            start = time.perf_counter()
            registry.save(last, recorded_by="benchmark", note="status")
            times.append(time.perf_counter() - start)
        assert registry.portfolio() == last
    grown = target.size() - first_bytes
    per_save = statistics.median(times)
    mean = statistics.fmean(times)
    print(
        f"  {revisions} one-status revisions: median {per_save * 1000:6.1f} ms"
        f" (mean {mean * 1000:6.1f} ms) a save, {grown / revisions / 1e3:7.1f} kB a revision"
    )
    print(f"  bytes per one-status revision: {grown / revisions:9.0f}")
    print(
        f"  against a whole file a revision: time {per_save / dump_time:5.3f}x dump,"
        f" bytes {grown / revisions / file_bytes:6.4f}x the file"
        f" ({file_bytes / max(1, grown / revisions):6.0f} revisions in the space of one file)"
    )
    reads(target, last, repeat)


def reads(target: Target, latest: Portfolio, repeat: int) -> None:
    """Reads that cost what they read: one record, a cached portfolio, one record's history."""
    path = f"partnerships[{latest.partnerships[0].id}]"
    with stores.open(target.url) as registry:
        one_time, one = timed(lambda: registry.record(path), repeat)
        assert one == latest.partnerships[0]

        def uncached() -> Portfolio:
            with stores.open(target.url) as fresh:
                return fresh.portfolio()

        whole_time, _ = timed(uncached, repeat)
        registry.portfolio()
        cached_time, _ = timed(registry.portfolio, repeat)
        own_time, own = timed(lambda: registry.revisions(path), repeat)
        all_time, every = timed(registry.revisions, 1)
    print(
        f"  read one partnership {one_time * 1000:8.1f} ms   the whole portfolio"
        f" {whole_time * 1000:8.1f} ms   ({one_time / whole_time:6.4f}x)"
    )
    print(
        f"  read cached {cached_time * 1000:8.3f} ms   uncached {whole_time * 1000:8.1f} ms"
        f"   ({cached_time / whole_time:6.4f}x)"
    )
    print(
        f"  history of one record ({len(own)} revisions) {own_time * 1000:8.1f} ms"
        f"   of all ({len(every)}) {all_time * 1000:8.1f} ms   ({own_time / all_time:6.4f}x)"
    )


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark with the command line's options (``argv``, by default sys.argv)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=2_000)
    parser.add_argument("--size", type=int, default=None, help="commitments (50 a partnership)")
    parser.add_argument("--revisions", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="20 partnerships, 20 revisions, once")
    parser.add_argument("--postgres", default=os.environ.get("SAMARBEJDE_TEST_POSTGRES_URL"))
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args(argv)
    if args.small:
        args.partnerships, args.revisions, args.repeat = 20, 20, 1
    size = args.size if args.size is not None else 50 * args.partnerships
    portfolio = synthetic_portfolio(size)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        engines = ([] if args.no_sqlite else ["sqlite"]) + (["postgresql"] if args.postgres else [])
        print(
            f"{len(portfolio.partnerships)} partnerships ({size} commitments),"
            f" {args.revisions} revisions, median of {args.repeat}"
        )
        for engine in engines:
            run(
                Target(engine, folder, args.postgres),
                portfolio,
                args.revisions,
                args.repeat,
                folder,
            )


if __name__ == "__main__":
    main()
