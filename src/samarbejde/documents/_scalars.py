"""The one table keyed by type: how each scalar of the model is read and written.

A document holds records and lists of scalars: text, whole numbers, booleans, decimals
(as text), dates, date-times and durations (ISO 8601 text), and enum values. For each
scalar type :data:`SCALARS` says, once:

- how to read it from plain data, strictly (the structure hook);
- how to write it as plain data (a function, and the Python expression that the
  generated dump functions inline instead of calling it);
- its JSON Schema;
- the kind of column it becomes in a pandas frame.

The converter's hooks, the generated dump functions (``_unstructure``), the JSON Schema
(``_schema``) and the frames (:mod:`samarbejde.analysis.frames`) all read this table.
Its ``read``/``write`` pairs are plain functions of one value, so a faster
encoder (msgspec's ``dec_hook``/``enc_hook``) can be driven by the same table. The
ISO 8601 and decimal text itself (readers, writers, patterns) is
:mod:`samarbejde.model.iso`'s; this table adds the strictness about the raw value's
type and the messages that name it.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

import attrs
import pendulum

from samarbejde.documents._problems import Said, english, said
from samarbejde.model import iso
from samarbejde.model.approximate import Approximate, When
from samarbejde.model.iso import write_decimal as format_decimal
from samarbejde.model.iso import write_duration as format_duration
from samarbejde.model.labels import label
from samarbejde.model.text import Phrase
from samarbejde.model.unknown import UNKNOWN, Unknown

__all__ = [
    "SCALARS",
    "Column",
    "InvalidValueError",
    "Scalar",
    "describe",
    "did_you_mean",
    "enum_scalar",
    "format_decimal",
    "format_duration",
    "parse_duration",
    "scalar_for",
    "unknowable",
]

#: The kinds of frame column: pandas dtypes by name (``category`` for enums).
Column = Literal["string", "int", "bool", "float", "date", "category"]


class InvalidValueError(ValueError):
    """A value in a document has the wrong type or form.

    Attributes:
        message: What is wrong, in English, naming what was expected.
        phrase: What is wrong in every language, when the catalogues say it.
    """

    def __init__(self, message: Said) -> None:
        self.message = english(message)
        self.phrase = None if isinstance(message, str) else message
        super().__init__(self.message)


def describe(value: object) -> Phrase:  # noqa: PLR0911 - one answer per kind of value
    """Name a raw document value for a message: ``the number 5``, ``a list``.

    >>> english(describe(5)), english(describe([]))
    ('the number 5', 'a list')
    """
    if value is None:
        return said("value.null")
    if isinstance(value, bool):
        return said("value.boolean", value=str(value).lower())
    if isinstance(value, int | float):
        return said("value.number", value=repr(value))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return said("value.text", value=repr(shown))
    if isinstance(value, list):
        return said("value.list")
    if isinstance(value, dict):
        return said("value.mapping")
    if isinstance(value, _dt.datetime):
        return said("value.datetime", value=value.isoformat())
    if isinstance(value, _dt.date):
        return said("value.date", value=value.isoformat())
    return said("value.other", kind=type(value).__name__)


#: YAML 1.1 tools read the key ``on`` as true and write it ``true``; the YAML reader
#: undoes that, and other formats get this hint (design decision D33).
ON_READ_AS_TRUE = said("hint.on")


def did_you_mean(
    value: object,
    choices: Iterable[str],
    aliases: Mapping[str, str] | None = None,
) -> Said:
    """``"; did you mean 'x'?"`` (a phrase) when a choice is close to ``value``, else ``""``.

    Letter case is ignored (``AGREED`` suggests ``agreed``), and ``aliases`` maps other
    words for a choice, case-folded (Danish and English labels), to the choice.
    """
    if not isinstance(value, str):
        return ""
    pool = sorted(choices)
    if value in ("true", "True") and "on" in pool:
        return ON_READ_AS_TRUE
    folded = {c.casefold(): c for c in pool}
    if aliases:
        folded = {**{k.casefold(): v for k, v in aliases.items()}, **folded}
    wanted = value.casefold().strip()
    if wanted in folded:
        return said("hint.did_you_mean", choice=repr(folded[wanted]))
    close = difflib.get_close_matches(value, pool, n=1, cutoff=0.6) or [
        folded[c] for c in difflib.get_close_matches(wanted, sorted(folded), n=1, cutoff=0.75)
    ]
    return said("hint.did_you_mean", choice=repr(close[0])) if close else ""


def _quote_hint(value: object) -> Said:
    if isinstance(value, bool):
        return said("hint.boolean")
    if isinstance(value, int | float):
        return said("hint.quote")
    return ""


# -- ISO 8601 and decimal text: model.iso reads and writes; messages name the value ---------


def parse_duration(text: str) -> pendulum.Duration:
    """Read an ISO 8601 duration (:func:`samarbejde.model.iso.read_duration`).

    Raises:
        InvalidValueError: The text is not such a duration.

    >>> parse_duration("P1Y6M").months
    6
    """
    try:
        return iso.read_duration(text)
    except iso.IsoTextError as error:
        raise InvalidValueError(error.message) from None


def _pattern(text: str) -> str:
    """One of model.iso's patterns, anchored, as a JSON Schema ``pattern``."""
    return f"^{text}$"


