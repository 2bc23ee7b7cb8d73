"""Rule families: what a family's rules share, stated once, and the built-in families.

A :class:`Family` states once its code prefix, its catalogue heading, the profiles its
rules belong to, their usual severity and what their checks are given; a rule states
only where it departs from its family. The built-in families are those of DESIGN.md
section 6, and LBF (design decision D94).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from samarbejde.model.text import Text
from samarbejde.rules._findings import Severity
from samarbejde.rules._rule import PROFILES, Check, Rule, RuleError, _frozen_set, _profiles, rule
from samarbejde.rules._scopes import EVERY_PARTNERSHIP, LIVE_STRATEGIC, PORTFOLIO, PROJECTS, Scope

__all__ = [
    "BUILTIN_FAMILIES",
    "COLLABORATION",
    "LBF",
    "MANDATES",
    "PROJECT",
    "STRATEGIC",
    "STRUCTURE",
    "TIME",
    "Family",
    "defined_rules",
]


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
        title: The family's heading in the catalogue, in every language.
        about: A sentence on what its rules look at, in every language.
        severity: The severity of its rules, unless a rule gives its own.
        profiles: The profiles every rule of the family belongs to.
        scope: What its checks are given, unless a rule gives its own.

    >>> from samarbejde.model import Text
    >>> from samarbejde.rules import hit
    >>> esb = Family("ESB", Text.of(en="Esbjerg"), Text.of(da="Lokale regler.", en="Local rules."),
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
        messages: Text | Mapping[str, str] | None = None,
        *,
        severity: Severity | None = None,
        scope: Scope | None = None,
        rationale: str = "",
        params: Mapping[str, Any] | None = None,
        needs_as_of: bool = False,
        **templates: str,
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
            messages,
            severity=self.severity if severity is None else severity,
            profiles=self.profiles,
            rationale=rationale,
            params=params,
            needs_as_of=needs_as_of,
            scope=self.scope if scope is None else scope,
            **templates,
        )

    def covers(self, code: str) -> bool:
        """Whether ``code`` is of this family.

        >>> from samarbejde.rules import builtin_families
        >>> [f.prefix for f in builtin_families() if f.covers("L004")]
        ['L']
        """
        return re.fullmatch(f"{self.prefix}[0-9]{{3,4}}", code) is not None


def defined_rules(namespace: Mapping[str, object]) -> tuple[Rule, ...]:
    """The rules among a module's names, in code order: a family module's tuple of rules.

    A family module ends with ``RULES = defined_rules(globals())``, so a rule it
    decorates cannot be left out of its tuple and never run (issue 20);
    tests/rules/test_nothing_forgotten.py walks the package for any rule the
    catalogue still misses.

    >>> from samarbejde.rules import builtin_rules
    >>> t001, t002 = [r for r in builtin_rules() if r.code in ("T001", "T002")]
    >>> [r.code for r in defined_rules({"later": t002, "earlier": t001, "note": "T003"})]
    ['T001', 'T002']
    """
    found = {id(value): value for value in namespace.values() if isinstance(value, Rule)}
    return tuple(sorted(found.values(), key=lambda r: (len(r.code), r.code)))


#: S - structure: always on; a portfolio that fails them cannot be read right.
STRUCTURE = Family(
    "S",
    title=Text("family.S.title"),
    about=Text("family.S.about"),
    severity=Severity.ERROR,
    profiles=PROFILES,
    scope=EVERY_PARTNERSHIP,
)

#: M - mandates: in the project and strategic profiles.
MANDATES = Family(
    "M",
    title=Text("family.M.title"),
    about=Text("family.M.about"),
    severity=Severity.ERROR,
    profiles=("project", "strategic", "all"),
    scope=EVERY_PARTNERSHIP,
)

#: P - projects: partnerships whose current lifecycle is a project.
PROJECT = Family(
    "P",
    title=Text("family.P.title"),
    about=Text("family.P.about"),
    severity=Severity.WARNING,
    profiles=("project", "all"),
    scope=PROJECTS,
)

#: L - long-term strategic partnerships that have not been dissolved.
STRATEGIC = Family(
    "L",
    title=Text("family.L.title"),
    about=Text("family.L.about"),
    severity=Severity.WARNING,
    profiles=("strategic", "all"),
    scope=LIVE_STRATEGIC,
)

#: C - collaboration practice: what L's rules look at, seen as collaboration.
COLLABORATION = attrs.evolve(STRATEGIC, prefix="C", title=Text("family.C.title"))

#: T - time: what is late and what is dated in the future, as of a day; in the
#: profiles and scope of the mandate rules.
TIME = attrs.evolve(
    MANDATES,
    prefix="T",
    title=Text("family.T.title"),
    about=Text("family.T.about"),
    severity=Severity.WARNING,
)

#: LBF - Landsbyggefonden's rules for 2019-26: in the profiles lbf-2019-26 and all.
LBF = Family(
    "LBF",
    title=Text("family.LBF.title"),
    about=Text("family.LBF.about"),
    severity=Severity.WARNING,
    profiles=("lbf-2019-26", "all"),
    scope=EVERY_PARTNERSHIP,
)


#: The built-in families, in catalogue order.
BUILTIN_FAMILIES: tuple[Family, ...] = (
    STRUCTURE,
    MANDATES,
    PROJECT,
    STRATEGIC,
    COLLABORATION,
    TIME,
    LBF,
)
