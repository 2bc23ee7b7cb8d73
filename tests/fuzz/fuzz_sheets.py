"""Fuzz the spreadsheet readers: every mutated workbook or CSV package reads or is refused.

The seeds are the bundled examples written as an ``.xlsx`` workbook and as a CSV
package. Each input mutates one of them where its bytes say: a workbook cell set to
drawn text, a number at an edge, a date or nothing (written back with openpyxl); the
workbook's own bytes damaged (a zip no reader should trust); or a CSV file's text cut,
repeated or given drawn text. The reader must return a portfolio, which must survive a
JSON round trip, or raise the ``LoadError`` it documents, printable as UTF-8; any other
exception is a finding (see ``_harness``).

    python tests/fuzz/fuzz_sheets.py --seconds 20

Not collected by pytest (the name does not start with ``test_``).
"""

from __future__ import annotations

import atexit
import datetime
import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from _harness import Draw, run
from openpyxl.utils.exceptions import IllegalCharacterError

from samarbejde import LoadError, Portfolio, dumps, examples, loads
from samarbejde.sheets import dump_csv_package, dumps_workbook, load_csv_package, loads_workbook

NAMES = examples.names()
WORKBOOKS = {name: dumps_workbook(examples.load(name)) for name in NAMES}
PACKAGES = Path(tempfile.mkdtemp(prefix="samarbejde-fuzz-sheets-"))
atexit.register(shutil.rmtree, PACKAGES, ignore_errors=True)
for _name in NAMES:
    dump_csv_package(examples.load(_name), PACKAGES / _name)
CSV_TEXTS = {
    (name, path.name): path.read_text(encoding="utf-8")
    for name in NAMES
    for path in sorted((PACKAGES / name).glob("*.csv"))
}


class MismatchError(Exception):
    """The reader returned, but not what its contract says."""


def cell_value(draw: Draw) -> Any:
    """What a person or another program may leave in a cell."""
    kind = draw.below(5)
    if kind == 0:
        return draw.text()
    if kind == 1:
        return draw.integer()
    if kind == 2:
        return datetime.datetime(1 + draw.below(9999), 1 + draw.below(12), 1 + draw.below(28))
    if kind == 3:
        return None
    return draw.choice(("1.500.000", "1,5", "01-06-2025", "1.6.2025", "ja", " ", "=1+1"))


def mutated_workbook(draw: Draw) -> bytes:
    data = WORKBOOKS[draw.choice(NAMES)]
    if draw.below(8) == 0:  # damage the zip itself
        at = draw.below(len(data))
        return data[:at] + bytes([draw.byte()]) + data[at + 1 :]
    book = openpyxl.load_workbook(io.BytesIO(data))
    for _ in range(1 + draw.below(3)):
        sheet = book[draw.choice(book.sheetnames)]
        row = 1 + draw.below(sheet.max_row + 1)
        column = 1 + draw.below(sheet.max_column + 1)
        try:
            sheet.cell(row=row, column=column).value = cell_value(draw)
        except (ValueError, TypeError, IllegalCharacterError):  # openpyxl will not hold it
            continue
    out = io.BytesIO()
    try:
        book.save(out)
    except (UnicodeEncodeError, ValueError):  # text openpyxl cannot write: no workbook
        return data
    return out.getvalue()


def mutated_package(draw: Draw) -> Path:
    name = draw.choice(NAMES)
    folder = Path(tempfile.mkdtemp(dir=PACKAGES))
    for (seed, file), text in CSV_TEXTS.items():
        if seed == name:
            (folder / file).write_text(text, encoding="utf-8")
    files = sorted(folder.glob("*.csv"))
    target = draw.choice(files)
    text = target.read_text(encoding="utf-8")
    at = draw.below(len(text) + 1)
    operation = draw.below(3)
    if operation == 0:
        text = text[:at] + draw.text() + text[at:]
    elif operation == 1:
        text = text[:at]
    else:
        text = text + text[at:]
    target.write_bytes(text.encode("utf-8", "surrogatepass"))  # lone surrogates: not UTF-8
    return folder


def check(data: bytes) -> None:
    draw = Draw(data)
    try:
        if draw.flag():
            portfolio: Portfolio = loads_workbook(mutated_workbook(draw))
        else:
            folder = mutated_package(draw)
            try:
                portfolio = load_csv_package(folder)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    except LoadError as error:
        str(error).encode("utf-8")  # printable
        return
    if not isinstance(portfolio, Portfolio):
        raise MismatchError(f"not a Portfolio: {type(portfolio).__name__}")
    if loads(dumps(portfolio, "json"), "json") != portfolio:
        raise MismatchError("the portfolio read changed in a JSON round trip")


if __name__ == "__main__":
    run("sheets", check)
