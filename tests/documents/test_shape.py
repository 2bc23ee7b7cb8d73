"""The shape of a document describes every record and field of the model, once."""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

import attrs
import pytest

from samarbejde.documents._scalars import SCALARS, scalar_for, unknowable
from samarbejde.documents._shape import (
    TAG,
    Kind,
    OptionalKind,
    RecordKind,
    ScalarKind,
    SequenceKind,
    SetKind,
    TaggedKind,
    shape,
)
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, StrategicLifecycle
from samarbejde.model.portfolio import Portfolio


def _annotation(kind: Kind) -> Any:
    """The type annotation a kind stands for: the walk, read backwards."""
    if isinstance(kind, ScalarKind):
        return kind.scalar.type
    if isinstance(kind, RecordKind):
        return kind.record.kind
    if isinstance(kind, OptionalKind):
        return _annotation(kind.inner) | None
    if isinstance(kind, SequenceKind):
        return tuple[_annotation(kind.item), ...]  # type: ignore[misc]
    if isinstance(kind, SetKind):
        return frozenset[_annotation(kind.item)]  # type: ignore[misc]
    return typing.Union[tuple(o.kind for o in kind.options)]  # noqa: UP007


def _resolved(record_kind: Any) -> dict[str, Any]:
    origin = typing.get_origin(record_kind) or record_kind
    hints = typing.get_type_hints(origin)
    table = dict(
        zip(getattr(origin, "__parameters__", ()), typing.get_args(record_kind), strict=False)
    )
    # A type variable inside a union (``P | Unknown``, D112) is replaced there too.
    return {
        name: hint[tuple(table[p] for p in hint.__parameters__)]
        if getattr(hint, "__parameters__", ()) and typing.get_origin(hint) is typing.Union
        else table.get(hint, hint)
        for name, hint in hints.items()
    }


def _without_none(hint: Any) -> Any:
    """``When`` of ``When | None``; any other hint as it is."""
    args = typing.get_args(hint)
    rest = tuple(a for a in args if a is not type(None))
    return typing.Union[rest] if len(rest) > 1 and rest != args else hint  # noqa: UP007


def _reachable(root: type[Any]) -> set[Any]:
    """Every record type the model's annotations reach from ``root``, walked apart."""
    found: set[Any] = set()
    pending = [root]
    while pending:
        kind = pending.pop()
        if kind in found:
            continue
        found.add(kind)
        for field in attrs.fields(typing.get_origin(kind) or kind):
            stack = [_resolved(kind)[field.name]]
            while stack:
                hint = stack.pop()
                if scalar_for(_without_none(hint)) is not None:  # a scalar, even a union
                    continue
                if attrs.has(typing.get_origin(hint) or hint):
                    pending.append(hint)
                stack.extend(typing.get_args(hint))
    return found


def test_every_record_the_model_reaches_is_described_once() -> None:
    described = shape(Portfolio)
    kinds = [r.kind for r in described.records]
    assert len(kinds) == len(set(kinds))
    assert set(kinds) == _reachable(Portfolio)
    assert described.root.kind is Portfolio
    assert len({r.name for r in described.records}) == len(kinds)


@pytest.mark.parametrize("record", shape(Portfolio).records, ids=lambda r: r.name)
def test_each_field_is_described_as_its_annotation_says(record: Any) -> None:
    # a record's own fields, then those it inherits (Cited's sources and note)
    init = sorted((f for f in attrs.fields(record.cls) if f.init), key=lambda f: f.inherited)
    assert [f.name for f in record.fields] == [f.name for f in init]
    hints = _resolved(record.kind)
    for field, attribute in zip(record.fields, init, strict=True):
        assert field.attribute is attribute
        assert field.key == attribute.name
        assert field.required is (attribute.default is attrs.NOTHING)
        expected = hints[field.name]
        if isinstance(expected, typing.TypeVar):  # an unspecialised enum parameter
            assert isinstance(field.kind, ScalarKind)
            assert issubclass(field.kind.scalar.type, Enum)
            continue
        assert _annotation(field.kind) == expected
    assert record.required == tuple(f for f in record.fields if f.required)
    assert record.optional == tuple(f for f in record.fields if not f.required)


def test_scalars_come_from_the_type_table() -> None:
    for record in shape(Portfolio).records:
        for field in record.fields:
            kind = field.kind
            while isinstance(kind, OptionalKind | SequenceKind | SetKind):
                kind = kind.inner if isinstance(kind, OptionalKind) else kind.item
            if not isinstance(kind, ScalarKind):
                continue
            scalar = kind.scalar
            if scalar.known is not None:  # X | Unknown: made once from X's entry
                assert scalar is unknowable(scalar.known.type)
                scalar = scalar.known
            if not (isinstance(scalar.type, type) and issubclass(scalar.type, Enum)):
                assert SCALARS[scalar.type] is scalar


def test_the_lifecycle_is_a_union_tagged_by_form() -> None:
    described = shape(Portfolio)
    lifecycle = next(f for f in described.record("Partnership").fields if f.name == "lifecycle")
    assert isinstance(lifecycle.kind, TaggedKind)
    assert lifecycle.kind.tag == TAG == "form"
    assert [o.cls for o in lifecycle.kind.options] == list(typing.get_args(Lifecycle))
    assert [o.tag_value for o in lifecycle.kind.options] == [
        ProjectLifecycle.form,
        StrategicLifecycle.form,
    ]
    members = (ProjectLifecycle, StrategicLifecycle)
    assert all(r.tag_value is None for r in described.records if r.cls not in members)


def test_a_shape_is_walked_once_per_root() -> None:
    assert shape(Portfolio) is shape(Portfolio)


@attrs.frozen
class Odd:
    value: complex


@attrs.frozen
class Node:
    name: str
    children: tuple[Node, ...] = ()


@attrs.frozen
class Untagged:
    either: Node | Portfolio


def test_a_type_without_a_document_form_is_refused() -> None:
    with pytest.raises(TypeError, match="no document form"):
        shape(Odd)
    with pytest.raises(TypeError, match="without a 'form'"):
        shape(Untagged)


def test_a_record_may_hold_itself() -> None:
    described = shape(Node)
    (children,) = described.root.optional
    assert isinstance(children.kind, SequenceKind)
    assert isinstance(children.kind.item, RecordKind)
    assert children.kind.item.record is described.root
