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
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, StrategicLifecycle

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


class _Writer:
    def __init__(self, *, share_text: bool = True) -> None:
        self.share_text = share_text
        self.names: dict[str, Any] = {}
        self.functions: dict[type[Any], Unstructure] = {}
        self.pending: list[type[Any]] = []

    def function_name(self, cls: type[Any]) -> str:
        if cls not in self.functions and cls not in self.pending:
            self.pending.append(cls)
        return f"_unstructure_{cls.__name__}"

    def expression(self, kind: Any, value: str, depth: int = 0) -> str:  # noqa: PLR0911
        """Python source that turns ``value`` (of type ``kind``) into plain data."""
        args = typing.get_args(kind)
        origin = typing.get_origin(kind)
        if kind == Lifecycle:
            project = self.function_name(ProjectLifecycle)
            strategic = self.function_name(StrategicLifecycle)
            return (
                f"({project}({value}, _d) if type({value}) is _ProjectLifecycle "
                f"else {strategic}({value}, _d))"
            )
        if args and type(None) in args:
            inner = next(a for a in args if a is not type(None))
            return f"(None if {value} is None else {self.expression(inner, value, depth)})"
        if origin is tuple:
            item_scalar = scalar_of(args[0])
            if item_scalar is not None and item_scalar.write is None:
                return f"list({value})"
            item = f"_x{depth}"
            return f"[{self.expression(args[0], item, depth + 1)} for {item} in {value}]"
        if origin is frozenset:
            item = f"_x{depth}"
            return f"sorted([{self.expression(args[0], item, depth + 1)} for {item} in {value}])"
        scalar = scalar_of(kind)
        if scalar is not None:
            return self.scalar(scalar, value)
        if attrs.has(origin or kind):
            return self.inline(origin or kind, value, depth) or (
                f"{self.function_name(origin or kind)}({value}, _d)"
            )
        raise TypeError(f"no way to write {kind!r}")  # pragma: no cover - model types only

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

    def inline(self, cls: type[Any], value: str, depth: int) -> str | None:
        """A dict display for a small record (at most one defaulted field), saving a call."""
        if not inlinable(cls):
            return None
        required, optional = record_fields(cls)
        hints = typing.get_type_hints(cls)
        bound = f"_r{depth}"
        items = [
            f"{f.name!r}: {self.expression(hints[f.name], f'{bound}.{f.name}', depth + 1)}"
            for f in required
        ]
        plain = "{" + ", ".join(items) + "}"
        if not optional:
            return f"({plain} if ({bound} := {value}) is not None else None)"
        field = optional[0]
        test, kind = written_when(cls, field, hints[field.name], self.names)
        here = f"({bound} := {value}).{field.name}"
        written = self.expression(kind, f"{bound}.{field.name}", depth + 1)
        full = "{" + ", ".join([*items, f"{field.name!r}: {written}"]) + "}"
        return f"({full} if {test.format(here)} else {plain})"

    def source(self, cls: type[Any]) -> str:
        hints = typing.get_type_hints(cls)
        name = self.function_name(cls)
        lines = [f"def {name}(o, _d):"]
        form = getattr(cls, "form", None)
        items = [f"'form': {form!r}"] if isinstance(form, str) else []
        required, optional = record_fields(cls)
        items += [f"{f.name!r}: {self.expression(hints[f.name], f'o.{f.name}')}" for f in required]
        lines.append(f"    res = {{{', '.join(items)}}}")
        for field in optional:
            test, kind = written_when(cls, field, hints[field.name], self.names)
            lines += [
                f"    v = o.{field.name}",
                f"    if {test.format('v')}:",
                f"        res[{field.name!r}] = {self.expression(kind, 'v')}",
            ]
        return "\n".join([*lines, "    return res"])

    def compile(self, root: type[Any]) -> dict[type[Any], Unstructure]:
        self.names["_ProjectLifecycle"] = ProjectLifecycle
        self.function_name(root)
        sources: dict[type[Any], str] = {}
        while self.pending:
            cls = self.pending.pop(0)
            sources[cls] = self.source(cls)
            self.functions[cls] = _placeholder
        namespace = dict(self.names)
        return {
            cls: _with_memory(generate("unstructure", self.function_name(cls), source, namespace))
            for cls, source in sources.items()
        }


def _with_memory(generated: Callable[[Any, dict[Any, str]], Any]) -> Unstructure:
    """``generated`` with a new memory of written dates for each call: none is kept."""

    def unstructure(value: Any) -> Any:
        return generated(value, {})

    unstructure.__wrapped__ = generated  # type: ignore[attr-defined]
    return unstructure


def _placeholder(value: Any) -> Any:  # pragma: no cover - replaced before use
    raise NotImplementedError


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
