"""Every broken invariant of a record, not only the first one attrs stops at.

attrs runs a record's validators in field order and stops at the first failure. When
a document's record fails that way, the loader builds the record again without its
validators and runs each one itself, so that one load reports every broken field.
Only the slow, detailed path does this; valid documents never get here.
"""

from __future__ import annotations

from typing import Any

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError

from samarbejde.model.errors import ModelError

__all__ = ["every_invariant"]


def constructor_failed(error: ClassValidationError) -> bool:
    """Whether every field structured and only the record's constructor refused them."""
    return (
        len(error.exceptions) == 1
        and isinstance(error.exceptions[0], ModelError)
        and not any(
            isinstance(n, AttributeValidationNote)
            for n in getattr(error.exceptions[0], "__notes__", ())
        )
    )


def every_invariant(
    converter: cattrs.Converter, cl: type[Any], value: dict[str, Any], error: ClassValidationError
) -> ClassValidationError:
    """An error listing every ModelError of the record, or ``error`` itself."""
    found: list[Exception] = []
    try:
        fields = attrs.fields(attrs.resolve_types(cl))
        record = object.__new__(cl)
        for field in fields:
            if field.name in value and field.init:
                item = converter.structure(value[field.name], field.type)
            elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                item = field.default.factory()
            else:
                item = field.default
            object.__setattr__(record, field.name, item)
        for field in fields:
            if field.validator is not None and field.init:
                try:
                    field.validator(record, field, getattr(record, field.name))
                except ModelError as broken:
                    found.append(broken)
    except Exception:  # a generic record, or a check that needs another: keep the first error
        return error
    if len(found) <= 1:
        return error
    return ClassValidationError(error.message, found, cl)
