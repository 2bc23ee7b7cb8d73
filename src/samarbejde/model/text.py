"""Text in every language: one value type for every word, label and template the package shows.

A :class:`Text` is either a message id in the catalogues (:mod:`samarbejde.model.words`,
one file per language) or a text given per language by the caller (a user's rule or
family). Labels, severities, rule messages, maturity levels, dimensions and facts,
display headings and plot titles are all ``Text`` values; :meth:`Text.pick` chooses a
language and :meth:`Text.format` fills a template with values rendered for it
(:func:`render`: labels for enums, dates, durations and numbers as the language writes them).

The languages are the catalogue files: :data:`LANGS` lists them, so a third language is
one new catalogue and nothing else (design notes, D83).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum

import attrs
import pendulum

from samarbejde.model.approximate import Approximate
from samarbejde.model.iso import write_decimal, write_duration
from samarbejde.model.words import DEFAULT_LANG, LANGS, Lang, check_lang, fallbacks, word

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "Lang",
    "Phrase",
    "Text",
    "cadence",
    "check_lang",
    "fill",
    "isolate",
    "render",
    "render_approximate",
    "say_date",
    "say_duration",
    "say_number",
]


def _given(value: Mapping[str, str] | tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    pairs = tuple(value.items()) if isinstance(value, Mapping) else tuple(value)
    for lang, text in pairs:
        check_lang(lang)
        if not isinstance(text, str):
            raise TypeError(f"the {lang!r} text must be a str, got {type(text).__name__}")
    return pairs


@attrs.frozen
class Text:
    """The same text in every language the package speaks.

    ``Text("severity.error")`` is the catalogues' word with that message id;
    ``Text.of(da="fejl", en="error")`` is a text given per language (a language it
    lacks falls back as a catalogue does, then to any language it has). A text may be
    a template with ``{name}`` placeholders; :meth:`format` fills them.

    Attributes:
        key: The message id in the catalogues, or ``""`` for a given text.
        given: The given text per language, as ``(lang, text)`` pairs.

    >>> Text("severity.error").pick("da"), Text.of(da="fejl", en="error").pick("en")
    ('fejl', 'error')
    """

    key: str = ""
    given: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_given)

    @classmethod
    def of(cls, texts: Mapping[str, str] | None = None, /, **by_lang: str) -> Text:
        """A text given per language: a mapping, keywords (``da=``, ``en=``), or both.

        Raises:
            ValueError: A language is not one of :data:`LANGS`, or none is given.

        >>> Text.of({"da": "ja"}, en="yes").pick("en")
        'yes'
        """
        merged = {**(texts or {}), **by_lang}
        if not merged:
            raise ValueError("a text needs at least one language")
        return cls(given=tuple(merged.items()))

    def pick(self, lang: Lang) -> str:
        """The text in ``lang`` (or the language it falls back on).

        Raises:
            ValueError: ``lang`` is not one of :data:`LANGS`.
        """
        if self.key:
            return word(self.key, lang)
        given = dict(self.given)
        for source in fallbacks(lang):
            if source in given:
                return given[source]
        return self.given[0][1]

    def format(self, lang: Lang, /, **values: object) -> str:
        """The text in ``lang`` with its placeholders filled by ``values``.

        Values are rendered for ``lang`` by :func:`render`; a placeholder without a
        value is left as it is (see :func:`fill`).

        Raises:
            ValueError: ``lang`` is not one of :data:`LANGS`.

        >>> Text.of(da="hver {every}", en="every {every}").format("en", every=3)
        'every 3'
        """
        return fill(self.pick(lang), values, lang)


@attrs.frozen
class Phrase:
    """A text with its own values: one value of a larger message, rendered in its language.

    Attributes:
        text: The template.
        values: Its values, as ``(name, value)`` pairs.

    >>> fill("term ends{revoked}", {"revoked": Phrase.of(Text("rules.revoked"), on=3)}, "en")
    'term ends, revoked 3'
    """

    text: Text
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, text: Text, /, **values: object) -> Phrase:
        """The phrase ``text`` with ``values``."""
        return cls(text, tuple(values.items()))


def render(value: object, lang: Lang) -> str:  # noqa: PLR0911 - one return per kind
    """One value as text for ``lang``: labels for enums and codes' texts, ISO text otherwise.

    Dates, durations and decimals are written as documents write them
    (:mod:`samarbejde.model.iso`); a collection is a comma-separated list (a set's
    items sorted).

    >>> from samarbejde.model.enums import Sector
    >>> render(Sector.BUSINESS, "da"), render(Decimal("1500000.00"), "en")
    ('erhvervsliv', '1,500,000')
    """
    if type(value) is str:
        return value
    if type(value) is pendulum.Date:  # the commonest values first, by their exact type
        return say_date(value, lang)
    if isinstance(value, Text):
        return value.pick(lang)
    if isinstance(value, Phrase):
        return value.text.format(lang, **dict(value.values))
    if isinstance(value, pendulum.Date):
        return say_date(value, lang)
    if isinstance(value, Approximate):
        return render_approximate(value, lang)
    if isinstance(value, Enum):
        from samarbejde.model.labels import label  # noqa: PLC0415 - labels are built of Text

        return label(value, lang)
    if isinstance(value, pendulum.Duration):
        return say_duration(value, lang)
    if isinstance(value, Decimal):
        return say_number(value, lang)
    if isinstance(value, (tuple, list, frozenset, set)):
        items = [render(v, lang) for v in value]
        return ", ".join(sorted(items) if isinstance(value, (frozenset, set)) else items)
    return str(value)


_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def say_date(day: datetime.date, lang: Lang) -> str:
    """A date as people write it: ``1. juni 2025`` in Danish, ``1 June 2025`` in English.

    >>> say_date(pendulum.Date(2025, 6, 1), "da"), say_date(pendulum.Date(2025, 6, 1), "en")
    ('1. juni 2025', '1 June 2025')
    """
    month = word(f"report.{_MONTH_KEYS[day.month - 1]}", lang)
    return word("report.date", lang).format(day=day.day, month=month, year=day.year)


def say_number(value: Decimal | int, lang: Lang) -> str:
    """A number with thousands grouped and the language's decimal mark, trailing zeros dropped.

    >>> say_number(Decimal("1500000.50"), "da"), say_number(Decimal("12.0"), "en")
    ('1.500.000,5', '12')
    """
    number = Decimal(value)
    if not number.is_finite():
        return write_decimal(number) if isinstance(value, Decimal) else str(value)
    whole, _, fraction = format(number, ",f").partition(".")
    fraction = fraction.rstrip("0")
    group, point = word("report.number.group", lang), word("report.number.point", lang)
    result = whole.replace(",", group)
    return f"{result}{point}{fraction}" if fraction else result


def say_duration(value: pendulum.Duration, lang: Lang) -> str:
    """A length of time in words: ``12 år``, ``3 måneder``, ``1 year and 6 months``.

    >>> say_duration(pendulum.duration(years=12), "da")
    '12 år'
    >>> say_duration(pendulum.duration(weeks=2), "en")
    '2 weeks'
    """
    parts = []
    for amount, unit in (
        (value.years, "year"),
        (value.months, "month"),
        (value.weeks, "week"),
        (value.remaining_days, "day"),
        (value.hours, "hour"),
    ):
        if amount:
            key = f"format.{unit}" if amount == 1 else f"format.{unit}s"
            parts.append(word(key, lang).format(n=amount))
    if not parts or value.minutes or value.remaining_seconds or value.microseconds:
        return write_duration(value)
    last = parts.pop()
    return f"{', '.join(parts)}{word('format.and', lang)}{last}" if parts else last


def cadence(every: pendulum.Duration) -> Phrase:
    """How often, as people say it: ``hvert år``, ``hver 3. måned``, ``every 2 weeks``.

    A length of one unit (years, months, weeks, days or hours) is said with that unit;
    any other is said as the time between (``med 1 år og 6 måneder imellem``).

    >>> fill("{e}", {"e": cadence(pendulum.duration(years=1))}, "da")
    'hvert år'
    >>> fill("{e}", {"e": cadence(pendulum.duration(months=3))}, "da")
    'hver 3. måned'
    >>> fill("{e}", {"e": cadence(pendulum.duration(years=1, months=6))}, "en")
    'every 1 year and 6 months'
    """
    amounts = {
        "year": every.years,
        "month": every.months,
        "week": every.weeks,
        "day": every.remaining_days,
        "hour": every.hours,
    }
    given = [(unit, n) for unit, n in amounts.items() if n]
    rest = every.minutes or every.remaining_seconds or every.microseconds
    if len(given) == 1 and not rest:
        ((unit, n),) = given
        if n == 1:
            return Phrase.of(Text(f"format.every.{unit}"))
        return Phrase.of(Text(f"format.every_n.{unit}"), n=n)
    return Phrase.of(Text("format.every.between"), between=every)


def render_approximate(value: Approximate, lang: Lang) -> str:
    """An approximate date as people say it: ``2017``, ``marts 2019`` / ``March 2019``.

    >>> render_approximate(Approximate(2019, 3), "da"), render_approximate(Approximate(2017), "en")
    ('marts 2019', '2017')
    """
    if value.month is None:
        return str(value.year)
    return f"{word(f'report.{_MONTH_KEYS[value.month - 1]}', lang)} {value.year}"


def fill(template: str, values: Mapping[str, object], lang: Lang) -> str:
    """Fill ``template`` with ``values`` rendered for ``lang``.

    A placeholder without a value is left as it is, so a faulty user rule still gives
    a readable message instead of an exception. Each value is :func:`isolate`-d, so a
    name in a right-to-left script or with a stray override cannot turn the rest of
    the sentence around.

    >>> fill("{a} before {b}", {"a": pendulum.Date(2021, 1, 1)}, "en")
    '1 January 2021 before {b}'
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

    >>> isolate("Glenteby"), isolate("\u202eevil"), isolate("\u2066open")
    ('Glenteby', '\u2068\u202eevil\u2069', '\u2068\u2066open\u2069\u2069')
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
