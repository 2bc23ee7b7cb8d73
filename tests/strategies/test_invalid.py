"""Each deliberate defect is detected with exactly its code, and every error rule has one."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import InvalidArgument

from samarbejde import LoadError, loads
from samarbejde.rules import Severity, builtin_rules, validate
from samarbejde.strategies import LOAD_PROBLEMS, RULE_DEFECTS, Defect, invalid_portfolios
from samarbejde.strategies._defect import DocumentFormat

#: Drawing whole portfolios can be slow on a busy machine (and under coverage);
#: the examples are what these tests are about. Health under default settings is
#: tested in test_quality.py.
PATIENT = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)

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


@pytest.mark.parametrize("code", ERROR_RULES)
def test_every_error_rule_has_a_defect_that_produces_exactly_it(code: str) -> None:
    # invalid_portfolios refuses codes it cannot produce, so a new error rule without
    # a defect fails here.
    @PATIENT
    @given(invalid_portfolios([code]))
    def check(defect: Defect) -> None:
        assert defect.code == code
        assert defect.document is None
        assert error_codes(defect) == {code}

    check()


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
@pytest.mark.parametrize("problem", LOAD_PROBLEM_CLASSES)
def test_every_class_of_load_problem_has_a_defect_reported_as_one_problem(
    problem: str, fmt: DocumentFormat
) -> None:
    @settings(PATIENT, max_examples=15)
    @given(invalid_portfolios([problem], formats=[fmt]))
    def check(defect: Defect) -> None:
        assert defect.code == problem
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

    check()


def test_the_catalogue_of_defects_is_exactly_the_error_rules_and_load_problems() -> None:
    assert list(RULE_DEFECTS) == ERROR_RULES
    assert sorted(LOAD_PROBLEMS) == sorted(LOAD_PROBLEM_CLASSES)


@PATIENT
@given(invalid_portfolios())
def test_a_drawn_defect_is_either_a_portfolio_or_a_document(defect: Defect) -> None:
    assert (defect.portfolio is None) is (defect.document is not None)
    assert defect.what


@PATIENT
@given(invalid_portfolios(["load:unknown-key"], formats=["toml"]))
def test_load_defects_are_written_in_the_formats_asked_for(defect: Defect) -> None:
    assert defect.format == "toml"


@PATIENT
@given(invalid_portfolios(["load:yaml-tag"], formats=["json"]))
def test_a_defect_only_one_format_can_hold_falls_back_to_that_format(defect: Defect) -> None:
    assert defect.format == "yaml"


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
