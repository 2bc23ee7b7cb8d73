"""Fuzz the report's text fields: ``html`` never raises and the page is well-formed.

Each input takes a bundled example and replaces some of its free texts (names, titles,
the vision's text, themes, indicators, representatives) with drawn ones: markup,
directional overrides, controls, non-characters, lone surrogates, raw bytes. It asks
for the report on a drawn day (the calendar's ends included) in Danish or English.
The page must be made, encode as UTF-8, balance its elements, and hold no element
the report does not write (no ``<script>`` from a name). Anything else is a finding
(see ``_harness``). The model refuses text holding a lone surrogate, so every page it
makes can be written as UTF-8 (``SAMARBEJDE_FUZZ_STRICT=0`` skips that check).

    python tests/fuzz/fuzz_report.py --seconds 20

Not collected by pytest (the name does not start with ``test_``).
"""

from __future__ import annotations

import functools
import os
import re

import pendulum
from _harness import Draw, run, with_texts
from tests.report.pages import balance

from samarbejde import Lang, Portfolio, examples
from samarbejde.model.terms import FIRST_DAY, LAST_DAY
from samarbejde.report import html

STRICT = os.environ.get("SAMARBEJDE_FUZZ_STRICT", "1") == "1"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
EXAMPLES: list[Portfolio] = [examples.load(n) for n in examples.names()]
DAYS = (FIRST_DAY, LAST_DAY, examples.AS_OF, pendulum.Date(9994, 1, 1), pendulum.Date(999, 1, 1))
LANGS: tuple[Lang, ...] = ("da", "en")
#: Elements that, opened more often than in the untouched page, came from user text.
FOREIGN = ("script", "iframe", "object", "embed", "img", "link", "style")


class MalformedPageError(Exception):
    """The page does not balance its elements, or holds one it should not."""


@functools.cache
def written(index: int, day: pendulum.Date, lang: Lang) -> dict[str, int]:
    """How often the page of an example, texts untouched, opens each of :data:`FOREIGN`."""
    page = html(EXAMPLES[index], as_of=day, lang=lang)
    return {tag: page.count(f"<{tag}") for tag in FOREIGN}


def check(data: bytes) -> None:
    draw = Draw(data)
    index = draw.below(len(EXAMPLES))
    portfolio = with_texts(draw, EXAMPLES[index])
    assert isinstance(portfolio, Portfolio)
    day, lang = draw.choice(DAYS), draw.choice(LANGS)
    page = html(portfolio, as_of=day, lang=lang)
    if STRICT or not LONE_SURROGATE.search(page):
        page.encode("utf-8")
    checked = balance(page)
    if checked.errors or checked.stack:
        raise MalformedPageError(f"{checked.errors[:3]}, open at the end: {checked.stack}")
    usual = written(index, day, lang)
    injected = [tag for tag in FOREIGN if page.count(f"<{tag}") > usual[tag]]
    if injected:
        raise MalformedPageError(f"elements from user text: {injected}")


if __name__ == "__main__":
    run("report", check)
