"""Rule messages name records by their names: no message shows the id of a record that has one.

A finding's ``subject``, ``path``, ``partnership`` and ``related`` stay ids for machines;
its message is for people (design notes, D111).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Portfolio, validate
from samarbejde.changes import names_of
from samarbejde.model.text import LANGS
from samarbejde.strategies import RULE_DEFECTS, invalid_portfolios, portfolios

AS_OF = pendulum.Date(2030, 12, 31)

#: S009 is about an id used twice: the id is what it must show.
ABOUT_AN_ID = frozenset({"S009"})


def _strings(value: object) -> Iterator[str]:
    """Every string held anywhere in ``value`` (records, tuples, sets and mappings)."""
    todo: list[object] = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, tuple | list | frozenset | set):
            todo.extend(item)
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif attrs.has(type(item)):
            todo.extend(getattr(item, f.name) for f in attrs.fields(type(item)))


def hidden_ids(portfolio: Portfolio) -> frozenset[str]:
    """The ids of named records that no message has a reason to show.

    An id that is part of a name, or of any other text of the portfolio (an unnamed
    record's id, a theme, a code), may appear in a message for that reason, and so may
    the ids of records that share one name (``Opdrift (p-1) og Opdrift (p-2)`` tells
    them apart); the rest may not.
    """
    named = names_of(portfolio)
    shared = Counter(named.values())
    others = [s for s in _strings(portfolio) if s not in named]
    return frozenset(
        key
        for key, name in named.items()
        if shared[name] == 1
        and not any(key in name for name in named.values())
        and not any(key in s for s in others)
    )


def shown(message: str, ids: frozenset[str]) -> list[str]:
    """The ids in ``ids`` that ``message`` holds as whole words (``p-1`` is not in ``p-10``)."""
    return [key for key in ids if re.search(rf"(?<![\w.-]){re.escape(key)}(?![\w-])", message)]


def test_shown_finds_whole_ids_only() -> None:
    ids = frozenset({"p-1", "omraade-2"})
    assert shown("Samarbejdet p-1 har ...", ids) == ["p-1"]
    assert shown("Samarbejdet p-10 og omraade-20 ...", ids) == []


@WHOLE_PORTFOLIOS
@given(portfolios(as_of=AS_OF), st.sampled_from(LANGS))
def test_no_message_shows_the_id_of_a_record_that_has_a_name(
    portfolio: Portfolio, lang: str
) -> None:
    ids = hidden_ids(portfolio)
    for finding in validate(portfolio, as_of=AS_OF, lang=lang).findings:
        assert shown(finding.message, ids) == [], finding


@WHOLE_PORTFOLIOS
@given(invalid_portfolios(RULE_DEFECTS), st.sampled_from(LANGS))
def test_no_message_about_a_defect_shows_the_id_of_a_record_that_has_a_name(
    defect: object, lang: str
) -> None:
    portfolio, as_of = defect.portfolio, defect.as_of  # type: ignore[attr-defined]
    ids = hidden_ids(portfolio)
    for finding in validate(portfolio, as_of=as_of, lang=lang).findings:
        if finding.code not in ABOUT_AN_ID:
            assert shown(finding.message, ids) == [], finding
