"""Bilingual text: one value type for every word, label and template the package shows.

A :class:`Text` holds the same text in each language the package speaks, one field per
language. Labels, severities, rule messages, maturity levels, dimensions and facts,
display headings and plot titles are all ``Text`` values; :meth:`Text.pick` chooses a
language and :meth:`Text.format` fills a template with values rendered for it
(:func:`render`: labels for enums, ISO text for dates, durations and decimals).

The languages are the fields of :class:`Text`: :data:`LANGS` is read from them, so a
third language is one new field (and its translations), and everything that checks a
language code checks it against :data:`LANGS`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Literal, cast

import attrs
import pendulum

from samarbejde.model.approximate import Approximate
from samarbejde.model.iso import write_date, write_decimal, write_duration

__all__ = [
    "LANGS",
    "MONTHS",
    "Lang",
    "Text",
    "check_lang",
    "fill",
    "isolate",
    "render",
    "render_approximate",
]

#: A language code for labels and messages: one of the fields of :class:`Text`.
Lang = Literal["da", "en"]


@attrs.frozen
class Text:
    """The same text in every language the package speaks.

    A text may be a template with ``{name}`` placeholders; :meth:`format` fills them.

    Attributes:
        da: The Danish text.
        en: The English text.

    >>> Text("fejl", "error").pick("da")
    'fejl'
    """

    da: str
    en: str

    def pick(self, lang: Lang) -> str:
        """The text in ``lang``.

        Raises:
            ValueError: ``lang`` is not one of :data:`LANGS`.
        """
        return cast(str, getattr(self, lang if lang in LANGS else check_lang(lang)))

    def format(self, lang: Lang, /, **values: object) -> str:
        """The text in ``lang`` with its placeholders filled by ``values``.

        Values are rendered for ``lang`` by :func:`render`; a placeholder without a
        value is left as it is (see :func:`fill`).

        Raises:
            ValueError: ``lang`` is not one of :data:`LANGS`.

        >>> Text("hver {every}", "every {every}").format("en", every=pendulum.duration(weeks=2))
        'every P2W'
        """
        return fill(self.pick(lang), values, lang)


#: The languages the package speaks, in the order of :class:`Text`'s fields.
LANGS: tuple[Lang, ...] = tuple(cast(Lang, field.name) for field in attrs.fields(Text))


#: The months' names, January first (the report's dates and approximate dates).
MONTHS: tuple[Text, ...] = (
    Text("januar", "January"),
    Text("februar", "February"),
    Text("marts", "March"),
    Text("april", "April"),
    Text("maj", "May"),
    Text("juni", "June"),
    Text("juli", "July"),
    Text("august", "August"),
    Text("september", "September"),
    Text("oktober", "October"),
    Text("november", "November"),
    Text("december", "December"),
)


def check_lang(lang: str) -> Lang:
    """``lang`` itself, if it is one of :data:`LANGS`.

    Raises:
        ValueError: It is not.

    >>> check_lang("da")
    'da'
    """
    if lang not in LANGS:
        known = " or ".join(repr(code) for code in LANGS)
        raise ValueError(f"lang must be {known}, got {lang!r}")
    return lang


def render(value: object, lang: Lang) -> str:  # noqa: PLR0911 - one return per kind
    """One value as text for ``lang``: labels for enums and codes' texts, ISO text otherwise.

    Dates, durations and decimals are written as documents write them
    (:mod:`samarbejde.model.iso`); a collection is a comma-separated list (a set's
    items sorted).

    >>> from samarbejde.model.enums import Sector
    >>> render(Sector.BUSINESS, "da"), render(Decimal("1500000.00"), "en")
    ('erhvervsliv', '1500000')
    """
    if type(value) is str:
        return value
    if type(value) is pendulum.Date:  # the commonest values first, by their exact type
        return write_date(value)
    if isinstance(value, Text):
        return value.pick(lang)
    if isinstance(value, pendulum.Date):
        return write_date(value)
    if isinstance(value, Approximate):
        return render_approximate(value, lang)
    if isinstance(value, Enum):
        from samarbejde.model.labels import label  # noqa: PLC0415 - labels are built of Text

        return label(value, lang)
    if isinstance(value, pendulum.Duration):
        return write_duration(value)
    if isinstance(value, Decimal):
        return write_decimal(value)
    if isinstance(value, (tuple, list, frozenset, set)):
        items = [render(v, lang) for v in value]
        return ", ".join(sorted(items) if isinstance(value, (frozenset, set)) else items)
    return str(value)


def render_approximate(value: Approximate, lang: Lang) -> str:
    """An approximate date as people say it: ``2017``, ``marts 2019`` / ``March 2019``.

    >>> render_approximate(Approximate(2019, 3), "da"), render_approximate(Approximate(2017), "en")
    ('marts 2019', '2017')
    """
    if value.month is None:
        return str(value.year)
    return f"{MONTHS[value.month - 1].pick(lang)} {value.year}"


def fill(template: str, values: Mapping[str, object], lang: Lang) -> str:
    """Fill ``template`` with ``values`` rendered for ``lang``.

    A placeholder without a value is left as it is, so a faulty user rule still gives
    a readable message instead of an exception. Each value is :func:`isolate`-d, so a
    name in a right-to-left script or with a stray override cannot turn the rest of
    the sentence around.

    >>> fill("{a} before {b}", {"a": pendulum.Date(2021, 1, 1)}, "en")
    '2021-01-01 before {b}'
    """
    rendered = _Values()
    for key, value in values.items():
        rendered[key] = isolate(value if type(value) is str else render(value, lang))
    return template.format_map(rendered)


#: Every character that can turn the direction of the text after it: right-to-left
#: letters and Arabic digits (the blocks Unicode allots to right-to-left scripts) and
#: the explicit directional marks, embeddings, overrides and isolates. A test holds this
#: against :func:`unicodedata.bidirectional` for every code point.
_BIDI = re.compile(
    "[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_ISOLATES = re.compile("[\u2066-\u2069]")


def isolate(text: str) -> str:
    """``text`` as a directional isolate, if it holds anything that could turn the text around it.

    A name written in a right-to-left script, or holding a stray RIGHT-TO-LEFT OVERRIDE,
    would otherwise reverse the words that follow it in a sentence. Such a text is put
    between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (U+2068, U+2069), which
    close every embedding and override opened inside it, in plain text, terminals,
    HTML text and attribute values alike. Isolates the text itself leaves open get a
    closing mark each, and each stray closing mark of its own meets an opening one put
    before it, so the text cannot reach out of its isolate either way. Any other text is
    returned unchanged.

    >>> isolate("Gellerup"), isolate("\u202eevil"), isolate("\u2066open")
    ('Gellerup', '\u2068\u202eevil\u2069', '\u2068\u2066open\u2069\u2069')
    """
    if not _BIDI.search(text):
        return text
    stray = unclosed = 0
    if _ISOLATES.search(text):
        for char in text:
            if char in "\u2066\u2067\u2068":
                unclosed += 1
            elif char == "\u2069":
                if unclosed:
                    unclosed -= 1
                else:
                    stray += 1
    return "\u2068" * (stray + 1) + text + "\u2069" * (unclosed + 1)


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
