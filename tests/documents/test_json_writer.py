"""The generated JSON writer gives the bytes of the plain data encoded by the json module."""

from __future__ import annotations

import gc
import json
import re
import weakref
from datetime import timedelta, timezone
from enum import Enum

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.opdrift import portfolio

from samarbejde import Organisation, Partnership, Portfolio, dumps
from samarbejde import strategies as sst
from samarbejde.documents import _io, _json_writer
from samarbejde.documents._json_writer import json_writer, plain_text, safe_pattern
from samarbejde.documents._unstructure import unstructure_functions
from samarbejde.model._checks import CODE_PATTERN, ID_PATTERN, Matches, is_optional_text

REFERENCE = unstructure_functions(Portfolio, share_text=False)[Portfolio]

#: Text a JSON writer must escape, or must not: quotes, backslashes, every control
#: character, DEL, the line and paragraph separators, a byte order mark, text outside
#: the basic plane. (A lone surrogate is no text the model takes: D69.)
HOSTILE = (
    '"',
    "\\",
    '\\"',
    "</script>",
    *(chr(c) for c in range(32)),
    "\x7f",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\U0001f3e0",
    "\U0010ffff",
    "æøå ÆØÅ",
    "{}[],:",
)


def reference_dumps(drawn: Portfolio) -> str:
    """What dumps wrote before D52: the plain data, encoded by the json module."""
    data = {"format": _io.FORMAT_VERSION, **REFERENCE(drawn)}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


hostile_texts = st.builds(
    "".join,
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=5)), min_size=1, max_size=6),
).map(lambda text: "x" + text)


@st.composite
def hostile_portfolios(draw: st.DrawFn) -> Portfolio:
    """Valid portfolios whose organisations and partnerships carry hostile names."""
    drawn = draw(sst.portfolios())

    def organisation(o: Organisation) -> Organisation:
        return attrs.evolve(o, name=draw(hostile_texts))

    def partnership(p: Partnership) -> Partnership:
        return attrs.evolve(p, name=draw(hostile_texts))

    return attrs.evolve(
        drawn,
        organisations=tuple(map(organisation, drawn.organisations)),
        partnerships=tuple(map(partnership, drawn.partnerships)),
    )


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(sst.portfolios())
def test_the_writer_gives_the_reference_bytes(drawn: Portfolio) -> None:
    assert dumps(drawn, "json") == reference_dumps(drawn)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(hostile_portfolios())
def test_hostile_text_is_escaped_as_the_json_module_escapes_it(drawn: Portfolio) -> None:
    assert dumps(drawn, "json") == reference_dumps(drawn)


@given(hostile_texts)
def test_hostile_text_reads_back(name: str) -> None:
    drawn = Portfolio(organisations=(attrs.evolve(portfolio().organisations[0], name=name),))
    assert json.loads(dumps(drawn, "json"))["organisations"][0]["name"] == name


def test_every_field_of_the_worked_example_is_written_as_before() -> None:
    assert dumps(portfolio(), "json") == reference_dumps(portfolio())


def test_an_empty_portfolio_is_its_format_alone() -> None:
    assert dumps(Portfolio(), "json") == '{"format":"samarbejde/1"}\n'
    assert json_writer(Portfolio)(Portfolio()) == "{}\n"


def test_without_a_constant_first_item_the_first_field_written_opens_the_mapping() -> None:
    written = dumps(portfolio(), "json")
    head = '{"format":"samarbejde/1",'
    assert written.startswith(head)
    assert json_writer(Portfolio)(portfolio()) == "{" + written[len(head) :]


def test_no_date_is_kept_after_a_dump() -> None:
    # Each call remembers the text of its dates; a memory kept between calls would keep
    # the dates of every portfolio ever written alive.
    day = pendulum.Date(2024, 2, 29)
    drawn = attrs.evolve(portfolio(), areas=(), partnerships=())
    organisations = tuple(
        attrs.evolve(
            o, entry_points=tuple(attrs.evolve(e, verified_on=day) for e in o.entry_points)
        )
        for o in drawn.organisations
    )
    drawn = attrs.evolve(drawn, organisations=organisations)
    assert '"verified_on":"2024-02-29"' in dumps(drawn, "json")
    seen = weakref.ref(day)
    del day, drawn, organisations
    gc.collect()
    assert seen() is None


# -- the generated writer on types the model does not (yet) use -------------------------


class Quirky(Enum):
    """Values that need escaping, and one that does not."""

    QUOTED = 'say "hej"'
    SLASHED = "a\\b"
    PLAIN = "plain"


