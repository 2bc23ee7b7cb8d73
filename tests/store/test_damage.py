"""A damaged SQLite store says so: a StoreError, or exactly the data it held, never other data.

Copies of one store each get 1 to 16 bytes changed at random (seeded); every copy is
opened and read in full. The suite damages ``COPIES`` copies; the full 200 run with
``python -m tests.store.test_damage 200`` (``.ci/run``).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import attrs
import pytest
from tests import opdrift

from samarbejde import Portfolio
from samarbejde import store as stores
from samarbejde.store import StoreError

#: Damaged copies read by the suite; the script reads as many as it is told.
COPIES = 200
SEED = 28


def written(path: Path) -> bytes:
    """A store of a few revisions: renames, an addition, a reorder, a removal."""
    portfolio = opdrift.portfolio()
    with stores.open(path) as registry:
        registry.save(portfolio, recorded_by="sekretariatet", note="start")
        for i in range(3):
            area = attrs.evolve(portfolio.areas[0], name=f"Ørnereden {i}")
            portfolio = attrs.evolve(portfolio, areas=(area, *portfolio.areas[1:]))
            registry.save(portfolio, recorded_by="kontoret", note=f"navn {i}")
        more = attrs.evolve(portfolio.organisations[1], id="ny", name="Ny")
        portfolio = attrs.evolve(
            portfolio, organisations=(more, *reversed(portfolio.organisations))
        )
        registry.save(portfolio, recorded_by="kontoret", note="flyttet")
        portfolio = attrs.evolve(portfolio, organisations=portfolio.organisations[:-1])
        registry.save(portfolio, recorded_by="kontoret", note="fjernet")
    return path.read_bytes()


def everything(path: Path) -> tuple[object, ...]:
    """All a store holds, as read through its API."""
    with stores.open(path, timeout=1) as registry:
        revisions = registry.revisions()
        numbers = [r.number for r in revisions]
        portfolios: list[Portfolio] = [registry.portfolio(revision=n) for n in numbers]
        shown = [registry.revision(n) for n in numbers]
        one = registry.revisions("areas[ornereden]")
        return (revisions, portfolios, shown, one, registry.latest)


def damaged(original: bytes, rng: random.Random) -> bytes:
    data = bytearray(original)
    for _ in range(rng.randint(1, 16)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def survey(folder: Path, copies: int, seed: int = SEED) -> dict[str, int]:
    """Read ``copies`` damaged copies; count the refused and the identical ones.

    Raises:
        AssertionError: A copy read back different data.
        Exception: A copy raised something other than a StoreError.
    """
    original = written(folder / "original.db")
    expected = everything(folder / "original.db")
    rng = random.Random(seed)
    counts = {"refused": 0, "identical": 0}
    for index in range(copies):
        copy = folder / f"copy-{index}.db"
        copy.write_bytes(damaged(original, rng))
        try:
            found = everything(copy)
        except StoreError:
            counts["refused"] += 1
        else:
            assert found == expected, f"copy {index} read back different data"
            counts["identical"] += 1
        for extra in ("", "-wal", "-shm"):
            Path(f"{copy}{extra}").unlink(missing_ok=True)
    return counts


def test_damaged_copies_give_a_store_error_or_identical_data(tmp_path: Path) -> None:
    counts = survey(tmp_path, COPIES)
    assert sum(counts.values()) == COPIES
    assert counts["refused"] > 0  # the damage is real: some copies cannot be read


def test_a_changed_byte_in_a_record_is_refused_naming_the_store_and_revision(
    tmp_path: Path,
) -> None:
    path = tmp_path / "registry.db"
    original = written(path)
    at = original.find("Ørnereden 1".encode()) + len("Ørnereden ".encode())
    assert original[at : at + 1] == b"1"
    path.write_bytes(original[:at] + b"7" + original[at + 1 :])
    with stores.open(path) as registry:
        assert registry.portfolio(revision=1) == opdrift.portfolio()
        with pytest.raises(stores.StoreDamagedError, match="revision 3") as caught:
            registry.portfolio(revision=3)
        assert str(path) in str(caught.value)


if __name__ == "__main__":  # python -m tests.store.test_damage 200
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        total = int(sys.argv[1]) if len(sys.argv) > 1 else 200
        result = survey(Path(folder), total)
        print(
            f"{total} damaged copies: {result['refused']} refused, {result['identical']} identical"
        )
