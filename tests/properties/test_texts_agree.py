"""The same value reads the same everywhere: in documents, findings and maturity facts.

A duration is written by one writer (:mod:`samarbejde.model.iso`), so the text a finding
or a fact shows for it is the text the document holds. The languages every layer
accepts are the fields of the one text type.
"""

from __future__ import annotations

import functools
import json
import re
from enum import Enum

import attrs
import pendulum
import pytest
from hypothesis import given, settings

from samarbejde import Portfolio, Severity, StrategicLifecycle, dumps, examples, label, validate
from samarbejde.analysis import Dimension, Level, assess
from samarbejde.cli import main
from samarbejde.model import LANGS, Text
from samarbejde.rules import RuleError, rule
from samarbejde.strategies import durations

#: ISO 8601 durations inside a sentence.
DURATION_TEXT = re.compile(r"\bP(?=[0-9T])[0-9YMWDTHS.]+")


@functools.cache
def medvind() -> Portfolio:
    """The Medvind example, read once (portfolios are frozen)."""
    return examples.load("medvind")


def with_durations(duration: pendulum.Duration) -> Portfolio:
    """The Medvind example with ``duration`` as its horizon, review cadence and meeting rhythm."""
    portfolio = medvind()
    (partnership,) = portfolio.partnerships
    lifecycle = partnership.lifecycle
    assert isinstance(lifecycle, StrategicLifecycle)
    changed = attrs.evolve(
        partnership,
        lifecycle=attrs.evolve(lifecycle, horizon=duration, review_every=duration),
        governance=tuple(attrs.evolve(g, meets_every=duration) for g in partnership.governance),
    )
    return attrs.evolve(portfolio, partnerships=(changed,))


def document_texts(portfolio: Portfolio) -> set[str]:
    """The texts the document holds for the lifecycle's and the bodies' durations."""
    (partnership,) = json.loads(dumps(portfolio, "json"))["partnerships"]
    lifecycle = partnership["lifecycle"]
    bodies = partnership["governance"]
    return {lifecycle["horizon"], lifecycle["review_every"], *(b["meets_every"] for b in bodies)}


@settings(deadline=None)  # a whole portfolio validated and assessed twice per example
@given(durations(max_months=4 * 12, any_part=True))
def test_findings_and_facts_show_a_duration_as_the_document_writes_it(
    duration: pendulum.Duration,
) -> None:
    portfolio = with_durations(duration)
    (text,) = document_texts(portfolio)
    lifecycle = portfolio.partnerships[0].lifecycle
    assert isinstance(lifecycle, StrategicLifecycle)
    due = lifecycle.next_review()
    assert due is not None
    as_of = due.add(days=1)
    for lang in LANGS:
        report = validate(portfolio, as_of=as_of, lang=lang, select=["L003", "L005"])
        assert sorted(f.code for f in report) == ["L003", "L005"]
        for finding in report:
            assert DURATION_TEXT.findall(finding.message) == [text], finding.message
        (maturity,) = assess(portfolio, as_of=as_of, findings=(), lang=lang)
        (rhythm,) = (s for s in maturity.scores if s.dimension is Dimension.REVIEW_RHYTHM)
        shown = [m for fact in rhythm.facts for m in DURATION_TEXT.findall(fact)]
        bodies = len(portfolio.partnerships[0].governance)
        assert shown == [text] * (1 + bodies), rhythm.facts


def test_a_fortnight_is_p2w_and_four_hours_pt4h_in_every_finding() -> None:
    for duration, text in [
        (pendulum.duration(weeks=2), "P2W"),
        (pendulum.duration(hours=4), "PT4H"),
    ]:
        portfolio = with_durations(duration)
        assert document_texts(portfolio) == {text}
        report = validate(portfolio, as_of=pendulum.Date(2030, 1, 1), select=["L005"])
        assert f"(every {text})" in report.findings[0].message


def test_every_layer_accepts_exactly_the_languages_of_the_text_type(
    capsys: pytest.CaptureFixture[str],
) -> None:
    fields = tuple(field.name for field in attrs.fields(Text))
    for lang in fields:
        assert main(["rules", "--lang", lang]) == 0
        assert validate(Portfolio(), lang=lang).ok
    capsys.readouterr()
    assert main(["rules", "--lang", "de"]) == 2
    assert ", ".join(repr(lang) for lang in fields) in capsys.readouterr().err
    with pytest.raises(ValueError, match="lang must be"):
        validate(Portfolio(), lang="de")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [*Severity, *Dimension, *Level], ids=str)
def test_severities_dimensions_and_levels_have_a_name_in_every_language(value: Enum) -> None:
    names = [label(value, lang) for lang in LANGS]
    assert all(names)
    assert len(set(names)) == len(LANGS)


def test_a_rule_keeps_its_templates_as_one_text() -> None:
    mine = rule("ORG001", "mine", en="Mine {x}.", da="Min {x}.")(lambda ctx: iter(()))
    assert mine.messages == Text(da="Min {x}.", en="Mine {x}.")
    assert mine.message("da") == "Min {x}."


def test_a_rule_built_directly_takes_one_template_per_language_or_a_text() -> None:
    made = rule("ORG001", "mine", en="Mine.", da="Min.")(lambda ctx: iter(()))
    by_mapping = attrs.evolve(made, messages={"en": "Mine.", "da": "Min."})
    assert by_mapping.messages == made.messages
    for wrong in ({"en": "Mine."}, {"en": "Mine.", "da": "Min.", "de": "Meins."}, "Mine."):
        with pytest.raises(RuleError, match="needs a message template for 'da' and 'en'"):
            attrs.evolve(made, messages=wrong)
