"""Helpers for the report's tests: the bundled examples' pages and a tag balance check."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from samarbejde import Lang, Portfolio, examples, validate
from samarbejde.report import html

VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "rect", "circle", "line", "path"})


def example_page(name: str, lang: Lang = "da") -> tuple[Portfolio, str]:
    portfolio, where = examples.load_located(name)
    text = html(portfolio, as_of=examples.AS_OF, lang=lang, sources=where, file=f"{name}.yaml")
    return portfolio, text


def findings_of(name: str, lang: Lang = "da") -> list[tuple[str, str, int | None]]:
    portfolio, where = examples.load_located(name)
    report = validate(portfolio, as_of=examples.AS_OF, lang=lang, sources=where)
    return [(f.code, escape(f.message), f.line) for f in report]


class Balance(HTMLParser):
    """Checks that every opened element is closed in order (void elements aside)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [v for k, v in attrs if k == "id" and v is not None]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [v for k, v in attrs if k == "id" and v is not None]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def balance(text: str) -> Balance:
    checker = Balance()
    checker.feed(text)
    checker.close()
    return checker
