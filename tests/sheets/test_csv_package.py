"""The CSV package: the workbook's tables as CSV files with a datapackage.json."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import examples, strategies
from samarbejde.model.errors import LoadError
from samarbejde.model.portfolio import Portfolio
from samarbejde.sheets import dump_csv_package, layout, load_csv_package


@pytest.mark.parametrize("name", examples.names())
@pytest.mark.parametrize("lang", ["da", "en"])
def test_bundled_examples_round_trip(tmp_path: Path, name: str, lang: str) -> None:
    portfolio = examples.load(name)
    dump_csv_package(portfolio, tmp_path, lang=lang)
    assert load_csv_package(tmp_path) == portfolio


@WHOLE_PORTFOLIOS
@given(strategies.portfolios())
def test_generated_portfolios_round_trip(portfolio: Portfolio) -> None:
    with tempfile.TemporaryDirectory() as folder:
        dump_csv_package(portfolio, folder, lang="en")
        assert load_csv_package(folder) == portfolio


def test_the_descriptor_names_every_table(tmp_path: Path) -> None:
    dump_csv_package(examples.load("opdrift"), tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    assert len(descriptor["resources"]) == len(layout())
    for resource in descriptor["resources"]:
        assert (tmp_path / resource["path"]).is_file()


def test_the_package_is_valid_under_frictionless(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless", reason="the frictionless validator")
    dump_csv_package(examples.load("opdrift"), tmp_path, lang="da")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldNumber", "type", "note"])


def test_problems_are_located_at_file_and_cell(tmp_path: Path) -> None:
    dump_csv_package(examples.load("opdrift"), tmp_path, lang="en")
    path = tmp_path / "areas.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(lines[1].split(",")[0], "Bad Id", 1)
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_csv_package(tmp_path)
    assert any(p.path.startswith("areas.csv!A2") for p in caught.value.problems)


def test_a_nul_in_a_cell_round_trips_on_every_python(tmp_path: Path) -> None:
    # Python 3.10's csv reader refuses NUL ("line contains NUL"); 3.11 reads it.
    portfolio = examples.load("opdrift")
    first, *rest = portfolio.partnerships
    portfolio = attrs.evolve(portfolio, partnerships=(attrs.evolve(first, note="a\x00b"), *rest))
    dump_csv_package(portfolio, tmp_path, lang="en")
    assert load_csv_package(tmp_path) == portfolio


def test_a_cell_the_csv_reader_refuses_is_a_located_problem(tmp_path: Path) -> None:
    dump_csv_package(examples.load("opdrift"), tmp_path, lang="en")
    path = tmp_path / "areas.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "x" * 2_000)
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    # The csv module's field size limit is its global; frictionless raises it on import.
    before = csv.field_size_limit(1_000)
    try:
        with pytest.raises(LoadError) as caught:
            load_csv_package(tmp_path)
    finally:
        csv.field_size_limit(before)
    (found,) = caught.value.problems
    assert (found.path, found.line) == ("areas.csv", 3)
    assert "field larger than field limit" in found.message
    assert found.say("da").startswith("ikke CSV")
