"""Reading a document for a command, and the linter lines that say what is wrong where."""

from __future__ import annotations

import argparse
import io
from typing import BinaryIO, TextIO

from samarbejde.cli._command import STDIO, argument
from samarbejde.cli._sheets import is_sheets, load_sheets
from samarbejde.documents import DEFAULT_MAX_BYTES, Format, SourceMap, load_located, loads_located
from samarbejde.documents._parse import _too_large
from samarbejde.documents._problems import Said, problem
from samarbejde.model import Lang, Text
from samarbejde.model.errors import LoadError, Problem
from samarbejde.model.portfolio import Portfolio
from samarbejde.rules import Finding

__all__ = ["CHUNK", "LARGEST", "MAX_BYTES", "as_dict", "finding_line", "load", "problem_line"]

#: How many bytes of standard input are read at a time.
CHUNK = 64 * 1024

#: The largest ``--max-bytes``: a file is read with a buffer this large, and a document
#: near it already costs many times its size in memory.
LARGEST = 1 << 30


def _max_bytes(text: str) -> int:
    """A number of bytes from 1 to :data:`LARGEST`."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number <= LARGEST:
        raise argparse.ArgumentTypeError(f"not a number of bytes from 1 to {LARGEST}: {text!r}")
    return number


#: The ``--max-bytes`` option of the commands that read documents.
MAX_BYTES = argument(
    "--max-bytes",
    type=_max_bytes,
    default=DEFAULT_MAX_BYTES,
    metavar="N",
    help=f"refuse a document (a file or stdin) of more than N bytes (default: {DEFAULT_MAX_BYTES})",
)

_LOAD = Text("cli.load")
_UNREADABLE = Text("cli.unreadable")
_NO_STDIN = Text("cli.no_stdin")
_CLOSED = Text("cli.closed")
_RELATED = Text("cli.related")
_NEEDS_FORMAT = Text("cli.needs_format")


def _where(file: str, line: int | None, column: int | None) -> str:
    return f"{file}:{line}:{column or 1}:" if line is not None else f"{file}:"


def finding_line(file: str, finding: Finding, lang: Lang) -> str:
    """``FILE:LINE:COL: CODE severity: message``, and a line for each related place."""
    where = _where(file, finding.line, finding.column)
    tail = "" if finding.line is not None else f" [{finding.path}]"
    lines = [f"{where} {finding.code} {finding.severity.label(lang)}: {finding.message}{tail}"]
    for related in finding.related:
        at = _where(file, related.line, related.column)
        note = f" {related.note}" if related.note else ""
        lines.append(f"    {at} {_RELATED.pick(lang)}:{note} [{related.path}]")
    return "\n".join(lines)


def problem_line(file: str, problem: Problem, lang: Lang, kind: str = "LOAD") -> str:
    """``FILE:LINE:COL: LOAD error: message [path]`` (or another ``kind``: ``WRITE``)."""
    where = _where(file, problem.line, problem.column)
    at = f" [{problem.path}]" if problem.path else ""
    return f"{where} {kind} {_LOAD.pick(lang)}: {problem.say(lang)}{at}"


def as_dict(problem: Problem, lang: Lang) -> dict[str, object]:
    """A problem as ``validate --format json`` lists it, its message in ``lang``."""
    return problem.to_dict(lang)


def load(
    file: str,
    lang: Lang,
    fmt: Format | None = None,
    stdin: TextIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[tuple[Portfolio, SourceMap] | None, list[Problem]]:
    """The document at ``file`` (``-``: ``stdin``, with ``fmt``), or why not.

    A document of more than ``max_bytes`` is refused; standard input is read in chunks
    of :data:`CHUNK` bytes and refused as soon as it passes the limit, unread beyond it.
    """
    try:
        if file != STDIO and fmt is None and is_sheets(file):
            return load_sheets(file, max_bytes), []
        if file != STDIO:
            return load_located(file, format=fmt, max_bytes=max_bytes), []
        data, chosen = _standard_input(stdin, fmt, lang, max_bytes)
        return loads_located(data, chosen, source="<stdin>", max_bytes=max_bytes), []
    except LoadError as error:
        return None, list(error.problems)
    except OSError as error:
        reason = error.strerror or str(error)
        return None, [Problem("", _UNREADABLE.format(lang, reason=reason))]


def _standard_input(
    stdin: TextIO | None, fmt: Format | None, lang: Lang, max_bytes: int
) -> tuple[bytes, Format]:
    """The bytes of standard input and their format, or a :class:`LoadError` saying why not."""

    def refuse(message: Said) -> LoadError:
        return LoadError([problem("", message)], STDIO)

    if fmt is None:
        raise refuse(_NEEDS_FORMAT.pick(lang))
    if stdin is None:  # started with standard input closed (``<&-``)
        raise refuse(_NO_STDIN.format(lang, reason=_CLOSED.pick(lang)))
    try:
        data = _read_bounded(stdin.buffer, max_bytes)
    except OSError as error:
        raise refuse(_NO_STDIN.format(lang, reason=error.strerror or str(error))) from None
    if len(data) > max_bytes:
        raise refuse(_too_large(len(data), max_bytes, "at least "))
    return data, fmt


def _read_bounded(stream: BinaryIO, max_bytes: int) -> bytes:
    """What ``stream`` holds, but at most ``max_bytes + 1`` bytes: one more tells it is over."""
    kept = io.BytesIO()  # grows in place, and hands its bytes over without a copy
    while kept.tell() <= max_bytes:
        chunk = stream.read(min(CHUNK, max_bytes + 1 - kept.tell()))
        if not chunk:
            break
        kept.write(chunk)
    return kept.getvalue()
