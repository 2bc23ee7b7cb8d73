"""Workbooks and CSV packages on the command line: reading them, writing them, ``template``.

A file ending in ``.xlsx`` is a workbook; a folder (or a name ending in ``/``) is a CSV
package. Every command that reads a document reads these too (through
:func:`load_sheets`), and ``convert`` writes them (:func:`dump_sheets`).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from samarbejde.cli._command import FAILURE, OK, Command, Invocation, argument, lang_argument
from samarbejde.documents import SourceMap
from samarbejde.model import Lang
from samarbejde.model.errors import LoadError, Problem
from samarbejde.model.portfolio import Portfolio

__all__ = ["TEMPLATE", "dump_sheets", "is_sheets", "load_sheets"]

_WORKBOOK = ".xlsx"


def is_sheets(file: str) -> bool:
    """``file`` names a workbook or a CSV package (a folder) rather than a document."""
    return file.lower().endswith(_WORKBOOK) or file.endswith(("/", os.sep)) or Path(file).is_dir()


def load_sheets(file: str, max_bytes: int) -> tuple[Portfolio, SourceMap]:
    """The portfolio of a workbook or CSV package; it has no line positions.

    Raises:
        LoadError: Every problem, located as ``Sheet!C14``.
        OSError: The file cannot be read.
    """
    from samarbejde import sheets  # noqa: PLC0415 - openpyxl loads only for workbooks

    path = Path(file)
    if path.is_dir():
        portfolio = sheets.load_csv_package(path)
    else:
        size = path.stat().st_size
        if size > max_bytes:
            message = f"the workbook has {size} bytes, more than --max-bytes {max_bytes}"
            raise LoadError([Problem("", message)], file)
        portfolio = sheets.load_workbook(path)
    return portfolio, SourceMap(None, {}, {})


def dump_sheets(portfolio: Portfolio, file: str, lang: Lang) -> None:
    """Write a workbook (``.xlsx``) or, for a folder, a CSV package.

    Raises:
        OSError: The file cannot be written.
    """
    from samarbejde import sheets  # noqa: PLC0415 - openpyxl loads only for workbooks

    if file.lower().endswith(_WORKBOOK):
        sheets.dump_workbook(portfolio, file, lang=lang)
    else:
        sheets.dump_csv_package(portfolio, file, lang=lang)


def _template(args: argparse.Namespace, call: Invocation) -> int:
    try:
        dump_sheets(Portfolio(), args.output, args.lang)
    except OSError as error:
        call.err.write(f"samarbejde: {args.output}: cannot write: {error.strerror or error}\n")
        return FAILURE
    return OK


TEMPLATE = Command(
    "template",
    "write an empty workbook (.xlsx) or CSV package (a folder) to fill in",
    (
        lang_argument("the headers' language"),
        argument("-o", "--output", required=True, help="the .xlsx file or folder to write"),
    ),
    _template,
)
