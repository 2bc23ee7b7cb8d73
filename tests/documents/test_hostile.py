"""Hostile and broken input ends in LoadError, quickly and with bounded memory."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.documents.texts import OPDRIFT_YAML, only, problems
from tests.opdrift import portfolio

from samarbejde import DEFAULT_MAX_BYTES, LoadError, Portfolio, Problem, dumps, loads
from samarbejde.documents import Format

FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", ["", "   \n\t\n", b"", "\ufeff"])
def test_an_empty_document_is_one_problem(fmt: Format, text: str | bytes) -> None:
    assert only(problems(text, fmt)).message == "the document is empty"


@pytest.mark.parametrize("fmt", FORMATS)
def test_bytes_that_are_not_utf8_are_located(fmt: Format) -> None:
    data = b'format: "samarbejde/1"\nname: "R\xf8de Kors"\n'
    problem = only(problems(data, fmt))
    assert problem.message == "not UTF-8: byte 0xf8 at offset 31"
    assert (problem.line, problem.column) == (2, 9)


@pytest.mark.parametrize("fmt", FORMATS)
def test_text_that_cannot_be_encoded_is_refused(fmt: Format) -> None:
    problem = only(problems('format = "samarbejde/1"\n\ud800', fmt))
    assert "cannot be encoded" in problem.message
    assert problem.line == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_document_cut_short_is_refused_with_a_position(fmt: Format) -> None:
    text = dumps(portfolio(), fmt)
    cut = text[: len(text) // 2]
    found = problems(cut, fmt)
    assert found
    assert all(isinstance(p.message, str) and p.message for p in found)


def test_a_truncated_json_document_says_where_it_ends() -> None:
    problem = only(problems('{"format": "samarbejde/1", "areas": [', "json"))
    assert problem.message == "the document ends where a value was expected"
    assert (problem.line, problem.column) == (1, 38)


def test_json_cut_inside_a_mapping_says_so() -> None:
    problem = only(problems('{"format": "samarbejde/1"', "json"))
    assert problem.message == "the document ends inside a mapping"


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ('{"format": "samarbejde/1",}', "expected a key in double quotes", 27),
        ('{"format" "samarbejde/1"}', "expected ':' after the key", 11),
        ('{"format": "samarbejde/1"] ', "expected ',' or '}', found ']'", 26),
        ('{"areas": [1 2]}', "expected ',' or ']', found '2'", 14),
        ('{"format": "samarbejde/1"} x', "unexpected text after the document", 28),
        ('{"format": NaN}', "expected a value, found 'N'", 12),
        ('{"format": "a\x01"}', "invalid control character at", 14),
    ],
)
def test_json_syntax_errors_are_located(text: str, message: str, column: int) -> None:
    problem = only(problems(text, "json"))
    assert problem.message.startswith(message)
    assert (problem.line, problem.column) == (1, column)


def test_duplicate_keys_in_json_are_all_reported() -> None:
    text = '{\n "format": "samarbejde/1",\n "areas": [],\n "areas": [],\n "format": "x"\n}'
    found = problems(text, "json")
    assert [(p.path, p.line, p.column) for p in found] == [("areas", 4, 2), ("format", 5, 2)]
    assert found[0].message == "duplicate key 'areas' (first on line 3)"


def test_duplicate_keys_in_yaml_are_reported_with_the_first_line() -> None:
    text = OPDRIFT_YAML.replace(
        "        representative: Direktør\n",
        "        representative: Direktør\n        representative: Formand\n",
    )
    problem = only(problems(text, "yaml"))
    assert problem.path == "partnerships[0].members[0].representative"
    assert problem.message.startswith("duplicate key 'representative' (first on line ")
    assert problem.line == text.splitlines().index("        representative: Formand") + 1


def test_duplicate_keys_in_toml_are_a_syntax_error() -> None:
    problem = only(problems('format = "samarbejde/1"\nformat = "samarbejde/1"\n', "toml"))
    assert problem.message.startswith("not valid TOML")
    assert problem.line == 2


BILLION_LAUGHS = """\
format: samarbejde/1
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_yaml_aliases_cannot_blow_up_a_document() -> None:
    found = problems(BILLION_LAUGHS, "yaml")
    anchors = [p for p in found if p.message.startswith("anchors")]
    aliases = [p for p in found if p.message.startswith("aliases")]
    assert len(anchors) == 9
    assert len(aliases) == 8 * 9
    assert (anchors[0].path, anchors[0].line, anchors[0].column) == ("a", 2, 4)
    assert (aliases[0].path, aliases[0].message) == ("b[0]", "aliases (*a) are not allowed")


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!python/object/apply:os.system ['true']", "tag:yaml.org,2002:python/object/apply"),
        ("!custom 5", "!custom"),
        ("!!int '5'", "tag:yaml.org,2002:int"),
    ],
)
def test_yaml_tags_are_refused(value: str, tag: str) -> None:
    text = OPDRIFT_YAML.replace("representative: Direktør", f"representative: {value}")
    found = problems(text, "yaml")
    assert found[0].path == "partnerships[0].members[0].representative"
    assert found[0].message.startswith(f"tags ({tag}")


