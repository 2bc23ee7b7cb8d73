"""The command line in process: every subcommand, its output and its exit code."""

from __future__ import annotations

import json
import re
import runpy
import sys
from pathlib import Path

import attrs
import pendulum
import pytest

from samarbejde import cli, loads
from samarbejde.examples import AS_OF, text
from samarbejde.rules import RuleError, builtin_rules

LINTER = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d*) (?P<sev>\S+): "
)

UNKNOWN_MEMBER = """\
format: samarbejde/1
organisations:
  - {id: kommune, name: Kommunen, sector: municipality}
partnerships:
  - id: p
    name: P
    lifecycle:
      form: project
      term: {start: 2020-01-01, end: 2020-12-31}
      phases: [{phase: running, on: 2020-01-01}]
    members:
      - {organisation: ukendt, role: lead, joined: 2020-01-01}
"""


@pytest.fixture
def opdrift(tmp_path: Path) -> Path:
    path = tmp_path / "opdrift.yaml"
    path.write_text(text("opdrift"), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv), today=AS_OF)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_validate_prints_located_findings_in_linter_form(
    capsys: pytest.CaptureFixture[str], opdrift: Path
) -> None:
    code, out, _ = run(capsys, "validate", str(opdrift))
    findings = [LINTER.match(line) for line in out.splitlines()[:-1]]
    assert code == 0
    assert [m["code"] for m in findings if m] == ["C006", "T001"]
    assert all(m is not None and m["file"] == str(opdrift) for m in findings)
    assert out.splitlines()[-1] == "1 file(s): 0 error(s), 1 warning(s), 1 info."


def test_as_of_defaults_to_the_day_given_and_can_be_set(
    capsys: pytest.CaptureFixture[str], opdrift: Path
) -> None:
    _, later, _ = run(capsys, "validate", str(opdrift), "--as-of", "2026-11-27")
    _, default, _ = run(capsys, "validate", str(opdrift))
    assert "L005" in later
    assert "27 November 2026" in later
    assert "L005" not in default


def test_error_findings_exit_with_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(UNKNOWN_MEMBER, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert f"{path}:12:" in out
    assert "S001 error: Organisation ukendt" in out


def test_a_missing_file_exits_with_two_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.yaml"
    code, out, _ = run(capsys, "validate", str(missing))
    assert code == 2
    assert out.startswith(f"{missing}: LOAD error: cannot read the file")


def test_a_broken_file_gives_located_load_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, opdrift: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: samarbejde/1\norganisations:\n  - {id: X, name: 1}\n")
    code, out, _ = run(capsys, "validate", str(broken), str(opdrift))
    lines = out.splitlines()
    assert code == 2
    assert lines[0].startswith(f"{broken}:3:5: LOAD error: missing required key 'sector'")
    assert any(line.startswith(f"{opdrift}:") and "T001" in line for line in lines)


def test_json_output_parses_and_carries_every_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, opdrift: Path
) -> None:
    missing = tmp_path / "missing.yaml"
    code, out, _ = run(capsys, "validate", str(opdrift), str(missing), "--format", "json")
    document = json.loads(out)
    assert code == 2
    assert document["ok"] is False
    assert document["as_of"] == "2025-06-01"
    first, second = document["files"]
    assert [f["code"] for f in first["findings"]] == ["C006", "T001"]
    assert first["findings"][1]["line"] is not None
    assert second["loaded"] is False
    assert "cannot read" in second["problems"][0]["message"]


def test_danish_output_speaks_danish(capsys: pytest.CaptureFixture[str], opdrift: Path) -> None:
    _, out, _ = run(capsys, "validate", str(opdrift), "--lang", "da")
    assert "T001 advarsel: Forpligtelsen c-praktik fra Bryggens Erhverv" in out
    assert "C006 bemærkning:" in out
    assert "blev kun identificeret af kommunen." in out
    assert out.splitlines()[-1] == "1 fil(er): 0 fejl, 1 advarsel(er), 1 bemærkning(er)."


def test_select_ignore_and_profile_narrow_the_rules(
    capsys: pytest.CaptureFixture[str], opdrift: Path
) -> None:
    _, selected, _ = run(capsys, "validate", str(opdrift), "--select", "T,S")
    _, ignored, _ = run(capsys, "validate", str(opdrift), "--ignore", "T001", "--ignore", "C00")
    _, structure, _ = run(capsys, "validate", str(opdrift), "--profile", "structure")
    assert "T001" in selected
    assert "C006" not in selected
    assert "T001" not in ignored
    assert "C006" not in ignored
    assert "T001" not in structure
    assert "C006" not in structure


