"""Involvement events (*inddragelse*): workshops, hearings and dialogue meetings.

Who took part need not be a member: the early workshop with civil-society
organisations, schools and businesses comes before anyone signs (design decision D89).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    because,
    fail,
    is_code,
    is_date,
    is_id,
    is_ids,
    is_optional_text,
    is_texts,
)
from samarbejde.model.enums import Sector

__all__ = ["InvolvementEvent", "first_by_sector"]


def _sectors(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset) or not all(isinstance(s, Sector) for s in value):
        fail(instance, attribute, value, because("sectors"))


@attrs.frozen
class InvolvementEvent:
    """A dated event where the partnership involved others, and what it produced.

    Attributes:
        id: Unique within the partnership.
        kind: An open code, e.g. ``workshop``, ``hearing``, ``dialogue_meeting`` (see
            :data:`~samarbejde.model.codes.KNOWN_INVOLVEMENT_KINDS`).
        held_on: The day it was held.
        name: Its title, e.g. ``"Fremtidsværksted i Karlemoseparken"``.
        participants: Ids of the organisations that took part, members or not.
        sectors: Sectors that took part without a named organisation (``civil_society``
            for "local associations").
        challenges: Ids of the partnership's challenges it identified.
        ideas: The ideas it produced, as text.
    """

    id: str = attrs.field(validator=is_id)
    kind: str = attrs.field(validator=is_code)
    held_on: pendulum.Date = attrs.field(validator=is_date)
    name: str | None = attrs.field(default=None, validator=is_optional_text)
    participants: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    sectors: frozenset[Sector] = attrs.field(default=frozenset(), validator=_sectors)
    challenges: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    ideas: tuple[str, ...] = attrs.field(default=(), validator=is_texts)

    def sectors_present(self, sector_of: Callable[[str], Sector | None]) -> frozenset[Sector]:
        """The sectors that took part: those listed and those of the participants.

        Args:
            sector_of: The sector of an organisation id, or ``None`` when unknown.
        """
        found = (sector_of(o) for o in self.participants)
        return self.sectors | {s for s in found if s is not None}


def first_by_sector(
    events: Iterable[InvolvementEvent], sector_of: Callable[[str], Sector | None]
) -> dict[Sector, InvolvementEvent]:
    """The first event each sector took part in (the earliest held; the first listed of a day).

    Rules C002 and C007 and the maturity dimension *involved early* read it.
    """
    first: dict[Sector, InvolvementEvent] = {}
    for event in sorted(events, key=lambda e: e.held_on):
        for sector in event.sectors_present(sector_of):
            first.setdefault(sector, event)
    return first
