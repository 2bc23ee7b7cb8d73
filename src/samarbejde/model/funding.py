"""Funding (*finansiering, fondsmidler*): money by period, from one funder or several.

A funding's ``amount`` is the whole amount over its ``term`` (design decision D91):
"DKK 1.5m a year for 2021-25" is either ``periods`` of DKK 1.5m each, whose sum is the
amount, or a total of DKK 7.5m. A grant paid by several organisations together names
them in ``shares``; :meth:`~samarbejde.Partnership.end_funding`,
:meth:`~samarbejde.Partnership.amend_funding` and
:meth:`~samarbejde.Partnership.extend_funding` change a funding on a day and keep what
it was before in ``changes``, so a view of an earlier day sees it as it was (D92).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from decimal import ROUND_DOWN, Decimal
from typing import Any

import attrs
import pendulum

from samarbejde.model._checks import (
    because,
    fail,
    in_date_order,
    instance_of,
    is_date,
    is_id,
    is_optional_decimal,
    is_optional_when,
    tuple_of,
)
from samarbejde.model.approximate import When, first_day
from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import CommitmentStatus, FundingKind, Unit
from samarbejde.model.errors import ModelError
from samarbejde.model.money import Money
from samarbejde.model.sources import Cited
from samarbejde.model.terms import Term
from samarbejde.model.unknown import UNKNOWN, Unknown

__all__ = [
    "SHORT_TERM_FUNDING",
    "Funding",
    "FundingChange",
    "FundingShare",
    "PeriodAmount",
    "promises_money",
    "same_money",
]

#: Kinds of funding that count as short-term grants (rule L008's default
#: ``grant_kinds``; the strategies and analysis read it too).
SHORT_TERM_FUNDING: tuple[FundingKind, ...] = (
    FundingKind.FOUNDATION_GRANT,
    FundingKind.NATIONAL_POOL,
)

_CENT = Decimal("0.01")


def _ends(instance: object, attribute: attrs.Attribute[Any], value: Term) -> None:
    instance_of(Term)(instance, attribute, value)
    if value.end is None:
        fail(instance, attribute, value, because("period_end"))


@attrs.frozen
class PeriodAmount:
    """The amount of a funding for one period: a year, or a funding period.

    Attributes:
        term: The period (with an end).
        amount: The money for that period.

    >>> year = Term(pendulum.Date(2022, 1, 1), pendulum.Date(2022, 12, 31))
    >>> PeriodAmount(year, Money(Decimal("1500000"))).amount.amount
    Decimal('1500000')
    """

    term: Term = attrs.field(validator=_ends)
    amount: Money = attrs.field(validator=instance_of(Money))


def _share(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_optional_decimal(instance, attribute, value)
    if isinstance(value, Decimal) and not Decimal(0) < value <= Decimal(1):
        fail(instance, attribute, value, because("fraction"))


@attrs.frozen
class FundingShare:
    """One of several organisations that pay a funding together, and its share.

    Attributes:
        organisation: The id of a paying organisation.
        share: Its part of the money as a fraction (``0.25``: a quarter); ``None`` when
            the funders have not said how they split it.
    """

    organisation: str = attrs.field(validator=is_id)
    share: Decimal | None = attrs.field(default=None, validator=_share)


def _earlier_periods(
    instance: FundingChange, attribute: attrs.Attribute[Any], value: object
) -> None:
    tuple_of(PeriodAmount)(instance, attribute, value)
    check_periods(instance, attribute, instance.amount, instance.term, instance.periods)


@attrs.frozen
class FundingChange:
    """A dated change to a funding, and what the funding was before it (D92).

    Attributes:
        on: The day of the change (the ``on`` of the operation).
        amount: The amount before the change.
        term: The term before the change.
        periods: The amounts per period before the change.
        shares: The funders' shares before the change.
    """

    on: pendulum.Date = attrs.field(validator=is_date)
    amount: Money = attrs.field(validator=instance_of(Money))
    term: Term = attrs.field(validator=instance_of(Term))
    periods: tuple[PeriodAmount, ...] = attrs.field(default=(), validator=_earlier_periods)
    shares: tuple[FundingShare, ...] = attrs.field(default=(), validator=tuple_of(FundingShare))


def _periods(instance: Funding, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(PeriodAmount)(instance, attribute, value)
    check_periods(instance, attribute, instance.amount, instance.term, instance.periods)


def check_periods(
    instance: object,
    attribute: attrs.Attribute[Any],
    amount: Money,
    term: Term,
    periods: tuple[PeriodAmount, ...],
) -> None:
    """Periods inside ``term``, in order, apart, in ``amount``'s currency, adding up to it."""
    if not periods:
        return
    for period in periods:
        if not term.covers(period.term):
            fail(instance, attribute, period.term, because("outside_term", term=f"{term}"))
        if period.amount.currency != amount.currency:
            fail(
                instance,
                attribute,
                period.amount.currency,
                because("period_currency", currency=f"{amount.currency}"),
            )
    for before, after in itertools.pairwise(periods):
        assert before.term.end is not None  # checked by PeriodAmount
        if after.term.start <= before.term.end:
            fail(
                instance,
                attribute,
                after.term.start,
                because("periods_overlap", end=f"{before.term.end}"),
            )
    amounts = [p.amount.amount for p in periods]
    known = [a for a in amounts if not isinstance(a, Unknown)]
    total = sum(known, Decimal(0))
    if len(known) == len(amounts) and not isinstance(amount.amount, Unknown):
        if total != amount.amount:
            fail(
                instance,
                attribute,
                total,
                because("periods_sum", total=f"{total}", amount=f"{amount.amount}"),
            )
    elif not isinstance(amount.amount, Unknown) and total > amount.amount:
        # Some period is not known: the known ones fit inside the amount (D75).
        fail(
            instance,
            attribute,
            total,
            because("known_periods_sum", total=f"{total}", amount=f"{amount.amount}"),
        )


