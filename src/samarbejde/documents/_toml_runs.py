"""TOML with long lists of plain values read at the standard JSON decoder's speed.

The standard TOML parser reads each list item in Python, about two microseconds an
item: a 64 MB document of one list costs a minute before a single problem is found
(issue 28, item 3). A list that opens with a long run of plain items (decimal
integers, booleans, basic strings without escapes), written the same in JSON with
the same values, is cut out and read by the JSON decoder; a marker item stands in
for it while ``tomllib`` reads the rest, and is then replaced by the run's values.
Whenever the markers are not found exactly as list items (a run was inside a string
or comment, say), or the shortened text fails to parse, the original text is read by
``tomllib`` alone, so the data and every error are what ``tomllib`` gives.
"""

from __future__ import annotations

import json
import re
import secrets
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["RUN_ITEMS", "loads_toml"]

#: Runs of at least this many items are read by the JSON decoder; shorter lists are
#: left to ``tomllib`` (so ordinary documents are read exactly as before).
RUN_ITEMS = 1000

_SPACE = r"(?:[ \t\n]|\r\n)*"
# Items TOML and JSON write alike, with equal values: no '+', no '_', no escapes, and
# only the control character both allow in a string (tab, with JSON's strict=False).
_ITEM = r'(?:-?(?:0|[1-9][0-9]{0,17})|true|false|"[^"\\\x00-\x08\x0a-\x1f\x7f]*")'
_ONE = rf"(?:{_SPACE}{_ITEM}{_SPACE},)"
# A run opens a list and is matched a bounded number of items at a time: the regular
# expression engine keeps a little memory for each repetition of one match.
_FIRST = re.compile(rf"{_ONE}{{{RUN_ITEMS}}}")
_MORE = re.compile(rf"{_ONE}{{1,{RUN_ITEMS}}}")


def _runs(text: str) -> list[tuple[int, int]]:
    """Where runs of at least :data:`RUN_ITEMS` plain items open a list.

    Each list is tried once, from its opening bracket, and at most as far as its
    plain items go: linear in the text.
    """
    found: list[tuple[int, int]] = []
    bracket = text.find("[")
    while bracket != -1:
        start = bracket + 1
        match = _FIRST.match(text, start)
        end = start
        while match is not None:
            end = match.end()
            match = _MORE.match(text, end)
        if end > start:
            found.append((start, end))
        bracket = text.find("[", end)
    return found


def loads_toml(text: str) -> object:
    """Parse TOML as ``tomllib.loads`` does, long runs of plain list items faster.

    Raises:
        tomllib.TOMLDecodeError, ValueError, RecursionError: As ``tomllib.loads``.
    """
    runs = _runs(text)
    if not runs:
        return tomllib.loads(text)
    marker = f"samarbejde-run-{secrets.token_hex(8)}-"
    pieces: list[str] = []
    start = 0
    for number, (begin, end) in enumerate(runs):
        pieces += [text[start:begin], f'"{marker}{number}",']
        start = end
    pieces.append(text[start:])
    try:
        data = tomllib.loads("".join(pieces))
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return tomllib.loads(text)  # the original's own error, at its own place
    found = _fill(data, marker, [text[begin : end - 1] for begin, end in runs])
    if found != len(runs):  # a run was not a list's items: read the text as it is
        return tomllib.loads(text)
    return data


def _fill(data: object, marker: str, runs: list[str]) -> int:
    """Put each run's values where its marker stands; how many markers were items."""
    found = 0
    pending = [data]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            pending += node.values()
        elif isinstance(node, list):
            first = node[0] if node else None
            if isinstance(first, str) and first.startswith(marker):
                number = int(first.removeprefix(marker))
                items = json.loads(f"[{runs[number]}]", strict=False)
                node[0:1] = items
                found += 1
                pending += node[len(items) :]
            else:
                pending += node
    return found
