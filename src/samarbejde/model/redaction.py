"""Removing fields that may hold personal data before a record leaves the system."""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

__all__ = ["personal_fields", "redact"]

R = TypeVar("R")


def personal_fields(cls: type[Any]) -> tuple[str, ...]:
    """Names of the fields of attrs class ``cls`` marked as possibly personal.

    >>> from samarbejde import Membership
    >>> personal_fields(Membership)
    ('representative',)
    """
    return tuple(a.name for a in attrs.fields(cls) if a.metadata.get("personal"))


def _redact(value: Any) -> Any:
    """``value`` without personal data; ``value`` itself when nothing had to change."""
    if isinstance(value, tuple):
        items = tuple(_redact(v) for v in value)
        return value if all(new is old for new, old in zip(items, value, strict=True)) else items
    if not attrs.has(type(value)):
        return value
    changes: dict[str, Any] = {}
    for attribute in attrs.fields(type(value)):
        if not attribute.init:
            continue
        current = getattr(value, attribute.name)
        if attribute.metadata.get("personal"):
            if current is not None:
                changes[attribute.name] = None
        else:
            redacted = _redact(current)
            if redacted is not current:
                changes[attribute.name.lstrip("_")] = redacted
    return attrs.evolve(value, **changes) if changes else value


def redact(record: R) -> R:
    """Return ``record`` with every field that may hold personal data set to ``None``.

    The marked fields are the representative of a membership, the channel of an
    entry point, and the free-text notes of status changes, fulfilments and reviews.
    Works on any record, including a whole :class:`~samarbejde.Portfolio`.
    """
    result: R = _redact(record)
    return result
