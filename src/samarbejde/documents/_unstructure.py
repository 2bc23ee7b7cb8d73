"""Generated functions that turn records into plain data, one per record class.

Each function is Python source written from the record's attrs fields and compiled
once, the way attrs writes ``__init__``: fields in declaration order, fields equal to
their default left out, each scalar written as the type table (``_scalars``) says
(inlined where it gives an expression), sets sorted, lifecycles tagged by ``form``.
It does what cattrs' generated unstructure functions do for these types, without a
dispatch per value, which makes dumping about twice as fast. :func:`make_converter`
registers them as hooks.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from enum import Enum
from typing import Any

import attrs

from samarbejde.documents._codegen import generate
from samarbejde.documents._scalars import Scalar, enum_scalar, scalar_for
from samarbejde.documents._shape import (
    TAG,
    Field,
    Kind,
    OptionalKind,
    Record,
    ScalarKind,
    SequenceKind,
    SetKind,
    TaggedKind,
    shape,
)

__all__ = ["inlinable", "record_fields", "scalar_of", "unstructure_functions", "written_when"]

Unstructure = Callable[[Any], Any]


def scalar_of(kind: Any) -> Scalar | None:
    """The table's scalar of ``kind``; a type variable of enums writes as any enum."""
    if isinstance(kind, typing.TypeVar):
        enums = kind.__constraints__
        if enums and all(isinstance(c, type) and issubclass(c, Enum) for c in enums):
            return enum_scalar(enums[0])
        return None
    return scalar_for(kind)


def record_fields(cls: type[Any]) -> tuple[list[Any], list[Any]]:
    """The fields a document holds, in the order it writes them: required, then defaulted.

    Each group keeps the declaration order; a defaulted field is written only when it
    differs from its default (:func:`written_when`).
    """
    fields = [f for f in attrs.fields(cls) if f.init]
    return (
        [f for f in fields if f.default is attrs.NOTHING],
        [f for f in fields if f.default is not attrs.NOTHING],
    )


def inlinable(cls: type[Any]) -> bool:
    """Whether a record is small enough to write inline: at most one defaulted field."""
    required, optional = record_fields(cls)
    return bool(required) and len(optional) <= 1 and not isinstance(getattr(cls, "form", None), str)


def written_when(cls: type[Any], field: Any, kind: Any, names: dict[str, Any]) -> tuple[str, Any]:
    """When a defaulted field is written, and as what type.

    Returns:
        Python source testing the value (``{}`` stands for it) for "differs from the
        default", and the type to write it as (without ``None`` for an optional field).
        A default that is neither ``None`` nor ``()`` is added to ``names``.
    """
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory()
    if default is None:
        return "{} is not None", next(a for a in typing.get_args(kind) if a is not type(None))
    if default == ():
        return "{}", kind
    default_name = f"_default_{cls.__name__}_{field.name}"
    names[default_name] = default
    return "{} != " + default_name, kind


def _written_when(record: Record, field: Field, names: dict[str, Any]) -> tuple[str, Kind]:
    """When a defaulted field is written, and as what kind (:func:`written_when`'s rule)."""
    if field.default is None:
        kind = field.kind
        return "{} is not None", kind.inner if isinstance(kind, OptionalKind) else kind
    if field.default == ():
        return "{}", field.kind
    default_name = f"_default_{record.name}_{field.name}"
    names[default_name] = field.default
    return "{} != " + default_name, field.kind


def _inlinable(record: Record) -> bool:
    """Whether a record is small enough to write inline: at most one defaulted field."""
    return bool(record.required) and len(record.optional) <= 1 and record.tag_value is None


