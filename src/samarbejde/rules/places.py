"""S rules about places: the areas a partnership serves and their government lists.

An area's categories on a day are read from :meth:`~samarbejde.Portfolio.categories_on`
(its lists and its own classifications together, D113), the one answer every reader
asks.
"""

from __future__ import annotations

from collections.abc import Iterator

import pendulum

from samarbejde.model.area_lists import as_category
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.unknown import UNKNOWN
from samarbejde.rules._families import STRUCTURE, defined_rules
from samarbejde.rules._findings import Severity
from samarbejde.rules._hits import Hit, hit
from samarbejde.rules._index import PartnershipIndex
from samarbejde.rules._rule import RuleContext

__all__ = ["PLACE_RULES"]


@STRUCTURE.rule(
    "S021",
    "area-left-every-list",
    severity=Severity.INFO,
    rationale="An area on a government list (udsat, parallelsamfund, omdannelse, "
    "forebyggelse, ...) is what makes many partnerships in vulnerable housing areas, and "
    "their funding, place-specific. When an area a partnership serves leaves every list "
    "while the partnership runs, the place's status has changed: the partners should know, "
    "as the reasons and the money tied to the lists may change with it. Read on each list "
    "date (of the portfolio's lists and the area's own classifications) from the area's "
    "categories that day; an unknown status is not a leaving (design decision D113).",
)
def area_left_every_list(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Areas of a partnership that left every list while the partnership ran."""
    portfolio = ctx.index.portfolio
    for area in dict.fromkeys(part.partnership.areas):
        if area not in ctx.index.areas:
            continue  # S002 says so
        for on, held in _leavings(portfolio, area, part.started, part.ended):
            yield hit(
                f"{part.path}.areas",
                area,
                area=ctx.index.area_name(area),
                on=on,
                categories=tuple(as_category(c) for c in held),
            )


def _leavings(
    portfolio: Portfolio, area: str, start: pendulum.Date, end: pendulum.Date | None
) -> Iterator[tuple[pendulum.Date, tuple[str, ...]]]:
    """Each list date from ``start`` to ``end`` on which ``area`` held no category any more.

    Yields the day and the categories it held on the list date before.
    """
    found = portfolio.area(area)
    listed = {x.list_date for x in portfolio.lists if x.says(area) is not None}
    listed.update(c.list_date for c in found.classifications)
    before: tuple[str, ...] = ()
    for day in sorted(d for d in listed if end is None or d <= end):
        held = portfolio.categories_on(area, day)
        if UNKNOWN.value in held:
            before = ()  # not known: neither on nor off, so no leaving is read across it
            continue
        if before and not held and day >= start:
            yield day, before
        before = held


#: The place rules: those this module defines, in code order.
PLACE_RULES = defined_rules(globals())
