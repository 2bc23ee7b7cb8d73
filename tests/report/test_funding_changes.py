"""The report's funding block shows each change of a funding: its day and what changed (D92)."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser

import attrs
import pendulum
from hypothesis import given, settings

from samarbejde import Funding, FundingKind, Money, Partnership, Portfolio, Term, examples
from samarbejde.report import html
from samarbejde.report._format import format_date, format_money
from samarbejde.strategies import funding

D = pendulum.Date
OPDRIFT = examples.load("opdrift")
LIFE = OPDRIFT.partnership("opdrift")
FUNDER = OPDRIFT.organisations[0]


class _Changes(HTMLParser):
    """The text of each item of the page's lists of funding changes."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self._in_list = False
        self._in_item = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "ul" and ("class", "changes") in attrs:
            self._in_list = True
        elif tag == "li" and self._in_list:
            self._in_item = True
            self.items.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._in_item = False
        elif tag == "ul":
            self._in_list = False

    def handle_data(self, data: str) -> None:
        if self._in_item:
            self.items[-1] += data


def _changes(portfolio: Portfolio, lang: str = "en") -> list[str]:
    parser = _Changes()
    parser.feed(html(portfolio, as_of=examples.AS_OF, lang=lang))  # type: ignore[arg-type]
    return parser.items


def _with(partnership: Partnership) -> Portfolio:
    return attrs.evolve(OPDRIFT, partnerships=(partnership,))


def _grant() -> Funding:
    return Funding(
        "f-grant",
        FUNDER.id,
        Money(Decimal(3_000_000)),
        Term(D(2018, 1, 1), D(2020, 12, 31)),
        FundingKind.FOUNDATION_GRANT,
    )


def test_an_extension_and_an_early_end_are_each_a_line_with_the_day_and_the_amounts() -> None:
    granted = attrs.evolve(LIFE, funding=(_grant(),))
    extended = granted.extend_funding(
        "f-grant", until=D(2022, 12, 31), on=D(2020, 6, 1), adding=Money(Decimal(2_000_000))
    )
    ended = extended.end_funding("f-grant", last_day=D(2021, 12, 31), on=D(2021, 3, 1))
    lines = _changes(_with(ended))
    assert lines == [
        f"{FUNDER.name} (foundation grant) extended on 1 June 2020: amount DKK 3,000,000 → "
        "DKK 5,000,000; end 31 December 2020 → 31 December 2022",
        f"{FUNDER.name} (foundation grant) ended early on 1 March 2021: "
        "end 31 December 2022 → 31 December 2021",
    ]
    danish = _changes(_with(ended), "da")
    assert danish[0].startswith(f"{FUNDER.name} (fondsbevilling) forlænget den 1. juni 2020: ")
    assert "slut 31. december 2022 → 31. december 2021" in danish[1]


def test_a_funding_never_changed_has_no_change_list() -> None:
    assert _changes(_with(attrs.evolve(LIFE, funding=(_grant(),)))) == []


@settings(max_examples=25)
@given(funding([FUNDER.id], D(2017, 1, 1), D(2028, 12, 31)))
def test_the_page_shows_every_change_a_funding_had_by_its_day(drawn: Funding) -> None:
    seen = drawn.as_of(examples.AS_OF)
    lines = _changes(_with(attrs.evolve(LIFE, funding=(drawn,))))
    assert len(lines) == len(seen.changes)
    states = [*seen.changes, seen]
    for line, before, after in zip(lines, states, states[1:]):  # noqa: B905
        assert f" on {format_date(before.on, 'en')}: " in line
        if before.amount != after.amount:
            assert format_money(before.amount, "en") in line
            assert format_money(after.amount, "en") in line
        if before.term.end != after.term.end and after.term.end is not None:
            assert format_date(after.term.end, "en") in line
