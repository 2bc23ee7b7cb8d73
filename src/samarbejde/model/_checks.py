"""attrs validators shared by the model. Every failure raises ModelError."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import pendulum

from samarbejde.model.errors import ModelError

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")

T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def fail(instance: object, attribute: attrs.Attribute[Any], value: object, reason: str) -> None:
    """Raise a ModelError for ``instance.attribute``."""
    raise ModelError(type(instance).__name__, attribute.name, value, reason)


def is_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id: ``[a-z0-9][a-z0-9._-]{0,63}``."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        fail(instance, attribute, value, "not a valid id ([a-z0-9][a-z0-9._-]{0,63})")


def is_optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or an id."""
    if value is not None:
        is_id(instance, attribute, value)


def is_ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of distinct ids."""
    if not isinstance(value, tuple):
        fail(instance, attribute, value, "must be a tuple of ids")
    assert isinstance(value, tuple)
    for item in value:
        if not isinstance(item, str) or not ID_PATTERN.fullmatch(item):
            fail(instance, attribute, item, "not a valid id ([a-z0-9][a-z0-9._-]{0,63})")
    if len(set(value)) != len(value):
        fail(instance, attribute, value, "lists the same id twice")


def is_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A code from an open list: ``[a-z][a-z0-9_]{0,63}``."""
    if not isinstance(value, str) or not CODE_PATTERN.fullmatch(value):
        fail(instance, attribute, value, "not a valid code ([a-z][a-z0-9_]{0,63})")


def is_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-blank string."""
    if not isinstance(value, str) or not value.strip():
        fail(instance, attribute, value, "must be a non-empty string")


def is_optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a non-blank string."""
    if value is not None:
        is_text(instance, attribute, value)


def is_texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of non-blank strings."""
    if not isinstance(value, tuple):
        fail(instance, attribute, value, "must be a tuple of strings")
    assert isinstance(value, tuple)
    for item in value:
        if not isinstance(item, str) or not item.strip():
            fail(instance, attribute, item, "must be a non-empty string")


def is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar date (``pendulum.Date``), not a date-time."""
    if not isinstance(value, pendulum.Date) or isinstance(value, pendulum.DateTime):
        fail(instance, attribute, value, "must be a pendulum.Date (a calendar date)")


def is_optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a calendar date."""
    if value is not None:
        is_date(instance, attribute, value)


def is_duration(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A positive ``pendulum.Duration`` with no negative part.

    A mixed duration such as one month minus five days has no ISO 8601 form.
    """
    if not isinstance(value, pendulum.Duration):
        fail(instance, attribute, value, "must be a pendulum.Duration")
    assert isinstance(value, pendulum.Duration)
    parts = (
        value.years,
        value.months,
        value.total_seconds(),
        value.remaining_days,
        value.seconds,
        value.microseconds,
    )
    if any(part < 0 for part in parts):
        fail(instance, attribute, value, "must not be negative, in whole or in part")
    if value.years == 0 and value.months == 0 and value.total_seconds() == 0:
        fail(instance, attribute, value, "must be longer than zero")


def is_optional_duration(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a positive duration."""
    if value is not None:
        is_duration(instance, attribute, value)


def is_decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A finite ``Decimal`` (never a float)."""
    if not isinstance(value, Decimal) or not value.is_finite():
        fail(instance, attribute, value, "must be a finite Decimal")


def is_optional_decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a finite ``Decimal``."""
    if value is not None:
        is_decimal(instance, attribute, value)


def instance_of(kind: type[Any] | tuple[type[Any], ...]) -> Validator:
    """Like ``attrs.validators.instance_of`` but raising ModelError."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            fail(instance, attribute, value, f"must be {names}")

    return check


def optional_instance_of(kind: type[Any] | tuple[type[Any], ...]) -> Validator:
    """``None`` or an instance of ``kind``."""
    check = instance_of(kind)

    def optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def tuple_of(kind: type[Any] | tuple[type[Any], ...]) -> Validator:
    """A tuple whose items are all instances of ``kind``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            fail(instance, attribute, value, "must be a tuple")
        assert isinstance(value, tuple)
        for item in value:
            if not isinstance(item, kind):
                names = (
                    kind.__name__
                    if isinstance(kind, type)
                    else " or ".join(k.__name__ for k in kind)
                )
                fail(instance, attribute, item, f"items must be {names}")

    return check


def unique_by(
    instance: object,
    attribute: attrs.Attribute[Any],
    items: Iterable[T],
    key: Callable[[T], Hashable],
    what: str,
) -> None:
    """Fail if two items share the same key."""
    seen: set[Hashable] = set()
    for item in items:
        k = key(item)
        if k in seen:
            fail(instance, attribute, k, f"duplicate {what}")
        seen.add(k)


def in_date_order(
    instance: object,
    attribute: attrs.Attribute[Any],
    dates: Iterable[pendulum.Date],
) -> None:
    """Fail if the dates go backwards."""
    previous: pendulum.Date | None = None
    for date in dates:
        if previous is not None and date < previous:
            fail(instance, attribute, date, f"dates go backwards ({date} after {previous})")
        previous = date
