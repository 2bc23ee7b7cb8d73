"""One self-contained HTML page per portfolio, for the people who steer the partnerships.

:func:`html` puts together what :mod:`samarbejde.analysis` and :func:`samarbejde.validate`
already compute (maturity with its evidence, findings with file and line, overdue
commitments, funding and its cliffs, members by sector, the lifecycle timeline and the
network) in Danish (the default) or English. The page needs nothing from the network:
its stylesheet is inline, its pictures are inline SVG drawn here without a plotting
library, and it has no script. It reads on a phone and prints on paper.
"""

from __future__ import annotations

from samarbejde.report._format import format_date, format_money, format_number, format_quantity
from samarbejde.report._national import narrowed, overview, pages
from samarbejde.report._page import Document, html, page
from samarbejde.report._texts import TEXTS

__all__ = [
    "TEXTS",
    "Document",
    "format_date",
    "format_money",
    "format_number",
    "format_quantity",
    "html",
    "narrowed",
    "overview",
    "page",
    "pages",
]
