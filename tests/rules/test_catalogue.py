"""Every built-in rule: a document fragment that passes and one that fails with its code."""

from __future__ import annotations

import pytest
from tests.rules._fragments import AS_OF, base, document
from tests.rules.fragments import CASES

from samarbejde import Severity, builtin_rules, validate
from samarbejde.changes import names_of

CODES = [r.code for r in builtin_rules()]


def test_every_builtin_rule_has_a_passing_and_a_failing_fragment() -> None:
    assert sorted(CASES) == sorted(CODES)


def test_the_base_document_is_the_python_base_portfolio() -> None:
    assert document({}) == base()


def test_the_base_portfolio_gives_no_finding() -> None:
    report = validate(base(), as_of=AS_OF)
    assert report.findings == ()
    assert report.skipped == ()


@pytest.mark.parametrize("code", CODES)
def test_the_failing_fragment_gives_exactly_its_code(code: str) -> None:
    _, failing = CASES[code]
    report = validate(document(failing), as_of=AS_OF)
    assert report.codes == (code,)


@pytest.mark.parametrize("code", CODES)
def test_the_passing_fragment_gives_no_finding(code: str) -> None:
    passing, _ = CASES[code]
    assert validate(document(passing), as_of=AS_OF).findings == ()


@pytest.mark.parametrize("code", CODES)
def test_findings_carry_the_rule_severity_and_a_message_in_each_language(code: str) -> None:
    rule = next(r for r in builtin_rules() if r.code == code)
    _, failing = CASES[code]
    portfolio = document(failing)
    english = validate(portfolio, as_of=AS_OF, select=[code])
    danish = validate(portfolio, as_of=AS_OF, select=[code], lang="da")
    names = names_of(portfolio)  # a message names its subject as a reader knows it
    assert english.findings
    for en, da in zip(english.findings, danish.findings, strict=True):
        assert en.severity is rule.severity
        assert en.path == da.path
        called = names.get(en.subject, en.subject)
        assert called in en.message
        assert called in da.message
        assert en.message != da.message
        assert "{" not in en.message + da.message


@pytest.mark.parametrize("code", CODES)
def test_every_rule_has_a_name_a_rationale_and_profiles(code: str) -> None:
    rule = next(r for r in builtin_rules() if r.code == code)
    assert rule.name
    assert len(rule.rationale) > 40
    assert "all" in rule.profiles
    assert isinstance(rule.severity, Severity)
