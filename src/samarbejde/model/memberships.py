"""Memberships (*medlemskaber*): an organisation's part in a partnership."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    OrUnknown,
    because,
    fail,
    is_code,
    is_id,
    is_optional_text,
    is_optional_when,
    is_when,
    tuple_of,
    unique_by,
)
from samarbejde.model.approximate import (
    When,
    first_day,
    last_day,
    may_be_by,
    surely_before,
    surely_by,
)
from samarbejde.model.errors import UnknownIdError
from samarbejde.model.mandates import Mandate
from samarbejde.model.sources import Cited
from samarbejde.model.unknown import Unknown

__all__ = ["Membership"]


def _left_after_joined(
    instance: Membership, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and surely_before(value, first_day(instance.joined)):  # type: ignore[arg-type]
        fail(
            instance, attribute, value, because("left_before_joining", joined=str(instance.joined))
        )


def _interests(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for code in value:
        is_code(instance, attribute, code)
    unique_by(instance, attribute, value, lambda code: code, "interest")


def _mandates(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Mandate, ...]
) -> None:
    unique_by(instance, attribute, value, lambda m: m.id, "mandate id")


@attrs.frozen
class Membership(Cited):
    """An organisation's participation in a partnership (*medlem, part*).

    Attributes:
        organisation: The id of the member organisation.
        role: An open code, e.g. ``lead`` or ``bridge_builder`` (see
            :data:`samarbejde.model.codes.KNOWN_ROLES`), or :data:`~samarbejde.UNKNOWN`
            when the sources name the member but not its part (so ``unknown`` is no
            role's code).
        joined: When it joined.
        left: When it left; it is no longer a member from that day on.
        representative: The post that represents it, e.g. ``"Direktør"``. Meant for a
            title; because it can hold a name it is removed by ``redact``.
        mandates: The mandates its representative holds in this partnership.
        interests: What it seeks from the partnership, open codes (see
            :data:`samarbejde.model.codes.KNOWN_INTERESTS`): the other half of what it
            gives, so that "every member gains something" can be read.
    """

    organisation: str = attrs.field(validator=is_id)
    role: str | Unknown = attrs.field(validator=OrUnknown(is_code))
    joined: When = attrs.field(validator=is_when)
    left: When | None = attrs.field(default=None, validator=[is_optional_when, _left_after_joined])
    representative: str | None = attrs.field(
        default=None, validator=is_optional_text, metadata={"personal": True}
    )
    mandates: tuple[Mandate, ...] = attrs.field(
        default=(), validator=[tuple_of(Mandate), _mandates]
    )
    interests: tuple[str, ...] = attrs.field(default=(), validator=[tuple_of(str), _interests])

    def active(self, day: pendulum.Date) -> bool:
        """Whether the organisation may be a member on ``day``.

        With approximate dates this is "may be": it may have joined by ``day`` and
        may not yet have left (design decision D72); :meth:`surely_active` is sure.
        """
        return may_be_by(self.joined, day) and (self.left is None or day < last_day(self.left))

    def surely_active(self, day: pendulum.Date) -> bool:
        """Whether the organisation is a member on ``day`` whatever its approximate dates."""
        return surely_by(self.joined, day) and (self.left is None or day < first_day(self.left))

    def overlaps(self, other: Membership) -> bool:
        """Whether this period and ``other``'s share a day (one may end the day the next begins).

        >>> day = pendulum.Date(2021, 1, 1)
        >>> a = Membership("kommunen", "lead", pendulum.Date(2019, 1, 1), left=day)
        >>> b = Membership("kommunen", "lead", day)
        >>> a.overlaps(b), b.overlaps(attrs.evolve(a, left=None))
        (False, True)
        """
        before, after = sorted((self, other), key=lambda m: first_day(m.joined))
        return before.left is None or first_day(after.joined) < last_day(before.left)

    def as_of(self, day: pendulum.Date) -> Membership:
        """The membership as recorded on ``day``.

        A departure dated after ``day`` is not yet known, nor is a later revocation
        of one of its mandates.
        """
        left = self.left if self.left is not None and may_be_by(self.left, day) else None
        mandates = tuple(m.as_of(day) for m in self.mandates)
        unchanged = all(new is old for new, old in zip(mandates, self.mandates, strict=True))
        if left == self.left and unchanged:
            return self
        return attrs.evolve(self, left=left, mandates=mandates)

    def mandate(self, id: str) -> Mandate:  # noqa: A002 - the domain's word
        """Return the mandate with ``id``.

        Raises:
            UnknownIdError: The member holds no mandate with that id (a ``KeyError``).
        """
        for mandate in self.mandates:
            if mandate.id == id:
                return mandate
        raise UnknownIdError("mandate", id)
