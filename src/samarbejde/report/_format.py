"""Numbers, amounts and dates as people write them, in Danish or English."""

from __future__ import annotations

import datetime
from decimal import Decimal

from samarbejde.model import DEFAULT_LANG, UNKNOWN, Lang, Money, Quantity, Unit, Unknown, label
from samarbejde.model.approximate import Approximate
from samarbejde.model.text import check_lang, render_approximate, say_date, say_number
from samarbejde.report._texts import say

__all__ = ["format_date", "format_money", "format_number", "format_quantity"]


def format_number(value: Decimal | int | Unknown, lang: Lang = DEFAULT_LANG) -> str:
    """A number with thousands grouped: ``1.500.000,5`` in Danish, ``1,500,000.5`` in English.

    An unknown number is ``ukendt`` (``unknown``).

    Trailing zeros after the decimal point are dropped; the digits of a ``Decimal``
    are kept exactly (no rounding through floats).

    Raises:
        ValueError: ``lang`` is neither ``"da"`` nor ``"en"``, or the value is not finite.

    >>> format_number(Decimal("1500000"), "da"), format_number(Decimal("2.50"), "en")
    ('1.500.000', '2.5')
    """
    check_lang(lang)
    if value is UNKNOWN:
        return say("unknown", lang)
    if not Decimal(value).is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return say_number(value, lang)


def format_money(money: Money, lang: Lang = DEFAULT_LANG) -> str:
    """An amount the way it is written: ``1.500.000 kr.`` in Danish, ``DKK 1,500,000`` in English.

    Other currencies than kroner are written with their code after the number in
    Danish (``1.000 EUR``) and before it in English (``EUR 1,000``).

    >>> format_money(Money(Decimal("1500000")), "da"), format_money(Money(Decimal("1500000")), "en")
    ('1.500.000 kr.', 'DKK 1,500,000')
    """
    number = format_number(money.amount, lang)
    if money.currency == "DKK":
        return say("money.dkk", lang, number=number)
    return say("money.other", lang, number=number, currency=money.currency)


def format_quantity(quantity: Quantity, lang: Lang = DEFAULT_LANG) -> str:
    """A promised or delivered quantity with its unit's label, e.g. ``37 timer om ugen``.

    >>> from samarbejde import Unit
    >>> format_quantity(Quantity(Decimal("2500.5"), Unit.HOURS), "da")
    '2.500,5 timer'
    """
    if quantity.unit is Unit.DKK:
        return format_money(Money(quantity.amount), lang)
    return f"{format_number(quantity.amount, lang)} {label(quantity.unit, lang)}"


def format_date(day: datetime.date | Approximate, lang: Lang = DEFAULT_LANG) -> str:
    """A date as people write it: ``1. juni 2025`` in Danish, ``1 June 2025`` in English.

    An approximate date is its month and year or its year (``marts 2019``, ``2017``),
    never an invented day.

    Raises:
        ValueError: ``lang`` is neither ``"da"`` nor ``"en"``.

    >>> import pendulum
    >>> format_date(pendulum.Date(2025, 6, 1), "da"), format_date(pendulum.Date(2025, 6, 1), "en")
    ('1. juni 2025', '1 June 2025')
    """
    if isinstance(day, Approximate):
        return render_approximate(day, check_lang(lang))
    return say_date(day, check_lang(lang))
