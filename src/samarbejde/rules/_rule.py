"""Rules: a named check with a stable code, what its check sees, and the ``@rule`` decorator."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

import attrs
import pendulum

from samarbejde.model.errors import SamarbejdeError
from samarbejde.model.text import Lang, Text
from samarbejde.model.words import LANGS, has_word
from samarbejde.rules._findings import Severity
from samarbejde.rules._hits import Hit
from samarbejde.rules._scopes import PORTFOLIO, Scope

if TYPE_CHECKING:
    from samarbejde.rules._families import Family
    from samarbejde.rules._index import PartnershipIndex, PortfolioIndex

__all__ = [
    "PROFILES",
    "PartnershipCheck",
    "PortfolioCheck",
    "Rule",
    "RuleContext",
    "RuleError",
    "rule",
]

#: The profiles a rule can belong to, from narrowest to widest; ``lbf-2019-26`` judges
#: helhedsplaner by Landsbyggefonden's rules for 2019-26 (S and LBF; D94).
PROFILES: tuple[str, ...] = ("structure", "project", "strategic", "lbf-2019-26", "all")

CODE_PATTERN = re.compile(r"[A-Z]{1,4}[0-9]{3,4}")


class RuleError(SamarbejdeError, ValueError):
    """A rule or a rule selection is malformed (bad code, shadowed code, unknown profile)."""


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
        raise RuleError(f"rule {instance.code}: needs a message template in one of {LANGS}")


def _text(value: Text | Mapping[str, str]) -> Text | Mapping[str, str]:
    """A mapping of one template per language becomes a :class:`Text`; others stay."""
    if isinstance(value, Mapping) and value:
        try:
            return Text.of(value)
        except (ValueError, TypeError) as error:
            raise RuleError(f"rule messages: {error}") from None
    return value


def messages_for(code: str, messages: Text | Mapping[str, str] | None) -> Text:
    """A rule's messages: those given, else the catalogues' ``rule.<code>``.

    Raises:
        RuleError: None are given and the catalogues have none for ``code``.

    >>> messages_for("S001", None).key, messages_for("X001", {"en": "Empty."}).pick("da")
    ('rule.S001', 'Empty.')
    """
    if messages is None or (isinstance(messages, Mapping) and not messages):
        if not has_word(f"rule.{code}"):
            raise RuleError(
                f"rule {code}: needs its messages, a mapping of one template per language "
                f"(e.g. {{'en': ..., 'da': ...}}); the catalogues have none for it"
            )
        return Text(f"rule.{code}")
    made = _text(messages)
    if not isinstance(made, Text):
        raise RuleError(f"rule {code}: needs a message template in one of {LANGS}")
    return made


@attrs.frozen
class Rule:
    """A named check with a stable code, a severity and a message in every language.

    Attributes:
        code: Stable code, e.g. ``"S001"``: 1-4 capital letters and 3-4 digits.
        name: A short kebab-case name, e.g. ``"unknown-organisation"``.
        severity: The default severity of its findings.
        messages: The message template in every language, a
            :class:`~samarbejde.model.text.Text` (a mapping of one template per
            language is taken too; a language it lacks falls back as the catalogues
            do), filled with the values a hit carries (``{commitment}``, ``{on}`` ...).
            A built-in rule's is the catalogues' ``rule.<code>``.
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
    messages: Text | Mapping[str, str] | None = None,
    *,
    severity: Severity = Severity.WARNING,
    profiles: Iterable[str] = PROFILES,
    rationale: str = "",
    params: Mapping[str, Any] | None = None,
    needs_as_of: bool = False,
    scope: Scope = PORTFOLIO,
    **templates: str,
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
        messages: The message template per language, e.g. ``{"en": "Commitment
            {commitment} ...", "da": "Forpligtelsen {commitment} ..."}``, with the same
            placeholders in each; a language it lacks falls back as the catalogues do.
            Left out, the catalogues' ``rule.<code>`` (a built-in rule's).
        **templates: The templates as keywords by language code (``en=``, ``da=``,
            ``sv=``), merged into ``messages``.
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

    >>> from samarbejde.rules import EVERY_PARTNERSHIP, hit
    >>> @rule("X001", "no-partnerships",
    ...       {"en": "The portfolio is empty.", "da": "Porteføljen er tom."})
    ... def no_partnerships(ctx):
    ...     if not ctx.index.portfolio.partnerships:
    ...         yield hit("partnerships", "")
    >>> no_partnerships.code
    'X001'
    >>> @rule("X002", "no-members", en="{partnership} has no members.", da="{partnership} har "
    ...       "ingen medlemmer.", scope=EVERY_PARTNERSHIP)  # or as keywords by language
    ... def no_members(ctx, part):  # the message's {partnership} is the partnership's name
    ...     if not part.partnership.members:
    ...         yield hit(f"{part.path}.members", part.partnership.id)
    >>> no_members.scope.name
    'every partnership'
    """
    texts = messages_for(code, {**_as_map(messages), **templates} if templates else messages)

    def wrap(check: Check) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=severity,
            messages=texts,
            check=check,
            profiles=_frozen_set(profiles),
            rationale=rationale,
            params=dict(params or {}),
            needs_as_of=needs_as_of,
            scope=scope,
        )

    return wrap


def _as_map(messages: Text | Mapping[str, str] | None) -> Mapping[str, str]:
    return messages if isinstance(messages, Mapping) else {}
