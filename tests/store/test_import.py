"""Importing a workbook's or a file's records straight into a store revision (issue 23)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from tests import opdrift
from tests.profiles import PATIENT
from tests.store.test_store import renamed

from samarbejde import Area, LoadError, Portfolio, cli, dump
from samarbejde import store as stores
from samarbejde import strategies as sst
from samarbejde.documents import import_records
from samarbejde.store import ConflictError

NEW = Area("nyt-omraade", "Nyt område", "561")


def test_an_import_is_one_revision_saying_what_became_of_each_record(target: str) -> None:
    portfolio = opdrift.portfolio()
    incoming = attrs.evolve(portfolio, areas=(*portfolio.areas, NEW))
    with stores.open(target) as registry:
        registry.save(portfolio, recorded_by="sekretariatet")
        saved, outcomes = registry.import_records(incoming, recorded_by="import", note="regneark")
        assert saved is not None
        assert (saved.number, saved.recorded_by, saved.note, saved.base) == (
            2,
            "import",
            "regneark",
            1,
        )
        assert ("areas[nyt-omraade]", "added") in outcomes
        assert {o for _, o in outcomes} == {"added", "unchanged"}
        assert registry.portfolio() == incoming
        assert [c.path for c in saved.changes] == ["areas[nyt-omraade]"]


def test_an_import_that_changes_nothing_records_nothing(target: str) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        registry.save(portfolio, recorded_by="sekretariatet")
        saved, outcomes = registry.import_records(portfolio, recorded_by="import")
        assert saved is None
        assert {o for _, o in outcomes} == {"unchanged"}
        assert registry.latest is not None
        assert registry.latest.number == 1


def test_an_overwrite_is_refused_without_replace_and_nothing_is_written(target: str) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        registry.save(portfolio, recorded_by="sekretariatet")
        with pytest.raises(LoadError, match=r"areas\["):
            registry.import_records(renamed(portfolio, 0, "Andet navn"), recorded_by="import")
        assert registry.latest is not None
        assert registry.latest.number == 1
        saved, outcomes = registry.import_records(
            renamed(portfolio, 0, "Andet navn"), recorded_by="import", replace=True
        )
        assert saved is not None
        assert (f"areas[{portfolio.areas[0].id}]", "replaced") in outcomes


def test_an_import_onto_an_old_base_keeps_later_changes_elsewhere_and_conflicts_on_its_own(
    target: str,
) -> None:
    portfolio = opdrift.portfolio()
    with stores.open(target) as registry:
        base = registry.save(portfolio, recorded_by="a")
        registry.save(renamed(portfolio, 0, "Deres navn"), recorded_by="b", base=base)
        saved, _ = registry.import_records(
            attrs.evolve(portfolio, areas=(*portfolio.areas, NEW)), recorded_by="c", base=base
        )
        assert saved is not None
        merged = registry.portfolio()
        assert merged.areas[0].name == "Deres navn"
        assert merged.areas[-1] == NEW
        with pytest.raises(ConflictError):
            registry.import_records(
                renamed(portfolio, 0, "Mit navn"), recorded_by="d", base=base, replace=True
            )


@PATIENT
@given(sst.portfolios(), sst.portfolios())
def test_an_import_into_a_store_records_what_import_records_gives(
    tmp_path_factory: pytest.TempPathFactory, first: Portfolio, incoming: Portfolio
) -> None:
    expected, outcomes = import_records(first, incoming, replace=True)
    folder = tmp_path_factory.mktemp("import")
    with stores.open(folder / "registry.db") as registry:
        registry.save(first, recorded_by="a")
        saved, found = registry.import_records(incoming, recorded_by="b", replace=True)
        assert found == outcomes
        assert registry.portfolio() == expected
        assert (saved is None) == (expected == first)


def test_the_command_imports_a_document_into_a_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    portfolio = opdrift.portfolio()
    registry = tmp_path / "registry.db"
    with stores.open(registry) as opened:
        opened.save(portfolio, recorded_by="sekretariatet")
    source = tmp_path / "nye.yaml"
    dump(attrs.evolve(portfolio, areas=(*portfolio.areas, NEW)), source)
    argv = ["import", str(source), "--into-store", str(registry), "--by", "import"]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "added     areas[nyt-omraade]" in out
    assert out.rstrip().endswith("revision 2: 1 change(s)")
    assert cli.main(argv) == 0
    assert capsys.readouterr().out.rstrip().endswith("nothing changed: no revision recorded")
    assert cli.main([*argv[:4], "--into", str(source)]) == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert cli.main(argv[:4]) == 2
    assert "needs --by" in capsys.readouterr().err
    assert cli.main(["import", str(source)]) == 2
    assert "needs --into BASE or --into-store STORE" in capsys.readouterr().err
