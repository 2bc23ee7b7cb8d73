"""Where a command's output goes: a file replaced atomically."""

from __future__ import annotations

import os

from samarbejde.documents._atomic import write_atomically

__all__ = ["write_file"]

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
