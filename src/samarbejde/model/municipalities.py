"""Denmark's 98 municipalities (*kommuner*), shipped as package data.

The list comes from DAWA/Dataforsyningen (see ``data/PROVENANCE-kommuner.md``).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

import attrs

__all__ = ["Municipality", "municipalities"]


@attrs.frozen
class Municipality:
    """One Danish municipality.

    Attributes:
        code: The three-digit *kommunekode*, e.g. ``"561"``.
        name: The short name, e.g. ``"Esbjerg"``.
        region_code: The four-digit region code, e.g. ``"1083"``.
        region_name: E.g. ``"Region Syddanmark"``.
    """

    code: str
    name: str
    region_code: str
    region_name: str


@functools.cache
def municipalities() -> Mapping[str, Municipality]:
    """Return Denmark's municipalities by *kommunekode* (read-only, read once).

    >>> municipalities()["561"].name
    'Esbjerg'
    >>> len(municipalities())
    98
    """
    import csv  # noqa: PLC0415 - read once, on first use, not on import

    text = resources.files("samarbejde.model").joinpath("data/kommuner.csv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO(text))
    table = {
        row["kode"]: Municipality(row["kode"], row["navn"], row["regionskode"], row["regionsnavn"])
        for row in rows
    }
    return MappingProxyType(table)
