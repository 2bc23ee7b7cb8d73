"""Unknown, as a value: a fact the sources do not give, stated as such.

A field that real sources often lack (an amount, a quantity, a horizon, a member's
role, an area's list status on a list date) may hold :data:`UNKNOWN` instead of a value.
It is distinct from absent (``None`` or an empty list: not recorded, read by the
rules as the documented default, see ``docs/reference/absent-values.md``) and from a
value meaning "none" (``category: none``, an open-ended horizon): the rules, maturity
and the report say "not known" instead of guessing (design decisions D75-D78).

Documents write it as the text ``unknown`` (``ukendt`` is read too in a workbook).

>>> UNKNOWN, UNKNOWN is Unknown.UNKNOWN, known(UNKNOWN), known(3)
(UNKNOWN, True, False, True)
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = ["UNKNOWN", "UNKNOWN_WORDS", "Unknown", "known"]


class Unknown(enum.Enum):
    """The type of :data:`UNKNOWN`, a single value.

    An enum of one, so that type checkers narrow ``x is UNKNOWN`` and pickling keeps it
    one object.
    """

    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __str__(self) -> str:
        return "unknown"


#: A fact stated as not known.
UNKNOWN = Unknown.UNKNOWN

#: The words a document or a workbook cell may use for :data:`UNKNOWN`, folded
#: (``unknown`` in every format; ``ukendt`` too where people type, in a workbook).
UNKNOWN_WORDS: frozenset[str] = frozenset({"unknown", "ukendt"})


def known(value: Any) -> bool:
    """Whether ``value`` is not :data:`UNKNOWN` (``None`` counts: absent, not unknown)."""
    return value is not UNKNOWN
