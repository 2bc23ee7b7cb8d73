"""Load defects: a valid portfolio written as a document with one problem in it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import tomli_w
import yaml
from hypothesis import strategies as st

from samarbejde.documents import unstructure
from samarbejde.model.portfolio import Portfolio
from samarbejde.strategies._defect import Defect, DocumentFormat

__all__ = ["DOCUMENT_BASE", "FORMATS", "LOADS", "LOAD_PROBLEMS"]

#: The portfolios documents are written from: small, as the defect is in the text.
DOCUMENT_BASE: dict[str, Any] = {"organisations": (1, 3), "partnerships": (0, 2)}

# -- load defects ----------------------------------------------------------------------

FORMATS: tuple[DocumentFormat, ...] = ("json", "yaml", "toml")


def _raw(portfolio: Portfolio) -> dict[str, Any]:
    unstructured = unstructure(portfolio)
    assert isinstance(unstructured, dict)
    return {"format": "samarbejde/1", **unstructured}


def _write(raw: Any, fmt: DocumentFormat) -> str:
    if fmt == "json":
        return json.dumps(raw, ensure_ascii=False, indent=1)
    if fmt == "yaml":
        text: str = yaml.safe_dump(raw, sort_keys=False, allow_unicode=True)
        return text
    return tomli_w.dumps(raw)


def _raw_change(
    problem: str,
    what: str,
    path: str | None,
    message: str,
    change: Callable[[dict[str, Any]], None],
) -> Callable[[st.DrawFn, Portfolio, DocumentFormat], Defect]:
    def breaker(draw: st.DrawFn, portfolio: Portfolio, fmt: DocumentFormat) -> Defect:
        raw = _raw(portfolio)
        change(raw)
        return Defect(
            f"load:{problem}",
            what,
            document=_write(raw, fmt),
            format=fmt,
            path=path,
            message=message,
        )

    return breaker


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(raw: dict[str, Any]) -> None:
        target: Any = raw
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _delete(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(raw: dict[str, Any]) -> None:
        target: Any = raw
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def _text_change(
    problem: str,
    what: str,
    message: str,
    change: Callable[[str, DocumentFormat], str | bytes],
    *,
    path: str = "",
) -> Callable[[st.DrawFn, Portfolio, DocumentFormat], Defect]:
    def breaker(draw: st.DrawFn, portfolio: Portfolio, fmt: DocumentFormat) -> Defect:
        document = change(_write(_raw(portfolio), fmt), fmt)
        return Defect(
            f"load:{problem}", what, document=document, format=fmt, path=path, message=message
        )

    return breaker


def _too_large(draw: st.DrawFn, portfolio: Portfolio, fmt: DocumentFormat) -> Defect:
    text = _write(_raw(portfolio), fmt)
    return Defect(
        "load:too-large",
        "a document one byte over the size limit it is loaded with",
        document=text,
        format=fmt,
        max_bytes=len(text.encode()) - 1,
        message="over the limit",
    )


def _truncated(text: str, fmt: DocumentFormat) -> str:
    if fmt == "json":
        return text.rstrip()[:-1]
    if fmt == "yaml":
        return text + "partnerships: [\n"
    return text + "[[partnerships\n"


def _duplicate(text: str, fmt: DocumentFormat) -> str:
    if fmt == "json":
        return text.replace(
            '"format": "samarbejde/1"', '"format": "samarbejde/1", "format": "samarbejde/1"', 1
        )
    return text + "format: samarbejde/1\n"


def _nested(raw: dict[str, Any]) -> None:
    deep: Any = "dyb"
    for _ in range(60):
        deep = [deep]
    raw["organisations"][0]["remit"] = deep


LOADS: dict[
    str, tuple[Callable[[st.DrawFn, Portfolio, DocumentFormat], Defect], tuple[DocumentFormat, ...]]
] = {
    "syntax": (
        _text_change("syntax", "a document cut off or left unclosed", "", _truncated),
        FORMATS,
    ),
    "encoding": (
        _text_change(
            "encoding", "a byte that is not UTF-8", "not UTF-8", lambda t, f: b"\xff" + t.encode()
        ),
        FORMATS,
    ),
    "empty": (
        _text_change("empty", "an empty document", "the document is empty", lambda t, f: ""),
        FORMATS,
    ),
    "too-large": (_too_large, FORMATS),
    "too-deep": (
        _raw_change("too-deep", "lists nested 60 levels deep", None, "nested more than", _nested),
        ("json", "yaml"),
    ),
    "duplicate-key": (
        _text_change(
            "duplicate-key",
            "the key `format` written twice",
            "duplicate key 'format'",
            _duplicate,
            path="format",
        ),
        ("json", "yaml"),
    ),
    "yaml-anchor": (
        _text_change(
            "yaml-anchor",
            "a YAML anchor",
            "anchors (&f) are not allowed",
            lambda t, f: t.replace("format: samarbejde/1", "format: &f samarbejde/1", 1),
            path="format",
        ),
        ("yaml",),
    ),
    "yaml-tag": (
        _text_change(
            "yaml-tag",
            "a YAML tag",
            "tags (!hemmelig) are not allowed",
            lambda t, f: t.replace("format: samarbejde/1", "format: !hemmelig samarbejde/1", 1),
            path="format",
        ),
        ("yaml",),
    ),
    "format-version": (
        _raw_change(
            "format-version",
            "a format this release cannot read",
            "format",
            "cannot read format",
            _set(("format",), "samarbejde/99"),
        ),
        FORMATS,
    ),
    "unknown-key": (
        _raw_change(
            "unknown-key",
            "a misspelt key",
            "organisations[0].nmae",
            "unknown key 'nmae'",
            _set(("organisations", 0, "nmae"), "Navn"),
        ),
        FORMATS,
    ),
    "missing-key": (
        _raw_change(
            "missing-key",
            "a required key left out",
            "organisations[0].name",
            "missing required key 'name'",
            _delete(("organisations", 0, "name")),
        ),
        FORMATS,
    ),
    "wrong-type": (
        _raw_change(
            "wrong-type",
            "a number where text belongs",
            "organisations[0].name",
            "expected text",
            _set(("organisations", 0, "name"), 5),
        ),
        FORMATS,
    ),
    "unknown-value": (
        _raw_change(
            "unknown-value",
            "a misspelt sector",
            "organisations[0].sector",
            "unknown Sector",
            _set(("organisations", 0, "sector"), "civil_sociey"),
        ),
        FORMATS,
    ),
    "model-check": (
        _raw_change(
            "model-check",
            "an id the model refuses",
            "organisations[0].id",
            "not a valid id",
            _set(("organisations", 0, "id"), "Ikke Et Id"),
        ),
        FORMATS,
    ),
}

#: The classes of load problem :func:`invalid_portfolios` can produce, as ``load:<class>``.
LOAD_PROBLEMS: tuple[str, ...] = tuple(f"load:{name}" for name in LOADS)
