"""Reading and writing whole documents: ``loads``/``dumps``/``load``/``dump``."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path as FilePath
from typing import Any, TypeVar

import tomli_w

from samarbejde.documents._atomic import write_atomically
from samarbejde.documents._converter import DocumentConverter, make_converter
from samarbejde.documents._fast_load import GaveUp, fast_load_json
from samarbejde.documents._hooks import structuring_run
from samarbejde.documents._json_walk import walk_json
from samarbejde.documents._json_writer import json_writer
from samarbejde.documents._locate import Path, SourceMap
from samarbejde.documents._parse import (
    DEFAULT_MAX_BYTES,
    READABLE_FORMATS,
    Format,
    decode,
    locate,
    parse,
    parse_lean,
)
from samarbejde.documents._problems import (
    Issue,
    ParseFailure,
    issues_from,
    problem,
    said,
    to_load_error,
)
from samarbejde.documents._yaml_text import dumps_yaml
from samarbejde.model.errors import LoadError
from samarbejde.model.portfolio import Portfolio

__all__ = [
    "FORMAT_VERSION",
    "dump",
    "dumps",
    "load",
    "load_located",
    "loads",
    "loads_located",
    "structure",
    "unstructure",
]

T = TypeVar("T")

#: The format version written by :func:`dumps`, first key of every document.
FORMAT_VERSION = "samarbejde/1"

_SUFFIXES: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}


@functools.cache
def _converters() -> tuple[DocumentConverter, DocumentConverter]:
    """The fast converter and the detailed one, made once (their hooks never change).

    They are shared by every thread: what a load remembers is its run's
    (:func:`~samarbejde.documents._hooks.structuring_run`), not theirs.
    """
    return make_converter(detailed_validation=False), make_converter()


@functools.cache
def _write_json() -> Callable[[Portfolio], str]:
    """The generated JSON writer of portfolios, made once (design decision D52)."""
    return json_writer(Portfolio, {"format": FORMAT_VERSION})


def _version_issues(raw: object) -> list[Issue]:
    if not isinstance(raw, dict):
        return [Issue((), said("format.not_mapping", version=FORMAT_VERSION))]
    version = raw.get("format")
    readable = ", ".join(READABLE_FORMATS)
    if "format" not in raw:
        return [
            Issue(
                ("format",),
                said("format.missing", version=FORMAT_VERSION),
                at_parent=True,
            )
        ]
    if version not in READABLE_FORMATS:
        return [
            Issue(
                ("format",),
                said("format.unreadable", version=repr(version), readable=readable),
            )
        ]
    return []


def _without_format(raw: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in raw.items() if k != "format"}


def _structure_fast(raw: object) -> Portfolio:
    if _version_issues(raw):
        raise ValueError("not a readable document")
    assert isinstance(raw, dict)
    portfolio: Portfolio = _converters()[0].structure(_without_format(raw), Portfolio)
    return portfolio  # values were shared within this document's run only


def _structure_checked(raw: object) -> tuple[Portfolio | None, list[Issue]]:
    issues = _version_issues(raw)
    if issues:
        return None, issues
    assert isinstance(raw, dict)
    with structuring_run() as run:
        try:
            portfolio: Portfolio = _converters()[1].structure(_without_format(raw), Portfolio)
        except Exception as error:
            found = issues_from(error)
            if run.budget.omitted:
                found.append(Issue((), "", more=run.budget.omitted))
            return None, found
    return portfolio, []


def _positions(text: str, format: Format) -> SourceMap:  # noqa: A002
    try:
        return parse(text, format)[1]
    except ParseFailure:  # pragma: no cover - the text was read once already
        return SourceMap(None, {}, {})


def _log_gave_up(gave_up: GaveUp, source: str) -> None:
    """Say why the fast JSON load gave up, at DEBUG on the ``samarbejde.documents`` logger.

    Only when the program uses :mod:`logging` at all (it is not imported for this)
    and that logger is enabled for DEBUG: a load slower than expected can be explained
    with ``logging.basicConfig(level=logging.DEBUG)``.
    """
    logging: Any = sys.modules.get("logging")
    if logging is None:
        return
    logger = logging.getLogger("samarbejde.documents")
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%s: the fast JSON load gave up (%s)", source, gave_up)


#: The positions of a document nobody will ask about (``loads``): none are kept.
_NOWHERE = SourceMap(None, {}, {})


def _load(
    data: str | bytes,
    format: Format,  # noqa: A002 - the public keyword
    source: str,
    max_bytes: int,
    *,
    located: bool = False,
) -> tuple[Portfolio, SourceMap]:
    if format not in _SUFFIXES.values():
        raise LoadError([problem("", said("format.unknown", format=repr(format)))], source)
    try:
        text = decode(data, max_bytes)
    except ParseFailure as failure:
        raise to_load_error(failure.issues, None, source) from None
    if format == "json":
        outcome = fast_load_json(text)
        if outcome.portfolio is not None:
            return outcome.portfolio, walk_json(data) if located else _NOWHERE
        assert outcome.gave_up is not None
        _log_gave_up(outcome.gave_up, source)
    try:
        raw, source_map, issues = parse_lean(text, format, located=located)
    except ParseFailure as failure:
        raise to_load_error(failure.issues, None, source) from None
    portfolio: Portfolio | None = None
    if not issues:
        with contextlib.suppress(Exception):  # reread slowly below to find every problem
            portfolio = _structure_fast(raw)
    if portfolio is None:
        portfolio, more = _structure_checked(raw)
        issues += more
    if issues or portfolio is None:
        if source_map is None:  # positions of the problems only (design decision D68)
            source_map = locate(text, format, _targets(issues))
        raise to_load_error(issues, source_map, source)
    if not located:
        return portfolio, _NOWHERE
    if source_map is None:  # positions are only found when someone asks for one
        source_map = SourceMap.deferred(lambda: _positions(text, format))
    return portfolio, source_map


def _targets(issues: list[Issue]) -> Iterator[Path]:
    """The raw paths whose positions locate ``issues`` (see :func:`to_load_error`)."""
    for issue in issues:
        if issue.where is None and not issue.more:
            yield issue.path[:-1] if issue.at_parent else issue.path


def loads(
    data: str | bytes,
    format: Format,  # noqa: A002 - the public keyword
    *,
    source: str = "<string>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Portfolio:
    """Load a portfolio from a document in JSON, YAML or TOML.

    Args:
        data: The document, as text or UTF-8 bytes.
        format: ``"json"``, ``"yaml"`` or ``"toml"``.
        source: A name for the document in error messages, e.g. its file name.
        max_bytes: Refuse documents larger than this.

    Returns:
        The portfolio.

    Raises:
        LoadError: Listing every problem of the document, each with its path and,
            for JSON and YAML, its line and column.

    >>> portfolio = loads('{"format": "samarbejde/1"}', "json")
    >>> portfolio.partnerships
    ()
    """
    return _load(data, format, source, max_bytes)[0]


def loads_located(
    data: str | bytes,
    format: Format,  # noqa: A002 - the public keyword
    *,
    source: str = "<string>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Portfolio, SourceMap]:
    """Like :func:`loads`, also returning where each value stands in the text.

    Raises:
        LoadError: As :func:`loads`.
    """
    return _load(data, format, source, max_bytes, located=True)


def _format_of(path: FilePath, format: Format | None) -> Format:  # noqa: A002
    if format is not None:
        return format
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        known = ", ".join(_SUFFIXES)
        raise LoadError(
            [problem("", said("format.suffix", suffix=repr(path.suffix), known=known))],
            str(path),
        )
    return found


def _read(path: FilePath, max_bytes: int) -> bytes:
    """The bytes of a regular file, refusing FIFOs, devices and directories before reading.

    The file is opened without blocking (a FIFO would otherwise wait for a writer) and
    checked through its descriptor, so the file checked is the file read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            message = said("not_a_file", kind=_kind(status.st_mode))
            raise LoadError([problem("", message)], str(path))
        if status.st_size > max_bytes:
            message = said("too_large", size=str(status.st_size), limit=str(max_bytes))
            raise LoadError([problem("", message)], str(path))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read(max_bytes + 1)
    finally:
        os.close(descriptor)


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002 - the public keyword
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Portfolio:
    """Load a portfolio from a file; the format comes from the suffix unless given.

    Suffixes: ``.json``, ``.yaml`` or ``.yml``, ``.toml``.

    Raises:
        LoadError: As :func:`loads`, naming the file.
        OSError: The file cannot be read.
    """
    return load_located(path, format=format, max_bytes=max_bytes)[0]


