"""``--merge``: several files (or a folder of them) read as one portfolio.

Each file is read as every command reads one (documents, workbooks, CSV packages); the
portfolios are merged by :func:`samarbejde.documents.merge_located`, so each finding
still names the file, and the line, its record came from.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from samarbejde.cli._command import argument
from samarbejde.cli._lines import load, problem_line
from samarbejde.documents import merge_located
from samarbejde.documents._io import _SUFFIXES
from samarbejde.documents._locate import SourceMap
from samarbejde.documents._merge import MergedSources
from samarbejde.documents._parse import Format
from samarbejde.model import Lang
from samarbejde.model.errors import LoadError, Problem
from samarbejde.model.portfolio import Portfolio
from samarbejde.rules import Finding, Locator

__all__ = ["MERGE", "expand", "file_of", "load_input", "load_merged"]

#: The ``--merge`` option of the commands that read several files.
MERGE = argument(
    "--merge",
    action="store_true",
    help="read the FILEs (or folders of them) as one portfolio: a shared register",
)


def expand(files: list[str]) -> list[str]:
    """The files given, a folder of documents replaced by its documents, sorted by name."""
    out: list[str] = []
    for file in files:
        folder = Path(file)
        if folder.is_dir() and not (folder / "datapackage.json").is_file():
            found = [p for p in folder.iterdir() if p.suffix in _SUFFIXES or p.suffix == ".xlsx"]
            out += sorted(str(p) for p in found)
        else:
            out.append(file)
    return out


def load_merged(
    files: list[str], lang: Lang, fmt: Format | None, stdin: TextIO | None, max_bytes: int
) -> tuple[tuple[Portfolio, MergedSources] | None, list[tuple[str, Problem]]]:
    """Every file read and merged into one portfolio, or every problem with its file."""
    documents: list[tuple[Portfolio, str, SourceMap | None]] = []
    problems: list[tuple[str, Problem]] = []
    for file in expand(files):
        loaded, found = load(file, lang, fmt, stdin, max_bytes)
        if loaded is None:
            problems += [(file, p) for p in found]
        else:
            documents.append((loaded[0], file, loaded[1]))
    if problems:
        return None, problems
    try:
        return merge_located(documents), []
    except LoadError as error:
        return None, [(file_of_problem(p, documents), p) for p in error.problems]


def file_of_problem(
    problem: Problem, documents: list[tuple[Portfolio, str, SourceMap | None]]
) -> str:
    """The file a merge conflict is in: the later of the two, named first in its message."""
    for _, name, _ in reversed(documents):
        if f" in {name}" in problem.message:
            return name
    return documents[-1][1] if documents else ""


def load_input(
    file: str, args: argparse.Namespace, stdin: TextIO | None, lang: Lang
) -> tuple[tuple[Portfolio, Locator] | None, list[Problem], list[str], MergedSources | None]:
    """One file, or with ``args.merge`` all of ``args.files`` merged.

    Returns:
        The portfolio and where its values stand (or ``None``), the problems, their
        linter lines, and the merged files' sources (``None`` without ``--merge``).
    """
    fmt = getattr(args, "source_format", None)
    if not args.merge:
        loaded, problems = load(file, lang, fmt, stdin, args.max_bytes)
        return loaded, problems, [problem_line(file, p, lang) for p in problems], None
    both, located = load_merged(args.files, lang, fmt, stdin, args.max_bytes)
    lines = [problem_line(f, p, lang) for f, p in located]
    problems = [p for _, p in located]
    return both, problems, lines, None if both is None else both[1]


def file_of(sources: MergedSources, finding: Finding, fallback: str) -> str:
    """The file a finding of a merged portfolio lies in."""
    return sources.file_of(finding.path) or fallback
