"""Faults lose nothing, on SQLite and PostgreSQL, with real second processes.

A process killed in the middle of a save leaves the previous revision intact and the
store readable; of two processes saving from the same base exactly one wins and the
other gets ConflictError; a reader while another process writes sees whole revisions.
Every child process is bounded in time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import attrs
import pytest
from tests import opdrift

from samarbejde import Area, Portfolio, dump, load
from samarbejde import store as stores

CHILD = Path(__file__).with_name("_child.py")
ROOT = Path(__file__).resolve().parents[2]
LIMIT = 120  # seconds any child may take


def child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"child ran over {LIMIT} s: {err}")
    return process.returncode, out, err


def with_areas(names: str, count: int = 12) -> Portfolio:
    """Opdrift with ``count`` extra areas, all named ``names``: one revision, one name."""
    base = opdrift.portfolio()
    extra = tuple(Area(f"omraade-{i}", names, "561") for i in range(count))
    return attrs.evolve(base, areas=(*base.areas, *extra))


def document(tmp_path: Path, name: str, portfolio: Portfolio) -> str:
    path = tmp_path / f"{name}.json"
    dump(portfolio, path)
    return str(path)


def test_a_store_written_by_one_process_reads_back_equal_in_another(
    target: str, tmp_path: Path
) -> None:
    first = with_areas("første")
    with stores.open(target) as registry:
        registry.save(first, recorded_by="forælderen")
    code, _, err = finish(child("dump", target, str(tmp_path / "read.json")))
    assert code == 0, err
    assert load(tmp_path / "read.json") == first
    second = with_areas("anden")
    code, out, err = finish(child("save", target, document(tmp_path, "second", second)))
    assert (code, out.strip()) == (0, "2"), err
    with stores.open(target) as registry:
        assert registry.portfolio() == second
        assert registry.portfolio(revision=1) == first


def test_a_process_killed_in_the_middle_of_a_save_loses_nothing(
    target: str, tmp_path: Path
) -> None:
    first = with_areas("før")
    with stores.open(target) as registry:
        registry.save(first, recorded_by="forælderen")
    process = child("save", target, document(tmp_path, "after", with_areas("efter")), "--pause")
    timer = threading.Timer(LIMIT, process.kill)
    timer.start()
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "halfway"
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=LIMIT)  # reaps it and closes its pipes
    finally:
        timer.cancel()
    assert process.returncode == -signal.SIGKILL
    with stores.open(target, timeout=LIMIT) as registry:
        assert registry.latest is not None
        assert registry.latest.number == 1
        assert registry.portfolio() == first
        assert [r.number for r in registry.revisions()] == [1]
        again = registry.save(with_areas("igen"), recorded_by="forælderen")
        assert again.number == 2
        assert registry.portfolio() == with_areas("igen")


def test_two_processes_saving_from_one_base_one_wins_one_conflicts(
    target: str, tmp_path: Path
) -> None:
    with stores.open(target) as registry:
        base = registry.save(with_areas("fælles"), recorded_by="forælderen")
    for round_ in range(3):
        go = tmp_path / f"go-{round_}"
        mine = {name: with_areas(f"{name} {round_}") for name in ("vest", "øst")}
        racers = {
            name: child(
                "save",
                target,
                document(tmp_path, f"{name}-{round_}", p),
                "--base",
                str(base.number),
                "--wait",
                str(go),
            )
            for name, p in mine.items()
        }
        time.sleep(0.3)  # both are waiting at the start line
        go.touch()
        results = {name: finish(process) for name, process in racers.items()}
        codes = sorted(code for code, _, _ in results.values())
        assert codes == [0, 3], results
        (winner,) = [name for name, (code, _, _) in results.items() if code == 0]
        (loser,) = [name for name, (code, _, _) in results.items() if code == 3]
        assert "conflict" in results[loser][1]
        with stores.open(target) as registry:
            latest = registry.latest
            assert latest is not None
            assert latest.number == base.number + 1
            assert registry.portfolio() == mine[winner]
            assert latest.recorded_by == "kontoret"
            base = latest


def test_a_reader_sees_whole_revisions_while_another_process_writes(
    target: str, tmp_path: Path
) -> None:
    count = 12
    with stores.open(target) as registry:
        registry.save(with_areas("udgave start"), recorded_by="forælderen")
        files = [document(tmp_path, f"v{i}", with_areas(f"udgave {i}")) for i in range(count)]
        writer = child("saves", target, *files)
        seen: list[int] = []
        deadline = time.monotonic() + LIMIT
        try:
            while writer.poll() is None and time.monotonic() < deadline:
                areas = registry.portfolio().areas[1:]
                names = {a.name for a in areas}
                assert len(names) == 1, names  # never half of one revision and half of another
                name = names.pop()
                seen.append(-1 if name == "udgave start" else int(name.split()[1]))
        finally:
            code, _, err = finish(writer)
        assert code == 0, err
        assert seen == sorted(seen)
        assert len(seen) > 1
        assert registry.portfolio() == with_areas(f"udgave {count - 1}")
        assert len(registry.revisions()) == count + 1
