"""Rule families: profiles, severity and scope stated once; findings know their partnership."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from tests.rules._fragments import AS_OF, base, organisation, with_alliance

from samarbejde import Membership, Severity, validate
from samarbejde.rules import (
    EVERY_PARTNERSHIP,
    LIVE_STRATEGIC,
    PORTFOLIO,
    PROJECTS,
    Family,
    Hit,
    PartnershipIndex,
    RuleContext,
    RuleError,
    Words,
    builtin_families,
    builtin_rules,
    hit,
    rule,
)

#: The rules whose severity departs from their family's (DESIGN.md section 6 gives
#: each family one; these are the deliberate exceptions).
OWN_SEVERITY = {
    "M001",
    "M005",
    "M006",
    "M007",
    "L009",
    "C004",
    "C006",
    "T002",
    "T005",
    "L010",
    "S019",
    "S021",
}


def _family(code: str) -> Family:
    (family,) = [f for f in builtin_families() if f.covers(code)]
    return family


def test_every_builtin_rule_belongs_to_exactly_one_family_and_has_its_profiles() -> None:
    for r in builtin_rules():
        assert r.profiles == _family(r.code).profiles, r.code


def test_a_rule_states_its_severity_only_where_it_departs_from_its_family() -> None:
    departing = {r.code for r in builtin_rules() if r.severity is not _family(r.code).severity}
    assert departing == OWN_SEVERITY


def test_the_families_state_the_profiles_of_the_design() -> None:
    profiles = {f.prefix: sorted(f.profiles) for f in builtin_families()}
    assert profiles == {
        "S": ["all", "lbf-2019-26", "project", "strategic", "structure"],
        "M": ["all", "project", "strategic"],
        "P": ["all", "project"],
        "L": ["all", "strategic"],
        "C": ["all", "strategic"],
        "T": ["all", "project", "strategic"],
        "LBF": ["all", "lbf-2019-26"],
    }


def test_only_the_portfolio_wide_structure_rules_see_the_whole_portfolio() -> None:
    whole = [r.code for r in builtin_rules() if r.scope == PORTFOLIO]
    assert whole == ["S001", "S002", "S009", "S010", "S017"]


ESB = Family(
    "ESB",
    Words.of(da="ESB - Esbjerg", en="ESB - Esbjerg"),
    Words.of(da="Egne regler.", en="Own rules."),
    Severity.INFO,
    ("strategic", "all"),
    PROJECTS,
)


def test_a_family_refuses_a_code_of_another_family() -> None:
    with pytest.raises(RuleError, match="not of family ESB"):
        ESB.rule("S099", "mine", en="e", da="d")
    with pytest.raises(RuleError, match="not of family ESB"):
        ESB.rule("ESBX001", "mine", en="e", da="d")


@pytest.mark.parametrize("prefix", ["", "esb", "ABCDE", "A1"])
def test_a_family_prefix_is_one_to_four_capital_letters(prefix: str) -> None:
    with pytest.raises(RuleError, match="1-4 capital letters"):
        Family(prefix, Words.of(da="x", en="x"), Words.of(da="x", en="x"), Severity.INFO, ("all",))


def test_a_family_needs_known_profiles() -> None:
    with pytest.raises(RuleError, match="family ESB: unknown profile"):
        Family(
            "ESB", Words.of(da="x", en="x"), Words.of(da="x", en="x"), Severity.INFO, ("weekly",)
        )


def _seen_by(scope_rule_scope: object) -> list[str]:
    seen: list[str] = []

    def check(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
        seen.append(part.partnership.id)
        yield from ()

    made = rule("X001", "spy", en="e", da="d", scope=scope_rule_scope)(check)  # type: ignore[arg-type]
    validate(base(), rules=[made])
    return seen


def test_a_scope_gives_the_check_only_the_partnerships_it_covers() -> None:
    assert _seen_by(EVERY_PARTNERSHIP) == ["alliance", "projekt"]
    assert _seen_by(PROJECTS) == ["projekt"]
    assert _seen_by(LIVE_STRATEGIC) == ["alliance"]


def test_a_family_rule_takes_the_family_scope_and_severity_unless_it_gives_its_own() -> None:
    @ESB.rule("ESB001", "every-project", en="{partnership}", da="{partnership}")
    def every_project(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
        yield hit(part.path, part.partnership.id, partnership=part.partnership.id)

    @ESB.rule("ESB002", "once", en="once", da="én gang", severity=Severity.ERROR, scope=PORTFOLIO)
    def once(ctx: RuleContext) -> Iterator[Hit]:
        yield hit("partnerships", "")

    report = validate(base(), rules=[every_project, once])
    assert [(f.code, f.severity, f.partnership) for f in report] == [
        ("ESB002", Severity.ERROR, None),
        ("ESB001", Severity.INFO, "projekt"),
    ]


def test_a_finding_carries_the_partnership_it_is_inside() -> None:
    strange = Membership("ukendt", "partner", AS_OF)
    report = validate(with_alliance(members=(*base().partnerships[0].members, strange)))
    s001 = report.filter(code="S001").findings
    assert [(f.path, f.partnership) for f in s001] == [
        ("partnerships[alliance].members[ukendt]", "alliance")
    ]
    assert report.to_dict()["findings"][0]["partnership"] == "alliance"  # type: ignore[index]
    json.dumps(report.to_dict())


def test_a_finding_about_an_organisation_of_a_partnership_carries_that_partnership() -> None:
    report = validate(base(organisations=organisation("ngo", entry_points=())), as_of=AS_OF)
    (c004,) = report.findings
    assert (c004.code, c004.path, c004.partnership) == (
        "C004",
        "organisations[ngo].entry_points",
        "alliance",
    )


def test_a_finding_about_the_portfolio_as_a_whole_carries_no_partnership() -> None:
    unit = organisation("ngo", parent="ukendt")
    report = validate(base(organisations=unit), select=["S"])
    assert [(f.code, f.path, f.partnership) for f in report] == [
        ("S001", "organisations[ngo].parent", None)
    ]
