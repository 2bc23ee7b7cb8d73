"""The one cattrs converter: it registers the hooks the other modules define.

Scalars come from the type table (``_scalars``), records and containers from
``_hooks``, and the dump functions from ``_unstructure``, which writes them from the
same table. Nothing here knows a type's text form itself.
"""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

import attrs

from samarbejde.documents._hooks import (
    DocumentConverter,
    frozenset_factory,
    is_frozenset,
    is_homogeneous_tuple,
    is_optional,
    memoised,
    optional_factory,
    record_factory,
    tagged_hook,
    tagged_union,
    tuple_factory,
)
from samarbejde.documents._scalars import (
    SCALARS,
    InvalidValueError,
    Scalar,
    did_you_mean,
    enum_scalar,
)
from samarbejde.documents._shape import (
    Kind,
    OptionalKind,
    ScalarKind,
    SequenceKind,
    SetKind,
    Shape,
    TaggedKind,
    shape,
)
from samarbejde.documents._unstructure import unstructure_functions
from samarbejde.model import enums
from samarbejde.model.portfolio import Portfolio

# InvalidValueError and did_you_mean are read from here by the problem transformer.
__all__ = ["DocumentConverter", "InvalidValueError", "did_you_mean", "make_converter"]


def _sorted_values(values: frozenset[Any]) -> list[Any]:
    return sorted(e.value if isinstance(e, Enum) else e for e in values)


def _tagged_kinds(described: Shape) -> list[TaggedKind]:
    """Every tagged union a field of the shape holds, however nested."""
    found: list[TaggedKind] = []
    for record in described.records:
        for field in record.fields:
            kind: Kind = field.kind
            while isinstance(kind, OptionalKind | SequenceKind | SetKind):
                kind = kind.inner if isinstance(kind, OptionalKind) else kind.item
            if isinstance(kind, TaggedKind):
                found.append(kind)
    return found


def _unknowable_scalars(described: Shape) -> list[Scalar]:
    """Every scalar of the shape that may be ``unknown`` (its type ``X | Unknown``)."""
    found: dict[str, Scalar] = {}
    for record in described.records:
        for field in record.fields:
            kind: Kind = field.kind
            while isinstance(kind, OptionalKind | SequenceKind | SetKind):
                kind = kind.inner if isinstance(kind, OptionalKind) else kind.item
            if isinstance(kind, ScalarKind) and kind.scalar.known is not None:
                found.setdefault(kind.scalar.name, kind.scalar)
    return list(found.values())


def make_converter(*, detailed_validation: bool = True) -> DocumentConverter:
    """Make a new converter for documents of the format ``samarbejde/1``.

    Every call returns a fresh converter; cattrs' global converter is never touched.
    Dates, date-times and durations are ISO 8601 text, decimals are text, enums are
    their values, lifecycles are mappings tagged by ``form``, unknown keys are
    refused, and fields equal to their default are left out when unstructuring.

    Args:
        detailed_validation: Collect every problem with its path (the default). With
            ``False`` structuring stops at the first problem, faster; the loaders use
            that as a fast path and rerun with detail when it fails.

    Returns:
        The converter.

    >>> import pendulum
    >>> converter = make_converter()
    >>> converter.unstructure(pendulum.duration(months=12))
    'P12M'
    """
    converter = DocumentConverter(
        forbid_extra_keys=True,
        omit_if_default=True,
        detailed_validation=detailed_validation,
    )
    # Each enum by name: their str base would win otherwise.
    scalars = [*SCALARS.values(), *(enum_scalar(getattr(enums, name)) for name in enums.__all__)]
    for scalar in scalars:
        read = memoised(scalar.read, scalar.type) if scalar.repeated else scalar.read
        converter.register_structure_hook(scalar.type, read)
        if scalar.write is not None:
            converter.register_unstructure_hook(scalar.type, scalar.write)
            for member in typing.get_args(scalar.type):  # a union's own classes (When's)
                if member not in SCALARS:
                    converter.register_unstructure_hook(member, scalar.write)
    converter.register_structure_hook_factory(is_optional, optional_factory(converter))
    for scalar in _unknowable_scalars(shape(Portfolio)):  # X | Unknown
        converter.register_structure_hook(scalar.type, scalar.read)
        if scalar.write is not None:  # always: it writes the word unknown
            converter.register_unstructure_hook(scalar.type, scalar.write)
    converter.register_structure_hook_factory(
        is_homogeneous_tuple, tuple_factory(converter, detailed_validation)
    )
    converter.register_structure_hook_factory(is_frozenset, frozenset_factory(converter))
    converter.register_structure_hook_factory(
        attrs.has, record_factory(converter, detailed_validation)
    )
    unions = {tagged_union(kind): kind for kind in _tagged_kinds(shape(Portfolio))}
    for union, kind in unions.items():  # the lifecycle
        converter.register_structure_hook(union, tagged_hook(converter, kind))

    converter.register_unstructure_hook_func(is_frozenset, _sorted_values)
    for cls, function in unstructure_functions(Portfolio).items():
        converter.register_unstructure_hook(cls, function)
    for union in unions:  # each member by its own class's function
        converter.register_unstructure_hook(union, converter.unstructure)
    return converter
