"""The text type: a catalogue entry by message id, or a text given per language."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samarbejde import Sector, label
from samarbejde.model import LANGS, Lang, Text
from samarbejde.model.labels import CODE_LABELS, ENUM_LABELS
from samarbejde.model.text import Phrase, check_lang, fill, render
from samarbejde.model.words import catalogue
from samarbejde.rules import Words


@pytest.mark.parametrize("lang", ["de", "", "DA", "english"])
def test_an_unknown_language_is_refused_everywhere(lang: str) -> None:
    with pytest.raises(ValueError, match="lang must be one of 'da', 'en'"):
        check_lang(lang)
    with pytest.raises(ValueError, match="lang must be"):
        Text.of(da="ja", en="yes").pick(lang)
    with pytest.raises(ValueError, match="lang must be"):
        Text("severity.error").pick(lang)
    with pytest.raises(ValueError, match="lang must be"):
        label(Sector.BUSINESS, lang)
    with pytest.raises(ValueError, match="lang must be"):
        Text.of({lang: "x"})


@given(st.text(), st.text(), st.sampled_from(LANGS))
def test_pick_gives_the_text_of_the_language(da: str, en: str, lang: Lang) -> None:
    text = Text.of(da=da, en=en)
    assert text.pick(lang) == {"da": da, "en": en}[lang]


@given(st.text(), st.sampled_from(LANGS))
def test_a_language_a_given_text_lacks_falls_back_to_english_then_to_any(
    en: str, lang: Lang
) -> None:
    assert Text.of(en=en).pick(lang) == en
    assert Text.of(da="kun dansk").pick("en") == "kun dansk"


@given(st.sampled_from(sorted(catalogue("en"))), st.sampled_from(LANGS))
def test_a_catalogue_text_is_the_catalogues_word(key: str, lang: Lang) -> None:
    assert Text(key).pick(lang) == catalogue(lang)[key]


def test_format_renders_values_for_the_language_and_keeps_unknown_placeholders() -> None:
    template = Text.of(da="{sector} fra {on}, {missing}", en="{sector} from {on}, {missing}")
    values = {"sector": Sector.BUSINESS, "on": pendulum.Date(2021, 1, 1)}
    assert template.format("en", **values) == fill(template.pick("en"), values, "en")
    assert "{missing}" in template.format("da", **values)
    assert template.format("da", **values).startswith("erhvervsliv fra ")


def test_a_value_named_lang_is_a_value_like_any_other() -> None:
    assert Text.of(da="{lang}", en="{lang}").format("en", lang="da") == "da"


def test_text_values_render_in_the_language_asked_for() -> None:
    assert render(Text("rules.open"), "da") == "åben"
    assert render((Text.of(da="a", en="b"), Sector.HOUSING), "en") == "b, social housing"
    assert render(Phrase.of(Text("rules.revoked"), on="x"), "da") == ", tilbagekaldt x"


def test_the_rules_words_are_the_text_type() -> None:
    assert Words is Text


@pytest.mark.parametrize("text", [*ENUM_LABELS.values(), *CODE_LABELS.values()], ids=str)
def test_every_label_has_a_word_in_every_language(text: Text) -> None:
    assert isinstance(text, Text)
    assert all(text.pick(lang).strip() for lang in LANGS)
