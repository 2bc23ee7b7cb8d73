"""The one cattrs converter: every structure and unstructure hook lives here.

Hooks are strict. They never coerce: ``5`` is not the text ``"5"``, ``"5"`` is not the
number ``5``, a date-time is not a date, and a string is not a list of characters.
Every failure raises :class:`InvalidValueError` with a message a person can act on; the
problem transformer turns those into located problems.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, Union

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from samarbejde.documents._invariants import constructor_failed, every_invariant
from samarbejde.documents._unstructure import unstructure_functions
from samarbejde.model import enums
from samarbejde.model.areas import Classification
from samarbejde.model.history import PhaseChange, StatusChange
from samarbejde.model.iso import IsoTextError, read_date, read_decimal, read_duration, write_date
from samarbejde.model.iso import write_decimal as format_decimal
from samarbejde.model.iso import write_duration as format_duration
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, StrategicLifecycle
from samarbejde.model.money import Money, Quantity
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.terms import Term

__all__ = [
    "InvalidValueError",
    "describe",
    "did_you_mean",
    "format_decimal",
    "format_duration",
    "make_converter",
    "parse_duration",
]

_LIFECYCLE_FORMS: dict[str, type[ProjectLifecycle] | type[StrategicLifecycle]] = {
    "project": ProjectLifecycle,
    "strategic": StrategicLifecycle,
}
_Hook = Callable[[Any, Any], Any]
#: Value records that documents repeat (terms, amounts, dated entries). Frozen, so the
#: fast path shares one instance per distinct raw mapping.
_SHARED: tuple[type[Any], ...] = (Term, Quantity, Money, StatusChange, PhaseChange, Classification)
_MEMO_LIMIT = 65_536


class DocumentConverter(cattrs.Converter):
    """A cattrs converter that shares equal values within one document.

    Documents repeat the same terms, amounts, dates and dated entries many times; the
    fast path builds each distinct one once. The memory lasts until :meth:`forget`,
    which the loaders call after every document, so nothing is kept between loads.

    Attributes:
        memos: The converter's memories of values built, one per kind of value.
    """

    __slots__ = ("memos",)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.memos: list[dict[Any, Any]] = []

    def memo(self) -> dict[Any, Any]:
        """A new, empty memory that :meth:`forget` will clear."""
        memo: dict[Any, Any] = {}
        self.memos.append(memo)
        return memo

    def forget(self) -> None:
        """Clear every memory: values of the last document are not kept."""
        for memo in self.memos:
            memo.clear()


class InvalidValueError(ValueError):
    """A value in a document has the wrong type or form.

    Attributes:
        message: What is wrong, in English, naming what was expected.
    """

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def describe(value: object) -> str:  # noqa: PLR0911 - one answer per kind of value
    """Name a raw document value for a message: ``the number 5``, ``a list``."""
    if value is None:
        return "null (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, _dt.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, _dt.date):
        return f"the date {value.isoformat()}"
    return f"a value of type {type(value).__name__}"


def did_you_mean(value: object, choices: typing.Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` when a choice is close to ``value``, else ``""``."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _quote_hint(value: object) -> str:
    if isinstance(value, bool):
        return " (YAML reads yes/no/on/off/true/false as booleans: put the text in quotes)"
    if isinstance(value, int | float):
        return " (put it in quotes to write it as text)"
    return ""


# -- scalars -------------------------------------------------------------------------------


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is str:
        return value
    raise InvalidValueError(f"expected text, got {describe(value)}{_quote_hint(value)}")


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise InvalidValueError(f"expected a whole number, got {describe(value)}")


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise InvalidValueError(f"expected true or false, got {describe(value)}")


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if type(value) is str:
        try:
            return read_decimal(value)
        except IsoTextError:
            pass
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise InvalidValueError(
            f'expected a decimal number written as text, e.g. "{value}", got {describe(value)}'
        )
    raise InvalidValueError(
        f'expected a decimal number written as text, e.g. "25.5", got {describe(value)}'
    )


def _memo_dates(memo: dict[Any, pendulum.Date]) -> _Hook:
    """Dates repeat all over a document: parse each text once, share the (immutable) Date."""

    def structure(value: Any, _: Any) -> pendulum.Date:
        found = memo.get(value) if type(value) is str else None
        if found is None:
            found = _structure_date(value, _)
            if type(value) is str:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                memo[value] = found
        return found

    return structure


def _structure_date(value: Any, _: Any) -> pendulum.Date:
    if type(value) is str:
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return read_date(value)
            except IsoTextError as error:
                raise InvalidValueError(error.message) from None
        if len(value) > 10 and value[:10].count("-") == 2 and value[10] in "T t":
            raise InvalidValueError(f"expected a date (YYYY-MM-DD), got the date-time {value!r}")
        raise InvalidValueError(f"expected a date (YYYY-MM-DD), got {describe(value)}")
    if type(value) is _dt.date:  # a TOML date literal
        return pendulum.Date(value.year, value.month, value.day)
    raise InvalidValueError(f"expected a date (YYYY-MM-DD), got {describe(value)}")


def _structure_datetime(value: Any, _: Any) -> pendulum.DateTime:
    parsed: _dt.datetime | None = None
    if isinstance(value, _dt.datetime):
        parsed = value
    elif type(value) is str and len(value) > 10 and value[10] in "Tt ":
        try:
            parsed = _dt.datetime.fromisoformat(value)
        except ValueError:
            raise InvalidValueError(f"not an ISO 8601 date-time: {value!r}") from None
    if parsed is None:
        raise InvalidValueError(
            f"expected an ISO 8601 date-time with offset, got {describe(value)}"
        )
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise InvalidValueError(f"a date-time needs a UTC offset (e.g. +01:00), got {value!s}")
    return pendulum.instance(parsed)


def parse_duration(text: str) -> pendulum.Duration:
    """Read an ISO 8601 duration (:func:`samarbejde.model.iso.read_duration`).

    Raises:
        InvalidValueError: The text is not such a duration.

    >>> parse_duration("P1Y6M").months
    6
    """
    try:
        return read_duration(text)
    except IsoTextError as error:
        raise InvalidValueError(error.message) from None


def _structure_duration(value: Any, _: Any) -> pendulum.Duration:
    if type(value) is str:
        return parse_duration(value)
    raise InvalidValueError(
        f"expected an ISO 8601 duration such as P1Y or P3M, got {describe(value)}"
    )


def _enum_hook(enum: type[Enum]) -> _Hook:
    table = {member.value: member for member in enum}
    allowed = ", ".join(str(v) for v in table)

    def structure(value: Any, _: Any) -> Enum:
        if type(value) is str:
            member = table.get(value)
            if member is not None:
                return member
            raise InvalidValueError(
                f"unknown {enum.__name__} {value!r}{did_you_mean(value, table)} "
                f"(allowed: {allowed})"
            )
        raise InvalidValueError(f"expected one of {allowed}, got {describe(value)}")

    return structure


# -- containers ----------------------------------------------------------------------------


def _is_homogeneous_tuple(cl: Any) -> bool:
    args = typing.get_args(cl)
    return typing.get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_frozenset(cl: Any) -> bool:
    return typing.get_origin(cl) is frozenset


def _is_optional(cl: Any) -> bool:
    args = typing.get_args(cl)
    origin = typing.get_origin(cl)
    return (
        origin in (Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
        and cl != Lifecycle
    )


def _tuple_factory(converter: cattrs.Converter, detailed: bool) -> Callable[[Any], _Hook]:
    def factory(cl: Any) -> _Hook:
        item_type = typing.get_args(cl)[0]
        item = converter.get_structure_hook(item_type)

        def fast(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise InvalidValueError(f"expected a list, got {describe(value)}")
            return tuple([item(x, item_type) for x in value])

        def checked(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise InvalidValueError(f"expected a list, got {describe(value)}")
            out: list[Any] = []
            errors: list[Exception] = []
            for index, x in enumerate(value):
                try:
                    out.append(item(x, item_type))
                except Exception as error:
                    note = IterableValidationNote(f"@ index {index}", index, item_type)
                    setattr(error, "__notes__", [*getattr(error, "__notes__", []), note])  # noqa: B010
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
            return tuple(out)

        return checked if detailed else fast

    return factory


def _frozenset_factory(converter: cattrs.Converter) -> Callable[[Any], _Hook]:
    def factory(cl: Any) -> _Hook:
        item_type = typing.get_args(cl)[0]
        item = converter.get_structure_hook(item_type)

        def structure(value: Any, _: Any) -> frozenset[Any]:
            if type(value) is not list:
                raise InvalidValueError(f"expected a list, got {describe(value)}")
            items = [item(x, item_type) for x in value]
            result = frozenset(items)
            if len(result) != len(items):
                twice = next(x for i, x in enumerate(items) if x in items[:i])
                raise InvalidValueError(f"lists {twice!s} more than once")
            return result

        return structure

    return factory


def _optional_factory(converter: cattrs.Converter) -> Callable[[Any], _Hook]:
    def factory(cl: Any) -> _Hook:
        inner_type = next(a for a in typing.get_args(cl) if a is not type(None))
        inner = converter.get_structure_hook(inner_type)

        def structure(value: Any, _: Any) -> Any:
            return None if value is None else inner(value, inner_type)

        return structure

    return factory


def _record_factory(converter: DocumentConverter, detailed: bool) -> Callable[[Any], _Hook]:
    memos: dict[Any, dict[Any, Any]] = {}

    def factory(cl: Any) -> _Hook:
        generated = make_dict_structure_fn(
            cl,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=detailed,
        )
        if not detailed:
            if (typing.get_origin(cl) or cl) in _SHARED:
                # One memory per class: cattrs asks the factory once per field.
                if cl not in memos:
                    memos[cl] = converter.memo()
                return _shared(generated, cl, memos[cl])
            return generated
        name = getattr(cl, "__name__", str(cl))
        allowed = {a.name for a in attrs.fields(typing.get_origin(cl) or cl) if a.init}

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise InvalidValueError(f"expected a mapping ({name}), got {describe(value)}")
            try:
                return generated(value, cl)
            except ClassValidationError as error:
                if constructor_failed(error):
                    raise every_invariant(converter, cl, value, error) from None
                if all(isinstance(e, ForbiddenExtraKeysError) for e in error.exceptions):
                    # Only unknown keys: check the rest too, so one load reports both.
                    known = {k: v for k, v in value.items() if k in allowed}
                    try:
                        structure(known, cl)
                    except ClassValidationError as more:
                        both = [*error.exceptions, *more.exceptions]
                        raise ClassValidationError(error.message, both, cl) from None
                raise

        return structure

    return factory


def _shared(generated: _Hook, cl: Any, memo: dict[Any, Any]) -> _Hook:
    def structure(value: Any, _: Any) -> Any:
        key = tuple(value.items())  # any trouble (not a mapping) fails the fast path
        found = memo.get(key)
        if found is None:
            found = generated(value, cl)
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = found
        return found

    return structure


def _lifecycle_hook(converter: cattrs.Converter) -> _Hook:
    forms = ", ".join(_LIFECYCLE_FORMS)

    def structure(value: Any, _: Any) -> Lifecycle:
        if type(value) is not dict:
            raise InvalidValueError(f"expected a mapping (a lifecycle), got {describe(value)}")
        form = value.get("form")
        cls = _LIFECYCLE_FORMS.get(form) if type(form) is str else None
        if cls is None:
            if "form" not in value:
                raise InvalidValueError("a lifecycle needs `form: project` or `form: strategic`")
            raise InvalidValueError(
                f"unknown lifecycle form {form!r}{did_you_mean(form, _LIFECYCLE_FORMS)} "
                f"(allowed: {forms})"
            )
        rest = {k: v for k, v in value.items() if k != "form"}
        result: Lifecycle = converter.structure(rest, cls)
        return result

    return structure


# -- unstructuring -------------------------------------------------------------------------


def _enum_value(value: Enum) -> Any:
    return value.value


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

    >>> converter = make_converter()
    >>> converter.unstructure(pendulum.duration(months=12))
    'P12M'
    """
    converter = DocumentConverter(
        forbid_extra_keys=True,
        omit_if_default=True,
        detailed_validation=detailed_validation,
    )
    structure_scalars: dict[Any, _Hook] = {
        str: _structure_str,
        int: _structure_int,
        bool: _structure_bool,
        Decimal: _structure_decimal,
        pendulum.Date: _memo_dates(converter.memo()),
        pendulum.DateTime: _structure_datetime,
        pendulum.Duration: _structure_duration,
    }
    for kind, hook in structure_scalars.items():
        converter.register_structure_hook(kind, hook)
    for name in enums.__all__:  # each enum by name: their str base would win otherwise
        enum = getattr(enums, name)
        converter.register_structure_hook(enum, _enum_hook(enum))
    converter.register_structure_hook_factory(_is_optional, _optional_factory(converter))
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, _tuple_factory(converter, detailed_validation)
    )
    converter.register_structure_hook_factory(_is_frozenset, _frozenset_factory(converter))
    converter.register_structure_hook_factory(
        attrs.has, _record_factory(converter, detailed_validation)
    )
    converter.register_structure_hook(Lifecycle, _lifecycle_hook(converter))

    converter.register_unstructure_hook(pendulum.DateTime, lambda v: v.isoformat())
    converter.register_unstructure_hook(pendulum.Date, write_date)
    converter.register_unstructure_hook(pendulum.Duration, format_duration)
    converter.register_unstructure_hook(Decimal, format_decimal)
    for name in enums.__all__:  # each enum by name: their str base would win otherwise
        converter.register_unstructure_hook(getattr(enums, name), _enum_value)
    converter.register_unstructure_hook_func(
        _is_frozenset, lambda v: sorted(e.value if isinstance(e, Enum) else e for e in v)
    )
    for cls, function in unstructure_functions(Portfolio, format_decimal, format_duration).items():
        converter.register_unstructure_hook(cls, function)
    converter.register_unstructure_hook(Lifecycle, converter.unstructure)
    return converter
