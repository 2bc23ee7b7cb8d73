"""The real government lists, shipped as package data, and a check of their counts (D98).

:func:`load_lists` reads the lists the project's sources give
(``data/lists/PROVENANCE-lists.md``): every list of 2018-2024 with its published count,
the areas of the 2018 ghetto list and of the 2024 list of kombineret udlejning. A list
the sources could not complete is loaded incomplete (``complete=False``, no areas), never
guessed. :func:`check_list_counts` compares loaded lists with the published counts.

>>> lists = load_lists()
>>> [x.id for x in lists.lists if x.complete]
['ghetto-2018', 'kombineret_udlejning-2024']
>>> sorted({c.status for c in check_list_counts(lists.lists)})
['agrees', 'incomplete']
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from importlib import resources
from typing import Literal

import attrs
import pendulum

from samarbejde.model.area_lists import AreaList, Figure, Listing
from samarbejde.model.areas import Area
from samarbejde.model.iso import read_date
from samarbejde.model.portfolio import Portfolio

__all__ = ["CountCheck", "area_id", "check_list_counts", "load_lists", "published_counts"]

_FOLDER = "data/lists"
_COUNTS = "list-counts-by-year.csv"
_LAW_2018 = "lov om almene boliger m.v., as amended in 2018 (the ghetto lists)"
_LAW_2021 = "lov om almene boliger m.v., as amended in 2021"
_LAW_2024 = "lov om almene boliger m.v. (kombineret udlejning)"
_LATER = pendulum.Date(2021, 1, 1)

#: The count columns' categories: the 2018 law's (lists before 2021), the 2021 amendment's.
_COLUMNS: dict[str, tuple[str, str]] = {
    "udsatte": ("udsat", "udsat"),
    "parallelsamfund": ("ghetto", "parallelsamfund"),
    "omdannelsesomraader": ("haardt_ghetto", "omdannelse"),
    "forebyggelsesomraader": ("forebyggelse", "forebyggelse"),
}

Status = Literal["agrees", "differs", "incomplete", "missing"]


@attrs.frozen
class CountCheck:
    """One published count compared with the loaded list of that date and category.

    Attributes:
        category: The list's category.
        list_date: The list's date.
        published: The number of areas the list was published with.
        entered: The number of areas the loaded list names (``None``: no such list).
        status: ``agrees`` (a complete list naming as many areas as published),
            ``differs`` (a complete list naming another number, or a list whose own
            ``count`` is another), ``incomplete`` (a list marked incomplete naming no
            more than published) or ``missing`` (no list loaded).
        list_id: The loaded list's id, or ``None``.
    """

    category: str
    list_date: pendulum.Date
    published: int
    entered: int | None
    status: Status
    list_id: str | None = None


def _read(name: str) -> list[dict[str, str]]:
    import csv  # noqa: PLC0415 - read on first use, not on import

    text = resources.files("samarbejde.model").joinpath(f"{_FOLDER}/{name}").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def published_counts() -> tuple[tuple[pendulum.Date, str, int, str], ...]:
    """The shipped published counts: ``(list date, category, count, source)`` each.

    >>> published_counts()[0][:3]
    (Date(2018, 12, 1), 'udsat', 43)
    """
    counts = []
    for row in _read(_COUNTS):
        day = read_date(row["list_date"])
        for column, (before, after) in _COLUMNS.items():
            if row[column]:
                category = before if day < _LATER else after
                counts.append((day, category, int(row[column]), row["source"]))
    return tuple(counts)


def area_id(name: str, kommunekode: str) -> str:
    """An area's id from its name and kommunekode.

    >>> area_id("Mjølnerparken", "101")
    'mjoelnerparken-101'
    """
    text = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return f"{re.sub(r'[^a-z0-9]+', '-', text).strip('-')}-{kommunekode}"


@functools.cache
def load_lists() -> Portfolio:
    """The shipped lists, with the areas they name, as a portfolio to merge with one's own.

    Every list of 2018-2024 that the published counts name, with its count and source;
    the areas of the lists the sources give in full (the 2018 ghetto list, the 2024
    list of kombineret udlejning), each such list ``complete``. Read once.
    """
    areas: dict[str, Area] = {}
    full: dict[tuple[pendulum.Date, str], AreaList] = {}

    def listing(name: str, kode: str, *figures: Figure, new: bool | None = None) -> Listing:
        key = area_id(name, kode)
        areas.setdefault(key, Area(key, name, kode))
        return Listing(key, figures, new)

    ghetto = tuple(listing(r["area_name"], r["kommunekode"]) for r in _read(_GHETTO_2018))
    full[pendulum.Date(2018, 12, 1), "ghetto"] = AreaList(
        "ghetto-2018",
        "ghetto",
        pendulum.Date(2018, 12, 1),
        law=_LAW_2018,
        listings=ghetto,
        complete=True,
        source="second-hand list citing the Transport-, Bygnings- og Boligministeriet "
        "list of 1 December 2018; check a row against the official list",
    )
    combined = tuple(
        listing(
            r["area_name"],
            r["kommunekode"],
            Figure("residents", Decimal(r["residents_2024_01_01"])),
            Figure("outside_labour_market_pct", Decimal(r["pct_outside_labour_market_2023"])),
            new=r["new_on_list_2024"] == "true",
        )
        for r in _read(_COMBINED_2024)
    )
    lists = [
        attrs.evolve(
            full.get(
                (day, category),
                AreaList(f"{category}-{day.year}", category, day, law=_law(day), source=source),
            ),
            count=count,
        )
        for day, category, count, source in published_counts()
    ]
    lists.append(
        AreaList(
            "kombineret_udlejning-2024",
            "kombineret_udlejning",
            pendulum.Date(2024, 12, 1),
            law=_LAW_2024,
            listings=combined,
            count=len(combined),
            complete=True,
            source="Social- og Boligministeriet, Lister over parallelsamfund og udsatte "
            "boligområder, 1 December 2024, table 1 (Folketinget, BOU Alm.del 2024-25 "
            "Bilag 16)",
        )
    )
    return Portfolio(areas=tuple(areas.values()), lists=tuple(lists))


_GHETTO_2018 = "ghettoomraader-2018-12-01.csv"
_COMBINED_2024 = "kombineret-udlejning-2024-12-01.csv"


def _law(day: pendulum.Date) -> str:
    return _LAW_2018 if day < _LATER else _LAW_2021


def check_list_counts(
    lists: Iterable[AreaList],
    counts: Sequence[tuple[pendulum.Date, str, int, str]] | None = None,
) -> tuple[CountCheck, ...]:
    """Each published count compared with the loaded list of its date and category.

    Args:
        lists: The lists to check, e.g. ``load_lists().lists``.
        counts: ``(list date, category, count, source)`` each; the shipped
            :func:`published_counts` unless given.
    """
    by_key = {(x.list_date, x.category): x for x in lists}
    checks = []
    for day, category, published, _ in published_counts() if counts is None else counts:
        found = by_key.get((day, category))
        if found is None:
            checks.append(CountCheck(category, day, published, None, "missing"))
            continue
        entered = len(found.listings)
        status: Status
        if found.count is not None and found.count != published:
            status = "differs"
        elif found.complete:
            status = "agrees" if entered == published else "differs"
        else:
            status = "incomplete" if entered <= published else "differs"
        checks.append(CountCheck(category, day, published, entered, status, found.id))
    return tuple(checks)
