from __future__ import annotations

import sys

import pandas as pd
import pytest
from hypothesis import given
from tests.analysis.generated import days
from tests.analysis.portfolios import AS_OF, D, neighbourhood
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Portfolio, examples
from samarbejde import strategies as sst
from samarbejde.analysis import MissingExtraError, overdue_commitments, records_frame
from samarbejde.analysis.frames import TABLES, to_frames, to_parquet


def model_counts(portfolio: Portfolio) -> dict[str, int]:
    parts = portfolio.partnerships
    return {
        "organisations": len(portfolio.organisations),
        "areas": len(portfolio.areas),
        "lists": len(portfolio.lists),
        "listings": sum(len(x.listings) for x in portfolio.lists),
        "partnerships": len(parts),
        "memberships": sum(len(p.members) for p in parts),
        "mandates": sum(len(m.mandates) for p in parts for m in p.members),
        "commitments": sum(len(p.commitments) for p in parts),
        "goals": sum(len(p.goals) for p in parts),
        "measurements": sum(len(g.measurements) for p in parts for g in p.goals),
        "funding": sum(len(p.funding) for p in parts),
        "phases": sum(len(lc.phases) for p in parts for lc in p.lifecycles),
        "funding_periods": sum(len(f.periods) for p in parts for f in p.funding),
        "funding_shares": sum(len(f.shares) for p in parts for f in p.funding),
        "periods": sum(len(p.periods) for p in parts),
    }


def row_counts(portfolio: Portfolio, day) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {name: len(frame) for name, frame in to_frames(portfolio, as_of=day).tables().items()}


def test_each_table_has_one_row_per_record_as_of_the_date() -> None:
    portfolio = neighbourhood()
    assert row_counts(portfolio, AS_OF) == model_counts(portfolio.as_of(AS_OF))
    assert row_counts(portfolio, AS_OF)["partnerships"] == 4  # one begins later


@pytest.mark.parametrize("name", examples.names())
def test_the_bundled_examples_make_tables_of_the_right_size(name: str) -> None:
    portfolio = examples.load(name)
    assert row_counts(portfolio, examples.AS_OF) == model_counts(portfolio.as_of(examples.AS_OF))


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_generated_portfolios_make_tables_of_the_right_size(portfolio: Portfolio, day) -> None:  # type: ignore[no-untyped-def]
    assert row_counts(portfolio, day) == model_counts(portfolio.as_of(day))


def test_enum_columns_are_categorical_with_every_value_and_dates_are_datetimes() -> None:
    frames = to_frames(neighbourhood(), as_of=AS_OF)
    commitments = frames.commitments
    assert isinstance(commitments["status"].dtype, pd.CategoricalDtype)
    assert "superseded" in commitments["status"].cat.categories
    assert isinstance(frames.organisations["sector"].dtype, pd.CategoricalDtype)
    assert isinstance(frames.funding["kind"].dtype, pd.CategoricalDtype)
    assert isinstance(frames.phases["phase"].dtype, pd.CategoricalDtype)
    for column in ("start", "end", "made_on", "status_on"):
        assert pd.api.types.is_datetime64_any_dtype(commitments[column])
    assert pd.api.types.is_datetime64_any_dtype(frames.memberships["joined"])
    assert frames.as_of == AS_OF


def test_commitments_carry_their_status_as_of_the_date() -> None:
    later = to_frames(neighbourhood(), as_of=AS_OF).commitments.set_index("commitment")
    earlier = to_frames(neighbourhood(), as_of=D(2023, 1, 10))
    assert later.loc["p-done", "status"] == "fulfilled"
    assert bool(later.loc["p-open", "overdue"])
    assert not bool(later.loc["p-done", "overdue"])
    before = earlier.commitments.set_index("commitment")
    assert before.loc["p-done", "status"] == "agreed"
    assert bool(before.loc["p-done", "overdue"])
    assert later.loc["a-staff", "end"] == pd.Timestamp("2026-12-31")
    assert pd.isna(later.loc["a-rooms", "end"])


def test_phases_say_until_when_each_phase_lasted() -> None:
    phases = to_frames(neighbourhood(), as_of=AS_OF).phases
    omstillet = phases[phases["partnership"] == "omstillet"]
    assert list(omstillet["form"]) == ["project", "project", "project", "strategic"]
    assert list(omstillet["phase"]) == ["running", "closing", "closed", "exploring"]
    assert list(omstillet["lifecycle"]) == [0, 0, 0, 1]
    assert omstillet["until"].isna().tolist() == [False, False, True, True]


def test_parquet_export_writes_one_file_per_table_that_reads_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    frames = to_frames(neighbourhood(), as_of=AS_OF)
    written = to_parquet(frames, tmp_path / "out")
    assert tuple(written) == TABLES
    for name, path in written.items():
        back = pd.read_parquet(path)
        assert len(back) == len(getattr(frames, name))
        assert list(back.columns) == list(getattr(frames, name).columns)
    back = pd.read_parquet(written["commitments"])
    assert isinstance(back["status"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(back["made_on"])


def test_without_pandas_the_error_names_the_frames_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'samarbejde\[frames\]'"):
        to_frames(neighbourhood(), as_of=AS_OF)


def test_without_pyarrow_parquet_export_names_the_frames_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    frames = to_frames(neighbourhood(), as_of=AS_OF)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match="frames"):
        to_parquet(frames, tmp_path)
    assert not list(tmp_path.iterdir())


def test_question_results_become_a_frame_with_a_row_per_record() -> None:
    overdue = overdue_commitments(neighbourhood(), as_of=AS_OF)
    frame = records_frame(overdue)
    assert len(frame) == len(overdue)
    assert list(frame.columns[:3]) == ["partnership", "commitment", "by"]
    assert list(frame["status"]) == [o.status.value for o in overdue]
    assert records_frame([]).empty
