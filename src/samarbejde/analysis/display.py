"""Compact HTML tables for notebooks, built with the standard library only.

The portfolio and partnership tables live in the model (:mod:`samarbejde.model._html`),
which shows itself in notebooks; this module adds the maturity table.

Every text that comes from the data is passed through :func:`html.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from samarbejde.model._html import (
    MAX_ROWS,
    _words,
    partnership_html,
    portfolio_html,
    table_html,
)
from samarbejde.model.labels import Lang

if TYPE_CHECKING:
    from samarbejde.analysis.maturity import Maturity

__all__ = ["MAX_ROWS", "maturity_html", "partnership_html", "portfolio_html", "table_html"]


def maturity_html(maturities: Iterable[Maturity], lang: Lang = "en") -> str:
    """Maturity assessments as one row per partnership with a column per dimension."""
    from samarbejde.analysis.maturity import Dimension  # noqa: PLC0415 - avoids a cycle

    headers = (
        _words(lang, "Samarbejde", "Partnership"),
        _words(lang, "Niveau", "Level"),
        _words(lang, "Point", "Total"),
        *(d.label(lang) for d in Dimension),
    )
    rows = (
        (m.name, m.level.label(lang), m.total, *(s.score for s in m.scores)) for m in maturities
    )
    return table_html(headers, rows, lang=lang)
