"""The report against hostile input: directional text, the calendar's edges, long numbers."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from html.parser import HTMLParser

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Portfolio, examples, validate
from samarbejde import strategies as sst
from samarbejde.model.text import fill, isolate
from samarbejde.report import format_number, html

#: Characters that open a directional scope: embeddings and overrides, then isolates.
EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
ISOLATES = frozenset("\u2066\u2067\u2068")
POP_EMBEDDING, POP_ISOLATE = "\u202c", "\u2069"
CONTROLS = sorted(EMBEDDINGS | ISOLATES | {POP_EMBEDDING, POP_ISOLATE, "\u200e", "\u200f"})
#: Text that may hold any directional control, Hebrew and Arabic letters among others.
DIRECTIONAL = st.lists(
    st.one_of(st.sampled_from([*CONTROLS, "\u05d0", "\u0627", "\u0661"]), st.characters()),
    min_size=1,
    max_size=12,
).map("".join)


def open_scopes(text: str) -> list[str]:
    """The directional scopes still open at the end of ``text``, by the Unicode bidi algorithm.

    An embedding or override is closed by POP DIRECTIONAL FORMATTING unless an isolate
    was opened after it; POP DIRECTIONAL ISOLATE closes the last open isolate and every
    scope opened inside it, and does nothing when no isolate is open.
    """
    stack: list[str] = []
    for char in text:
        if char in EMBEDDINGS:
            stack.append("embedding")
        elif char in ISOLATES:
            stack.append("isolate")
        elif char == POP_EMBEDDING and stack and stack[-1] == "embedding":
            stack.pop()
        elif char == POP_ISOLATE and "isolate" in stack:
            while stack.pop() != "isolate":
                pass
    return stack


class Leaks(HTMLParser):
    """Every text node and attribute value of a page that leaves a directional scope open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.leaks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.leaks += [v for _, v in attrs if v is not None and open_scopes(v)]

    def handle_data(self, data: str) -> None:
        if open_scopes(data):
            self.leaks.append(data)


def leaks(page: str) -> list[str]:
    parser = Leaks()
    parser.feed(page)
    parser.close()
    return parser.leaks


def test_the_isolated_characters_are_every_one_that_can_turn_text_around() -> None:
    turning = {"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
    missed = [
        f"U+{point:04X}"
        for point in range(0x110000)
        if unicodedata.bidirectional(chr(point)) in turning and isolate(chr(point)) == chr(point)
    ]
    assert missed == []
    assert isolate("Glenteby Parken 1-3, Aarhus V") == "Glenteby Parken 1-3, Aarhus V"


@given(DIRECTIONAL, st.text(max_size=8))
def test_a_value_filled_into_a_sentence_never_turns_the_rest_of_it(value: str, rest: str) -> None:
    sentence = fill("{name} " + rest.replace("{", "").replace("}", ""), {"name": value}, "en")
    assert open_scopes(sentence) == []
    assert value in sentence


@WHOLE_PORTFOLIOS
@given(DIRECTIONAL, st.sampled_from(["da", "en"]))
def test_no_text_of_the_report_is_turned_by_a_name_before_it(hostile: str, lang: str) -> None:
    name = "Navn " + hostile
    portfolio = examples.load("opdrift")
    evil = Portfolio(
        tuple(attrs.evolve(o, name=name + o.name) for o in portfolio.organisations),
        tuple(attrs.evolve(a, name=name) for a in portfolio.areas),
        tuple(attrs.evolve(p, name=name) for p in portfolio.partnerships),
    )
    page = html(evil, as_of=examples.AS_OF, lang=lang)  # type: ignore[arg-type]
    assert leaks(page) == []


def test_an_unterminated_override_in_a_name_stays_inside_the_name() -> None:
    portfolio = examples.load("lerbakke")
    name = "\u202ePartnerskab for Høje Lerbakke"
    evil = attrs.evolve(
        portfolio,
        partnerships=tuple(attrs.evolve(p, name=name) for p in portfolio.partnerships),
        areas=tuple(attrs.evolve(a, name=name) for a in portfolio.areas),
    )
    page = html(evil, as_of=examples.AS_OF, lang="en")
    assert f"\u2068{name}\u2069" in page
    assert leaks(page) == []
    report = validate(evil, as_of=examples.AS_OF, lang="en")
    assert report.findings
    assert all(open_scopes(f.message) == [] for f in report)


LAST_DAYS = st.dates(pendulum.Date(9990, 1, 1), pendulum.Date(9999, 12, 31)).map(
    lambda d: pendulum.Date(d.year, d.month, d.day)
)


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), LAST_DAYS, st.sampled_from(["da", "en"]))
def test_the_report_works_up_to_the_last_day_of_the_calendar(
    portfolio: Portfolio, day: pendulum.Date, lang: str
) -> None:
    page = html(portfolio, as_of=day, lang=lang)  # type: ignore[arg-type]
    assert page.startswith("<!doctype html>")


def test_every_example_reports_on_the_first_and_the_last_day_of_the_calendar() -> None:
    for name in examples.names():
        for day in (pendulum.Date(1, 1, 1), pendulum.Date(9999, 12, 31)):
            assert "</html>" in html(examples.load(name), as_of=day, lang="en")


def grouped(number: Decimal, group: str, point: str) -> str:
    """The digits grouped by threes the plain way, as an independent oracle."""
    text = format(number, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    digits = whole.lstrip("0") or "0"
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    fraction = fraction.rstrip("0")
    return sign + group.join(parts) + (point + fraction if fraction else "")


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_numbers_are_grouped_as_the_plain_rule_says(number: Decimal) -> None:
    assert format_number(number, "da") == grouped(number, ".", ",")
    assert format_number(number, "en") == grouped(number, ",", ".")


def test_a_number_of_400000_digits_is_grouped() -> None:
    text = format_number(Decimal("7" * 400_000), "da")
    assert text == grouped(Decimal("7" * 400_000), ".", ",")
    assert text.count(".") == 133_333
