"""Standard input is read in bounded chunks and refused as soon as it passes ``--max-bytes``."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samarbejde import cli
from samarbejde.cli._lines import CHUNK, load

LIMIT = 100_000
#: How much the feeding side offers at most: far more than the limit, so reading it all shows.
OFFERED = 16 * 1024 * 1024


def _pipe_capacity(descriptor: int) -> int:
    """How many bytes a pipe holds unread (Linux tells; elsewhere assume a generous 1 MiB)."""
    fcntl = pytest.importorskip("fcntl")
    getter = getattr(fcntl, "F_GETPIPE_SZ", None)
    return int(fcntl.fcntl(descriptor, getter)) if getter is not None else 1024 * 1024


@pytest.mark.parametrize(
    "argv",
    [
        ("validate", "-", "--from", "json"),
        ("convert", "-", "-", "--from", "json", "--to", "yaml"),
    ],
    ids=["validate", "convert"],
)
def test_a_flood_on_stdin_is_refused_unread_beyond_the_limit(argv: tuple[str, ...]) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "samarbejde", *argv, "--max-bytes", str(LIMIT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    assert child.stderr is not None
    capacity = _pipe_capacity(child.stdin.fileno())
    written = 0

    def feed() -> None:  # /dev/zero, as the issue's ``cat /dev/zero |``, but bounded
        nonlocal written
        block = bytes(CHUNK)
        with contextlib.suppress(BrokenPipeError, ValueError):
            while written < OFFERED:
                child.stdin.write(block)  # type: ignore[union-attr]
                written += len(block)
        with contextlib.suppress(OSError):
            child.stdin.close()  # type: ignore[union-attr]

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    code = child.wait(timeout=120)
    feeder.join(timeout=120)
    out = child.stdout.read().decode("utf-8")
    err = child.stderr.read().decode("utf-8")
    child.stdout.close()
    child.stderr.close()
    assert code == 2
    assert f"over the limit of {LIMIT} bytes (max_bytes)" in out
    assert "internal error" not in out + err
    # The child read at most the limit and one chunk; the pipe held at most its capacity.
    assert written <= LIMIT + CHUNK + capacity


class _Stdin(io.TextIOWrapper):
    """A text stream over bytes, as ``sys.stdin`` is (with a ``buffer``)."""


@given(data=st.binary(max_size=3 * CHUNK), limit=st.integers(1, 2 * CHUNK))
def test_stdin_up_to_the_limit_is_read_whole_and_one_byte_more_is_refused(
    data: bytes, limit: int
) -> None:
    stream = _Stdin(io.BytesIO(data), encoding="utf-8")
    _, problems = load("-", "en", "json", stream, max_bytes=limit)
    too_large = [p for p in problems if "over the limit" in p.message]
    assert bool(too_large) == (len(data) > limit)
    if too_large:
        assert too_large[0].message == (
            f"the document is at least {limit + 1} bytes, over the limit of {limit} bytes"
            " (max_bytes)"
        )
        assert stream.buffer.tell() == limit + 1  # nothing read beyond the byte that tells


@pytest.mark.parametrize("command", ["validate", "convert"])
def test_a_closed_stdin_is_said_to_be_closed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setattr("sys.stdin", None)  # as Python starts with ``<&-``
    argv = [command, "-", *(["out.json"] if command == "convert" else []), "--from", "json"]
    code = cli.main(argv)
    out = capsys.readouterr().out
    assert code == 2
    assert out.startswith("-: LOAD error: cannot read standard input: it is closed")