# -- reading scalars strictly --------------------------------------------------------------


def _read_str(value: Any, _: Any) -> str:
    if type(value) is str:
        return value
    raise InvalidValueError(said("expected.text", got=describe(value), hint=_quote_hint(value)))


def _read_int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise InvalidValueError(said("expected.int", got=describe(value)))


def _read_bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise InvalidValueError(said("expected.bool", got=describe(value)))


def _read_decimal(value: Any, _: Any) -> Decimal:
    if type(value) is str:
        try:
            return iso.read_decimal(value)
        except iso.IsoTextError:
            pass
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise InvalidValueError(said("expected.decimal", example=str(value), got=describe(value)))
    raise InvalidValueError(said("expected.decimal", example="25.5", got=describe(value)))


def _read_date(value: Any, _: Any) -> pendulum.Date:
    if type(value) is str:
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return iso.read_date(value)
            except iso.IsoTextError as error:
                raise InvalidValueError(error.message) from None
        if len(value) > 10 and value[:10].count("-") == 2 and value[10] in "T t":
            raise InvalidValueError(said("expected.date", got=_datetime_text(value)))
        raise InvalidValueError(said("expected.date", got=describe(value)))
    if type(value) is _dt.date:  # a TOML date literal
        return pendulum.Date(value.year, value.month, value.day)
    raise InvalidValueError(said("expected.date", got=describe(value)))


def _datetime_text(value: str) -> Phrase:
    """``the date-time '2021-01-01T10:00'``: text that is a date-time where a date is wanted."""
    return said("value.datetime", value=repr(value))


def _read_when(value: Any, _: Any) -> When:
    """A date, or one known to its year or month: ``"2019-03"``, ``"2017"`` or ``2017``.

    A whole number is a year (YAML and TOML read ``since: 2017`` as one); text is read
    by :func:`samarbejde.model.iso.read_when` (design decision D71).
    """
    if type(value) is str:
        if len(value) == 10:
            return _read_date(value, _)
        try:
            return iso.read_when(value)
        except iso.IsoTextError as error:
            if iso.WHEN.fullmatch(value):  # the form, with a month that does not exist
                raise InvalidValueError(error.message) from None
        if len(value) > 10 and value[:10].count("-") == 2 and value[10] in "T t":
            raise InvalidValueError(said("expected.when", got=_datetime_text(value)))
        raise InvalidValueError(said("expected.when", got=describe(value)))
    if type(value) is int and 1000 <= value <= 9999:
        return Approximate(value)
    if type(value) is _dt.date:
        return _read_date(value, _)
    raise InvalidValueError(said("expected.when", got=describe(value)))


def _read_datetime(value: Any, _: Any) -> pendulum.DateTime:
    parsed: _dt.datetime | None = None
    if isinstance(value, _dt.datetime):
        parsed = value
    elif type(value) is str and len(value) > 10 and value[10] in "Tt ":
        try:
            parsed = _dt.datetime.fromisoformat(value)
        except ValueError:
            raise InvalidValueError(said("datetime.invalid", value=repr(value))) from None
    if parsed is None:
        raise InvalidValueError(said("expected.datetime", got=describe(value)))
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise InvalidValueError(said("datetime.offset", value=str(value)))
    return pendulum.instance(parsed)


def _read_duration(value: Any, _: Any) -> pendulum.Duration:
    if type(value) is str:
        return parse_duration(value)
    raise InvalidValueError(said("expected.duration", got=describe(value)))


def _isoformat(value: pendulum.DateTime) -> str:
    return value.isoformat()


def _enum_value(value: Enum) -> Any:
    return value.value


# -- the table -----------------------------------------------------------------------------


@attrs.frozen
class Scalar:
    """Everything the library knows about one scalar type of the document format.

    Attributes:
        type: The Python type in the model.
        read: Structure hook: plain data (and the type) to a value; raises
            :class:`InvalidValueError` for anything else. Never coerces.
        write: Unstructure function: a value to plain data, or ``None`` when the value
            is already plain (text, numbers, booleans).
        inline: The Python expression of ``write`` for the generated dump functions,
            with ``{}`` for the value (``"{}.isoformat()"``); ``None``: call ``write``.
        schema: The JSON Schema of the plain form (validators may narrow text further).
        column: The kind of column the value becomes in a frame.
        repeated: Documents repeat its values often: the fast loader reads each distinct
            text once per document.
        known: For a scalar that may also be :data:`~samarbejde.UNKNOWN` (its ``type`` is
            ``X | Unknown``), the scalar of its known values ``X``; else ``None``.
    """

    type: Any
    read: Callable[[Any, Any], Any] = attrs.field(eq=False)
    write: Callable[[Any], Any] | None = attrs.field(eq=False)
    inline: str | None
    schema: Mapping[str, Any]
    column: Column
    repeated: bool = False
    known: Scalar | None = None

    @property
    def name(self) -> str:
        """A Python name for the type (``Decimal``; ``Decimal_or_unknown``)."""
        if self.known is not None:
            return f"{self.known.name}_or_unknown"
        return str(self.type.__name__)

    @property
    def base(self) -> Scalar:
        """The scalar of the known values (itself, unless it may be unknown)."""
        return self if self.known is None else self.known


