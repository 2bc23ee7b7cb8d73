"""Files: the format from the suffix, atomic writes, and the size limit before reading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.opdrift import portfolio

from samarbejde import LoadError, Portfolio, dump, dumps, load


@pytest.mark.parametrize("name", ["p.json", "p.yaml", "p.yml", "p.toml", "P.YAML"])
def test_a_portfolio_written_to_a_file_reads_back(tmp_path: Path, name: str) -> None:
    file = tmp_path / name
    dump(portfolio(), file)
    assert load(file) == portfolio()
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_an_explicit_format_overrides_the_suffix(tmp_path: Path) -> None:
    file = tmp_path / "portfolio.txt"
    dump(portfolio(), file, format="yaml")
    assert file.read_text(encoding="utf-8") == dumps(portfolio(), "yaml")
    assert load(file, format="yaml") == portfolio()


def test_an_unknown_suffix_is_refused_naming_the_known_ones(tmp_path: Path) -> None:
    file = tmp_path / "portfolio.txt"
    file.write_text("format: samarbejde/1\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"suffix '\.txt' \(\.json, \.yaml, \.yml, \.toml\)"):
        load(file)
    with pytest.raises(LoadError):
        dump(portfolio(), file)


def test_problems_name_the_file(tmp_path: Path) -> None:
    file = tmp_path / "broken.json"
    file.write_text('{"format": "samarbejde/1", "area": []}', encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(file)
    assert caught.value.source == str(file)
    assert f"{file}:1:28: unknown key 'area'; did you mean 'areas'?" in str(caught.value)


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    file = tmp_path / "big.json"
    file.write_text(dumps(portfolio(), "json"), encoding="utf-8")
    with pytest.raises(LoadError, match="over the limit of 10 bytes"):
        load(file, max_bytes=10)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "p.json"
    dump(Portfolio(), file)
    before = file.read_bytes()

    def refuse(source: object, target: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        dump(portfolio(), file)
    assert file.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]


def test_a_written_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    file = tmp_path / "p.yaml"
    dump(portfolio(), file)
    mask = os.umask(0)
    os.umask(mask)
    assert file.stat().st_mode & 0o777 == 0o666 & ~mask


def test_an_unknown_format_name_cannot_be_dumped() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        dumps(portfolio(), "xml")  # type: ignore[arg-type]
