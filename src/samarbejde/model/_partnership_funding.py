"""Partnership operations on funding already granted: end, amend and extend it (D92).

Each operation is dated: the funding keeps what it was before as a
:class:`~samarbejde.FundingChange`, so :meth:`~samarbejde.Partnership.as_of` an earlier
day shows it as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model._checks import because
from samarbejde.model._partnership_lookups import PartnershipLookups, find, replace
from samarbejde.model.approximate import first_day
from samarbejde.model.errors import ModelError
from samarbejde.model.funding import Funding, FundingChange, PeriodAmount, total_of
from samarbejde.model.money import Money
from samarbejde.model.terms import Term

if TYPE_CHECKING:
    from samarbejde.model.partnerships import Partnership

__all__ = ["FundingOperations"]


class FundingOperations(PartnershipLookups):
    """Ending, amending and extending a funding, each on a day."""

    __slots__ = ()

    def funding_by_id(self, id: str) -> Funding:  # noqa: A002 - the domain's word
        """Return the funding with ``id``.

        Raises:
            UnknownIdError: No funding has that id (a ``KeyError``).
        """
        return find(self.funding, lambda f: f.id == id, "funding", id)

    def end_funding(
        self, funding: str, *, on: pendulum.Date, last_day: pendulum.Date | None = None
    ) -> Partnership:
        """End ``funding`` early: its last funded day becomes ``last_day`` (``on`` unless given).

        Periods that begin after ``last_day`` are dropped and one that runs past it is
        cut there with its amount kept (amend it if less was paid); the amount becomes
        the sum of the periods left. Without periods the amount stays as it is.

        Raises:
            UnknownIdError: No funding has that id (a ``KeyError``).
            ModelError: The lifecycle had ended by ``on``, ``on`` is before the funding
                was granted or last changed, or ``last_day`` is before its start or not
                before its present end.
        """
        on = days.day(on, "on")
        last = on if last_day is None else days.day(last_day, "last_day")
        current = self._changeable(funding, on)
        if last < current.term.start:
            raise ModelError(
                "Funding", "term", last, because("before_funding", start=str(current.term.start))
            )
        if current.term.end is not None and last >= current.term.end:
            raise ModelError(
                "Funding", "term", last, because("not_before_end", end=str(current.term.end))
            )
        kept = tuple(
            attrs.evolve(p, term=Term(p.term.start, min(last, p.term.end or last)))
            for p in current.periods
            if p.term.start <= last
        )
        amount = _total(kept, current.amount.currency) if current.periods else current.amount
        return self._changed(
            current, on, amount=amount, term=Term(current.term.start, last), periods=kept
        )

    def amend_funding(self, funding: Funding, *, on: pendulum.Date) -> Partnership:
        """Replace the amount, term, periods or shares of the funding with ``funding``'s id.

        The funder, kind and day granted stay: a different funder or kind is another
        funding.

        Raises:
            UnknownIdError: No funding has that id (a ``KeyError``).
            ModelError: The lifecycle had ended by ``on``, ``on`` is before the funding
                was granted or last changed, the funder or kind differ, or nothing
                changes.
        """
        on = days.day(on, "on")
        current = self._changeable(funding.id, on)
        for field in ("funder", "kind"):
            if getattr(funding, field) != getattr(current, field):
                raise ModelError(
                    "Funding", field, getattr(funding, field), because("amendment_keeps")
                )
        new = (funding.amount, funding.term, funding.periods, funding.shares)
        if new == (current.amount, current.term, current.periods, current.shares):
            raise ModelError("Funding", "id", funding.id, because("amendment_nothing"))
        return self._changed(
            current,
            on,
            amount=funding.amount,
            term=funding.term,
            periods=funding.periods,
            shares=funding.shares,
        )

    def extend_funding(
        self,
        funding: str,
        *,
        until: pendulum.Date,
        on: pendulum.Date,
        adding: Money | None = None,
        periods: tuple[PeriodAmount, ...] = (),
    ) -> Partnership:
        """Extend ``funding`` to ``until``, with more money (``adding`` or ``periods``) or none.

        A funding with periods is extended by ``periods`` (after its present end);
        ``adding`` is then their sum, derived. Without periods, ``adding`` is added to
        the amount; an extension with no money only moves the end.

        Raises:
            UnknownIdError: No funding has that id (a ``KeyError``).
            ModelError: The lifecycle had ended by ``on``, ``on`` is before the funding
                was granted or last changed, the funding is open-ended, ``until`` is
                not after its end, ``adding`` is in another currency, both ``adding``
                and ``periods`` are given, or one is given that does not fit: a funding
                with periods is extended by periods, one without by an amount.
        """
        on = days.day(on, "on")
        until = days.day(until, "until")
        current = self._changeable(funding, on)
        end = current.term.end
        if end is None:
            raise ModelError("Funding", "term", current.term, because("open_ended"))
        if until <= end:
            raise ModelError("Funding", "term", until, because("not_after_end", end=str(end)))
        if adding is not None and periods:
            raise ModelError("Funding", "amount", adding, because("periods_or_amount"))
        if periods and not current.periods:
            raise ModelError("Funding", "periods", periods, because("by_amount"))
        if adding is not None and current.periods:
            raise ModelError("Funding", "amount", adding, because("by_periods"))
        amount = current.amount
        if periods:
            amount = amount + _total(periods, current.amount.currency)
        elif adding is not None:
            amount = amount + adding
        return self._changed(
            current,
            on,
            amount=amount,
            term=Term(current.term.start, until),
            periods=(*current.periods, *periods),
        )

    def _changeable(self, funding: str, on: pendulum.Date) -> Funding:
        """The funding ``funding``, if it can change on ``on``."""
        current = self.funding_by_id(funding)
        self._open_on("funding", on)
        latest = current.changes[-1].on if current.changes else current.granted_on
        if latest is not None and on < first_day(latest):
            raise ModelError(
                "Funding",
                "changes",
                on,
                because("before_granted", latest=str(latest)),
            )
        return current

    def _changed(self, current: Funding, on: pendulum.Date, **new: object) -> Partnership:
        before = FundingChange(on, current.amount, current.term, current.periods, current.shares)
        changed = attrs.evolve(current, changes=(*current.changes, before), **new)  # type: ignore[arg-type]
        return self._evolve(funding=replace(self.funding, current, changed))


def _total(periods: tuple[PeriodAmount, ...], currency: str) -> Money:
    return Money(total_of(p.amount.amount for p in periods), currency)
