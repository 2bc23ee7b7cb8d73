"""Every problem of a document is reported at once, with its path, line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.documents.texts import OPDRIFT_YAML, column_of, line_of, only, problems
from tests.opdrift import portfolio

from samarbejde import LoadError, dumps, loads


def test_the_design_example_loads_as_the_model_built_in_python() -> None:
    assert loads(OPDRIFT_YAML, "yaml") == portfolio()


def test_a_misspelt_key_is_reported_at_the_key_with_a_suggestion() -> None:
    text = OPDRIFT_YAML.replace("representative: Direktør", "representativ: Direktør")
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].members[0].representativ"
    assert "unknown key 'representativ'" in problem.message
    assert "did you mean 'representative'?" in problem.message
    assert (problem.line, problem.column) == (
        line_of(text, "representativ:"),
        column_of(text, "representativ:"),
    )


def test_an_unknown_enum_value_names_the_allowed_values_and_a_suggestion() -> None:
    text = OPDRIFT_YAML.replace("sector: civil_society", "sector: civil_sociey")
    problem = only(problems(text, "yaml"))
    assert problem.path == "organisations[1].sector"
    assert "unknown Sector 'civil_sociey'" in problem.message
    assert "did you mean 'civil_society'?" in problem.message
    assert "municipality, housing, civil_society" in problem.message
    assert problem.line == line_of(text, "civil_sociey")
    assert problem.column == column_of(text, "civil_sociey")


def test_an_enum_value_far_from_any_allowed_one_gets_no_suggestion() -> None:
    text = OPDRIFT_YAML.replace("sector: business}", "sector: zzz}")
    problem = only(problems(text, "yaml"))
    assert "did you mean" not in problem.message
    assert "allowed:" in problem.message


def test_a_missing_key_is_reported_at_its_mapping() -> None:
    text = OPDRIFT_YAML.replace("        kind: leisure_jobs\n", "")
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].commitments[0].kind"
    assert problem.message == "missing required key 'kind'"
    assert problem.line == line_of(text, "id: c-fritidsjob")


def test_a_broken_model_invariant_is_reported_at_the_field_with_the_model_message() -> None:
    text = OPDRIFT_YAML.replace("end: 2021-12-31", "end: 2020-12-31")
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].commitments[0].term.end"
    assert "Term.end: ends before it starts (2021-01-01)" in problem.message
    assert problem.line == line_of(text, "end: 2020-12-31")
    assert problem.column == column_of(text, "2020-12-31")


def test_a_forbidden_transition_points_at_the_history_entry() -> None:
    text = OPDRIFT_YAML.replace("{status: agreed, on:", "{status: breached, on:")
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].commitments[0].status[1]"
    assert "cannot go to 'breached' from 'proposed'" in problem.message
    assert problem.line == line_of(text, "status: breached")


def test_every_problem_of_the_document_comes_in_one_error_in_document_order() -> None:
    text = (
        OPDRIFT_YAML.replace("sector: business}", "sector: busines}")
        .replace('municipality: "561"}', "municipality: 561}")
        .replace("role: bridge_builder", "rolle: bridge_builder")
        .replace("horizon: P10Y", "horizon: 10 years")
    )
    found = problems(text, "yaml")
    assert [p.path for p in found] == [
        "organisations[2].sector",
        "areas[0].municipality",
        "partnerships[0].lifecycle.horizon",
        "partnerships[0].members[0].role",
        "partnerships[0].members[0].rolle",
    ]
    lines = [p.line for p in found]
    assert lines == sorted(lines)
    assert all(p.line is not None and p.column is not None for p in found)


def test_the_error_text_reads_like_a_compiler_error_list() -> None:
    text = OPDRIFT_YAML.replace("sector: business}", "sector: busines}")
    with pytest.raises(LoadError) as caught:
        loads(text, "yaml", source="opdrift.yaml")
    line = line_of(text, "busines}")
    column = column_of(text, "busines}")
    assert str(caught.value).splitlines() == [
        "opdrift.yaml: 1 problem",
        f"  opdrift.yaml:{line}:{column}: unknown Sector 'busines'; did you mean 'business'? "
        "(allowed: municipality, housing, civil_society, business, residents, region, state, "
        "education, foundation, knowledge, other) @ organisations[2].sector",
    ]
    assert caught.value.source == "opdrift.yaml"


def test_json_problems_carry_line_and_column_too() -> None:
    data = json.loads(dumps(portfolio(), "json"))
    data["organisations"][0]["sector"] = "municipalty"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    problem = only(problems(text, "json"))
    assert problem.path == "organisations[0].sector"
    assert "did you mean 'municipality'?" in problem.message
    assert (problem.line, problem.column) == (
        line_of(text, '"municipalty"'),
        column_of(text, '"municipalty"'),
    )


def test_a_number_where_text_is_expected_is_refused_not_turned_into_text() -> None:
    text = OPDRIFT_YAML.replace('municipality: "561"}', "municipality: 561}")
    problem = only(problems(text, "yaml"))
    assert problem.path == "areas[0].municipality"
    assert "expected text, got the number 561" in problem.message
    assert "quotes" in problem.message


def test_a_yaml_boolean_where_text_is_expected_is_refused_with_a_hint() -> None:
    text = OPDRIFT_YAML.replace("representative: Direktør", "representative: no")
    problem = only(problems(text, "yaml"))
    assert "got the boolean false" in problem.message
    assert "quotes" in problem.message


def test_text_where_a_number_is_expected_is_refused() -> None:
    text = OPDRIFT_YAML.replace('municipality: "561"}', 'municipality: "561", residents: "5000"}')
    problem = only(problems(text, "yaml"))
    assert problem.path == "areas[0].residents"
    assert "expected a whole number, got the text '5000'" in problem.message


def test_a_decimal_written_as_a_number_is_refused_with_the_text_to_write() -> None:
    text = OPDRIFT_YAML.replace('amount: "25"', "amount: 25.5")
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].commitments[0].quantity.amount"
    assert 'e.g. "25.5"' in problem.message


def test_a_date_time_where_a_date_is_expected_is_refused() -> None:
    text = OPDRIFT_YAML.replace("joined: 2019-09-01", "joined: 2019-09-01T10:00:00+02:00")
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].members[0].joined"
    assert "got the date-time" in problem.message


@pytest.mark.parametrize("written", ["01-09-2019", "2019-02-30", "20190901", "yesterday"])
def test_a_date_not_in_iso_form_is_refused(written: str) -> None:
    text = OPDRIFT_YAML.replace("joined: 2019-09-01", f"joined: '{written}'")
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].members[0].joined"
    assert written in problem.message


def test_a_bad_duration_is_refused_with_examples() -> None:
    text = OPDRIFT_YAML.replace("review_every: P1Y", "review_every: every year")
    problem = only(problems(text, "yaml"))
    assert "ISO 8601 duration such as P1Y" in problem.message


def test_a_string_where_a_list_is_expected_is_not_split_into_characters() -> None:
    text = OPDRIFT_YAML.replace("areas: [ornereden]", "areas: ornereden")
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].areas"
    assert "expected a list, got the text 'ornereden'" in problem.message


def test_a_list_where_a_record_is_expected_is_one_problem() -> None:
    text = OPDRIFT_YAML.replace("term: {start: 2020-01-01}", "term: [2020-01-01]")
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].members[0].mandates[0].term"
    assert "expected a mapping (Term), got a list" in problem.message


def test_a_power_listed_twice_is_refused() -> None:
    text = OPDRIFT_YAML.replace("[offer_jobs, commit_staff]", "[offer_jobs, offer_jobs]")
    problem = only(problems(text, "yaml"))
    assert problem.message == "lists offer_jobs more than once"


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        ("form: strategy", "unknown lifecycle form 'strategy'; did you mean 'strategic'?"),
        ("kind: strategic", "a lifecycle needs `form: project` or `form: strategic`"),
    ],
)
def test_a_lifecycle_needs_a_known_form(replacement: str, expected: str) -> None:
    text = OPDRIFT_YAML.replace("form: strategic", replacement)
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].lifecycle"
    assert expected in problem.message


def test_a_lifecycle_that_is_not_a_mapping_is_one_problem() -> None:
    text = "format: samarbejde/1\npartnerships:\n  - {id: p, name: P, lifecycle: strategic}\n"
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].lifecycle"
    assert "expected a mapping (a lifecycle)" in problem.message


def test_a_document_without_a_format_line_is_refused() -> None:
    text = OPDRIFT_YAML.replace("format: samarbejde/1\n", "")
    problem = only(problems(text, "yaml"))
    assert problem.path == "format"
    assert "format: samarbejde/1" in problem.message
    assert problem.line == 1


def test_a_newer_format_is_refused_naming_the_versions_this_release_reads() -> None:
    text = OPDRIFT_YAML.replace("format: samarbejde/1", "format: samarbejde/2")
    problem = only(problems(text, "yaml"))
    assert problem.message == "cannot read format 'samarbejde/2': this release reads samarbejde/1"
    assert (problem.line, problem.column) == (1, 9)


def test_a_document_that_is_not_a_mapping_is_refused() -> None:
    problem = only(problems("[1, 2]", "json"))
    assert "a document is a mapping" in problem.message


def test_toml_structure_problems_have_paths_but_no_lines() -> None:
    text = 'format = "samarbejde/1"\n[[areas]]\nid = "a"\nname = "A"\nmunicipality = 561\n'
    problem = only(problems(text, "toml"))
    assert problem.path == "areas[0].municipality"
    assert problem.line is None
    assert str(problem) == (
        "expected text, got the number 561 (put it in quotes to write it as text)"
        " @ areas[0].municipality"
    )


def test_toml_syntax_errors_carry_the_parsers_line() -> None:
    text = 'format = "samarbejde/1"\n[[areas]]\nid = \n'
    problem = only(problems(text, "toml"))
    assert problem.message.startswith("not valid TOML")
    assert problem.line == 3


def test_a_toml_date_literal_is_read_as_a_date_and_a_date_time_is_refused() -> None:
    text = (
        'format = "samarbejde/1"\n[[areas]]\nid = "a"\nname = "A"\nmunicipality = "561"\n'
        '[[areas.classifications]]\ncategory = "udsat"\nlist_date = 2021-12-01\n'
    )
    assert str(loads(text, "toml").areas[0].classifications[0].list_date) == "2021-12-01"
    problem = only(problems(text.replace("2021-12-01", "2021-12-01T10:00:00"), "toml"))
    assert "got the date-time" in problem.message


def test_a_currency_that_is_no_iso_4217_code_is_a_problem_at_its_path() -> None:
    base = (Path(__file__).parent.parent / "rules" / "documents" / "base.yaml").read_text()
    text = base.replace('ceiling: {amount: "500000"}', 'ceiling: {amount: "500000", currency: EUT}')
    assert text != base
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].members[1].mandates[0].ceiling.currency"
    assert "not an ISO 4217 currency code" in problem.message
    assert "'EUR'" in problem.message
    assert problem.line == line_of(text, "currency: EUT")


def test_the_fast_json_load_refuses_a_currency_that_is_no_iso_4217_code_too() -> None:
    base = (Path(__file__).parent.parent / "rules" / "documents" / "base.yaml").read_text()
    euro = base.replace('ceiling: {amount: "500000"}', 'ceiling: {amount: "500000", currency: EUR}')
    text = dumps(loads(euro, "yaml"), "json").replace('"EUR"', '"XYZ"')
    assert '"XYZ"' in text
    problem = only(problems(text, "json"))
    assert problem.path == "partnerships[0].members[1].mandates[0].ceiling.currency"
    assert "not an ISO 4217 currency code" in problem.message


def test_json_nested_past_the_limit_is_too_deep_where_the_decoder_reads_it() -> None:
    """Python's decoder reads 60 levels; the document is still refused as too deep."""
    import json  # noqa: PLC0415

    from samarbejde import LoadError, loads  # noqa: PLC0415

    nested: list[object] = []
    inner = nested
    for _ in range(60):
        inner.append([])
        inner = inner[0]  # type: ignore[assignment]
    document = {"format": "samarbejde/1", "organisations": [{"id": "a", "remit": nested}]}
    with pytest.raises(LoadError) as raised:
        loads(json.dumps(document), "json")
    assert [p.message for p in raised.value.problems] == ["nested more than 48 levels deep"]
