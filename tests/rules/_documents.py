"""Rule fixtures as document fragments: the base document with a few parts replaced.

A fragment maps document paths (``partnerships[alliance].commitments[c-timer].to``;
``[id]`` selects a list item by ``id`` or ``organisation``, ``[+]`` or ``[+name]`` appends)
to YAML text. ``document(fragment)`` puts the fragment into ``documents/base.yaml`` and loads
the result with :func:`samarbejde.loads`, so the rule tests go through the documents
layer exactly as a user's file does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from samarbejde import Portfolio, loads
from samarbejde.documents._parse import parse_fast

BASE = Path(__file__).parent / "documents" / "base.yaml"
_STEP = re.compile(r"([^.\[\]]+)|\[([^\]]+)\]")

Fragment = Mapping[str, str]


@cache
def _base_text() -> str:
    return BASE.read_text(encoding="utf-8")


def _item(items: list[Any], selector: str) -> int:
    if selector.isdigit():
        return int(selector)
    for index, item in enumerate(items):
        if selector in (item.get("id"), item.get("organisation")):
            return index
    raise KeyError(f"no item {selector!r} in the base document")


def _put(raw: Any, path: str, value: Any) -> None:
    steps = [key or selector for key, selector in _STEP.findall(path)]
    node = raw
    for step in steps[:-1]:
        node = node[_item(node, step)] if isinstance(node, list) else node[step]
    last = steps[-1]
    if isinstance(node, list):
        if last.startswith("+"):
            node.append(value)
        else:
            node[_item(node, last)] = value
    elif value is None:
        node.pop(last, None)
    else:
        node[last] = value


def raw_document(fragment: Fragment) -> Any:
    """The base document's raw data with ``fragment`` put in."""
    raw = parse_fast(_base_text(), "yaml")
    for path, text in fragment.items():
        _put(raw, path, parse_fast(text, "yaml"))
    return raw


def document(fragment: Fragment) -> Portfolio:
    """The base document with ``fragment`` put in, loaded as a portfolio."""
    return loads(json.dumps(raw_document(fragment)), "json", source="fragment")
