"""The parts of a rule: severities, findings, hits, scopes, rules, families and ``@rule``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

import attrs
import pendulum

from samarbejde.model.errors import SamarbejdeError
from samarbejde.model.text import LANGS, Lang, Text, fill

if TYPE_CHECKING:
    from samarbejde.rules._index import PartnershipIndex, PortfolioIndex

__all__ = [
    "EVERY_PARTNERSHIP",
    "LIVE_STRATEGIC",
    "PORTFOLIO",
    "PROFILES",
    "PROJECTS",
    "Family",
    "Finding",
    "Hit",
    "Related",
    "Rule",
    "RuleContext",
    "RuleError",
    "Scope",
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
        partnership: The id of the partnership the finding is about or inside, or
            ``None`` for a finding about the portfolio as a whole (an organisation, an area).
        related: Other places the cause lies, when it is spread over several records
            (M003: the commitments that together pass the ceiling; a cycle's other members).
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


class _Pending:
    """A message not rendered yet: a built-in rule's template and its finding's values.

    :func:`samarbejde.validate` leaves the messages of built-in rules pending, because
    most findings of a large run are counted, filtered or summed and never read, and
    rendering (labels, dates, amounts) is most of a finding's cost. The first read of
    :attr:`Finding.message` - directly, or through equality, hashing, ``repr``,
    ``to_dict``, ``attrs.evolve`` or pickling - renders it and keeps the text. Built-in
    rules' templates are known to render and their values are immutable (ids, records,
    dates, enums, tuples), so the text is the one rendering at once would have given.
    """

    __slots__ = ("inside", "lang", "template", "values")

    def __init__(
        self, template: str, values: Mapping[str, object], lang: Lang, inside: str | None
    ) -> None:
        self.template = template
        self.values = values
        self.lang = lang
        self.inside = inside

    def text(self) -> str:
        """The rendered message: a partnership's id is ``{partnership}`` unless a value is."""
        values, inside = self.values, self.inside
        return fill(
            self.template,
            values if inside is None else {"partnership": inside, **values},
            self.lang,
        )


class _Message:
    """The descriptor of :attr:`Finding.message`: the slot, rendering a pending message once."""

    def __init__(self, slot: Any) -> None:
        self._slot = slot

    def __get__(self, finding: Finding | None, owner: type | None = None) -> Any:
        if finding is None:
            return self._slot
        value = self._slot.__get__(finding, owner)
        if type(value) is _Pending:
            value = value.text()
            self._slot.__set__(finding, value)
        return value

    def __set__(self, finding: Finding, value: object) -> None:
        self._slot.__set__(finding, value)

    def __delete__(self, finding: Finding) -> None:
        self._slot.__delete__(finding)


_SLOTS = {a.name: Finding.__dict__[a.name] for a in attrs.fields(Finding)}
_code_, _severity_, _message_, _path_, _subject_, _line_, _column_, _inside_, _related_ = (
    _SLOTS[name].__set__
    for name in (
        "code",
        "severity",
        "message",
        "path",
        "subject",
        "line",
        "column",
        "partnership",
        "related",
    )
)
Finding.message = _Message(_SLOTS["message"])  # type: ignore[assignment]
_new = object.__new__


def _finding(  # noqa: PLR0917 - the fields of a finding, in order
    code: str,
    severity: Severity,
    message: str | _Pending,
    path: str,
    subject: str,
    line: int | None,
    column: int | None,
    partnership: str | None,
    related: tuple[Related, ...],
) -> Finding:
    """The engine's :class:`Finding`: the same object, made without ``__init__``.

    ``Finding(...)`` looks up a frozen-class setter and converts ``related`` on every
    call; a run makes one finding per problem (80,000 at 100k commitments), so the engine
    sets the slots directly. ``related`` must be a tuple, ``message`` may be pending
    (tests/rules/test_reference.py checks the result equals ``Finding(...)``).
    """
    finding: Finding = _new(Finding)
    _code_(finding, code)
    _severity_(finding, severity)
    _message_(finding, message)
    _path_(finding, path)
    _subject_(finding, subject)
    _line_(finding, line)
    _column_(finding, column)
    _inside_(finding, partnership)
    _related_(finding, related)
    return finding


