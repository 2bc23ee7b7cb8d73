"""One cell: what people type, read as the plain value a JSON document holds, and back.

Reading accepts what a spreadsheet gives and what people type: real date cells and
Danish dates (``1.6.2025``, ``01-06-2025``), numbers and Danish numbers (``1.500.000``,
``1,5``), enum values and their Danish or English labels, ``ja``/``nej``, identifiers
typed as numbers, surrounding spaces (kept in free text). Anything else raises
:class:`CellError`; the document loader checks the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

import pendulum

from samarbejde.documents._problems import english, said
from samarbejde.documents._scalars import did_you_mean
from samarbejde.model import iso
from samarbejde.model.approximate import When
from samarbejde.model.labels import label
from samarbejde.model.text import Phrase
from samarbejde.model.unknown import UNKNOWN, UNKNOWN_WORDS
from samarbejde.sheets._layout import Column

__all__ = ["CellError", "cell_text", "cell_value", "read_cell"]


class CellError(ValueError):
    """A cell's value cannot be read as its column's kind.

    Attributes:
        phrase: What is wrong, in every language (``str(error)`` is the English).
    """

    def __init__(self, phrase: Phrase) -> None:
        self.phrase = phrase
        super().__init__(english(phrase))


_DANISH_DATE = re.compile(r"([0-9]{1,2})[.\-/ ]([0-9]{1,2})[.\-/ ]([0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_THOUSANDS_DOT = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{3})+")
_THOUSANDS_COMMA = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3}){2,}")
_TRUE = {"true", "ja", "sand", "yes", "1", "x"}
_FALSE = {"false", "nej", "falsk", "no", "0"}


#: The length of a full day's ISO text, ``YYYY-MM-DD``.
_DAY_TEXT = 10


def _number_text(text: str, danish: bool) -> str:
    """A number as typed (``1.500.000``, ``1,5``, ``1 500,50 kr.``) as plain ``1500000.5``.

    ``1.234`` is 1234 when ``danish``, else 1.234; ``1.234.567`` is a million either way.
    """
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    for suffix in ("kr.", "kr", "dkk", "DKK"):
        text = text.removesuffix(suffix)
    if "," in text and "." in text:  # Danish 1.500,50 or English 1,500.50
        if text.rindex(",") > text.rindex("."):
            return text.replace(".", "").replace(",", ".")
        return text.replace(",", "")
    if "," in text:
        return text.replace(",", "") if _THOUSANDS_COMMA.fullmatch(text) else text.replace(",", ".")
    if _THOUSANDS_DOT.fullmatch(text) and (danish or text.count(".") > 1):
        return text.replace(".", "")
    return text


def _decimal(value: Any, danish: bool) -> str:
    if isinstance(value, bool):
        raise CellError(said("cell.number", got=repr(value)))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return iso.write_decimal(Decimal(repr(value)))
    text = _number_text(str(value), danish)
    try:
        return iso.write_decimal(iso.read_decimal(text))
    except iso.IsoTextError:
        raise CellError(said("cell.number_example", got=repr(value))) from None


def _int(value: Any, danish: bool) -> int:
    try:
        number = Decimal(_decimal(value, danish))
    except CellError:
        raise CellError(said("cell.int", got=repr(value))) from None
    if number != number.to_integral_value():
        raise CellError(said("cell.int", got=repr(value)))
    return int(number)


def _date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise CellError(said("cell.date_time", got=value.isoformat()))
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    found = _ISO_DATE.fullmatch(text)
    parts = None
    if found:
        parts = (int(found[1]), int(found[2]), int(found[3]))
    else:
        found = _DANISH_DATE.fullmatch(text)
        if found:
            parts = (int(found[3]), int(found[2]), int(found[1]))
    if parts is None:
        raise CellError(said("cell.date", got=repr(value)))
    try:
        return pendulum.date(*parts).isoformat()
    except ValueError:
        raise CellError(said("cell.no_date", got=repr(value))) from None


def _when(value: Any) -> str | int:
    """A date cell, or a year or month written as text (``2017``, ``2019-03``, D74).

    A year typed as a number (``2017``) is passed on as one; the document loader reads
    it, and any text that is not a date, as a year or a month, or says what is wrong.
    """
    if isinstance(value, dt.date):  # a date-time too
        return _date(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        return int(value)
    text = str(value).strip()
    return _date(text) if _ISO_DATE.fullmatch(text) or _DANISH_DATE.fullmatch(text) else text


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(said("cell.bool", got=repr(value)))


def _enum(value: Any, enums: tuple[type[Enum], ...]) -> str:
    text = str(value).strip()
    table: dict[str, str] = {}
    for enum in enums:
        for member in enum:
            table[member.value.casefold()] = member.value
            for lang in ("da", "en"):
                table.setdefault(label(member, lang).casefold(), member.value)
    found = table.get(text.casefold())
    if found is None:
        allowed = sorted({m.value for e in enums for m in e})
        hint = did_you_mean(text, table)
        raise CellError(said("cell.enum", value=repr(text), hint=hint, allowed=", ".join(allowed)))
    return found


def _text(value: Any, column: Column) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    text = str(value)
    return text if column.text else text.strip()


def read_cell(  # noqa: PLR0911 - one answer per kind
    value: Any, column: Column, *, danish: bool = True
) -> Any:
    """The plain value of one cell in ``column``, or ``None`` for an empty cell.

    ``danish``: text numbers are read as Danish ones (``1.500`` is fifteen hundred).

    Raises:
        CellError: The value cannot be read as the column's kind.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if column.choices:
        text = str(value).strip()
        folded = {c.casefold(): c for c in column.choices}
        if text.casefold() not in folded:
            hint = did_you_mean(text, column.choices)
            raise CellError(
                said("cell.choice", allowed=", ".join(column.choices), got=repr(text), hint=hint)
            )
        return folded[text.casefold()]
    if column.unknowable and isinstance(value, str) and value.strip().casefold() in UNKNOWN_WORDS:
        return UNKNOWN.value
    if column.enums:
        return _enum(value, column.enums)
    kind = column.scalars[0].base.type
    if kind is bool:
        return _bool(value)
    if kind is int:
        return _int(value, danish)
    if kind is Decimal:
        return _decimal(value, danish)
    if kind is pendulum.Date:
        return _date(value)
    if kind is When:
        return _when(value)
    return _text(value, column)


def _exact_float(text: str) -> float | None:
    try:
        number = float(text)
    except (ValueError, OverflowError):
        return None
    try:
        same = Decimal(repr(number)) == Decimal(text)
    except InvalidOperation:
        return None
    return number if same and abs(number) < 1e15 else None


def cell_value(plain: Any, column: Column) -> Any:
    """A plain value as a spreadsheet cell: dates as dates, amounts as numbers."""
    if plain is None or column.choices or column.enums:
        return plain
    kind = column.scalars[0].base.type
    if kind is pendulum.Date and isinstance(plain, str):
        return dt.date.fromisoformat(plain)
    if kind is When and isinstance(plain, str) and len(plain) == _DAY_TEXT:
        return dt.date.fromisoformat(plain)  # a full day is a date cell, a year or month text
    if kind is Decimal and isinstance(plain, str):
        exact = _exact_float(plain)
        if exact is not None:
            return int(exact) if exact.is_integer() and "." not in plain else exact
    return plain


def cell_text(plain: Any) -> str:
    """A plain value as the text of a CSV cell (empty for none)."""
    if plain is None:
        return ""
    if isinstance(plain, bool):
        return "true" if plain else "false"
    return str(plain)
