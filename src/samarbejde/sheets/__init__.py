"""Spreadsheets: a portfolio as an ``.xlsx`` workbook or a folder of CSV files, and back.

The tables are made from the one description of the document's shape
(:func:`samarbejde.documents._shape.shape`): one table per list of the document, one
row per item, one column per field, so a new field reaches the workbook with no edit.
Reading rebuilds the plain document and loads it with the document loader's checks;
every problem is a :class:`~samarbejde.model.errors.LoadError` problem located as
``Sheet!C14`` with the column's header. Workbooks need the ``sheets`` extra (openpyxl).
"""

from __future__ import annotations

from samarbejde.sheets._csv_package import dump_csv_package, load_csv_package
from samarbejde.sheets._layout import Column, Table, layout
from samarbejde.sheets._workbook import (
    WORKBOOK_FORMAT,
    dump_workbook,
    dumps_workbook,
    load_workbook,
    loads_workbook,
    template,
)

__all__ = [
    "WORKBOOK_FORMAT",
    "Column",
    "Table",
    "dump_csv_package",
    "dump_workbook",
    "dumps_workbook",
    "layout",
    "load_csv_package",
    "load_workbook",
    "loads_workbook",
    "template",
]
