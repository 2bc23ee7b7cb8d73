"""A workbook saved again by LibreOffice (headless) still loads equal.

Needs ``soffice`` (Debian: ``libreoffice-calc-nogui``). Skipped where it is missing,
except on CI (``CI=true``), where a missing ``soffice`` fails the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from samarbejde import examples
from samarbejde.model.labels import Lang
from samarbejde.model.portfolio import Portfolio
from samarbejde.sheets import dump_workbook, load_workbook, template

pytestmark = pytest.mark.deep  # a LibreOffice process each

#: A conversion takes a few seconds; a hung office suite must not hang the tests.
TIMEOUT = 180


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice is missing on CI: install libreoffice-calc-nogui")
        pytest.skip("soffice (libreoffice-calc-nogui) is not installed")
    return found


def _through_libreoffice(book: Path, tmp_path: Path) -> Path:
    out = tmp_path / "libreoffice"
    profile = (tmp_path / "profile").as_uri()  # its own profile: runs in parallel
    command = [
        _soffice(),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(out),
        str(book),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    saved = out / book.name
    assert saved.is_file(), (done.returncode, done.stdout, done.stderr)
    assert saved.read_bytes() != book.read_bytes()  # LibreOffice wrote it anew
    return saved


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_workbook_saved_by_libreoffice_loads_equal(tmp_path: Path, lang: Lang) -> None:
    portfolio = examples.load("opdrift")
    book = tmp_path / "opdrift.xlsx"
    dump_workbook(portfolio, book, lang=lang)
    assert load_workbook(_through_libreoffice(book, tmp_path)) == portfolio


def test_the_template_opens_in_libreoffice(tmp_path: Path) -> None:
    book = tmp_path / "skabelon.xlsx"
    template(book, lang="da")
    assert load_workbook(_through_libreoffice(book, tmp_path)) == Portfolio()
