"""The shipped pre-commit hook definition parses, selects documents and its entry runs."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
OPDRIFT = ROOT / "src" / "samarbejde" / "examples" / "opdrift.yaml"


def _hook() -> dict[str, object]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (hook,) = hooks
    assert isinstance(hook, dict)
    return hook


def test_the_hook_file_declares_samarbejde_validate() -> None:
    hook = _hook()
    assert hook["id"] == "samarbejde-validate"
    assert hook["entry"] == "samarbejde validate"
    assert hook["language"] == "python"
    assert {"id", "name", "entry", "language"} <= set(hook)  # what pre-commit requires


def test_the_hook_selects_json_yaml_and_toml_files_only() -> None:
    files = re.compile(str(_hook()["files"]))
    chosen = ["a.yaml", "b/c.yml", "d.json", "e.toml"]
    left = ["f.py", "g.yaml.bak", "README.md", "toml"]
    assert all(files.search(name) for name in chosen)
    assert not any(files.search(name) for name in left)


def _entry(*files: str) -> subprocess.CompletedProcess[str]:
    """Run the entry as pre-commit does: its words, then the staged file names."""
    words = shlex.split(str(_hook()["entry"]))
    here = Path(sys.executable).with_name(words[0])
    program = str(here) if here.exists() else shutil.which(words[0])
    assert program is not None, "the samarbejde command is not installed"
    return subprocess.run(
        [program, *words[1:], *files],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=120,
    )


def test_the_entry_validates_a_bundled_example_without_as_of() -> None:
    """As in a hook: no --as-of, so the day is today; the example loads and is judged."""
    done = _entry(str(OPDRIFT.relative_to(ROOT)))
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines()[-1].startswith("1 file(s): ")
    assert " LOAD " not in done.stdout


def test_the_entry_fails_the_commit_on_a_file_that_does_not_load(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: samarbejde/1\norganisations: {\n", encoding="utf-8")
    done = _entry(str(OPDRIFT), str(broken))
    assert done.returncode == 2
    assert f"{broken}:" in done.stdout
    assert " LOAD " in done.stdout
