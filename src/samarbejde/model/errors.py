"""The exceptions samarbejde raises on purpose.

Everything the library raises deliberately derives from :class:`SamarbejdeError`.
Errors about bad values also derive from :class:`ValueError`, so code that already
catches ``ValueError`` keeps working.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from samarbejde.model.text import Lang

__all__ = [
    "DateTypeError",
    "LoadError",
    "MissingExtraError",
    "ModelError",
    "Problem",
    "SamarbejdeError",
    "TransitionError",
    "UnknownIdError",
]


class SamarbejdeError(Exception):
    """Root of every exception that samarbejde raises on purpose."""

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The error as plain JSON-ready values, for an API's answer.

        The keys are stable: ``error`` (the class's name), ``message`` (in ``lang``:
        ``"da"`` or ``"en"``) and each of the error's attributes (values as
        JSON-ready data: ISO dates, enum values, records as objects). Parts that
        only exist in English (a validator's ``reason``, a problem's text, a store's
        driver detail) stay English inside a Danish message.

        Raises:
            ValueError: ``lang`` is not one of the package's languages.

        >>> ModelError("Term", "end", 3, "must be a date").to_dict("da")["message"]
        'Term.end: must be a date (fik 3)'
        """
        from samarbejde.model._plain import plain  # noqa: PLC0415 - text and iso import us
        from samarbejde.model.text import check_lang  # noqa: PLC0415

        message = self._message(check_lang(lang))
        return {"error": type(self).__name__, "message": message, **plain(self._details())}

    def _message(self, lang: Lang) -> str:
        """The message in ``lang``; the English one where no other is written."""
        return str(self)

    def _details(self) -> dict[str, object]:
        """The error's attributes, by the names ``to_dict`` gives them."""
        return {}


class ModelError(SamarbejdeError, ValueError):
    """A local invariant of the model was broken when a record was built or changed.

    Attributes:
        record: Name of the record class, e.g. ``"Term"``.
        field: Name of the offending field, e.g. ``"end"``.
        value: The offending value.
        reason: What is wrong, in English.
    """

    record: str
    field: str
    value: object
    reason: str

    def __init__(self, record: str, field: str, value: object, reason: str) -> None:
        self.record = record
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{record}.{field}: {reason} (got {value!r})")

    def __reduce__(self) -> tuple[type[ModelError], tuple[object, ...]]:
        # Exceptions pickle through their ``args``; ours take other arguments.
        return (type(self), (self.record, self.field, self.value, self.reason))

    def _message(self, lang: Lang) -> str:
        if lang == "da":
            return f"{self.record}.{self.field}: {self.reason} (fik {self.value!r})"
        return str(self)

    def _details(self) -> dict[str, object]:
        return {
            "record": self.record,
            "field": self.field,
            "value": self.value,
            "reason": self.reason,
        }


class DateTypeError(SamarbejdeError, TypeError):
    """A day given to a public function or operation is not a calendar date.

    Raised before any rule or operation runs (design decision D64); it is also a
    :class:`TypeError`. A ``datetime.date`` is accepted (and converted); a string, a
    date-time (``pendulum.DateTime``, ``pendulum.today()``, ``datetime.datetime``) is
    not.

    Attributes:
        name: The parameter's name, e.g. ``"as_of"``.
        value: What was given.
    """

    name: str
    value: object
    hint: str

    def __init__(self, name: str, value: object, hint: str) -> None:
        self.name = name
        self.value = value
        self.hint = hint
        shown = value.isoformat() if isinstance(value, datetime.datetime) else repr(value)
        super().__init__(f"{name} must be a date; got {type(value).__name__} {shown} — {hint}")

    def __reduce__(self) -> tuple[type[DateTypeError], tuple[object, ...]]:
        return (type(self), (self.name, self.value, self.hint))

    def _message(self, lang: Lang) -> str:
        if lang == "da":
            shown = str(self).split("; got ", 1)[1].split(" — ", 1)[0]
            return f"{self.name} skal være en dato; fik {shown} — {self.hint}"
        return str(self)

    def _details(self) -> dict[str, object]:
        return {"name": self.name, "value": self.value, "hint": self.hint}


class TransitionError(ModelError):
    """A change that the lifecycle's transition table does not allow.

    Attributes:
        current: The state the history is in (``None`` for an empty history).
        requested: The state that was asked for.
        allowed: The states the table allows from ``current``, sorted.
    """

    current: str | None
    requested: str
    allowed: tuple[str, ...]

    def __init__(
        self,
        record: str,
        field: str,
        current: str | None,
        requested: str,
        allowed: Iterable[str],
    ) -> None:
        self.current = current
        self.requested = requested
        self.allowed = tuple(sorted(allowed))
        shown = ", ".join(self.allowed) if self.allowed else "none (final state)"
        move = (
            f"cannot start in {requested!r}"
            if current is None
            else f"cannot go to {requested!r} from {current!r}"
        )
        super().__init__(record, field, requested, f"{move}; allowed: {shown}")

    def __reduce__(self) -> tuple[type[ModelError], tuple[object, ...]]:
        return (
            type(self),
            (self.record, self.field, self.current, self.requested, self.allowed),
        )

    def _message(self, lang: Lang) -> str:
        if lang != "da":
            return str(self)
        shown = ", ".join(self.allowed) if self.allowed else "ingen (sluttilstand)"
        move = (
            f"kan ikke begynde i {self.requested!r}"
            if self.current is None
            else f"kan ikke gå til {self.requested!r} fra {self.current!r}"
        )
        return f"{self.record}.{self.field}: {move}; tilladt: {shown} (fik {self.requested!r})"

    def _details(self) -> dict[str, object]:
        return {
            **super()._details(),
            "current": self.current,
            "requested": self.requested,
            "allowed": self.allowed,
        }


