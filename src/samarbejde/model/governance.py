"""Governance bodies (*styregruppe, bestyrelse, følgegruppe*)."""

from __future__ import annotations

import attrs
import pendulum

from samarbejde.model._checks import (
    instance_of,
    is_id,
    is_ids,
    is_optional_date,
    is_optional_duration,
    is_optional_text,
)
from samarbejde.model.enums import GovernanceKind
from samarbejde.model.sources import Cited

__all__ = ["GovernanceBody"]


@attrs.frozen
class GovernanceBody(Cited):
    """A body that steers or follows the partnership.

    Attributes:
        id: Unique within the partnership.
        kind: E.g. ``steering_group`` or ``resident_panel``.
        members: Ids of the organisations that sit in it.
        meets_every: How often it meets, e.g. ``P3M``.
        name: Its name, e.g. ``"Styregruppen for Medvind"``.
        decided_on: The day the partnership set it up, or last changed it (the ``on``
            of :meth:`~samarbejde.Partnership.set_governance`); a view of an earlier day
            leaves it out. ``None`` when not recorded: then it is in every view (D63).
    """

    id: str = attrs.field(validator=is_id)
    kind: GovernanceKind = attrs.field(validator=instance_of(GovernanceKind))
    members: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    meets_every: pendulum.Duration | None = attrs.field(
        default=None, validator=is_optional_duration
    )
    name: str | None = attrs.field(default=None, validator=is_optional_text)
    decided_on: pendulum.Date | None = attrs.field(default=None, validator=is_optional_date)
