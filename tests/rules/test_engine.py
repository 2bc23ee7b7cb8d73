"""The engine: profiles, select and ignore, user rules, parameters, skipping and locations."""

from __future__ import annotations

from collections.abc import Iterator

import pendulum
import pytest
from tests.rules._fragments import AS_OF, base, document, with_alliance
from tests.rules.fragments import CASES

from samarbejde import Portfolio, Rule, Severity, builtin_rules, rule, validate
from samarbejde.rules import Hit, RuleContext, RuleError, hit, select

CODES = [r.code for r in builtin_rules()]


@rule(
    "X001",
    "no-partnerships",
    en="The portfolio has {count} partnerships.",
    da="Porteføljen har {count} samarbejder.",
    severity=Severity.ERROR,
)
def count_partnerships(ctx: RuleContext) -> Iterator[Hit]:
    yield hit("partnerships", "", count=len(ctx.index.portfolio.partnerships))


def codes(rules: tuple[Rule, ...]) -> list[str]:
    return [r.code for r in rules]


def test_the_catalogue_covers_every_family_of_the_design() -> None:
    assert {code[0] for code in CODES} == set("SMPLCT")
    assert len(set(CODES)) == len(CODES)


@pytest.mark.parametrize(
    ("profile", "families"),
    [
        ("structure", {"S"}),
        ("project", {"S", "M", "P", "T"}),
        ("strategic", {"S", "M", "L", "C", "T"}),
        ("all", set("SMPLCT")),
    ],
)
def test_profiles_choose_families(profile: str, families: set[str]) -> None:
    chosen = select(builtin_rules(), profiles=[profile])
    assert {r.code[0] for r in chosen} == families


def test_select_and_ignore_take_codes_or_prefixes_like_ruff() -> None:
    assert codes(select(builtin_rules(), select=["M00", "T002"], ignore=["M005"])) == [
        "M001",
        "M002",
        "M003",
        "M004",
        "M006",
        "M007",
        "T002",
    ]
    assert codes(select(builtin_rules(), ignore=["S", "M", "P", "L", "C"])) == [
        "T001",
        "T002",
        "T003",
        "T004",
        "T005",
    ]


def test_an_unknown_profile_is_refused() -> None:
    with pytest.raises(RuleError, match="unknown profile"):
        validate(base(), profiles=["everything"])


def test_rules_that_need_as_of_are_skipped_and_listed_without_it() -> None:
    _, failing = CASES["T001"]
    report = validate(document(failing))
    assert report.findings == ()
    assert report.skipped == ("L005", "L011", "P004", "T001", "T002", "T003", "T004", "T005")
    assert validate(document(failing), as_of=AS_OF).codes == ("T001",)


def test_a_user_rule_runs_with_the_builtin_ones_when_passed_in() -> None:
    report = validate(base(), as_of=AS_OF, rules=[*builtin_rules(), count_partnerships])
    (finding,) = report.findings
    assert finding.code == "X001"
    assert finding.message == "The portfolio has 2 partnerships."
    assert finding.severity is Severity.ERROR
    assert not report.ok
    danish = validate(base(), rules=[count_partnerships], lang="da")
    assert danish.findings[0].message == "Porteføljen har 2 samarbejder."


def test_passing_rules_replaces_the_rule_set() -> None:
    _, failing = CASES["S001"]
    assert validate(document(failing), rules=[count_partnerships]).codes == ("X001",)


def test_a_user_rule_may_not_shadow_a_builtin_code() -> None:
    shadow = rule("S001", "mine", en="mine", da="min")(lambda ctx: iter(()))
    with pytest.raises(RuleError, match="S001 is built in"):
        validate(base(), rules=[*builtin_rules(), shadow])


def test_two_rules_may_not_share_a_code() -> None:
    twin = rule("X001", "twin", en="twin", da="tvilling")(lambda ctx: iter(()))
    with pytest.raises(RuleError, match="X001 is used by more than one rule"):
        validate(base(), rules=[count_partnerships, twin])


