"""A registry's memory: every revision of a portfolio, who recorded it, and what changed.

Open a store with :func:`open`: a file path or ``sqlite:///registry.db`` (SQLite,
embedded, nothing to install or start) or ``postgresql://…`` for a registry shared by
several offices (needs the ``samarbejde[postgres]`` extra).

>>> import tempfile, pathlib
>>> from samarbejde import Portfolio, store
>>> with tempfile.TemporaryDirectory() as folder, store.open(
...     pathlib.Path(folder) / "registry.db"
... ) as registry:
...     first = registry.save(Portfolio(), recorded_by="sekretariatet", note="start")
...     first.number, registry.portfolio() == Portfolio()
(1, True)
"""

from __future__ import annotations

import os

from samarbejde.store._errors import (
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreInputError,
    StoreUnavailableError,
)
from samarbejde.store._history import Revision
from samarbejde.store._saving import ConflictError
from samarbejde.store._schema import SCHEMA_VERSION
from samarbejde.store._store import Checkout, Store, open_store

__all__ = [
    "SCHEMA_VERSION",
    "Checkout",
    "ConflictError",
    "Revision",
    "Store",
    "StoreBusyError",
    "StoreDamagedError",
    "StoreError",
    "StoreInputError",
    "StoreUnavailableError",
    "open",
]


def open(target: str | os.PathLike[str], *, timeout: float = 30.0) -> Store:  # noqa: A001
    """Open (or create) the store at ``target``.

    Args:
        target: A file path or ``sqlite:///file.db`` (``sqlite:////abs/file.db`` for an
            absolute path): SQLite, nothing to install or start. Or
            ``postgresql://user@host:port/database``: a PostgreSQL server (needs
            ``pip install 'samarbejde[postgres]'``).
        timeout: Seconds to wait for another writer's lock (then
            :class:`StoreBusyError`), or to connect.

    Returns:
        The store; close it, or use it in a ``with`` block.

    Raises:
        StoreError: It cannot be opened, is not a samarbejde store, or has a schema
            version this release cannot read (the message says what to do); a
            :class:`StoreUnavailableError` where the server or file cannot be reached,
            a :class:`StoreInputError` where ``target`` is not a file.
    """
    return open_store(target, timeout=timeout)
