"""Shared purpose: :class:`Vision`, :class:`Goal` and :class:`Challenge`."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum

from samarbejde.model._checks import (
    is_date,
    is_id,
    is_ids,
    is_optional_date,
    is_optional_decimal,
    is_optional_text,
    is_text,
)
from samarbejde.model.sources import Cited

__all__ = ["Challenge", "Goal", "Vision"]


@attrs.frozen
class Vision(Cited):
    """The partnership's shared vision (*fælles vision*).

    Attributes:
        text: The vision in the partners' own words.
        agreed_on: When it was agreed.
        agreed_by: Ids of the organisations that agreed it.
    """

    text: str = attrs.field(validator=is_text)
    agreed_on: pendulum.Date = attrs.field(validator=is_date)
    agreed_by: tuple[str, ...] = attrs.field(default=(), validator=is_ids)


@attrs.frozen
class Challenge(Cited):
    """A need or problem identified jointly (*udfordring*).

    Attributes:
        id: Unique within the partnership.
        title: A short description.
        identified_on: When it was identified.
        identified_by: Ids of the organisations that identified it.
    """

    id: str = attrs.field(validator=is_id)
    title: str = attrs.field(validator=is_text)
    identified_on: pendulum.Date = attrs.field(validator=is_date)
    identified_by: tuple[str, ...] = attrs.field(default=(), validator=is_ids)


@attrs.frozen
class Goal(Cited):
    """A measurable goal (*mål*).

    Attributes:
        id: Unique within the partnership.
        title: A short description.
        indicator: What is measured, e.g. ``"Andel 15-17-årige med fritidsjob (%)"``.
        baseline: The indicator's value at the start.
        target: The value to reach by ``due``.
        due: When the target is to be reached.
        owners: Ids of the organisations that own the goal.
        challenges: Ids of the challenges it answers.
        decided_on: The day the partnership set it, or last changed it (the ``on`` of
            :meth:`~samarbejde.Partnership.set_goal`); a view of an earlier day leaves
            it out. ``None`` when not recorded: then it is in every view (D63).
    """

    id: str = attrs.field(validator=is_id)
    title: str = attrs.field(validator=is_text)
    indicator: str | None = attrs.field(default=None, validator=is_optional_text)
    baseline: Decimal | None = attrs.field(default=None, validator=is_optional_decimal)
    target: Decimal | None = attrs.field(default=None, validator=is_optional_decimal)
    due: pendulum.Date | None = attrs.field(default=None, validator=is_optional_date)
    owners: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    challenges: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    decided_on: pendulum.Date | None = attrs.field(default=None, validator=is_optional_date)