@attrs.frozen
class Hit:
    """What a rule's check yields: where, about what, and the values for the message.

    Attributes:
        path: Where, by ids (see :class:`Finding`).
        subject: The id of the object concerned.
        values: The named values the message templates refer to. A check that receives
            a partnership need not give ``partnership``: its id is the default.
        partnership: The partnership the hit is inside. A check that receives a
            partnership need not set it (the engine does); a portfolio-wide check sets it
            for what it finds inside a partnership.
        related: Other places the cause lies (see :attr:`Finding.related`); the engine
            locates them in the source like the main path.
    """

    path: str
    subject: str
    values: Mapping[str, object] = attrs.field(factory=dict)
    partnership: str | None = None
    related: tuple[Related, ...] = attrs.field(default=(), converter=_related)

    def relating(self, *related: Related | str) -> Hit:
        """This hit with ``related`` locations added (a bare string is a path without note).

        >>> hit("a[x]", "x").relating("a[y]", Related("a[z]", "z")).related[0].path
        'a[y]'
        """
        more = tuple(r if isinstance(r, Related) else Related(r) for r in related)
        return attrs.evolve(self, related=(*self.related, *more))


def hit(path: str, subject: str, /, **values: object) -> Hit:
    """Make a :class:`Hit`; keyword arguments fill the message templates.

    >>> hit("organisations[x]", "x", organisation="x").values["organisation"]
    'x'
    """
    made: Hit = _new(Hit)  # Hit(path, subject, values) without __init__: one per problem
    _hit_path(made, path)
    _hit_subject(made, subject)
    _hit_values(made, values)
    _hit_partnership(made, None)
    _hit_related(made, ())
    return made


_hit_path, _hit_subject, _hit_values, _hit_partnership, _hit_related = (
    Hit.__dict__[name].__set__ for name in ("path", "subject", "values", "partnership", "related")
)


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


class PortfolioCheck(Protocol):
    """A check that looks at the whole portfolio: ``check(ctx)``."""

    def __call__(self, ctx: RuleContext, /) -> Iterable[Hit]:
        """Yield one hit per problem in the portfolio."""


class PartnershipCheck(Protocol):
    """A check that looks at one partnership: ``check(ctx, part)``."""

    def __call__(self, ctx: RuleContext, part: PartnershipIndex, /) -> Iterable[Hit]:
        """Yield one hit per problem in the partnership ``part``."""


Check = PortfolioCheck | PartnershipCheck


def _every(part: PartnershipIndex) -> bool:
    return True


def _project(part: PartnershipIndex) -> bool:
    return part.partnership.form == "project"


def _live_strategic(part: PartnershipIndex) -> bool:
    return part.partnership.form == "strategic" and part.ended is None


@attrs.frozen
class Scope:
    """What a rule's check is given: the portfolio once, or partnerships one at a time.

    A check of the :data:`PORTFOLIO` scope is called as ``check(ctx)``; a check of any
    other scope as ``check(ctx, part)``, once for each partnership the scope
    :attr:`covers`, with its :class:`~samarbejde.rules.PartnershipIndex`. The engine
    iterates; the check looks at one partnership.

    Attributes:
        name: What the scope covers, e.g. ``"projects"``.
        covers: Whether the scope covers a partnership, or ``None`` for the portfolio scope.
            Asked once per partnership in a run, however many rules share the scope, so
            it must depend on the partnership alone.

    >>> PROJECTS.name, PORTFOLIO.covers is None
    ('projects', True)
    """

    name: str
    covers: Callable[[PartnershipIndex], bool] | None = attrs.field(default=None, eq=False)


#: The check looks at the whole portfolio once: ``check(ctx)``.
PORTFOLIO = Scope("portfolio")
#: The check is given every partnership in turn: ``check(ctx, part)``.
EVERY_PARTNERSHIP = Scope("every partnership", _every)
#: The check is given each partnership whose current lifecycle is a project.
PROJECTS = Scope("projects", _project)
#: The check is given each partnership whose current lifecycle is strategic and has not ended.
LIVE_STRATEGIC = Scope("live strategic partnerships", _live_strategic)


