"""Reading a document for a command, and the linter lines that say what is wrong where."""

from __future__ import annotations

import sys
from typing import TextIO

from samarbejde.cli._command import STDIO
from samarbejde.documents import Format, SourceMap, load_located, loads_located
from samarbejde.model import Lang, Text
from samarbejde.model.errors import LoadError, Problem
from samarbejde.model.portfolio import Portfolio
from samarbejde.rules import Finding

__all__ = ["as_dict", "finding_line", "load", "problem_line"]

_LOAD = Text(da="fejl", en="error")
_UNREADABLE = Text(da="kan ikke læse filen: {reason}", en="cannot read the file: {reason}")
_RELATED = Text(da="se også", en="see also")
_NEEDS_FORMAT = Text(
    da="standard input (-) kræver --from json, yaml eller toml",
    en="reading standard input (-) needs --from json, yaml or toml",
)


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
    return f"{where} {kind} {_LOAD.pick(lang)}: {problem.message}{at}"


def as_dict(problem: Problem) -> dict[str, object]:
    """A problem as ``validate --format json`` lists it."""
    return {
        "path": problem.path,
        "message": problem.message,
        "line": problem.line,
        "column": problem.column,
    }


def load(
    file: str, lang: Lang, fmt: Format | None = None, stdin: TextIO | None = None
) -> tuple[tuple[Portfolio, SourceMap] | None, list[Problem]]:
    """The document at ``file`` (``-``: standard input, with ``fmt``), or why not."""
    try:
        if file == STDIO:
            if fmt is None:
                return None, [Problem("", _NEEDS_FORMAT.pick(lang))]
            data = (stdin or sys.stdin).buffer.read()
            return loads_located(data, fmt, source="<stdin>"), []
        return load_located(file, format=fmt), []
    except LoadError as error:
        return None, list(error.problems)
    except OSError as error:
        reason = error.strerror or str(error)
        return None, [Problem("", _UNREADABLE.format(lang, reason=reason))]
