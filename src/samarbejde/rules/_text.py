"""Filling message templates: values rendered for Danish or English readers."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import Enum

import attrs
import pendulum

from samarbejde.model.labels import Lang, label

__all__ = ["Words", "code_words", "fill", "iso_duration", "render"]


@attrs.frozen
class Words:
    """A word or phrase in Danish and English, for a message value.

    Attributes:
        da: The Danish text.
        en: The English text.
    """

    da: str
    en: str


def code_words(code: str) -> Words:
    """The Danish and English labels of an open-list code (a role, a kind of commitment).

    >>> code_words("bridge_builder").da
    'brobygger'
    """
    return Words(label(code, "da"), label(code, "en"))


def iso_duration(duration: pendulum.Duration) -> str:
    """A calendar duration in ISO 8601 form.

    >>> iso_duration(pendulum.duration(years=4, months=6))
    'P4Y6M'
    """
    parts = [
        (duration.years, "Y"),
        (duration.months, "M"),
        (duration.weeks * 7 + duration.remaining_days, "D"),
    ]
    text = "".join(f"{amount}{unit}" for amount, unit in parts if amount)
    return f"P{text or '0D'}"


def render(value: object, lang: Lang) -> str:  # noqa: PLR0911 - one return per kind
    """One value as message text: labels for enums, ISO dates, plain decimals.

    >>> from samarbejde.model.enums import Sector
    >>> render(Sector.BUSINESS, "da"), render(Decimal("1500000.00"), "en")
    ('erhvervsliv', '1500000.00')
    """
    if type(value) is str:
        return value
    if isinstance(value, pendulum.Date):
        return value.isoformat()
    if isinstance(value, Words):
        return value.da if lang == "da" else value.en
    if isinstance(value, Enum):
        return label(value, lang)
    if isinstance(value, pendulum.Duration):
        return iso_duration(value)
    if isinstance(value, Decimal):
        return format(value, "f")
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
    rendered = _Values({key: render(value, lang) for key, value in values.items()})
    return template.format_map(rendered)


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
