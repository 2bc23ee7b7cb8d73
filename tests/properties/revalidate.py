"""Rebuild a record field by field, so that every validator on the way runs again."""

from __future__ import annotations

from typing import Any

import attrs


def rebuilt(value: Any) -> Any:
    """A copy of ``value`` built again from its init fields, recursively.

    Building runs every attrs validator, so a record that breaks an invariant (one that
    an operation smuggled past construction with ``evolve``) raises ``ModelError`` here.
    """
    if isinstance(value, tuple):
        return tuple(rebuilt(item) for item in value)
    if isinstance(value, frozenset):
        return frozenset(rebuilt(item) for item in value)
    if not attrs.has(type(value)):
        return value
    fields = {a.alias: rebuilt(getattr(value, a.name)) for a in attrs.fields(type(value)) if a.init}
    return type(value)(**fields)
