"""Without the ``sheets`` extra, workbooks say which extra to install, never an internal error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from samarbejde import cli
from samarbejde.analysis import MissingExtraError
from samarbejde.sheets import template


def test_a_workbook_without_openpyxl_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    with pytest.raises(MissingExtraError, match=r"samarbejde\[sheets\]"):
        template(tmp_path / "x.xlsx", lang="da")
    assert cli.main(["template", "--lang", "da", "-o", str(tmp_path / "skabelon.xlsx")]) == 2
    said = capsys.readouterr().err
    assert "samarbejde[sheets]" in said
    assert "internal error" not in said
