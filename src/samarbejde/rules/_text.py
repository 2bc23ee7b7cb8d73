"""Message values for rules: the text type under its rules' name, and code labels.

Rendering lives in the model (:mod:`samarbejde.model.text`); this module keeps the
names rules have always used.
"""

from __future__ import annotations

from samarbejde.model.text import Text, fill, render
from samarbejde.model.words import has_word

__all__ = ["OPEN", "Words", "code_words", "fill", "render"]

#: A word or phrase in every language, for a message value: :class:`~samarbejde.model.text.Text`.
Words = Text

#: The end of a term that has none, as a message value (M004, S012, S016).
OPEN = Words("rules.open")


def code_words(code: str) -> Text:
    """The labels of an open-list code (a role, a kind of commitment) in every language.

    >>> code_words("bridge_builder").pick("da")
    'brobygger'
    """
    return Text(f"code.{code}") if has_word(f"code.{code}") else Text.of(en=code)
