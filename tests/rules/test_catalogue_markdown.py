"""The catalogue rendered for the documentation, and message values rendered per language."""

from __future__ import annotations

from decimal import Decimal

import pendulum

from samarbejde import Sector, builtin_rules
from samarbejde.model.iso import write_duration
from samarbejde.rules import Words, catalogue_markdown, rule
from samarbejde.rules._text import fill, render


def test_every_rule_appears_with_its_parameters_and_rationale() -> None:
    text = catalogue_markdown()
    for r in builtin_rules():
        assert f"### {r.code} {r.name}" in text
        assert r.rationale in text
        for name in r.params:
            assert f"`{name}` = " in text
    assert "`years` = 4" in text
    assert "leisure_jobs → offer jobs" in text
    assert "`grant_kinds` = foundation_grant, national_pool" in text


def test_the_danish_catalogue_has_danish_headings_and_messages() -> None:
    text = catalogue_markdown(lang="da")
    assert text.startswith("# Regelkatalog\n")
    assert "## P - projekter" in text
    assert "- Alvor: advarsel" in text
    assert "Kræver en opgørelsesdato" in text


def test_user_rules_get_a_heading_of_their_own() -> None:
    mine = rule("ORG001", "mine", en="Mine.", da="Min.")(lambda ctx: iter(()))
    text = catalogue_markdown([mine])
    assert text.splitlines()[:5] == [
        "# Rule catalogue",
        "",
        "## Other rules",
        "",
        "### ORG001 mine",
    ]


def test_values_are_rendered_for_the_reader() -> None:
    assert render(Sector.CIVIL_SOCIETY, "da") == "civilsamfund"
    assert render(Words("rules.open"), "en") == "open"
    assert render(pendulum.Date(2025, 6, 1), "da") == "1. juni 2025"
    assert render(Decimal("1E+6"), "en") == "1,000,000"
    assert render(frozenset({Sector.HOUSING, Sector.BUSINESS}), "en") == "business, social housing"
    assert render(("b", "a"), "en") == "b, a"
    assert write_duration(pendulum.duration(years=1, weeks=1, days=2)) == "P1Y9D"
    assert write_duration(pendulum.duration()) == "P0D"
    assert fill("{x} and {y}", {"x": 3}, "en") == "3 and {y}"
