"""``samarbejde export``: each target, to stdout or a file, omissions summarised on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from tests.interop.standards import iati_errors, org_graph, popolo_errors

from samarbejde import Portfolio, cli, dump, examples

CVR = ("13585628", "10503280", "11975658", "25662202", "28107773", "29523215", "65070413")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv), today=examples.AS_OF)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def opdrift(tmp_path: Path) -> Path:
    path = tmp_path / "opdrift.yaml"
    path.write_text(examples.text("opdrift"), encoding="utf-8")
    return path


@pytest.fixture
def with_cvr(tmp_path: Path) -> Path:
    portfolio = examples.load("opdrift")
    organisations = tuple(
        attrs.evolve(o, identifiers=attrs.evolve(o.identifiers, cvr=cvr))
        for o, cvr in zip(portfolio.organisations, CVR, strict=False)
    )
    path = tmp_path / "opdrift-cvr.json"
    dump(Portfolio(organisations, portfolio.areas, portfolio.partnerships), path)
    return path


def test_popolo_to_stdout_with_a_summary_on_stderr(
    capsys: pytest.CaptureFixture[str], opdrift: Path
) -> None:
    code, out, err = run(capsys, "export", str(opdrift), "--to", "popolo")
    assert code == 0
    assert popolo_errors(json.loads(out)) == []
    assert err.startswith("export to popolo: 25 item(s) left out:\n")  # interests too
    assert "Popolo has no mandates (partnerships[opdrift].members[" in err


def test_org_to_a_file(capsys: pytest.CaptureFixture[str], opdrift: Path, tmp_path: Path) -> None:
    target = tmp_path / "opdrift.jsonld"
    code, out, err = run(capsys, "export", str(opdrift), "--to", "org", "-o", str(target))
    assert (code, out) == (0, "")
    assert len(org_graph(json.loads(target.read_text(encoding="utf-8")))) > 20
    assert "ORG has no mandates" in err


def test_iati_judges_by_today_unless_told(
    capsys: pytest.CaptureFixture[str], with_cvr: Path
) -> None:
    code, out, _ = run(capsys, "export", str(with_cvr), "--to", "iati")
    assert code == 0
    assert iati_errors(out.encode()) == []
    code, out, err = run(capsys, "export", str(with_cvr), "--to", "iati", "--as-of", "2019-01-01")
    assert (code, out) == (2, "")
    assert "no partnership can be written as an IATI activity" in err
    assert "had not begun by 2019-01-01 (partnerships[opdrift])" in err


def test_as_of_applies_to_org_and_popolo_too(
    capsys: pytest.CaptureFixture[str], opdrift: Path
) -> None:
    code, out, _ = run(capsys, "export", str(opdrift), "--to", "popolo", "--as-of", "2019-01-01")
    assert code == 0
    assert not [o for o in json.loads(out)["organizations"] if o["id"].startswith("partnership/")]


def test_iati_without_cvr_numbers_says_why(
    capsys: pytest.CaptureFixture[str], opdrift: Path
) -> None:
    code, out, err = run(capsys, "export", str(opdrift), "--to", "iati")
    assert (code, out) == (2, "")
    assert "no participating organisation has a CVR number" in err
    assert "Traceback" not in err


def test_bad_input_and_arguments_exit_2(
    capsys: pytest.CaptureFixture[str], opdrift: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("a: [\n")
    code, out, err = run(capsys, "export", str(broken), "--to", "org")
    assert (code, out) == (2, "")
    assert err.startswith(f"{broken}:2:1: LOAD error:")
    code, _, err = run(capsys, "export", str(opdrift), "--to", "csv")
    assert code == 2
    assert "invalid choice" in err
    code, _, err = run(capsys, "export", str(opdrift), "--to", "org", "--as-of", "2025-13-01")
    assert code == 2
    code, _, err = run(
        capsys, "export", str(opdrift), "--to", "org", "-o", str(tmp_path / "no" / "x.jsonld")
    )
    assert code == 2
    assert "cannot write" in err


def test_the_exporters_need_no_optional_dependency() -> None:
    probe = (
        "import sys, samarbejde, samarbejde.interop, samarbejde.cli;"
        "print(sorted(m for m in ('lxml', 'rdflib', 'jsonschema') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_export_is_deterministic(capsys: pytest.CaptureFixture[str], opdrift: Path) -> None:
    first = run(capsys, "export", str(opdrift), "--to", "org")
    assert run(capsys, "export", str(opdrift), "--to", "org") == first
