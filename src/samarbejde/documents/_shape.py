"""The shape of a document: the model's types walked once into one typed description.

:func:`shape` walks a root record class (``Portfolio``) and every record it holds, once,
and describes what a document holds: each :class:`Record` with its fields (its own in
declaration order, then those it inherits: a cited record's ``sources`` and ``note``),
each :class:`Field` with its name, its document key, whether it is required and its
default, and its :data:`Kind`:

- :class:`ScalarKind`: a value of the type table (``_scalars.SCALARS``, or an enum), or
  such a value or ``unknown`` (``X | Unknown``, :func:`~._scalars.unknowable`);
- :class:`RecordKind`: a nested record;
- :class:`OptionalKind`: a value or ``None``;
- :class:`SequenceKind`: ``tuple[X, ...]``, a list in the document;
- :class:`SetKind`: ``frozenset[X]``, a list without repeats, written sorted;
- :class:`TaggedKind`: a union of records told apart by a tag key, each member's own
  constant (a lifecycle is a ``ProjectLifecycle`` or a ``StrategicLifecycle``, told by
  ``form``).

The generators and the JSON Schema read this description instead of walking the types
themselves, so a new kind of field is taught to the description once; later readers
(spreadsheets, a workbook) read it too.

>>> from samarbejde.model.portfolio import Portfolio
>>> described = shape(Portfolio)
>>> described.root.name, [f.key for f in described.root.fields]
('Portfolio', ['organisations', 'areas', 'partnerships', 'lists'])
>>> lifecycle = next(f for f in described.record("Partnership").fields if f.name == "lifecycle")
>>> lifecycle.kind.tag, [r.tag_value for r in lifecycle.kind.options]
('form', ['project', 'strategic'])
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any, NamedTuple, Union

import attrs

from samarbejde.documents._scalars import Scalar, enum_scalar, scalar_for, unknowable
from samarbejde.model.sources import own_first
from samarbejde.model.unknown import Unknown

__all__ = [
    "TAG",
    "Field",
    "Kind",
    "OptionalKind",
    "Record",
    "RecordKind",
    "ScalarKind",
    "SequenceKind",
    "SetKind",
    "Shape",
    "TaggedKind",
    "shape",
]

#: The key that tells the members of a tagged union apart, and the class attribute
#: holding each member's value of it.
TAG = "form"


class ScalarKind(NamedTuple):
    """A value the type table reads and writes (text, a number, a date, an enum …)."""

    scalar: Scalar


class RecordKind(NamedTuple):
    """A nested record."""

    record: Record


class OptionalKind(NamedTuple):
    """``inner`` or ``None``."""

    inner: Kind


class SequenceKind(NamedTuple):
    """A tuple of items, a list in the document."""

    item: Kind


class SetKind(NamedTuple):
    """A frozen set of items, a list in the document without repeats, written sorted."""

    item: Kind


class TaggedKind(NamedTuple):
    """One of several records, told apart in the document by the key ``tag``."""

    tag: str
    options: tuple[Record, ...]


Kind = ScalarKind | RecordKind | OptionalKind | SequenceKind | SetKind | TaggedKind


class Field(NamedTuple):
    """One field of a record as a document holds it.

    Attributes:
        name: The attribute's name.
        key: The document's key for it.
        kind: What it holds.
        attribute: The attrs attribute (its validators say what the value may be).
        required: Whether a document must give it (it has no default).
        default: The default (a factory called once), or ``attrs.NOTHING``.
    """

    name: str
    key: str
    kind: Kind
    attribute: attrs.Attribute[Any]
    required: bool
    default: Any


class Record:
    """One record class as a document holds it.

    Attributes:
        kind: The type as the model annotates it: the class, or a generic's
            specialisation (``PhaseChange[ProjectPhase]``).
        cls: The attrs class.
        name: A Python name for it, unique in its shape (``PhaseChange_ProjectPhase``).
        fields: The fields a document holds (attrs' ``init`` fields), in declaration
            order.
        tag_value: Its value of :data:`TAG` when it is a member of a tagged union
            (``"project"``), else ``None``.
    """

    __slots__ = ("cls", "fields", "kind", "name", "tag_value")

    def __init__(self, kind: Any, name: str) -> None:
        self.kind = kind
        self.cls: type[Any] = typing.get_origin(kind) or kind
        self.name = name
        self.fields: tuple[Field, ...] = ()
        tag_value = getattr(self.cls, TAG, None)
        self.tag_value: str | None = tag_value if isinstance(tag_value, str) else None

    @property
    def required(self) -> tuple[Field, ...]:
        """The fields without a default, in declaration order."""
        return tuple(f for f in self.fields if f.required)

    @property
    def optional(self) -> tuple[Field, ...]:
        """The fields with a default, in declaration order."""
        return tuple(f for f in self.fields if not f.required)

    def __repr__(self) -> str:
        return f"Record({self.name}: {', '.join(f.name for f in self.fields)})"


class Shape(NamedTuple):
    """The description of every record a root record holds.

    Attributes:
        root: The root record.
        records: Every record, the root first, each once, in the order the walk met them.
    """

    root: Record
    records: tuple[Record, ...]

    def record(self, name: str) -> Record:
        """The record called ``name`` (:attr:`Record.name`)."""
        for record in self.records:
            if record.name == name:
                return record
        raise KeyError(name)


def _name(kind: Any) -> str:
    origin = typing.get_origin(kind) or kind
    args = "_".join(a.__name__ for a in typing.get_args(kind))
    return f"{origin.__name__}_{args}" if args else str(origin.__name__)


def _hints(kind: Any) -> dict[str, Any]:
    """The field types of a record, a generic's type variables replaced by its arguments."""
    origin = typing.get_origin(kind) or kind
    hints = typing.get_type_hints(origin)
    args = typing.get_args(kind)
    if args:
        table = dict(zip(origin.__parameters__, args, strict=True))
        hints = {name: _substituted(hint, table) for name, hint in hints.items()}
    return hints


def _substituted(hint: Any, table: dict[Any, Any]) -> Any:
    """``hint`` with the type variables in ``table`` replaced, also inside a union.

    ``P | Unknown`` is a phase that may be unknown (design decision D112).
    """
    if hint in table:
        return table[hint]
    parameters = getattr(hint, "__parameters__", ())
    if parameters and typing.get_origin(hint) in (Union, types.UnionType):
        return hint[tuple(table.get(p, p) for p in parameters)]
    return hint


class _Walk:
    def __init__(self) -> None:
        self.records: dict[Any, Record] = {}

    def record(self, kind: Any) -> Record:
        found = self.records.get(kind)
        if found is not None:  # met before, or being described (a record may hold itself)
            return found
        record = self.records[kind] = Record(kind, _name(kind))
        hints = _hints(kind)
        fields = []
        for attribute in own_first(record.cls):
            if not attribute.init:
                continue
            default: Any = attribute.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            fields.append(
                Field(
                    attribute.name,
                    attribute.name,  # as cattrs writes it: the name, not the alias
                    self.kind(hints[attribute.name]),
                    attribute,
                    attribute.default is attrs.NOTHING,
                    default,
                )
            )
        record.fields = tuple(fields)
        return record

    def kind(self, hint: Any) -> Kind:  # noqa: PLR0911 - one answer per kind of type
        args = typing.get_args(hint)
        origin = typing.get_origin(hint)
        if origin in (Union, types.UnionType):
            scalar = scalar_for(hint)  # a union the type table reads as one (``When``)
            if scalar is not None:
                return ScalarKind(scalar)
            options = [a for a in args if a is not type(None)]
            if Unknown in options and len(options) == 2 and len(options) == len(args):
                known = next(a for a in options if a is not Unknown)
                return ScalarKind(unknowable(_scalar_type(known)))
            if len(options) < len(args):
                inner = options[0] if len(options) == 1 else typing.Union[tuple(options)]  # noqa: UP007
                return OptionalKind(self.kind(inner))
            records = [self.record(a) for a in options]
            if not all(r.tag_value is not None for r in records):
                raise TypeError(f"a union of records without a {TAG!r} each: {hint!r}")
            return TaggedKind(TAG, tuple(records))
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return SequenceKind(self.kind(args[0]))
        if origin is frozenset:
            return SetKind(self.kind(args[0]))
        scalar = _scalar(hint)
        if scalar is not None:
            return ScalarKind(scalar)
        if attrs.has(origin or hint):
            return RecordKind(self.record(hint))
        raise TypeError(f"no document form for {hint!r}")


def _scalar_type(hint: Any) -> Any:
    """The type the scalar table knows ``hint`` by (a type variable of enums: its first)."""
    scalar = _scalar(hint)
    if scalar is None:
        raise TypeError(f"no document form for {hint!r} or unknown")
    return scalar.type


def _scalar(hint: Any) -> Scalar | None:
    """The table's scalar of ``hint``; a type variable of enums is read as its first."""
    if isinstance(hint, typing.TypeVar):
        enums = hint.__constraints__
        if enums and all(isinstance(c, type) and issubclass(c, Enum) for c in enums):
            return enum_scalar(enums[0])
        return None
    return scalar_for(hint)


def shape(root: type[Any]) -> Shape:
    """The shape of documents of ``root`` records, walked once and kept.

    Args:
        root: The outermost record class (``Portfolio``).

    Raises:
        TypeError: A field's type has no document form.
    """
    found = _SHAPES.get(root)
    if found is None:
        walk = _Walk()
        record = walk.record(root)
        found = _SHAPES.setdefault(root, Shape(record, tuple(walk.records.values())))
    return found


#: The shape of each root walked so far: a description of the model, which never changes.
_SHAPES: dict[type[Any], Shape] = {}