class _Writer:
    """Writes one unstructure function per record of a shape (``_shape``)."""

    def __init__(self, *, share_text: bool = True) -> None:
        self.share_text = share_text
        self.names: dict[str, Any] = {}
        self.queued: set[str] = set()
        self.pending: list[Record] = []

    def function_name(self, record: Record) -> str:
        if record.name not in self.queued:
            self.queued.add(record.name)
            self.pending.append(record)
        return f"_unstructure_{record.name}"

    def expression(self, kind: Kind, value: str, depth: int = 0) -> str:  # noqa: PLR0911
        """Python source that turns ``value`` (of ``kind``) into plain data."""
        if isinstance(kind, TaggedKind):  # the member's own function, by its class
            *first, last = kind.options
            written = f"{self.function_name(last)}({value}, _d)"
            for option in reversed(first):
                self.names[f"_C_{option.name}"] = option.cls
                written = (
                    f"({self.function_name(option)}({value}, _d) "
                    f"if type({value}) is _C_{option.name} else {written})"
                )
            return written
        if isinstance(kind, OptionalKind):
            return f"(None if {value} is None else {self.expression(kind.inner, value, depth)})"
        if isinstance(kind, SequenceKind):
            item_kind = kind.item
            if isinstance(item_kind, ScalarKind) and item_kind.scalar.write is None:
                return f"list({value})"
            item = f"_x{depth}"
            return f"[{self.expression(item_kind, item, depth + 1)} for {item} in {value}]"
        if isinstance(kind, SetKind):
            item = f"_x{depth}"
            return f"sorted([{self.expression(kind.item, item, depth + 1)} for {item} in {value}])"
        if isinstance(kind, ScalarKind):
            return self.scalar(kind.scalar, value)
        return self.inline(kind.record, value, depth) or (
            f"{self.function_name(kind.record)}({value}, _d)"
        )

    def scalar(self, scalar: Scalar, value: str) -> str:
        """Python source writing ``value`` as the table says: inline, a call, or as it is."""
        if scalar.inline is not None:
            written = scalar.inline.format(value)
            if scalar.repeated and self.share_text:  # each distinct date written once
                return f"(_d.get({value}) or _d.setdefault({value}, {written}))"
            return written
        if scalar.write is None:
            return value
        name = f"_write_{scalar.type.__name__}"
        self.names[name] = scalar.write
        return f"{name}({value})"

    def inline(self, record: Record, value: str, depth: int) -> str | None:
        """A dict display for a small record (at most one defaulted field), saving a call."""
        if not _inlinable(record):
            return None
        bound = f"_r{depth}"
        items = [
            f"{f.key!r}: {self.expression(f.kind, f'{bound}.{f.name}', depth + 1)}"
            for f in record.required
        ]
        plain = "{" + ", ".join(items) + "}"
        if not record.optional:
            return f"({plain} if ({bound} := {value}) is not None else None)"
        field = record.optional[0]
        test, kind = _written_when(record, field, self.names)
        here = f"({bound} := {value}).{field.name}"
        written = self.expression(kind, f"{bound}.{field.name}", depth + 1)
        full = "{" + ", ".join([*items, f"{field.key!r}: {written}"]) + "}"
        return f"({full} if {test.format(here)} else {plain})"

    def source(self, record: Record) -> str:
        lines = [f"def {self.function_name(record)}(o, _d):"]
        items = [f"{TAG!r}: {record.tag_value!r}"] if record.tag_value is not None else []
        items += [f"{f.key!r}: {self.expression(f.kind, f'o.{f.name}')}" for f in record.required]
        lines.append(f"    res = {{{', '.join(items)}}}")
        for field in record.optional:
            test, kind = _written_when(record, field, self.names)
            lines += [
                f"    v = o.{field.name}",
                f"    if {test.format('v')}:",
                f"        res[{field.key!r}] = {self.expression(kind, 'v')}",
            ]
        return "\n".join([*lines, "    return res"])

    def compile(self, root: type[Any]) -> dict[type[Any], Unstructure]:
        self.function_name(shape(root).root)
        sources: dict[Record, str] = {}
        while self.pending:
            record = self.pending.pop(0)
            sources[record] = self.source(record)
        namespace = dict(self.names)
        # A generic's specialisations write alike (an enum's value): one hook per class.
        return {
            record.cls: _with_memory(
                generate("unstructure", self.function_name(record), source, namespace)
            )
            for record, source in sources.items()
        }


def _with_memory(generated: Callable[[Any, dict[Any, str]], Any]) -> Unstructure:
    """``generated`` with a new memory of written dates for each call: none is kept."""

    def unstructure(value: Any) -> Any:
        return generated(value, {})

    unstructure.__wrapped__ = generated  # type: ignore[attr-defined]
    return unstructure


def unstructure_functions(
    root: type[Any], *, share_text: bool = True
) -> dict[type[Any], Unstructure]:
    """Functions turning ``root`` and every record it holds into plain data, by class.

    Args:
        root: The outermost record class (``Portfolio``).
        share_text: Write each distinct date once per call and reuse its text (a
            dictionary lookup is about ten times faster than ``isoformat``). ``False``
            writes every date afresh: the reference the tests compare with.
    """
    return _Writer(share_text=share_text).compile(root)
