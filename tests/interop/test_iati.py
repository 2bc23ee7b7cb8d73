"""IATI 2.03: exports validate against the activities XSD, which behaves as upstream says."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given
from lxml import etree
from tests.interop.conftest import PATIENT, with_cvr_numbers
from tests.interop.standards import IATI, code_names, codes, iati_errors

from samarbejde import Portfolio, examples
from samarbejde import strategies as sst
from samarbejde.interop import (
    IATI_ACTIVITY_STATUS,
    IATI_ACTIVITY_STATUS_NAMES,
    IATI_ORGANISATION_ROLE_NAMES,
    IATI_ORGANISATION_ROLES,
    IATI_ORGANISATION_TYPE_NAMES,
    IATI_ORGANISATION_TYPES,
    REGISTRATION_AGENCY,
    InteropError,
    to_iati,
)
from samarbejde.model.iso import write_decimal

SCHEMAS = IATI / "schemas"
SHOULD_PASS = sorted((SCHEMAS / "should-pass" / "iati-activities").rglob("*.xml"))
SHOULD_FAIL = sorted((SCHEMAS / "should-fail" / "iati-activities").rglob("*.xml"))
#: Valid CVR numbers from python-stdnum's examples (../data/dk/cvr-test-vectors.csv);
#: they are checksums, not the real numbers of these organisations.
CVR = ("13585628", "10503280", "11975658", "25662202", "28107773", "29523215", "65070413")


def _ids(paths: list[object]) -> list[str]:
    return [str(p).split("iati-activities/")[1] for p in paths]


# -- the validator itself ----------------------------------------------------------------


def test_upstream_has_files_of_both_kinds() -> None:
    assert len(SHOULD_PASS) > 20
    assert len(SHOULD_FAIL) > 90


@pytest.mark.parametrize("path", SHOULD_PASS, ids=_ids(SHOULD_PASS))
def test_upstream_should_pass_files_pass(path: object) -> None:
    assert iati_errors(path.read_bytes()) == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", SHOULD_FAIL, ids=_ids(SHOULD_FAIL))
def test_upstream_should_fail_files_fail(path: object) -> None:
    assert iati_errors(path.read_bytes()) != []  # type: ignore[attr-defined]


# -- the tables against the code lists ----------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "codelist"),
    [
        (IATI_ORGANISATION_ROLE_NAMES, "OrganisationRole"),
        (IATI_ACTIVITY_STATUS_NAMES, "ActivityStatus"),
        (IATI_ORGANISATION_TYPE_NAMES, "OrganisationType"),
    ],
)
def test_the_tables_name_codes_as_the_code_lists_do(names: dict[str, str], codelist: str) -> None:
    listed = code_names(codelist)
    assert {code: listed[code] for code in names} == dict(names)


def test_every_mapped_code_is_on_its_code_list() -> None:
    assert {c for c in IATI_ORGANISATION_ROLES.values() if c} <= codes("OrganisationRole")
    assert set(IATI_ACTIVITY_STATUS.values()) <= codes("ActivityStatus")
    assert set(IATI_ORGANISATION_TYPES.values()) <= codes("OrganisationType")
    assert REGISTRATION_AGENCY in codes("OrganisationRegistrationAgency")


def test_every_code_written_is_on_its_code_list() -> None:
    tree = etree.fromstring(to_iati(_with_cvr("opdrift"), as_of=examples.AS_OF).document.encode())
    pairs = {
        "activity-date": ("type", "ActivityDateType"),
        "budget": ("status", "BudgetStatus"),
        "result": ("type", "ResultType"),
        "indicator": ("measure", "IndicatorMeasure"),
        "related-activity": ("type", "RelatedActivityType"),
    }
    for tag, (attribute, codelist) in pairs.items():
        for element in tree.iter(tag):
            assert element.get(attribute) in codes(codelist), (tag, element.get(attribute))
    for element in tree.iter("budget"):
        assert element.get("type") in codes("BudgetType")


# -- exports -------------------------------------------------------------------------------


def _with_cvr(name: str) -> Portfolio:
    portfolio = examples.load(name)
    organisations = tuple(
        attrs.evolve(o, identifiers=attrs.evolve(o.identifiers, cvr=cvr))
        for o, cvr in zip(portfolio.organisations, CVR * 3, strict=False)
    )
    return Portfolio(organisations, portfolio.areas, portfolio.partnerships)


@pytest.mark.parametrize("name", examples.names())
def test_bundled_examples_without_cvr_numbers_cannot_be_reported(name: str) -> None:
    # No organisation in the examples has a CVR number, so none can be a reporting-org.
    with pytest.raises(InteropError) as raised:
        to_iati(examples.load(name), as_of=examples.AS_OF)
    assert any("CVR" in o.reason for o in raised.value.omitted)


@pytest.mark.parametrize("name", examples.names())
def test_bundled_examples_with_cvr_numbers_export_valid_iati(name: str) -> None:
    export = to_iati(_with_cvr(name), as_of=examples.AS_OF)
    assert iati_errors(export.document.encode()) == []
    assert export.omitted


def test_an_activity_says_what_iati_can() -> None:
    portfolio = _with_cvr("opdrift")
    tree = etree.fromstring(to_iati(portfolio, as_of=examples.AS_OF).document.encode())
    (activity,) = tree.iter("iati-activity")
    assert tree.get("version") == "2.03"
    lead = next(m for m in portfolio.partnership("opdrift").members if m.role == "lead")
    reporter = portfolio.organisation(lead.organisation)
    assert activity.findtext("iati-identifier") == f"DK-CVR-{reporter.identifiers.cvr}-opdrift"
    assert activity.find("reporting-org").get("ref") == f"DK-CVR-{reporter.identifiers.cvr}"
    roles = {(p.get("ref"), p.get("role")) for p in activity.iter("participating-org")}
    assert (f"DK-CVR-{reporter.identifiers.cvr}", "2") in roles
    phase = portfolio.as_of(examples.AS_OF).partnership("opdrift").lifecycle.phase
    assert activity.find("activity-status").get("code") == IATI_ACTIVITY_STATUS[phase]
    # It began on 2019-09-01 exploring (the pipeline) and started operating on 2020-09-01.
    assert activity.find("activity-date[@type='2']").get("iso-date") == "2020-09-01"
    assert activity.find("location/name/narrative").text == "Ørnereden"
    goals = portfolio.partnership("opdrift").goals
    assert len(activity.findall("result")) == len(goals)
    with_target = next(g for g in goals if g.target is not None and g.due is not None)
    result = next(
        r for r in activity.iter("result") if r.findtext("title/narrative") == with_target.title
    )
    assert result.find("indicator/period/target").get("value") == write_decimal(with_target.target)
    assert result.find("indicator/period/period-end").get("iso-date") == with_target.due.isoformat()


def test_a_project_owner_and_funders_take_part() -> None:
    portfolio = _with_cvr("trappen")
    tree = etree.fromstring(to_iati(portfolio, as_of=examples.AS_OF).document.encode())
    roles = [p.get("role") for p in tree.iter("participating-org")]
    assert "1" in roles  # a funder
    assert tree.find(".//activity-date[@type='1']") is not None  # a project's planned start
    assert tree.find(".//budget/value").get("currency") == "DKK"


def test_partnerships_not_begun_are_left_out_and_reported() -> None:
    portfolio = _with_cvr("opdrift")
    with pytest.raises(InteropError) as raised:
        to_iati(portfolio, as_of=pendulum.Date(2000, 1, 1))
    assert raised.value.omitted[0].path == "partnerships[opdrift]"
    assert "had not begun" in raised.value.omitted[0].reason


def test_unmapped_roles_and_unknown_members_are_reported() -> None:
    portfolio = _with_cvr("opdrift")
    partnership = portfolio.partnership("opdrift")
    members = (
        *partnership.members[:1],
        attrs.evolve(partnership.members[1], role="observer"),
        attrs.evolve(partnership.members[2], organisation="nobody"),
    )
    changed = Portfolio(
        portfolio.organisations, portfolio.areas, (attrs.evolve(partnership, members=members),)
    )
    export = to_iati(changed, as_of=examples.AS_OF)
    assert iati_errors(export.document.encode()) == []
    reasons = {o.path: o.reason for o in export.omitted}
    assert (
        "no organisation role for 'observer'"
        in reasons[f"partnerships[opdrift].members[{members[1].organisation}].role"]
    )
    assert "not an organisation" in reasons["partnerships[opdrift].members[nobody]"]


def _export(portfolio: Portfolio) -> tuple[str | None, dict[str, str]]:
    """The XML, or ``None`` when nothing could be written, and the omissions by path."""
    try:
        export = to_iati(portfolio, as_of=examples.AS_OF)
    except InteropError as error:
        return None, {o.path: o.reason for o in error.omitted}
    return export.document, {o.path: o.reason for o in export.omitted}


@PATIENT
@given(sst.portfolios(as_of=examples.AS_OF))
def test_generated_portfolios_export_valid_iati_or_say_why_not(portfolio: Portfolio) -> None:
    document, omitted = _export(portfolio)
    if document is None:  # then every partnership says why it is not an activity
        assert all(f"partnerships[{p.id}]" in omitted for p in portfolio.partnerships)
    else:
        assert iati_errors(document.encode()) == []


@PATIENT
@given(with_cvr_numbers(sst.portfolios(as_of=examples.AS_OF)))
def test_generated_portfolios_with_cvr_numbers_export_one_valid_activity_each(
    portfolio: Portfolio,
) -> None:
    document, omitted = _export(portfolio)
    written = []
    if document is not None:
        assert iati_errors(document.encode()) == []
        tree = etree.fromstring(document.encode())
        written = [a.findtext("iati-identifier")[len("DK-CVR-12345678-") :] for a in tree]
    ids = [p.id for p in portfolio.partnerships]
    assert written == [i for i in ids if f"partnerships[{i}]" not in omitted]
    for ident in set(ids) - set(written):  # every organisation has a CVR number, so only
        assert omitted[f"partnerships[{ident}]"] in (  # who takes part can leave one out
            "no member plays an IATI organisation role",
            "the phase is unknown, and an IATI activity needs an activity-status (IATI has no"
            " unknown status), so the partnership is no activity",  # D112
            "no participating organisation has a CVR number (members who left do not count),"
            " so there is no reporting organisation identifier",
        )
