"""The documentation build's own code: generated pages and the public-name check.

docs/_hooks.py and docs/_griffe_doctest.py are loaded by MkDocs from their paths; here
they are loaded the same way, without MkDocs, so the test suite covers them.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
from enum import Enum
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

import samarbejde
from samarbejde import examples

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hooks = _load("_hooks")
fences = _load("_griffe_doctest")


def _page(uri: str = "page.md") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri))


# -- generated content ----------------------------------------------------------------


@pytest.mark.parametrize("enum", [cls for _, _, cls in hooks._enum_vocabularies()])
def test_the_glossary_lists_every_value_of_every_vocabulary_in_both_languages(
    enum: type[Enum],
) -> None:
    text = hooks.glossary()
    for member in enum:
        row = f"| `{member.value}` | {samarbejde.label(member, 'da')} | "
        assert row + f"{samarbejde.label(member, 'en')} |" in text


def test_the_glossary_covers_every_public_enum_of_the_model() -> None:
    listed = {cls for _, _, cls in hooks._enum_vocabularies()}
    public = {
        getattr(samarbejde, name)
        for name in samarbejde.__all__
        if isinstance(getattr(samarbejde, name), type)
        and issubclass(getattr(samarbejde, name), Enum)
        and getattr(samarbejde, name).__module__ == "samarbejde.model.enums"
    }
    assert public <= listed


def test_the_glossary_lists_every_known_code_and_the_severities() -> None:
    text = hooks.glossary()
    for code in (
        *samarbejde.KNOWN_ROLES,
        *samarbejde.KNOWN_COMMITMENT_KINDS,
        *samarbejde.KNOWN_ENTRY_POINT_KINDS,
    ):
        assert f"| `{code}` | {samarbejde.label(code, 'da')} | " in text
    assert "| `warning` | advarsel | warning |" in text


def test_the_schema_marker_becomes_the_library_s_json_schema() -> None:
    page = hooks.on_page_markdown("# Schema\n\n<!-- samarbejde:json-schema -->\n", _page())
    block = re.search(r"```json\n(.*)\n```", page, re.DOTALL)
    assert block is not None
    assert json.loads(block.group(1)) == samarbejde.json_schema()


def test_the_rule_catalogue_markers_render_every_rule_without_the_renderer_s_title() -> None:
    english = hooks.on_page_markdown("<!-- samarbejde:rule-catalogue -->", _page())
    danish = hooks.on_page_markdown("<!-- samarbejde:rule-catalogue-da -->", _page())
    for rule in samarbejde.builtin_rules():
        assert f"### {rule.code} {rule.name}" in english
        assert f"- Message: {rule.message('en')}\n- Besked (dansk): {rule.message('da')}" in english
        assert rule.message("da") in danish
    assert not english.startswith("# ")
    assert not danish.startswith("# ")


def test_a_rule_catalogue_page_of_the_docs_own_is_kept() -> None:
    own = object()
    files = SimpleNamespace(
        get_file_from_path=lambda path: (
            own if path in ("reference/rules.md", *hooks.REPORT_PAGES) else None
        )
    )
    assert hooks.on_files(files, config=None) is files


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_site_shows_the_report_of_every_bundled_example(lang: str) -> None:
    text = hooks.example_report(lang)
    assert f'<html lang="{lang}">' in text
    for name in examples.names():
        portfolio, where = examples.load_located(name)
        assert f"{name}.yaml</a>" in text
        for finding in samarbejde.validate(
            portfolio, as_of=examples.AS_OF, lang=lang, sources=where
        ):
            assert f"{name}.yaml:{finding.line}:" in text
    assert sorted(hooks.REPORT_PAGES.values()) == ["da", "en"]


def test_the_generated_rule_catalogue_page_shows_the_catalogue() -> None:
    page = hooks.on_page_markdown(hooks.RULES_PAGE, _page("reference/rules.md"))
    assert page.startswith("# Rule catalogue\n")
    assert "### S001 unknown-organisation" in page


def test_the_cli_marker_shows_the_help_of_every_subcommand() -> None:
    text = hooks.on_page_markdown("<!-- samarbejde:cli -->", _page())
    for command in ("validate", "schema", "convert", "rules", "example"):
        assert f"$ samarbejde {command} --help\nusage: samarbejde {command}" in text


def test_an_unknown_marker_is_a_warning_and_stays_in_the_page(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.samarbejde"):
        page = hooks.on_page_markdown("a\n<!-- samarbejde:nonsense -->\nb\n", _page("x.md"))
    assert "<!-- samarbejde:nonsense -->" in page
    assert "x.md: unknown marker samarbejde:nonsense" in caplog.text


def test_a_marker_inside_a_line_is_left_alone() -> None:
    text = "see `<!-- samarbejde:glossary -->` for the marker"
    assert hooks.on_page_markdown(text, _page()) == text


# -- the public-name check ----------------------------------------------------------------


def _everything_documented() -> set[str]:
    modules = {name: importlib.import_module(name) for name in hooks.DOCUMENTED_MODULES}
    return {
        path
        for name, module in modules.items()
        for attr in module.__all__
        for path in {f"{name}.{attr}"} | hooks._paths_of(getattr(module, attr), modules)
    }


def test_no_warning_when_every_public_name_has_an_entry(
    caplog: pytest.LogCaptureFixture,
) -> None:
    hooks.on_pre_build()
    hooks.on_page_content(
        "".join(f'<h2 id="{a}">x</h2>' for a in _everything_documented()), _page()
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.samarbejde"):
        hooks.on_post_build()
    assert caplog.text == ""


def test_a_public_name_without_an_entry_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    anchors = _everything_documented() - {"samarbejde.Term", "samarbejde.model.terms.Term"}
    hooks.on_pre_build()
    hooks.on_page_content("".join(f'<h2 id="{a}">x</h2>' for a in anchors), _page())
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.samarbejde"):
        hooks.on_post_build()
    assert "samarbejde.Term is public but has no entry" in caplog.text


def test_a_name_documented_under_its_submodule_counts_for_the_package() -> None:
    modules = {"samarbejde": samarbejde, "samarbejde.rules": samarbejde.rules}
    assert "samarbejde.rules.validate" in hooks._paths_of(samarbejde.validate, modules)


def test_sphinx_roles_are_tidied_in_rendered_docstrings() -> None:
    html = "see :class:<code>Term</code> and :func:<code>label</code>"
    assert hooks.on_page_content(html, _page()) == "see <code>Term</code> and <code>label</code>"


# -- doctests in docstrings -----------------------------------------------------------------


def test_doctest_runs_in_docstrings_are_fenced_up_to_the_blank_line() -> None:
    docstring = "Add two.\n\n>>> 1 + 1\n2\n>>> [x][:1]\n[...]\n\nAfter."
    assert fences.fence_doctests(docstring) == (
        "Add two.\n\n```pycon\n>>> 1 + 1\n2\n>>> [x][:1]\n[...]\n```\n\nAfter."
    )


def test_indented_doctests_keep_their_indent_and_fences_are_left_alone() -> None:
    docstring = "Args:\n    x: y\n\n    >>> x\n    1\n\n```python\n>>> not_a_doctest\n```"
    assert fences.fence_doctests(docstring) == (
        "Args:\n    x: y\n\n    ```pycon\n    >>> x\n    1\n    ```\n\n"
        "```python\n>>> not_a_doctest\n```"
    )


def test_a_rest_literal_block_marker_becomes_a_colon() -> None:
    assert fences.fence_doctests("Use them::\n\n    code") == "Use them:\n\n    code"
