"""A JSON Schema (draft 2020-12) of the document format, generated from the model.

Every record becomes a ``$defs`` entry built from its attrs fields: the field types
give the JSON types (from the type table, ``_scalars``), defaults decide what is
required, and the model's validators add the patterns, allowed values and bounds
they carry as data (ids, codes, non-blank text, kommunekoder, currencies, CVR numbers,
counts). Nothing is written by hand, so the schema follows the model.
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

from samarbejde.documents._parse import READABLE_FORMATS
from samarbejde.documents._scalars import scalar_for
from samarbejde.model._checks import AtLeast, Matches, OneOf, validators_of
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, StrategicLifecycle
from samarbejde.model.portfolio import Portfolio

__all__ = ["json_schema"]


def _narrowed(schema: dict[str, Any], attribute: attrs.Attribute[Any]) -> dict[str, Any]:
    """A scalar's schema narrowed by what the field's validators say they check."""
    for check in validators_of(attribute.validator):
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
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: Any) -> dict[str, Any]:
        name = _name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: records may refer to themselves
            self.defs[name] = self.record(cls)
        return {"$ref": f"#/$defs/{name}"}

    def record(self, cls: Any, form: str | None = None) -> dict[str, Any]:
        origin = typing.get_origin(cls) or cls
        hints = typing.get_type_hints(origin)
        params = getattr(origin, "__parameters__", ())
        bound = dict(zip(params, typing.get_args(cls), strict=False))
        properties: dict[str, Any] = {}
        required: list[str] = []
        if form is not None:
            properties["form"] = {"const": form}
            required.append("form")
        for attribute in attrs.fields(origin):
            if not attribute.init:
                continue
            kind = bound.get(hints[attribute.name], hints[attribute.name])
            properties[attribute.name] = self.of(kind, attribute)
            if attribute.default is attrs.NOTHING:
                required.append(attribute.name)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        if origin.__doc__:
            schema["description"] = origin.__doc__.strip().splitlines()[0]
        return schema

    def of(self, kind: Any, attribute: attrs.Attribute[Any]) -> dict[str, Any]:
        args = typing.get_args(kind)
        origin = typing.get_origin(kind)
        if kind == Lifecycle:
            return {"oneOf": [self.lifecycle(ProjectLifecycle), self.lifecycle(StrategicLifecycle)]}
        if args and type(None) in args:
            inner = next(a for a in args if a is not type(None))
            return {"anyOf": [self.of(inner, attribute), {"type": "null"}]}
        if origin is tuple:
            items = self.of(args[0], attribute)
            unique = {"uniqueItems": True} if _distinct(attribute) else {}
            return {"type": "array", "items": items, **unique}
        if origin is frozenset:
            return {"type": "array", "items": self.of(args[0], attribute), "uniqueItems": True}
        scalar = scalar_for(kind)
        if scalar is not None:
            return _narrowed(dict(scalar.schema), attribute)
        return self.ref(kind)

    def lifecycle(self, cls: type[Any]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = self.record(cls, form=cls.form)
        return {"$ref": f"#/$defs/{name}"}


def _name(cls: Any) -> str:
    args = typing.get_args(cls)
    origin = typing.get_origin(cls) or cls
    return str(origin.__name__) + "".join(a.__name__ for a in args)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a portfolio document, made from the model.

    The schema checks shape, types, enum values and patterns. The model's other
    invariants (dates in order, transitions, sums) are checked by the loader only.

    >>> schema = json_schema()
    >>> schema["properties"]["format"]
    {'enum': ['samarbejde/1']}
    """
    builder = _Builder()
    body = builder.record(Portfolio)
    body["properties"] = {"format": {"enum": list(READABLE_FORMATS)}, **body["properties"]}
    body["required"] = ["format", *body.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "samarbejde/1 portfolio document",
        **body,
        "$defs": dict(sorted(builder.defs.items())),
    }