#: The scalars of the document format, by type. Enums are not listed: each is a scalar
#: of its own, made by :func:`scalar_for`.
SCALARS: Mapping[Any, Scalar] = {
    scalar.type: scalar
    for scalar in (
        Scalar(str, _read_str, None, None, {"type": "string"}, "string"),
        Scalar(int, _read_int, None, None, {"type": "integer"}, "int"),
        Scalar(bool, _read_bool, None, None, {"type": "boolean"}, "bool"),
        Scalar(
            Decimal,
            _read_decimal,
            iso.write_decimal,
            None,
            {"type": "string", "pattern": _pattern(iso.DECIMAL_PATTERN)},
            "float",
        ),
        Scalar(
            pendulum.Date,
            _read_date,
            iso.write_date,
            "{}.isoformat()",  # what iso.write_date does, without the call
            {"type": "string", "format": "date", "pattern": _pattern(iso.DATE_PATTERN)},
            "date",
            repeated=True,
        ),
        Scalar(
            When,
            _read_when,
            iso.write_when,
            None,
            {"type": "string", "pattern": _pattern(iso.WHEN_PATTERN)},
            "string",
        ),
        Scalar(
            pendulum.DateTime,
            _read_datetime,
            _isoformat,
            "{}.isoformat()",
            {"type": "string", "format": "date-time"},
            "date",
        ),
        Scalar(
            pendulum.Duration,
            _read_duration,
            iso.write_duration,
            None,
            {"type": "string", "pattern": _pattern(iso.DURATION_PATTERN)},
            "string",
        ),
    )
}


@functools.cache
def enum_scalar(enum: type[Enum]) -> Scalar:
    """The scalar of one enum: read from and written as its members' values."""
    table = {member.value: member for member in enum}
    allowed = ", ".join(str(v) for v in table)
    aliases = {label(member, lang): member.value for member in enum for lang in ("da", "en")}

    def read(value: Any, _: Any) -> Enum:
        if type(value) is str:
            member = table.get(value)
            if member is not None:
                return member
            hint = did_you_mean(value, table, aliases)
            raise InvalidValueError(
                said(
                    "enum.unknown",
                    kind=enum.__name__,
                    value=repr(value),
                    hint=hint,
                    allowed=allowed,
                )
            )
        raise InvalidValueError(said("expected.one_of", allowed=allowed, got=describe(value)))

    # `_value_` is the member's attribute; `.value` is a slower property.
    schema = {"enum": [member.value for member in enum]}
    return Scalar(enum, read, _enum_value, "{}._value_", schema, "category")


def scalar_for(kind: Any) -> Scalar | None:
    """The table's entry for ``kind``: an enum makes its own; ``None`` for non-scalars."""
    found = SCALARS.get(kind)
    if found is None and isinstance(kind, type) and issubclass(kind, Enum):
        return enum_scalar(kind)
    return found


def _unknown_text(value: Any) -> bool:
    return type(value) is str and value == UNKNOWN.value


@functools.cache
def unknowable(kind: Any) -> Scalar:
    """The scalar of ``kind | Unknown``: the text ``unknown``, or a value of ``kind``.

    ``unknown`` reads as :data:`~samarbejde.UNKNOWN` and is written back so; anything
    else is read (and written) as ``kind`` is (design decision D75).

    >>> scalar = unknowable(Decimal)
    >>> scalar.read("unknown", None), scalar.read("2.5", None), scalar.write(UNKNOWN)
    (UNKNOWN, Decimal('2.5'), 'unknown')
    """
    inner = scalar_for(kind)
    if inner is None:
        raise TypeError(f"no document form for {kind!r} or unknown")
    read_known, write_known = inner.read, inner.write

    def read(value: Any, cl: Any) -> Any:
        if _unknown_text(value):
            return UNKNOWN
        return read_known(value, cl)

    def write(value: Any) -> Any:
        if value is UNKNOWN:
            return UNKNOWN.value
        return value if write_known is None else write_known(value)

    schema = {"anyOf": [dict(inner.schema), {"const": UNKNOWN.value}]}
    return Scalar(kind | Unknown, read, write, None, schema, inner.column, known=inner)
