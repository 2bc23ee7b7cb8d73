"""A source map that finds a path's position when it is asked, and remembers the way.

The located paths of a document are the paths its findings name: a few, or one per
finding of a national portfolio. :class:`OnDemand` walks from the root to each asked
path through the containers on its way only, and remembers every path it found, so
the findings on one record share the way to it. How a container is split into its
members is the format's: :mod:`samarbejde.documents._json_walk` splits JSON text with
msgspec, :mod:`samarbejde.documents._yaml_log` reads the compact log of events the YAML
load kept (design decision D103).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from samarbejde.documents._locate import Path, SourceMap, parse_path

__all__ = ["Container", "OnDemand"]

#: Where a value stands, in the format's own terms (an offset, an event's number).
W = TypeVar("W")

#: A path of plain keys and bracketed selectors, each part readable from its end.
_SIMPLE = re.compile(r"[^.\[\]]+(?:\.[^.\[\]]+|\[[^.\[\]]*\])*")


class Container(Protocol):
    """What :class:`OnDemand` needs to know of a mapping or list."""

    @property
    def is_list(self) -> bool:
        """Whether the container is a list (else a mapping)."""

    @property
    def selections(self) -> dict[str, int]:
        """A list's first index of each id, organisation or text it holds."""


class OnDemand(SourceMap, Generic[W]):
    """A :class:`SourceMap` that walks to each asked path through its containers only.

    Subclasses say where the root is, how a container at a place is split, where a
    member stands and what line and column a place is.
    """

    __slots__ = ("_found",)

    def __init__(self) -> None:
        """An empty memory of paths found."""
        super().__init__(None, {}, {})
        # Each path asked for (and each parent of one) -> where it stands, and whether
        # it is there (else the place is its nearest parent's).
        self._found: dict[str, tuple[W, bool]] = {}

    def locate(self, path: str) -> tuple[int, int] | None:
        """As :meth:`SourceMap.locate`, walking only the containers ``path`` goes through."""
        if _SIMPLE.fullmatch(path) is None:  # an unusual path: read it part by part
            parts = parse_path(path)
            if parts is None:
                return None
            where, _ = self._follow(self._root(), parts)
        else:
            where, _ = self._find(path)
        return self._point(where)

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int] | None:
        """As :meth:`SourceMap.position`, walking only the containers ``path`` goes through."""
        where = self._root()
        for depth, part in enumerate(path):
            container = self._container(where)
            found = None if container is None else self._member(container, part)
            if container is None or found is None:
                break
            if key and depth == len(path) - 1 and isinstance(part, str):
                return self._key_point(container, part)
            where = found
        return self._point(where)

    def _find(self, path: str) -> tuple[W, bool]:
        """Where a simple ``path`` stands (``True``), or its nearest parent (``False``)."""
        found = self._found
        pending: list[tuple[str, str | int | tuple[str]]] = []
        while path and path not in found:
            parent, part = _last(path)
            pending.append((path, part))
            path = parent
        where, ok = found[path] if path else (self._root(), True)
        for asked, part in reversed(pending):
            if ok:
                where, ok = self._follow(where, (part,))
            found[asked] = (where, ok)
        return where, ok

    def _follow(self, where: W, parts: Sequence[str | int | tuple[str]]) -> tuple[W, bool]:
        """Where ``parts`` lead from ``where``, or the last place reached (and ``False``)."""
        for part in parts:
            container = self._container(where)
            if container is None:
                return where, False
            if isinstance(part, tuple):
                chosen: str | int | None = container.selections.get(part[0])
            elif isinstance(part, int) and container.is_list:
                # An id may be all digits: an element with that id wins over the index.
                chosen = container.selections.get(str(part), part)
            else:
                chosen = part
            found = None if chosen is None else self._member(container, chosen)
            if found is None:
                return where, False
            where = found
        return where, True

    def _root(self) -> W:  # pragma: no cover - every subclass says
        raise NotImplementedError

    def _container(self, where: W) -> Container | None:  # pragma: no cover
        """The container at ``where``; ``None`` for a scalar."""
        raise NotImplementedError

    def _member(self, container: Container, part: str | int) -> W | None:  # pragma: no cover
        """Where member ``part`` of ``container`` stands; ``None`` when it has none."""
        raise NotImplementedError

    def _point(self, where: W) -> tuple[int, int]:  # pragma: no cover
        """The line and column of ``where``."""
        raise NotImplementedError

    def _key_point(self, container: Container, key: str) -> tuple[int, int]:  # pragma: no cover
        """The line and column of ``key`` (a member of ``container``)."""
        raise NotImplementedError


def _last(path: str) -> tuple[str, str | int | tuple[str]]:
    """A simple path's parent and last part (as :func:`parse_path` reads it)."""
    if path.endswith("]"):
        cut = path.rfind("[")
        selector = path[cut + 1 : -1]
        is_index = selector.isascii() and selector.isdigit()
        return path[:cut], int(selector) if is_index else (selector,)
    cut = path.rfind(".")
    return (path[:cut], path[cut + 1 :]) if cut != -1 else ("", path)
