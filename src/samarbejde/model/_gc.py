"""Pausing the cyclic garbage collector while many records are made.

Loading a document and validating a portfolio both build trees of records without
cycles: a collection in the middle would walk every record made so far and free
nothing. Both pause the collector with :func:`gc_paused`, written once here, at the
bottom layer, so that the documents and the rules share it.
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
