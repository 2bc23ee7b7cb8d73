"""A portfolio (*portefølje*): organisations, areas and partnerships loaded together."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model._checks import because, tuple_of
from samarbejde.model.area_lists import AreaList, categories_of
from samarbejde.model.areas import Area
from samarbejde.model.errors import ModelError, UnknownIdError
from samarbejde.model.organisations import Organisation
from samarbejde.model.partnerships import Partnership

__all__ = ["Portfolio"]

T = TypeVar("T", Organisation, Area, Partnership)


def _index(items: tuple[T, ...]) -> Mapping[str, T]:
    table: dict[str, T] = {}
    for item in items:
        table.setdefault(item.id, item)
    return MappingProxyType(table)


@attrs.frozen
class Portfolio:
    """Organisations, areas and partnerships that refer to each other by id.

    Construction does not check references across records or duplicate ids; those
    are findings of :func:`samarbejde.validate`, so that one run lists every problem.
    Lookups return the first record with an id.

    Attributes:
        organisations: Every organisation and unit.
        areas: Every area.
        partnerships: Every partnership.
        lists: The government lists of areas (design decision D97); an area's
            categories on a day are derived from them (:meth:`categories_on`).
    """

    organisations: tuple[Organisation, ...] = attrs.field(
        default=(), validator=tuple_of(Organisation)
    )
    areas: tuple[Area, ...] = attrs.field(default=(), validator=tuple_of(Area))
    partnerships: tuple[Partnership, ...] = attrs.field(default=(), validator=tuple_of(Partnership))
    lists: tuple[AreaList, ...] = attrs.field(default=(), validator=tuple_of(AreaList))
    _organisations: Mapping[str, Organisation] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _areas: Mapping[str, Area] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _partnerships: Mapping[str, Partnership] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    # The last view :meth:`as_of` made, as (day, view); ``None`` for a view that is the
    # portfolio itself (no cycle). Computed once, shared by every caller (D109).
    _view: list[tuple[pendulum.Date, Portfolio | None]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_organisations", _index(self.organisations))
        object.__setattr__(self, "_areas", _index(self.areas))
        object.__setattr__(self, "_partnerships", _index(self.partnerships))
        object.__setattr__(self, "_view", [])

    def __reduce__(self) -> tuple[type[Portfolio], tuple[object, ...]]:
        # Pickle and copy through the constructor, which rebuilds the lookup indexes.
        return (type(self), (self.organisations, self.areas, self.partnerships, self.lists))

    def organisation(self, id: str) -> Organisation:  # noqa: A002 - the domain's word
        """Return the organisation with ``id``.

        Raises:
            UnknownIdError: No organisation has that id (a ``KeyError``).
        """
        return _lookup(self._organisations, "organisation", id)

    def area(self, id: str) -> Area:  # noqa: A002 - the domain's word
        """Return the area with ``id``.

        Raises:
            UnknownIdError: No area has that id (a ``KeyError``).
        """
        return _lookup(self._areas, "area", id)

    def partnership(self, id: str) -> Partnership:  # noqa: A002 - the domain's word
        """Return the partnership with ``id``.

        Raises:
            UnknownIdError: No partnership has that id (a ``KeyError``).
        """
        return _lookup(self._partnerships, "partnership", id)

    def _repr_html_(self) -> str:
        """A compact table for notebooks (see :mod:`samarbejde.model._html`)."""
        from samarbejde.model._html import portfolio_html  # noqa: PLC0415 - lazy

        return portfolio_html(self)

    # -- operations ------------------------------------------------------------
    #
    # Organisations, areas and partnerships carry their own dates (an area's lists,
    # a partnership's lifecycles and members), so these take none. Each returns a new
    # portfolio; nothing is changed in place.

    def add_organisation(self, organisation: Organisation) -> Portfolio:
        """Add ``organisation``.

        Raises:
            ModelError: An organisation already has its id, or its parent is not
                among the portfolio's organisations.
        """
        self._new("organisations", organisation.id, self._organisations)
        self._parent_known(organisation)
        return attrs.evolve(self, organisations=(*self.organisations, organisation))

    def replace_organisation(self, organisation: Organisation) -> Portfolio:
        """Put ``organisation`` in place of the organisation with its id.

        Raises:
            UnknownIdError: No organisation has its id (a ``KeyError``).
            ModelError: Its parent is not among the portfolio's organisations.
        """
        old = self.organisation(organisation.id)
        self._parent_known(organisation)
        return attrs.evolve(self, organisations=_swap(self.organisations, old, organisation))

    def add_area(self, area: Area) -> Portfolio:
        """Add ``area``.

        Raises:
            ModelError: An area already has its id.
        """
        self._new("areas", area.id, self._areas)
        return attrs.evolve(self, areas=(*self.areas, area))

    def replace_area(self, area: Area) -> Portfolio:
        """Put ``area`` in place of the area with its id (e.g. with a new list entry).

        Raises:
            UnknownIdError: No area has its id (a ``KeyError``).
        """
        old = self.area(area.id)
        return attrs.evolve(self, areas=_swap(self.areas, old, area))

    def add_partnership(self, partnership: Partnership) -> Portfolio:
        """Add ``partnership``.

        Raises:
            ModelError: A partnership already has its id, or it names an area, a
                member or a parent partnership the portfolio does not have.
        """
        self._new("partnerships", partnership.id, self._partnerships)
        self._references_known(partnership)
        return attrs.evolve(self, partnerships=(*self.partnerships, partnership))

    def replace_partnership(self, partnership: Partnership) -> Portfolio:
        """Put ``partnership`` in place of the one with its id, typically after operations.

        Raises:
            UnknownIdError: No partnership has its id (a ``KeyError``).
            ModelError: It names an area, a member or a parent partnership the
                portfolio does not have.
        """
        old = self.partnership(partnership.id)
        self._references_known(partnership)
        return attrs.evolve(self, partnerships=_swap(self.partnerships, old, partnership))

    def _new(self, field: str, id: str, table: Mapping[str, object]) -> None:  # noqa: A002
        if id in table:
            raise ModelError("Portfolio", field, id, because(f"{field[:-1]}_id"))

    def _parent_known(self, organisation: Organisation) -> None:
        parent = organisation.parent
        if parent is not None and parent != organisation.id and parent not in self._organisations:
            raise ModelError("Organisation", "parent", parent, because("no_organisation"))

    def _references_known(self, partnership: Partnership) -> None:
        for area in partnership.areas:
            if area not in self._areas:
                raise ModelError("Partnership", "areas", area, because("no_area"))
        for member in partnership.members:
            if member.organisation not in self._organisations:
                raise ModelError(
                    "Partnership", "members", member.organisation, because("no_organisation")
                )
        parent = partnership.parent
        if parent is not None and parent not in self._partnerships:
            raise ModelError("Partnership", "parent", parent, because("no_partnership"))

    def as_of(self, day: pendulum.Date) -> Portfolio:
        """The portfolio as recorded on ``day``.

        Partnerships that had not begun are left out; the others are taken
        :meth:`Partnership.as_of` that day; areas keep the classifications listed by then,
        and the lists dated by then are kept. When nothing in it is dated after the day,
        the view is the portfolio itself; the last view is kept, so asking again for the
        same day costs nothing (design decision D109).
        A partnership's ``parent`` that the portfolio holds is kept only when the parent
        is in the view and in the strategic form that day: a project recorded under a
        strategic partnership that began later, or that was still a project then, did
        not yet run under it (design decision D31). A parent id that no partnership
        has stays, as the error it is.

        Raises:
            DateTypeError: ``day`` is not a calendar date (D64).
        """
        day = days.day(day, "day")
        for seen_day, view in self._view:
            if seen_day == day:
                return self if view is None else view
        found = self._as_of(day)
        self._view[:] = [(day, None if found is self else found)]
        return found

    def _as_of(self, day: pendulum.Date) -> Portfolio:
        seen = [p.as_of(day) for p in self.partnerships if p.lifecycles[0].started <= day]
        strategic = {p.id for p in seen if p.form == "strategic"}
        waiting = {p.id for p in self.partnerships} - strategic  # a parent id no record has
        areas = tuple(a.as_of(day) for a in self.areas)  # stays: an error, in the view too
        partnerships = tuple(
            attrs.evolve(p, parent=None) if p.parent in waiting else p for p in seen
        )
        lists = tuple(x for x in self.lists if x.list_date <= day)
        if (
            len(lists) == len(self.lists)
            and _same(partnerships, self.partnerships)
            and _same(areas, self.areas)
        ):
            return self  # nothing in it was dated after the day (D109)
        return Portfolio(
            organisations=self.organisations, areas=areas, partnerships=partnerships, lists=lists
        )

    def categories_on(self, area: str, day: pendulum.Date) -> tuple[str, ...]:
        """The categories area ``area`` holds on ``day``, derived from the lists (D97, D113).

        From :attr:`lists` together with the area's own ``classifications``
        (:func:`~samarbejde.categories_of`): per category the latest word decides. An
        area no list names keeps its own classifications, as codes. Every reader (the
        rules, maturity, the frames, the report) asks this.

        Raises:
            UnknownIdError: No area has that id (a ``KeyError``).
            DateTypeError: ``day`` is not a calendar date (D64).
        """
        return categories_of(self.area(area), self.lists, day)


def _same(new: tuple[T, ...], old: tuple[T, ...]) -> bool:
    """Whether ``new`` holds the very objects of ``old``, in the same order."""
    return len(new) == len(old) and all(a is b for a, b in zip(new, old))  # noqa: B905


def _swap(items: tuple[T, ...], old: T, new: T) -> tuple[T, ...]:
    return tuple(new if item is old else item for item in items)


def _lookup(table: Mapping[str, T], record: str, id: str) -> T:  # noqa: A002
    """``table[id]``, or :class:`UnknownIdError` naming the kind of record and the id."""
    try:
        return table[id]
    except KeyError:
        raise UnknownIdError(record, id) from None
