"""The parts of a rule: severities, findings, hits, rules and the ``@rule`` decorator."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from samarbejde.model.errors import SamarbejdeError
from samarbejde.model.text import LANGS, Lang, Text

if TYPE_CHECKING:
    from samarbejde.rules._index import PortfolioIndex

__all__ = [
    "PROFILES",
    "Finding",
    "Hit",
    "Rule",
    "RuleContext",
    "RuleError",
    "Severity",
    "hit",
    "rule",
]

#: The profiles a rule can belong to, from narrowest to widest.
PROFILES: tuple[str, ...] = ("structure", "project", "strategic", "all")

CODE_PATTERN = re.compile(r"[A-Z]{1,4}[0-9]{3,4}")


class RuleError(SamarbejdeError, ValueError):
    """A rule or a rule selection is malformed (bad code, shadowed code, unknown profile)."""


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

    def label(self, lang: Lang = "en") -> str:
        """The severity's name in Danish (``"da"``) or English (``"en"``)."""
        return _SEVERITY_LABELS[self].pick(lang)


_SEVERITY_LABELS = {
    Severity.ERROR: Text("fejl", "error"),
    Severity.WARNING: Text("advarsel", "warning"),
    Severity.INFO: Text("bemærkning", "info"),
}


@attrs.frozen
class Finding:
    """One thing a rule found.

    Attributes:
        code: The rule's code, e.g. ``"M003"``.
        severity: How serious it is.
        message: What is wrong, in the chosen language, naming ids, dates and amounts.
        path: Where, by ids, e.g. ``partnerships[medvind].commitments[c-fritidsjob].term``.
        subject: The id of the object the finding is about.
        line: 1-based line in the source document, when the portfolio came from a file.
        column: 1-based column in the source document, when known.
    """

    code: str
    severity: Severity
    message: str
    path: str
    subject: str
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, object]:
        """The finding as plain JSON-ready values."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "subject": self.subject,
            "line": self.line,
            "column": self.column,
        }


@attrs.frozen
class Hit:
    """What a rule's check yields: where, about what, and the values for the message.

    Attributes:
        path: Where, by ids (see :class:`Finding`).
        subject: The id of the object concerned.
        values: The named values the message templates refer to.
    """

    path: str
    subject: str
    values: Mapping[str, object] = attrs.field(factory=dict)


def hit(path: str, subject: str, /, **values: object) -> Hit:
    """Make a :class:`Hit`; keyword arguments fill the message templates.

    >>> hit("organisations[x]", "x", organisation="x").values["organisation"]
    'x'
    """
    return Hit(path, subject, values)


@attrs.frozen
class RuleContext:
    """What a check sees: the portfolio, its indexes, the date and the rule's parameters.

    Attributes:
        index: Indexes over the portfolio, built once per run and shared by all rules.
        as_of: The date "today" means, or ``None``; rules that need it only run with it.
        params: This rule's parameters (its defaults, possibly configured).
    """

    index: PortfolioIndex
    as_of: pendulum.Date | None
    params: Mapping[str, Any]

    @property
    def today(self) -> pendulum.Date:
        """``as_of``; only call it from a rule declared with ``needs_as_of=True``."""
        if self.as_of is None:  # pragma: no cover - the engine skips such rules
            raise RuleError("this rule needs as_of")
        return self.as_of


Check = Callable[[RuleContext], Iterable[Hit]]


def _frozen_map(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


def _frozen_set(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _code(instance: Rule, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not CODE_PATTERN.fullmatch(value):
        raise RuleError(
            f"rule code {value!r} must be 1-4 capital letters and 3-4 digits, e.g. 'X001'"
        )


def _profiles(instance: Rule, attribute: attrs.Attribute[Any], value: frozenset[str]) -> None:
    unknown = sorted(set(value) - set(PROFILES))
    if unknown:
        raise RuleError(f"rule {instance.code}: unknown profile(s) {unknown}; known: {PROFILES}")


def _messages(instance: Rule, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Text):
        raise RuleError(f"rule {instance.code}: needs a message template for {_LANGS}")


_LANGS = " and ".join(repr(lang) for lang in LANGS)


def _text(value: Text | Mapping[str, str]) -> Text | Mapping[str, str]:
    """A mapping of one template per language becomes a :class:`Text`; others stay."""
    if isinstance(value, Mapping) and set(value) == set(LANGS):
        return Text(**value)
    return value


@attrs.frozen
class Rule:
    """A named check with a stable code, a severity and messages in Danish and English.

    Attributes:
        code: Stable code, e.g. ``"S001"``: 1-4 capital letters and 3-4 digits.
        name: A short kebab-case name, e.g. ``"unknown-organisation"``.
        severity: The default severity of its findings.
        messages: The message template in every language, a
            :class:`~samarbejde.model.text.Text` (a mapping of one template per
            language is taken too), filled with the values a hit carries
            (``{commitment}``, ``{on}`` ...).
        check: The function that yields one :class:`Hit` per problem.
        profiles: The profiles the rule belongs to.
        rationale: Why the rule exists, a paragraph for the documentation.
        params: Policy parameters and their values (defaults unless configured).
        needs_as_of: Whether the rule needs ``as_of``; it is skipped without it.
        per_partnership: Whether the check looks only at ``ctx.index.parts`` (and the
            portfolio-wide lookups). The engine then runs it one partnership at a time,
            with every other such rule, so that a partnership's records are read while
            they are still in the processor's cache.
    """

    code: str = attrs.field(validator=_code)
    name: str
    severity: Severity
    messages: Text = attrs.field(converter=_text, validator=_messages)
    check: Check = attrs.field(eq=False)
    profiles: frozenset[str] = attrs.field(
        default=frozenset(PROFILES), converter=_frozen_set, validator=_profiles
    )
    rationale: str = ""
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_map)
    needs_as_of: bool = False
    per_partnership: bool = False

    def configure(self, **params: Any) -> Rule:
        """The same rule with some parameters changed.

        Raises:
            RuleError: A name is not one of the rule's parameters.

        >>> from samarbejde.rules import builtin_rules
        >>> p001 = next(r for r in builtin_rules() if r.code == "P001")
        >>> p001.configure(years=3).params["years"]
        3
        """
        unknown = sorted(set(params) - set(self.params))
        if unknown:
            raise RuleError(
                f"rule {self.code} has no parameter(s) {unknown}; it has {sorted(self.params)}"
            )
        return attrs.evolve(self, params={**self.params, **params})

    def message(self, lang: Lang) -> str:
        """The message template in ``lang``."""
        return self.messages.pick(lang)


def rule(
    code: str,
    name: str,
    *,
    en: str,
    da: str,
    severity: Severity = Severity.WARNING,
    profiles: Iterable[str] = PROFILES,
    rationale: str = "",
    params: Mapping[str, Any] | None = None,
    needs_as_of: bool = False,
    per_partnership: bool = False,
) -> Callable[[Check], Rule]:
    """Turn a check function into a :class:`Rule`.

    The function takes a :class:`RuleContext` and yields :class:`Hit` values (use
    :func:`hit`). Pass the rule to :func:`samarbejde.validate` with ``rules=`` or
    publish it under the entry point group ``samarbejde.rules``.

    Args:
        code: A stable code of 1-4 capital letters and 3-4 digits; not a built-in one.
        name: A short kebab-case name.
        en: The English message template, e.g. ``"Commitment {commitment} ..."``.
        da: The Danish message template, with the same placeholders.
        severity: The severity of its findings (default ``warning``).
        profiles: The profiles it belongs to (default: every profile).
        rationale: Why the rule exists, for the documentation.
        params: Policy parameters and their defaults, read as ``ctx.params[...]``.
        needs_as_of: Whether it needs ``as_of`` (then it reads ``ctx.today``).
        per_partnership: Whether it only looks at ``ctx.index.parts`` and the lookups,
            so that the engine may run it one partnership at a time.

    Returns:
        A decorator that makes the :class:`Rule`.

    Raises:
        RuleError: The code, profiles or messages are malformed.

    >>> @rule("X001", "no-partnerships", en="The portfolio is empty.", da="Porteføljen er tom.")
    ... def no_partnerships(ctx):
    ...     if not ctx.index.portfolio.partnerships:
    ...         yield hit("partnerships", "")
    >>> no_partnerships.code
    'X001'
    """

    def wrap(check: Check) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=severity,
            messages=Text(da=da, en=en),
            check=check,
            profiles=_frozen_set(profiles),
            rationale=rationale,
            params=dict(params or {}),
            needs_as_of=needs_as_of,
            per_partnership=per_partnership,
        )

    return wrap
