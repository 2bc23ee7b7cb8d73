"""A document as tables and back: rows from the plain document, the plain document from rows.

The plain document is what a JSON document holds (:func:`samarbejde.documents.unstructure`);
reading rebuilds it from the rows, then the document loader checks it, so a workbook
and a JSON document are checked by the same code and every problem is located at the
cell (``Sheet!C14``) its value came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from samarbejde.documents._io import FORMAT_VERSION, _structure_checked
from samarbejde.documents._locate import render_path
from samarbejde.documents._problems import Said, problem, said
from samarbejde.documents._scalars import did_you_mean
from samarbejde.model.errors import LoadError, Problem
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.text import Phrase, Text
from samarbejde.sheets._cells import CellError, read_cell
from samarbejde.sheets._layout import Column, Table, layout

__all__ = ["Place", "RawRow", "SheetProblem", "children", "portfolio_from_rows", "rows_of"]

Path = tuple[str | int, ...]


class Place(NamedTuple):
    """Where a value stands: a sheet (or file), a row (from 1) and a column (from 1).

    ``column`` is 0 for a whole row.
    """

    sheet: str
    row: int
    column: int
    header: str

    def __str__(self) -> str:
        return f"{self.sheet}!{_letters(self.column) if self.column else ''}{self.row}"


def _letters(column: int) -> str:
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


class RawRow(NamedTuple):
    """One row as read: each header's cell value, and where the row stands.

    Attributes:
        cells: A cell value (or ``None``) per column of the table, keys first, in
            :meth:`Table.headers` order.
        places: Where each of those cells stands.
    """

    cells: list[Any]
    places: list[Place]


class SheetProblem(NamedTuple):
    """A problem found before the document is checked: at a place, a message."""

    place: Place
    message: Said


def children(table: Table) -> list[Table]:
    """The tables keyed by ``table``'s items."""
    depth = len(table.keys) + 1
    return [
        t
        for t in layout()
        if len(t.keys) == depth and t.keys[-1].table == table.path and t is not table
    ]


