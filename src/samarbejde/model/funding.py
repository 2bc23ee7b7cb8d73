"""Funding (*finansiering, fondsmidler*)."""

from __future__ import annotations

import attrs

from samarbejde.model._checks import instance_of, is_id
from samarbejde.model.enums import FundingKind
from samarbejde.model.money import Money
from samarbejde.model.terms import Term

__all__ = ["SHORT_TERM_FUNDING", "Funding"]

#: Kinds of funding that count as short-term grants (rule L008's default
#: ``grant_kinds``; the strategies and analysis read it too).
SHORT_TERM_FUNDING: tuple[FundingKind, ...] = (
    FundingKind.FOUNDATION_GRANT,
    FundingKind.NATIONAL_POOL,
)


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
