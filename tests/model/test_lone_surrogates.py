"""Text holding a lone surrogate is no text: the model refuses it, so every record writes."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samarbejde import Area, ModelError, dumps, examples, loads
from samarbejde.interop import from_popolo, to_popolo
from samarbejde.model._checks import TEXT, is_text

SURROGATE = st.integers(0xD800, 0xDFFF).map(chr)
#: Text with at least one lone surrogate somewhere in it.
BROKEN = st.tuples(st.text(max_size=5), SURROGATE, st.text(max_size=5)).map("".join)


@given(BROKEN)
def test_a_name_with_a_lone_surrogate_is_refused_naming_the_field(name: str) -> None:
    with pytest.raises(ModelError, match=r"Area\.name: .*no lone surrogate"):
        Area("omraade", "X" + name, "101")


@given(st.text(min_size=1))
def test_text_is_taken_exactly_when_it_is_not_blank_and_can_be_written(text: str) -> None:
    writable = True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        writable = False
    assert (TEXT.fullmatch(text) is not None) == (writable and not text.isspace())


@given(st.text(min_size=1).filter(lambda t: not t.isspace() and TEXT.fullmatch(t)))
def test_every_text_the_model_takes_makes_a_round_trip(name: str) -> None:
    portfolio = examples.load("opdrift")
    areas = tuple(attrs.evolve(a, name=name) for a in portfolio.areas)
    changed = attrs.evolve(portfolio, areas=areas)
    assert loads(dumps(changed, "json"), "json") == changed
    is_text(None, attrs.fields(Area).name, name)


def test_a_popolo_name_with_a_lone_surrogate_is_read_as_a_replacement_and_said() -> None:
    document = to_popolo(examples.load("opdrift")).document
    document["organizations"][0]["name"] = "Esbjerg \udcff Kommune"
    read = from_popolo(document)
    organisation = read.portfolio.organisations[0]
    assert organisation.name == "Esbjerg \ufffd Kommune"
    assert any("lone surrogate" in o.reason for o in read.omitted)
    assert all(str(o).encode("utf-8") for o in read.omitted)
