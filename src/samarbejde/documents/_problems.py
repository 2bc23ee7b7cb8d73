"""Turning parser failures, cattrs error trees and model errors into located problems."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

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
from samarbejde.model.text import Phrase, Text, render

__all__ = [
    "MAX_NUMBER_DIGITS",
    "MAX_PROBLEMS",
    "Issue",
    "ParseFailure",
    "Said",
    "add_issue",
    "english",
    "issues_from",
    "model_problem",
    "problem",
    "said",
    "to_load_error",
]

#: What a problem says: a message of the catalogues with its values (``load.*``), or a
#: text that exists in one language only.
Said = str | Phrase


def said(key: str, /, **values: object) -> Phrase:
    """The load problem ``load.<key>`` of the catalogues, with its values.

    Values are given as they are shown (a quoted key as ``repr(key)``), so the English
    rendering is the message loaders have always given.

    >>> english(said("missing_key", name="'id'"))
    "missing required key 'id'"
    """
    return Phrase.of(Text(f"load.{key}"), **values)


def english(message: Said) -> str:
    """``message`` in English: the text of :attr:`Problem.message`."""
    return message if isinstance(message, str) else render(message, "en")


def problem(
    path: str, message: Said, line: int | None = None, column: int | None = None
) -> Problem:
    """A :class:`Problem` saying ``message``, in every language when it is a phrase."""
    if isinstance(message, str):
        return Problem(path, message, line, column)
    return Problem.of(path, message, line, column)


#: A :class:`LoadError` keeps at most this many problems; ``LoadError.omitted`` counts
#: the rest. Readers stop keeping problems at this number too, so memory stays bounded.
MAX_PROBLEMS = 1000

#: Numbers written with more digits than this are refused by every reader (Python's own
#: limit for converting text to ``int`` is 4,300 digits; no value of the format needs 30).
MAX_NUMBER_DIGITS = 1000

_INDEX = re.compile(r"\[([0-9]+)\]")


@attrs.frozen
class Issue:
    """A problem before it is located: a raw path and a message.

    Attributes:
        path: Keys and indexes in the raw document.
        message: What is wrong (a phrase of the catalogues, see :func:`said`).
        at_key: Point at the key rather than the value (unknown or duplicate keys).
        at_parent: Point at the enclosing mapping (missing keys).
        where: A known (line, column), e.g. from a parser.
        more: Not a problem itself: stands for this many problems not kept
            (see :func:`add_issue`).
    """

    path: Path
    message: Said
    at_key: bool = False
    at_parent: bool = False
    where: tuple[int, int] | None = None
    more: int = 0


def add_issue(issues: list[Issue], issue: Issue) -> None:
    """Append ``issue`` unless :data:`MAX_PROBLEMS` are kept; then count it in a marker."""
    if len(issues) < MAX_PROBLEMS:
        issues.append(issue)
    elif len(issues) == MAX_PROBLEMS:
        issues.append(Issue((), "", more=1))
    else:
        issues[-1] = Issue((), "", more=issues[-1].more + 1)


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
    """Flatten a structuring failure into issues, each at its document path.

    At most :data:`MAX_PROBLEMS` issues are made; the rest are only counted, in a
    marker issue at the end (see :func:`add_issue`).
    """
    from samarbejde.documents._scalars import InvalidValueError, did_you_mean  # noqa: PLC0415

    found: list[Issue] = []
    more = 0
    pending: list[tuple[BaseException, Path]] = [(error, path)]
    while pending:
        current, where = pending.pop()
        if isinstance(current, ClassValidationError | IterableValidationError):
            for inner in reversed(current.exceptions):
                pending.append((inner, where + _note_path(inner)))
            continue
        for issue in _issues_of(current, where, did_you_mean, InvalidValueError):
            if len(found) < MAX_PROBLEMS:
                found.append(issue)
            else:
                more += 1
    if more:
        found.append(Issue((), "", more=more))
    return found


def _issues_of(
    current: BaseException,
    where: Path,
    did_you_mean: Callable[[str, Iterable[str]], Said],
    invalid: type[Exception],
) -> Iterator[Issue]:
    if isinstance(current, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(current.cl) if a.init]
        for key in sorted(current.extra_fields):
            hint = did_you_mean(key, known)
            yield Issue((*where, key), said("unknown_key", key=repr(key), hint=hint), True)
    elif isinstance(current, KeyError) and _note_path(current):
        name = str(where[-1])
        yield Issue(where, said("missing_key", name=repr(name)), at_parent=True)
    elif isinstance(current, ModelError):
        yield Issue(where + _field_path(current.field), model_problem(current))
    elif isinstance(current, invalid):
        phrase = getattr(current, "phrase", None)
        told = phrase if isinstance(phrase, Phrase) else getattr(current, "message", str(current))
        yield Issue(where, told)
    else:
        yield Issue(where, said("unreadable", reason=_plain(current)))


def model_problem(error: ModelError) -> Phrase:
    """A model error as a load problem: ``Record.field: reason (got value)``."""
    return Phrase.of(
        Text("error.model"),
        record=error.record,
        field=error.field,
        reason=error.phrase or error.reason,
        value=_shown(error.value),
    )


def _plain(error: BaseException) -> str:
    """An unexpected error in words, without Python's advice (``sys.set_int_max_str_digits``)."""
    text = str(error).split("; use sys.", 1)[0]
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def _note_path(error: BaseException) -> Path:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return (note.name,)
        if isinstance(note, IterableValidationNote):
            return (note.index,)
    return ()


def to_load_error(issues: Iterable[Issue], source_map: SourceMap | None, source: str) -> LoadError:
    """Locate every issue and wrap them in one :class:`LoadError`, in document order.

    The error keeps the first :data:`MAX_PROBLEMS` problems in document order and counts
    the rest (and those the readers only counted) in ``omitted``.
    """
    problems: list[Problem] = []
    omitted = 0
    for issue in issues:
        if issue.more:
            omitted += issue.more
            continue
        where = issue.where
        if where is None and source_map is not None:
            target = issue.path[:-1] if issue.at_parent else issue.path
            where = source_map.position(target, key=issue.at_key)
        line, column = where if where is not None else (None, None)
        problems.append(problem(render_path(issue.path), issue.message, line, column))
    ordered = sorted(
        enumerate(problems),
        key=lambda p: (p[1].line is None, p[1].line or 0, p[1].column or 0, p[0]),
    )
    omitted += max(0, len(ordered) - MAX_PROBLEMS)
    return LoadError([p for _, p in ordered[:MAX_PROBLEMS]], source, omitted)
