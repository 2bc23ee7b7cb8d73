"""Mandates (*mandater*): authority delegated to a member's representative."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    because,
    fail,
    instance_of,
    is_id,
    is_optional_date,
    is_text,
    optional_instance_of,
)
from samarbejde.model.enums import MandateLevel, Power
from samarbejde.model.money import Money
from samarbejde.model.sources import Cited
from samarbejde.model.terms import Term

__all__ = ["Mandate"]


def _powers(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset) or not all(isinstance(p, Power) for p in value):
        fail(instance, attribute, value, because("powers"))


def _revoked_in_term(instance: Mandate, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value < instance.term.start:  # type: ignore[operator]
        fail(
            instance,
            attribute,
            value,
            because("revoked_before_start", start=f"{instance.term.start}"),
        )


@attrs.frozen
class Mandate(Cited):
    """Authority that an organisation delegates to its representative.

    Attributes:
        id: Unique within the partnership.
        level: ``operational``, ``tactical`` or ``strategic``.
        powers: What the holder may commit the organisation to.
        term: When the mandate is in force.
        granted_by: The body that granted it, e.g. ``"Byrådet"``.
        ceiling: The most money the holder may commit, if capped.
        revoked: The date the mandate was withdrawn, if it was.
    """

    id: str = attrs.field(validator=is_id)
    level: MandateLevel = attrs.field(validator=instance_of(MandateLevel))
    powers: frozenset[Power] = attrs.field(validator=_powers)
    term: Term = attrs.field(validator=instance_of(Term))
    granted_by: str = attrs.field(validator=is_text)
    ceiling: Money | None = attrs.field(default=None, validator=optional_instance_of(Money))
    revoked: pendulum.Date | None = attrs.field(
        default=None, validator=[is_optional_date, _revoked_in_term]
    )

    def in_force(self, day: pendulum.Date) -> bool:
        """Whether the mandate can be used on ``day``: inside its term, not revoked."""
        return self.term.contains(day) and (self.revoked is None or day < self.revoked)

    def as_of(self, day: pendulum.Date) -> Mandate:
        """The mandate as recorded on ``day`` (a later revocation is not yet known)."""
        if self.revoked is not None and self.revoked > day:
            return attrs.evolve(self, revoked=None)
        return self
