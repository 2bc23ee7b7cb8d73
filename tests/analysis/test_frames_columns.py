"""The frames are the columns pandas itself infers from each column's values.

``to_frames`` builds its typed columns in one pass into numpy arrays (dates as seconds,
categories as codes) and reads a table row by row. The oracle here is the plain way:
each column read from a list of rows, and handed to pandas' own constructors as
Python objects. Any difference in a column, dtype, row order or value fails.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

import pandas as pd
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.analysis.generated import days
from tests.analysis.portfolios import AS_OF, neighbourhood
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Portfolio, examples
from samarbejde import strategies as sst
from samarbejde.analysis._columns import MAYBE, typed_frame
from samarbejde.analysis.frames import PRECISIONS, TABLE_COLUMNS, Table, to_frames
from samarbejde.documents import scalar_for
from samarbejde.model.approximate import Approximate
from samarbejde.model.enums import CommitmentStatus, Sector
from samarbejde.model.measurements import projection
from samarbejde.model.unknown import UNKNOWN
from samarbejde.testing import synthetic_portfolio


def _plain(item: object) -> object:
    if item is UNKNOWN:
        return None
    return item.value if isinstance(item, Enum) else item


def _day(value: object) -> object:
    if value is None or value is UNKNOWN:
        return None
    first = value.first if isinstance(value, Approximate) else value
    return dt.date(first.year, first.month, first.day)  # type: ignore[attr-defined]


def inferred(values: list[object], kind: object) -> Any:  # noqa: PLR0911 - one return a kind
    """The column pandas infers from ``values`` as Python objects."""
    if isinstance(kind, tuple):
        said = UNKNOWN.value in kind
        shown = [UNKNOWN.value if said and v is UNKNOWN else _plain(v) for v in values]
        return pd.Categorical(shown, categories=list(kind))
    if kind == MAYBE:
        return pd.Series(values, dtype="boolean")
    scalar = None if kind is None else scalar_for(kind)
    column = "string" if scalar is None else scalar.column
    if column == "string":
        return pd.Series([UNKNOWN.value if v is UNKNOWN else v for v in values], dtype="string")
    known = [None if v is UNKNOWN else v for v in values]
    if column == "date":
        return pd.Series([_day(v) for v in known], dtype="object").astype("datetime64[s]")
    if column == "float":
        return pd.Series([None if v is None else float(v) for v in known], dtype=float)  # type: ignore[arg-type]
    if column == "int":
        return pd.Series(known, dtype="Int64")
    if column == "bool":
        return pd.Series(known, dtype=bool)
    if column == "category":
        return pd.Categorical([_plain(v) for v in known], categories=[str(m.value) for m in kind])  # type: ignore[attr-defined]
    return pd.Series([UNKNOWN.value if v is UNKNOWN else v for v in known], dtype="string")


def oracle(table: Table[Any], portfolio: Portfolio, as_of: pendulum.Date) -> Any:
    """The table read column by column from a list of rows, typed by pandas."""
    rows = list(table.rows(portfolio.as_of(as_of), as_of))
    return pd.DataFrame(
        {c.name: inferred([c.value(row) for row in rows], c.kind) for c in table.columns}
    )


def same(got: Any, expected: Any) -> None:
    pd.testing.assert_frame_equal(got, expected, check_dtype=True, check_exact=True)
    assert list(got.dtypes.astype(str)) == list(expected.dtypes.astype(str))


def _shipped() -> list[Any]:
    found = [pytest.param(examples.load(n), examples.AS_OF, id=n) for n in examples.names()]
    return [*found, pytest.param(neighbourhood(), AS_OF, id="neighbourhood")]


@pytest.mark.parametrize(("portfolio", "day"), _shipped())
def test_the_shipped_portfolios_make_the_tables_pandas_infers(
    portfolio: Portfolio, day: pendulum.Date
) -> None:
    frames = to_frames(portfolio, as_of=day)
    for table in TABLE_COLUMNS:
        same(getattr(frames, table.name), oracle(table, portfolio, day))


def test_a_synthetic_national_portfolio_makes_the_tables_pandas_infers() -> None:
    portfolio = synthetic_portfolio(2_000)
    for day in (pendulum.Date(2023, 6, 1), pendulum.Date(2026, 1, 1)):
        frames = to_frames(portfolio, as_of=day)
        for table in TABLE_COLUMNS:
            same(getattr(frames, table.name), oracle(table, portfolio, day))


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_every_table_is_what_pandas_infers_from_its_values(portfolio: Portfolio, day) -> None:  # type: ignore[no-untyped-def]
    frames = to_frames(portfolio, as_of=day)
    for table in TABLE_COLUMNS:
        same(getattr(frames, table.name), oracle(table, portfolio, day))


def goals_follow_their_projection(portfolio: Portfolio, day: pendulum.Date) -> int:
    """Check each goal row against the model's projection; how many rows have one."""
    goals = to_frames(portfolio, as_of=day).goals
    seen = [(p.id, g) for p in portfolio.as_of(day).partnerships for g in p.goals]
    assert list(zip(goals["partnership"], goals["goal"], strict=True)) == [
        (p, g.id) for p, g in seen
    ]
    projected = 0
    for (_, goal), value, on_track in zip(seen, goals["projected"], goals["on_track"], strict=True):
        expected = None if goal.due is None else projection(goal.measurements, goal.due)
        reached = None if expected is None else goal.reached(expected)
        if expected is None:
            assert pd.isna(value)
        else:
            assert value == float(expected)
            projected += 1
        assert (on_track is pd.NA) if reached is None else (on_track == reached)
    return projected


