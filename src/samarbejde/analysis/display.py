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
    headings,
    partnership_html,
    portfolio_html,
    table_html,
)
from samarbejde.model.text import DEFAULT_LANG, Lang, Text

if TYPE_CHECKING:
    from samarbejde.analysis.maturity import Maturity

__all__ = ["MAX_ROWS", "maturity_html", "partnership_html", "portfolio_html", "table_html"]


_HEADINGS = (Text("display.partnership"), Text("display.level"), Text("display.total"))


def maturity_html(maturities: Iterable[Maturity], lang: Lang = DEFAULT_LANG) -> str:
    """Maturity assessments as one row per partnership with a column per dimension."""
    from samarbejde.analysis.maturity import Dimension  # noqa: PLC0415 - avoids a cycle

    headers = (*headings(_HEADINGS, lang), *(d.label(lang) for d in Dimension))
    rows = (
        (m.name, m.level.label(lang), m.total, *(s.score for s in m.scores)) for m in maturities
    )
    return table_html(headers, rows, lang=lang)
