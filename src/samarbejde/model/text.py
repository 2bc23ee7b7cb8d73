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

from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Literal, cast

import attrs
import pendulum

from samarbejde.model.iso import write_date, write_decimal, write_duration

__all__ = ["LANGS", "Lang", "Text", "check_lang", "fill", "render"]

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


def fill(template: str, values: Mapping[str, object], lang: Lang) -> str:
    """Fill ``template`` with ``values`` rendered for ``lang``.

    A placeholder without a value is left as it is, so a faulty user rule still gives
    a readable message instead of an exception.

    >>> fill("{a} before {b}", {"a": pendulum.Date(2021, 1, 1)}, "en")
    '2021-01-01 before {b}'
    """
    rendered = _Values()
    for key, value in values.items():
        rendered[key] = value if type(value) is str else render(value, lang)
    return template.format_map(rendered)


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