def load_located(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002 - the public keyword
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Portfolio, SourceMap]:
    """Like :func:`load`, also returning where each value stands in the file.

    Raises:
        LoadError: As :func:`loads`, naming the file.
        OSError: The file cannot be read.
    """
    file = FilePath(path)
    chosen = _format_of(file, format)
    return loads_located(_read(file, max_bytes), chosen, source=str(file), max_bytes=max_bytes)


def dumps(portfolio: Portfolio, format: Format) -> str:  # noqa: A002 - the public keyword
    """Write a portfolio as a document; equal portfolios give the same text.

    Keys follow the model's field order after ``format``; fields equal to their
    default are left out; sets are sorted. JSON is compact, UTF-8 text kept, with a
    final newline: what ``json.dumps(unstructure(portfolio), ensure_ascii=False,
    separators=(",", ":"))`` writes plus a newline, written without the plain data in
    between.

    >>> print(dumps(Portfolio(), "yaml"), end="")
    format: samarbejde/1
    """
    if format == "json":
        return _write_json()(portfolio)
    data = unstructure(portfolio)
    if format == "yaml":
        return dumps_yaml(data)
    if format == "toml":
        return tomli_w.dumps(data)
    raise ValueError(f"unknown format {format!r}: use json, yaml or toml")


def dump(
    portfolio: Portfolio,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002 - the public keyword
) -> None:
    """Write a portfolio to a file atomically: a temporary file, then a rename.

    A failure never leaves a half-written file behind: the old file stays as it was.
    The new file keeps the old one's identity where a rename allows: its mode bits
    (and owner and group, where permitted); a symbolic link is followed, so its target
    is replaced and the link kept. A hard link cannot survive an atomic replace: the
    path given gets the new content and other names of the old file keep the old
    content (see the design notes, "dump is atomic first"). A device or a FIFO is
    written into, never replaced by a file.

    Raises:
        LoadError: The format cannot be told from the suffix.
        OSError: The file cannot be written.
    """
    text = dumps(portfolio, _format_of(FilePath(path), format))
    write_atomically(path, text.encode("utf-8"))


