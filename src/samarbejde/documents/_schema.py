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

__all__ = ["json_schema"]


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

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, record: Record) -> dict[str, Any]:
        name = _def_name(record)
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: records may refer to themselves
            self.defs[name] = self.record(record)
        return {"$ref": f"#/$defs/{name}"}

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
