"""What a store raises: one root, :class:`StoreError`, and a subclass for each kind of failure.

Every driver, codec and calendar exception met while opening, reading or writing a store
becomes one of these, with the same class on SQLite and PostgreSQL, so that a server can
answer each the right way: :class:`StoreInputError` is the caller's (HTTP 400),
:class:`StoreBusyError` may succeed when tried again (503 with ``Retry-After``),
:class:`StoreUnavailableError` needs the database back (503), and
:class:`StoreDamagedError` needs a person and a backup (500). Each also inherits the
builtin a generic handler expects and pickles with its message.
"""

from __future__ import annotations

import re

from samarbejde.model import Lang, SamarbejdeError
from samarbejde.model.text import Text

__all__ = [
    "StoreBusyError",
    "StoreDamagedError",
    "StoreError",
    "StoreInputError",
    "StoreUnavailableError",
    "checked_number",
    "checked_text",
]


class StoreError(SamarbejdeError):
    """A store cannot be opened, read or written as asked; the message says why."""

    #: What the error means (``error.store.<kind>`` in the catalogues): the lead of the
    #: message in a language other than English, before the detail (which names a
    #: driver's or the caller's text, and stays as given).
    kind = "store"

    def _message(self, lang: Lang) -> str:
        lead = Text(f"error.store.{self.kind}").pick(lang)
        return f"{lead}: {self}" if lead else str(self)


class StoreInputError(StoreError, ValueError):
    """The caller's input cannot be stored or looked up: the message names the field."""

    kind = "input"


class StoreBusyError(StoreError, TimeoutError):
    """Another writer held a lock longer than the store's ``timeout``; nothing was written.

    Trying again later may succeed.
    """

    kind = "busy"


class StoreUnavailableError(StoreError, ConnectionError):
    """The database cannot be reached or written; nothing was written.

    A lost connection, a server restarting, a full disk, a read-only file.
    """

    kind = "unavailable"


class StoreDamagedError(StoreError):
    """The stored data is damaged: a checksum does not match, or the file is corrupt.

    The message names the store and, where known, the revision.
    """

    kind = "damaged"


#: Control characters (C0 but tab, line feed and carriage return; DEL; C1) and surrogates.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_REFUSED_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

#: The largest revision number either engine stores (a signed 64-bit integer).
LARGEST = 2**63 - 1


def checked_text(field: str, value: str, *, lines: bool = False) -> str:
    """``value`` if a store keeps it as given on both engines, else a StoreInputError.

    Args:
        field: The field's name, for the message.
        value: The text.
        lines: Whether tabs and line breaks are allowed (a note), or not (a name, a path).

    Raises:
        StoreInputError: ``value`` is not a string, or holds a control character or a
            lone surrogate (PostgreSQL refuses NUL, UTF-8 refuses surrogates).
    """
    if not isinstance(value, str):
        raise StoreInputError(f"{field} must be text, got {type(value).__name__}")
    found = (_REFUSED if lines else _REFUSED_IN_A_LINE).search(value)
    if found is not None:
        raise StoreInputError(
            f"{field} holds the character U+{ord(found.group()):04X} at position"
            f" {found.start()}; control characters and lone surrogates cannot be stored"
        )
    return value


def checked_number(field: str, value: int) -> int:
    """``value`` if it is an integer either engine can store, else a StoreInputError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise StoreInputError(f"{field} must be a whole number, got {type(value).__name__}")
    if not -LARGEST <= value <= LARGEST:
        raise StoreInputError(f"{field} {value} is out of range: no such revision")
    return value
