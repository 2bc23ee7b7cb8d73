"""A JSON Schema (draft 2020-12) of the document format, generated from the model.

Every record of the document's shape (``_shape``, the model walked once) becomes a
``$defs`` entry: the fields' kinds give the JSON types (scalars from the type table,
``_scalars``), defaults decide what is required, and the model's validators add the
patterns, allowed values and bounds they carry as data (ids, codes, non-blank text,
kommunekoder, currencies, CVR numbers, counts). Nothing is written by hand, so the
schema follows the model.
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

from samarbejde.documents._parse import READABLE_FORMATS
from samarbejde.documents._shape import (
    TAG,
    Kind,
    OptionalKind,
    Record,
    ScalarKind,
    SequenceKind,
    SetKind,
    TaggedKind,
    shape,
)
from samarbejde.model._checks import AtLeast, Matches, OneOf, OrUnknown, validators_of
from samarbejde.model.portfolio import Portfolio

__all__ = ["json_schema", "schema", "schemas"]

#: Where a standalone schema keeps the records it refers to.
_DEFS = "#/$defs/"


def _narrowed(schema: dict[str, Any], attribute: attrs.Attribute[Any]) -> dict[str, Any]:
    """A scalar's schema narrowed by what the field's validators say they check."""
    checks = validators_of(attribute.validator)
    checks = [c for o in checks for c in (o.checks if isinstance(o, OrUnknown) else (o,))]
    for check in checks:
        if isinstance(check, Matches) and schema.get("type") == "string":
            schema["pattern"] = check.schema_pattern
        elif isinstance(check, OneOf) and schema.get("type") == "string":
            schema["enum"] = sorted(check.values())
        elif isinstance(check, AtLeast) and schema.get("type") == "integer":
            bound = "exclusiveMinimum" if check.exclusive else "minimum"
            schema[bound] = check.minimum
    return schema


def _distinct(attribute: attrs.Attribute[Any]) -> bool:
    return any(isinstance(v, Matches) and v.distinct for v in validators_of(attribute.validator))


class _Builder:
    """Writes the schema of each record of a :class:`~samarbejde.documents._shape.Shape`."""

    def __init__(self, prefix: str = _DEFS) -> None:
        self.defs: dict[str, Any] = {}
        self.prefix = prefix

    def ref(self, record: Record) -> dict[str, Any]:
        name = _def_name(record)
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: records may refer to themselves
            self.defs[name] = self.record(record)
        return {"$ref": f"{self.prefix}{name}"}

    def record(self, record: Record) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        if record.tag_value is not None:
            properties[TAG] = {"const": record.tag_value}
            required.append(TAG)
        for field in record.fields:
            properties[field.key] = self.of(field.kind, field.attribute)
            if field.required:
                required.append(field.key)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        if record.cls.__doc__:
            schema["description"] = record.cls.__doc__.strip().splitlines()[0]
        return schema

    def of(self, kind: Kind, attribute: attrs.Attribute[Any]) -> dict[str, Any]:  # noqa: PLR0911
        if isinstance(kind, TaggedKind):
            return {"oneOf": [self.ref(option) for option in kind.options]}
        if isinstance(kind, OptionalKind):
            return {"anyOf": [self.of(kind.inner, attribute), {"type": "null"}]}
        if isinstance(kind, SequenceKind):
            items = self.of(kind.item, attribute)
            unique = {"uniqueItems": True} if _distinct(attribute) else {}
            return {"type": "array", "items": items, **unique}
        if isinstance(kind, SetKind):
            return {"type": "array", "items": self.of(kind.item, attribute), "uniqueItems": True}
        if isinstance(kind, ScalarKind):
            scalar = kind.scalar
            if scalar.known is not None:  # the known form, narrowed, or the text unknown
                known = _narrowed(dict(scalar.known.schema), attribute)
                return {"anyOf": [known, {"const": "unknown"}]}
            return _narrowed(dict(scalar.schema), attribute)
        return self.ref(kind.record)


def _def_name(record: Record) -> str:
    """The name in ``$defs``: a generic's arguments follow (``PhaseChangeProjectPhase``)."""
    return str(record.cls.__name__) + "".join(a.__name__ for a in typing.get_args(record.kind))


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a portfolio document, made from the model.

    The schema checks shape, types, enum values and patterns. The model's other
    invariants (dates in order, transitions, sums) are checked by the loader only.

    >>> schema = json_schema()
    >>> schema["properties"]["format"]
    {'enum': ['samarbejde/1']}
    """
    builder = _Builder()
    body = builder.record(shape(Portfolio).root)
    body["properties"] = {"format": {"enum": list(READABLE_FORMATS)}, **body["properties"]}
    body["required"] = ["format", *body.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "samarbejde/1 portfolio document",
        **body,
        "$defs": dict(sorted(builder.defs.items())),
    }


def _record_named(record_type: type[Any] | str) -> Record:
    """The record of the document's shape that ``record_type`` (a class or its name) is."""
    described = shape(Portfolio)
    for record in described.records:
        if record.cls is record_type or _def_name(record) == record_type:
            return record
    known = ", ".join(sorted(_def_name(r) for r in described.records))
    raise ValueError(f"{record_type!r} is not a record of a portfolio document; known: {known}")


def schema(record_type: type[Any] | str) -> dict[str, Any]:
    """A standalone JSON Schema (draft 2020-12) of one record as documents write it.

    Made from the same description as :func:`json_schema` (the portfolio's is the same
    ``$defs`` entry), so an API can validate or document one partnership, organisation
    or area on its own. The records it holds are in its ``$defs``.

    Args:
        record_type: The record class (``Partnership``) or its name in ``$defs``
            (``"Partnership"``, ``"PhaseChangeProjectPhase"``).

    Raises:
        ValueError: It is not a record a portfolio document holds.

    >>> from samarbejde import Area
    >>> area = schema(Area)
    >>> area["required"], area["properties"]["id"]["pattern"]
    (['id', 'name', 'municipality'], '^[a-z0-9][a-z0-9._-]{0,63}$')
    """
    builder = _Builder()
    record = _record_named(record_type)
    body = builder.record(record)
    defs = {"$defs": dict(sorted(builder.defs.items()))} if builder.defs else {}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"samarbejde/1 {_def_name(record)}",
        **body,
        **defs,
    }


def schemas(ref_prefix: str = "#/components/schemas/") -> dict[str, Any]:
    """Every record's JSON Schema by its name, referring to each other under ``ref_prefix``.

    Put the result under an OpenAPI 3.1 document's ``components.schemas`` (the
    default prefix) and refer to a record as ``{"$ref":
    "#/components/schemas/Partnership"}``; the portfolio is ``"Portfolio"``. Each is
    the same as its :func:`schema`, without the ``$defs``.

    >>> found = schemas()
    >>> found["Portfolio"]["properties"]["areas"]["items"]
    {'$ref': '#/components/schemas/Area'}
    """
    builder = _Builder(ref_prefix)
    for record in shape(Portfolio).records:
        builder.ref(record)
    return dict(sorted(builder.defs.items()))
