"""`report --merge`: each finding names the file its record came from, or both files."""

from __future__ import annotations

import html
import re
from pathlib import Path

import attrs
import pytest

from samarbejde import cli, dump, examples

AS_OF = "2025-06-01"


def _locations(page: Path) -> list[tuple[str, str]]:
    """Each finding's location text and path, in page order."""
    text = page.read_text(encoding="utf-8")
    found = re.findall(
        r'<span class="location">(?:<code class="where">(.*?)</code> )?'
        r'<code class="path">(.*?)</code></span>',
        text,
    )
    return [(html.unescape(where), html.unescape(path)) for where, path in found]


@pytest.fixture
def register(tmp_path: Path) -> tuple[Path, Path]:
    """Opdrift in one file, its organisation register (the same records) in another.

    One member's organisation has no entry point, so a finding lies in the register.
    """
    opdrift = examples.load("opdrift")
    member = opdrift.partnerships[0].members[0].organisation
    organisations = tuple(
        attrs.evolve(o, entry_points=()) if o.id == member else o for o in opdrift.organisations
    )
    opdrift = attrs.evolve(opdrift, organisations=organisations)
    whole, shared = tmp_path / "opdrift.yaml", tmp_path / "organisationer.yaml"
    dump(opdrift, whole)
    dump(attrs.evolve(opdrift, partnerships=()), shared)
    return whole, shared


def test_each_finding_names_its_file_and_a_shared_record_both(
    tmp_path: Path, register: tuple[Path, Path]
) -> None:
    whole, shared = register
    page = tmp_path / "rapport.html"
    argv = ["report", str(whole), str(shared), "--merge", "--as-of", AS_OF, "-o", str(page)]
    assert cli.main(argv) == 0
    found = _locations(page)
    assert found
    for where, path in found:
        files = [part.split(":")[0] for part in where.split(", ")]
        if path.startswith("organisations["):
            assert files == [str(whole), str(shared)], (where, path)
        else:
            assert files == [str(whole)], (where, path)
    assert any(path.startswith("organisations[") for _, path in found)


def test_without_merge_a_finding_names_its_one_file_as_before(
    tmp_path: Path, register: tuple[Path, Path]
) -> None:
    whole, _ = register
    page = tmp_path / "rapport.html"
    assert cli.main(["report", str(whole), "--as-of", AS_OF, "-o", str(page)]) == 0
    found = _locations(page)
    assert found
    assert all(re.fullmatch(re.escape(str(whole)) + r":\d+:\d+", where) for where, _ in found)
