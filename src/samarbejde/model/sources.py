"""Where a fact came from: :class:`Source`, and :class:`Cited`, the two fields that say it.

Every record a person would cite - an organisation, an area and its list status, a
partnership, a membership, a mandate, a commitment, a goal, a challenge, a vision, an
agreement, a governance body, a funding - inherits :class:`Cited`, and so carries
``sources`` (where its facts were read) and a ``note`` (what a reader should know about
them: what is only known to the year, what the sources leave out). The two fields are
defined here once; the records that are parts of another (a term, an amount, a phase
change, a signature, an entry point, identifiers) are cited through the record that
holds them (design decision D79).

>>> import pendulum
>>> source = Source(
...     "Lauritzen Fonden: MedVind",
...     address="https://lauritzenfonden.dk/",
...     read_on=pendulum.Date(2026, 12, 6),
... )
>>> source.title
'Lauritzen Fonden: MedVind'
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import is_optional_date, is_optional_text, is_text, tuple_of

__all__ = ["Cited", "Source", "own_first"]


@attrs.frozen
class Source:
    """A public source or a record a fact was read in (*kilde*).

    Attributes:
        title: What it is, e.g. ``"Esbjerg Kommune: Byrådets referat 12.6.2017, pkt. 5"``.
        address: Where to find it: a URL, or a reference where there is none
            (``"Journal 17/1234"``, ``"Lov nr. 1322 af 27.11.2018"``).
        read_on: The day it was read (a web page may change after it).
    """

    title: str = attrs.field(validator=is_text)
    address: str | None = attrs.field(default=None, validator=is_optional_text)
    read_on: pendulum.Date | None = attrs.field(default=None, validator=is_optional_date)

    @property
    def url(self) -> str | None:
        """:attr:`address` when it is a web address (``http://`` or ``https://``), else ``None``.

        >>> Source("Lov", address="Lov nr. 1322").url is None
        True
        """
        if self.address is not None and self.address.startswith(("https://", "http://")):
            return self.address
        return None


@attrs.frozen
class Cited:
    """The fields a cited record inherits: its sources and a note.

    Both are keyword-only, so they follow a record's own fields wherever a record is
    built, and a document lists them after the record's own keys.

    Attributes:
        sources: Where the record's facts were read, most telling first.
        note: Free text about the record's facts for a reader: what is approximate or
            not known, what a source says in other words.
    """

    sources: tuple[Source, ...] = attrs.field(default=(), kw_only=True, validator=tuple_of(Source))
    note: str | None = attrs.field(default=None, kw_only=True, validator=is_optional_text)


def own_first(cls: type[Any]) -> list[attrs.Attribute[Any]]:
    """The attrs fields of ``cls``: its own in declaration order, then those it inherits.

    attrs lists inherited fields first; a document, a change list and a message read
    better with a record's own fields first and its ``sources`` and ``note`` last.

    >>> from samarbejde.model.goals import Vision
    >>> [f.name for f in own_first(Vision)]
    ['text', 'agreed_on', 'agreed_by', 'sources', 'note']
    """
    return sorted(attrs.fields(cls), key=lambda field: field.inherited)
