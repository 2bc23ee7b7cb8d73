"""Each deliberate defect is detected with exactly its code, and every error rule has one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis.errors import InvalidArgument
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import LoadError, loads
from samarbejde.rules import Severity, builtin_rules, validate
from samarbejde.strategies import LOAD_PROBLEMS, RULE_DEFECTS, Defect, invalid_portfolios

ERROR_RULES = sorted(r.code for r in builtin_rules() if r.severity is Severity.ERROR)

#: Every class of load problem the documents layer reports (docs/reference/format.md).
LOAD_PROBLEM_CLASSES = [
    "load:syntax",
    "load:encoding",
    "load:empty",
    "load:too-large",
    "load:too-deep",
    "load:duplicate-key",
    "load:yaml-anchor",
    "load:yaml-tag",
    "load:format-version",
    "load:unknown-key",
    "load:missing-key",
    "load:wrong-type",
    "load:unknown-value",
    "load:model-check",
]


def error_codes(defect: Defect) -> set[str]:
    assert defect.portfolio is not None
    report = validate(defect.portfolio, as_of=defect.as_of)
    return {f.code for f in report.findings if f.severity is Severity.ERROR}


@WHOLE_PORTFOLIOS
@given(invalid_portfolios(ERROR_RULES))
def test_a_rule_defect_produces_exactly_its_error_rule(defect: Defect) -> None:
    # One property over every error rule: invalid_portfolios refuses codes it cannot
    # produce, so a new error rule without a defect fails here, and the catalogue
    # test below checks that every error rule has one.
    assert defect.code in ERROR_RULES
    assert defect.document is None
    assert error_codes(defect) == {defect.code}


@WHOLE_PORTFOLIOS
@given(invalid_portfolios(LOAD_PROBLEM_CLASSES, formats=["json", "yaml", "toml"]))
def test_a_load_defect_is_reported_as_one_problem_of_its_class(defect: Defect) -> None:
    assert defect.code in LOAD_PROBLEM_CLASSES
    assert defect.document is not None
    assert defect.format is not None
    limit = {} if defect.max_bytes is None else {"max_bytes": defect.max_bytes}
    with pytest.raises(LoadError) as raised:
        loads(defect.document, defect.format, **limit)
    problems = raised.value.problems
    assert len(problems) == 1, problems
    assert defect.message in problems[0].message
    if defect.path is not None:
        assert problems[0].path == defect.path


def test_the_catalogue_of_defects_is_exactly_the_error_rules_and_load_problems() -> None:
    assert list(RULE_DEFECTS) == ERROR_RULES
    assert sorted(LOAD_PROBLEMS) == sorted(LOAD_PROBLEM_CLASSES)


@WHOLE_PORTFOLIOS
@given(invalid_portfolios())
def test_a_drawn_defect_is_either_a_portfolio_or_a_document(defect: Defect) -> None:
    assert (defect.portfolio is None) is (defect.document is not None)
    assert defect.what


@WHOLE_PORTFOLIOS
@given(invalid_portfolios(["load:unknown-key"], formats=["toml"]))
def test_load_defects_are_written_in_the_formats_asked_for(defect: Defect) -> None:
    assert defect.format == "toml"


@pytest.mark.parametrize("code", ["load:yaml-tag", "load:yaml-anchor"])
def test_a_defect_no_format_asked_for_can_hold_is_refused_naming_its_formats(code: str) -> None:
    with pytest.raises(InvalidArgument, match=f"cannot write {code} only in yaml"):
        invalid_portfolios([code], formats=["json"])


@WHOLE_PORTFOLIOS
@given(invalid_portfolios(formats=["json"]))
def test_every_defect_drawn_for_json_is_written_in_json(defect: Defect) -> None:
    assert defect.document is None or defect.format == "json"


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        ({"codes": ["S999"]}, "cannot produce"),
        ({"codes": ["M001"]}, "cannot produce"),  # a warning: nothing to break
        ({"codes": []}, "at least one"),
        ({"formats": []}, "formats must be"),
        ({"formats": ["xml"]}, "formats must be"),
    ],
)
def test_impossible_requests_are_refused(arguments: dict[str, object], complaint: str) -> None:
    with pytest.raises(InvalidArgument, match=complaint):
        invalid_portfolios(**arguments)  # type: ignore[arg-type]
