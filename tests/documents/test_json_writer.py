"""The generated JSON writer gives the bytes of the plain data encoded by the json module."""

from __future__ import annotations

import gc
import json
import weakref
from datetime import timedelta, timezone
from enum import Enum

import attrs
import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.medvind import portfolio

from samarbejde import Organisation, Partnership, Portfolio, dumps
from samarbejde import strategies as sst
from samarbejde.documents import _io
from samarbejde.documents._json_writer import json_writer
from samarbejde.documents._unstructure import unstructure_functions

REFERENCE = unstructure_functions(Portfolio, share_text=False)[Portfolio]

#: Text a JSON writer must escape, or must not: quotes, backslashes, every control
#: character, DEL, the line and paragraph separators, a byte order mark, text outside
#: the basic plane and a lone surrogate (which the model does not refuse).
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
    "\ud800",
    "\udfff",
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
    if any("\ud800" <= c <= "\udfff" for c in name):
        return  # not Unicode: no UTF-8 text holds it, json.loads reads it back though
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
