"""Every subcommand in a hostile environment says what is wrong, never "internal error".

The environments: standard input closed (``<&-``), a file name that is not UTF-8 under a
strict UTF-8 standard output, a strict ASCII standard output, standard output on a full
disk (``/dev/full``). ``store`` has its own tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from samarbejde.examples import text

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="POSIX file names and descriptors"),
    pytest.mark.deep,  # a subprocess each: 16 s of the README's two minutes
]

#: A file name that is not UTF-8, and how the command shows it (a backslash escape).
NAME = b"n\xff.yaml"
SHOWN = "n\\udcff.yaml"
AS_OF = ("--as-of", "2025-06-01")
#: More bytes than a machine holds: a MemoryError, were it passed on to the reading.
HUGE = str(10**15)


def _close_stdin() -> None:  # pragma: no cover - runs in the child, before exec
    os.close(0)


@attrs.frozen
class Environment:
    """How the child is started: extra variables, a setup before exec, where stdout goes."""

    env: dict[str, str] = attrs.field(factory=dict)
    setup: Callable[[], None] | None = None
    stdout: str | None = None


PLAIN = Environment()
CLOSED_STDIN = Environment(setup=_close_stdin)
STRICT_UTF8 = Environment({"PYTHONIOENCODING": "utf-8:strict"})
STRICT_ASCII = Environment({"PYTHONIOENCODING": "ascii:strict"})
FULL_DISK = Environment(stdout="/dev/full")


def samarbejde(
    argv: tuple[str | bytes, ...], environment: Environment, cwd: Path
) -> tuple[int, bytes, str]:
    """Run the command; its exit code, its output as bytes and its messages."""
    with open(environment.stdout or os.devnull, "wb") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "samarbejde", *argv],
            stdout=sink if environment.stdout else subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            check=False,
            timeout=120,
            env={**os.environ, **environment.env},
            preexec_fn=environment.setup,
        )
    return result.returncode, result.stdout or b"", result.stderr.decode("utf-8", "replace")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "m.yaml").write_text(text("opdrift"), encoding="utf-8")
    (tmp_path / os.fsdecode(NAME)).write_text(text("opdrift"), encoding="utf-8")
    return tmp_path


#: Every subcommand but ``store``, as it reads and writes: (arguments, exit code, said).
CASES: dict[str, tuple[Environment, tuple[str | bytes, ...], int, str]] = {
    # Standard input closed: what reads it says so; the rest do not need it.
    "closed-validate": (CLOSED_STDIN, ("validate", "-", "--from", "json"), 2, "standard input"),
    "closed-convert": (
        CLOSED_STDIN,
        ("convert", "-", "o.json", "--from", "json"),
        2,
        "standard input",
    ),
    "closed-report": (CLOSED_STDIN, ("report", "-", *AS_OF), 2, "--from"),
    "closed-export": (CLOSED_STDIN, ("export", "-", "--to", "org"), 2, "--from"),
    "closed-schema": (CLOSED_STDIN, ("schema",), 0, ""),
    "closed-rules": (CLOSED_STDIN, ("rules",), 0, ""),
    "closed-example": (CLOSED_STDIN, ("example", "opdrift"), 0, ""),
    # A file name that is not UTF-8 under a strict UTF-8 standard output: shown escaped.
    "name-validate": (STRICT_UTF8, ("validate", NAME, *AS_OF), 0, f"{SHOWN}:78:24: C006"),
    "name-validate-json": (STRICT_UTF8, ("validate", NAME, *AS_OF, "--format", "json"), 0, SHOWN),
    "name-validate-sarif": (STRICT_UTF8, ("validate", NAME, *AS_OF, "--format", "sarif"), 0, ""),
    "name-missing": (STRICT_UTF8, ("validate", b"x\xff.yaml"), 2, f"x{SHOWN[1:]}: LOAD error"),
    "name-convert": (STRICT_UTF8, ("convert", NAME, "-", "--to", "json"), 0, ""),
    "name-export": (STRICT_UTF8, ("export", NAME, "--to", "org"), 0, ""),
    "name-report": (STRICT_UTF8, ("report", NAME, *AS_OF), 0, SHOWN),
    "name-report-file": (STRICT_UTF8, ("report", NAME, *AS_OF, "-o", "r.html"), 0, ""),
    # A strict ASCII standard output: messages escaped, documents in UTF-8 as formats say.
    "ascii-validate": (
        STRICT_ASCII,
        ("validate", "m.yaml", *AS_OF, "--lang", "da"),
        0,
        "bem\\xe6rkning",
    ),
    "ascii-schema": (STRICT_ASCII, ("schema",), 0, "å"),
    "ascii-convert": (STRICT_ASCII, ("convert", "m.yaml", "-", "--to", "yaml"), 0, "beskæftigelse"),
    "ascii-rules": (STRICT_ASCII, ("rules", "--lang", "da"), 0, ""),
    "ascii-example": (STRICT_ASCII, ("example", "opdrift"), 0, "Ørnereden"),
    "ascii-export": (STRICT_ASCII, ("export", "m.yaml", "--to", "org"), 0, ""),
    "ascii-report": (STRICT_ASCII, ("report", "m.yaml", *AS_OF), 0, "·"),
    # Arguments out of range: a usage message naming the argument.
    "huge-validate": (PLAIN, ("validate", "m.yaml", "--max-bytes", HUGE), 2, "--max-bytes"),
    "huge-convert": (PLAIN, ("convert", "m.yaml", "o.json", "--max-bytes", HUGE), 2, "--max-bytes"),
    "huge-report": (PLAIN, ("report", "m.yaml", *AS_OF, "--max-bytes", HUGE), 2, "--max-bytes"),
    "huge-export": (
        PLAIN,
        ("export", "m.yaml", "--to", "org", "--max-bytes", HUGE),
        2,
        "--max-bytes",
    ),
    "no-name-report": (PLAIN, ("report", "m.yaml", *AS_OF, "-o", ""), 2, "No such file"),
    "no-name-export": (PLAIN, ("export", "m.yaml", "--to", "org", "-o", ""), 2, "No such file"),
    "no-name-convert": (PLAIN, ("convert", "m.yaml", "", "--to", "json"), 2, "No such file"),
    "no-example": (PLAIN, ("example", "nonsense"), 2, "no example 'nonsense'"),
    # Standard output on a full disk: said on standard error.
    "full-validate": (FULL_DISK, ("validate", "m.yaml", *AS_OF), 2, "cannot write the output"),
    "full-schema": (FULL_DISK, ("schema",), 2, "cannot write the output"),
    "full-convert": (FULL_DISK, ("convert", "m.yaml", "-", "--to", "json"), 2, "cannot write"),
    "full-rules": (FULL_DISK, ("rules",), 2, "cannot write the output"),
    "full-example": (FULL_DISK, ("example", "opdrift"), 2, "cannot write the output"),
    "full-export": (FULL_DISK, ("export", "m.yaml", "--to", "org"), 2, "cannot write the output"),
    "full-report": (FULL_DISK, ("report", "m.yaml", *AS_OF), 2, "cannot write the output"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_subcommand_says_what_is_wrong_never_internal_error(folder: Path, case: str) -> None:
    environment, argv, expected, said = CASES[case]
    code, out, err = samarbejde(argv, environment, folder)
    output = out.decode("utf-8") + err  # documents are UTF-8, whatever the locale
    assert "internal error" not in output
    assert "Traceback" not in output
    assert code == expected, output[-2000:]
    assert said in output


def test_findings_print_for_a_file_name_that_is_not_utf8(folder: Path) -> None:
    code, out, _ = samarbejde(("validate", NAME, *AS_OF), STRICT_UTF8, folder)
    _, plain, _ = samarbejde(("validate", "m.yaml", *AS_OF), PLAIN, folder)
    assert code == 0
    assert out.decode("utf-8") == plain.decode("utf-8").replace("m.yaml", SHOWN)


def test_json_names_a_file_that_is_not_utf8_by_a_json_escape(folder: Path) -> None:
    _, out, _ = samarbejde(("validate", NAME, *AS_OF, "--format", "json"), STRICT_UTF8, folder)
    assert json.loads(out)["files"][0]["file"] == os.fsdecode(NAME)


def test_a_document_on_an_ascii_stdout_is_the_utf8_text(folder: Path) -> None:
    _, out, _ = samarbejde(("example", "opdrift"), STRICT_ASCII, folder)
    assert out.decode("utf-8") == text("opdrift")
