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

from samarbejde.model.words import DEFAULT_LANG

if TYPE_CHECKING:
    from samarbejde.model.text import Lang, Phrase

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

    def say(self, lang: Lang = DEFAULT_LANG) -> str:
        """The error's message in ``lang``, from the catalogues (``str(error)`` stays English).

        Parts that only exist in English (a reason not yet in the catalogues, a store's
        driver detail, a parser's text) stay English inside the language's frame.

        Raises:
            ValueError: ``lang`` is not one of the package's languages.

        >>> UnknownIdError("commitment", "c-9").say("da")
        "ingen commitment har id 'c-9'"
        """
        from samarbejde.model.text import check_lang  # noqa: PLC0415 - text imports us

        return self._message(check_lang(lang))

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict[str, Any]:
        """The error as plain JSON-ready values, for an API's answer.

        The keys are stable: ``error`` (the class's name), ``message`` (in ``lang``,
        as :meth:`say` gives it) and each of the error's attributes (values as
        JSON-ready data: ISO dates, enum values, records as objects).

        Raises:
            ValueError: ``lang`` is not one of the package's languages.

        >>> ModelError("Term", "end", 3, "must be a date").to_dict("da")["message"]
        'Term.end: must be a date (fik 3)'
        """
        from samarbejde.model._plain import plain  # noqa: PLC0415 - text and iso import us

        message = self.say(lang)
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
        phrase: What is wrong in every language (a message of the catalogues with its
            values), or ``None`` where the reason exists only in English.
    """

    record: str
    field: str
    value: object
    reason: str
    phrase: Phrase | None

    def __init__(self, record: str, field: str, value: object, reason: str | Phrase) -> None:
        self.record = record
        self.field = field
        self.value = value
        if isinstance(reason, str):
            self.reason, self.phrase = reason, None
        else:
            from samarbejde.model.text import render  # noqa: PLC0415 - text imports us

            self.reason, self.phrase = render(reason, "en"), reason
        super().__init__(f"{record}.{field}: {self.reason} (got {value!r})")

    def __reduce__(self) -> tuple[type[ModelError], tuple[object, ...]]:
        # Exceptions pickle through their ``args``; ours take other arguments.
        return (type(self), (self.record, self.field, self.value, self.phrase or self.reason))

    def _message(self, lang: Lang) -> str:
        from samarbejde.model.text import Text  # noqa: PLC0415 - text imports us

        return Text("error.model").format(
            lang,
            record=self.record,
            field=self.field,
            reason=self.phrase or self.reason,
            value=repr(self.value),
        )

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
        hint: What to do instead, as code (``use .date()``).
    """

    name: str
    value: object
    hint: str

    def __init__(self, name: str, value: object, hint: str) -> None:
        self.name = name
        self.value = value
        self.hint = hint
        super().__init__(
            f"{name} must be a date; got {type(value).__name__} {self._shown} — {hint}"
        )

    @property
    def _shown(self) -> str:
        value = self.value
        return value.isoformat() if isinstance(value, datetime.datetime) else repr(value)

    def __reduce__(self) -> tuple[type[DateTypeError], tuple[object, ...]]:
        return (type(self), (self.name, self.value, self.hint))

    def _message(self, lang: Lang) -> str:
        from samarbejde.model.text import Text  # noqa: PLC0415 - text imports us

        return Text("error.date_type").format(
            lang,
            name=self.name,
            kind=type(self.value).__name__,
            shown=self._shown,
            hint=self.hint,
        )

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
        from samarbejde.model.text import Phrase, Text  # noqa: PLC0415 - text imports us

        self.current = current
        self.requested = requested
        self.allowed = tuple(sorted(allowed))
        move = (
            Phrase.of(Text("error.transition.start"), requested=repr(requested))
            if current is None
            else Phrase.of(
                Text("error.transition.move"), requested=repr(requested), current=repr(current)
            )
        )
        shown = ", ".join(self.allowed) if self.allowed else Text("error.transition.final")
        reason = Phrase.of(Text("error.transition.reason"), move=move, allowed=shown)
        super().__init__(record, field, requested, reason)

    def __reduce__(self) -> tuple[type[ModelError], tuple[object, ...]]:
        return (
            type(self),
            (self.record, self.field, self.current, self.requested, self.allowed),
        )

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
        from samarbejde.model.text import Text  # noqa: PLC0415 - text imports us

        return Text("error.unknown_id").format(lang, record=self.record, id=repr(self.id))

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
        phrase: What is wrong in every language (a message of the catalogues with its
            values; :meth:`say` renders it), or ``None`` for a text given in one
            language only. Not compared: ``message`` is its English rendering.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    phrase: Phrase | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @classmethod
    def of(
        cls, path: str, phrase: Phrase, line: int | None = None, column: int | None = None
    ) -> Problem:
        """The problem said by ``phrase``, with its English rendering as ``message``.

        >>> from samarbejde.model.text import Phrase, Text
        >>> problem = Problem.of("", Phrase.of(Text("load.empty")))
        >>> problem.message, problem.say("da")
        ('the document is empty', 'dokumentet er tomt')
        """
        from samarbejde.model.text import render  # noqa: PLC0415 - text imports us

        return cls(path, render(phrase, "en"), line, column, phrase=phrase)

    def say(self, lang: Lang = DEFAULT_LANG) -> str:
        """What is wrong, in ``lang`` (the English ``message`` where no phrase is kept).

        Raises:
            ValueError: ``lang`` is not one of the package's languages.
        """
        from samarbejde.model.text import check_lang, render  # noqa: PLC0415 - text imports us

        check_lang(lang)
        return self.message if self.phrase is None else render(self.phrase, lang)

    def told(self, lang: Lang = DEFAULT_LANG) -> str:
        """``LINE:COLUMN: message @ path`` in ``lang``, as ``str(problem)`` says it in English."""
        return self._told(self.say(lang))

    def _told(self, message: str) -> str:
        where = ""
        if self.line is not None:
            where = f"{self.line}:{self.column or 1}: "
        at = f" @ {self.path}" if self.path else ""
        return f"{where}{message}{at}"

    def __str__(self) -> str:
        return self._told(self.message)

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict[str, object]:
        """The problem as JSON: ``path``, ``message`` (in ``lang``), ``line``, ``column``.

        >>> Problem("partnerships[0].id", "not a valid id", 3, 7).to_dict()["line"]
        3
        """
        return {
            "path": self.path,
            "message": self.say(lang),
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
        from samarbejde.model.text import Text  # noqa: PLC0415 - text imports us

        count = len(self.problems) + self.omitted
        head = Text("error.load.one" if count == 1 else "error.load.many")
        lines = [head.format(lang, source=self.source, count=count)]
        for p in self.problems:
            told = p.told(lang)
            lines.append(f"  {self.source}:{told}" if p.line else f"  {told}")
        if self.omitted:
            more = Text("error.load.more_one" if self.omitted == 1 else "error.load.more_many")
            lines.append("  " + more.format(lang, count=self.omitted))
        return "\n".join(lines)

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict[str, Any]:
        """As :meth:`SamarbejdeError.to_dict`, each problem's message in ``lang`` too."""
        said = super().to_dict(lang)
        said["problems"] = [p.to_dict(lang) for p in self.problems]
        return said

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

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[object, ...]]:
        return (type(self), (self.module, self.extra))

    def _message(self, lang: Lang) -> str:
        from samarbejde.model.text import Text  # noqa: PLC0415 - text imports us

        return Text("error.missing_extra").format(lang, module=self.module, extra=self.extra)

    def _details(self) -> dict[str, object]:
        return {"module": self.module, "extra": self.extra}