def test_a_synthetic_national_portfolio_projects_its_goals() -> None:
    assert goals_follow_their_projection(synthetic_portfolio(2_000), pendulum.Date(2026, 1, 1))


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_a_goal_is_on_track_when_its_projection_reaches_the_target(  # type: ignore[no-untyped-def]
    portfolio: Portfolio, day
) -> None:
    goals_follow_their_projection(portfolio, day)


_DAYS = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(
    lambda d: pendulum.Date(d.year, d.month, d.day)
)
_APPROXIMATE = st.builds(Approximate, st.integers(1, 9999), st.none() | st.integers(1, 12))
_ABSENT = [None, UNKNOWN]
#: Each kind of column, with values it may hold besides the absent ones.
_COLUMNS: dict[object, tuple[st.SearchStrategy[object], list[object]]] = {
    pendulum.Date: (_DAYS | _APPROXIMATE, _ABSENT),
    Decimal: (st.decimals(allow_nan=False, allow_infinity=False, places=2), _ABSENT),
    int: (st.integers(-(2**40), 2**40), _ABSENT),
    bool: (st.booleans(), _ABSENT),
    MAYBE: (st.booleans(), [None]),
    CommitmentStatus: (st.sampled_from(list(CommitmentStatus)), _ABSENT),
    Sector: (st.sampled_from(list(Sector)), _ABSENT),
    PRECISIONS: (st.sampled_from(PRECISIONS), [None]),
    ("planned", "running", UNKNOWN.value): (st.sampled_from(["planned", "running"]), _ABSENT),
    None: (st.text(max_size=5), _ABSENT),
}


@pytest.mark.parametrize("kind", list(_COLUMNS), ids=str)
@given(data=st.data())
def test_a_column_of_any_kind_is_what_pandas_infers(data: st.DataObject, kind: object) -> None:
    present, absent = _COLUMNS[kind]
    values = data.draw(
        st.lists(present, max_size=30).flatmap(lambda v: st.permutations(v + absent))
    )
    types = {} if kind is None else {"c": kind}
    same(typed_frame(pd, {"c": values}, types), pd.DataFrame({"c": inferred(values, kind)}))
