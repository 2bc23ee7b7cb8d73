"""Findings: what a run of the rules reports, how serious, where, and its message.

A finding made by :func:`samarbejde.validate` for a built-in rule keeps its message
pending (a template, the values, the language and the partnership) until it is first
read; :class:`Finding` states how (design notes, D53).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, TypeAlias

import attrs

from samarbejde.model.text import DEFAULT_LANG, Lang, Text, fill

__all__ = ["Finding", "Related", "Severity"]


class Severity(str, Enum):
    """How serious a finding is.

    ``error`` means the description cannot be right as it stands; ``warning`` that
    it departs from good practice; ``info`` that it is worth a look.

    >>> Severity.WARNING.label("da")
    'advarsel'
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return str(self.value)

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The severity's name in Danish (``"da"``) or English (``"en"``)."""
        return _SEVERITY_LABELS[self].pick(lang)


_SEVERITY_LABELS = {
    Severity.ERROR: Text("severity.error"),
    Severity.WARNING: Text("severity.warning"),
    Severity.INFO: Text("severity.info"),
}


@attrs.frozen
class Related:
    """Another place a finding's cause lies: a commitment that adds to a sum, a cycle's member.

    Attributes:
        path: Where, by ids, like :attr:`Finding.path`.
        note: A short word on what is there (e.g. the commitment's id and amount), or ``""``.
        line: 1-based line in the source document, when located.
        column: 1-based column in the source document, when located.

    >>> Related("partnerships[p].commitments[c]", "c: 5000 DKK").to_dict()["note"]
    'c: 5000 DKK'
    """

    path: str
    note: str = ""
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, object]:
        """The related location as plain JSON-ready values."""
        return {"path": self.path, "note": self.note, "line": self.line, "column": self.column}


def _related(items: Iterable[Related]) -> tuple[Related, ...]:
    return tuple(items)


#: How a rule's findings on one partnership (or on the portfolio) are worded: the
#: rule's template in the run's language, the language, and the name of the partnership
#: the rule ran on (``None`` for a portfolio-wide rule). One per rule and partnership,
#: shared by the findings; each finding adds its hit's values.
Wording: TypeAlias = tuple[str, Lang, str | None]


def _render(wording: Wording, values: Mapping[str, object]) -> str:
    """The message: the partnership's name is ``{partnership}`` unless a value is."""
    template, lang, called = wording
    return fill(template, values if called is None else {"partnership": called, **values}, lang)


class _PendingSlots:
    """Where a :class:`Finding` keeps its message's wording and values until it is rendered."""

    __slots__ = ("_values", "_wording")

    _wording: Wording
    _values: Mapping[str, object] | None


