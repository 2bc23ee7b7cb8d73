"""The Standard Ruleset evaluator finds what upstream's own meta tests say it should."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from tests.interop.iati_rules import RULESETS, failures, standard_ruleset

#: Upstream's ``meta_tests.sh``: ``test RULESET FILE True|False`` (commented lines skipped).
_META = re.compile(r"^test (\S+) (\S+) (True|False)$", re.MULTILINE)
META_TESTS = _META.findall((RULESETS / "meta_tests.sh").read_text(encoding="utf-8"))
#: The day the meta tests are checked as of; upstream runs them at its own "now", and
#: ``date_now_good`` and ``date_now_bad`` are a past and a far future date.
NOW = dt.datetime(2026, 1, 1)


def test_upstream_lists_its_meta_tests() -> None:
    assert len(META_TESTS) > 70


@pytest.mark.parametrize(
    ("ruleset", "document", "passes"), META_TESTS, ids=[f"{r}-{d}" for r, d, _ in META_TESTS]
)
def test_the_evaluator_agrees_with_upstreams_meta_test(
    ruleset: str, document: str, passes: str
) -> None:
    rules = json.loads((RULESETS / "meta_tests" / f"{ruleset}.json").read_text(encoding="utf-8"))
    found = failures((RULESETS / "meta_tests" / f"{document}.xml").read_bytes(), rules, now=NOW)
    assert (not found) == (passes == "True"), found


def test_the_standard_ruleset_uses_only_rules_the_evaluator_knows() -> None:
    names = {name for rules in standard_ruleset().values() for name in rules}
    assert names <= {
        "atleast_one", "no_more_than_one", "dependent", "only_one_of", "one_or_all", "sum",
        "strict_sum", "range", "date_order", "date_now", "time_limit", "between_dates",
        "regex_matches", "regex_no_matches", "startswith", "unique", "if_then", "loop",
        "no_spaces",
    }  # fmt: skip
