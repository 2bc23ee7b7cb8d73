"""Records that pickle and copy their durations whole.

pendulum's ``Duration`` pickles and copies as the ``timedelta`` it extends: ``P2Y1M``
comes back as 760 days. The two compare equal (a ``timedelta`` compares by length), so
equality does not show it, but the years and months are gone: a horizon or a cadence
added to a date then ends on another day, and a document writes ``P760D``. A record
with a duration field takes :class:`KeepsDurations` as a base, which pickles (and so
copies) the record's fields with each duration written in ISO 8601 and read back.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import attrs
import pendulum

from samarbejde.model.iso import read_duration, write_duration

__all__ = ["KeepsDurations"]


class _Written(NamedTuple):
    """A duration as its ISO 8601 text, while the record is pickled."""

    text: str


class KeepsDurations:
    """A base for records with a duration field: pickling and copying keep it whole."""

    __slots__ = ()

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        cls: Any = type(self)  # an attrs class: each subclass is one
        fields = {a.name: _written(getattr(self, a.name)) for a in attrs.fields(cls)}
        return (_rebuilt, (cls, fields))


def _written(value: object) -> object:
    return _Written(write_duration(value)) if isinstance(value, pendulum.Duration) else value


def _rebuilt(cls: type[Any], fields: dict[str, object]) -> object:
    """The record ``cls`` with ``fields`` (as pickled: checked when it was made)."""
    made = object.__new__(cls)
    for name, value in fields.items():
        object.__setattr__(
            made, name, read_duration(value.text) if type(value) is _Written else value
        )
    return made
