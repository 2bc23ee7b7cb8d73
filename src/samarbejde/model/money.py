"""Amounts: :class:`Money` and :class:`Quantity`. Never floats."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from samarbejde.model._checks import AtLeast, Matches, Validator, instance_of, is_decimal
from samarbejde.model.enums import Unit
from samarbejde.model.errors import ModelError

__all__ = ["Money", "Quantity"]

_CURRENCY = re.compile(r"[A-Z]{3}")


_not_negative: Validator = AtLeast(Decimal(0), "must not be negative")
_positive: Validator = AtLeast(Decimal(0), "must be greater than zero", exclusive=True)
_currency = Matches(_CURRENCY, "must be an ISO 4217 code of three capital letters")


@attrs.frozen
class Money:
    """An amount of money.

    Attributes:
        amount: A finite, non-negative ``Decimal``.
        currency: ISO 4217 code, ``"DKK"`` by default.

    >>> Money(Decimal("250000"))
    Money(amount=Decimal('250000'), currency='DKK')
    """

    amount: Decimal = attrs.field(validator=[is_decimal, _not_negative])
    currency: str = attrs.field(default="DKK", validator=_currency)

    def __add__(self, other: Money) -> Money:
        """Add two amounts in the same currency.

        Raises:
            ModelError: The currencies differ.
        """
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ModelError(
                "Money", "currency", other.currency, f"cannot add it to {self.currency}"
            )
        return Money(self.amount + other.amount, self.currency)


@attrs.frozen
class Quantity:
    """A promised or delivered amount of something, in a unit.

    Attributes:
        amount: A finite ``Decimal`` greater than zero.
        unit: What is counted.

    >>> Quantity(Decimal("25"), Unit.PLACES)
    Quantity(amount=Decimal('25'), unit=<Unit.PLACES: 'places'>)
    """

    amount: Decimal = attrs.field(validator=[is_decimal, _positive])
    unit: Unit = attrs.field(validator=instance_of(Unit))
