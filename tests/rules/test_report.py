"""Reports: stable order, counts, filters, JSON and a notebook table."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from samarbejde import Finding, Portfolio, Report, Severity, validate
from samarbejde import strategies as sst
from samarbejde.examples import AS_OF, load

F = Finding


def finding(code: str, severity: Severity, path: str, line: int | None = None) -> Finding:
    return F(code, severity, f"message of {code}", path, "x", line, None if line is None else 3)


def test_located_findings_come_first_by_line_the_others_keep_their_order() -> None:
    report = Report(
        findings=(
            finding("C001", Severity.WARNING, "b"),
            finding("S001", Severity.ERROR, "a"),
            finding("M001", Severity.WARNING, "z", line=9),
            finding("A001", Severity.INFO, "b"),
            finding("T001", Severity.WARNING, "z", line=2),
        )
    )
    assert [f.code for f in report] == ["T001", "M001", "C001", "S001", "A001"]
    assert [f.code for f in report.filter(severity="warning")] == ["T001", "M001", "C001"]
    assert len(report) == 5


def test_validate_gives_each_partnership_s_findings_by_path_in_portfolio_order() -> None:
    opdrift, trappen = load("opdrift"), load("trappen")
    both = Portfolio(
        organisations=(*trappen.organisations, *opdrift.organisations),
        areas=(*trappen.areas, *opdrift.areas),
        partnerships=(*trappen.partnerships, *opdrift.partnerships),
    )
    report = validate(both, as_of=AS_OF)
    assert [f.code for f in report] == ["P003", "P002", "P001", "C006", "T001"]
    assert [f.path for f in report][:3] == [
        "partnerships[trappen].funding[f-birkely].term",
        "partnerships[trappen].lifecycle.phases[3]",
        "partnerships[trappen].lifecycle.term",
    ]


def test_ok_means_no_error_and_counts_every_severity() -> None:
    warnings_only = Report(findings=(finding("C001", Severity.WARNING, "a"),))
    with_error = Report(findings=(finding("S001", Severity.ERROR, "a"),))
    assert warnings_only.ok
    assert not with_error.ok
    assert warnings_only.counts == {"error": 0, "warning": 1, "info": 0}


def test_filter_by_severity_and_code_prefix() -> None:
    report = validate(load("trappen"), as_of=AS_OF)
    assert report.filter(code="P00").codes == ("P001", "P002", "P003")
    assert report.filter(code="P002").codes == ("P002",)
    assert report.filter(severity="error").findings == ()
    assert report.filter(severity=Severity.WARNING, code="P").codes == ("P001", "P002", "P003")


def test_to_dict_is_json_ready() -> None:
    report = validate(load("opdrift"), as_of=AS_OF, lang="da")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["ok"] is True
    assert data["as_of"] == "2025-06-01"
    assert data["lang"] == "da"
    assert [f["code"] for f in data["findings"]] == ["C006", "T001"]
    assert data["findings"][1]["severity"] == "warning"
    assert data["counts"] == {"error": 0, "warning": 1, "info": 1}
    skipped = validate(load("opdrift")).to_dict()["skipped"]
    assert skipped == ["L005", "L011", "P004", "T001", "T002", "T003", "T004", "T005"]


def test_the_notebook_table_escapes_what_it_shows() -> None:
    hostile = F("X001", Severity.ERROR, "<script>alert(1)</script>", "a[<b>]", "s")
    html = Report(findings=(hostile,), lang="da")._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "a[&lt;b&gt;]" in html
    assert "<th>Kode</th>" in html
    assert "1 fejl" in html
    assert Report()._repr_html_().count("<tr>") == 1


def test_severities_have_danish_and_english_labels() -> None:
    assert [s.label("da") for s in Severity] == ["fejl", "advarsel", "bemærkning"]
    assert [s.label("en") for s in Severity] == ["error", "warning", "info"]
    assert str(Severity.ERROR) == "error"


@given(sst.portfolios(), st.data())
def test_filter_by_partnership_keeps_exactly_its_findings(
    portfolio: Portfolio, data: st.DataObject
) -> None:
    report = validate(portfolio, as_of=AS_OF)
    ids = [p.id for p in portfolio.partnerships]
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True) if ids else st.just([]))
    wanted = report.filter(partnership=chosen)
    assert wanted.findings == tuple(f for f in report.findings if f.partnership in chosen)
    for one in chosen:
        assert report.filter(partnership=one).findings == tuple(
            f for f in report.findings if f.partnership == one
        )
    split = sum(len(report.filter(partnership=p)) for p in ids)
    assert split == len([f for f in report.findings if f.partnership is not None])
