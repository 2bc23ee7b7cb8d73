"""An approximate date on every surface: formats, sheets, frames, report, rules, exports.

The Lerbakke example with its alliance's ``since`` known to the year (2020) and its
first member's ``joined`` to the month (January 2021): each surface shows the year or
month, never an invented day, and a full day stays as it was.
"""

from __future__ import annotations

import attrs
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    Approximate,
    Portfolio,
    Severity,
    dumps,
    examples,
    loads,
    validate,
)
from samarbejde.interop import from_popolo, to_iati, to_org_jsonld, to_popolo
from samarbejde.report import html

AS_OF = D(2025, 6, 1)
#: Real CVR numbers, one for each organisation: IATI needs a reporter with one.
_CVR = ("13585628", "10503280", "11975658", "25662202", "28107773", "29523215", "65070413")


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    base = examples.load("lerbakke")
    p = base.partnerships[0]
    first, *rest = p.members
    loose = attrs.evolve(
        p,
        lifecycle=attrs.evolve(p.lifecycle, since=Approximate(2020)),
        members=(attrs.evolve(first, joined=Approximate(2021, 1)), *rest),
    )
    return attrs.evolve(base, partnerships=(loose,))


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_every_format_writes_the_year_and_month_and_reads_them_back(
    portfolio: Portfolio, fmt: str
) -> None:
    text = dumps(portfolio, fmt)  # type: ignore[arg-type]
    assert loads(text, fmt) == portfolio  # type: ignore[arg-type]
    assert "2021-01-01" in text  # the other members' full days are unchanged
    assert any(
        line.strip().strip(",").endswith(("2021-01", "'2021-01'", '"2021-01"'))
        for line in text.replace(",", "\n").splitlines()
    )


def test_a_year_written_as_a_number_is_read_as_the_year(portfolio: Portfolio) -> None:
    text = dumps(portfolio, "yaml").replace("since: '2020'", "since: 2020")
    assert "since: 2020\n" in text
    assert loads(text, "yaml") == portfolio


def test_the_workbook_keeps_a_month_as_text_and_reads_it_back(portfolio: Portfolio) -> None:
    sheets = pytest.importorskip("samarbejde.sheets")
    pytest.importorskip("openpyxl")
    data = sheets.dumps_workbook(portfolio)
    assert sheets.loads_workbook(data) == portfolio


def test_the_frames_keep_the_first_day_and_say_the_precision(portfolio: Portfolio) -> None:
    pytest.importorskip("pandas")
    from samarbejde.analysis.frames import to_frames  # noqa: PLC0415 - needs pandas

    members = to_frames(portfolio, as_of=AS_OF).memberships
    first = members.iloc[0]
    assert str(first["joined"].date()) == "2021-01-01"
    assert first["joined_precision"] == "month"
    assert set(members["joined_precision"].iloc[1:]) == {"day"}


@pytest.mark.parametrize(("lang", "month"), [("da", "januar 2021"), ("en", "January 2021")])
def test_the_report_says_the_month_never_a_day(portfolio: Portfolio, lang: str, month: str) -> None:
    page = html(portfolio, as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    assert month in page


def test_no_rule_raises_and_the_findings_are_those_of_the_exact_dates(
    portfolio: Portfolio,
) -> None:
    loose = validate(portfolio, as_of=AS_OF)
    exact = validate(examples.load("lerbakke"), as_of=AS_OF)
    assert not [f for f in loose.findings if f.severity is Severity.ERROR]
    assert sorted(f.code for f in loose.findings) == sorted(f.code for f in exact.findings)


def test_popolo_writes_the_reduced_date_and_reads_it_back(portfolio: Portfolio) -> None:
    document = to_popolo(portfolio).document
    starts = [m["start_date"] for m in document["memberships"]]
    assert "2021-01" in starts
    back = from_popolo(document).portfolio
    assert Approximate(2021, 1) in [m.joined for p in back.partnerships for m in p.members]


def test_org_says_the_month_in_owl_time_and_that_its_prov_time_is_the_first_day(
    portfolio: Portfolio,
) -> None:
    export = to_org_jsonld(portfolio)
    text = str(export.document)
    assert "time:inXSDgYearMonth" in text
    assert "'@value': '2021-01', '@type': 'xsd:gYearMonth'" in text
    assert any(o.path.endswith(".joined") for o in export.omitted)


def test_iati_writes_the_first_day_of_an_approximate_start_and_says_so() -> None:
    base = examples.load("lerbakke")
    cvr = iter(_CVR)
    organisations = tuple(
        attrs.evolve(o, identifiers=attrs.evolve(o.identifiers, cvr=next(cvr)))
        for o in base.organisations
    )
    base = attrs.evolve(base, organisations=organisations)
    p = base.partnerships[0]
    exploring = attrs.evolve(p.lifecycle, phases=p.lifecycle.phases[:1])
    loose = attrs.evolve(
        base,
        partnerships=(attrs.evolve(p, lifecycle=attrs.evolve(exploring, since=Approximate(2020))),),
    )
    export = to_iati(loose, as_of=AS_OF)
    assert any(o.path.endswith("lifecycle.since") for o in export.omitted)
