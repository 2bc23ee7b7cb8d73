"""Document paths and :class:`SourceMap`: from a path to a line and column."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence

__all__ = ["Path", "SourceMap", "parse_path", "render_path"]

#: A path inside a raw document: mapping keys and list indexes.
Path = tuple[str | int, ...]

_KEY = re.compile(r"[^.\[\]]+")
_SELECTORS = ("id", "organisation")


def render_path(path: Path) -> str:
    r"""Write a path as ``partnerships[0].commitments[2].term.end``.

    >>> render_path(("partnerships", 0, "term", "end"))
    'partnerships[0].term.end'

    Keys that cannot be shown as they are (control characters, lone surrogates) are
    written with backslash escapes, so the path can always be printed.

    >>> render_path(("a\x07",))
    'a\\x07'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            shown = part if part.isprintable() else _escaped(part)
            out += f".{shown}" if out else shown
    return out


def _escaped(text: str) -> str:
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def parse_path(text: str) -> tuple[str | int | tuple[str], ...] | None:
    """Split a path into keys, ``int`` indexes and ``(id,)`` selectors.

    ``None`` when the text is not a path.

    >>> parse_path("partnerships[opdrift].members[0].joined")
    ('partnerships', ('opdrift',), 'members', 0, 'joined')
    """
    parts: list[str | int | tuple[str]] = []
    position = 0
    while position < len(text):
        if text[position] == "[":
            end = text.find("]", position)
            if end == -1:
                return None
            selector = text[position + 1 : end]
            is_index = selector.isascii() and selector.isdigit()
            parts.append(int(selector) if is_index else (selector,))
            position = end + 1
            continue
        if text[position] == ".":
            if not parts:
                return None
            position += 1
        match = _KEY.match(text, position)
        if match is None:
            return None
        parts.append(match.group())
        position = match.end()
    return tuple(parts)


class SourceMap:
    r"""Where each value of a loaded document stands in its source text.

    Made by :func:`samarbejde.loads_located` and :func:`samarbejde.load_located`.
    Documents in TOML have no positions: :meth:`locate` then returns ``None``.

    >>> from samarbejde import loads_located
    >>> text = '{"format": "samarbejde/1",\n "areas": [{"id": "a", "name": "A",'
    >>> text += ' "municipality": "561"}]}'
    >>> _, where = loads_located(text, "json")
    >>> where.locate("areas[a].name")
    (2, 32)
    """

    __slots__ = ("_data", "_keys", "_lines", "_pending", "_selections", "_values")

    def __init__(
        self,
        data: object,
        values: Mapping[Path, int | tuple[int, int]],
        keys: Mapping[Path, int | tuple[int, int]],
        lines: Sequence[int] | None = None,
    ) -> None:
        """Keep positions as offsets into the text (``lines`` given) or (line, column)."""
        self._data = data
        self._values = values
        self._keys = keys
        self._lines = lines
        self._pending: Callable[[], SourceMap] | None = None
        # Per list (by identity): each id, organisation or plain text -> first index.
        self._selections: dict[int, dict[str, int]] = {}

    @classmethod
    def deferred(cls, build: Callable[[], SourceMap]) -> SourceMap:
        """A source map built by ``build`` the first time a position is asked for."""
        source_map = cls(None, {}, {})
        source_map._pending = build
        return source_map

    def _ready(self) -> None:
        if self._pending is not None:
            built, self._pending = self._pending(), None
            self._data, self._values = built._data, built._values
            self._keys, self._lines = built._keys, built._lines

    def locate(self, path: str) -> tuple[int, int] | None:
        """The 1-based line and column of the value at ``path``.

        ``[x]`` selects the list element whose ``id`` (or ``organisation``) is ``x``, or
        that is ``x`` itself (in a list of ids); failing that, a number ``x`` is an
        index. When the exact value has no recorded position, the nearest enclosing
        one is returned; ``None`` when nothing is known.
        """
        self._ready()
        parts = parse_path(path)
        if parts is None:
            return None
        return self.position(self._resolve(parts))

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int] | None:
        """The position of a raw path (of its key, with ``key``), or the nearest parent's."""
        self._ready()
        if key and path in self._keys:
            return self._convert(self._keys[path])
        for end in range(len(path), -1, -1):
            found = self._values.get(path[:end])
            if found is not None:
                return self._convert(found)
        return None

    def _convert(self, point: int | tuple[int, int]) -> tuple[int, int]:
        if isinstance(point, tuple):
            return point
        assert self._lines is not None
        line = bisect.bisect_right(self._lines, point)
        return line, point - self._lines[line - 1] + 1

    def _select(self, node: object, wanted: str) -> int | None:
        """The first index of ``node`` (a list) selected by ``wanted``; one scan a list."""
        if not isinstance(node, list):
            return None
        table = self._selections.get(id(node))
        if table is None:
            table = self._selections[id(node)] = _selectors(node)
        return table.get(wanted)

    def _resolve(self, parts: Sequence[str | int | tuple[str]]) -> Path:
        resolved: list[str | int] = []
        node = self._data
        for part in parts:
            if isinstance(part, int) and isinstance(node, list):
                # An id may be all digits: an element with that id wins over the index.
                chosen = self._select(node, str(part))
                part = part if chosen is None else chosen  # noqa: PLW2901
            if isinstance(part, tuple):
                index = self._select(node, part[0])
                if index is None:
                    break
                resolved.append(index)
                node = node[index]  # type: ignore[index]
            else:
                resolved.append(part)
                try:
                    node = node[part]  # type: ignore[index]
                except (LookupError, TypeError):
                    node = None
        return tuple(resolved)


def _selectors(items: list[object]) -> dict[str, int]:
    table: dict[str, int] = {}
    for index, item in enumerate(items):
        if isinstance(item, str):
            table.setdefault(item, index)
        elif isinstance(item, dict):
            for key in _SELECTORS:
                value = item.get(key)
                if isinstance(value, str):
                    table.setdefault(value, index)
    return table


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` begins."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts
