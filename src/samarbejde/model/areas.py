"""Places (*boligområder, bydele*) that partnerships serve."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    AtLeast,
    OneOf,
    in_date_order,
    instance_of,
    is_date,
    is_id,
    is_text,
    tuple_of,
)
from samarbejde.model.enums import AreaCategory
from samarbejde.model.municipalities import municipalities

__all__ = ["Area", "Classification"]


@attrs.frozen
class Classification:
    """An area's category on a dated government list.

    Attributes:
        category: E.g. ``udsat`` or ``forebyggelse``; ``none`` when taken off the lists.
        list_date: The date of the list.
    """

    category: AreaCategory = attrs.field(validator=instance_of(AreaCategory))
    list_date: pendulum.Date = attrs.field(validator=is_date)


_municipality = OneOf(municipalities, "not the kommunekode of a Danish municipality")
_residents = AtLeast(0, "must be a whole number, zero or more", whole=True, optional=True)


def _classifications(
    instance: Area, attribute: attrs.Attribute[Any], value: tuple[Classification, ...]
) -> None:
    in_date_order(instance, attribute, (c.list_date for c in value))


@attrs.frozen
class Area:
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

    def classification_on(self, day: pendulum.Date) -> AreaCategory | None:
        """The category in force on ``day`` (the latest list dated on or before it)."""
        current: AreaCategory | None = None
        for entry in self.classifications:
            if entry.list_date <= day:
                current = entry.category
        return current

    def as_of(self, day: pendulum.Date) -> Area:
        """The area as recorded on ``day``: classifications up to that date."""
        kept = tuple(c for c in self.classifications if c.list_date <= day)
        return (
            self
            if len(kept) == len(self.classifications)
            else attrs.evolve(self, classifications=kept)
        )
