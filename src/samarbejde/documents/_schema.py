"""A JSON Schema (draft 2020-12) of the document format, generated from the model.

Every record becomes a ``$defs`` entry built from its attrs fields: the field types
give the JSON types, defaults decide what is required, and the model's validators
add the patterns and ranges they enforce (ids, codes, non-blank text, kommunekoder,
currencies). Nothing is written by hand, so the schema follows the model.
"""

from __future__ import annotations

import typing
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs
import pendulum

from samarbejde.documents._parse import READABLE_FORMATS
from samarbejde.model import _checks, iso
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, StrategicLifecycle
from samarbejde.model.municipalities import municipalities
from samarbejde.model.portfolio import Portfolio

__all__ = ["json_schema"]

_ID = {"type": "string", "pattern": f"^{_checks.ID_PATTERN.pattern}$"}
_CODE = {"type": "string", "pattern": f"^{_checks.CODE_PATTERN.pattern}$"}
_TEXT = {"type": "string", "pattern": r"\S"}
_DATE = {"type": "string", "format": "date", "pattern": f"^{iso.DATE_PATTERN}$"}
_DATETIME = {"type": "string", "format": "date-time"}
_DURATION = {"type": "string", "pattern": f"^{iso.DURATION_PATTERN}$"}
_DECIMAL = {"type": "string", "pattern": f"^{iso.DECIMAL_PATTERN}$"}


def _validators(attribute: attrs.Attribute[Any]) -> list[Any]:
    found: list[Any] = []
    pending = [attribute.validator]
    while pending:
        current = pending.pop()
        inner = getattr(current, "_validators", None)
        if inner is not None:
            pending.extend(inner)
        elif current is not None:
            found.append(current)
    return found


def _string_rule(attribute: attrs.Attribute[Any]) -> dict[str, Any] | None:  # noqa: PLR0911
    names = {getattr(v, "__name__", "") for v in _validators(attribute)}
    if names & {"is_id", "is_optional_id", "is_ids"}:
        return _ID
    if "is_code" in names:
        return _CODE
    if names & {"_municipality", "_kommunekode"}:
        return {"type": "string", "enum": sorted(municipalities())}
    if "_currency" in names:
        return {"type": "string", "pattern": "^[A-Z]{3}$"}
    if "_cvr_valid" in names:
        return {"type": "string", "pattern": "^[0-9]{8}$"}
    if names & {"is_text", "is_optional_text", "is_texts"}:
        return _TEXT
    return None


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

    def of(self, kind: Any, attribute: attrs.Attribute[Any]) -> dict[str, Any]:  # noqa: PLR0911
        args = typing.get_args(kind)
        origin = typing.get_origin(kind)
        if kind == Lifecycle:
            return {"oneOf": [self.lifecycle(ProjectLifecycle), self.lifecycle(StrategicLifecycle)]}
        if args and type(None) in args:
            inner = next(a for a in args if a is not type(None))
            return {"anyOf": [self.of(inner, attribute), {"type": "null"}]}
        if origin is tuple:
            items = self.of(args[0], attribute)
            unique = {"uniqueItems": True} if items.get("pattern") == _ID["pattern"] else {}
            return {"type": "array", "items": items, **unique}
        if origin is frozenset:
            return {"type": "array", "items": self.of(args[0], attribute), "uniqueItems": True}
        if isinstance(kind, type) and issubclass(kind, Enum):
            return {"enum": [member.value for member in kind]}
        if kind is str:
            return dict(_string_rule(attribute) or {"type": "string"})
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer", "minimum": 0}
        if kind is Decimal:
            return dict(_DECIMAL)
        if kind is pendulum.DateTime:
            return dict(_DATETIME)
        if kind is pendulum.Date:
            return dict(_DATE)
        if kind is pendulum.Duration:
            return dict(_DURATION)
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
