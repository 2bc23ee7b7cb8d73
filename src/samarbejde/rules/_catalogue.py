"""The catalogue as documentation: a Markdown reference of every rule."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from samarbejde.model.text import Lang, Text
from samarbejde.rules._model import Rule
from samarbejde.rules._text import render

__all__ = ["catalogue_markdown"]

_FAMILIES: Mapping[str, tuple[Text, Text]] = {
    "S": (
        Text("S - struktur", "S - structure"),
        Text(
            "Henvisninger findes, id'er er entydige, datoer stemmer. I alle profiler.",
            "References resolve, ids are unique, dates agree. In every profile.",
        ),
    ),
    "M": (
        Text("M - mandater", "M - mandates"),
        Text(
            "Forpligtelser gives af nogen, der har mandat til det.",
            "Commitments are made by someone entitled to make them.",
        ),
    ),
    "P": (
        Text("P - projekter", "P - projects"),
        Text(
            "Samarbejder, hvis nuværende livsforløb er et projekt.",
            "Partnerships whose current lifecycle is a project.",
        ),
    ),
    "L": (
        Text("L - langsigtede strategiske samarbejder", "L - long-term strategic partnerships"),
        Text(
            "Strategiske samarbejder, der ikke er opløst.",
            "Strategic partnerships that have not been dissolved.",
        ),
    ),
    "C": (
        Text("C - samarbejdspraksis", "C - collaboration practice"),
        Text(
            "Strategiske samarbejder, der ikke er opløst.",
            "Strategic partnerships that have not been dissolved.",
        ),
    ),
    "T": (
        Text("T - tid", "T - time"),
        Text(
            "Kræver `as_of`; i profilerne project, strategic og all.",
            "Need `as_of`; in the profiles project, strategic and all.",
        ),
    ),
}

_WORDS: Mapping[str, Text] = {
    "title": Text("Regelkatalog", "Rule catalogue"),
    "severity": Text("Alvor", "Severity"),
    "profiles": Text("Profiler", "Profiles"),
    "message": Text("Besked", "Message"),
    "params": Text("Parametre", "Parameters"),
    "as_of": Text("Kræver `as_of`", "Needs `as_of`"),
    "other": Text("Andre regler", "Other rules"),
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


def catalogue_markdown(rules: Iterable[Rule] | None = None, lang: Lang = "en") -> str:
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
    family = None
    for r in chosen:
        head = r.code[0] if r.code[0] in _FAMILIES and r.code[1].isdigit() else ""
        if head != family:
            family = head
            if head:
                title, about = _FAMILIES[head]
                lines += [f"## {title.pick(lang)}", "", about.pick(lang), ""]
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
