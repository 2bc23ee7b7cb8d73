"""Standard input and output with ``-``; the summary counts files that did not load."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from samarbejde import cli, loads
from samarbejde.examples import AS_OF, load, text


class _Stdin(io.TextIOWrapper):
    """A text stream over bytes, as ``sys.stdin`` is (with a ``buffer``)."""


def feed(monkeypatch: pytest.MonkeyPatch, data: str) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(io.BytesIO(data.encode("utf-8")), encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv), today=AS_OF)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_convert_reads_stdin_and_writes_stdout_in_the_formats_given(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed(monkeypatch, text("opdrift"))
    code, out, _ = run(capsys, "convert", "-", "-", "--from", "yaml", "--to", "json")
    assert code == 0
    assert json.loads(out)["format"] == "samarbejde/1"
    assert loads(out, "json") == load("opdrift")


def test_convert_writes_a_file_in_the_format_given_whatever_its_suffix(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    feed(monkeypatch, text("opdrift"))
    target = tmp_path / "opdrift.txt"
    code, _, _ = run(capsys, "convert", "-", str(target), "--from", "yaml", "--to", "toml")
    assert code == 0
    assert loads(target.read_text(encoding="utf-8"), "toml") == load("opdrift")


@pytest.mark.parametrize(
    ("argv", "needs"),
    [
        (("convert", "-", "out.json"), "--from"),
        (("convert", "IN", "-"), "--to"),
    ],
)
def test_a_dash_without_its_format_exits_two_and_says_which_option(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: tuple[str, ...],
    needs: str,
) -> None:
    source = tmp_path / "opdrift.yaml"
    source.write_text(text("opdrift"), encoding="utf-8")
    feed(monkeypatch, text("opdrift"))
    code, out, _ = run(capsys, *(str(source) if a == "IN" else a for a in argv))
    assert code == 2
    assert out.startswith("-: ")
    assert needs in out


def test_validate_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed(monkeypatch, text("opdrift"))
    code, out, _ = run(capsys, "validate", "-", "--from", "yaml", "--format", "json")
    assert code in (0, 1)
    report = json.loads(out)
    assert report["files"][0]["file"] == "-"
    assert report["files"][0]["loaded"] is True


def test_the_summary_counts_the_files_that_did_not_load(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "opdrift.yaml"
    good.write_text(text("opdrift"), encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: samarbejde/1\norganisations: 5\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(good), str(broken), str(tmp_path / "none.yaml"))
    assert code == 2
    assert out.splitlines()[-1].startswith("3 file(s), 2 not loaded: ")
    code, out, _ = run(capsys, "validate", "--lang", "da", str(broken))
    assert out.splitlines()[-1].startswith("1 fil(er), 1 ikke indlæst: ")
    code, out, _ = run(capsys, "validate", str(good))
    assert "not loaded" not in out
