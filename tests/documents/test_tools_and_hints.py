"""Documents survive the tools people use on them, and mistakes get a hint to the fix.

PyYAML (YAML 1.1) reads the key ``on`` as true and writes it back as ``true``; the
reader takes it back as ``on`` (design decision D33). Enum values are suggested from
their Danish and English labels and regardless of letter case. A flow mapping split by
an unquoted comma is reported with the quoted text to write.
"""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given
from tests.documents.texts import OPDRIFT_YAML, line_of, only, problems
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import dumps, examples, loads
from samarbejde.strategies import portfolios


@pytest.mark.parametrize("name", examples.names())
def test_a_hand_written_example_passes_through_pyyaml_and_loads_equal(name: str) -> None:
    text = examples.text(name)
    assert "\n      on:" in text or " on: " in text  # written by hand, `on` unquoted
    edited = yaml.safe_dump(yaml.safe_load(text), sort_keys=False, allow_unicode=True)
    assert "true:" in edited  # what PyYAML makes of `on:`
    assert loads(edited, "yaml") == examples.load(name)


@WHOLE_PORTFOLIOS
@given(portfolios())
def test_any_document_passes_through_pyyaml_and_loads_equal(portfolio: object) -> None:
    for text in (dumps(portfolio, "yaml"), dumps(portfolio, "yaml").replace("'on':", "on:")):  # type: ignore[arg-type]
        # PyYAML's own round trip loses a NEL (U+0085): with allow_unicode it writes it in
        # single quotes and reads it back as a space. Escaped (the default) it survives;
        # our writer escapes it as \N.
        unicode = "\\N" not in text
        edited = yaml.safe_dump(yaml.safe_load(text), sort_keys=False, allow_unicode=unicode)
        assert loads(edited, "yaml") == portfolio


def test_a_quoted_true_key_stays_an_unknown_key() -> None:
    text = OPDRIFT_YAML.replace("representative: Direktør", "'true': Direktør", 1)
    problem = only(problems(text, "yaml"))
    assert "unknown key 'true'" in problem.message


def test_json_that_went_through_pyyaml_names_the_cause_and_the_fix() -> None:
    data = yaml.safe_load(examples.text("opdrift"))
    text = json.dumps(data, default=str)
    found = problems(text, "json")
    unknown = [p for p in found if "unknown key 'true'" in p.message]
    assert unknown
    for problem in unknown:
        assert "PyYAML read the key `on` as true" in problem.message
        assert "write 'on'" in problem.message


# -- did-you-mean: Danish labels and letter case --------------------------------------


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("aftalt", "agreed"),
        ("AGREED", "agreed"),
        ("Agreed", "agreed"),
        ("indfriet", "fulfilled"),
        ("Delvist indfriet", "partly_fulfilled"),
    ],
)
def test_a_commitment_status_in_danish_or_another_case_suggests_the_code(
    written: str, meant: str
) -> None:
    text = OPDRIFT_YAML.replace("{status: agreed,", f"{{status: {written},", 1)
    assert text != OPDRIFT_YAML
    problem = only(problems(text, "yaml"))
    assert f"unknown CommitmentStatus {written!r}; did you mean {meant!r}?" in problem.message


@pytest.mark.parametrize(
    ("written", "meant"), [("erhvervsliv", "business"), ("Business", "business")]
)
def test_a_sector_in_danish_or_another_case_suggests_the_code(written: str, meant: str) -> None:
    text = OPDRIFT_YAML.replace("sector: business", f"sector: {written}", 1)
    assert text != OPDRIFT_YAML
    problem = only(problems(text, "yaml"))
    assert f"did you mean {meant!r}?" in problem.message


def test_a_key_in_another_case_suggests_the_key() -> None:
    text = OPDRIFT_YAML.replace("representative: Direktør", "Representative: Direktør", 1)
    problem = only(problems(text, "yaml"))
    assert "unknown key 'Representative'; did you mean 'representative'?" in problem.message


def test_a_word_far_from_every_value_gets_no_suggestion() -> None:
    text = OPDRIFT_YAML.replace("{status: agreed,", "{status: qqqqqq,", 1)
    problem = only(problems(text, "yaml"))
    assert "did you mean" not in problem.message


# -- a flow mapping split by an unquoted comma -------------------------------------------


def test_an_unquoted_comma_in_a_flow_mapping_gets_the_quoted_text_as_the_fix() -> None:
    block = OPDRIFT_YAML.replace("representative: Direktør", "representative: Direktør, Brabrand")
    flow = (
        "format: samarbejde/1\n"
        "organisations:\n"
        "  - {id: kommune, name: Aarhus Kommune, sector: municipality,\n"
        "     entry_points: [{id: e, kind: liaison, post: Koordinator, Brabrand}]}\n"
    )
    problem = only(problems(flow, "yaml"))
    assert problem.path == "organisations[0].entry_points[0].post"
    assert "'Brabrand' is not a key" in problem.message
    assert 'put the text in quotes: post: "Koordinator, Brabrand"' in problem.message
    assert problem.line == line_of(flow, "Brabrand")
    # Outside a flow mapping a comma is plain text.
    assert loads(block, "yaml").partnerships[0].members[0].representative == "Direktør, Brabrand"


def test_a_quoted_text_with_a_comma_loads() -> None:
    flow = (
        "format: samarbejde/1\n"
        "organisations:\n"
        "  - {id: kommune, name: Aarhus Kommune, sector: municipality,\n"
        '     entry_points: [{id: e, kind: liaison, post: "Koordinator, Brabrand"}]}\n'
    )
    assert loads(flow, "yaml").organisations[0].entry_points[0].post == "Koordinator, Brabrand"


def test_an_empty_value_after_a_colon_is_not_taken_for_a_split_text() -> None:
    flow = "format: samarbejde/1\norganisations:\n  - {id: kommune, name: , sector: municipality}\n"
    problem = only(problems(flow, "yaml"))
    assert "is not a key" not in problem.message
    assert problem.path == "organisations[0].name"
