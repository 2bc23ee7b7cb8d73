"""The command line as users run it: a real process, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from samarbejde.examples import text


def samarbejde(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samarbejde", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=120,
    )


def test_the_readme_command_validates_the_bundled_example(tmp_path: Path) -> None:
    example = samarbejde("example", "opdrift", cwd=tmp_path)
    (tmp_path / "opdrift.yaml").write_text(example.stdout, encoding="utf-8")
    result = samarbejde("validate", "opdrift.yaml", "--as-of", "2025-06-01", cwd=tmp_path)
    assert example.returncode == 0
    assert result.returncode == 0
    assert result.stdout.splitlines()[:2] == [
        "opdrift.yaml:78:24: C006 info: Challenge “Ensomhed blandt ældre beboere” of strategic "
        "partnership Opdrift i Ørnereden was identified by the municipality only.",
        "opdrift.yaml:197:11: T001 warning: Commitment c-praktik by Bryggens Erhverv ended on "
        "31 December 2024 but is still agreed as of 1 June 2025.",
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["validate", "missing.yaml"], 2),
        (["validate", "broken.yaml"], 2),
        (["validate", "--as-of", "tomorrow", "x.yaml"], 2),
        (["nonsense"], 2),
        (["validate", "errors.yaml"], 1),
    ],
)
def test_exit_codes_and_no_traceback(tmp_path: Path, argv: list[str], code: int) -> None:
    (tmp_path / "broken.yaml").write_text("partnerships: [\n", encoding="utf-8")
    errors = text("trappen").replace("owner: bregnebo-boligforening", "owner: ukendt")
    (tmp_path / "errors.yaml").write_text(errors, encoding="utf-8")
    result = samarbejde(*argv, cwd=tmp_path)
    assert result.returncode == code
    assert "Traceback" not in result.stdout + result.stderr


def test_json_and_danish_from_a_real_process(tmp_path: Path) -> None:
    (tmp_path / "u.yaml").write_text(text("trappen"), encoding="utf-8")
    result = samarbejde(
        "validate",
        "u.yaml",
        "--as-of",
        "2025-06-01",
        "--lang",
        "da",
        "--format",
        "json",
        cwd=tmp_path,
    )
    document = json.loads(result.stdout)
    messages = [f["message"] for f in document["files"][0]["findings"]]
    assert result.returncode == 0
    assert any("Overvej den strategiske samarbejdsform" in m for m in messages)
