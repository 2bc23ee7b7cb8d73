"""Facts stated as unknown: generated values that are sometimes :data:`~samarbejde.UNKNOWN`.

The strategies draw an unknown amount, quantity, horizon, role or list status now and
then, so that the round trips and the "no rule raises" properties cover it (D75).
"""

from __future__ import annotations

from typing import TypeVar

from hypothesis import strategies as st

from samarbejde.model.unknown import UNKNOWN, Unknown

__all__ = ["UNKNOWN_ONE_IN", "maybe_unknown"]

T = TypeVar("T")

#: About one value in this many is drawn unknown where it may be.
UNKNOWN_ONE_IN = 8


def maybe_unknown(draw: st.DrawFn, value: T) -> T | Unknown:
    """``value``, or now and then :data:`~samarbejde.UNKNOWN` (shrinking towards ``value``)."""
    return UNKNOWN if draw(st.integers(1, UNKNOWN_ONE_IN)) == UNKNOWN_ONE_IN else value