class UnknownIdError(SamarbejdeError, KeyError):
    """A lookup or an operation named an id that no record has.

    It is also a :class:`KeyError`, so ``except KeyError`` and mapping-style code keep
    working; unlike a bare ``KeyError`` its message says what was looked for.

    Attributes:
        record: What kind of record was looked for, e.g. ``"commitment"``.
        id: The id that was not found.
    """

    record: str
    id: str

    def __init__(self, record: str, id: str) -> None:  # noqa: A002 - the domain's word
        self.record = record
        self.id = id
        super().__init__(record, id)

    def __str__(self) -> str:
        """``no commitment has id 'c-9'`` (a bare ``KeyError`` would print only the id)."""
        return f"no {self.record} has id {self.id!r}"

    def __reduce__(self) -> tuple[type[UnknownIdError], tuple[object, ...]]:
        return (type(self), (self.record, self.id))

    def _message(self, lang: Lang) -> str:
        return f"ingen {self.record} har id {self.id!r}" if lang == "da" else str(self)

    def _details(self) -> dict[str, object]:
        return {"record": self.record, "id": self.id}


@attrs.frozen
class Problem:
    """One thing wrong with a document.

    Attributes:
        path: Where in the document, e.g. ``partnerships[0].commitments[2].term.end``.
            Empty for problems with the document as a whole.
        message: What is wrong, in English.
        line: 1-based line in the source text, when known.
        column: 1-based column in the source text, when known.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.line is not None:
            where = f"{self.line}:{self.column or 1}: "
        at = f" @ {self.path}" if self.path else ""
        return f"{where}{self.message}{at}"

    def to_dict(self) -> dict[str, object]:
        """The problem as plain JSON-ready values: ``path``, ``message``, ``line``, ``column``.

        >>> Problem("partnerships[0].id", "not a valid id", 3, 7).to_dict()["line"]
        3
        """
        return {
            "path": self.path,
            "message": self.message,
            "line": self.line,
            "column": self.column,
        }


class LoadError(SamarbejdeError, ValueError):
    """A document could not be loaded.

    The error lists every problem found, each with its document path and, where
    the format allows, its line and column - up to the loaders' limit
    (``samarbejde.documents.MAX_PROBLEMS``); :attr:`omitted` counts those beyond it.

    Attributes:
        problems: The problems, in document order.
        source: Name of the file (or ``"<string>"``) the document came from.
        omitted: How many more problems were found but not kept.
    """

    problems: tuple[Problem, ...]
    source: str
    omitted: int

    def __init__(
        self, problems: Sequence[Problem], source: str = "<string>", omitted: int = 0
    ) -> None:
        self.problems = tuple(problems)
        self.source = source
        self.omitted = omitted
        count = len(self.problems) + omitted
        head = f"{source}: {count} problem{'s' if count != 1 else ''}"
        lines = [head] + [f"  {source}:{p}" if p.line else f"  {p}" for p in self.problems]
        if omitted:
            lines.append(f"  ... and {omitted} more problem{'s' if omitted != 1 else ''}")
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[LoadError], tuple[object, ...]]:
        return (type(self), (self.problems, self.source, self.omitted))

    def _message(self, lang: Lang) -> str:
        if lang != "da":
            return str(self)
        count = len(self.problems) + self.omitted
        lines = [f"{self.source}: {count} problem{'er' if count != 1 else ''}"]
        lines += [f"  {self.source}:{p}" if p.line else f"  {p}" for p in self.problems]
        if self.omitted:
            lines.append(f"  … og {self.omitted} problem{'er' if self.omitted != 1 else ''} mere")
        return "\n".join(lines)

    def _details(self) -> dict[str, object]:
        return {
            "source": self.source,
            "omitted": self.omitted,
            "problems": [p.to_dict() for p in self.problems],
        }


class MissingExtraError(SamarbejdeError, ImportError):
    """An optional dependency is not installed.

    Attributes:
        module: The module that could not be imported, e.g. ``"pandas"``.
        extra: The extra that installs it, e.g. ``"frames"``.
    """

    module: str
    extra: str

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(
            f"{module} is needed for this and is not installed; "
            f"install it with: pip install 'samarbejde[{extra}]'",
            name=module,
        )

    def _message(self, lang: Lang) -> str:
        if lang == "da":
            return (
                f"{self.module} skal bruges til dette og er ikke installeret; "
                f"installér det med: pip install 'samarbejde[{self.extra}]'"
            )
        return str(self)

    def _details(self) -> dict[str, object]:
        return {"module": self.module, "extra": self.extra}
