"""Text as XML 1.0 can carry it (design decision D62)."""

from __future__ import annotations

import re

__all__ = ["REPLACEMENT", "xml_text"]

#: What stands in for a character XML 1.0 cannot carry.
REPLACEMENT = "\ufffd"
#: The characters outside XML 1.0's ``Char`` production: the C0 controls but tab, line
#: feed and carriage return, lone surrogates, and U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> tuple[str, bool]:
    r"""``text`` with each character XML 1.0 cannot carry replaced by U+FFFD.

    Returns:
        The text to write, and whether a character was replaced.

    >>> xml_text("Øst\x01byen")
    ('Øst�byen', True)
    >>> xml_text("Ørnereden")
    ('Ørnereden', False)
    """
    written, replaced = _NOT_XML.subn(REPLACEMENT, text)
    return written, bool(replaced)
