"""``samarbejde report``: one page for the documents given, Danish by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from samarbejde import cli, examples

EXAMPLES = Path(examples.__file__).parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_report_is_written_in_danish_for_every_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    files = [str(EXAMPLES / f"{n}.yaml") for n in ("lerbakke", "opdrift", "trappen")]
    code, out, err = run(
        capsys, "report", "--lang", "da", *files, "--as-of", "2025-06-01", "-o", str(target)
    )
    assert (code, out, err) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    assert '<html lang="da">' in text
    for file in files:
        assert f">{file}</a>" in text
    assert f"{files[1]}:197:" in text  # T001 of opdrift, with its file and line


def test_english_on_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "report", str(EXAMPLES / "trappen.yaml"), "--as-of", "2025-06-01", "--lang", "en"
    )
    assert code == 0
    assert out.startswith("<!doctype html>")
    assert "Partnership report" in out
    assert "funding cliff" in out


def test_a_file_that_does_not_load_writes_no_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: samarbejde/1\norganisations: [{id: x}]\n", encoding="utf-8")
    target = tmp_path / "report.html"
    code, out, err = run(
        capsys,
        "report",
        "--lang",
        "da",
        str(broken),
        str(tmp_path / "missing.yaml"),
        "--as-of",
        "2025-06-01",
        "-o",
        str(target),
    )
    assert code == 2
    assert out == ""
    assert f"{broken}:" in err
    assert "LOAD fejl" in err
    assert "missing.yaml: LOAD fejl: kan ikke læse filen" in err
    assert not target.exists()


def test_as_of_is_required_and_must_be_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--lang", "da", str(EXAMPLES / "opdrift.yaml"))
    assert code == 2
    assert "--as-of" in err
    code, _, err = run(
        capsys, "report", "--lang", "da", str(EXAMPLES / "opdrift.yaml"), "--as-of", "juni"
    )
    assert code == 2
    assert "not a date" in err


def test_an_unwritable_target_is_reported_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "report.html"
    code, _, err = run(
        capsys,
        "report",
        str(EXAMPLES / "opdrift.yaml"),
        "--as-of",
        "2025-06-01",
        "-o",
        str(target),
    )
    assert code == 2
    assert "cannot write the file" in err
    assert "Traceback" not in err


def test_overview_writes_a_folder_narrowed_to_a_region(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--overview -o DIR: index.html and a page per partnership shown; --region narrows."""
    files = [str(EXAMPLES / f"{n}.yaml") for n in ("lerbakke", "opdrift", "trappen")]
    folder = tmp_path / "rapport"
    code, out, err = run(
        capsys, "report", *files, "--merge", "--as-of", "2025-06-01", "--overview", "-o",
        str(folder), "--region", "Region Syddanmark", "--ignore", "T001",
    )  # fmt: skip
    assert (code, out, err) == (0, "", "")
    index = (folder / "index.html").read_text(encoding="utf-8")
    pages = sorted(p.name for p in (folder / "p").iterdir())
    assert pages == ["1.html"]  # Opdrift, the one partnership in Region Syddanmark
    opdrift = examples.load("opdrift").partnerships[0]
    assert f'href="p/1.html">{opdrift.name}</a>' in index
    assert "T001" not in (folder / "p" / "1.html").read_text(encoding="utf-8")


def test_overview_needs_one_portfolio_and_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(EXAMPLES / f"{n}.yaml") for n in ("lerbakke", "opdrift")]
    code, out, err = run(capsys, "report", *files, "--as-of", "2025-06-01", "--overview", "-o", "x")
    assert (code, out) == (2, "")
    assert "--overview" in err
    code, _, err = run(capsys, "report", files[0], "--as-of", "2025-06-01", "--overview")
    assert code == 2
    assert "-o" in err


def test_select_keeps_only_the_rules_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    file = str(EXAMPLES / "opdrift.yaml")
    code, every, _ = run(capsys, "report", file, "--as-of", "2025-06-01", "--lang", "en")
    assert code == 0
    assert "T001" in every
    code, chosen, _ = run(
        capsys, "report", file, "--as-of", "2025-06-01", "--lang", "en", "--select", "C"
    )
    assert code == 0
    assert "T001" not in chosen
