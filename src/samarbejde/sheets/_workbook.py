"""A portfolio as an ``.xlsx`` workbook (openpyxl, the ``sheets`` extra) and back.

One sheet per table of :func:`samarbejde.sheets._layout.layout`, headers in row 1 in
Danish or English (both read back), a ``Meta`` sheet (format, language, written by, as
of), ids and other text as text cells, dates as date cells, amounts as numbers with a
number format, enum columns with a drop-down list of their values and labels.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pendulum

from samarbejde.documents import unstructure
from samarbejde.documents._atomic import write_atomically
from samarbejde.documents._problems import problem, said
from samarbejde.documents._scalars import did_you_mean
from samarbejde.model.approximate import When
from samarbejde.model.errors import LoadError, MissingExtraError
from samarbejde.model.labels import Lang, label
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.words import DEFAULT_LANG
from samarbejde.sheets._cells import cell_value
from samarbejde.sheets._layout import Column, Table, layout
from samarbejde.sheets._tables import Place, RawRow, SheetProblem, portfolio_from_rows, rows_of

#: openpyxl ships no type information: its workbooks and sheets are typed as Any here.
Workbook = Any
Worksheet = Any

__all__ = [
    "META",
    "WORKBOOK_FORMAT",
    "dump_workbook",
    "dumps_workbook",
    "load_workbook",
    "template",
]

#: The workbook's format, written on its ``Meta`` sheet.
WORKBOOK_FORMAT = "samarbejde-workbook/1"
#: The name of the sheet of facts about the workbook.
META = "Meta"
_LISTS = "Lister"
_DATE_FORMAT = {"da": "dd-mm-yyyy", "en": "yyyy-mm-dd"}
_MONEY_FORMAT = "#,##0.00"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_META_ROWS = {
    "da": ("format", "sprog", "skrevet af", "pr. dato"),
    "en": ("format", "language", "written by", "as of"),
}
_INSTRUCTIONS = {
    "da": (
        "Udfyld én række pr. post på hvert ark. Rækker på underark hører til posten med "
        "samme id i de første kolonner. Datoer som 1.6.2025, beløb som 1.500.000 eller 1,5. "
        "Tjek filen med: samarbejde validate FIL.xlsx"
    ),
    "en": (
        "Fill one row per record on each sheet. Rows of a sub-sheet belong to the record "
        "with the id in their first columns. Dates as 2025-06-01, amounts as 1500000.5. "
        "Check the file with: samarbejde validate FILE.xlsx"
    ),
}


def _openpyxl() -> Any:
    try:
        import openpyxl  # type: ignore[import-untyped]  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - the extra is installed in the tests
        raise MissingExtraError("openpyxl", "sheets") from None
    return openpyxl


def _escape(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL.sub(lambda m: f"_x{ord(m[0][0]):04X}_", value)
    return value


def _unescape(value: Any) -> Any:
    if isinstance(value, str):
        return _ESCAPED.sub(lambda m: chr(int(m[1], 16)), value)
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("samarbejde")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout
        return "unknown"


def _lists(book: Workbook, lang: Lang) -> dict[tuple[str, ...], str]:
    """A hidden sheet of each enum column's choices; the range of each, by column path."""
    sheet = book.create_sheet(_LISTS)
    sheet.sheet_state = "hidden"
    ranges: dict[tuple[str, ...], str] = {}
    seen: dict[tuple[Any, ...], str] = {}
    for table in layout():
        for column in table.columns:
            if column.choices:
                values = list(column.choices)
            elif column.enums:
                values = [m.value for e in column.enums for m in e]
                values += [label(m, lang) for e in column.enums for m in e]
                values = list(dict.fromkeys(values))
            else:
                continue
            known = seen.get(tuple(values))
            if known is None:
                index = len(seen) + 1
                for row, value in enumerate(values, 1):
                    sheet.cell(row=row, column=index, value=value)
                letter = sheet.cell(row=1, column=index).column_letter
                known = seen[tuple(values)] = f"'{_LISTS}'!${letter}$1:${letter}${len(values)}"
            ranges[table.path + column.path] = known
    return ranges


