"""Fuzz ``from_popolo``: every mutated Popolo document ends in an ``Import`` or a ``LoadError``.

The seeds are the Popolo exports of the bundled examples (organizations, posts,
memberships, areas). Each input mutates one of them where its bytes say: a value
replaced by another of any JSON kind (hostile text, huge or negative numbers, lists,
objects, null), a key removed or added, a list item repeated or dropped. The import
must return an ``Import`` or raise the ``LoadError`` it documents; any other exception
is a finding (see ``_harness``). The import's omissions must also be printable as
UTF-8 and its portfolio survive a JSON round trip (``SAMARBEJDE_FUZZ_STRICT=0`` skips
those two checks).

    python tests/fuzz/fuzz_popolo.py --seconds 20

Not collected by pytest (the name does not start with ``test_``).
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

from _harness import Draw, run

from samarbejde import LoadError, dumps, examples, loads
from samarbejde.interop import Import, from_popolo, to_popolo

STRICT = os.environ.get("SAMARBEJDE_FUZZ_STRICT", "1") == "1"
SEEDS: list[dict[str, Any]] = [to_popolo(examples.load(n)).document for n in examples.names()]
KEYS = (
    "id",
    "name",
    "classification",
    "identifiers",
    "identifier",
    "scheme",
    "parent_id",
    "organization_id",
    "post_id",
    "area_id",
    "label",
    "role",
    "start_date",
    "end_date",
    "founding_date",
    "dissolution_date",
    "persons",
    "events",
    "organizations",
    "posts",
    "memberships",
    "areas",
)


class MismatchError(Exception):
    """An import whose portfolio a JSON round trip changed."""


def value(draw: Draw, depth: int = 0) -> object:
    """Any JSON value, nested a little."""
    makers = [
        lambda: None,
        draw.flag,
        draw.integer,
        lambda: draw.choice((0.5, -0.0, 1e308, float("nan"), float("inf"))),
        draw.text,
        draw.text,
    ]
    if depth < 3:
        makers += [
            lambda: [value(draw, depth + 1) for _ in range(draw.below(4))],
            lambda: [value(draw, depth + 1) for _ in range(draw.below(4))],
            lambda: {draw.choice(KEYS): value(draw, depth + 1) for _ in range(draw.below(4))},
        ]
    return draw.choice(makers)()


def places(node: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path into a JSON tree."""
    found = [path]
    if isinstance(node, dict):
        for key, inner in node.items():
            found += places(inner, (*path, key))
    elif isinstance(node, list):
        for index, inner in enumerate(node):
            found += places(inner, (*path, index))
    return found


def mutated(draw: Draw) -> object:
    document: Any = copy.deepcopy(draw.choice(SEEDS))
    for _ in range(1 + draw.below(4)):
        spots = places(document)
        path = draw.choice(spots)
        if not path:
            document = value(draw) if draw.below(16) == 0 else document
            continue
        *parents, last = path
        parent: Any = document
        for step in parents:
            parent = parent[step]
        operation = draw.below(4)
        if operation == 0:
            parent[last] = value(draw)
        elif operation == 1:
            del parent[last]
        elif operation == 2 and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))  # type: ignore[arg-type]
        elif isinstance(parent, dict):
            parent[draw.choice(KEYS)] = value(draw)
        else:
            parent.append(value(draw))
    return document


def check(data: bytes) -> None:
    draw = Draw(data)
    document = mutated(draw)
    partnerships = [draw.text()] if draw.below(4) == 0 else None
    try:
        result = from_popolo(document, partnerships=partnerships)  # type: ignore[arg-type]
    except LoadError as error:
        str(error).encode("utf-8")  # printable
        return
    if not isinstance(result, Import):
        raise MismatchError(f"not an Import: {type(result).__name__}")
    if not STRICT:
        return
    json.dumps([str(o) for o in result.omitted], ensure_ascii=False).encode("utf-8")
    again = loads(dumps(result.portfolio, "json"), "json")
    if again != result.portfolio:
        raise MismatchError("the imported portfolio changed in a JSON round trip")


if __name__ == "__main__":
    run("popolo", check)
