"""`samarbejde convert` and `validate` read and write workbooks and CSV packages; `template`."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from samarbejde import cli, examples, load
from samarbejde.model.portfolio import Portfolio
from samarbejde.sheets import load_csv_package, load_workbook

AS_OF = "2025-06-01"


@pytest.fixture
def opdrift(tmp_path: Path) -> Path:
    path = tmp_path / "opdrift.yaml"
    path.write_text(examples.text("opdrift"), encoding="utf-8")
    return path


def test_convert_writes_and_reads_a_workbook(opdrift: Path, tmp_path: Path) -> None:
    book = tmp_path / "opdrift.xlsx"
    assert cli.main(["convert", str(opdrift), str(book), "--lang", "en"]) == 0
    assert load_workbook(book) == load(opdrift)
    back = tmp_path / "back.json"
    assert cli.main(["convert", str(book), str(back)]) == 0
    assert load(back) == load(opdrift)


def test_convert_writes_and_reads_a_csv_package(opdrift: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pakke"
    assert cli.main(["convert", str(opdrift), f"{folder}/"]) == 0
    assert (folder / "datapackage.json").is_file()
    assert load_csv_package(folder) == load(opdrift)
    back = tmp_path / "back.yaml"
    assert cli.main(["convert", str(folder), str(back)]) == 0
    assert load(back) == load(opdrift)


@pytest.mark.parametrize("name", examples.names())
def test_a_workbook_of_an_example_validates_with_the_yaml_findings(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"{name}.yaml"
    source.write_text(examples.text(name), encoding="utf-8")
    book = tmp_path / f"{name}.xlsx"
    assert cli.main(["convert", str(source), str(book)]) == 0
    capsys.readouterr()

    def findings(path: Path) -> tuple[int, list[str]]:
        code = cli.main(["validate", str(path), "--as-of", AS_OF])
        lines = capsys.readouterr().out.splitlines()
        found = (re.search(r" ([A-Z][0-9]{3} [a-z]+: .*?)(?: \[\S+\])?$", x) for x in lines)
        return code, sorted(m[1] for m in found if m)

    yaml_code, yaml_findings = findings(source)
    book_code, book_findings = findings(book)
    assert yaml_findings
    assert (book_code, book_findings) == (yaml_code, yaml_findings)


def test_a_mistake_in_a_workbook_is_a_located_problem(
    opdrift: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "opdrift.xlsx"
    assert cli.main(["convert", str(opdrift), str(book), "--lang", "en"]) == 0
    workbook = openpyxl.load_workbook(book)
    workbook["Areas"]["D2"] = "many"
    workbook.save(book)
    capsys.readouterr()
    assert cli.main(["validate", str(book)]) != 0
    out = capsys.readouterr().out
    assert "Areas!D2" in out
    assert "residents" in out


@pytest.mark.parametrize("lang", ["da", "en"])
def test_template_writes_an_empty_workbook_with_instructions(lang: str, tmp_path: Path) -> None:
    target = tmp_path / "skabelon.xlsx"
    assert cli.main(["template", "--lang", lang, "-o", str(target)]) == 0
    assert load_workbook(target) == Portfolio()
    meta = openpyxl.load_workbook(target)["Meta"]
    texts = [c.value for row in meta.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("samarbejde validate" in t for t in texts)
    assert lang in texts