def _frozen_map(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


def _frozen_set(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _code(instance: Rule, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not CODE_PATTERN.fullmatch(value):
        raise RuleError(
            f"rule code {value!r} must be 1-4 capital letters and 3-4 digits, e.g. 'X001'"
        )


def _profiles(instance: Rule | Family, attribute: attrs.Attribute[Any], value: object) -> None:
    unknown = sorted(set(value) - set(PROFILES))  # type: ignore[call-overload]
    if unknown:
        owner = (
            f"rule {instance.code}" if isinstance(instance, Rule) else f"family {instance.prefix}"
        )
        raise RuleError(f"{owner}: unknown profile(s) {unknown}; known: {PROFILES}")


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
        check: The function that yields one :class:`Hit` per problem: ``check(ctx)``
            for the :data:`PORTFOLIO` scope, ``check(ctx, part)`` for the others.
        profiles: The profiles the rule belongs to.
        rationale: Why the rule exists, a paragraph for the documentation.
        params: Policy parameters and their values (defaults unless configured).
        needs_as_of: Whether the rule needs ``as_of``; it is skipped without it.
        scope: What the check is given (see :class:`Scope`). The engine runs the
            checks of every partnership scope one partnership at a time, so that a
            partnership's records are read while they are still in the processor's cache.
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
    scope: Scope = PORTFOLIO

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
    scope: Scope = PORTFOLIO,
) -> Callable[[Check], Rule]:
    """Turn a check function into a :class:`Rule`.

    The function takes a :class:`RuleContext` - and, unless ``scope`` is
    :data:`PORTFOLIO`, the :class:`~samarbejde.rules.PartnershipIndex` of one
    partnership - and yields :class:`Hit` values (use :func:`hit`). Pass the rule to
    :func:`samarbejde.validate` with ``rules=`` or publish it under the entry point
    group ``samarbejde.rules``.

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
        scope: What the check is given: :data:`PORTFOLIO` (the default) or the
            partnerships of :data:`EVERY_PARTNERSHIP`, :data:`PROJECTS` or
            :data:`LIVE_STRATEGIC`, one at a time.

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
    >>> @rule("X002", "no-members", en="{partnership} has no members.", da="{partnership} har "
    ...       "ingen medlemmer.", scope=EVERY_PARTNERSHIP)
    ... def no_members(ctx, part):  # the message's {partnership} is the partnership's id
    ...     if not part.partnership.members:
    ...         yield hit(f"{part.path}.members", part.partnership.id)
    >>> no_members.scope.name
    'every partnership'
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
            scope=scope,
        )

    return wrap


def _prefix(instance: Family, attribute: attrs.Attribute[Any], value: str) -> None:
    if not re.fullmatch(r"[A-Z]{1,4}", value):
        raise RuleError(f"family prefix {value!r} must be 1-4 capital letters, e.g. 'X'")


@attrs.frozen
class Family:
    """A family of rules: what its rules share, stated once.

    A family's rules have codes of its prefix and three or four digits, belong to its
    profiles, and take its severity and scope unless a rule says otherwise.
    The built-in families are S, M, P, L, C and T (DESIGN.md section 6); a plugin
    may declare its own.

    Attributes:
        prefix: The code prefix, e.g. ``"P"``.
        title: The family's heading in the catalogue, in Danish and English.
        about: A sentence on what its rules look at, in Danish and English.
        severity: The severity of its rules, unless a rule gives its own.
        profiles: The profiles every rule of the family belongs to.
        scope: What its checks are given, unless a rule gives its own.

    >>> from samarbejde.model import Text
    >>> esb = Family("ESB", Text("Esbjerg", "Esbjerg"), Text("Lokale regler.", "Local rules."),
    ...              Severity.WARNING, ("strategic", "all"), EVERY_PARTNERSHIP)
    >>> @esb.rule("ESB001", "no-goals", en="{partnership} has no goals.",
    ...           da="{partnership} har ingen mål.")
    ... def no_goals(ctx, part):
    ...     if not part.partnership.goals:
    ...         yield hit(f"{part.path}.goals", part.partnership.id)
    >>> sorted(no_goals.profiles), no_goals.severity, no_goals.scope.name
    (['all', 'strategic'], <Severity.WARNING: 'warning'>, 'every partnership')
    """

    prefix: str = attrs.field(validator=_prefix)
    title: Text
    about: Text
    severity: Severity
    profiles: frozenset[str] = attrs.field(converter=_frozen_set, validator=_profiles)
    scope: Scope = PORTFOLIO

    def rule(
        self,
        code: str,
        name: str,
        *,
        en: str,
        da: str,
        severity: Severity | None = None,
        scope: Scope | None = None,
        rationale: str = "",
        params: Mapping[str, Any] | None = None,
        needs_as_of: bool = False,
    ) -> Callable[[Check], Rule]:
        """Like :func:`rule`, with the family's profiles and, by default, its severity and scope.

        Raises:
            RuleError: ``code`` is not of this family, or is malformed.
        """
        if not self.covers(code):
            raise RuleError(f"rule code {code!r} is not of family {self.prefix}")
        return rule(
            code,
            name,
            en=en,
            da=da,
            severity=self.severity if severity is None else severity,
            profiles=self.profiles,
            rationale=rationale,
            params=params,
            needs_as_of=needs_as_of,
            scope=self.scope if scope is None else scope,
        )

    def covers(self, code: str) -> bool:
        """Whether ``code`` is of this family.

        >>> from samarbejde.rules import builtin_families
        >>> [f.prefix for f in builtin_families() if f.covers("L004")]
        ['L']
        """
        return re.fullmatch(f"{self.prefix}[0-9]{{3,4}}", code) is not None