@pytest.mark.parametrize("code", ["x001", "X01", "TOOLONG1", "X1234X", ""])
def test_a_rule_code_must_look_like_a_ruff_code(code: str) -> None:
    with pytest.raises(RuleError, match="1-4 capital letters"):
        rule(code, "bad", en="e", da="d")(lambda ctx: iter(()))


def test_a_rule_needs_known_profiles_and_a_message() -> None:
    with pytest.raises(RuleError, match="unknown profile"):
        rule("X002", "bad", en="e", da="d", profiles=["weekly"])(lambda ctx: iter(()))
    with pytest.raises(RuleError, match="needs a message template"):
        Rule("X003", "bad", Severity.INFO, {}, lambda ctx: iter(()))  # type: ignore[arg-type]
    with pytest.raises(RuleError, match="the catalogues have none for it"):
        rule("X004", "bad")
    with pytest.raises(RuleError, match="lang must be"):
        rule("X005", "bad", {"en": "e", "klingon": "k"})
    assert rule("S001", "mine")(lambda ctx: iter(())).message("da").startswith("Organisationen")
    assert rule("X006", "one", en="only English")(lambda ctx: iter(())).message("da") == (
        "only English"
    )


def test_configured_thresholds_change_what_a_rule_finds() -> None:
    long_project = next(r for r in builtin_rules() if r.code == "P001")
    three_years = long_project.configure(years=2)
    rules = [three_years if r.code == "P001" else r for r in builtin_rules()]
    report = validate(base(), as_of=AS_OF, rules=rules)
    assert report.codes == ("P001",)
    assert "longer than 2 years" in report.findings[0].message
    assert long_project.params["years"] == 4


def test_configuring_an_unknown_parameter_is_refused() -> None:
    long_project = next(r for r in builtin_rules() if r.code == "P001")
    with pytest.raises(RuleError, match="no parameter"):
        long_project.configure(months=3)


def test_the_kind_power_table_is_a_parameter() -> None:
    m002 = next(r for r in builtin_rules() if r.code == "M002")
    table = dict(m002.params["kind_powers"])
    table["volunteers"] = table["funding"]
    rules = [m002.configure(kind_powers=table) if r.code == "M002" else r for r in builtin_rules()]
    report = validate(base(), as_of=AS_OF, rules=rules)
    assert [f.subject for f in report] == ["c-frivillige"]


def test_validate_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="lang must be"):
        validate(base(), lang="de")  # type: ignore[arg-type]


class _Sources:
    def __init__(self, known: dict[str, tuple[int, int]]) -> None:
        self.known = known
        self.asked: list[str] = []

    def locate(self, path: str) -> tuple[int, int] | None:
        self.asked.append(path)
        return self.known.get(path)


def test_findings_take_the_line_of_the_nearest_located_path() -> None:
    _, failing = CASES["S005"]
    sources = _Sources({"partnerships[alliance].commitments[c-timer]": (40, 7)})
    (finding,) = validate(document(failing), as_of=AS_OF, sources=sources).findings
    assert (finding.line, finding.column) == (40, 7)
    assert sources.asked == [
        "partnerships[alliance].commitments[c-timer].goals",
        "partnerships[alliance].commitments[c-timer]",
    ]


def test_a_finding_without_any_located_path_has_no_line() -> None:
    _, failing = CASES["S005"]
    (finding,) = validate(document(failing), as_of=AS_OF, sources=_Sources({})).findings
    assert (finding.line, finding.column) == (None, None)


def test_validate_does_not_read_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_clock(*args: object) -> object:
        raise AssertionError("validate read the clock")

    monkeypatch.setattr(pendulum, "now", no_clock)
    monkeypatch.setattr(pendulum, "today", no_clock)
    assert validate(with_alliance(areas=()), as_of=AS_OF).codes == ("L001",)


def test_an_empty_portfolio_has_nothing_to_find() -> None:
    assert validate(Portfolio(), as_of=AS_OF).findings == ()
