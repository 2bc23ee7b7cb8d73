"""The languages the package speaks: one catalogue of words per language.

Each language is one file in this folder, ``<code>.toml`` (``da.toml``, ``en.toml``),
holding every word the package shows a person in that language, keyed by message id:

- ``rule.<code>``: a rule's message template (``rule.S001``);
- ``family.<prefix>.title`` / ``.about``: a family of rules;
- ``label.<Enum>.<value>``: an enum value's label (``label.Sector.municipality``);
- ``code.<code>``: a code of an open list (a role, a kind of commitment, an interest);
- ``severity.<value>``, ``report.*``, ``maturity.*``, ``display.*``, ``plot.*``,
  ``html.*``, ``cli.*``, ``change.*``, ``problem.*``, ``error.*``, ``format.*``: the
  words of each part of the package.

A catalogue's ``[language]`` table names the language (``name``) and the language a
missing word is taken from (``fallback``, English unless it says otherwise); English
is the last fallback of every language, and a test holds English and Danish complete.
:data:`LANGS` is the list of catalogue files found here, so a third language is one new
file and nothing else (design notes, D83).

Catalogues are read when a language is first used, and kept.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import TypeAlias

__all__ = [
    "BASE_LANG",
    "DEFAULT_LANG",
    "LANGS",
    "Lang",
    "catalogue",
    "check_lang",
    "fallbacks",
    "has_word",
    "language_name",
    "own_words",
    "word",
]

#: A language code: the name of one catalogue file (``"da"``, ``"en"``).
Lang: TypeAlias = str

#: The language every function that speaks uses unless told otherwise: Danish, for the
#: people who steer these partnerships read Danish (design notes, D84). The CLI reads
#: ``SAMARBEJDE_LANG`` first.
DEFAULT_LANG: Lang = "en"

#: The language every catalogue falls back on last; its catalogue is complete.
BASE_LANG: Lang = "en"

_CODE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]{2,8})?")
_FOLDER = resources.files(__name__)

#: The languages the package speaks: one per catalogue file in this folder, sorted.
LANGS: tuple[Lang, ...] = tuple(
    sorted(
        entry.name.removesuffix(".toml")
        for entry in _FOLDER.iterdir()
        if entry.name.endswith(".toml") and _CODE.fullmatch(entry.name.removesuffix(".toml"))
    )
)

_OWN: dict[Lang, Mapping[str, str]] = {}
_MERGED: dict[Lang, Mapping[str, str]] = {}
_ABOUT: dict[Lang, Mapping[str, str]] = {}


def check_lang(lang: str) -> Lang:
    """``lang`` itself, if it is one of :data:`LANGS`.

    Raises:
        ValueError: It is not.

    >>> check_lang("da")
    'da'
    """
    if lang not in LANGS:
        known = ", ".join(repr(code) for code in LANGS)
        raise ValueError(f"lang must be one of {known}, got {lang!r}")
    return lang


def _read(lang: Lang) -> None:
    # imported here: importing the package reads no catalogue and loads no parser
    if sys.version_info >= (3, 11):  # pragma: no cover - the version decides
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415
    raw = tomllib.loads(_FOLDER.joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
    about = raw.pop("language", {})
    words: dict[str, str] = {}
    _flatten(raw, "", words)
    _OWN[lang] = MappingProxyType(words)
    _ABOUT[lang] = MappingProxyType({str(k): str(v) for k, v in about.items()})


def _flatten(table: Mapping[str, object], prefix: str, into: dict[str, str]) -> None:
    for key, value in table.items():
        if isinstance(value, Mapping):
            _flatten(value, f"{prefix}{key}.", into)
        else:
            into[f"{prefix}{key}"] = str(value)


def own_words(lang: str) -> Mapping[str, str]:
    """The words ``lang``'s own catalogue holds, by message id, without fallbacks.

    Raises:
        ValueError: ``lang`` is not one of :data:`LANGS`.

    >>> own_words("da")["label.Sector.municipality"]
    'kommune'
    """
    if lang not in _OWN:
        _read(check_lang(lang))
    return _OWN[lang]


def fallbacks(lang: str) -> tuple[Lang, ...]:
    """The languages a word of ``lang`` is looked up in, in order (``lang`` first).

    >>> fallbacks("da")
    ('da', 'en')
    """
    chain = [check_lang(lang)]
    while chain[-1] != BASE_LANG:
        own_words(chain[-1])
        nxt = _ABOUT[chain[-1]].get("fallback", BASE_LANG)
        if nxt in chain or nxt not in LANGS:
            nxt = BASE_LANG
        chain.append(nxt)
    return tuple(chain)


def catalogue(lang: str) -> Mapping[str, str]:
    """Every word in ``lang`` by message id, missing ones taken from its fallbacks.

    Raises:
        ValueError: ``lang`` is not one of :data:`LANGS`.

    >>> catalogue("en")["severity.error"]
    'error'
    """
    merged = _MERGED.get(lang)
    if merged is None:
        words: dict[str, str] = {}
        for source in reversed(fallbacks(lang)):
            words.update(own_words(source))
        merged = _MERGED[lang] = MappingProxyType(words)
    return merged


def word(key: str, lang: str) -> str:
    """The word with message id ``key`` in ``lang`` (or its fallback).

    Raises:
        ValueError: ``lang`` is not one of :data:`LANGS`.
        KeyError: No catalogue has ``key``.

    >>> word("severity.warning", "da")
    'advarsel'
    """
    merged = _MERGED.get(lang)
    if merged is None:
        merged = catalogue(lang)
    return merged[key]


def has_word(key: str) -> bool:
    """Whether the base catalogue (English, complete) has ``key``.

    >>> has_word("rule.S001"), has_word("rule.X999")
    (True, False)
    """
    return key in catalogue(BASE_LANG)


def language_name(lang: str) -> str:
    """The language's own name for itself, from its catalogue.

    >>> language_name("da")
    'dansk'
    """
    own_words(lang)
    return _ABOUT[lang].get("name", lang)
