"""Where a command's output goes: a file replaced atomically, or standard output.

What the command writes for people (linter lines, the rule list, messages) goes to
standard output in its own encoding, and a character that encoding cannot hold (a file
name that is not UTF-8, Danish under ``PYTHONIOENCODING=ascii``) as a backslash escape
rather than a failure. What it writes for programs (a document, JSON, SARIF, HTML) is
UTF-8 whatever the locale says, as the formats require; only a lone surrogate (from a
file name that is not UTF-8) becomes a backslash escape there.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from typing import TextIO

from samarbejde.documents._atomic import write_atomically

__all__ = ["forgiving", "write_document", "write_file"]

_ESCAPE = "backslashreplace"


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", _ESCAPE)


def write_file(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` in UTF-8, atomically: the old file stays whole on failure.

    A lone surrogate (from a file name that is not UTF-8) becomes a backslash escape.

    Raises:
        OSError: The file cannot be written (the old one, if any, is as it was).
    """
    write_atomically(path, _utf8(text))


def write_document(out: TextIO, text: str) -> None:
    """Write a document to ``out`` in UTF-8, whatever the encoding of ``out``."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a stream of text only (a test's StringIO)
        out.write(text)
        return
    out.flush()  # what was written as text comes first
    buffer.write(_utf8(text))
    buffer.flush()


@contextlib.contextmanager
def forgiving(*streams: TextIO) -> Iterator[None]:
    """While inside, ``streams`` that would fail on an unencodable character escape it."""
    changed: list[io.TextIOWrapper] = []
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            with contextlib.suppress(OSError, ValueError):  # closed, or a full disk
                stream.reconfigure(errors=_ESCAPE)
                changed.append(stream)
    try:
        yield
    finally:
        for stream in changed:
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(errors="strict")
