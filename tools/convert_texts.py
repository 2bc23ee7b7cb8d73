"""Move literal texts out of Python sources into the language catalogues.

Usage (from the repository root)::

    python tools/convert_texts.py PREFIX FILE...

Each ``FILE`` is rewritten in place, and every catalogue in
``src/samarbejde/model/words/`` gets the words:

- ``Text("da text", "en text")`` or ``Text(da=..., en=...)`` (also under the rules'
  name ``Words``) becomes ``Text("<key>")`` and its texts go to the catalogues under
  ``<key>``; the key is ``PREFIX.`` and the dict key, variable or keyword the text is
  given to (``label.<Enum>.<value>`` for a dict keyed by an enum member), or a slug of
  its English text;
- ``rule("X001", ..., en=..., da=...)`` and ``FAMILY.rule(...)`` lose their ``en=`` and
  ``da=``, which go to the catalogues as ``rule.X001`` (a built-in rule's messages are
  read from the catalogues by its code).

A key the catalogues already hold with the same texts is reused; with other texts the
new one gets ``_2``, ``_3`` ... Run ``ruff format`` on the files afterwards. A language
other than ``da`` and ``en`` gets the English text, marked for translation only by
the completeness test that names what it lacks.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path
from typing import Any

import tomli_w

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

WORDS = Path(__file__).resolve().parent.parent / "src" / "samarbejde" / "model" / "words"
_TEXT_NAMES = {"Text", "Words"}


def load_catalogues(folder: Path = WORDS) -> dict[str, dict[str, Any]]:
    """Every catalogue in ``folder`` as its TOML tables."""
    return {
        path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.toml"))
    }


def write_catalogues(catalogues: dict[str, dict[str, Any]], folder: Path = WORDS) -> None:
    """Write each catalogue back to ``folder``."""
    for lang, tables in catalogues.items():
        (folder / f"{lang}.toml").write_text(tomli_w.dumps(tables), encoding="utf-8")


def _get(tables: dict[str, Any], key: str) -> str | None:
    head, _, rest = key.partition(".")
    value = tables.get(head, {}).get(rest)
    return value if isinstance(value, str) else None


def add_word(catalogues: dict[str, dict[str, Any]], key: str, texts: dict[str, str]) -> str:
    """Add ``texts`` (by language) under ``key`` or a free variant of it; return the key used."""
    base, number = key, 1
    while True:
        held = {lang: _get(tables, key) for lang, tables in catalogues.items()}
        if all(v is None for v in held.values()):
            break
        if all(held.get(lang) == text for lang, text in texts.items()):
            return key
        number += 1
        key = f"{base}_{number}"
    head, _, rest = key.partition(".")
    for lang, tables in catalogues.items():
        tables.setdefault(head, {})[rest] = texts.get(lang, texts["en"])
    return key


def _const(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _texts_of(call: ast.Call) -> dict[str, str] | None:
    """The ``{"da": ..., "en": ...}`` of a literal ``Text(...)`` call, or ``None``."""
    name = call.func.id if isinstance(call.func, ast.Name) else None
    if name not in _TEXT_NAMES:
        return None
    if len(call.args) == 2 and not call.keywords:
        da, en = (_const(a) for a in call.args)
        return {"da": da, "en": en} if da is not None and en is not None else None
    if not call.args and {k.arg for k in call.keywords} == {"da", "en"}:
        texts = {str(k.arg): _const(k.value) for k in call.keywords}
        return (
            {k: v for k, v in texts.items() if v is not None}
            if None not in texts.values()
            else None
        )
    return None


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())[:4]
    return "_".join(words) or "text"


def _enum_value(owner: str, member: str) -> str | None:
    """The value of ``owner.member`` in the model's enums, read without importing the package."""
    import importlib.util  # noqa: PLC0415 - only when a label is converted

    spec = importlib.util.spec_from_file_location("_enums", WORDS.parent / "enums.py")
    if spec is None or spec.loader is None:  # pragma: no cover
        return None
    enums = importlib.util.module_from_spec(spec)
    sys.modules["_enums"] = enums
    spec.loader.exec_module(enums)
    cls = getattr(enums, owner, None)
    value = getattr(getattr(cls, member, None), "value", None)
    return value if isinstance(value, str) else None


