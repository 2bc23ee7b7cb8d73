"""An unknown early phase on every surface: formats, sheets, frames, report, rules, exports.

The Lerbakke example with its alliance's early history unknown, dated to the year it
began (``since: 2021``, ``{phase: unknown, on: 2021}``, design decision D112): each
surface says unknown, or leaves the phase out and says so, never an invented phase.
"""

from __future__ import annotations

import attrs
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    UNKNOWN,
    Approximate,
    PhaseChange,
    Portfolio,
    Severity,
    dumps,
    examples,
    loads,
    validate,
)
from samarbejde.analysis import Dimension, assess
from samarbejde.interop import InteropError, from_popolo, to_iati, to_org_jsonld, to_popolo
from samarbejde.report import html

AS_OF = D(2025, 6, 1)
YEAR = Approximate(2021)
_PID = "partnerships[hoeje-lerbakke]"
#: Real CVR numbers, one for each organisation: IATI needs a reporter with one.
_CVR = ("13585628", "10503280", "11975658", "25662202", "28107773", "29523215", "65070413")


def _early(base: Portfolio, *, later: bool) -> Portfolio:
    """``base`` with its partnership's first phase unknown (and its later ones or not)."""
    p = base.partnerships[0]
    rest = p.lifecycle.phases[1:] if later else ()
    lifecycle = attrs.evolve(p.lifecycle, since=YEAR, phases=(PhaseChange(UNKNOWN, YEAR), *rest))
    return attrs.evolve(base, partnerships=(attrs.evolve(p, lifecycle=lifecycle),))


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    return _early(examples.load("lerbakke"), later=True)


@pytest.fixture(scope="module")
def only_unknown() -> Portfolio:
    return _early(examples.load("lerbakke"), later=False)


def test_the_example_is_the_one_meant(portfolio: Portfolio) -> None:
    assert portfolio.partnerships[0].id == "hoeje-lerbakke"
    assert portfolio.partnerships[0].lifecycle.phases[1].on == D(2021, 9, 1)


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_every_format_writes_unknown_with_its_year_and_reads_it_back(
    portfolio: Portfolio, fmt: str
) -> None:
    text = dumps(portfolio, fmt)  # type: ignore[arg-type]
    assert loads(text, fmt) == portfolio  # type: ignore[arg-type]
    assert "unknown" in text


def test_the_workbook_reads_it_back(portfolio: Portfolio) -> None:
    sheets = pytest.importorskip("samarbejde.sheets")
    pytest.importorskip("openpyxl")
    assert sheets.loads_workbook(sheets.dumps_workbook(portfolio)) == portfolio


def test_the_frames_say_unknown_and_the_year(only_unknown: Portfolio) -> None:
    pytest.importorskip("pandas")
    from samarbejde.analysis.frames import to_frames  # noqa: PLC0415 - needs pandas

    frames = to_frames(only_unknown, as_of=AS_OF)
    assert list(frames.partnerships["phase"]) == ["unknown"]
    first = frames.phases.iloc[0]
    assert first["phase"] == "unknown"
    assert first["on_precision"] == "year"
    assert str(first["on"].date()) == "2021-01-01"


@pytest.mark.parametrize(("lang", "word"), [("da", "ukendt"), ("en", "unknown")])
def test_the_report_says_the_phase_is_unknown(
    only_unknown: Portfolio, lang: str, word: str
) -> None:
    assert word not in html(examples.load("lerbakke"), as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    assert word in html(only_unknown, as_of=AS_OF, lang=lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("later", [True, False])
def test_no_rule_raises_and_not_known_lists_the_phase_once(
    later: bool, portfolio: Portfolio, only_unknown: Portfolio
) -> None:
    report = validate(portfolio if later else only_unknown, as_of=AS_OF, profiles=("all",))
    assert not [f for f in report.findings if "internal error" in f.message]
    assert not [f for f in report.findings if f.severity is Severity.ERROR]
    (not_known,) = [f for f in report.findings if f.code == "S019"]
    assert [r.path for r in not_known.related] == [f"{_PID}.lifecycle.phases[0].phase"]


def test_maturity_leaves_early_involvement_not_assessed(portfolio: Portfolio) -> None:
    (before,) = assess(examples.load("lerbakke"), as_of=AS_OF)
    (after,) = assess(portfolio, as_of=AS_OF)
    assert before.score(Dimension.EARLY_INVOLVEMENT).assessed
    assert not after.score(Dimension.EARLY_INVOLVEMENT).assessed
    assert Dimension.EARLY_INVOLVEMENT in after.not_assessed


def test_popolo_writes_the_founding_year_and_reads_an_unknown_early_history(
    only_unknown: Portfolio,
) -> None:
    document = to_popolo(only_unknown).document
    (organisation,) = [o for o in document["organizations"] if "founding_date" in o]
    assert organisation["founding_date"] == "2021"
    (back,) = from_popolo(document).portfolio.partnerships
    assert back.lifecycle.since == YEAR
    assert back.lifecycle.phases == (PhaseChange(UNKNOWN, YEAR),)


def test_org_writes_the_founding_year_as_a_year(only_unknown: Portfolio) -> None:
    # ORG-AP-DK's schema:foundingDate must be an xsd:date: a year is a period's beginning
    text = str(to_org_jsonld(only_unknown).document)
    year = "{'@type': 'time:Instant', 'time:inXSDgYear': {'@value': '2021', '@type': 'xsd:gYear'}}"
    assert f"'dct:temporal': {{'@type': 'dct:PeriodOfTime', 'time:hasBeginning': {year}}}" in text
    assert "schema:foundingDate" not in text


def _with_cvr(portfolio: Portfolio) -> Portfolio:
    cvr = iter(_CVR)
    organisations = tuple(
        attrs.evolve(o, identifiers=attrs.evolve(o.identifiers, cvr=next(cvr)))
        for o in portfolio.organisations
    )
    return attrs.evolve(portfolio, organisations=organisations)


def test_iati_makes_no_activity_of_an_unknown_phase_and_says_so(only_unknown: Portfolio) -> None:
    # IATI's schema requires an activity-status and has no unknown one.
    with pytest.raises(InteropError) as raised:
        to_iati(_with_cvr(only_unknown), as_of=AS_OF)
    (omitted,) = [o for o in raised.value.omitted if o.path == _PID]
    assert "unknown" in omitted.reason


def test_iati_starts_the_activity_on_the_first_known_phase(portfolio: Portfolio) -> None:
    document = to_iati(_with_cvr(portfolio), as_of=AS_OF).document
    assert 'activity-status code="2"' in document
    assert 'type="2" iso-date="2021-09-01"' in document
