"""A portfolio as a folder of CSV files with a ``datapackage.json``, and back.

The same tables as the workbook (:func:`samarbejde.sheets._layout.layout`), one CSV
file per table, described by a Frictionless Tabular Data Package
(https://specs.frictionlessdata.io/tabular-data-package/): each file's fields, their
types and, for enum columns, their allowed values. Values are written as a JSON document
writes them (dates ``2025-06-01``, amounts ``1500000.5``); reading accepts what people
type, as the workbook does.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum

from samarbejde.documents import unstructure
from samarbejde.documents._atomic import write_atomically
from samarbejde.documents._problems import problem, said
from samarbejde.model.approximate import When
from samarbejde.model.errors import LoadError, Problem
from samarbejde.model.iso import WHEN_PATTERN
from samarbejde.model.labels import Lang
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.unknown import UNKNOWN
from samarbejde.model.words import DEFAULT_LANG
from samarbejde.sheets._cells import cell_text
from samarbejde.sheets._layout import Column, Table, layout
from samarbejde.sheets._tables import RawRow, SheetProblem, portfolio_from_rows, rows_of
from samarbejde.sheets._workbook import WORKBOOK_FORMAT, read_sheet

__all__ = ["DESCRIPTOR", "dump_csv_package", "load_csv_package", "resource_name"]

#: The file describing the package.
DESCRIPTOR = "datapackage.json"

_TYPES = {"str": "string", "int": "integer", "bool": "boolean", "Decimal": "number", "Date": "date"}


def resource_name(table: Table) -> str:
    """The table's name in the package, and its file's name without ``.csv``."""
    return ".".join(table.path)


def _field(header: str, column: Column | None, by_id: bool | None = None) -> dict[str, Any]:
    if column is None:
        return {"name": header, "type": "string" if by_id else "integer"}
    field: dict[str, Any] = {"name": header, "type": "string"}
    if column.choices:
        field["constraints"] = {"enum": list(column.choices)}
    elif column.enums:
        field["constraints"] = {"enum": [m.value for e in column.enums for m in e]}
    elif column.scalars[0].type is When:  # a day, or a year or month (D74)
        field["constraints"] = {"pattern": WHEN_PATTERN}
    else:
        field["type"] = _TYPES.get(column.scalars[0].base.type.__name__, "string")
    if column.unknowable:  # the word unknown stands for a fact not known (D75)
        field["missingValues"] = ["", UNKNOWN.value]
    return field


def _schema(table: Table, lang: Lang) -> dict[str, Any]:
    headers = table.headers(lang)
    fields = [_field(headers[i], None, key.by_id) for i, key in enumerate(table.keys)]
    if table.numbered:
        fields.append(_field(headers[len(table.keys)], None, False))
    start = len(headers) - len(table.columns)
    fields += [_field(headers[start + i], c) for i, c in enumerate(table.columns)]
    return {"fields": fields}


def dump_csv_package(
    portfolio: Portfolio,
    folder: str | Path,
    *,
    lang: Lang = DEFAULT_LANG,
    as_of: pendulum.Date | None = None,
) -> None:
    """Write a portfolio as a folder of CSV files and a ``datapackage.json``.

    Args:
        portfolio: The portfolio.
        folder: The folder (made if missing); its files of the same names are replaced.
        lang: ``"da"`` or ``"en"``: the headers' language.
        as_of: The date the data is as of, recorded in the descriptor.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tables = rows_of(unstructure(portfolio))
    resources = []
    for table in layout():
        name = resource_name(table)
        rows = [table.headers(lang), *([cell_text(v) for v in row] for row in tables[table])]
        write_atomically(folder / f"{name}.csv", _text(rows).encode("utf-8"))
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": table.name(lang),
                "schema": _schema(table, lang),
            }
        )
    descriptor = {
        "profile": "tabular-data-package",
        "name": "samarbejde-portfolio",
        "samarbejde": {
            "format": WORKBOOK_FORMAT,
            "language": lang,
            "as_of": as_of.isoformat() if as_of else None,
        },
        "resources": resources,
    }
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    write_atomically(folder / DESCRIPTOR, text.encode("utf-8"))


# Python 3.10's csv module refuses NUL both ways ("line contains NUL", "need to escape")
# where 3.11 reads and writes it as any other character; so, on every Python, a character
# the text does not hold stands in for NUL while the csv module sees the text.


def _stand_in(text: str) -> str:
    return next(chr(c) for c in range(0xE000, 0x110000) if chr(c) not in text)


def _text(rows: list[list[str]]) -> str:
    """The CSV text of ``rows``, NUL characters included, as Python 3.11 writes it."""
    joined = "".join("".join(row) for row in rows)
    stand_in = _stand_in(joined) if "\0" in joined else "\0"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([cell.replace("\0", stand_in) for cell in row] for row in rows)
    return out.getvalue().replace(stand_in, "\0")


def _rows(text: str) -> list[tuple[str, ...]]:
    """The rows of one CSV text, NUL characters included.

    Raises:
        csv.Error: As ``(message, line)``, where the text is not CSV the reader takes.
    """
    if "\0" not in text:
        return _read(text, lambda cell: cell)
    stand_in = _stand_in(text)
    return _read(text.replace("\0", stand_in), lambda cell: cell.replace(stand_in, "\0"))


def _read(text: str, cell: Callable[[str], str]) -> list[tuple[str, ...]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return [tuple(map(cell, row)) for row in reader]
    except csv.Error as error:
        raise csv.Error(str(error), reader.line_num) from None


def load_csv_package(folder: str | Path) -> Portfolio:
    """Read a portfolio from a folder of CSV files (with or without ``datapackage.json``).

    Each file is found by its table's name (``partnerships.commitments.csv``).

    Raises:
        LoadError: Every problem, each located as ``file.csv!C14`` with its header.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise LoadError([problem("", said("sheet.not_folder"))], str(folder))
    problems: list[SheetProblem] = []
    tables: dict[Table, list[RawRow]] = {}
    for table in layout():
        path = folder / f"{resource_name(table)}.csv"
        if not path.is_file():
            continue
        try:
            # bytes, not read_text: universal newlines would turn a "\r" in a cell into "\n"
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise LoadError(
                [problem(path.name, said("sheet.not_utf8", detail=str(error)))], str(folder)
            ) from None
        try:
            rows = _rows(text)
        except csv.Error as error:
            raise LoadError(
                [Problem.of(path.name, said("sheet.not_csv", detail=error.args[0]), error.args[1])],
                str(folder),
            ) from None
        tables[table] = read_sheet(path.name, table, iter(rows), problems, escaped=False)
    return portfolio_from_rows(tables, problems, str(folder), danish=False)
