"""The bilingual text type: the languages are its fields, and every text is one."""

from __future__ import annotations

import typing
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samarbejde import Sector, label
from samarbejde.model import LANGS, Lang, Text
from samarbejde.model.labels import CODE_LABELS, ENUM_LABELS
from samarbejde.model.text import check_lang, fill, render
from samarbejde.rules import Words

FIELDS = tuple(field.name for field in attrs.fields(Text))


def test_the_languages_are_the_fields_of_the_text_type() -> None:
    assert LANGS == FIELDS
    assert set(typing.get_args(Lang)) == set(FIELDS)


@pytest.mark.parametrize("lang", ["de", "", "DA", "english"])
def test_an_unknown_language_is_refused_everywhere(lang: str) -> None:
    with pytest.raises(ValueError, match="lang must be 'da' or 'en'"):
        check_lang(lang)
    with pytest.raises(ValueError, match="lang must be"):
        Text("ja", "yes").pick(lang)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lang must be"):
        label(Sector.BUSINESS, lang)  # type: ignore[arg-type]


@given(st.text(), st.text(), st.sampled_from(LANGS))
def test_pick_gives_the_field_of_the_language(da: str, en: str, lang: Lang) -> None:
    text = Text(da, en)
    assert text.pick(lang) == getattr(text, lang)


def test_format_renders_values_for_the_language_and_keeps_unknown_placeholders() -> None:
    template = Text(
        "{sector} hver {every} fra {on}, {missing}", "{sector} every {every} from {on}, {missing}"
    )
    values = {
        "sector": Sector.BUSINESS,
        "every": pendulum.duration(weeks=2),
        "on": pendulum.Date(2021, 1, 1),
    }
    assert template.format("da", **values) == "erhvervsliv hver P2W fra 2021-01-01, {missing}"
    assert template.format("en", **values) == "business every P2W from 2021-01-01, {missing}"
    assert template.format("en", **values) == fill(template.en, values, "en")


def test_a_value_named_lang_is_a_value_like_any_other() -> None:
    assert Text("{lang}", "{lang}").format("en", lang="da") == "da"


def test_text_values_render_in_the_language_asked_for() -> None:
    assert render(Text("åben", "open"), "da") == "åben"
    assert render((Text("a", "b"), Sector.HOUSING), "en") == "b, social housing"
    assert render(Decimal("1500000.00"), "da") == "1500000"
    assert render({pendulum.duration(hours=4), pendulum.duration(weeks=2)}, "en") == "P2W, PT4H"


def test_the_rules_words_are_the_text_type() -> None:
    assert Words is Text


BILINGUAL: list[Text] = [
    *ENUM_LABELS.values(),
    *CODE_LABELS.values(),
]


@pytest.mark.parametrize("text", BILINGUAL, ids=lambda t: t.en)
def test_every_label_is_a_text_with_every_language(text: Text) -> None:
    assert isinstance(text, Text)
    assert all(getattr(text, lang).strip() for lang in LANGS)
