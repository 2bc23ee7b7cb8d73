"""The same value reads the same everywhere: in findings and maturity facts, in every language.

A length of time is said by one writer (:func:`samarbejde.model.text.say_duration`) and
how often something happens by another built on it (:func:`samarbejde.model.text.cadence`),
so the text a finding or a fact shows is theirs, never the document's ISO text.
The languages every layer accepts are the catalogues' (:data:`samarbejde.model.LANGS`).
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
from samarbejde.model.text import cadence, fill, say_duration
from samarbejde.rules import RuleError, rule
from samarbejde.strategies import durations

#: ISO 8601 durations inside a sentence.
DURATION_TEXT = re.compile(r"\bP(?=[0-9T])[0-9YMWDTHS.]+")


@functools.cache
def opdrift() -> Portfolio:
    """The Opdrift example, read once (portfolios are frozen)."""
    return examples.load("opdrift")


def with_durations(duration: pendulum.Duration) -> Portfolio:
    """The Opdrift example with ``duration`` as its horizon, review cadence and meeting rhythm."""
    portfolio = opdrift()
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
def test_findings_and_facts_say_a_cadence_as_the_one_writer_says_it(
    duration: pendulum.Duration,
) -> None:
    portfolio = with_durations(duration)
    (iso,) = document_texts(portfolio)
    lifecycle = portfolio.partnerships[0].lifecycle
    assert isinstance(lifecycle, StrategicLifecycle)
    due = lifecycle.next_review()
    assert due is not None
    as_of = due.add(days=1)
    bodies = len(portfolio.partnerships[0].governance)
    for lang in LANGS:
        said = fill("{every}", {"every": cadence(duration)}, lang)
        report = validate(portfolio, as_of=as_of, lang=lang, select=["L003", "L005"])
        assert sorted(f.code for f in report) == ["L003", "L005"]
        for finding in report:
            # the horizon (L003) is a length of time; the review (L005) is how often
            shown = say_duration(duration, lang) if finding.code == "L003" else said
            assert shown in finding.message, finding.message
            # the document's ISO text shows only where words cannot say it (minutes, seconds)
            assert (iso in finding.message) == (iso in said), finding.message
        (maturity,) = assess(portfolio, as_of=as_of, findings=(), lang=lang)
        (rhythm,) = (s for s in maturity.scores if s.dimension is Dimension.REVIEW_RHYTHM)
        assert sum(fact.count(said) for fact in rhythm.facts) >= 1 + bodies, rhythm.facts
        if iso not in said:
            assert not any(DURATION_TEXT.search(fact) for fact in rhythm.facts), rhythm.facts


@pytest.mark.parametrize(
    ("duration", "lang", "said"),
    [
        (pendulum.duration(weeks=2), "en", "(every 2 weeks)"),
        (pendulum.duration(weeks=2), "da", "(hver 2. uge)"),
        (pendulum.duration(hours=4), "en", "(every 4 hours)"),
        (pendulum.duration(years=1), "da", "(hvert år)"),
        (pendulum.duration(years=1), "en", "(every year)"),
        (pendulum.duration(years=1, months=6), "da", "(med 1 år og 6 måneder imellem)"),
    ],
)
def test_a_finding_says_how_often_in_words(
    duration: pendulum.Duration, lang: str, said: str
) -> None:
    portfolio = with_durations(duration)
    assert len(document_texts(portfolio)) == 1
    report = validate(portfolio, as_of=pendulum.Date(2030, 1, 1), select=["L005"], lang=lang)  # type: ignore[arg-type]
    assert said in report.findings[0].message, report.findings[0].message


def test_every_layer_accepts_exactly_the_languages_of_the_text_type(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for lang in LANGS:
        assert main(["rules", "--lang", lang]) == 0
        assert validate(Portfolio(), lang=lang).ok
    capsys.readouterr()
    assert main(["rules", "--lang", "de"]) == 2
    err = capsys.readouterr().err
    assert all(repr(lang) in err for lang in LANGS), err
    with pytest.raises(ValueError, match="lang must be"):
        validate(Portfolio(), lang="de")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [*Severity, *Dimension, *Level], ids=str)
def test_severities_dimensions_and_levels_have_a_name_in_every_language(value: Enum) -> None:
    names = [label(value, lang) for lang in LANGS]
    assert all(names)
    assert len(set(names)) == len(LANGS)


def test_a_rule_keeps_its_templates_as_one_text() -> None:
    mine = rule("ORG001", "mine", en="Mine {x}.", da="Min {x}.")(lambda ctx: iter(()))
    assert mine.messages == Text.of(en="Mine {x}.", da="Min {x}.")
    assert [mine.message(lang) for lang in ("da", "en")] == ["Min {x}.", "Mine {x}."]


def test_a_rule_built_directly_takes_one_template_per_language_or_a_text() -> None:
    made = rule("ORG001", "mine", en="Mine.", da="Min.")(lambda ctx: iter(()))
    by_mapping = attrs.evolve(made, messages={"en": "Mine.", "da": "Min."})
    assert by_mapping.messages == made.messages
    # one language is enough (the others fall back); an unknown language or no text is not
    assert attrs.evolve(made, messages={"en": "Mine."}).message("da") == "Mine."
    for wrong, match in (
        ({"en": "Mine.", "da": "Min.", "de": "Meins."}, "'de'"),
        ("Mine.", "needs a message template"),
    ):
        with pytest.raises(RuleError, match=match):
            attrs.evolve(made, messages=wrong)