def structure(data: object, cls: type[T]) -> T:
    """Build one record (a ``Partnership``, an ``Organisation`` …) from plain data.

    For a :class:`~samarbejde.Portfolio`, ``data`` is a whole document as parsed JSON
    gives it (what :func:`unstructure` returns): its ``format`` key, when present, must
    be one this release reads.

    Raises:
        LoadError: Listing every problem, with paths relative to ``data``.

    >>> from samarbejde import Area
    >>> structure({"id": "a", "name": "A", "municipality": "561"}, Area).municipality
    '561'
    """
    if cls is Portfolio and isinstance(data, dict) and "format" in data:
        issues = _version_issues(data)
        if issues:
            raise to_load_error(issues, None, "<data>")
        data = _without_format(data)
    with structuring_run() as run:
        try:
            result: T = _converters()[1].structure(data, cls)
        except Exception as error:
            found = issues_from(error)
            if run.budget.omitted:
                found.append(Issue((), "", more=run.budget.omitted))
            raise to_load_error(found, None, "<data>") from None
    return result


def unstructure(obj: object) -> Any:
    """Turn one record into plain data, as it appears in documents.

    A :class:`~samarbejde.Portfolio` becomes the whole document, ``format`` key first:
    the same dict as ``json.loads(dumps(portfolio, "json"))``, which :func:`structure`
    reads back.

    >>> from samarbejde import Area, Portfolio
    >>> unstructure(Area("a", "A", "561"))
    {'id': 'a', 'name': 'A', 'municipality': '561'}
    >>> unstructure(Portfolio())
    {'format': 'samarbejde/1'}
    """
    data = _converters()[1].unstructure(obj)
    if isinstance(obj, Portfolio):
        return {"format": FORMAT_VERSION, **data}
    return data
