"""attrs validators shared by the model. Every failure raises ModelError.

The validators that constrain a value's text or size are small immutable records
(:class:`Matches`, :class:`OneOf`, :class:`AtLeast`) rather than functions: what they
check (a pattern, the allowed values, a lower bound) is data on them, so the JSON
Schema generator reads it instead of knowing the validators by name. They are plain
slotted classes, not attrs classes: making an attrs class costs about a millisecond
at import, and ``import samarbejde`` has a budget (docs: design decision D26).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import pendulum

from samarbejde.model.approximate import Approximate, When, first_day, last_day
from samarbejde.model.errors import ModelError
from samarbejde.model.ids import ID_PATTERN
from samarbejde.model.text import Phrase, Text
from samarbejde.model.unknown import UNKNOWN

CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
#: Some character that is not white space: the test of non-blank text.
NON_BLANK = re.compile(r"\S")
#: Text a person wrote: something other than white space, and only Unicode characters
#: (a lone surrogate is none: no document or page can hold it, so a record that did
#: could not be written and read back).
TEXT = re.compile(r"(?=[\s\S]*\S)[^\ud800-\udfff]*")

T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
V = TypeVar("V", bound=Validator)


class _Check:
    """A validator that is also a record: immutable, compared and shown by its fields."""

    __slots__: tuple[str, ...] = ()
    _fields: tuple[str, ...] = ()
    #: The verdict depends on the value alone (:func:`value_only`).
    value_only = True

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)

    def __hash__(self) -> int:
        return hash((type(self), *(getattr(self, f) for f in self._fields)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({shown})"


def value_only(check: V) -> V:
    """Declare that the verdict of the validator ``check`` depends on the value alone.

    Not on the record's other fields, nor on which record holds the value: only the
    message of a failure names the record. The fast JSON load then checks a value that
    it shares between records once per load (docs: design decision D51), so a wrong
    declaration would let a bad record through: declare only what is true.
    """
    check.value_only = True  # type: ignore[attr-defined]
    return check


def is_value_only(check: object) -> bool:
    """Whether ``check`` was declared :func:`value_only`.

    Every :class:`Matches`, :class:`OneOf` and :class:`AtLeast` is.
    """
    return getattr(check, "value_only", False) is True


def validators_of(validator: object) -> list[Any]:
    """The validators in ``validator`` (a field's), in attrs' order, ``and_`` unpacked.

    The documents layer reads them to know what a field guarantees (the schema, the
    fast load, the JSON writer).

    >>> [type(v).__name__ for v in validators_of(attrs.validators.and_(is_id, is_code))]
    ['Matches', 'Matches']
    """
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    if inner is not None:
        return [v for part in inner for v in validators_of(part)]
    return [validator]


def because(key: str, /, **values: object) -> Phrase:
    """The reason ``error.reason.<key>`` of the catalogues, for a :class:`ModelError`.

    Values are given as the English message has always shown them (dates as ISO text),
    so ``str(error)`` is unchanged; :meth:`ModelError.say` gives the reason in any language.
    """
    return Phrase.of(Text(f"error.reason.{key}"), **values)


def fail(
    instance: object, attribute: attrs.Attribute[Any], value: object, reason: str | Phrase
) -> None:
    """Raise a ModelError for ``instance.attribute``."""
    raise ModelError(type(instance).__name__, attribute.name, value, reason)


class Matches(_Check):
    """A validator: text that matches a regular expression.

    Attributes:
        pattern: The expression.
        reason: What a failure says, e.g. ``"not a valid id (...)"``.
        whole: The whole text must match (``fullmatch``); otherwise some part of it.
        optional: ``None`` passes too.
        items: The value is a tuple of such texts, called this in a failure (``"ids"``).
        distinct: With ``items``: no text may appear twice.
        also: A further test of a matching text (a checksum), or ``None``.
    """

    __slots__ = (
        "_plain",
        "_test",
        "also",
        "distinct",
        "items",
        "optional",
        "pattern",
        "reason",
        "whole",
    )
    _fields = ("pattern", "reason", "whole", "optional", "items", "distinct")

    pattern: re.Pattern[str]
    reason: str | Phrase
    whole: bool
    optional: bool
    items: str | None
    distinct: bool
    also: Callable[[str], bool] | None
    _test: Callable[[str], object]
    _plain: bool

    def __init__(
        self,
        pattern: re.Pattern[str],
        reason: str | Phrase,
        *,
        whole: bool = True,
        optional: bool = False,
        items: str | None = None,
        distinct: bool = False,
        also: Callable[[str], bool] | None = None,
    ) -> None:
        self._set(
            pattern=pattern,
            reason=reason,
            whole=whole,
            optional=optional,
            items=items,
            distinct=distinct,
            also=also,
            _test=pattern.fullmatch if whole else pattern.search,
            _plain=items is None and also is None,
        )

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Fail with :attr:`reason` unless ``value`` is such a text (or texts)."""
        if self._plain and type(value) is str and self._test(value):
            return  # the common case, first: validators run on every record built
        if value is None and self.optional:
            return
        if self.items is None:
            self.check(instance, attribute, value)
            return
        if not isinstance(value, tuple):
            fail(instance, attribute, value, because("tuple_of", items=self.items))
        assert isinstance(value, tuple)
        for item in value:
            self.check(instance, attribute, item)
        if self.distinct and len(set(value)) != len(value):
            fail(instance, attribute, value, because("same_id_twice"))

    def check(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Fail unless ``value`` itself is one matching text."""
        if not isinstance(value, str):
            fail(instance, attribute, value, self.reason)
        assert isinstance(value, str)
        if self._test(value) is None or (self.also is not None and not self.also(value)):
            fail(instance, attribute, value, self.reason)

    @property
    def schema_pattern(self) -> str:
        """The expression as a JSON Schema ``pattern`` (anchored when the whole must match)."""
        return f"^{self.pattern.pattern}$" if self.whole else self.pattern.pattern


class OneOf(_Check):
    """A validator: text that is one of a set of values known to the model.

    Attributes:
        values: Gives the allowed values (called when first needed, so that a data
            file is read on first use, not on import).
        reason: What a failure says.
        optional: ``None`` passes too.
    """

    __slots__ = ("optional", "reason", "values")
    _fields = ("reason", "optional")

    values: Callable[[], Collection[str]]
    reason: str | Phrase
    optional: bool

    def __init__(
        self, values: Callable[[], Collection[str]], reason: str | Phrase, *, optional: bool = False
    ) -> None:
        self._set(values=values, reason=reason, optional=optional)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Fail with :attr:`reason` unless ``value`` is one of :attr:`values`."""
        if value is None and self.optional:
            return
        if not isinstance(value, str) or value not in self.values():
            fail(instance, attribute, value, self.reason)


class AtLeast(_Check):
    """A validator: a number not below a bound (whole numbers: never a boolean).

    Attributes:
        minimum: The bound.
        reason: What a failure says.
        exclusive: The bound itself fails too.
        whole: The value must be an ``int`` (not a ``bool``); otherwise the field's own
            type check comes first and only the bound is checked here.
        optional: ``None`` passes too.
    """

    __slots__ = ("exclusive", "minimum", "optional", "reason", "whole")
    _fields = ("minimum", "reason", "exclusive", "whole", "optional")

    minimum: int | Decimal
    reason: str | Phrase
    exclusive: bool
    whole: bool
    optional: bool

    def __init__(
        self,
        minimum: int | Decimal,
        reason: str | Phrase,
        *,
        exclusive: bool = False,
        whole: bool = False,
        optional: bool = False,
    ) -> None:
        self._set(
            minimum=minimum, reason=reason, exclusive=exclusive, whole=whole, optional=optional
        )

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        """Fail with :attr:`reason` unless ``value`` is within the bound."""
        if value is None and self.optional:
            return
        if self.whole and (not isinstance(value, int) or isinstance(value, bool)):
            fail(instance, attribute, value, self.reason)
        if value < self.minimum or (self.exclusive and value == self.minimum):
            fail(instance, attribute, value, self.reason)


_NOT_AN_ID = because("id", pattern="[a-z0-9][a-z0-9._-]{0,63}")
_BLANK = because("blank")

#: An id: ``[a-z0-9][a-z0-9._-]{0,63}``.
is_id = Matches(ID_PATTERN, _NOT_AN_ID)
#: ``None`` or an id.
is_optional_id = Matches(ID_PATTERN, _NOT_AN_ID, optional=True)
#: A tuple of distinct ids.
is_ids = Matches(ID_PATTERN, _NOT_AN_ID, items="ids", distinct=True)
#: A code from an open list: ``[a-z][a-z0-9_]{0,63}``.
is_code = Matches(CODE_PATTERN, because("code", pattern="[a-z][a-z0-9_]{0,63}"))
#: A non-blank string.
is_text = Matches(TEXT, _BLANK)
#: ``None`` or a non-blank string.
is_optional_text = Matches(TEXT, _BLANK, optional=True)
#: A tuple of non-blank strings.
is_texts = Matches(TEXT, _BLANK, items="strings")


def is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar date (``pendulum.Date``), not a date-time."""
    if not isinstance(value, pendulum.Date) or isinstance(value, pendulum.DateTime):
        fail(instance, attribute, value, because("date"))


def is_optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a calendar date."""
    if value is not None:
        is_date(instance, attribute, value)


def is_when(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar date, or one known to its year or month (:class:`Approximate`)."""
    exact = isinstance(value, pendulum.Date) and not isinstance(value, pendulum.DateTime)
    if type(value) is not Approximate and not exact:
        fail(
            instance,
            attribute,
            value,
            because("when"),
        )


def is_optional_when(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None``, a calendar date, or an :class:`Approximate` one."""
    if value is not None:
        is_when(instance, attribute, value)


def is_duration(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A positive ``pendulum.Duration`` with no negative part.

    A mixed duration such as one month minus five days has no ISO 8601 form.
    """
    if not isinstance(value, pendulum.Duration):
        fail(instance, attribute, value, because("duration"))
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
        fail(instance, attribute, value, because("negative"))
    if value.years == 0 and value.months == 0 and value.total_seconds() == 0:
        fail(instance, attribute, value, because("zero"))


def is_optional_duration(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a positive duration."""
    if value is not None:
        is_duration(instance, attribute, value)


def is_decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A finite ``Decimal`` (never a float)."""
    if not isinstance(value, Decimal) or not value.is_finite():
        fail(instance, attribute, value, because("finite"))


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
            fail(instance, attribute, value, because("must_be", names=names))

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
            fail(instance, attribute, value, because("tuple"))
        assert isinstance(value, tuple)
        for item in value:
            if not isinstance(item, kind):
                names = (
                    kind.__name__
                    if isinstance(kind, type)
                    else " or ".join(k.__name__ for k in kind)
                )
                fail(instance, attribute, item, because("items", names=names))

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
            fail(instance, attribute, k, because("duplicate", what=what))
        seen.add(k)


def in_date_order(
    instance: object,
    attribute: attrs.Attribute[Any],
    dates: Iterable[When],
) -> None:
    """Fail if the dates go backwards (an approximate date only when surely so)."""
    previous: When | None = None
    for date in dates:
        if previous is not None and last_day(date) < first_day(previous):
            fail(
                instance,
                attribute,
                date,
                because("backwards", date=f"{date}", previous=f"{previous}"),
            )
        previous = date


class OrUnknown(_Check):
    """A validator: :data:`~samarbejde.model.unknown.UNKNOWN`, or what ``checks`` allow.

    The field's own checks stay readable as data (the JSON Schema narrows the known
    form by them).

    Attributes:
        checks: The validators of a known value, in order.
    """

    __slots__ = ("checks", "value_only")
    _fields = ("checks",)

    checks: tuple[Validator, ...]

    def __init__(self, *checks: Validator) -> None:
        self._set(checks=checks, value_only=all(is_value_only(c) for c in checks))

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        """Pass :data:`UNKNOWN`; otherwise run each check."""
        if value is UNKNOWN:
            return
        for check in self.checks:
            check(instance, attribute, value)
