"""Positions in a JSON text found on demand, at the speed of msgspec's decoder.

A document that loaded without a problem has positions only when a finding asks for
one. :func:`walk_json` makes a :class:`~samarbejde.documents.SourceMap` that looks
inside a container of the text the first time an asked path goes through it: msgspec
splits the container into its members' raw text in C (``msgspec.Raw``, nothing is
decoded), and one step per member puts each at its offset. What it learns — where
each member of a container stands, each list's ids — is kept, so every container is
split once, and only the containers on asked paths are. The full scanner
(:func:`~samarbejde.documents._json_text.scan_json`) reads every token in Python:
locating every finding of a large portfolio with it cost about four times the load
itself (issue 25, design decision D103).

Offsets are of the UTF-8 bytes; lines and columns are counted in characters, from
tables of newlines and of UTF-8 continuation bytes per block of text, made once.
"""

from __future__ import annotations

import re
from itertools import accumulate, islice
from typing import Any

import msgspec

from samarbejde.documents._locate import SourceMap
from samarbejde.documents._on_demand import Container, OnDemand

__all__ = ["walk_json"]

_WHITESPACE = re.compile(rb"[ \t\n\r]*")
#: From the end of a member (or the opening brace) to the next value: white space, a
#: comma, the key (group 1) and its colon.
_KEY = re.compile(rb'[ \t\n\r]*,?[ \t\n\r]*("(?:[^"\\]|\\.)*")[ \t\n\r]*:[ \t\n\r]*', re.DOTALL)
#: What stands between a member and the next: white space, perhaps a comma.
_BETWEEN = re.compile(rb"[ \t\n\r]*,?[ \t\n\r]*")
#: Characters per block of the newline and continuation tables.
_BLOCK = 1 << 10
_BOM = "\ufeff".encode()
#: Every byte that is not a UTF-8 continuation byte (deleted to count those).
_NOT_CONTINUATION = bytes(b for b in range(256) if not 0x80 <= b <= 0xBF)


class _Selectors(msgspec.Struct):
    """The two keys by which a list element is selected (``[opdrift]``)."""

    id: Any = None
    organisation: Any = None


_MEMBERS = msgspec.json.Decoder(dict[str, msgspec.Raw])
_ITEMS = msgspec.json.Decoder(list[msgspec.Raw])
_SELECTED = msgspec.json.Decoder(list[_Selectors | str])
_ONE_SELECTED = msgspec.json.Decoder(_Selectors | str)


class _Container:
    """One mapping or list of the text, split into its members (a mapping, as far as asked)."""

    __slots__ = ("complete", "cursor", "is_list", "members", "placed", "selections", "span")

    def __init__(self, is_list: bool, span: tuple[int, int]) -> None:
        self.is_list = is_list
        self.span = span  # (offset, length) of the container's text
        # Key or index -> (offset of the value, its length, offset of the key or -1).
        self.members: dict[str | int, tuple[int, int, int]] = {}
        self.selections: dict[str, int] = {}  # id, organisation or text -> first index
        # A mapping is placed member by member, as far as a path asks; nothing decoded
        # is kept between two asks (msgspec splits a record again faster than it is kept).
        self.complete = is_list
        self.placed = 0
        self.cursor = span[0] + 1  # after the last member placed


