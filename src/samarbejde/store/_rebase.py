"""Two edits of one record from one base: both kept when they change different places.

The rule between records (a save keeps the records changed only by later revisions),
one level down: when a later revision and this save changed one partnership,
organisation or area, the save's changes are applied to the latest version, unless
a place one changed holds or lies inside a place the other changed.
"""

from __future__ import annotations

import json
from typing import Any

from samarbejde.changes import Change, apply, diff
from samarbejde.documents import structure, unstructure
from samarbejde.model import SamarbejdeError
from samarbejde.store._records import row_json

__all__ = ["rebased"]


def _inside(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith((outer + ".", outer + "["))


def _overlap(ours: tuple[Change, ...], theirs: tuple[Change, ...]) -> list[str]:
    """The places of ``ours`` that a change of ``theirs`` holds or lies inside."""
    return sorted(
        {
            mine.path
            for mine in ours
            for other in theirs
            if _inside(mine.path, other.path) or _inside(other.path, mine.path)
        }
    )


def rebased(cls: type[Any], base: str, head: str, mine: str) -> str | list[str]:
    """The latest version ``head`` with the changes ``mine`` made to ``base``.

    Args:
        cls: The record's type.
        base: The record's JSON in the revision the save started from.
        head: Its JSON in the latest revision.
        mine: Its JSON as saved.

    Returns:
        The record's JSON with both edits, or the places both changed (a conflict);
        an edit that cannot be applied (it breaks the record's checks) is a conflict
        at the whole record.
    """
    old, theirs_new, mine_new = (structure(json.loads(t), cls) for t in (base, head, mine))
    ours, theirs = diff(old, mine_new), diff(old, theirs_new)
    clash = _overlap(ours, theirs)
    if clash:
        return clash
    try:
        both = apply(ours, theirs_new)
    except (SamarbejdeError, ValueError, TypeError) as error:
        return [f"(the edits together: {error})"]
    return row_json(unstructure(both))
