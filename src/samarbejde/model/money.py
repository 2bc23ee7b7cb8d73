"""Amounts: :class:`Money` and :class:`Quantity`. Never floats."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any

import attrs

from samarbejde.model._checks import (
    AtLeast,
    Matches,
    OrUnknown,
    Validator,
    because,
    fail,
    instance_of,
    is_decimal,
)
from samarbejde.model.enums import Unit
from samarbejde.model.errors import ModelError
from samarbejde.model.unknown import UNKNOWN, Unknown

__all__ = ["Money", "Quantity", "currencies"]

_CURRENCY = re.compile(r"[A-Z]{3}")


_not_negative: Validator = AtLeast(Decimal(0), "must not be negative")
_positive: Validator = AtLeast(Decimal(0), "must be greater than zero", exclusive=True)
_currency = Matches(_CURRENCY, "must be an ISO 4217 code of three capital letters")


@functools.cache
def currencies() -> frozenset[str]:
    """The ISO 4217 currency codes in use, from pycountry's copy of the standard.

    Read once, on first use: ``import samarbejde`` does not import pycountry
    (design decision D49).

    >>> "DKK" in currencies() and "EUR" in currencies() and "XYZ" not in currencies()
    True
    """
    import pycountry  # noqa: PLC0415 - on first use, not on import

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _is_iso4217(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Fail unless ``value`` (three capital letters already) is an ISO 4217 code."""
    if value == "DKK" or not isinstance(value, str):
        return  # the default needs no look-up (nor pycountry); the pattern checked the type
    known = currencies()
    if value not in known:
        import difflib  # noqa: PLC0415 - only on a failure

        close = difflib.get_close_matches(value, sorted(known), n=3)
        hint: object = ""
        if close:
            codes: object = repr(close[0])
            for code in close[1:]:
                codes = because("or", a=codes, b=repr(code))
            hint = because("currency_hint", codes=codes)
        fail(instance, attribute, value, because("currency", hint=hint))


@attrs.frozen
class Money:
    """An amount of money.

    Attributes:
        amount: A finite, non-negative ``Decimal``, or :data:`~samarbejde.UNKNOWN` when
            the sources give the currency but not the amount.
        currency: An ISO 4217 code in use (:func:`currencies`), ``"DKK"`` by default.

    >>> Money(Decimal("250000"))
    Money(amount=Decimal('250000'), currency='DKK')
    """

    amount: Decimal | Unknown = attrs.field(validator=OrUnknown(is_decimal, _not_negative))
    currency: str = attrs.field(default="DKK", validator=[_currency, _is_iso4217])

    @property
    def known(self) -> bool:
        """Whether the amount is known (not :data:`~samarbejde.UNKNOWN`)."""
        return self.amount is not UNKNOWN

    def __add__(self, other: Money) -> Money:
        """Add two amounts in the same currency; unknown if either is.

        Raises:
            ModelError: The currencies differ.
        """
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ModelError(
                "Money",
                "currency",
                other.currency,
                because("other_currency", currency=f"{self.currency}"),
            )
        if self.amount is UNKNOWN or other.amount is UNKNOWN:
            return Money(UNKNOWN, self.currency)
        return Money(self.amount + other.amount, self.currency)


@attrs.frozen
class Quantity:
    """A promised or delivered amount of something, in a unit.

    Attributes:
        amount: A finite ``Decimal`` greater than zero, or :data:`~samarbejde.UNKNOWN`
            when the sources say what is counted but not how many.
        unit: What is counted.

    >>> Quantity(Decimal("25"), Unit.PLACES)
    Quantity(amount=Decimal('25'), unit=<Unit.PLACES: 'places'>)
    """

    amount: Decimal | Unknown = attrs.field(validator=OrUnknown(is_decimal, _positive))

    @property
    def known(self) -> bool:
        """Whether the amount is known (not :data:`~samarbejde.UNKNOWN`)."""
        return self.amount is not UNKNOWN

    unit: Unit = attrs.field(validator=instance_of(Unit))
