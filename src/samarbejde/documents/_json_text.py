"""JSON in two speeds: the standard library's decoder, and a scanner that keeps positions.

The fast decoder refuses duplicate keys and the non-standard constants ``NaN`` and
``Infinity``, and gives up on deep nesting. Whenever it fails, or positions are
wanted, :func:`scan_json` reads the text again: iteratively (no recursion, so no
``RecursionError`` at any depth), with a depth limit, recording the offset of every
value and key, and reporting every duplicate key. A text the fast decoder read is
located by :func:`locate_json` instead, at the few paths that hold problems only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from samarbejde.documents._locate import Path, SourceMap, line_starts
from samarbejde.documents._problems import (
    MAX_NUMBER_DIGITS,
    Issue,
    ParseFailure,
    Said,
    add_issue,
    said,
)

__all__ = ["loads_fast", "locate_json", "scan_json"]

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS: tuple[tuple[str, object], ...] = (("true", True), ("false", False), ("null", None))
# An escape that may stand for half a surrogate pair (a lone one is not Unicode text).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Where a number longer than the readers allow may stand (no number is longer than its
# run). Tried only where a run starts, so each character is looked at once or twice.
_LONG_NUMBER = re.compile(rf"(?<![-+.eE0-9])[-+.eE0-9]{{{MAX_NUMBER_DIGITS + 1},}}")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def loads_fast(text: str) -> object:
    """Decode with the standard library; any trouble raises (``ValueError``, ``RecursionError``).

    Text with escapes of surrogates is left to :func:`scan_json`, which refuses lone ones,
    and so is text that may hold a number too long (Python reads any float).
    """
    if _SURROGATE_ESCAPE.search(text):
        raise ValueError("escapes of surrogates: checked by the scanner")
    if _LONG_NUMBER.search(text):
        raise ValueError("a long number, perhaps: checked by the scanner")
    return json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)


class _Frame:
    __slots__ = ("container", "key", "path")

    def __init__(self, container: dict[str, Any] | list[Any], path: Path) -> None:
        self.container = container
        self.path = path
        self.key: str | int = 0


class _Scanner:
    def __init__(self, text: str, max_depth: int) -> None:
        self.text = text
        self.max_depth = max_depth
        self.values: dict[Path, int] = {}
        self.keys: dict[Path, int] = {}
        self.issues: list[Issue] = []
        self.lines = line_starts(text)

    def fail(self, message: Said, offset: int) -> ParseFailure:
        where = SourceMap(None, {(): offset}, {}, self.lines).position(())
        return ParseFailure([*self.issues, Issue((), message, where=where)])

    def skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self.text, offset)
        assert match is not None
        return match.end()

    def key(self, frame: _Frame, offset: int) -> int:
        text = self.text
        if not text.startswith('"', offset):
            raise self.fail("expected a key in double quotes", offset)
        key, end = self.string(offset)
        container = frame.container
        assert isinstance(container, dict)
        path = (*frame.path, key)
        if key in container:
            first = SourceMap(None, self.keys, {}, self.lines).position(path)
            where = SourceMap(None, {(): offset}, {}, self.lines).position(())
            line = first[0] if first else "?"
            add_issue(
                self.issues,
                Issue(path, said("duplicate_key", key=repr(key), line=str(line)), where=where),
            )
        else:
            self.keys[path] = offset
        end = self.skip(end)
        if not text.startswith(":", end):
            raise self.fail("expected ':' after the key", end)
        frame.key = key
        return self.skip(end + 1)

    def string(self, offset: int) -> tuple[str, int]:
        try:
            value, end = scanstring(self.text, offset + 1, True)
        except json.JSONDecodeError as error:
            raise self.fail(said("json.parser", detail=error.msg.lower()), error.pos) from None
        lone = _SURROGATE.search(value)
        if lone is not None:
            where = SourceMap(None, {(): offset}, {}, self.lines).position(())
            escaped = lone.group().encode("unicode_escape").decode()
            message = said("json.surrogate", escaped=escaped)
            add_issue(self.issues, Issue((), message, where=where))
        return value, end

    def scalar(self, offset: int) -> tuple[object, int]:
        text = self.text
        char = text[offset : offset + 1]
        if char == '"':
            return self.string(offset)
        match = _NUMBER.match(text, offset)
        if match is not None:
            number = match.group()
            if len(number) > MAX_NUMBER_DIGITS:
                raise self.fail(said("long_number", digits=str(MAX_NUMBER_DIGITS)), offset)
            fraction, exponent = match.groups()
            value: object = float(number) if fraction or exponent else int(number)
            return value, match.end()
        for word, literal in _LITERALS:
            if text.startswith(word, offset):
                return literal, offset + len(word)
        if not char:
            raise self.fail("the document ends where a value was expected", offset)
        raise self.fail(said("json.value", found=repr(char)), offset)

    def run(self) -> object:  # noqa: PLR0912, PLR0915 - one state machine, one piece
        text = self.text
        end_of_text = len(text)
        stack: list[_Frame] = []
        offset = self.skip(0)
        path: Path = ()
        while True:
            self.values[path] = offset
            char = text[offset : offset + 1]
            value: object
            if char in ("{", "["):
                if len(stack) >= self.max_depth:
                    raise self.fail(said("too_deep", depth=str(self.max_depth)), offset)
                after = self.skip(offset + 1)
                closing = "}" if char == "{" else "]"
                if text.startswith(closing, after):
                    value, offset = ({} if char == "{" else []), after + 1
                else:
                    frame = _Frame({} if char == "{" else [], path)
                    stack.append(frame)
                    offset = self.key(frame, after) if char == "{" else after
                    path = (*frame.path, frame.key)
                    continue
            else:
                value, offset = self.scalar(offset)
            # A value is complete: attach it and close every container that ends here.
            while True:
                if not stack:
                    offset = self.skip(offset)
                    if offset != end_of_text:
                        raise self.fail("unexpected text after the document", offset)
                    return value
                frame = stack[-1]
                container = frame.container
                if isinstance(container, dict):
                    container.setdefault(frame.key, value)  # type: ignore[arg-type]
                else:
                    container.append(value)
                offset = self.skip(offset)
                char = text[offset : offset + 1]
                if char == ",":
                    offset = self.skip(offset + 1)
                    if isinstance(container, dict):
                        offset = self.key(frame, offset)
                    else:
                        frame.key = len(container)
                    path = (*frame.path, frame.key)
                    break
                if char == ("}" if isinstance(container, dict) else "]"):
                    stack.pop()
                    value, offset = container, offset + 1
                    continue
                mapping = isinstance(container, dict)
                if not char:
                    raise self.fail(
                        said("json.ends_mapping" if mapping else "json.ends_list"), offset
                    )
                close = "'}'" if mapping else "']'"
                raise self.fail(said("json.expected", close=close, found=repr(char)), offset)


def scan_json(text: str, max_depth: int) -> tuple[object, SourceMap, list[Issue]]:
    """Decode JSON keeping the offset of every value and key.

    Returns:
        The data (the first of duplicate keys wins), its source map, and the
        problems that do not stop reading (duplicate keys).

    Raises:
        ParseFailure: The text is not JSON, or nests deeper than ``max_depth``.
    """
    scanner = _Scanner(text, max_depth)
    data = scanner.run()
    return data, SourceMap(data, scanner.values, scanner.keys, scanner.lines), scanner.issues


_SKIP = json.JSONDecoder(parse_constant=_constant).raw_decode


def locate_json(text: str, targets: Iterable[Path]) -> SourceMap:
    """The positions of ``targets`` (and of their parents) in a text :func:`loads_fast` read.

    Only the containers on the way to a target are walked value by value; every other
    value is skipped by the standard library's decoder, and the walk stops once each
    target is found. So locating the problems of a document costs memory for those
    problems only, and time for the text up to the last of them (design decision D68).
    Positions are those :func:`scan_json` records.
    """
    wanted = {path[:end] for path in targets for end in range(len(path) + 1)}
    values: dict[Path, int] = {}
    keys: dict[Path, int] = {}
    lines = line_starts(text)
    # Each frame: the path of a container being walked, its closing character, its count.
    stack: list[tuple[Path, str, list[int]]] = []
    offset = _WHITESPACE.match(text, 0).end()  # type: ignore[union-attr]
    path: Path = ()
    while len(values) < len(wanted):
        # ``offset`` is at the value of ``path``.
        if path in wanted:
            values[path] = offset
            if len(values) == len(wanted):
                break
            char = text[offset]
            if char in "{[":
                closing = "}" if char == "{" else "]"
                stack.append((path, closing, [0]))
                offset = _WHITESPACE.match(text, offset + 1).end()  # type: ignore[union-attr]
                if text.startswith(closing, offset):
                    stack.pop()
                    offset += 1
                else:
                    path, offset = _enter(text, offset, path, closing, 0, keys=keys, wanted=wanted)
                    continue
            else:
                offset = _SKIP(text, offset)[1]
        else:
            offset = _SKIP(text, offset)[1]
        # A value is done: go on after it, closing the containers that end here.
        while stack:
            parent, closing, count = stack[-1]
            offset = _WHITESPACE.match(text, offset).end()  # type: ignore[union-attr]
            if text[offset] == ",":
                count[0] += 1
                offset = _WHITESPACE.match(text, offset + 1).end()  # type: ignore[union-attr]
                path, offset = _enter(
                    text, offset, parent, closing, count[0], keys=keys, wanted=wanted
                )
                break
            stack.pop()  # the closing character
            offset += 1
        else:
            break
    return SourceMap(None, values, keys, lines)


def _enter(
    text: str,
    offset: int,
    parent: Path,
    closing: str,
    index: int,
    *,
    keys: dict[Path, int],
    wanted: set[Path],
) -> tuple[Path, int]:
    """The path of the next member of a container, and the offset of its value."""
    if closing == "]":
        return (*parent, index), offset
    key, end = scanstring(text, offset + 1, True)
    path = (*parent, key)
    if path in wanted:
        keys[path] = offset
    end = _WHITESPACE.match(text, end).end()  # type: ignore[union-attr]
    return path, _WHITESPACE.match(text, end + 1).end()  # type: ignore[union-attr]