@attrs.frozen
class Finding(_PendingSlots):
    """One thing a rule found.

    Attributes:
        code: The rule's code, e.g. ``"M003"``.
        severity: How serious it is.
        message: What is wrong, in the chosen language, naming records by their names
            (ids where they have none), dates and amounts.
        path: Where, by ids, e.g. ``partnerships[opdrift].commitments[c-fritidsjob].term``.
        subject: The id of the object the finding is about.
        line: 1-based line in the source document, when the portfolio came from a file.
        column: 1-based column in the source document, when known.
        partnership: The id of the partnership the finding is about or inside, or
            ``None`` for a finding about the portfolio as a whole (an organisation, an area).
        related: Other places the cause lies, when it is spread over several records
            (M003: the commitments that together pass the ceiling; a cycle's other members).

    A finding that :func:`samarbejde.validate` makes for a built-in rule leaves its
    ``message`` slot empty and keeps its wording and values in private slots: most
    findings of a large run are counted, filtered or summed and never read, and
    rendering (labels, dates, amounts) is most of a finding's cost. The first read of
    ``message`` - directly, or through equality, hashing, ``repr``, :meth:`to_dict`,
    ``attrs.evolve``, ``attrs.asdict`` or pickling - finds the slot empty, so Python
    asks ``__getattr__``, which renders the message, fills the slot and drops the
    values; later reads are plain slot reads. Built-in rules' templates are known
    to render and their values are immutable (ids, records, dates, enums, tuples), so
    the text is the one rendering at once gives (design notes, D53).
    """

    code: str
    severity: Severity
    message: str
    path: str
    subject: str
    line: int | None = None
    column: int | None = None
    partnership: str | None = None
    related: tuple[Related, ...] = attrs.field(default=(), converter=_related)

    if not TYPE_CHECKING:  # to mypy, a finding has its fields and no other attribute

        def __getattr__(self, name: str) -> str:
            """Render a pending ``message`` when it is first read; any other name is missing."""
            if name != "message":
                raise AttributeError(
                    f"'Finding' object has no attribute {name!r}", name=name, obj=self
                )
            values = self._values  # unset (AttributeError) only on a finding half made
            if values is None:  # another thread rendered it since this read began
                return object.__getattribute__(self, "message")
            text = _render(self._wording, values)
            _set_message(self, text)
            _set_values(self, None)
            return text

    def to_dict(self) -> dict[str, object]:
        """The finding as plain JSON-ready values."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "subject": self.subject,
            "partnership": self.partnership,
            "line": self.line,
            "column": self.column,
            "related": [r.to_dict() for r in self.related],
        }


_set_code, _set_severity, _set_message, _set_path, _set_subject = (
    Finding.__dict__[name].__set__ for name in ("code", "severity", "message", "path", "subject")
)
_set_line, _set_column, _set_partnership, _set_related = (
    Finding.__dict__[name].__set__ for name in ("line", "column", "partnership", "related")
)
_set_wording, _set_values = (
    _PendingSlots.__dict__[name].__set__ for name in ("_wording", "_values")
)
_new = object.__new__


def _pending_finding(  # noqa: PLR0917 - the fields of a finding, in order
    code: str,
    severity: Severity,
    wording: Wording,
    values: Mapping[str, object],
    path: str,
    subject: str,
    line: int | None,
    column: int | None,
    partnership: str | None,
    related: tuple[Related, ...],
) -> Finding:
    """The engine's :class:`Finding` for a built-in rule: its message rendered when read.

    The finding keeps ``wording`` (shared with the rule's other findings on the same
    partnership) and its hit's ``values``, and no object of its own for the pair: a
    run keeps tens of thousands of findings, and each object that lives in them is one
    more for the cyclic collector to walk.

    ``Finding(...)`` looks up a frozen-class setter and converts ``related`` on every
    call; a run makes one finding per problem (80,000 at 100k commitments), so the engine
    sets the slots directly. ``related`` must be a tuple (tests/rules/test_reference.py
    checks the result equals ``Finding(...)``).
    """
    finding: Finding = _new(Finding)
    _set_code(finding, code)
    _set_severity(finding, severity)
    _set_wording(finding, wording)
    _set_values(finding, values)
    _set_path(finding, path)
    _set_subject(finding, subject)
    _set_line(finding, line)
    _set_column(finding, column)
    _set_partnership(finding, partnership)
    _set_related(finding, related)
    return finding


def _rendered_finding(  # noqa: PLR0917 - the fields of a finding, in order
    code: str,
    severity: Severity,
    wording: Wording,
    values: Mapping[str, object],
    path: str,
    subject: str,
    line: int | None,
    column: int | None,
    partnership: str | None,
    related: tuple[Related, ...],
) -> Finding:
    """Like :func:`_pending_finding`, with the message rendered now (a user rule's).

    A user rule's template or values may fail to render; rendering at once makes that
    the rule's internal-error finding (design notes, D37) instead of an error on reading.
    """
    text = _render(wording, values)
    finding: Finding = _new(Finding)
    _set_code(finding, code)
    _set_severity(finding, severity)
    _set_message(finding, text)
    _set_path(finding, path)
    _set_subject(finding, subject)
    _set_line(finding, line)
    _set_column(finding, column)
    _set_partnership(finding, partnership)
    _set_related(finding, related)
    return finding
