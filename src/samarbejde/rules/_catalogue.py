"""The catalogue as documentation: a Markdown reference of every rule."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from samarbejde.model.text import DEFAULT_LANG, Lang, Text
from samarbejde.rules._families import BUILTIN_FAMILIES
from samarbejde.rules._rule import Rule
from samarbejde.rules._text import render

__all__ = ["catalogue_markdown"]

_WORDS: Mapping[str, Text] = {
    "title": Text("rules.title"),
    "severity": Text("rules.severity"),
    "profiles": Text("rules.profiles"),
    "message": Text("rules.message"),
    "params": Text("rules.params"),
    "as_of": Text("rules.as_of"),
    "other": Text("rules.other"),
}


def _word(key: str, lang: Lang) -> str:
    return _WORDS[key].pick(lang)


def _param(value: object, lang: Lang) -> str:
    if isinstance(value, Mapping):
        pairs = (f"{k} → {render(v, lang)}" for k, v in value.items())
        return "; ".join(pairs)
    if isinstance(value, (tuple, list)) and all(isinstance(v, Enum) for v in value):
        return ", ".join(str(v) for v in value)
    return render(value, lang)


def catalogue_markdown(rules: Iterable[Rule] | None = None, lang: Lang = DEFAULT_LANG) -> str:
    """Render rules (the built-in catalogue by default) as a Markdown reference.

    Rules keep their order; a heading starts each family (S, M, P, L, C, T).

    Each rule gets a heading with its code and name, its severity, profiles,
    parameters with their defaults, the message template and the rationale.

    >>> text = catalogue_markdown(lang="da")
    >>> "## S - struktur" in text and "### S001 unknown-organisation" in text
    True
    """
    from samarbejde.rules._engine import builtin_rules  # noqa: PLC0415 - avoids a cycle

    chosen = builtin_rules() if rules is None else tuple(rules)
    lines = [f"# {_word('title', lang)}", ""]
    family: str | None = None
    for r in chosen:
        head = next((f for f in BUILTIN_FAMILIES if f.covers(r.code)), None)
        key = "" if head is None else head.prefix
        if key != family:
            family = key
            if head is not None:
                lines += [f"## {head.title.pick(lang)}", "", head.about.pick(lang), ""]
            else:
                lines += [f"## {_word('other', lang)}", ""]
        lines += [f"### {r.code} {r.name}", ""]
        lines.append(f"- {_word('severity', lang)}: {r.severity.label(lang)}")
        lines.append(f"- {_word('profiles', lang)}: {', '.join(sorted(r.profiles))}")
        if r.needs_as_of:
            lines.append(f"- {_word('as_of', lang)}")
        if r.params:
            shown = ", ".join(f"`{k}` = {_param(v, lang)}" for k, v in r.params.items())
            lines.append(f"- {_word('params', lang)}: {shown}")
        lines.append(f"- {_word('message', lang)}: {r.message(lang)}")
        lines += ["", r.rationale, ""] if r.rationale else [""]
    return "\n".join(lines).rstrip() + "\n"
