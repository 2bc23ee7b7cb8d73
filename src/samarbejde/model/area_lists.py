"""Government lists of housing areas as data (*listerne*), design decision D97.

Each 1 December the ministry publishes lists of almene boligområder: in 2018-2020 the
ghetto lists, from 2021 parallelsamfund, omdannelses-, forebyggelses- and udsatte
boligområder, from 2024 also the areas with *kombineret udlejning*. An
:class:`AreaList` is one such list: its date, law, category (an open code, so later
lists fit), the areas on it with their figures on that date, the areas that left it
that day, the number of areas the list is published with, and whether the areas
entered are the whole list.

An area's categories on a day are derived from the lists (:func:`categories_on_lists`);
leaving one list is a fact of its own (``left``, or absence from a later complete list
of that category), so an area that left the parallelsamfund list stays on the
udsat list. :class:`~samarbejde.Area`'s own ``classifications`` still load as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model._checks import (
    AtLeast,
    because,
    fail,
    instance_of,
    is_code,
    is_date,
    is_decimal,
    is_id,
    is_ids,
    is_optional_text,
    optional_instance_of,
    tuple_of,
    unique_by,
)
from samarbejde.model.areas import LAW_PERIODS, Area, categories_on
from samarbejde.model.enums import AreaCategory
from samarbejde.model.unknown import UNKNOWN

__all__ = [
    "KNOWN_LIST_CATEGORIES",
    "AreaList",
    "Figure",
    "Listing",
    "as_category",
    "categories_of",
    "categories_on_lists",
]

#: The list categories known so far (open: any code is accepted): the 2018 law's,
#: the 2021 amendment's and the 2024 list of areas with kombineret udlejning.
KNOWN_LIST_CATEGORIES: tuple[str, ...] = (
    *(c.value for c in AreaCategory if c is not AreaCategory.NONE),
    "kombineret_udlejning",
)


@attrs.frozen
class Figure:
    """One of an area's figures on a list's date (a criterion's value, residents …).

    Attributes:
        name: A code, e.g. ``residents`` or ``outside_labour_market_pct``.
        value: The figure as the list gives it.
    """

    name: str = attrs.field(validator=is_code)
    value: Decimal = attrs.field(validator=is_decimal)


def _figures(instance: Listing, attribute: attrs.Attribute[Any], value: tuple[Figure, ...]) -> None:
    unique_by(instance, attribute, value, lambda f: f.name, "figure")


@attrs.frozen
class Listing:
    """An area on a list, with its figures on the list's date where the list gives them.

    Attributes:
        area: The area's id.
        figures: Its figures on that date.
        new: Whether the list marks it as new on the list; ``None`` when it does not say.
    """

    area: str = attrs.field(validator=is_id)
    figures: tuple[Figure, ...] = attrs.field(default=(), validator=[tuple_of(Figure), _figures])
    new: bool | None = attrs.field(default=None, validator=optional_instance_of(bool))


_count = AtLeast(0, "must be a whole number, zero or more", whole=True, optional=True)


def _listings(
    instance: AreaList, attribute: attrs.Attribute[Any], value: tuple[Listing, ...]
) -> None:
    unique_by(instance, attribute, value, lambda x: x.area, "area")


def _left(instance: AreaList, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    on = {x.area for x in instance.listings}
    for area in value:
        if area in on:
            fail(instance, attribute, area, because("same_day"))


@attrs.frozen
class AreaList:
    """One dated government list of one category (*liste*).

    Attributes:
        id: Unique among the portfolio's lists, e.g. ``udsat-2022``.
        category: An open code (:data:`KNOWN_LIST_CATEGORIES`), e.g. ``parallelsamfund``.
        list_date: The list's date (lists are published each 1 December).
        law: The law it is published under, as the source names it.
        listings: The areas on it, each with its figures on that date.
        left: Ids of areas taken off this list on its date.
        count: How many areas the list holds, as published; ``None`` when unknown.
        complete: Whether ``listings`` is the whole list. An incomplete list says nothing
            of the areas it does not name: they are neither on it nor off it.
        source: Where the list (or its count) was taken from.
    """

    id: str = attrs.field(validator=is_id)
    category: str = attrs.field(validator=is_code)
    list_date: pendulum.Date = attrs.field(validator=is_date)
    law: str | None = attrs.field(default=None, validator=is_optional_text)
    listings: tuple[Listing, ...] = attrs.field(
        default=(), validator=[tuple_of(Listing), _listings]
    )
    left: tuple[str, ...] = attrs.field(default=(), validator=[is_ids, _left])
    count: int | None = attrs.field(default=None, validator=_count)
    complete: bool = attrs.field(default=False, validator=instance_of(bool))
    source: str | None = attrs.field(default=None, validator=is_optional_text)
    # The ids on the list and off it, as sets: :meth:`says` is asked once per area and
    # list day, and a national list names hundreds of areas.
    _on: frozenset[str] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _off: frozenset[str] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_on", frozenset(x.area for x in self.listings))
        object.__setattr__(self, "_off", frozenset(self.left))

    @property
    def areas(self) -> tuple[str, ...]:
        """The ids of the areas on the list."""
        return tuple(x.area for x in self.listings)

    def says(self, area: str) -> bool | None:
        """Whether ``area`` is on this list: ``None`` when an incomplete list does not say."""
        if area in self._on:
            return True
        if area in self._off or self.complete:
            return False
        return None


def as_category(code: str) -> AreaCategory | str:
    """A list category as the model knows it, for a label; an open one as its words.

    >>> as_category("udsat"), as_category("kombineret_udlejning")
    (<AreaCategory.UDSAT: 'udsat'>, 'kombineret udlejning')
    """
    try:
        return AreaCategory(code)
    except ValueError:
        return code.replace("_", " ")


def _in_force(category: str, day: pendulum.Date) -> bool:
    """Whether a category still exists on ``day``: a known one ends with its law."""
    try:
        known = AreaCategory(category)
    except ValueError:
        return True  # an open category holds until a later list says otherwise
    return LAW_PERIODS[known].contains(day)


def categories_on_lists(
    lists: Iterable[AreaList], area: str, day: pendulum.Date
) -> tuple[str, ...] | None:
    """The categories ``area`` holds on ``day`` by the lists dated on or before it.

    For each category, the latest list that says anything of the area decides: a list
    that names it (on), names it as having left, or is complete without it (off). An
    incomplete list that does not name it says nothing, and an earlier list decides.
    A category that ended with its law (:data:`~samarbejde.LAW_PERIODS`) is held by
    nobody after its end (D63). ``None`` when no list says anything of the area.

    Raises:
        DateTypeError: ``day`` is not a calendar date (D64).

    >>> udsat = AreaList("u-2021", "udsat", pendulum.Date(2021, 12, 1), listings=(Listing("a"),))
    >>> left = AreaList("u-2022", "udsat", pendulum.Date(2022, 12, 1), left=("a",))
    >>> categories_on_lists([udsat, left], "a", pendulum.Date(2022, 1, 1))
    ('udsat',)
    >>> categories_on_lists([udsat, left], "a", pendulum.Date(2023, 1, 1))
    ()
    """
    said = _said(lists, area, days.day(day, "day"))
    if not said:
        return None
    return tuple(sorted(c for c, (_, on) in said.items() if on and _in_force(c, day)))


def _said(
    lists: Iterable[AreaList], area: str, day: pendulum.Date
) -> dict[str, tuple[pendulum.Date, bool]]:
    """Per category, the date and word (on or off) of the latest list that says anything."""
    said: dict[str, tuple[pendulum.Date, bool]] = {}
    for x in sorted(lists, key=lambda x: x.list_date):
        if x.list_date > day:
            break
        on = x.says(area)
        if on is not None:
            said[x.category] = (x.list_date, on)
    return said


def categories_of(area: Area, lists: Iterable[AreaList], day: pendulum.Date) -> tuple[str, ...]:
    """The categories ``area`` holds on ``day``: its lists and its own classifications (D113).

    The one answer to "which categories did the area have that day", read by the rules,
    maturity, the frames and the report. Per category the latest word decides: a list
    that says anything of the area (:func:`categories_on_lists`), or the area's own
    latest classification list (:meth:`~samarbejde.Area.classifications_on`), which
    names every category of its law the area held that day, so it takes the area off
    the others. On the same day a list's word wins over the area's own. A known
    category ends with its law (D63). An area no list says anything of keeps its own
    classifications exactly, in their order, ``unknown`` included (D75); an area
    whose own latest list is ``unknown`` stays so until a later list speaks of it.

    Raises:
        DateTypeError: ``day`` is not a calendar date (D64).

    >>> from samarbejde.model.areas import Classification
    >>> own = Classification(AreaCategory.GHETTO, pendulum.Date(2019, 12, 1))
    >>> a = Area("a", "A", "561", classifications=(own,))
    >>> ghetto = AreaList("g-2018", "ghetto", pendulum.Date(2018, 12, 1), complete=True)
    >>> categories_of(a, [ghetto], pendulum.Date(2020, 1, 1))
    ('ghetto',)
    """
    day = days.day(day, "day")
    said = _said(lists, area.id, day)
    own = area.classifications_on(day)
    if not said:
        return tuple(c.value for c in own)
    latest = [c for c in area.classifications if c.list_date <= day]
    if not latest:
        return categories_on_lists(lists, area.id, day) or ()
    listed = latest[-1].list_date
    newest = max(when for when, _ in said.values())  # the latest list that speaks of it
    held = {c.value for c in own}
    doubt = UNKNOWN in own  # the area's own list is not known to have held it or not
    for category in categories_on(listed):
        code = category.value
        if category is AreaCategory.NONE or (code in said and said[code][0] >= listed):
            continue
        if code in held or not doubt:
            said[code] = (listed, code in held)
    codes = [c for c, (_, on) in sorted(said.items()) if on and _in_force(c, day)]
    if doubt and newest < listed:
        codes.append(UNKNOWN.value)
    return tuple(codes)
