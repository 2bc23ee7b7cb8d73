"""Funding (*finansiering, fondsmidler*)."""

from __future__ import annotations

import attrs

from samarbejde._checks import instance_of, is_id
from samarbejde.enums import FundingKind
from samarbejde.money import Money
from samarbejde.terms import Term

__all__ = ["Funding"]


@attrs.frozen
class Funding:
    """Money for the partnership: who pays, how much, for when, of what kind.

    Attributes:
        id: Unique within the partnership.
        funder: The id of the paying organisation.
        amount: How much.
        term: The period the money covers.
        kind: E.g. ``foundation_grant`` or ``municipal_budget``.
    """

    id: str = attrs.field(validator=is_id)
    funder: str = attrs.field(validator=is_id)
    amount: Money = attrs.field(validator=instance_of(Money))
    term: Term = attrs.field(validator=instance_of(Term))
    kind: FundingKind = attrs.field(validator=instance_of(FundingKind))
