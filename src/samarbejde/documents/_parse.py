"""From text or bytes to plain data: size limit, UTF-8, and one reader per format."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Literal

from samarbejde.documents._json_text import loads_fast, locate_json, scan_json
from samarbejde.documents._locate import Path, SourceMap
from samarbejde.documents._problems import (
    MAX_NUMBER_DIGITS,
    MAX_PROBLEMS,
    Issue,
    ParseFailure,
    said,
)
from samarbejde.documents._toml_runs import loads_toml
from samarbejde.documents._yaml_text import locate_yaml, scan_yaml
from samarbejde.model.text import Phrase

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "MAX_PROBLEMS",
    "READABLE_FORMATS",
    "Format",
    "decode",
    "locate",
    "parse",
    "parse_fast",
    "parse_lean",
]

#: The formats a document can be written in.
Format = Literal["json", "yaml", "toml"]

#: Documents larger than this many bytes are refused unless a larger limit is given.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

#: How deeply lists and mappings may nest; the format itself needs about ten levels.
MAX_DEPTH = 48

#: The versions of the document format this release reads.
READABLE_FORMATS: tuple[str, ...] = ("samarbejde/1",)

_EMPTY = SourceMap(None, {}, {})
_TOML_WHERE = re.compile(r" \(at line ([0-9]+), column ([0-9]+)\)")
# A dotted key (or table name) of more parts than a document may nest: the standard
# parser's cost grows with the square of the parts, so such keys are refused first.
# One start per key part (the look-behind), each trying at most MAX_DEPTH parts: linear.
# A basic-string part may hold escapes (``"\t"``), which the parser reads the same way.
_TOML_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_TOML_DOTTED = re.compile(
    rf"(?<![A-Za-z0-9_-]){_TOML_KEY_PART}(?:[ \t]*\.[ \t]*{_TOML_KEY_PART}){{{MAX_DEPTH},}}"
)
_TOML_LONG_NUMBER = re.compile(rf"[0-9_]{{{MAX_NUMBER_DIGITS + 1},}}")


def decode(data: str | bytes, max_bytes: int) -> str:
    """Check the size and encoding of a document and return its text.

    Raises:
        ParseFailure: Too large, not UTF-8 (or unencodable text), or empty.
    """
    if isinstance(data, str):
        if len(data) > max_bytes:
            raise ParseFailure([Issue((), _too_large(len(data), max_bytes, "at least "))])
        try:
            size = len(data.encode("utf-8"))
        except UnicodeEncodeError as error:
            raise ParseFailure([_not_utf8(data, error.start)]) from None
        if size > max_bytes:
            raise ParseFailure([Issue((), _too_large(size, max_bytes))])
        text = data
    else:
        if len(data) > max_bytes:
            raise ParseFailure([Issue((), _too_large(len(data), max_bytes))])
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
            message = said("utf8.byte", byte=f"{data[error.start]:#04x}", offset=str(error.start))
            raise ParseFailure([Issue((), message, where=(line, column))]) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ParseFailure([Issue((), said("empty"))])
    return text


def _too_large(size: int, limit: int, at_least: str = "") -> Phrase:
    key = "too_large_at_least" if at_least else "too_large"
    return said(key, size=str(size), limit=str(limit))


def _not_utf8(text: str, index: int) -> Issue:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    message = said("utf8.text", char=repr(text[index]))
    return Issue((), message, where=(line, column))


def parse_fast(text: str, format: Format) -> object:  # noqa: A002 - the public keyword
    """Parse without positions where a faster reader exists; raises on any trouble."""
    data, _, issues = parse_lean(text, format)
    if issues:
        raise ParseFailure(issues)
    return data


def parse(text: str, format: Format) -> tuple[object, SourceMap, list[Issue]]:  # noqa: A002
    """Parse keeping positions (JSON, YAML) and the problems that do not stop reading.

    Raises:
        ParseFailure: The text cannot be read as ``format``.
    """
    if format == "json":
        return scan_json(text, MAX_DEPTH)
    if format == "yaml":
        data, where, issues = scan_yaml(text, MAX_DEPTH)
        assert where is not None  # positions were asked for
        return data, where, issues
    return _parse_toml(text), _EMPTY, []


def parse_lean(
    text: str,
    format: Format,  # noqa: A002
    *,
    located: bool = False,
) -> tuple[object, SourceMap | None, list[Issue]]:
    """Parse as :func:`parse` does, keeping positions only where the readers need them.

    The source map is ``None`` when none was kept: :func:`locate` then finds the
    positions of the problems found (design decision D68). With ``located``, a YAML
    document without problems comes with the positions its one read kept (D103).

    Raises:
        ParseFailure: The text cannot be read as ``format``.
    """
    if format == "json":
        try:
            data = loads_fast(text)
        except (ValueError, RecursionError):  # the scanner says what and where
            return scan_json(text, MAX_DEPTH)
        if _deeper_than(data, MAX_DEPTH):  # the decoder has no limit of ours: the scanner does
            return scan_json(text, MAX_DEPTH)
        return data, None, []
    if format == "yaml":
        return scan_yaml(text, MAX_DEPTH, positions=False, log=located)
    return _parse_toml(text), _EMPTY, []


def _deeper_than(data: object, limit: int) -> bool:
    """Whether lists and mappings nest more than ``limit`` levels in ``data``.

    Iterative, and it stops at the first container past the limit.
    """
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Iterable[object] = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def locate(text: str, format: Format, targets: Iterable[Path]) -> SourceMap:  # noqa: A002
    """The positions of ``targets`` in a text :func:`parse_lean` read without keeping any."""
    if format == "json":
        return locate_json(text, targets)
    if format == "yaml":
        return locate_yaml(text, targets)
    return _EMPTY


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _parse_toml(text: str) -> object:
    dotted = _TOML_DOTTED.search(text)
    if dotted is not None:
        message = said("toml.dotted", depth=str(MAX_DEPTH))
        raise ParseFailure([Issue((), message, where=_position(text, dotted.start()))])
    try:
        return loads_toml(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_WHERE.search(str(error))
        where = (int(found.group(1)), int(found.group(2))) if found else None
        detail = _TOML_WHERE.sub("", str(error)).lower()
        raise ParseFailure([Issue((), said("toml.invalid", detail=detail), where=where)]) from None
    except RecursionError:
        raise ParseFailure([Issue((), said("too_deep", depth=str(MAX_DEPTH)))]) from None
    except ValueError:  # Python's limit on converting digits to int, or a bad date
        long = _TOML_LONG_NUMBER.search(text)
        if long is None:  # pragma: no cover - tomllib raises TOMLDecodeError for the rest
            raise ParseFailure([Issue((), said("toml.range"))]) from None
        message = said("long_number", digits=str(MAX_NUMBER_DIGITS))
        raise ParseFailure([Issue((), message, where=_position(text, long.start()))]) from None
