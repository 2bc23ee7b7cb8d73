"""Running rules: the built-in catalogue, plugins, selection and :func:`validate`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Protocol, cast

import pendulum

from samarbejde.model import days
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.text import Lang, Text, check_lang
from samarbejde.model.words import DEFAULT_LANG
from samarbejde.rules._families import BUILTIN_FAMILIES, Family
from samarbejde.rules._findings import (
    Finding,
    Related,
    Severity,
    _pending_finding,
    _rendered_finding,
)
from samarbejde.rules._index import PartnershipIndex, PortfolioIndex
from samarbejde.rules._report import Report
from samarbejde.rules._rule import (
    PROFILES,
    PartnershipCheck,
    PortfolioCheck,
    Rule,
    RuleContext,
    RuleError,
)
from samarbejde.rules.collaboration import COLLABORATION_RULES
from samarbejde.rules.lbf import LBF_RULES
from samarbejde.rules.mandates import MANDATE_RULES
from samarbejde.rules.places import PLACE_RULES
from samarbejde.rules.projects import PROJECT_RULES
from samarbejde.rules.strategic import STRATEGIC_RULES
from samarbejde.rules.structure import STRUCTURE_RULES
from samarbejde.rules.time import TIME_RULES

__all__ = [
    "ENTRY_POINT_GROUP",
    "Locator",
    "builtin_families",
    "builtin_rules",
    "plugin_rules",
    "select",
    "validate",
]

#: The entry point group under which packages publish rules.
ENTRY_POINT_GROUP = "samarbejde.rules"

_BUILTIN: tuple[Rule, ...] = (
    *STRUCTURE_RULES,
    *PLACE_RULES,
    *MANDATE_RULES,
    *PROJECT_RULES,
    *STRATEGIC_RULES,
    *COLLABORATION_RULES,
    *TIME_RULES,
    *LBF_RULES,
)
_BUILTIN_CHECKS = {r.code: r.check for r in _BUILTIN}
#: The finding a rule that raises becomes (design notes, "A rule that breaks is a finding").
_INTERNAL = Text("rules.internal")


class Locator(Protocol):
    """Anything that maps a document path to a source position (a ``SourceMap``)."""

    def locate(self, path: str) -> tuple[int, int] | None:
        """The 1-based ``(line, column)`` of ``path``, or ``None`` when unknown."""


def builtin_rules() -> tuple[Rule, ...]:
    """The built-in catalogue (DESIGN.md section 6), in code order.

    >>> [r.code for r in builtin_rules()][:3]
    ['S001', 'S002', 'S003']
    """
    return _BUILTIN


def builtin_families() -> tuple[Family, ...]:
    """The built-in rule families (DESIGN.md section 6), in catalogue order.

    >>> [(f.prefix, sorted(f.profiles)) for f in builtin_families()][2]
    ('P', ['all', 'project'])
    """
    return BUILTIN_FAMILIES


def plugin_rules() -> tuple[Rule, ...]:
    """Rules published by installed packages under the entry point group ``samarbejde.rules``.

    An entry point may name a :class:`Rule` or an iterable of rules. They are loaded
    afresh on every call; nothing is registered globally.

    Raises:
        RuleError: An entry point does not load or does not name rules.
    """
    found: list[Rule] = []
    from importlib.metadata import entry_points  # noqa: PLC0415 - costly; only when called

    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        try:
            loaded = point.load()
        except Exception as error:
            raise RuleError(f"entry point {point.name!r} ({point.value}): {error}") from error
        items = [loaded] if isinstance(loaded, Rule) else loaded
        try:
            rules = list(items)
        except TypeError:
            rules = [None]
        if not all(isinstance(r, Rule) for r in rules):
            raise RuleError(f"entry point {point.name!r} ({point.value}) does not name rules")
        found.extend(rules)
    return tuple(found)


def _check_codes(rules: Sequence[Rule]) -> None:
    seen: set[str] = set()
    for r in rules:
        builtin = _BUILTIN_CHECKS.get(r.code)
        if builtin is not None and r.check is not builtin:
            raise RuleError(f"rule code {r.code} is built in; choose another code for {r.name!r}")
        if r.code in seen:
            raise RuleError(f"rule code {r.code} is used by more than one rule")
        seen.add(r.code)


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in patterns)


def _unmatched(option: str, patterns: tuple[str, ...], codes: Sequence[str]) -> None:
    """Refuse ``patterns`` that name no rule: a selection never runs nothing silently.

    Codes are case-sensitive, as printed (``S003``); ``s003`` is refused with a
    suggestion, like any other typo.
    """
    for pattern in patterns:
        if any(code.startswith(pattern) for code in codes):
            continue
        prefixes = sorted({code.rstrip("0123456789") for code in codes})
        pool = sorted({*codes, *prefixes})
        upper = pattern.upper()
        letters = upper.rstrip("0123456789")
        padded = letters + upper[len(letters) :].zfill(3) if upper != letters else upper
        if upper in pool or any(code.startswith(upper) for code in codes):
            close = [upper]  # only the letter case was wrong
        elif padded in codes:
            close = [padded]  # a digit left out: S03 for S003
        else:
            close = difflib.get_close_matches(upper, pool, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise RuleError(
            f"{option} {pattern!r} matches no rule{hint} (codes are case-sensitive and "
            f"start with {', '.join(prefixes)})"
        )


def select(
    rules: Iterable[Rule],
    *,
    profiles: Iterable[str] = ("all",),
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> tuple[Rule, ...]:
    """The rules that a run with these options uses, in the order given.

    A rule is used when it belongs to one of ``profiles``, its code starts with one of
    ``select`` (when given) and with none of ``ignore`` - codes or prefixes, as in ruff.

    Raises:
        RuleError: An unknown profile, codes that shadow or repeat each other, or a
            code or prefix in ``select`` or ``ignore`` that matches no rule (codes are
            case-sensitive: ``s003`` is refused with "did you mean 'S003'?").

    >>> [r.code for r in select(builtin_rules(), select=["P"], ignore=["P003"])]
    ['P001', 'P002', 'P004']
    """
    wanted = tuple(profiles)
    unknown = sorted(set(wanted) - set(PROFILES))
    if unknown:
        raise RuleError(f"unknown profile(s) {unknown}; known: {', '.join(PROFILES)}")
    chosen = tuple(select)
    dropped = tuple(ignore)
    candidates = list(rules)
    _check_codes(candidates)
    codes = [r.code for r in candidates]
    _unmatched("select", chosen, codes)
    _unmatched("ignore", dropped, codes)
    kept = [
        r
        for r in candidates
        if not r.profiles.isdisjoint(wanted)
        and (not chosen or _matches(r.code, chosen))
        and not _matches(r.code, dropped)
    ]
    return tuple(kept)


def _locate(sources: Locator, path: str) -> tuple[int, int] | None:
    while path:
        found = sources.locate(path)
        if found is not None:
            return found
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def validate(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date | None = None,
    profiles: Iterable[str] = ("all",),
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    lang: Lang = DEFAULT_LANG,
    rules: Iterable[Rule] | None = None,
    sources: Locator | None = None,
) -> Report:
    """Check a portfolio against rules and return every finding.

    Args:
        portfolio: What to check.
        as_of: The day that counts as today. Rules that need it (``needs_as_of``) are
            skipped without it and listed in :attr:`Report.skipped`. Never read from a clock.
        profiles: Rule profiles to run: ``structure`` (S), ``project`` (S, M, P, T),
            ``strategic`` (S, M, L, C, T) or ``all`` (the default).
        select: Codes or code prefixes to keep (all when empty).
        ignore: Codes or code prefixes to leave out.
        lang: ``"en"`` (default) or ``"da"`` for the messages.
        rules: The rule set; default :func:`builtin_rules` plus :func:`plugin_rules`.
            To add your own, pass ``[*builtin_rules(), my_rule]``.
        sources: A source map (from :func:`samarbejde.loads_located`) that puts line and
            column on each finding.

    Returns:
        The report. Its findings are in a stable order: those located in ``sources``
        by line and column; the others as the run makes them, portfolio-wide rules
        first, then each partnership in portfolio order, each group by path and code.

    A rule that raises does not stop the run: it gives one ``error`` finding with its
    own code, the message ``internal error in rule CODE (name): ...`` and, for a rule
    run per partnership, that partnership's path; the other rules' findings stay.

    A built-in rule's message is rendered when it is first read, the same text as
    rendering at once (design notes, D53); a user rule's at once, so that one that
    cannot be rendered is that rule's ``error`` finding as above.

    Raises:
        RuleError: An unknown profile, or a rule code that shadows a built-in one.
        ValueError: ``lang`` is not one of :data:`samarbejde.model.text.LANGS`.

    >>> from samarbejde import Portfolio
    >>> validate(Portfolio()).ok
    True
    """
    as_of = days.optional_day(as_of, "as_of")
    check_lang(lang)
    pool = (*builtin_rules(), *plugin_rules()) if rules is None else tuple(rules)
    chosen = _select(pool, profiles=profiles, select=select, ignore=ignore)
    skipped = [r.code for r in chosen if r.needs_as_of and as_of is None]
    runnable = [r for r in chosen if not (r.needs_as_of and as_of is None)]
    findings = _run(portfolio, runnable, as_of=as_of, lang=lang, sources=sources)
    return Report(findings=tuple(findings), skipped=tuple(skipped), as_of=as_of, lang=lang)


def _run(
    portfolio: Portfolio,
    rules: list[Rule],
    *,
    as_of: pendulum.Date | None,
    lang: Lang,
    sources: Locator | None,
) -> list[Finding]:
    """Run ``rules`` over indexes of ``portfolio`` made for this call alone.

    Everything a run keeps (the indexes, the runners, the findings) belongs to it: runs
    on several threads at once give what each gives alone, and a run switches nothing
    for the process (the cyclic collector runs as the caller left it).
    """
    index = PortfolioIndex(portfolio)
    runners = [_Runner(r, RuleContext(index, as_of, r.params), lang, sources) for r in rules]
    return _findings(index, runners)


def _findings(index: PortfolioIndex, runnable: list[_Runner]) -> list[Finding]:
    """Every finding, in the engine's order: portfolio-wide rules first, then by partnership."""
    findings: list[Finding] = []
    chunk: list[Finding] = []
    for runner in runnable:
        if runner.covers is None:
            runner.run_on(None, chunk)
    findings += _ordered(chunk)
    each = [(runner.run_on, runner.covers) for runner in runnable if runner.covers is not None]
    scopes = list(dict.fromkeys(covers for _, covers in each))  # a few, shared by many rules
    for part in index.parts if each else ():
        chunk = []
        covered = {covers: covers(part) for covers in scopes}
        for run_on, covers in each:
            if covered[covers]:
                run_on(part, chunk)
        findings += _ordered(chunk)
    return findings


