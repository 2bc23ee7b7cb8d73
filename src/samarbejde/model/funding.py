"""Funding (*finansiering, fondsmidler*)."""

from __future__ import annotations

import attrs
import pendulum

from samarbejde.model._checks import instance_of, is_id, is_optional_date
from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import CommitmentStatus, FundingKind, Unit
from samarbejde.model.money import Money
from samarbejde.model.sources import Cited
from samarbejde.model.terms import Term

__all__ = ["SHORT_TERM_FUNDING", "Funding", "promises_money", "same_money"]

#: Kinds of funding that count as short-term grants (rule L008's default
#: ``grant_kinds``; the strategies and analysis read it too).
SHORT_TERM_FUNDING: tuple[FundingKind, ...] = (
    FundingKind.FOUNDATION_GRANT,
    FundingKind.NATIONAL_POOL,
)


@attrs.frozen
class Funding(Cited):
    """Money for the partnership: who pays, how much, for when, of what kind.

    Attributes:
        id: Unique within the partnership.
        funder: The id of the paying organisation.
        amount: How much.
        term: The period the money covers.
        kind: E.g. ``foundation_grant`` or ``municipal_budget``.
        granted_on: The day it was granted (the ``on`` of
            :meth:`~samarbejde.Partnership.fund`); a view of an earlier day
            (``as_of``) leaves it out. ``None`` when not recorded: then it is in every
            view (design decision D63).
    """

    id: str = attrs.field(validator=is_id)
    funder: str = attrs.field(validator=is_id)
    amount: Money = attrs.field(validator=instance_of(Money))
    term: Term = attrs.field(validator=instance_of(Term))
    kind: FundingKind = attrs.field(validator=instance_of(FundingKind))
    granted_on: pendulum.Date | None = attrs.field(default=None, validator=is_optional_date)


_LAPSED = frozenset({CommitmentStatus.WITHDRAWN, CommitmentStatus.SUPERSEDED})


def promises_money(commitment: Commitment) -> bool:
    """Whether a commitment promises money: an amount in DKK, not withdrawn or superseded.

    Such a promise is not funding: the analysis counts :class:`Funding` records only
    (design decision D50).
    """
    return commitment.quantity.unit is Unit.DKK and commitment.current not in _LAPSED


def same_money(commitment: Commitment, funding: Funding) -> bool:
    """Whether a commitment and a funding record likely describe the same money.

    They do when the commitment promises money (:func:`promises_money`) and the
    funding is paid by the commitment's maker, in DKK, of the same amount, for a
    term that overlaps the commitment's (rule M007; design decision D50).
    """
    return (
        promises_money(commitment)
        and funding.funder == commitment.by
        and funding.amount.currency == "DKK"
        and funding.amount.amount == commitment.quantity.amount
        and funding.term.overlaps(commitment.term)
    )
