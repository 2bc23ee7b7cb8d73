"""Places (*boligområder, bydele*) that partnerships serve."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model._checks import (
    AtLeast,
    OneOf,
    OrUnknown,
    because,
    fail,
    in_date_order,
    instance_of,
    is_date,
    is_id,
    is_text,
    tuple_of,
)
from samarbejde.model.enums import AreaCategory
from samarbejde.model.municipalities import municipalities
from samarbejde.model.sources import Cited
from samarbejde.model.terms import Term
from samarbejde.model.unknown import UNKNOWN, Unknown

__all__ = ["LAW_PERIODS", "LAW_SOURCES", "Area", "Classification", "categories_on"]

_C = AreaCategory
_2010, _2018, _2021 = (
    pendulum.Date(2010, 1, 1),
    pendulum.Date(2018, 1, 1),
    pendulum.Date(2021, 1, 1),
)

_BL = (
    "BL - Danmarks Almene Boliger, bl.dk/viden-kartotek/forebyggelsesomraader-og-udsatte-"
    "omraader (the counts per list, 2018-2024)"
)

#: Each category, the list dates of the law that defined it, and where that is stated:
#: lists from 2010 to 2017 (the *ghettoliste*, criteria of 2010 and 2013); the 2018 law
#: (ghettoområde, hårdt ghettoområde, udsat boligområde); its 2021 amendment
#: (parallelsamfund, omdannelsesområde, forebyggelsesområde; udsat kept). ``none``
#: (taken off the lists) belongs to every period. A category is in force only inside
#: its period: the ghetto categories ended with the 2018 law's words (design decision
#: D32, D63). The sources are restated in the project's shared data
#: (``data/dk/NOTES.md`` and ``list-counts-by-year.csv``).
_LAWS: tuple[tuple[AreaCategory, Term, str], ...] = (
    (
        _C.GHETTO_2010,
        Term(_2010, pendulum.Date(2017, 12, 31)),
        "the ghettolister of 2010-2017 (criteria of 2010, changed 2013; 2017: 3 of 5); "
        "replaced by the 2018 law",
    ),
    (
        _C.GHETTO,
        Term(_2018, pendulum.Date(2020, 12, 31)),
        f"the 2018 law's lists of 2018-2020; the word left the law in 2021; {_BL}",
    ),
    (
        _C.HAARDT_GHETTO,
        Term(_2018, pendulum.Date(2020, 12, 31)),
        f"the 2018 law's lists of 2018-2020; the word left the law in 2021; {_BL}",
    ),
    (_C.UDSAT, Term(_2018), f"udsatte boligområder on every list from 2018 (43 in 2018); {_BL}"),
    (_C.PARALLELSAMFUND, Term(_2021), f"the 2021 amendment, lists from 2021; {_BL}"),
    (_C.OMDANNELSE, Term(_2021), f"the 2021 amendment, lists from 2021; {_BL}"),
    (_C.FOREBYGGELSE, Term(_2021), f"the 2021 amendment, lists from 2021 (62 in 2021); {_BL}"),
    (_C.NONE, Term(_2010), "taken off the lists: a word of every period"),
)

#: The list dates each category can appear on, and the days it is in force: the period
#: of the law that defined it (one table with :data:`LAW_SOURCES`).
LAW_PERIODS: Mapping[AreaCategory, Term] = MappingProxyType({c: t for c, t, _ in _LAWS})

#: Where each category's period is stated (the same table as :data:`LAW_PERIODS`).
LAW_SOURCES: Mapping[AreaCategory, str] = MappingProxyType({c: w for c, _, w in _LAWS})


def categories_on(list_date: pendulum.Date) -> tuple[AreaCategory, ...]:
    """The categories a list dated ``list_date`` can hold, in the enum's order.

    >>> [c.value for c in categories_on(pendulum.Date(2019, 12, 1))]
    ['ghetto', 'haardt_ghetto', 'udsat', 'none']
    """
    return tuple(c for c in AreaCategory if LAW_PERIODS[c].contains(list_date))


def _in_law_period(
    instance: Classification, attribute: attrs.Attribute[Any], value: object
) -> None:
    category = instance.category
    if category is UNKNOWN:  # not known which category: any list's date
        return
    period = LAW_PERIODS[category]
    if isinstance(value, pendulum.Date) and not period.contains(value):
        end: object = "" if period.end is None else because("list_to", end=f"{period.end}")
        known: object = ", ".join(c.value for c in categories_on(value))
        reason = because(
            "list_dated",
            category=repr(category.value),
            start=f"{period.start}",
            end=end,
            known=known or because("no_category"),
        )
        fail(instance, attribute, value, reason)


@attrs.frozen
class Classification(Cited):
    """An area's category on a dated government list.

    An area can hold several categories on one list (a parallelsamfund that is also an
    omdannelsesområde): one classification each, with the same list date. The category
    must belong to the list's law period (:data:`LAW_PERIODS`), so a 2018 list is
    entered with the 2018 categories.

    Attributes:
        category: E.g. ``udsat`` or ``forebyggelse``; ``none`` when taken off the lists;
            :data:`~samarbejde.UNKNOWN` when the list of that date is not known to have
            held the area or not (the area's status that day is unknown).
        list_date: The date of the list.
    """

    category: AreaCategory | Unknown = attrs.field(validator=OrUnknown(instance_of(AreaCategory)))
    list_date: pendulum.Date = attrs.field(validator=[is_date, _in_law_period])


_municipality = OneOf(municipalities, "not the kommunekode of a Danish municipality")
_residents = AtLeast(0, "must be a whole number, zero or more", whole=True, optional=True)


def _classifications(
    instance: Area, attribute: attrs.Attribute[Any], value: tuple[Classification, ...]
) -> None:
    in_date_order(instance, attribute, (c.list_date for c in value))


@attrs.frozen
class Area(Cited):
    """A housing area or district that partnerships serve (*boligområde*).

    Attributes:
        id: Unique among the portfolio's areas.
        name: The area's name.
        municipality: The kommunekode of its municipality.
        residents: Number of residents, when known.
        classifications: Dated classifications, oldest first.
    """

    id: str = attrs.field(validator=is_id)
    name: str = attrs.field(validator=is_text)
    municipality: str = attrs.field(validator=_municipality)
    residents: int | None = attrs.field(default=None, validator=_residents)
    classifications: tuple[Classification, ...] = attrs.field(
        default=(), validator=[tuple_of(Classification), _classifications]
    )

    def classifications_on(self, day: pendulum.Date) -> tuple[AreaCategory | Unknown, ...]:
        """Every category in force on ``day``: those of the latest list dated on or before it.

        Empty before the first list and when that list took the area off (``none``). A
        category is in force only inside its law's period (:data:`LAW_PERIODS`): an area
        listed as ``ghetto`` in 2018 and never again holds no category in 2024, because
        that category ended with its law (design decision D63). ``(UNKNOWN,)`` when that
        list's status of the area is not known (D75).

        Raises:
            DateTypeError: ``day`` is not a calendar date (D64).
        """
        day = days.day(day, "day")
        latest = [c for c in self.classifications if c.list_date <= day]
        if not latest:
            return ()
        listed = latest[-1].list_date
        return tuple(
            dict.fromkeys(
                c.category
                for c in latest
                if c.list_date == listed
                and c.category is not AreaCategory.NONE
                and (c.category is UNKNOWN or LAW_PERIODS[c.category].contains(day))
            )
        )

    def as_of(self, day: pendulum.Date) -> Area:
        """The area as recorded on ``day``: classifications up to that date."""
        day = days.day(day, "day")
        kept = tuple(c for c in self.classifications if c.list_date <= day)
        return (
            self
            if len(kept) == len(self.classifications)
            else attrs.evolve(self, classifications=kept)
        )