def _shares(instance: Funding, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(FundingShare)(instance, attribute, value)
    check_shares(instance, attribute, instance.funder, instance.shares)


def check_shares(
    instance: object,
    attribute: attrs.Attribute[Any],
    funder: str,
    shares: tuple[FundingShare, ...],
) -> None:
    """Shares name ``funder`` and each organisation once; known ones add up to at most 1."""
    if not shares:
        return
    names = [s.organisation for s in shares]
    if funder not in names:
        fail(instance, attribute, funder, because("funder_share"))
    if len(set(names)) != len(names):
        fail(instance, attribute, names, because("two_shares"))
    known = [s.share for s in shares if s.share is not None]
    total = sum(known, Decimal(0))
    if total > 1 or (len(known) == len(shares) and total != 1):
        fail(
            instance,
            attribute,
            total,
            because("shares_sum"),
        )


def _changes(instance: Funding, attribute: attrs.Attribute[Any], value: object) -> None:
    tuple_of(FundingChange)(instance, attribute, value)
    in_date_order(instance, attribute, (c.on for c in instance.changes))
    granted = instance.granted_on
    for change in instance.changes:
        if granted is not None and change.on < first_day(granted):
            fail(instance, attribute, change.on, because("before_grant", granted=f"{granted}"))


@attrs.frozen
class Funding(Cited):
    """Money for the partnership: who pays, how much, for when, of what kind.

    Attributes:
        id: Unique within the partnership.
        funder: The id of the paying organisation; with ``shares``, the one that
            administers the money for all of them (it has a share too).
        amount: How much over the whole term (D91): the sum of ``periods`` when given.
        term: The period the money covers.
        kind: E.g. ``foundation_grant`` or ``municipal_budget``.
        granted_on: The day it was granted (the ``on`` of
            :meth:`~samarbejde.Partnership.fund`); a view of an earlier day
            (``as_of``) leaves it out. ``None`` when not recorded: then it is in every
            view (design decision D63).
        periods: The amount of each period (a year, or a funding period), in order,
            inside the term; empty when only the total is known.
        shares: The organisations that pay it together, ``funder`` among them, each
            with its share when known; empty when ``funder`` pays it all.
        changes: Dated changes (ended, amended, extended), oldest first, each with
            what the funding was before it.

    >>> grant = Funding.yearly(
    ...     "lbf", "landsbyggefonden", Money(Decimal("1500000")),
    ...     Term(pendulum.Date(2021, 9, 1), pendulum.Date(2025, 8, 31)),
    ...     FundingKind.NATIONAL_POOL)
    >>> len(grant.periods), grant.amount.amount
    (4, Decimal('6000000'))
    """

    id: str = attrs.field(validator=is_id)
    funder: str = attrs.field(validator=is_id)
    amount: Money = attrs.field(validator=instance_of(Money))
    term: Term = attrs.field(validator=instance_of(Term))
    kind: FundingKind = attrs.field(validator=instance_of(FundingKind))
    granted_on: When | None = attrs.field(default=None, validator=is_optional_when)
    periods: tuple[PeriodAmount, ...] = attrs.field(default=(), validator=_periods)
    shares: tuple[FundingShare, ...] = attrs.field(default=(), validator=_shares)
    changes: tuple[FundingChange, ...] = attrs.field(default=(), validator=_changes)

    @classmethod
    def yearly(
        cls,
        id: str,  # noqa: A002 - the domain's word
        funder: str,
        per_year: Money,
        term: Term,
        kind: FundingKind,
        *,
        shares: tuple[FundingShare, ...] = (),
    ) -> Funding:
        """A funding of ``per_year`` for each year of ``term`` (from its start), total derived.

        A last, shorter year gets its part of ``per_year`` by days, rounded down to
        hundredths.

        Raises:
            ModelError: ``term`` has no end, or a field is invalid.
        """
        if term.end is None:
            raise ModelError("Funding", "term", term, because("yearly_end"))
        periods = []
        start, year = term.start, 0
        while start <= term.end:
            year += 1
            full_end = term.start.add(years=year).subtract(days=1)
            end = min(full_end, term.end)
            base = per_year.amount
            amount: Decimal | Unknown = base
            if end < full_end and not isinstance(base, Unknown):
                whole = (full_end - start).days + 1
                part = (end - start).days + 1
                amount = (base * part / whole).quantize(_CENT, ROUND_DOWN)
            periods.append(PeriodAmount(Term(start, end), Money(amount, per_year.currency)))
            start = end.add(days=1)
        total = total_of(p.amount.amount for p in periods)
        return cls(
            id,
            funder,
            Money(total, per_year.currency),
            term,
            kind,
            periods=tuple(periods),
            shares=shares,
        )

    @property
    def funders(self) -> tuple[str, ...]:
        """The ids of the paying organisations: the shares' organisations, or the funder."""
        return tuple(s.organisation for s in self.shares) or (self.funder,)

    def share_of(self, organisation: str) -> Money | None:
        """The part of the amount ``organisation`` pays; ``None`` when its share is unknown.

        An organisation that pays none of it pays nothing (an amount of zero).
        """
        if organisation not in self.funders:
            return Money(Decimal(0), self.amount.currency)
        if not self.shares:
            return self.amount
        share = next(s.share for s in self.shares if s.organisation == organisation)
        if share is None:
            return None
        whole = self.amount.amount
        return Money(whole if isinstance(whole, Unknown) else whole * share, self.amount.currency)

    def amount_in(self, term: Term) -> Decimal | None:
        """The part of the amount that falls inside ``term``.

        Periods count by the days of each that lie inside ``term``; without periods the
        whole term is shared by its days. ``None`` when the money cannot be placed:
        an open-ended funding without periods.
        """
        pieces = [(p.term, p.amount.amount) for p in self.periods] or [
            (self.term, self.amount.amount)
        ]
        total = Decimal(0)
        for piece, amount in pieces:
            if piece.end is None or isinstance(amount, Unknown):
                return None
            if not piece.overlaps(term):
                continue
            start = max(piece.start, term.start)
            end = piece.end if term.end is None else min(piece.end, term.end)
            inside = (end - start).days + 1
            total += amount * inside / ((piece.end - piece.start).days + 1)
        return total

    def as_of(self, day: pendulum.Date) -> Funding:
        """The funding as it stood on ``day``: changes made later undone (D92)."""
        later = [c for c in self.changes if c.on > day]
        if not later:
            return self
        first = later[0]
        return attrs.evolve(
            self,
            amount=first.amount,
            term=first.term,
            periods=first.periods,
            shares=first.shares,
            changes=tuple(c for c in self.changes if c.on <= day),
        )


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
    term that overlaps the commitment's (rule M007; design decision D50). Two unknown
    amounts are not the same amount.
    """
    return (
        promises_money(commitment)
        and commitment.quantity.amount is not UNKNOWN
        and funding.funder == commitment.by
        and funding.amount.currency == "DKK"
        and funding.amount.amount == commitment.quantity.amount
        and funding.term.overlaps(commitment.term)
    )


def total_of(amounts: Iterable[Decimal | Unknown]) -> Decimal | Unknown:
    """The sum of ``amounts``; unknown when any of them is (D75)."""
    total = Decimal(0)
    for amount in amounts:
        if isinstance(amount, Unknown):
            return UNKNOWN
        total += amount
    return total
