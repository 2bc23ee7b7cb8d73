"""Finer rows: a record version stored as what changed since the version before it.

A small edit of a large record (one status of one commitment of a partnership) is
stored as a patch of the record's document JSON: a list of ``[path, value]`` (put
``value`` at ``path``) and ``[path, items, 1]`` (append ``items`` to the list at
``path``). Every :data:`DEPTH` versions, or where a patch would not be much
smaller, the whole record is stored again, so a read applies a few patches at most.
A patch rebuilds the next version's JSON byte for byte: objects whose keys changed
are put whole (a key added in place would otherwise move to the end).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from samarbejde.store._records import row_json

__all__ = ["DEPTH", "delta", "patched"]

#: Patches stored after one whole version at most; then the record is stored whole again.
DEPTH = 16

Path = list[str | int]


def _ops(old: Any, new: Any, path: Path, out: list[list[Any]]) -> None:
    if type(old) is not type(new):
        out.append([path, new])
    elif isinstance(old, dict):
        if list(old) != list(new):
            out.append([path, new])
            return
        for key, value in new.items():
            if old[key] != value:
                _ops(old[key], value, [*path, key], out)
    elif isinstance(old, list):
        if len(new) >= len(old) and new[: len(old)] == old:
            out.append([path, new[len(old) :], 1])
        elif len(new) == len(old):
            for index, (was, now) in enumerate(zip(old, new, strict=True)):
                if was != now:
                    _ops(was, now, [*path, index], out)
        else:
            out.append([path, new])
    elif old != new:
        out.append([path, new])


def _put(data: Any, op: Sequence[Any]) -> Any:
    path, value = op[0], op[1]
    if not path:
        return [*data, *value] if len(op) > 2 else value
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    parent[last] = [*parent[last], *value] if len(op) > 2 else value
    return data


def delta(old: str, new: str) -> str | None:
    """The patch that turns record JSON ``old`` into ``new``, where it is much smaller."""
    out: list[list[Any]] = []
    _ops(json.loads(old), json.loads(new), [], out)
    text = row_json(out)
    if len(text) * 2 > len(new) or patched(old, [text]) != new:
        return None
    return text


def patched(whole: str, patches: Sequence[str]) -> str:
    """The record JSON ``whole`` after ``patches``, in order."""
    if not patches:
        return whole
    data = json.loads(whole)
    for patch in patches:
        for op in json.loads(patch):
            data = _put(data, op)
    return row_json(data)
