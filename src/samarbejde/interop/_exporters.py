"""The exporters as one table: what ``samarbejde export --to`` offers and runs.

Adding an exporter is adding one :class:`Exporter` to :data:`EXPORTERS`: the command's
choices, its help and its dispatch are read from the table.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs
import pendulum

from samarbejde.interop import _iati, _org, _popolo
from samarbejde.interop._result import Export
from samarbejde.interop._tables import FieldTable
from samarbejde.model import Portfolio
from samarbejde.model.days import optional_day

__all__ = ["EXPORTERS", "Exporter"]


def _json_text(document: Any) -> str:
    """A JSON document as the exporters write it: UTF-8 characters, indented by two."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@attrs.frozen
class Exporter:
    """One target standard a portfolio can be exported to.

    >>> from samarbejde import examples
    >>> from samarbejde.interop import EXPORTERS
    >>> popolo = next(e for e in EXPORTERS if e.name == "popolo")
    >>> popolo.media_type
    'application/json'
    >>> print(popolo.write(examples.load("opdrift")).document[:20])
    {
      "organizations":

    Attributes:
        name: The short name, as in ``samarbejde export --to NAME``.
        title: The standard and its form, as the command's help names it, e.g.
            ``"IATI (XML)"``.
        function: The export function. Called as ``function(portfolio, as_of=day)``
            when ``needs_as_of``, else as ``function(portfolio)``; returns an
            :class:`~samarbejde.interop.Export`.
        needs_as_of: Whether ``function`` reports as of a day and so needs one (IATI
            does). An exporter without it exports the portfolio as recorded on the day
            when one is given (:meth:`samarbejde.Portfolio.as_of`).
        media_type: The media type of the text :meth:`write` gives, e.g.
            ``"application/ld+json"``.
        suffix: The file suffix usually given to that text, e.g. ``".jsonld"``.
        fields: Where each field of each record the exporter reads goes in the
            standard, or why it is left out, keyed by ``(record class, field name)``:
            the exporter's omissions are worded from it, and the coverage gate
            (``tests/structure``) fails when a field of a record it reads is missing.
        text: Turns the exported document into the text written: JSON indented by two
            for the JSON targets, the XML text as it is for IATI.
    """

    name: str
    title: str
    function: Callable[..., Export[Any]]
    needs_as_of: bool
    media_type: str
    suffix: str
    fields: FieldTable
    text: Callable[[Any], str] = _json_text

    def export(self, portfolio: Portfolio, *, as_of: pendulum.Date | None = None) -> Export[Any]:
        """Export ``portfolio`` with :attr:`function`.

        Args:
            portfolio: The portfolio to export.
            as_of: The day to report as of; required when :attr:`needs_as_of`. For
                the other exporters, when given, the portfolio as recorded on that day
                is exported.

        Returns:
            What :attr:`function` returns: the document and what was left out.

        Raises:
            ValueError: :attr:`needs_as_of` and no ``as_of``.
            InteropError: The target cannot say anything of the portfolio.
        """
        as_of = optional_day(as_of, "as_of")
        if self.needs_as_of:
            if as_of is None:
                raise ValueError(f"the {self.name} exporter needs as_of, the day to report as of")
            return self.function(portfolio, as_of=as_of)
        return self.function(portfolio if as_of is None else portfolio.as_of(as_of))

    def write(self, portfolio: Portfolio, *, as_of: pendulum.Date | None = None) -> Export[str]:
        """:meth:`export`, with the document as the text to write (see :attr:`text`)."""
        export = self.export(portfolio, as_of=as_of)
        return Export(self.text(export.document), export.omitted)


def _as_is(document: str) -> str:
    return document


#: The exporters, in the order ``samarbejde export --to`` lists them.
EXPORTERS: tuple[Exporter, ...] = (
    Exporter(
        name="org",
        title="W3C ORG (JSON-LD)",
        function=_org.to_org_jsonld,
        needs_as_of=False,
        media_type="application/ld+json",
        suffix=".jsonld",
        fields=_org.FIELDS,
    ),
    Exporter(
        name="popolo",
        title="Popolo (JSON)",
        function=_popolo.to_popolo,
        needs_as_of=False,
        media_type="application/json",
        suffix=".json",
        fields=_popolo.FIELDS,
    ),
    Exporter(
        name="iati",
        title="IATI (XML)",
        function=_iati.to_iati,
        needs_as_of=True,
        media_type="application/xml",
        suffix=".xml",
        fields=_iati.FIELDS,
        text=_as_is,
    ),
)
