"""What an exporter or importer returns: its output and what it left out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

import attrs

from samarbejde.model import Portfolio, SamarbejdeError

__all__ = ["Export", "Import", "InteropError", "Omission", "summary"]

D = TypeVar("D")


class InteropError(SamarbejdeError):
    """A portfolio cannot be written in a target at all (e.g. IATI needs one activity).

    Attributes:
        omitted: What was left out on the way, which explains why nothing remained.
    """

    omitted: tuple[Omission, ...]

    def __init__(self, message: str, omitted: Iterable[Omission] = ()) -> None:
        super().__init__(message)
        self.omitted = tuple(omitted)


@attrs.frozen
class Omission:
    """Something the source says that the target could not take.

    Attributes:
        path: Where it is in the source, by ids, e.g.
            ``partnerships[opdrift].goals[g-1].target`` (a samarbejde portfolio) or
            ``memberships[593]`` (a Popolo document).
        reason: Why it was left out, in English.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@attrs.frozen
class Export(Generic[D]):
    """The document an exporter wrote and what it could not write.

    Attributes:
        document: The exported document: a JSON-compatible ``dict`` for JSON-LD and
            Popolo, the XML text for IATI.
        omitted: What the target standard could not say, in portfolio order.
    """

    document: D
    omitted: tuple[Omission, ...] = ()


@attrs.frozen
class Import:
    """The portfolio read from another standard and what could not be placed in it.

    Attributes:
        portfolio: The portfolio.
        omitted: What the source said that samarbejde could not place, in document order.
        ids: The source's ids that did not fit samarbejde's id pattern -> the ids they
            were read as (e.g. ``{"party/labour": "party-labour"}``): the original
            identifiers, kept.
    """

    portfolio: Portfolio
    omitted: tuple[Omission, ...] = ()
    ids: Mapping[str, str] = attrs.field(factory=dict, hash=False)


def summary(omitted: Iterable[Omission], *, examples: int = 3) -> str:
    """Summarise omissions by reason, most frequent first, with a few example paths.

    >>> print(summary([Omission("a", "why"), Omission("b", "why"), Omission("c", "other")]))
    3 item(s) left out:
      2 x why (a, b)
      1 x other (c)
    """
    by_reason: dict[str, list[str]] = {}
    for omission in omitted:
        by_reason.setdefault(omission.reason, []).append(omission.path)
    total = sum(len(paths) for paths in by_reason.values())
    if not total:
        return "nothing left out."
    lines = [f"{total} item(s) left out:"]
    for reason, paths in sorted(by_reason.items(), key=lambda item: -len(item[1])):
        shown = ", ".join(paths[:examples]) + (", ..." if len(paths) > examples else "")
        lines.append(f"  {len(paths)} x {reason} ({shown})")
    return "\n".join(lines)
