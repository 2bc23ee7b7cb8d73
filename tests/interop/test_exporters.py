"""``EXPORTERS``: one record an exporter, read by ``samarbejde export`` for choices and dispatch."""

from __future__ import annotations

import inspect
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import attrs
import pendulum
import pytest
from tests.interop.test_iati import _with_cvr

from samarbejde import Organisation, Portfolio, cli, dump, examples, interop, load
from samarbejde.cli._export import EXPORT, export_command
from samarbejde.interop import EXPORTERS, Export, Exporter, Mapped, Omission, Omitted

DAY = pendulum.date(2019, 1, 1)


def test_every_export_function_of_interop_is_in_the_table() -> None:
    functions = {
        name
        for name in interop.__all__
        if name.startswith("to_") and inspect.isfunction(getattr(interop, name))
    }
    assert functions, "interop exports no to_* function"
    assert {e.function.__name__ for e in EXPORTERS} == functions
    assert all(getattr(interop, e.function.__name__) is e.function for e in EXPORTERS)


def test_names_and_suffixes_are_unique() -> None:
    assert len({e.name for e in EXPORTERS}) == len(EXPORTERS)
    assert len({e.suffix for e in EXPORTERS}) == len(EXPORTERS)
    assert all(e.suffix.startswith(".") for e in EXPORTERS)


@pytest.mark.parametrize("exporter", EXPORTERS, ids=lambda e: e.name)
def test_the_text_is_the_document_in_its_media_type(exporter: Exporter) -> None:
    portfolio = _with_cvr("opdrift")
    export = exporter.export(portfolio, as_of=examples.AS_OF)
    written = exporter.write(portfolio, as_of=examples.AS_OF)
    assert written.omitted == export.omitted
    if exporter.media_type.endswith("json"):
        assert json.loads(written.document) == export.document
        assert written.document.endswith("}\n")
    else:
        assert exporter.media_type == "application/xml"
        assert written.document == export.document
        assert ET.fromstring(written.document.encode()).tag == "iati-activities"


@pytest.mark.parametrize("exporter", EXPORTERS, ids=lambda e: e.name)
def test_as_of_is_passed_or_narrows_the_portfolio(exporter: Exporter) -> None:
    portfolio = _with_cvr("opdrift")
    if exporter.needs_as_of:
        day = examples.AS_OF
        assert exporter.export(portfolio, as_of=day) == exporter.function(portfolio, as_of=day)
        with pytest.raises(ValueError, match=f"the {exporter.name} exporter needs as_of"):
            exporter.export(portfolio)
    else:
        assert exporter.export(portfolio) == exporter.function(portfolio)
        assert exporter.export(portfolio, as_of=DAY) == exporter.function(portfolio.as_of(DAY))
        assert exporter.export(portfolio, as_of=DAY) != exporter.export(portfolio)


NAMES_FIELDS = {(Organisation, "name"): Mapped("[]"), (Organisation, "id"): Omitted("ids left")}


def names(portfolio: Portfolio) -> Export[list[str]]:
    """A made-up exporter: the organisations' names, leaving out their ids."""
    left_out = [Omission(f"organisations[{o.id}].id", "ids left") for o in portfolio.organisations]
    return Export([o.name for o in portfolio.organisations], tuple(left_out))


def export_with(monkeypatch: pytest.MonkeyPatch, exporters: Sequence[Exporter]) -> None:
    """Make ``samarbejde export`` offer ``exporters``, as it offers ``EXPORTERS``."""
    commands = [export_command(exporters) if c is EXPORT else c for c in cli.COMMANDS]
    monkeypatch.setattr(cli, "COMMANDS", tuple(commands))


def test_the_command_offers_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "{" + ",".join(e.name for e in EXPORTERS) + "}" in shown
    assert cli.main(["--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert all(e.title in shown for e in EXPORTERS)


@pytest.mark.parametrize("exporter", EXPORTERS, ids=lambda e: e.name)
def test_the_command_writes_what_the_exporter_writes(
    capsys: pytest.CaptureFixture[str], exporter: Exporter, tmp_path: Path
) -> None:
    source = tmp_path / "opdrift.json"
    dump(_with_cvr("opdrift"), source)
    day = examples.AS_OF
    assert cli.main(["export", str(source), "--to", exporter.name, "--as-of", str(day)]) == 0
    out, err = capsys.readouterr()
    written = exporter.write(load(source), as_of=day)
    assert out == written.document
    assert err == f"export to {exporter.name}: {interop.summary(written.omitted)}\n"


def test_an_exporter_added_to_the_table_is_offered_and_run_by_the_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    added = Exporter(
        "names", "a list of names (JSON)", names, False, "application/json", ".names", NAMES_FIELDS
    )
    export_with(monkeypatch, (*EXPORTERS, added))
    assert cli.main(["export", "--help"]) == 0
    shown = capsys.readouterr().out
    assert "{org,popolo,iati,names}" in shown
    assert cli.main(["--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "Popolo (JSON), IATI (XML) or a list of names (JSON)" in shown

    source = tmp_path / "opdrift.yaml"
    source.write_text(examples.text("opdrift"), encoding="utf-8")
    assert cli.main(["export", str(source), "--to", "names"]) == 0
    out, err = capsys.readouterr()
    portfolio = examples.load("opdrift")
    assert json.loads(out) == [o.name for o in portfolio.organisations]
    assert err.startswith(f"export to names: {len(portfolio.organisations)} item(s) left out:\n")


def test_the_help_names_each_exporter_and_which_need_a_day(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    export_with(monkeypatch, [attrs.evolve(e, needs_as_of=True) for e in EXPORTERS])
    assert cli.main(["export", "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "(org/popolo/iati default: today, Europe/Copenhagen)" in shown
