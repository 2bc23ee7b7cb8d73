"""The layers contract (import-linter, in pyproject.toml) holds, and fails on an upward import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(
    not LINT_IMPORTS.exists(), reason="import-linter is not installed (it is in the test extra)"
)


def _lint(tree: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    tree = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "samarbejde",
        tree / "samarbejde",
        ignore=shutil.ignore_patterns("__pycache__", "*.yaml", "*.csv"),
    )
    config = tmp_path / "pyproject.toml"
    shutil.copy(ROOT / "pyproject.toml", config)
    return tree, config


def test_the_model_is_the_bottom_layer_of_the_contract() -> None:
    contract = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    layers = contract["contracts"][0]["layers"]
    assert layers[-1] == "samarbejde.model"
    assert layers[0] == "samarbejde.__main__"


def test_the_tree_keeps_the_contract(tmp_path: Path) -> None:
    tree, config = _copy(tmp_path)
    done = _lint(tree, config)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_an_upward_import_from_the_model_breaks_the_contract(tmp_path: Path) -> None:
    tree, config = _copy(tmp_path)
    enums = tree / "samarbejde" / "model" / "enums.py"
    enums.write_text(enums.read_text("utf-8") + "\nimport samarbejde.rules  # upward\n", "utf-8")
    done = _lint(tree, config)
    assert done.returncode != 0
    assert "BROKEN" in done.stdout
    assert "samarbejde.model.enums -> samarbejde.rules" in done.stdout
