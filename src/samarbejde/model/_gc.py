"""Pausing the cyclic garbage collector while many records are made (opt-in only).

Loading a document and validating a portfolio both build trees of records without
cycles: a collection in the middle walks every record made so far and frees nothing.
But the switch is process-wide: pausing it inside the library switched it off for
every other thread of the program too. The loaders no longer use it (design decision
D65); a program that owns its process may pause the collector around its own calls.
:func:`gc_paused` stays here, unused by the documents layer, until nothing imports it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; resume it only if it was on.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
