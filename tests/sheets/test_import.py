"""Importing records: each added, replaced or unchanged, overwrites refused without --replace."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import cli, dump, examples, load
from samarbejde.documents import import_records
from samarbejde.model.errors import LoadError
from samarbejde.model.portfolio import Portfolio
from samarbejde.sheets import dump_workbook
from samarbejde.strategies import portfolios


@WHOLE_PORTFOLIOS
@given(portfolios())
def test_importing_a_portfolio_into_itself_changes_nothing(portfolio: Portfolio) -> None:
    imported, outcomes = import_records(portfolio, portfolio)
    assert imported == portfolio
    assert {outcome for _, outcome in outcomes} <= {"unchanged"}
    assert import_records(Portfolio(), portfolio)[0] == portfolio


def _changed(portfolio: Portfolio) -> Portfolio:
    first = attrs.evolve(portfolio.organisations[0], name="Et nyt navn")
    return attrs.evolve(portfolio, organisations=(first,), areas=(), partnerships=())


def test_a_different_record_is_refused_without_replace() -> None:
    opdrift = examples.load("opdrift")
    with pytest.raises(LoadError) as caught:
        import_records(opdrift, _changed(opdrift))
    assert [p.path for p in caught.value.problems] == [
        f"organisations[{opdrift.organisations[0].id}]"
    ]
    imported, outcomes = import_records(opdrift, _changed(opdrift), replace=True)
    assert outcomes == [(f"organisations[{opdrift.organisations[0].id}]", "replaced")]
    assert imported.organisations[0].name == "Et nyt navn"
    assert imported.organisations[1:] == opdrift.organisations[1:]


def test_the_import_command_says_what_became_of_each_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opdrift = examples.load("opdrift")
    base = tmp_path / "register.yaml"
    dump(attrs.evolve(opdrift, partnerships=()), base)
    sheet = tmp_path / "opdrift.xlsx"
    dump_workbook(attrs.evolve(opdrift, organisations=opdrift.organisations[:1]), sheet)
    assert cli.main(["import", str(sheet), "--into", str(base)]) == 0
    out = capsys.readouterr().out
    assert f"unchanged organisations[{opdrift.organisations[0].id}]" in out
    assert "added     partnerships[opdrift]" in out
    assert load(base) == opdrift

    changed = tmp_path / "changed.xlsx"
    dump_workbook(_changed(opdrift), changed)
    assert cli.main(["import", str(changed), "--into", str(base)]) != 0
    assert "IMPORT" in capsys.readouterr().out
    assert load(base) == opdrift  # nothing written
    assert cli.main(["import", str(changed), "--into", str(base), "--replace"]) == 0
    assert "replaced" in capsys.readouterr().out
    assert load(base).organisations[0].name == "Et nyt navn"
