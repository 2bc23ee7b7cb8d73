"""Scopes: what a rule's check is given, the portfolio once or partnerships one at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from samarbejde.rules._index import PartnershipIndex

__all__ = ["EVERY_PARTNERSHIP", "LIVE_STRATEGIC", "PORTFOLIO", "PROJECTS", "Scope"]


def _every(part: PartnershipIndex) -> bool:
    return True


def _project(part: PartnershipIndex) -> bool:
    return part.partnership.form == "project"


def _live_strategic(part: PartnershipIndex) -> bool:
    return part.partnership.form == "strategic" and part.ended is None


@attrs.frozen
class Scope:
    """What a rule's check is given: the portfolio once, or partnerships one at a time.

    A check of the :data:`PORTFOLIO` scope is called as ``check(ctx)``; a check of any
    other scope as ``check(ctx, part)``, once for each partnership the scope
    :attr:`covers`, with its :class:`~samarbejde.rules.PartnershipIndex`. The engine
    iterates; the check looks at one partnership.

    Attributes:
        name: What the scope covers, e.g. ``"projects"``.
        covers: Whether the scope covers a partnership, or ``None`` for the portfolio scope.
            Asked once per partnership in a run, however many rules share the scope, so
            it must depend on the partnership alone.

    >>> PROJECTS.name, PORTFOLIO.covers is None
    ('projects', True)
    """

    name: str
    covers: Callable[[PartnershipIndex], bool] | None = attrs.field(default=None, eq=False)


#: The check looks at the whole portfolio once: ``check(ctx)``.
PORTFOLIO = Scope("portfolio")
#: The check is given every partnership in turn: ``check(ctx, part)``.
EVERY_PARTNERSHIP = Scope("every partnership", _every)
#: The check is given each partnership whose current lifecycle is a project.
PROJECTS = Scope("projects", _project)
#: The check is given each partnership whose current lifecycle is strategic and has not ended.
LIVE_STRATEGIC = Scope("live strategic partnerships", _live_strategic)
