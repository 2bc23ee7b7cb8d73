"""The rules' base portfolio and ways to vary it: a strategic alliance and a project under it.

The base portfolio is kept once, as the document ``documents/base.yaml``; it gives no
finding at all as of ``AS_OF``. Two ways to vary it:

* as a document: a fragment maps document paths
  (``partnerships[alliance].commitments[c-timer].to``; ``[id]`` selects a list item by
  ``id`` or ``organisation``, ``[+]`` or ``[+name]`` appends) to YAML text, and
  ``document(fragment)`` puts the fragment into the base document and loads the result
  with :func:`samarbejde.loads`, so the rule tests go through the documents layer
  exactly as a user's file does;
* as records: ``base()``, ``with_alliance(...)``, ``with_project(...)`` and the helpers
  below change one part of the loaded base portfolio with ``attrs.evolve``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pendulum

from samarbejde import (
    Commitment,
    Membership,
    Organisation,
    Partnership,
    Portfolio,
    ProjectLifecycle,
    StrategicLifecycle,
    loads,
)
from samarbejde.documents._parse import parse_fast

D = pendulum.Date
AS_OF = D(2021, 6, 1)

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


@cache
def _base() -> Portfolio:
    return document({})


def organisations() -> tuple[Organisation, ...]:
    """The base portfolio's organisations."""
    return _base().organisations


def alliance() -> Partnership:
    """The base portfolio's strategic alliance, ``alliance``."""
    return _base().partnerships[0]


def project() -> Partnership:
    """The base portfolio's project under the alliance, ``projekt``."""
    return _base().partnerships[1]


def base(
    *, alliance_: Partnership | None = None, project_: Partnership | None = None, **changes: Any
) -> Portfolio:
    """The base portfolio, with the alliance, the project or other fields replaced."""
    fields: dict[str, Any] = {"partnerships": (alliance_ or alliance(), project_ or project())}
    fields.update(changes)
    return attrs.evolve(_base(), **fields)


def with_alliance(**changes: Any) -> Portfolio:
    """The base portfolio with some fields of the alliance changed."""
    return base(alliance_=attrs.evolve(alliance(), **changes))


def with_project(**changes: Any) -> Portfolio:
    """The base portfolio with some fields of the project changed."""
    return base(project_=attrs.evolve(project(), **changes))


def strategic_lifecycle(**changes: Any) -> StrategicLifecycle:
    lifecycle = alliance().lifecycle
    assert isinstance(lifecycle, StrategicLifecycle)
    return attrs.evolve(lifecycle, **changes)


def project_lifecycle(**changes: Any) -> ProjectLifecycle:
    lifecycle = project().lifecycle
    assert isinstance(lifecycle, ProjectLifecycle)
    return attrs.evolve(lifecycle, **changes)


def alliance_member(organisation: str, **changes: Any) -> tuple[Membership, ...]:
    """The alliance's members with one membership changed."""
    return tuple(
        attrs.evolve(m, **changes) if m.organisation == organisation else m
        for m in alliance().members
    )


def alliance_commitment(id: str, **changes: Any) -> tuple[Commitment, ...]:  # noqa: A002
    """The alliance's commitments with one commitment changed."""
    return tuple(attrs.evolve(c, **changes) if c.id == id else c for c in alliance().commitments)


def organisation(id: str, **changes: Any) -> tuple[Organisation, ...]:  # noqa: A002
    """The organisations with one changed."""
    return tuple(attrs.evolve(o, **changes) if o.id == id else o for o in organisations())
