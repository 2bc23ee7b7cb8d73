"""The coverage gate's view of the model: every public record, its fields and its instances.

The gate (``test_coverage_gate.py``) asks of each field whether every place that must
know it does. This module answers the questions about the model itself: which records
there are (those reachable from :class:`samarbejde.Portfolio`, and every public attrs
class of the model), which field types hold which records, which value a field has by
default, and where each record sits inside a portfolio, by the paths the rules use.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

import samarbejde
from samarbejde.documents import SCALARS

#: A record's field: the record class and the field's name.
Key = tuple[type, str]

#: Values attrs builds that documents read as one scalar (an approximate date, D71): a
#: date's parts, not a record's fields, so the gate walks into none of them.
SCALAR_VALUES = frozenset(
    a for kind in SCALARS for a in typing.get_args(kind) if isinstance(a, type) and attrs.has(a)
)


def name(key: Key) -> str:
    """``Commitment.reported_to``."""
    return f"{key[0].__name__}.{key[1]}"


def fields(record: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields a record is built from (derived ``init=False`` caches left out)."""
    return tuple(f for f in attrs.fields(record) if f.init)


@functools.cache
def hints(record: type) -> dict[str, Any]:
    """The resolved type of each field of ``record``."""
    return typing.get_type_hints(record)


def records_in_type(kind: Any) -> Iterator[type]:
    """The attrs classes a type annotation holds (in unions, tuples, generics)."""
    origin = typing.get_origin(kind)
    if kind in SCALAR_VALUES:
        return
    if isinstance(kind, type) and attrs.has(kind):
        yield kind
    elif origin is not None and isinstance(origin, type) and attrs.has(origin):
        yield origin  # a generic record, e.g. PhaseChange[ProjectPhase]
    for arg in typing.get_args(kind):
        yield from records_in_type(arg)


def reachable(root: type, follow: Callable[[Key], bool] = lambda key: True) -> tuple[type, ...]:
    """The records reachable from ``root`` through the fields ``follow`` accepts, in order."""
    seen: dict[type, None] = {root: None}
    todo = [root]
    while todo:
        record = todo.pop(0)
        for field in fields(record):
            if not follow((record, field.name)):
                continue
            for inner in records_in_type(hints(record)[field.name]):
                if inner not in seen:
                    seen[inner] = None
                    todo.append(inner)
    return tuple(seen)


def public_model_records() -> tuple[type, ...]:
    """The attrs classes the root facade exports from the model."""
    found = []
    for public in samarbejde.__all__:
        value = getattr(samarbejde, public)
        if (
            isinstance(value, type)
            and attrs.has(value)
            and value not in SCALAR_VALUES
            and value.__module__.startswith("samarbejde.model.")
        ):
            found.append(value)
    return tuple(found)


#: Every record the gate walks: a portfolio's records, then the model's other public ones.
RECORDS: tuple[type, ...] = tuple(
    dict.fromkeys((*reachable(samarbejde.Portfolio), *public_model_records()))
)
#: The records a portfolio can hold.
IN_PORTFOLIO: tuple[type, ...] = reachable(samarbejde.Portfolio)


def keys(records: Iterable[type]) -> list[Key]:
    """Every ``(record, field)`` of ``records``."""
    return [(record, f.name) for record in records for f in fields(record)]


def existing(key: Key) -> bool:
    """Whether ``key`` names a field a record is built from."""
    record, field = key
    return attrs.has(record) and any(f.name == field for f in fields(record))


def default(record: type, field: str) -> Any:
    """The default of a field, or :data:`attrs.NOTHING` when it has none."""
    attribute = attrs.fields_dict(record)[field]
    value = attribute.default
    if isinstance(value, attrs.Factory):
        return value.factory()
    return value


def optional_keys(records: Iterable[type]) -> list[Key]:
    """The fields of ``records`` that have a default (a required one is always given)."""
    return [key for key in keys(records) if default(*key) is not attrs.NOTHING]


def non_default(record: object) -> Iterator[Key]:
    """The fields of ``record`` whose value differs from their default."""
    kind = type(record)
    for field in fields(kind):
        value = default(kind, field.name)
        if value is not attrs.NOTHING and getattr(record, field.name) != value:
            yield kind, field.name


def inner(value: object) -> Iterator[object]:
    """The records directly inside ``value``: in a field, a tuple or a frozenset."""
    if attrs.has(type(value)):
        for field in fields(type(value)):
            yield from _records(getattr(value, field.name))


def _records(value: object) -> Iterator[object]:
    if attrs.has(type(value)) and type(value) not in SCALAR_VALUES:
        yield value
    elif isinstance(value, (tuple, frozenset)):
        for item in value:
            yield from _records(item)


def walk(value: object) -> Iterator[object]:
    """``value`` and every record inside it, depth first."""
    yield value
    for item in inner(value):
        yield from walk(item)


def seen_set(values: Iterable[object]) -> set[Key]:
    """The fields given a non-default value somewhere in ``values`` or inside them."""
    return {key for value in values for record in walk(value) for key in non_default(record)}


# -- paths, as the rules write them ------------------------------------------------------

#: One step down from a record: the field, and the position in it (``None``: not a tuple).
Step = tuple[str, int | None]


def _label(item: object, position: int) -> str:
    for key in ("id", "organisation"):
        value = getattr(item, key, None)
        if isinstance(value, str):
            return value
    return str(position)


def located(root: object) -> Iterator[tuple[object, tuple[Step, ...], str]]:
    """Each record inside ``root`` with the steps to it and its path (``partnerships[p]``)."""

    def go(value: object, steps: tuple[Step, ...], path: str) -> Iterator[Any]:
        yield value, steps, path
        for field in fields(type(value)):
            held = getattr(value, field.name)
            where = f"{path}.{field.name}" if path else field.name
            if attrs.has(type(held)):
                yield from go(held, (*steps, (field.name, None)), where)
            elif isinstance(held, tuple):
                for position, item in enumerate(held):
                    if attrs.has(type(item)):
                        label = _label(item, position)
                        yield from go(item, (*steps, (field.name, position)), f"{where}[{label}]")

    yield from go(root, (), "")


def place(steps: tuple[Step, ...]) -> tuple[str, ...]:
    """Where the record at ``steps`` sits: the fields on the way, positions left out."""
    return tuple(field for field, _ in steps)


def replaced(root: Any, steps: tuple[Step, ...], field: str, value: object) -> Any:
    """``root`` with ``field`` of the record at ``steps`` set to ``value`` (``attrs.evolve`` up)."""
    if not steps:
        return attrs.evolve(root, **{field: value})
    (head, position), rest = steps[0], steps[1:]
    held = getattr(root, head)
    if position is None:
        return attrs.evolve(root, **{head: replaced(held, rest, field, value)})
    items = list(held)
    items[position] = replaced(items[position], rest, field, value)
    return attrs.evolve(root, **{head: tuple(items)})
