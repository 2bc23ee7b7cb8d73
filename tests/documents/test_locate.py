"""SourceMap: from a document path, with indexes or ids, to a line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.documents.texts import OPDRIFT_YAML, column_of, line_of
from tests.opdrift import portfolio

from samarbejde import SourceMap, dumps, load_located, loads_located
from samarbejde.documents._locate import parse_path, render_path


@pytest.fixture(scope="module")
def where() -> SourceMap:
    loaded, source_map = loads_located(OPDRIFT_YAML, "yaml")
    assert loaded == portfolio()
    return source_map


def test_a_path_with_indexes_gives_the_line_and_column_of_the_value(where: SourceMap) -> None:
    found = where.locate("partnerships[0].commitments[0].term.end")
    assert found == (line_of(OPDRIFT_YAML, "2021-12-31"), column_of(OPDRIFT_YAML, "2021-12-31"))


def test_a_path_with_ids_selects_list_elements_by_id(where: SourceMap) -> None:
    by_id = where.locate("partnerships[opdrift].commitments[c-fritidsjob].term")
    assert by_id == where.locate("partnerships[0].commitments[0].term")
    assert by_id == (line_of(OPDRIFT_YAML, "{start: 2021-01-01"), 15)


def test_members_and_parties_are_selected_by_organisation(where: SourceMap) -> None:
    found = where.locate("partnerships[opdrift].members[bryggens-erhverv].joined")
    assert found == (line_of(OPDRIFT_YAML, "joined: 2019"), 17)


def test_a_path_without_a_position_gives_the_nearest_located_parent(where: SourceMap) -> None:
    assert where.locate("partnerships[opdrift].vision.text") == where.locate(
        "partnerships[opdrift]"
    )
    assert where.locate("partnerships[nowhere].name") == where.locate("partnerships")
    assert where.locate("organisations[0].sector[3]") == where.locate("organisations[0].sector")


def test_the_root_is_located_and_a_malformed_path_is_not(where: SourceMap) -> None:
    assert where.locate("") == (1, 1)
    assert where.locate("areas[0") is None
    assert where.locate(".areas") is None
    assert where.locate("areas..name") is None


def test_json_positions_are_exact() -> None:
    text = dumps(portfolio(), "json")
    _, where = loads_located(text, "json")
    fragment = '"municipality":"561"'
    assert where.locate("areas[ornereden].municipality") == (
        line_of(text, fragment),
        column_of(text, fragment) + len('"municipality":'),
    )


def test_toml_has_no_positions() -> None:
    _, where = loads_located(dumps(portfolio(), "toml"), "toml")
    assert where.locate("partnerships[opdrift]") is None


def test_load_located_reads_a_file(tmp_path: Path) -> None:
    file = tmp_path / "opdrift.yml"
    file.write_text(OPDRIFT_YAML, encoding="utf-8")
    loaded, where = load_located(file)
    assert loaded == portfolio()
    assert where.locate("areas[ornereden]") == (line_of(OPDRIFT_YAML, "{id: ornereden"), 5)


@pytest.mark.parametrize(
    "path",
    ["partnerships[0].commitments[2].term.end", "areas", "a.b[3][4].c", "partnerships[opdrift]"],
)
def test_paths_are_parsed_and_written_back(path: str) -> None:
    parts = parse_path(path)
    assert parts is not None
    if not any(isinstance(p, tuple) for p in parts):
        assert render_path(parts) == path  # type: ignore[arg-type]


def test_an_id_in_a_list_of_ids_is_selected_by_its_value(where: SourceMap) -> None:
    assert where.locate("partnerships[opdrift].areas[ornereden]") == (
        line_of(OPDRIFT_YAML, "areas: [ornereden]"),
        column_of(OPDRIFT_YAML, "ornereden]"),
    )


def test_an_id_of_digits_is_an_id_before_it_is_an_index() -> None:
    text = (
        "format: samarbejde/1\nareas:\n"
        "  - {id: '1', name: A, municipality: '561'}\n"
        "  - {id: '0', name: B, municipality: '561'}\n"
    )
    _, where = loads_located(text, "yaml")
    assert where.locate("areas[0].name") == (4, 21)
    assert where.locate("areas[1].name") == (3, 21)
    assert where.locate("areas[5]") == where.locate("areas")
