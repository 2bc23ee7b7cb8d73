"""Ids: the one pattern that every record's id, and every id a record names, matches."""

from __future__ import annotations

import re

__all__ = ["ID_PATTERN"]

#: Every id a record has or names (``partnership.id``, ``membership.organisation`` …):
#: a lower-case letter or digit, then up to 63 lower-case letters, digits, ``.``, ``_``
#: or ``-``. Match it whole (``ID_PATTERN.fullmatch(text)``); the JSON Schema's
#: ``pattern`` for ids is the same expression, anchored.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
