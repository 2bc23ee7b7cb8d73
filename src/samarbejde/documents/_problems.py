"""Turning parser failures, cattrs error trees and model errors into located problems."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from samarbejde.documents._locate import Path, SourceMap, render_path
from samarbejde.model.errors import LoadError, ModelError, Problem

__all__ = ["Issue", "ParseFailure", "issues_from", "to_load_error"]

_INDEX = re.compile(r"\[([0-9]+)\]")


@attrs.frozen
class Issue:
    """A problem before it is located: a raw path and a message.

    Attributes:
        path: Keys and indexes in the raw document.
        message: What is wrong.
        at_key: Point at the key rather than the value (unknown or duplicate keys).
        at_parent: Point at the enclosing mapping (missing keys).
        where: A known (line, column), e.g. from a parser.
    """

    path: Path
    message: str
    at_key: bool = False
    at_parent: bool = False
    where: tuple[int, int] | None = None


class ParseFailure(Exception):  # noqa: N818 - internal signal, never leaves the package
    """The text could not be read at all; carries the issues found so far."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = list(issues)
        super().__init__(issues)


def _field_path(field: str) -> Path:
    """``"status[2]"`` → ``("status", 2)``."""
    name = field.split("[", 1)[0]
    return (name, *(int(i) for i in _INDEX.findall(field)))


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def issues_from(error: BaseException, path: Path = ()) -> list[Issue]:
    """Flatten a structuring failure into issues, each at its document path."""
    from samarbejde.documents._converter import InvalidValueError, did_you_mean  # noqa: PLC0415

    found: list[Issue] = []
    pending: list[tuple[BaseException, Path]] = [(error, path)]
    while pending:
        current, where = pending.pop()
        if isinstance(current, ClassValidationError | IterableValidationError):
            for inner in reversed(current.exceptions):
                pending.append((inner, where + _note_path(inner)))
        elif isinstance(current, ForbiddenExtraKeysError):
            known = [a.name for a in attrs.fields(current.cl) if a.init]
            for key in sorted(current.extra_fields):
                found.append(
                    Issue((*where, key), f"unknown key {key!r}{did_you_mean(key, known)}", True)
                )
        elif isinstance(current, KeyError) and _note_path(current):
            name = str(where[-1])
            found.append(Issue(where, f"missing required key {name!r}", at_parent=True))
        elif isinstance(current, ModelError):
            found.append(
                Issue(
                    where + _field_path(current.field),
                    f"{current.record}.{current.field}: {current.reason} "
                    f"(got {_shown(current.value)})",
                )
            )
        elif isinstance(current, InvalidValueError):
            found.append(Issue(where, current.message))
        else:
            found.append(Issue(where, f"cannot read this value: {current}"))
    return found


def _note_path(error: BaseException) -> Path:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return (note.name,)
        if isinstance(note, IterableValidationNote):
            return (note.index,)
    return ()


def to_load_error(issues: Iterable[Issue], source_map: SourceMap | None, source: str) -> LoadError:
    """Locate every issue and wrap them in one :class:`LoadError`, in document order."""
    problems: list[Problem] = []
    for issue in issues:
        where = issue.where
        if where is None and source_map is not None:
            target = issue.path[:-1] if issue.at_parent else issue.path
            where = source_map.position(target, key=issue.at_key)
        line, column = where if where is not None else (None, None)
        problems.append(Problem(render_path(issue.path), issue.message, line, column))
    ordered = sorted(
        enumerate(problems),
        key=lambda p: (p[1].line is None, p[1].line or 0, p[1].column or 0, p[0]),
    )
    return LoadError([p for _, p in ordered], source)
