"""A registry's memory: every revision of a portfolio, who recorded it, and what changed.

Open a store with :func:`open`: a file path or ``sqlite:///registry.db`` (SQLite,
embedded, the default) or ``postgresql://…`` for a registry shared by several offices
(needs the ``samarbejde[postgres]`` extra)::

    from samarbejde import store

    with store.open("registry.db") as registry:
        registry.save(portfolio, recorded_by="sekretariatet", note="første udgave")
        registry.portfolio()  # the latest
"""

from __future__ import annotations

from samarbejde.store._engines import StoreError
from samarbejde.store._store import SCHEMA_VERSION, ConflictError, Revision, Store, open_store

#: Open (or create) a store: ``samarbejde.store.open(target)``; see :func:`open_store`.
open = open_store  # noqa: A001 - the package's verb, as in ``shelve.open``

__all__ = [
    "SCHEMA_VERSION",
    "ConflictError",
    "Revision",
    "Store",
    "StoreError",
    "open",
    "open_store",
]
