"""Many files, one register: merge, and `validate --merge`."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import cli, dump, examples, load, merge
from samarbejde.model.errors import LoadError
from samarbejde.model.portfolio import Portfolio
from samarbejde.strategies import portfolios

AS_OF = "2025-06-01"


def _split(portfolio: Portfolio) -> tuple[Portfolio, Portfolio]:
    register = attrs.evolve(portfolio, partnerships=())
    return register, attrs.evolve(portfolio, organisations=(), areas=())


@WHOLE_PORTFOLIOS
@given(portfolios())
def test_a_register_and_its_partnerships_merge_back_into_the_portfolio(
    portfolio: Portfolio,
) -> None:
    register, partnerships = _split(portfolio)
    assert merge(register, partnerships) == portfolio
    assert merge(portfolio, register, partnerships, portfolio) == portfolio


def test_different_registers_add_up_in_order() -> None:
    opdrift, lerbakke = examples.load("opdrift"), examples.load("lerbakke")
    merged = merge(opdrift, lerbakke)
    assert merged.partnerships == opdrift.partnerships + lerbakke.partnerships
    ids = [o.id for o in merged.organisations]
    assert len(ids) == len(set(ids))


def test_a_conflict_is_a_problem_naming_both(tmp_path: Path) -> None:
    opdrift = examples.load("opdrift")
    first = opdrift.organisations[0]
    changed = attrs.evolve(opdrift, organisations=(attrs.evolve(first, name="Anden"),))
    with pytest.raises(LoadError) as caught:
        merge(opdrift, changed)
    (problem,) = caught.value.problems
    assert problem.path == f"organisations[{first.id}]"
    assert "<portfolio 1>" in problem.message
    assert "<portfolio 2>" in problem.message


def test_validate_merge_names_each_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = tmp_path / "opdrift.yaml"
    whole.write_text(examples.text("opdrift"), encoding="utf-8")
    register, partnerships = _split(load(whole))
    folder = tmp_path / "register"
    folder.mkdir()
    dump(register, folder / "organisationer.yaml")
    dump(partnerships, folder / "opdrift.yaml")
    capsys.readouterr()
    assert cli.main(["validate", str(folder / "opdrift.yaml"), "--as-of", AS_OF]) != 0
    assert "S001" in capsys.readouterr().out  # alone, its organisations are unknown

    def findings(*args: str) -> list[str]:
        cli.main(["validate", *args, "--as-of", AS_OF])
        out = capsys.readouterr().out
        return re.findall(r"^(.*?):\d+:\d+: ([A-Z][0-9]{3}) ", out, re.MULTILINE)

    merged = findings(str(folder), "--merge")
    assert [code for _, code in merged] == [code for _, code in findings(str(whole))]
    assert merged
    assert {file for file, _ in merged} == {str(folder / "opdrift.yaml")}


def test_validate_merge_locates_a_conflict_in_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opdrift = examples.load("opdrift")
    first = opdrift.organisations[0]
    one, two = tmp_path / "a.yaml", tmp_path / "b.yaml"
    dump(opdrift, one)
    dump(attrs.evolve(opdrift, organisations=(attrs.evolve(first, name="Anden"),)), two)
    capsys.readouterr()
    assert cli.main(["validate", str(one), str(two), "--merge"]) != 0
    out = capsys.readouterr().out
    assert re.search(
        rf"{re.escape(str(two))}:\d+:\d+ differs from the one in "
        rf"{re.escape(str(one))}:\d+:\d+",
        out,
    ), out


def _register(tmp_path: Path) -> tuple[Path, Portfolio]:
    portfolio = examples.load("opdrift")
    register, partnerships = _split(portfolio)
    folder = tmp_path / "register"
    folder.mkdir()
    dump(register, folder / "organisationer.yaml")
    dump(partnerships, folder / "opdrift.yaml")
    return folder, portfolio


def test_export_merge_exports_the_register_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, portfolio = _register(tmp_path)
    whole = tmp_path / "whole.yaml"
    dump(portfolio, whole)
    merged, alone = tmp_path / "merged.jsonld", tmp_path / "alone.jsonld"
    assert cli.main(["export", str(folder), "--merge", "--to", "org", "-o", str(merged)]) == 0
    assert cli.main(["export", str(whole), "--to", "org", "-o", str(alone)]) == 0
    assert merged.read_bytes() == alone.read_bytes()
    files = [str(p) for p in sorted(folder.iterdir())]
    assert cli.main(["export", *files, "--to", "org"]) != 0
    assert "--merge" in capsys.readouterr().err


def test_report_merge_reports_the_register_as_one(tmp_path: Path) -> None:
    folder, portfolio = _register(tmp_path)
    page = tmp_path / "rapport.html"
    assert cli.main(["report", str(folder), "--merge", "--as-of", AS_OF, "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert portfolio.partnerships[0].name in text
    assert portfolio.organisations[0].name in text