def _ordered(chunk: list[Finding]) -> list[Finding]:
    """A group of findings by path, code, subject and message (the message breaks ties only).

    The same order as sorting by all four at once, but a pending message is only rendered
    (see :class:`Finding`) when its finding ties with another on path, code and subject.
    """
    if len(chunk) < 2:
        return chunk
    places = [(f.path, f.code, f.subject) for f in chunk]
    order = sorted(range(len(chunk)), key=places.__getitem__)  # stable: ties keep their order
    if len(set(places)) == len(places):
        return [chunk[i] for i in order]
    ordered: list[Finding] = []
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and places[order[end]] == places[order[start]]:
            end += 1
        tied = [chunk[i] for i in order[start:end]]
        ordered += sorted(tied, key=_message) if len(tied) > 1 else tied
        start = end
    return ordered


def _message(finding: Finding) -> str:
    return finding.message


class _Runner:
    """One rule ready to run: its check, its context and its template in the run's language.

    The template is chosen once per run, not once per finding.
    """

    __slots__ = (
        "check_each",
        "check_whole",
        "code",
        "context",
        "covers",
        "lang",
        "make",
        "rule",
        "severity",
        "sources",
        "template",
    )

    def __init__(self, r: Rule, context: RuleContext, lang: Lang, sources: Locator | None) -> None:
        self.rule = r
        self.check_whole = cast(PortfolioCheck, r.check)  # cast once: the call is per part
        self.check_each = cast(PartnershipCheck, r.check)
        self.code = r.code
        self.severity = r.severity
        self.context = context
        self.covers = r.scope.covers
        self.lang = lang
        self.sources = sources
        self.template = r.messages.pick(lang)
        # A built-in rule's message waits until it is read (see Finding); a user rule's
        # is rendered at once, so that a template or value that fails to render still
        # becomes that rule's internal-error finding.
        builtin = _BUILTIN_CHECKS.get(r.code) is r.check
        self.make = _pending_finding if builtin else _rendered_finding

    def run_on(self, part: PartnershipIndex | None, to: list[Finding]) -> None:
        """Add the rule's findings on ``part`` (the portfolio when ``None``) to ``to``.

        If the rule raises, its findings become one error finding that names it: a broken
        rule (a bug, or a value past what it was written for) then never hides the
        findings of the other rules, nor of the other partnerships (design notes, D37).
        The isolation is a ``try`` around the loop, which costs nothing until it raises.
        """
        start = len(to)
        code, severity, sources = self.code, self.severity, self.sources
        inside = None if part is None else part.partnership.id
        called = None if part is None else part.partnership.name  # {partnership}, by default
        wording = (self.template, self.lang, called)  # shared by this call's findings
        make, append = self.make, to.append
        try:
            if part is None:
                hits = self.check_whole(self.context)
            else:
                hits = self.check_each(self.context, part)
            for found in hits:
                related = found.related
                if sources is None:
                    line = column = None
                else:
                    where = _locate(sources, found.path)
                    line, column = (None, None) if where is None else where
                    related = tuple(_located(other, sources) for other in related)
                append(
                    make(
                        code,
                        severity,
                        wording,
                        found.values,
                        found.path,
                        found.subject,
                        line,
                        column,
                        inside if found.partnership is None else found.partnership,
                        related,
                    )
                )
        except Exception as error:
            del to[start:]
            to.append(self._broken(error, inside))

    def _broken(self, error: Exception, inside: str | None) -> Finding:
        r, sources = self.rule, self.sources
        path = "" if inside is None else f"partnerships[{inside}]"
        reason = f"{type(error).__name__}: {error}"
        where = None if sources is None or not path else _locate(sources, path)
        return Finding(
            code=r.code,
            severity=Severity.ERROR,
            message=_INTERNAL.format(self.lang, code=r.code, name=r.name, error=reason),
            path=path,
            subject=inside or "",
            partnership=inside,
            line=None if where is None else where[0],
            column=None if where is None else where[1],
        )


def _located(related: Related, sources: Locator) -> Related:
    where = _locate(sources, related.path)
    if where is None:
        return related
    return Related(related.path, related.note, line=where[0], column=where[1])


_select = select
