"""The lbf-2019-26 profile: LBF's thresholds from the shipped data, and its corners."""

from __future__ import annotations

from tests.rules._fragments import AS_OF, document
from tests.rules.fragments import CASES, _lbf

from samarbejde import builtin_rules, validate
from samarbejde.rules._lbf_data import lbf_period


def test_the_thresholds_are_those_of_the_shipped_data() -> None:
    period = lbf_period()
    rules = {r.code: r for r in builtin_rules()}
    assert rules["LBF001"].params["min_percent"] * 100 == period.min_local_cofinancing * 10_000
    assert rules["LBF002"].params["years"] == period.years == 4
    assert len(rules["LBF003"].params["themes"]) == 4
    assert "Beskæftigelse" in rules["LBF003"].params["themes"]


def test_each_rationale_names_the_source_of_its_threshold() -> None:
    for rule in builtin_rules():
        if rule.code.startswith("LBF"):
            assert "lbf.dk" in rule.rationale, rule.code


def test_the_profile_runs_the_structure_and_lbf_rules_only() -> None:
    _, failing = CASES["LBF001"]
    report = validate(document(failing), as_of=AS_OF, profiles=["lbf-2019-26"])
    assert report.codes == ("LBF001",)
    ran = {
        r.code[:1] if not r.code.startswith("LBF") else "LBF"
        for r in builtin_rules()
        if "lbf-2019-26" in r.profiles
    }
    assert ran == {"S", "LBF"}


def test_local_money_that_cannot_be_placed_in_time_is_not_judged() -> None:
    """An open-ended municipal budget with no periods: its part in the grant's years is unknown."""
    fragment = _lbf(municipal="1000")
    fragment.pop("partnerships[alliance].funding[f-kommune].term")
    assert validate(document(fragment), as_of=AS_OF, select=["LBF001"]).findings == ()


def test_the_co_financing_counts_the_local_money_by_its_periods() -> None:
    """DKK 2m paid all in 2025 falls outside a 2021-24 grant: no local money in its term."""
    periods = "[{term: {start: 2025-01-01, end: 2025-12-31}, amount: {amount: '2000000'}}]"
    fragment = _lbf(**{"partnerships[alliance].funding[f-kommune].periods": periods})
    (finding,) = validate(document(fragment), as_of=AS_OF, select=["LBF001"]).findings
    assert "has 0 % local co-financing" in finding.message


def test_a_grant_from_an_organisation_named_landsbyggefonden_counts_whatever_its_id() -> None:
    _, failing = CASES["LBF004"]
    fragment = {
        **failing,
        "organisations[+lbf]": "{id: fonden, name: Landsbyggefonden, sector: foundation}",
        "partnerships[alliance].funding[f-lbf].funder": "fonden",
    }
    report = validate(document(fragment), as_of=AS_OF, select=["LBF004"])
    assert report.codes == ("LBF004",)