def test_unlocated_findings_name_their_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, opdrift: Path
) -> None:
    target = tmp_path / "opdrift.toml"
    assert cli.main(["convert", str(opdrift), str(target)]) == 0
    _, out, _ = run(capsys, "validate", str(target), "--select", "T001")
    assert out.startswith(f"{target}: T001 warning: ")
    assert "[partnerships[opdrift].commitments[c-praktik].status]" in out


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["validate"],
        ["validate", "x.yaml", "--as-of", "2025-13-01"],
        ["validate", "x.yaml", "--as-of", "2025-06-01T10:00:00"],
        ["validate", "x.yaml", "--as-of", "soon"],
        ["validate", "x.yaml", "--profile", "everything"],
        ["validate", "x.yaml", "--lang", "de"],
        ["frobnicate"],
    ],
)
def test_wrong_arguments_exit_with_two_and_show_usage(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "usage: samarbejde" in err
    assert "Traceback" not in err


def test_help_exits_with_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "validate" in out


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["$schema"].startswith("https://json-schema.org/")


def test_convert_writes_an_equal_document_in_another_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, opdrift: Path
) -> None:
    target = tmp_path / "opdrift.json"
    code, out, _ = run(capsys, "convert", str(opdrift), str(target))
    assert code == 0
    assert out == ""
    assert loads(target.read_text(encoding="utf-8"), "json") == loads(text("opdrift"), "yaml")


def test_convert_refuses_a_broken_source_and_an_unknown_target_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, opdrift: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("a: [\n")
    code, out, _ = run(capsys, "convert", str(broken), str(tmp_path / "x.json"))
    assert code == 2
    assert out.startswith(f"{broken}:2:1: LOAD error:")
    code, out, _ = run(capsys, "convert", str(opdrift), str(tmp_path / "x.txt"))
    assert code == 2
    assert "cannot tell the format" in out
    target = tmp_path / "no" / "dir" / "x.json"
    code, out, _ = run(capsys, "convert", str(opdrift), str(target))
    assert code == 2
    assert out.startswith(f"{target}: WRITE error: cannot write the file")


def test_rules_lists_the_catalogue_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "rules", "--lang", "da")
    listed = [line.split()[0] for line in out.splitlines()]
    assert code == 0
    assert listed == [r.code for r in builtin_rules()]
    assert "S001  fejl" in out
    _, structure, _ = run(capsys, "rules", "--profile", "structure")
    assert {line[0] for line in structure.splitlines()} == {"S"}
    _, markdown, _ = run(capsys, "rules", "--format", "markdown")
    assert "### M002 kind-outside-powers" in markdown


def test_example_lists_prints_and_refuses_unknown_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "example")
    assert (code, out.split()) == (0, ["lerbakke", "opdrift", "trappen"])
    code, out, _ = run(capsys, "example", "trappen")
    assert (code, out) == (0, text("trappen"))
    code, out, err = run(capsys, "example", "atlantis")
    assert (code, out) == (2, "")
    assert "no example 'atlantis'; there are: lerbakke, opdrift, trappen" in err


def test_a_broken_plugin_is_reported_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, opdrift: Path
) -> None:
    def broken() -> tuple[()]:
        raise RuleError("entry point 'x' (pkg:rules): boom")

    monkeypatch.setattr(cli._validate, "plugin_rules", broken)
    code, _, err = run(capsys, "validate", str(opdrift))
    assert code == 2
    assert err == "samarbejde: entry point 'x' (pkg:rules): boom\n"


def test_an_unexpected_failure_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> int:
        raise RuntimeError("kaput")

    failing = [attrs.evolve(c, run=fail) if c.name == "schema" else c for c in cli.COMMANDS]
    monkeypatch.setattr(cli, "COMMANDS", tuple(failing))
    code, _, err = run(capsys, "schema")
    assert code == 2
    assert err == "samarbejde: internal error (RuntimeError): kaput\n"


def test_without_a_day_given_the_command_uses_today_in_copenhagen(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, opdrift: Path
) -> None:
    seen: list[str] = []

    def today(zone: str) -> pendulum.DateTime:
        seen.append(zone)
        return pendulum.datetime(2030, 1, 1, tz=zone)

    monkeypatch.setattr(cli.pendulum, "today", today)
    code = cli.main(["validate", str(opdrift), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0
    assert seen == ["Europe/Copenhagen"]
    assert document["as_of"] == "2030-01-01"


class _ClosedPipe:
    """A stdout whose reader has gone away, backed by a real file descriptor."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("wb")

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self._file.close()


def test_a_reader_that_goes_away_ends_the_command_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pipe = _ClosedPipe(tmp_path / "out")
    monkeypatch.setattr(cli.sys, "stdout", pipe)
    try:
        code = cli.main(["rules"])
    finally:
        pipe.close()
    assert code == 0
    assert capsys.readouterr().err == ""


def test_python_dash_m_samarbejde_runs_the_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["samarbejde", "example"])
    with pytest.raises(SystemExit) as exit_:
        runpy.run_module("samarbejde", run_name="__main__")
    assert exit_.value.code == 0
    assert capsys.readouterr().out.split() == ["lerbakke", "opdrift", "trappen"]
