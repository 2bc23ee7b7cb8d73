"""The positions of a YAML document kept while it loads, in a few bytes per event.

A located YAML load (``loads_located``) used to read the text twice: once for the data,
and again through every event to record the position of every value under its path
(a tuple per value), which cost about as much as the load. Instead, the one read keeps
an :class:`EventLog`: for each value event, in the order of the text, its line and
column, its key's, the number of the event after its last descendant, its key (shared,
interned) and, for ids, organisations and plain list items, its text. A path is then
found by stepping over whole subtrees (:class:`LoggedYaml`, an
:class:`~samarbejde.documents._on_demand.OnDemand` map), and only the containers on an
asked path are looked into (design decision D103).
"""

from __future__ import annotations

import sys
from array import array
from typing import Any

from samarbejde.documents._on_demand import Container, OnDemand

__all__ = ["EventLog", "LoggedYaml"]

#: The keys whose text selects a list element (``[opdrift]``), as ``SourceMap`` reads them.
SELECTING = ("id", "organisation")


def _packed(line: int, column: int) -> int:
    return line << 32 | column


class EventLog:
    """Positions and shape of a YAML document's value events, in the order of the text."""

    __slots__ = ("ends", "keys", "labels", "marks", "selectors")

    def __init__(self) -> None:
        """An empty log."""
        self.marks = array("q")  # line << 32 | column, 1-based, of each value
        self.keys = array("q")  # the same of its key (0: an item of a list, or the root)
        self.ends = array("q")  # the number of the event after its last descendant
        self.labels: list[str | None] = []  # its key; None for a list item and the root
        self.selectors: dict[int, str] = {}  # event -> text, for ids and list items

    def value(self, event: Any, key: str | None, key_mark: tuple[int, int] | None) -> int:
        """Log a value event (under ``key`` in a mapping); its number."""
        number = len(self.marks)
        mark = event.start_mark
        self.marks.append(_packed(mark.line + 1, mark.column + 1))
        self.keys.append(0 if key_mark is None else _packed(*key_mark))
        self.labels.append(None if key is None else sys.intern(key))
        self.ends.append(number + 1)
        return number

    def text(self, number: int, key: str | None, value: object) -> None:
        """Keep the text of event ``number`` if it selects a list element."""
        if isinstance(value, str) and (key is None or key in SELECTING):
            self.selectors[number] = value

    def close(self, start: int) -> None:
        """The container that began at event ``start`` ends here."""
        self.ends[start] = len(self.marks)


class _Members:
    """A container of the log: where each member's event is, and a list's selections."""

    __slots__ = ("is_list", "members", "selections")

    def __init__(self, is_list: bool) -> None:
        self.is_list = is_list
        self.members: dict[str | int, int] = {}
        self.selections: dict[str, int] = {}


class LoggedYaml(OnDemand[int]):
    """A :class:`~samarbejde.documents.SourceMap` read from an :class:`EventLog`."""

    __slots__ = ("_containers", "_log")

    def __init__(self, log: EventLog) -> None:
        """A map over ``log`` (of a document that loaded)."""
        super().__init__()
        self._log = log
        self._containers: dict[int, _Members] = {}

    def _root(self) -> int:
        return 0

    def _container(self, where: int) -> Container | None:
        known = self._containers.get(where)
        if known is not None:
            return known
        log = self._log
        ends, labels = log.ends, log.labels
        end = ends[where]
        if end == where + 1:  # a scalar, or an empty container: nothing inside
            return None
        first = where + 1
        made = self._containers[where] = _Members(labels[first] is None)
        members, child, index = made.members, first, 0
        while child < end:
            if made.is_list:
                members[index] = child
                self._add_selectors(made.selections, child, index)
                index += 1
            else:
                members.setdefault(labels[child], child)  # type: ignore[arg-type]
            child = ends[child]
        return made

    def _add_selectors(self, table: dict[str, int], item: int, index: int) -> None:
        """Add the texts by which list element ``item`` (number ``index``) is selected."""
        log = self._log
        text = log.selectors.get(item)
        if text is not None:
            table.setdefault(text, index)
            return
        end, labels, ends = log.ends[item], log.labels, log.ends
        if end == item + 1 or labels[item + 1] is None:  # not a mapping
            return
        found: dict[str, str] = {}
        child = item + 1
        while child < end:
            label = labels[child]
            if label is not None and label in SELECTING and child in log.selectors:
                found.setdefault(label, log.selectors[child])
            child = ends[child]
        for key in SELECTING:
            if key in found:
                table.setdefault(found[key], index)

    def _member(self, container: Container, part: str | int) -> int | None:
        assert isinstance(container, _Members)
        return container.members.get(part)

    def _point(self, where: int) -> tuple[int, int]:
        packed = self._log.marks[where]
        return packed >> 32, packed & 0xFFFFFFFF

    def _key_point(self, container: Container, key: str) -> tuple[int, int]:
        assert isinstance(container, _Members)
        where = container.members[key]
        packed = self._log.keys[where]
        return (packed >> 32, packed & 0xFFFFFFFF) if packed else self._point(where)