class _WalkedJson(OnDemand[tuple[int, int]]):
    """A :class:`SourceMap` over JSON text that reads only what is asked of it."""

    __slots__ = (
        "_ascii",
        "_bytes",
        "_containers",
        "_continuations",
        "_counts",
        "_last_newlines",
        "_start",
        "_top",
    )

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._bytes = data
        self._ascii = data.isascii()
        self._start = 3 if data.startswith(_BOM) else 0
        start, end = _skip(data, self._start), len(data)
        while end > start and data[end - 1] in b" \t\n\r":
            end -= 1
        self._top = (start, end - start)
        self._containers: dict[int, _Container] = {}
        self._counts: list[int] = []
        self._last_newlines: list[int] = []
        self._continuations: list[int] = []  # UTF-8 continuation bytes before each block

    def _point(self, where: tuple[int, int]) -> tuple[int, int]:
        return self._line_column(where[0])

    def _key_point(self, container: Container, key: str) -> tuple[int, int]:
        assert isinstance(container, _Container)
        return self._line_column(container.members[key][2])

    def _root(self) -> tuple[int, int]:
        return self._top

    def _container(self, where: tuple[int, int]) -> Container | None:
        """The container at ``where`` (offset, length); ``None`` for a scalar."""
        offset, length = where
        known = self._containers.get(offset)
        if known is not None:
            return known
        data = self._bytes
        opening = data[offset : offset + 1]
        if opening not in (b"{", b"["):
            return None
        container = self._containers[offset] = _Container(opening == b"[", where)
        if container.is_list:
            view = memoryview(data)[offset : offset + length]
            members, between = container.members, _BETWEEN.match
            cursor = _skip(data, offset + 1)
            for index, raw in enumerate(_ITEMS.decode(view)):
                members[index] = (cursor, len(raw), -1)
                cursor = between(data, cursor + len(raw)).end()  # type: ignore[union-attr]
            _select(container.selections, view)
        return container

    def _member(self, container: Container, part: str | int) -> tuple[int, int] | None:
        """Where member ``part`` of ``container`` stands, placing members up to it."""
        assert isinstance(container, _Container)
        found = container.members.get(part)
        if found is None and not container.complete:
            found = self._place(container, part)
        return None if found is None else (found[0], found[1])

    def _place(self, container: _Container, part: str | int) -> tuple[int, int, int] | None:
        """Place the members of a mapping after those placed, up to ``part``."""
        data, (offset, length) = self._bytes, container.span
        cursor, members, key = container.cursor, container.members, _KEY.match
        items = _MEMBERS.decode(memoryview(data)[offset : offset + length]).items()
        for name, raw in islice(items, container.placed, None):
            found_key = key(data, cursor)
            start = found_key.end()  # type: ignore[union-attr]
            members[name] = where = (start, len(raw), found_key.start(1))  # type: ignore[union-attr]
            cursor = start + len(raw)
            container.placed += 1
            if name == part:
                container.cursor = cursor
                return where
        container.complete = True
        return None

    def _line_column(self, offset: int) -> tuple[int, int]:
        """The line and column (in characters, after a byte order mark) at byte ``offset``."""
        data = self._bytes
        if not self._counts:
            starts = range(0, len(data) + 1, _BLOCK)
            self._counts = [0, *accumulate(data.count(b"\n", i, i + _BLOCK) for i in starts)]
            # The offset of the last newline before each block (-1: none).
            last = (data.rfind(b"\n", i, i + _BLOCK) for i in starts)
            self._last_newlines = [-1, *accumulate(last, max)]
        block = offset // _BLOCK
        start = block * _BLOCK
        line = self._counts[block] + data.count(b"\n", start, offset) + 1
        newline = data.rfind(b"\n", start, offset)
        if newline == -1:
            newline = max(self._last_newlines[block], self._start - 1)
        column = offset - newline
        if not self._ascii:  # count characters, not the UTF-8 continuation bytes
            column -= self._continued(offset) - self._continued(newline + 1)
        return line, column

    def _continued(self, offset: int) -> int:
        """How many UTF-8 continuation bytes stand before ``offset``."""
        data = self._bytes
        if not self._continuations:
            starts = range(0, len(data) + 1, _BLOCK)
            counts = (len(data[i : i + _BLOCK].translate(None, _NOT_CONTINUATION)) for i in starts)
            self._continuations = [0, *accumulate(counts)]
        block = offset // _BLOCK
        inside = data[block * _BLOCK : offset].translate(None, _NOT_CONTINUATION)
        return self._continuations[block] + len(inside)


def _skip(data: bytes, offset: int) -> int:
    return _WHITESPACE.match(data, offset).end()  # type: ignore[union-attr]


def _select(table: dict[str, int], view: memoryview) -> None:
    """Fill ``table`` with the first index of each id, organisation or text of a list."""
    try:
        items: list[_Selectors | str | None] = list(_SELECTED.decode(view))
    except msgspec.ValidationError:  # not every element is a mapping or text
        items = []
        for raw in _ITEMS.decode(view):
            try:
                items.append(_ONE_SELECTED.decode(raw))
            except msgspec.ValidationError:
                items.append(None)
    for index, item in enumerate(items):
        if isinstance(item, str):
            table.setdefault(item, index)
        elif item is not None:
            for found in (item.id, item.organisation):
                if isinstance(found, str):
                    table.setdefault(found, index)


def walk_json(data: str | bytes) -> SourceMap:
    """A source map of a JSON document the fast decoder read, reading it on demand.

    ``data`` is the document as it was given: its UTF-8 bytes (perhaps with a byte order
    mark) are kept, not copied, and text is encoded once. Positions are those
    :func:`~samarbejde.documents._json_text.scan_json` records in the decoded text.
    """
    return _WalkedJson(data if isinstance(data, bytes) else data.encode("utf-8"))