def test_a_yaml_str_tag_is_plain_text() -> None:
    text = OPDRIFT_YAML.replace('municipality: "561"', "municipality: !!str 561")
    assert loads(text, "yaml") == portfolio()


def test_a_second_yaml_document_is_refused() -> None:
    problem = only(problems("format: samarbejde/1\n---\nformat: samarbejde/1\n", "yaml"))
    assert problem.message == "a file holds one document; found a second"
    assert problem.line == 2


def test_yaml_keys_must_be_text() -> None:
    problem = only(problems("format: samarbejde/1\n? [a, b]\n: c\n", "yaml"))
    assert problem.message == "keys must be plain text"


def test_yaml_syntax_errors_are_located() -> None:
    problem = only(problems("format: samarbejde/1\nareas: [a, b\n", "yaml"))
    assert "expected ',' or ']'" in problem.message
    assert problem.line == 3


def test_yaml_control_characters_are_refused() -> None:
    problem = only(problems("format: samarbejde/1\nname: a\x07b\n", "yaml"))
    assert problem.message.startswith("not valid YAML")


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("json", "[" * 100_000),
        ("json", "[" * 100_000 + "]" * 100_000),
        ("json", '{"a":' * 100_000 + "1" + "}" * 100_000),
        ("yaml", "[" * 100_000),
        ("yaml", "[" * 100_000 + "]" * 100_000),
        ("yaml", "- " * 5_000 + "x"),
        ("toml", "a = " + "[" * 100_000 + "]" * 100_000),
        ("toml", "a = " + "{b = " * 10_000 + "1" + "}" * 10_000),
    ],
)
def test_deep_nesting_is_refused_without_recursion_error(fmt: Format, text: str) -> None:
    problem = only(problems(text, fmt))
    assert "nest" in problem.message


def test_deep_nesting_in_json_is_located_at_the_level_that_is_too_deep() -> None:
    problem = only(problems("[" * 1000, "json"))
    assert problem.message == "nested more than 48 levels deep"
    assert (problem.line, problem.column) == (1, 49)


def test_deep_toml_gives_a_structure_problem_not_a_crash() -> None:
    text = 'format = "samarbejde/1"\nareas = ' + "[" * 40 + "]" * 40
    problem = only(problems(text, "toml"))
    assert problem.path == "areas[0]"


@pytest.mark.parametrize("fmt", FORMATS)
def test_documents_over_the_size_limit_are_refused_before_parsing(fmt: Format) -> None:
    text = dumps(portfolio(), fmt)
    problem = only(problems(text, fmt, max_bytes=100))
    assert problem.message == (
        f"the document is at least {len(text)} bytes, over the limit of 100 bytes (max_bytes)"
    )
    problem = only(problems(text.encode(), fmt, max_bytes=100))
    assert problem.message == (
        f"the document is {len(text.encode())} bytes, over the limit of 100 bytes (max_bytes)"
    )


def test_the_size_limit_counts_bytes_not_characters() -> None:
    text = '{"format": "samarbejde/1", "x": "' + "ø" * 60 + '"}'
    assert len(text) < 120 < len(text.encode())
    assert "is 155 bytes, over the limit" in only(problems(text, "json", max_bytes=120)).message


def test_the_default_size_limit_is_generous() -> None:
    assert DEFAULT_MAX_BYTES >= 32 * 1024 * 1024


def test_an_unknown_format_name_is_a_load_error() -> None:
    problem = only(problems("{}", "xml"))  # type: ignore[arg-type]
    assert problem.message == "unknown format 'xml': use json, yaml or toml"


def _loads_or_load_error(data: str | bytes, fmt: Format) -> None:
    found: tuple[object, ...] = ()
    try:
        result = loads(data, fmt)
    except LoadError as error:
        found = error.problems
    else:
        assert isinstance(result, Portfolio)
        return
    assert found
    assert all(isinstance(p, Problem) and p.message for p in found)


@given(st.text(max_size=300), st.sampled_from(FORMATS))
def test_arbitrary_text_gives_a_portfolio_or_a_load_error(text: str, fmt: Format) -> None:
    _loads_or_load_error(text, fmt)
    _loads_or_load_error("format: samarbejde/1\n" + text, fmt)


@given(st.binary(max_size=300), st.sampled_from(FORMATS))
def test_arbitrary_bytes_give_a_portfolio_or_a_load_error(data: bytes, fmt: Format) -> None:
    _loads_or_load_error(data, fmt)


JSON_TREES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "name", "sector", "areas", "lifecycle", "form", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(
    st.fixed_dictionaries(
        {"format": st.just("samarbejde/1")},
        optional={"organisations": JSON_TREES, "areas": JSON_TREES, "partnerships": JSON_TREES},
    )
)
def test_arbitrary_json_trees_give_a_portfolio_or_a_load_error(tree: dict[str, Any]) -> None:
    text = json.dumps(tree)
    _loads_or_load_error(text, "json")
    _loads_or_load_error(text, "yaml")