def _format(column: Column, lang: str) -> str | None:
    kind = column.scalars[0].base.type if column.scalars and not column.enums else None
    if kind is pendulum.Date or kind is When:  # a year or month cell is text all the same
        return _DATE_FORMAT[lang]
    if kind is not None and getattr(kind, "__name__", "") == "Decimal":
        return _MONEY_FORMAT if column.path[-1:] == ("amount",) else "#,##0.########"
    return "@" if kind is str else None


def _sheet(
    book: Workbook,
    table: Table,
    rows: list[list[Any]],
    lang: Lang,
    lists: dict[tuple[str, ...], str],
) -> None:
    openpyxl = _openpyxl()
    sheet: Worksheet = book.create_sheet(table.name(lang))
    headers = table.headers(lang)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    sheet.freeze_panes = "A2"
    start = len(headers) - len(table.columns)
    formats = [None] * start + [_format(c, lang) for c in table.columns]
    for row in rows:
        values = [
            _escape(v if i < start else cell_value(v, table.columns[i - start]))
            for i, v in enumerate(row)
        ]
        sheet.append(values)
        for cell, value, number_format in zip(sheet[sheet.max_row], values, formats, strict=True):
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula
            if number_format and value is not None:
                cell.number_format = number_format
    for index, header in enumerate(headers, 1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(10, min(40, len(header) + 2))
        column = table.columns[index - 1 - start] if index > start else None
        if column is not None:
            found = lists.get(table.path + column.path)
            if found:
                check = openpyxl.worksheet.datavalidation.DataValidation(
                    type="list", formula1=found, allow_blank=True, showErrorMessage=False
                )
                check.add(f"{letter}2:{letter}1048576")
                sheet.add_data_validation(check)


def _book(portfolio: Portfolio | None, lang: Lang, as_of: pendulum.Date | None) -> Workbook:
    if lang not in ("da", "en"):
        raise ValueError(f"unknown language {lang!r}: use da or en")
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    meta = book.active
    meta.title = META
    names = _META_ROWS[lang]
    meta.append([names[0], WORKBOOK_FORMAT])
    meta.append([names[1], lang])
    meta.append([names[2], f"samarbejde {_version()}"])
    meta.append([names[3], dt.date(as_of.year, as_of.month, as_of.day) if as_of else None])
    meta.append([])
    meta.append([_INSTRUCTIONS[lang]])
    meta.column_dimensions["A"].width = 14
    meta.column_dimensions["B"].width = 28
    lists = _lists(book, lang)
    document = unstructure(portfolio) if portfolio is not None else {}
    tables = rows_of(document)
    for table in layout():
        _sheet(book, table, tables[table], lang, lists)
    book.move_sheet(_LISTS, offset=len(book.sheetnames))
    return book


def dumps_workbook(
    portfolio: Portfolio, *, lang: Lang = DEFAULT_LANG, as_of: pendulum.Date | None = None
) -> bytes:
    """Write a portfolio as the bytes of an ``.xlsx`` workbook.

    Args:
        portfolio: The portfolio.
        lang: ``"da"`` or ``"en"``: the headers' and sheets' language.
        as_of: The date the data is as of, written on the ``Meta`` sheet.
    """
    out = io.BytesIO()
    _book(portfolio, lang, as_of).save(out)
    return out.getvalue()


def dump_workbook(
    portfolio: Portfolio,
    path: str | Path,
    *,
    lang: Lang = DEFAULT_LANG,
    as_of: pendulum.Date | None = None,
) -> None:
    """Write a portfolio to an ``.xlsx`` file (replaced whole, never half-written)."""
    write_atomically(Path(path), dumps_workbook(portfolio, lang=lang, as_of=as_of))


def template(path: str | Path, *, lang: Lang = DEFAULT_LANG) -> None:
    """Write an empty workbook with instructions on its ``Meta`` sheet."""
    out = io.BytesIO()
    _book(None, lang, None).save(out)
    write_atomically(Path(path), out.getvalue())


def _tables_by_name() -> dict[str, Table]:
    return {t.name(lang).casefold(): t for t in layout() for lang in ("da", "en")}


def _headers(table: Table) -> dict[str, int]:
    """Each header (both languages, case-folded) to its index in :meth:`Table.headers`."""
    return {h.casefold(): i for lang in ("da", "en") for i, h in enumerate(table.headers(lang))}


def read_sheet(
    name: str,
    table: Table,
    rows: Iterator[tuple[Any, ...]],
    problems: list[SheetProblem],
    *,
    escaped: bool = True,
) -> list[RawRow]:
    """The rows of one sheet (or CSV file) in ``table``'s column order; header in row 1.

    ``escaped``: text cells may hold ``_xHHHH_`` for characters a workbook cannot.
    """
    unescape = _unescape if escaped else (lambda value: value)
    try:
        header = next(rows)
    except StopIteration:
        return []
    known = _headers(table)
    width = len(table.headers("en"))
    where: dict[int, int] = {}
    titles: list[str] = [""] * width
    for index, title in enumerate(header):
        if title is None or not str(title).strip():
            continue
        text = str(title).strip()
        found = known.get(text.casefold())
        if found is None:
            problems.append(
                SheetProblem(
                    Place(name, 1, index + 1, text),
                    said("sheet.column", name=repr(text), hint=did_you_mean(text, list(known))),
                )
            )
            continue
        where[found] = index
        titles[found] = text
    out = []
    for number, row in enumerate(rows, 2):
        cells = [
            unescape(row[where[i]]) if i in where and where[i] < len(row) else None
            for i in range(width)
        ]
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        places = [Place(name, number, where.get(i, -1) + 1, titles[i]) for i in range(width)]
        out.append(RawRow(cells, places))
    return out


def loads_workbook(data: bytes, *, source: str = "<workbook>") -> Portfolio:
    """Read a portfolio from the bytes of an ``.xlsx`` workbook.

    Raises:
        LoadError: Every problem of the workbook, each located as ``Sheet!C14`` with its
            column's header.
    """
    openpyxl = _openpyxl()
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise LoadError([problem("", said("sheet.not_xlsx", detail=str(error)))], source) from None
    names = _tables_by_name()
    problems: list[SheetProblem] = []
    tables: dict[Table, list[RawRow]] = {}
    lang = "da"
    try:
        for sheet in book.worksheets:
            title = sheet.title.strip()
            if title == META:
                lang = _language(sheet)
                continue
            if title == _LISTS:
                continue
            table = names.get(title.casefold())
            if table is None:
                hint = did_you_mean(title, [t.name("en") for t in layout()])
                problems.append(
                    SheetProblem(
                        Place(title, 1, 0, ""), said("sheet.unknown", name=repr(title), hint=hint)
                    )
                )
                continue
            rows = sheet.iter_rows(values_only=True)
            tables[table] = tables.get(table, []) + read_sheet(sheet.title, table, rows, problems)
    finally:
        book.close()
    return portfolio_from_rows(tables, problems, source, danish=lang == "da")


def _language(meta: Worksheet) -> str:
    """The language the ``Meta`` sheet gives (``da`` when it gives none)."""
    names = {_META_ROWS["da"][1], _META_ROWS["en"][1]}
    for row in meta.iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
        if len(row) == 2 and str(row[0]).strip().casefold() in names:
            return "en" if str(row[1]).strip().casefold() == "en" else "da"
    return "da"


def load_workbook(path: str | Path) -> Portfolio:
    """Read a portfolio from an ``.xlsx`` file.

    Raises:
        LoadError: As :func:`loads_workbook`.
    """
    path = Path(path)
    return loads_workbook(path.read_bytes(), source=str(path))
