"""Written agreements (*partnerskabsaftaler, strategiske aftaler, delaftaler*)."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    because,
    fail,
    instance_of,
    is_id,
    is_optional_duration,
    is_optional_id,
    is_optional_text,
    is_optional_when,
    optional_instance_of,
    tuple_of,
    unique_by,
)
from samarbejde.model._whole_durations import KeepsDurations
from samarbejde.model.approximate import When, may_be_by
from samarbejde.model.enums import AgreementKind
from samarbejde.model.sources import Cited
from samarbejde.model.terms import Term

__all__ = ["Agreement", "Signature"]


@attrs.frozen
class Signature:
    """A party to an agreement and the date it signed.

    Attributes:
        organisation: The id of the signing organisation.
        signed_on: When it signed; ``None`` while the signature is outstanding.
    """

    organisation: str = attrs.field(validator=is_id)
    signed_on: When | None = attrs.field(default=None, validator=is_optional_when)


def _parties(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Signature, ...]
) -> None:
    unique_by(instance, attribute, value, lambda s: s.organisation, "party")


def _parent_not_self(instance: Agreement, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value == instance.id:
        fail(instance, attribute, value, because("agreement_own_parent"))


@attrs.frozen
class Agreement(Cited, KeepsDurations):
    """A memorandum, strategic agreement, sub-agreement or contract.

    Attributes:
        id: Unique within the partnership.
        kind: ``mou``, ``strategic``, ``sub_agreement`` or ``contract``.
        parties: The signatories and their signature dates.
        term: When the agreement is in force.
        binding: Whether the parties are bound by it (*forpligtende*).
        parent: The id of the agreement this one is a sub-agreement of.
        theme: What it is about, e.g. ``"Fritidsjob"``.
        notice: The notice period for leaving it, e.g. ``P6M``.
        concluded_on: The day it was concluded (the ``on`` of
            :meth:`~samarbejde.Partnership.conclude`); a view of an earlier day leaves it
            out. ``None`` when not recorded: then it is in every view (D63).
    """

    id: str = attrs.field(validator=is_id)
    kind: AgreementKind = attrs.field(validator=instance_of(AgreementKind))
    parties: tuple[Signature, ...] = attrs.field(
        default=(), validator=[tuple_of(Signature), _parties]
    )
    term: Term | None = attrs.field(default=None, validator=optional_instance_of(Term))
    binding: bool = attrs.field(default=False, validator=instance_of(bool))
    parent: str | None = attrs.field(default=None, validator=[is_optional_id, _parent_not_self])
    theme: str | None = attrs.field(default=None, validator=is_optional_text)
    notice: pendulum.Duration | None = attrs.field(default=None, validator=is_optional_duration)
    concluded_on: When | None = attrs.field(default=None, validator=is_optional_when)

    @property
    def signed(self) -> bool:
        """Whether every party has signed (and there is at least one)."""
        return bool(self.parties) and all(p.signed_on is not None for p in self.parties)

    def as_of(self, day: pendulum.Date) -> Agreement:
        """The agreement as recorded on ``day``: later signatures are outstanding."""
        parties = tuple(
            p if p.signed_on is None or may_be_by(p.signed_on, day) else Signature(p.organisation)
            for p in self.parties
        )
        return self if parties == self.parties else attrs.evolve(self, parties=parties)
