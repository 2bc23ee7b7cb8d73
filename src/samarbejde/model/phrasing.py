"""Phrasing for sentences: a sector as the object of a sentence, and lists said as people say them.

A label (:func:`samarbejde.label`) is the word on its own, as a heading or a table
cell shows it: ``kommune``, ``erhvervsliv``. In a Danish sentence a sector is a
definite noun (``identificeret af kommunen``, ``intet medlem fra erhvervslivet``);
:func:`definite` gives that form, from the catalogues' ``definite.<Enum>.<value>``
keys (design notes, D111). :func:`listing` joins values with commas and the
language's "and" (``kommunen og boligorganisationen``).
"""

from __future__ import annotations

from collections.abc import Iterable

from samarbejde.model.enums import Sector
from samarbejde.model.text import Phrase, Text

__all__ = ["definite", "definites", "listing"]

_ORDER = {sector: number for number, sector in enumerate(Sector)}


def definite(sector: Sector) -> Text:
    """The sector as a sentence names it: ``kommunen``, ``the municipality``.

    >>> definite(Sector.MUNICIPALITY).pick("da"), definite(Sector.BUSINESS).pick("en")
    ('kommunen', 'business')
    """
    return Text(f"definite.Sector.{sector.value}")


def definites(sectors: Iterable[Sector]) -> Phrase:
    """Sectors in their definite forms, in the enum's order, as one :func:`listing`.

    >>> from samarbejde.model.text import fill
    >>> fill("{s}", {"s": definites({Sector.HOUSING, Sector.MUNICIPALITY})}, "da")
    'kommunen og boligorganisationen'
    """
    return listing(definite(s) for s in sorted(sectors, key=_ORDER.__getitem__))


def listing(items: Iterable[object]) -> Phrase:
    """Values as one phrase: ``a``, ``a og b``, ``a, b og c`` (the language's "and").

    Each value is rendered for the language as a message value is.

    >>> from samarbejde.model.text import fill
    >>> fill("{x}", {"x": listing(["Aarhus", "Gellerup", "Toveshøj"])}, "da")
    'Aarhus, Gellerup og Toveshøj'
    >>> fill("{x}", {"x": listing(["Aarhus", "Glenteby"])}, "en")
    'Aarhus and Glenteby'
    """
    values = tuple(items)
    slots = [f"{{i{number}}}" for number in range(len(values))]
    template = "".join(slots)
    if len(slots) > 1:
        template = ", ".join(slots[:-1]) + "{and}" + slots[-1]
    named = tuple((f"i{number}", value) for number, value in enumerate(values))
    return Phrase(Text.of(en=template), (*named, ("and", Text("format.and"))))
