"""A portfolio (*portefølje*): organisations, areas and partnerships loaded together."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

import attrs
import pendulum

from samarbejde.model._checks import tuple_of
from samarbejde.model.areas import Area
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
    """

    organisations: tuple[Organisation, ...] = attrs.field(
        default=(), validator=tuple_of(Organisation)
    )
    areas: tuple[Area, ...] = attrs.field(default=(), validator=tuple_of(Area))
    partnerships: tuple[Partnership, ...] = attrs.field(default=(), validator=tuple_of(Partnership))
    _organisations: Mapping[str, Organisation] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _areas: Mapping[str, Area] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _partnerships: Mapping[str, Partnership] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_organisations", _index(self.organisations))
        object.__setattr__(self, "_areas", _index(self.areas))
        object.__setattr__(self, "_partnerships", _index(self.partnerships))

    def __reduce__(self) -> tuple[type[Portfolio], tuple[object, ...]]:
        # Pickle and copy through the constructor, which rebuilds the lookup indexes.
        return (type(self), (self.organisations, self.areas, self.partnerships))

    def organisation(self, id: str) -> Organisation:  # noqa: A002 - the domain's word
        """Return the organisation with ``id``.

        Raises:
            KeyError: No organisation has that id.
        """
        return self._organisations[id]

    def area(self, id: str) -> Area:  # noqa: A002 - the domain's word
        """Return the area with ``id``.

        Raises:
            KeyError: No area has that id.
        """
        return self._areas[id]

    def partnership(self, id: str) -> Partnership:  # noqa: A002 - the domain's word
        """Return the partnership with ``id``.

        Raises:
            KeyError: No partnership has that id.
        """
        return self._partnerships[id]

    def _repr_html_(self) -> str:
        """A compact table for notebooks (see :mod:`samarbejde.model._html`)."""
        from samarbejde.model._html import portfolio_html  # noqa: PLC0415 - lazy

        return portfolio_html(self)

    def as_of(self, day: pendulum.Date) -> Portfolio:
        """The portfolio as recorded on ``day``.

        Partnerships that had not begun are left out; the others are taken
        :meth:`Partnership.as_of` that day; areas keep the classifications listed by then.
        """
        return Portfolio(
            organisations=self.organisations,
            areas=tuple(a.as_of(day) for a in self.areas),
            partnerships=tuple(
                p.as_of(day) for p in self.partnerships if p.lifecycles[0].started <= day
            ),
        )
