"""Operations a partnership accepts that day, and ones it refuses with the expected error."""

from __future__ import annotations

import re

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samarbejde import (
    KNOWN_COMMITMENT_KINDS,
    Partnership,
    PhaseChange,
    ProjectLifecycle,
    ProjectPhase,
    Term,
    Unit,
)
from samarbejde import strategies as sst
from samarbejde.model.codes import COMMITMENT_POWERS
from samarbejde.strategies._operations import _window


@given(sst.partnerships(), st.data())
def test_every_drawn_operation_is_accepted_and_dated_the_day(
    p: Partnership, data: st.DataObject
) -> None:
    operation = data.draw(sst.operations(p))
    after = operation(p)
    assert isinstance(after, Partnership)
    start, last = _window(p)
    assert start <= operation.on <= last
    if operation.name != "declare_interests":
        assert after != p


@given(sst.partnerships(), st.data())
def test_a_run_of_operations_is_accepted_one_after_another(
    p: Partnership, data: st.DataObject
) -> None:
    for _ in range(5):
        start, last = _window(p)
        day = data.draw(sst.dates(start, last))
        try:
            drawn = sst.operations(p, on=day)
        except InvalidArgument:  # its lifecycle ended on its first day: nothing moves
            assert p.lifecycle.ended is not None
            assert p.lifecycle.ended <= day
            return
        operation = data.draw(drawn)
        assert operation.on == day
        p = operation(p)


@given(sst.partnerships(), st.data())
def test_every_drawn_refusal_raises_exactly_its_error(p: Partnership, data: st.DataObject) -> None:
    refusal = data.draw(sst.refused_operations(p))
    with pytest.raises(refusal.error, match=re.escape(refusal.message)) as raised:
        refusal.operation(p)
    assert type(raised.value) is refusal.error


def test_a_partnership_that_accepts_nothing_that_day_is_refused_with_a_reason() -> None:
    day = pendulum.Date(2020, 1, 1)
    closed = Partnership(
        "p",
        "P",
        ProjectLifecycle(
            Term(day, day.add(years=1)),
            (PhaseChange(ProjectPhase.PLANNED, day), PhaseChange(ProjectPhase.CANCELLED, day)),
        ),
    )
    with pytest.raises(InvalidArgument, match="accepts no operation on 2021-01-01"):
        sst.operations(closed, on=day.add(years=1))


def test_an_operation_reads_as_the_call_it_makes() -> None:
    operation = sst.Operation("admit", pendulum.Date(2021, 1, 1), ("a",), (("role", "lead"),))
    assert repr(operation) == "admit('a', role='lead', on=2021-01-01)"


def test_the_kind_tables_are_public_and_cover_the_known_kinds() -> None:
    assert sst.KIND_POWERS is COMMITMENT_POWERS
    assert set(sst.KIND_UNITS) == set(KNOWN_COMMITMENT_KINDS)
    assert all(
        units and all(isinstance(u, Unit) for u in units) for units in sst.KIND_UNITS.values()
    )
