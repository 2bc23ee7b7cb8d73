"""Every file the command writes is replaced atomically: a failed write keeps the old file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from samarbejde.examples import text

resource = pytest.importorskip("resource")

#: The most a file may grow to in the child: a full disk after this many bytes.
ROOM = 1024
PREVIOUS = "the previous complete file\n"

COMMANDS = {
    "report": ("report", "opdrift.yaml", "--as-of", "2025-06-01", "-o", "OUT"),
    "export": ("export", "opdrift.yaml", "--to", "org", "-o", "OUT"),
    "convert": ("convert", "opdrift.yaml", "OUT", "--to", "json"),
}


def _to_stdout(argv: tuple[str, ...]) -> list[str]:
    """The command writing to standard output instead of OUT."""
    if "-o" in argv:
        return [a for a in argv if a not in ("-o", "OUT")]
    return ["-" if a == "OUT" else a for a in argv]


def _full_disk() -> None:  # pragma: no cover - runs in the child, before exec
    """Let no file grow past ``ROOM`` bytes: writes beyond fail with EFBIG, as on a full disk."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (ROOM, ROOM))


def samarbejde(*argv: str, cwd: Path, full: bool) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samarbejde", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=_full_disk if full else None,
    )


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_write_failing_midway_keeps_the_previous_file_and_leaves_no_temporary(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / "opdrift.yaml").write_text(text("opdrift"), encoding="utf-8")
    target = tmp_path / "out.html"
    argv = [str(target) if a == "OUT" else a for a in COMMANDS[name]]
    whole = samarbejde(*argv, cwd=tmp_path, full=False)
    assert whole.returncode == 0, whole.stderr
    assert target.stat().st_size > ROOM  # so the full disk stops the write midway
    target.write_text(PREVIOUS, encoding="utf-8")

    result = samarbejde(*argv, cwd=tmp_path, full=True)

    assert result.returncode == 2
    assert "cannot write" in result.stdout + result.stderr
    assert "internal error" not in result.stdout + result.stderr
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["opdrift.yaml", "out.html"]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_fifo_is_written_into_and_kept_never_replaced_by_a_file(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / "opdrift.yaml").write_text(text("opdrift"), encoding="utf-8")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    argv = [str(fifo) if a == "OUT" else a for a in COMMANDS[name]]
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waits before the write
    try:
        result = samarbejde(*argv, cwd=tmp_path, full=False)
        received = os.read(reader, 1 << 20)  # what the command wrote fits in the pipe
    finally:
        os.close(reader)
    expected = samarbejde(*_to_stdout(COMMANDS[name]), cwd=tmp_path, full=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received.decode("utf-8") == expected.stdout


@pytest.mark.parametrize(
    ("target", "said"),
    [("", "No such file or directory"), (".", "Is a directory"), ("folder", "Is a directory")],
)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_an_output_that_names_no_file_says_why(
    tmp_path: Path, name: str, target: str, said: str
) -> None:
    (tmp_path / "opdrift.yaml").write_text(text("opdrift"), encoding="utf-8")
    (tmp_path / "folder").mkdir()
    argv = [target if a == "OUT" else a for a in COMMANDS[name]]
    result = samarbejde(*argv, cwd=tmp_path, full=False)
    assert result.returncode == 2
    assert said in result.stdout + result.stderr
    if name != "export":  # export says "samarbejde: cannot write OUT: …" on stderr
        assert f"{target}: WRITE " in result.stdout + result.stderr
    assert "internal error" not in result.stdout + result.stderr