def _get(item: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(item, dict):
            return None
        item = item.get(key)
    return item


def rows_of(document: Mapping[str, Any]) -> dict[Table, list[list[Any]]]:
    """The rows of every table of a plain document, each row keys first."""
    out: dict[Table, list[list[Any]]] = {t: [] for t in layout()}

    def walk(table: Table, items: Iterable[Any], keys: list[Any]) -> None:
        for number, item in enumerate(items, 1):
            own = [number] if table.numbered else []
            row = keys + own + [_get(item, c.path) if c.path else item for c in table.columns]
            out[table].append(row)
            key = item.get("id") if table.by_id and isinstance(item, dict) else number
            for child in children(table):
                relative = child.path[len(table.path) :]
                inner = _get(item, relative)
                if inner:
                    walk(child, inner, [*keys, key])

    for table in layout():
        if not table.keys:
            walk(table, document.get(table.path[0]) or (), [])
    return out


def _key_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _set(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        inner = target.get(key)
        if not isinstance(inner, dict):
            inner = target[key] = {}
        target = inner
    target[path[-1]] = value


class _Reader:
    def __init__(self, danish: bool) -> None:
        self.danish = danish
        self.problems: list[SheetProblem] = []
        self.places: dict[Path, Place] = {}
        #: The document paths of cells that could not be read (reported already).
        self.failed: set[Path] = set()
        #: Each table's items by their key path: (the item, its document path).
        self.items: dict[tuple[str, ...], dict[tuple[str, ...], tuple[Any, Path]]] = {}

    def item(self, table: Table, row: RawRow) -> tuple[Any, list[Column]]:
        """The plain item of one row, and the columns that could not be read."""
        start = len(table.keys) + (1 if table.numbered else 0)
        item: dict[str, Any] = {}
        value: Any = None
        failed: list[Column] = []
        for column, cell, place in zip(
            table.columns, row.cells[start:], row.places[start:], strict=True
        ):
            try:
                plain = read_cell(cell, column, danish=self.danish)
            except CellError as error:
                self.problems.append(SheetProblem(place, error.phrase))
                failed.append(column)
                continue
            if plain is None:
                continue
            if column.path:
                _set(item, column.path, plain)
            else:
                value = plain
        return (item if table.columns and table.columns[0].path else value), failed

    def table(self, table: Table, rows: list[RawRow], document: dict[str, Any]) -> None:
        found = self.items.setdefault(table.path, {})
        counts: dict[tuple[str, ...], int] = {}
        for row in rows:
            keys = tuple(
                _key_text(c) if c is not None else "" for c in row.cells[: len(table.keys)]
            )
            item, failed = self.item(table, row)
            if table.keys:
                parent = self.items[table.keys[-1].table].get(keys)
                if parent is None:
                    place = row.places[len(table.keys) - 1]
                    known = [" / ".join(k) for k in self.items[table.keys[-1].table]]
                    wanted = " / ".join(keys)
                    self.problems.append(
                        SheetProblem(
                            place,
                            said(
                                "sheet.no_parent",
                                parent=table.keys[-1].table[-1],
                                key=repr(wanted),
                                hint=did_you_mean(wanted, known),
                            ),
                        )
                    )
                    continue
                holder, holder_path = parent
                relative = table.path[len(table.keys[-1].table) :]
                target = _get(holder, relative[:-1]) if len(relative) > 1 else holder
                if not isinstance(target, dict):
                    target = {}
                    _set(holder, relative[:-1], target)
                items = target.setdefault(relative[-1], [])
                base: Path = (*holder_path, *relative)
            else:
                items = document.setdefault(table.path[0], [])
                base = (table.path[0],)
            index = len(items)
            items.append(item)
            path: Path = (*base, index)
            self.failed.update(path + c.path for c in failed)
            self.places[path] = row.places[0]._replace(column=0)
            start = len(table.keys) + (1 if table.numbered else 0)
            for column, place in zip(table.columns, row.places[start:], strict=True):
                self.places[path + column.path] = place
            counts[keys] = counts.get(keys, 0) + 1
            own = counts[keys]
            if table.numbered:
                number = row.cells[len(table.keys)]
                own_key = _key_text(number) if number is not None else str(own)
            elif table.by_id and isinstance(item, dict):
                own_key = _key_text(item.get("id", ""))
            else:
                own_key = str(own)
            found.setdefault((*keys, own_key), (item, path))

    def place(self, path: Path) -> Place | None:
        for end in range(len(path), 0, -1):
            found = self.places.get(path[:end])
            if found is not None:
                return found
        return None


def portfolio_from_rows(
    tables: Mapping[Table, list[RawRow]],
    early: list[SheetProblem],
    source: str,
    *,
    danish: bool,
) -> Portfolio:
    """Rebuild the plain document from the rows of each table and load it.

    Args:
        tables: The rows read from each table (tables not read are empty).
        early: Problems found while reading the sheets (unknown headers …).
        source: The file's name, for the error.
        danish: Read text numbers as Danish ones (``1.500`` is fifteen hundred).

    Raises:
        LoadError: Every problem, each located as ``Sheet!C14``.
    """
    reader = _Reader(danish)
    reader.problems.extend(early)
    document: dict[str, Any] = {"format": FORMAT_VERSION}
    for table in layout():
        reader.table(table, tables.get(table, []), document)
    portfolio, issues = _structure_checked(document)
    if portfolio is not None and not reader.problems:
        return portfolio
    problems = [_problem(p.place, p.message, "") for p in reader.problems]
    for issue in issues:
        if issue.more or any(f[: len(issue.path)] == issue.path for f in reader.failed):
            continue  # follows from a cell reported already
        target = issue.path[:-1] if issue.at_parent else issue.path
        place = reader.place(target)
        problems.append(_problem(place, issue.message, render_path(issue.path)))
    raise LoadError(problems, source)


#: A cell's problem: ``header: message (path)``, the same in every language.
_AT_CELL = Text.of(en="{header}{message}{at}")


def _problem(place: Place | None, message: Said, path: str) -> Problem:
    if place is None:
        return problem(path, message)
    at = f" ({path})" if path else ""
    header = f"{place.header}: " if place.header and place.column else ""
    framed = Phrase.of(_AT_CELL, header=header, message=message, at=at)
    return Problem.of(str(place), framed, place.row, place.column or None)
