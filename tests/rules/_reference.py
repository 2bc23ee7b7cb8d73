"""A straightforward engine: what :func:`samarbejde.validate` must find, written plainly.

It runs the selected rules one call at a time, renders each message with
:meth:`Text.format` as the finding is made, and sorts as the engine documents. The
optimised engine must give the same findings, in the same order (tests/rules/test_reference.py).
The S and M checks it runs are those from before the rules shared indexes (D53).
"""

from __future__ import annotations

from collections.abc import Iterable

import pendulum
from tests.rules._original_checks import ORIGINAL_CHECKS

from samarbejde import Finding, Portfolio, Report, Rule, Severity
from samarbejde.model.text import Lang, Text
from samarbejde.rules import Related, RuleContext, builtin_rules, select
from samarbejde.rules._engine import Locator, _locate
from samarbejde.rules._index import PortfolioIndex

BUILTIN = {r.code: r.check for r in builtin_rules()}
#: The built-in checks, those D53 rewrote as they were before it, by code.
ORIGINAL = {**BUILTIN, **ORIGINAL_CHECKS}

INTERNAL = Text("rules.internal")


def _where(sources: Locator | None, path: str) -> tuple[int | None, int | None]:
    found = None if sources is None else _locate(sources, path)
    return (None, None) if found is None else found


def _broken(
    r: Rule, error: Exception, inside: str | None, lang: Lang, sources: Locator | None
) -> Finding:
    path = "" if inside is None else f"partnerships[{inside}]"
    line, column = _where(sources, path) if path else (None, None)
    reason = f"{type(error).__name__}: {error}"
    return Finding(
        code=r.code,
        severity=Severity.ERROR,
        message=INTERNAL.format(lang, code=r.code, name=r.name, error=reason),
        path=path,
        subject=inside or "",
        partnership=inside,
        line=line,
        column=column,
    )


def _one(
    r: Rule,
    ctx: RuleContext,
    args: tuple[object, ...],
    *,
    inside: str | None,
    lang: Lang,
    sources: Locator | None,
    called: str | None = None,
) -> list[Finding]:
    made = []
    try:
        check = ORIGINAL.get(r.code, r.check) if BUILTIN.get(r.code) is r.check else r.check
        for found in check(ctx, *args):  # type: ignore[call-arg]
            values = (
                dict(found.values) if called is None else {"partnership": called, **found.values}
            )
            line, column = _where(sources, found.path)
            related = []
            for other in found.related:
                at, col = _where(sources, other.path)
                related.append(
                    other if at is None else Related(other.path, other.note, line=at, column=col)
                )
            made.append(
                Finding(
                    code=r.code,
                    severity=r.severity,
                    message=r.messages.format(lang, **values),
                    path=found.path,
                    subject=found.subject,
                    partnership=inside if found.partnership is None else found.partnership,
                    line=line,
                    column=column,
                    related=tuple(related),
                )
            )
    except Exception as error:
        return [_broken(r, error, inside, lang, sources)]
    return made


def _ordered(chunk: list[Finding]) -> list[Finding]:
    return sorted(chunk, key=lambda f: (f.path, f.code, f.subject, f.message))


def reference_findings(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date | None = None,
    lang: Lang = "en",
    rules: Iterable[Rule] | None = None,
    sources: Locator | None = None,
) -> tuple[Finding, ...]:
    """The findings of ``validate`` with these arguments, in the order it documents.

    The :class:`Report` puts the located ones first, by line and column.
    """
    chosen = [
        r
        for r in select(builtin_rules() if rules is None else rules)
        if as_of is not None or not r.needs_as_of
    ]
    index = PortfolioIndex(portfolio)
    findings: list[Finding] = []
    chunk: list[Finding] = []
    for r in chosen:
        if r.scope.covers is None:
            chunk += _one(
                r, RuleContext(index, as_of, r.params), (), inside=None, lang=lang, sources=sources
            )
    findings += _ordered(chunk)
    for part in index.parts:
        chunk = []
        for r in chosen:
            covers = r.scope.covers
            if covers is not None and covers(part):
                ctx = RuleContext(index, as_of, r.params)
                chunk += _one(
                    r,
                    ctx,
                    (part,),
                    inside=part.partnership.id,
                    lang=lang,
                    sources=sources,
                    called=part.partnership.name,  # {partnership} names it (D111)
                )
        findings += _ordered(chunk)
    return Report(findings=findings).findings  # located findings first, by line and column
