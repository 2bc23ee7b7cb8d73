"""Generated functions that turn records into plain data, one per record class.

Each function is Python source written from the record's description in the
document's shape (``_shape``: fields, their kinds and defaults) and compiled once,
the way attrs writes ``__init__``: fields in declaration order, fields equal to their
default left out, each scalar written as the type table (``_scalars``) says (inlined
where it gives an expression), sets sorted, lifecycles tagged by ``form``. It does
what cattrs' generated unstructure functions do for these types, without a dispatch
per value, which makes dumping about twice as fast. :func:`make_converter` registers
them as hooks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from samarbejde.documents._codegen import generate
from samarbejde.documents._scalars import Scalar
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

__all__ = ["inlinable", "unstructure_functions", "written_when"]

Unstructure = Callable[[Any], Any]


def written_when(record: Record, field: Field, names: dict[str, Any]) -> tuple[str, Kind]:
    """When a defaulted field is written, and as what kind.

    Returns:
        Python source testing the value (``{}`` stands for it) for "differs from the
        default", and the kind to write it as (the inner kind of an optional field
        whose default is ``None``). A default that is neither ``None`` nor ``()`` is
        added to ``names``.
    """
    if field.default is None:
        kind = field.kind
        return "{} is not None", kind.inner if isinstance(kind, OptionalKind) else kind
    if field.default == ():
        return "{}", field.kind
    default_name = f"_default_{record.name}_{field.name}"
    names[default_name] = field.default
    return "{} != " + default_name, field.kind


def inlinable(record: Record) -> bool:
    """Whether a record is written inline: required fields, at most one defaulted, no tag.

    The JSON writer inlines the same records.
    """
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
        name = f"_write_{scalar.name}"
        self.names[name] = scalar.write
        return f"{name}({value})"

    def inline(self, record: Record, value: str, depth: int) -> str | None:
        """A dict display for a small record (at most one defaulted field), saving a call."""
        if not inlinable(record):
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
        test, kind = written_when(record, field, self.names)
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
            test, kind = written_when(record, field, self.names)
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
