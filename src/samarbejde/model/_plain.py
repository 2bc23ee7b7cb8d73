"""Any model value as plain JSON-ready data: what ``to_dict`` methods put in their dicts.

Records become objects keyed by their field names (the document's keys, with a tagged
record's ``form``), enums their values, dates, durations and decimals the ISO text
documents write, tuples lists and sets sorted lists. Anything else is its ``repr`` (an
error's offending value may be of any type).
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Any, cast

import attrs
import pendulum

from samarbejde.model.iso import write_date, write_decimal, write_duration

__all__ = ["plain"]

#: Values JSON holds as they are.
_JSON_SCALARS = (str, int, float, bool, type(None))


def plain(value: object) -> Any:  # noqa: PLR0911, PLR0912 - one return per kind
    """``value`` as JSON-ready data (see the module's docstring).

    >>> from samarbejde.model.areas import Area
    >>> plain(Area("a", "A", "561"))["municipality"]
    '561'
    >>> plain((pendulum.Date(2025, 1, 2), Decimal("1.50")))
    ['2025-01-02', '1.5']
    """
    if isinstance(value, _JSON_SCALARS):
        return value
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, pendulum.DateTime):
        return value.isoformat()
    if isinstance(value, pendulum.Date):
        return write_date(value)
    if isinstance(value, pendulum.Duration):
        return write_duration(value)
    if isinstance(value, Decimal):
        return write_decimal(value)
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, (frozenset, set)):
        return sorted((plain(item) for item in value), key=str)
    if attrs.has(type(value)):
        out: dict[str, Any] = {}
        form = getattr(type(value), "form", None)
        if isinstance(form, str):
            out["form"] = form
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
            if field.init:
                out[field.name] = plain(getattr(value, field.name))
        return out
    return repr(value)