@attrs.frozen
class Leaf:
    """A record of every kind of scalar, a required optional and a set of text."""

    text: str | None
    number: int
    flag: bool
    kind: Quirky
    at: pendulum.DateTime
    every: pendulum.Duration
    tags: frozenset[str]


@attrs.frozen
class Root:
    """Records in a list and one optional record, required, and a defaulted note."""

    leaves: tuple[Leaf, ...]
    single: Leaf | None
    note: str | None = None


leaves = st.builds(
    Leaf,
    text=st.none() | hostile_texts,
    number=st.integers(-(2**70), 2**70),
    flag=st.booleans(),
    kind=st.sampled_from(Quirky),
    at=st.datetimes(timezones=st.just(timezone(timedelta(hours=2)))).map(pendulum.instance),
    every=st.builds(pendulum.duration, years=st.integers(0, 9), days=st.integers(0, 40)),
    tags=st.frozensets(hostile_texts, max_size=3),
)
REFERENCE_ROOT = unstructure_functions(Root, share_text=False)[Root]
WRITE_ROOT = json_writer(Root)


@given(st.builds(Root, st.lists(leaves, max_size=3).map(tuple), st.none() | leaves))
def test_every_kind_of_value_is_written_as_the_json_module_writes_it(drawn: Root) -> None:
    expected = json.dumps(REFERENCE_ROOT(drawn), ensure_ascii=False, separators=(",", ":"))
    assert WRITE_ROOT(drawn) == expected + "\n"


# -- text that needs no escaping ---------------------------------------------------------

#: Patterns the writer may trust (every text they match whole is written as it is) and
#: patterns it must not: negated sets, categories, any character, ranges over a quote
#: or a backslash, alternatives with one.
TRUSTED = (
    ID_PATTERN.pattern,
    CODE_PATTERN.pattern,
    "[a-z]+",
    "(ab)+c?",
    "x|y{2,3}",
    "^[0-9]$",
    "[a-]",
    "[]a-c]",
    "[#-[]",
)
DISTRUSTED = (
    ".",
    "[^a]",
    r"\S+",
    r"\w",
    "[ -~]",
    'a|"',
    r"[\\]",
    "[\x00-\x1f]",
    "[!-$]",
    "(a|\n)",
    "(?s:.)",
    "[#-~]",
    r"\x22",
)


@pytest.mark.parametrize("pattern", TRUSTED)
def test_patterns_of_plain_characters_are_trusted(pattern: str) -> None:
    assert safe_pattern(pattern)


@pytest.mark.parametrize("pattern", DISTRUSTED)
def test_patterns_that_may_match_an_escaped_character_are_not(pattern: str) -> None:
    assert not safe_pattern(pattern)


@given(
    st.sampled_from(TRUSTED + DISTRUSTED).flatmap(
        lambda p: st.tuples(st.just(p), st.from_regex(p, fullmatch=True))
    )
)
def test_a_trusted_pattern_only_matches_text_written_as_it_is(drawn: tuple[str, str]) -> None:
    pattern, text = drawn
    if safe_pattern(pattern):
        assert json.dumps(text, ensure_ascii=False) == f'"{text}"'


def test_only_whole_matches_of_trusted_patterns_make_a_field_plain() -> None:
    @attrs.frozen
    class Probe:
        whole: str = attrs.field(validator=Matches(ID_PATTERN, "x"))
        part: str = attrs.field(validator=Matches(ID_PATTERN, "x", whole=False))
        loose: str = attrs.field(validator=Matches(re.compile(r"\S+"), "x"))
        both: str | None = attrs.field(
            default=None, validator=[is_optional_text, Matches(CODE_PATTERN, "x", optional=True)]
        )
        free: str = attrs.field(default="")

    plain = {f.name: plain_text(f) for f in attrs.fields(Probe)}
    assert plain == {"whole": True, "part": False, "loose": False, "both": True, "free": False}


def test_ids_and_codes_are_written_without_the_escaper(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    original = _json_writer._escape

    def escape(text: str) -> str:
        seen.append(text)
        return original(text)

    monkeypatch.setitem(vars(_json_writer), "_escape", escape)
    drawn = portfolio()
    text = json_writer(Portfolio, {"format": "samarbejde/1"})(drawn)
    assert text == dumps(drawn, "json")
    ids = {o.id for o in drawn.organisations} | {p.id for p in drawn.partnerships}
    assert ids
    assert not ids & set(seen)
    assert {o.name for o in drawn.organisations} <= set(seen)
