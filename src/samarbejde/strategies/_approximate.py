"""Loosen a drawn record: some of its dates become the year or month that holds them.

A portfolio is drawn with exact days, then each field that takes an approximate date
(typed :data:`~samarbejde.model.approximate.When`) may be loosened to the year or
month holding its day (design decision D71), when that year or month lies inside the
window the portfolio was drawn in. The invariants only refuse what is surely wrong, and
an interval holds the day it was drawn from, so a valid record stays valid; every
property test that draws portfolios meets approximate dates this way.
"""

from __future__ import annotations

import typing
from typing import Any, TypeVar

import attrs
import pendulum
from hypothesis import strategies as st

from samarbejde.model.approximate import When, first_day, last_day
from samarbejde.model.history import PhaseChange
from samarbejde.strategies._values import approximately

__all__ = ["loosen"]

R = TypeVar("R")

_OPTIONAL_WHEN = typing.Optional[When]  # noqa: UP045 - compared with resolved hints


def _fields(cls: type[Any]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``cls`` to walk: ``(name, takes an approximate date)``."""
    known = _FIELDS.get(cls)
    if known is not None:
        return known
    hints = typing.get_type_hints(cls)
    found = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        hint = hints[field.name]
        # A phase's day stays a day: only an unknown phase may be approximate, and
        # the lifecycle strategy draws that one itself (design decision D112).
        when = hint in (When, _OPTIONAL_WHEN) and not (cls is PhaseChange and field.name == "on")
        found.append((field.name, when))
    return _FIELDS.setdefault(cls, tuple(found))


#: The fields of each record class met so far (the model's classes never change).
_FIELDS: dict[type[Any], tuple[tuple[str, bool], ...]] = {}


def loosen(draw: st.DrawFn, record: R, first: pendulum.Date, last: pendulum.Date) -> R:
    """``record`` with exact days of its ``When`` fields perhaps loosened, however nested.

    Args:
        draw: Hypothesis' draw.
        record: A record drawn with exact days.
        first: The first day a loosened date may reach back to.
        last: The last day it may reach to (``as_of``, when the portfolio has one).
    """
    return typing.cast(R, _loosen(draw, record, first, last))


def _loosen(draw: st.DrawFn, value: Any, first: pendulum.Date, last: pendulum.Date) -> Any:
    if isinstance(value, tuple):
        items = tuple(_loosen(draw, item, first, last) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if not attrs.has(type(value)):
        return value
    changes: dict[str, Any] = {}
    for name, takes_when in _fields(type(value)):
        held = getattr(value, name)
        if takes_when:
            if type(held) is pendulum.Date:
                new = approximately(held, draw(st.integers(0, 3)))
                if new is not held and first <= first_day(new) and last_day(new) <= last:
                    changes[name] = new
        elif isinstance(held, tuple) or attrs.has(type(held)):
            new = _loosen(draw, held, first, last)
            if new is not held:
                changes[name] = new
    return attrs.evolve(value, **changes) if changes else value
