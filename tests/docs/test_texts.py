"""A review by a reader: every text in every language, and Danish that reads as Danish.

``tools/write_texts.py`` writes ``docs/reference/texts-<lang>.md``: every message of the
catalogues filled with realistic values. These tests hold the committed pages current
and hold that no Danish text a person reads -- those pages, the Danish report, the
findings and the change sentences of the bundled examples -- holds an ISO date, an ISO
duration, a decimal point in a number, a machine path or a class name (issue 26).
"""

from __future__ import annotations

import importlib.util
import inspect
import itertools
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest

import samarbejde
from samarbejde import Portfolio, diff, examples, report, validate
from samarbejde.changes import names_of
from samarbejde.model.words import LANGS

TOOLS = Path(__file__).resolve().parents[2] / "tools"


@cache
def _writer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("write_texts", TOOLS / "write_texts.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DURATION = re.compile(r"\bP(T?\d+[YMWDHS])+\b")
# a number with a point that is not a thousands separator: 12.0, 8.4, 1500000.01
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)+(?![\d])")
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_PATH = re.compile(r"\w\[[^\]\s]*\]|\b[a-z]+(?:_[a-z]+)+\b")
# English class names that are also Danish words
_DANISH_TOO = frozenset({"Organisation", "Vision"})
_CLASSES = frozenset(
    name
    for name, value in vars(samarbejde).items()
    if inspect.isclass(value) and name[0].isupper() and name not in _DANISH_TOO
)
_CLASS = re.compile(r"\b(" + "|".join(sorted(_CLASSES, key=len, reverse=True)) + r")\b")


def machine_words(text: str) -> list[str]:
    """What in ``text`` a Danish reader should not meet: ISO dates and durations,
    decimal points, paths and field names, class names."""
    found = _ISO_DATE.findall(text) + _ISO_DURATION.findall(text)
    found += [m for m in _NUMBER.findall(text) if not _GROUPED.fullmatch(m)]
    found += _PATH.findall(text) + _CLASS.findall(text)
    return found


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("sluttede den 2024-12-31.", True),
        ("evaluering hver P1Y", True),
        ("planlagt varighed 12.0 år", True),
        ("i gang i 8.4 år", True),
        ("partnerships[opdrift].members tilføjet", True),
        ("ProjectLifecycle Term ændret", True),
        ("Classification ikke klassificeret", True),
        ("mangler review_every", True),
        ("1.500.000,5 kr. den 1. juni 2025, hvert år", False),
        ("Perioden 2019-26 i Opdrift", False),
    ],
)
def test_the_check_sees_machine_words(text: str, bad: bool) -> None:
    assert bool(machine_words(text)) is bad


@pytest.mark.parametrize("lang", LANGS)
def test_the_committed_texts_are_current(lang: str) -> None:
    writer = _writer()
    committed = writer.path(lang).read_text(encoding="utf-8") if writer.path(lang).exists() else ""
    assert committed == writer.page(lang), (
        f"{writer.path(lang).name} is stale; regenerate with: {writer.COMMAND}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_every_placeholder_has_a_realistic_value(lang: str) -> None:
    texts = _writer().texts(lang)  # KeyError names a placeholder without one
    assert not [key for key, text in texts.items() if re.search(r"\{\w+\}", text)]


#: Load problems and errors quote what a document or a call holds (its ISO dates and
#: durations, keys, enum values, the package's names and options) so that it can be found
#: and fixed: their words are Danish, their quotations are not checked here.
_QUOTING = ("load.", "error.")


def _danish_findings() -> dict[str, str]:
    return {
        key: text
        for key, text in _writer().texts("da").items()
        if machine_words(text) and not key.startswith(_QUOTING)
    }


def test_no_danish_text_in_the_catalogue_reads_as_a_machine() -> None:
    assert {key: machine_words(text) for key, text in _danish_findings().items()} == {}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "code"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "code"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def _visible(page: str) -> list[str]:
    """The text of ``page`` a reader reads: not its style, and not its ``<code>``, which
    is where in the file a finding lies (``opdrift.yaml:8:7 partnerships[opdrift]``),
    for the one who edits the file."""
    parser = _Visible()
    parser.feed(page)
    return parser.parts


def _ids(portfolio: Portfolio) -> set[str]:
    """The ids of a portfolio: a report may show an id where a record has no name."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, tuple | frozenset):
            for item in value:
                walk(item)
        elif hasattr(value, "__attrs_attrs__"):
            for field in value.__attrs_attrs__:  # type: ignore[attr-defined]
                item = getattr(value, field.name)
                if field.name in ("id", "organisation") and isinstance(item, str):
                    found.add(item)
                walk(item)

    walk(portfolio)
    return found


def _bad(texts: list[str], ids: set[str]) -> list[tuple[str, list[str]]]:
    out = []
    for text in texts:
        words = [w for w in machine_words(text) if w not in ids]
        if words:
            out.append((text, words))
    return out


@pytest.mark.parametrize("name", examples.names())
def test_the_danish_report_of_an_example_reads_as_danish(name: str) -> None:
    portfolio = examples.load(name)
    page = report.html(portfolio, as_of=examples.AS_OF, lang="da")
    assert _bad(_visible(page), _ids(portfolio)) == []


@pytest.mark.parametrize("name", examples.names())
def test_danish_findings_of_an_example_read_as_danish(name: str) -> None:
    portfolio = examples.load(name)
    found = validate(portfolio, as_of=examples.AS_OF, lang="da")
    assert _bad([f.message for f in found.findings], _ids(portfolio)) == []


def test_danish_change_sentences_of_the_examples_read_as_danish() -> None:
    loaded = [examples.load(name) for name in examples.names()]
    pairs = [(Portfolio(), p) for p in loaded] + [(p, Portfolio()) for p in loaded]
    pairs += list(itertools.permutations(loaded, 2))
    parts = [p for portfolio in loaded for p in portfolio.partnerships]
    pairs += list(itertools.permutations(parts, 2))
    ids = set().union(*(_ids(p) for p in loaded))
    names = names_of(*loaded)
    sentences = [c.sentence("da", names) for old, new in pairs for c in diff(old, new)]
    assert sentences
    assert _bad(sentences, ids) == []
    assert "Esbjerg Kommune er optaget som medlem." in sentences