def _key_for(node: ast.Call, parents: dict[ast.AST, ast.AST], prefix: str, en: str) -> str:  # noqa: PLR0911 - one key per kind of place
    parent = parents.get(node)
    if isinstance(parent, ast.Dict):
        key = parent.keys[parent.values.index(node)]
        if _const(key) is not None:
            return f"{prefix}.{_const(key)}"
        if isinstance(key, ast.Attribute) and isinstance(key.value, ast.Name):
            value = _enum_value(key.value.id, key.attr)
            if value is not None:
                return f"label.{key.value.id}.{value}"
            return f"{prefix}.{key.value.id}.{key.attr.lower()}"
    if isinstance(parent, (ast.Assign, ast.AnnAssign)):
        target = parent.targets[0] if isinstance(parent, ast.Assign) else parent.target
        if isinstance(target, ast.Name):
            return f"{prefix}.{target.id.strip('_').lower()}"
    if isinstance(parent, ast.keyword) and parent.arg:
        call = parents.get(parent)
        if isinstance(call, ast.Call):
            owner = next((_const(k.value) for k in call.keywords if k.arg == "prefix"), None)
            if owner is not None:
                return f"{prefix}.{owner}.{parent.arg}"
        return f"{prefix}.{parent.arg}"
    return f"{prefix}.{_slug(en)}"


def _offsets(source: str) -> list[int]:
    starts, total = [0], 0
    for line in source.splitlines(keepends=True):
        total += len(line)
        starts.append(total)
    return starts


def convert(source: str, prefix: str, catalogues: dict[str, dict[str, Any]]) -> str:
    """``source`` with its literal texts replaced by message ids added to ``catalogues``."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    starts = _offsets(source)

    def at(line: int, col: int) -> int:
        return starts[line - 1] + len(
            source.splitlines(keepends=True)[line - 1].encode()[:col].decode()
        )

    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        texts = _texts_of(node)
        if texts is not None:
            key = add_word(catalogues, _key_for(node, parents, prefix, texts["en"]), texts)
            name = node.func.id  # type: ignore[attr-defined]
            start = at(node.lineno, node.col_offset)
            end = at(node.end_lineno or node.lineno, node.end_col_offset or 0)
            edits.append((start, end, f'{name}("{key}")'))
            continue
        func = node.func
        is_rule = (isinstance(func, ast.Name) and func.id == "rule") or (
            isinstance(func, ast.Attribute) and func.attr == "rule"
        )
        code = _const(node.args[0]) if is_rule and node.args else None
        if code is None:
            continue
        given = {k.arg: _const(k.value) for k in node.keywords if k.arg in {"da", "en"}}
        if set(given) != {"da", "en"} or None in given.values():
            continue
        add_word(catalogues, f"rule.{code}", {k: v for k, v in given.items() if k and v})
        for keyword in node.keywords:
            if keyword.arg in {"da", "en"}:
                start = at(keyword.lineno, keyword.col_offset)
                end = at(keyword.end_lineno or keyword.lineno, keyword.end_col_offset or 0)
                while end < len(source) and source[end] in " ,\n":
                    end += 1
                edits.append((start, end, ""))
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    return source


def main(argv: list[str]) -> int:
    """Convert the files named on the command line."""
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    prefix, *files = argv
    catalogues = load_catalogues()
    for name in files:
        path = Path(name)
        path.write_text(
            convert(path.read_text(encoding="utf-8"), prefix, catalogues), encoding="utf-8"
        )
    write_catalogues(catalogues)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
