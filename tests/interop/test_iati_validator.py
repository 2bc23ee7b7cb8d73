"""IATI exports pass every error-level rule of IATI's Standard Ruleset, as the Validator runs it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given
from lxml import etree
from tests.interop.conftest import VALIDATED, with_cvr_numbers
from tests.interop.iati_rules import errors
from tests.interop.standards import iati_errors
from tests.interop.test_iati import CVR, _with_cvr

from samarbejde import Funding, Money, PhaseChange, Portfolio, Term, examples
from samarbejde import strategies as sst
from samarbejde.interop import IATI_ORGANISATION_ROLES, IatiSector, InteropError, to_iati
from samarbejde.model import FundingKind, Goal, ProjectPhase


def _now(day: pendulum.Date) -> dt.datetime:
    """The Validator's clock for a file published on ``day``: its end."""
    return dt.datetime(day.year, day.month, day.day, 23, 59, 59)


def _tree(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode())


@pytest.mark.parametrize("name", examples.names())
def test_bundled_examples_pass_the_ruleset_errors(name: str) -> None:
    export = to_iati(_with_cvr(name), as_of=examples.AS_OF)
    assert [str(e) for e in errors(export.document.encode(), now=_now(examples.AS_OF))] == []
    assert iati_errors(export.document.encode()) == []


@VALIDATED
@given(
    with_cvr_numbers(sst.portfolios()),
    sst.dates(pendulum.Date(2018, 1, 1), pendulum.Date(2035, 12, 31)),
)
def test_generated_portfolios_pass_the_ruleset_errors(
    portfolio: Portfolio, as_of: pendulum.Date
) -> None:
    try:
        export = to_iati(portfolio, as_of=as_of)
    except InteropError:
        return  # no activity at all: the other tests say why
    document = export.document.encode()
    assert [str(e) for e in errors(document, now=_now(as_of))] == []
    assert iati_errors(document) == []


# -- what the rules ask, one by one ---------------------------------------------------------


def test_every_activity_has_the_sector_the_caller_sets() -> None:
    portfolio = _with_cvr("opdrift")
    default = _tree(to_iati(portfolio, as_of=examples.AS_OF).document)
    assert [(s.get("vocabulary"), s.get("code")) for s in default.iter("sector")] == [
        ("1", "16010")
    ]
    own = IatiSector("boligsocial", vocabulary="99", narrative="Boligsocialt arbejde")
    tree = _tree(to_iati(portfolio, as_of=examples.AS_OF, sector=own).document)
    (sector,) = tree.iter("sector")
    assert (sector.get("vocabulary"), sector.get("code")) == ("99", "boligsocial")
    assert sector.findtext("narrative") == "Boligsocialt arbejde"


@pytest.mark.parametrize(
    ("code", "vocabulary", "narrative"),
    [
        ("160", "1", None),
        ("x", "99", None),
        ("1", "2", "n"),
        ("a b", "99", "n"),
        ("\x01", "98", "n"),
    ],
)
def test_a_sector_iati_refuses_is_refused(code: str, vocabulary: str, narrative: str) -> None:
    with pytest.raises(ValueError, match="sector"):
        IatiSector(code, vocabulary=vocabulary, narrative=narrative)


def _funded(*fundings: Funding) -> Portfolio:
    portfolio = _with_cvr("opdrift")
    partnership = attrs.evolve(portfolio.partnership("opdrift"), funding=fundings)
    return Portfolio(portfolio.organisations, portfolio.areas, (partnership,))


def _budgets(xml: str) -> list[tuple[str, str, Decimal]]:
    return [
        (
            b.find("period-start").get("iso-date"),
            b.find("period-end").get("iso-date"),
            Decimal(b.findtext("value")),
        )
        for b in _tree(xml).iter("budget")
    ]


def test_a_funding_term_becomes_one_budget_per_year_summing_to_its_amount() -> None:
    funder = _with_cvr("opdrift").organisations[0].id
    term = Term(pendulum.Date(2022, 7, 1), pendulum.Date(2025, 6, 30))
    portfolio = _funded(Funding("f", funder, Money(Decimal("3000000")), term, FundingKind.OTHER))
    budgets = _budgets(to_iati(portfolio, as_of=examples.AS_OF).document)
    assert [(a, b) for a, b, _ in budgets] == [
        ("2022-07-01", "2022-12-31"),
        ("2023-01-01", "2023-12-31"),
        ("2024-01-01", "2024-12-31"),
        ("2025-01-01", "2025-06-30"),
    ]
    assert sum(v for _, _, v in budgets) == Decimal("3000000")
    financial = _budgets(to_iati(portfolio, as_of=examples.AS_OF, year_starts=7).document)
    assert financial[0][:2] == ("2022-07-01", "2023-06-30")
    assert len(financial) == 3


def test_overlapping_funding_is_summed_per_year_so_no_budgets_overlap() -> None:
    funder = _with_cvr("opdrift").organisations[0].id
    year = Term(pendulum.Date(2023, 1, 1), pendulum.Date(2023, 12, 31))
    portfolio = _funded(
        Funding("a", funder, Money(Decimal("100")), year, FundingKind.OTHER),
        Funding("b", funder, Money(Decimal("50")), year, FundingKind.OTHER),
    )
    assert _budgets(to_iati(portfolio, as_of=examples.AS_OF).document) == [
        ("2023-01-01", "2023-12-31", Decimal("150"))
    ]


def test_members_who_left_take_no_part_and_never_report() -> None:
    portfolio = _with_cvr("opdrift")
    partnership = portfolio.partnership("opdrift")
    lead = next(m for m in partnership.members if m.role == "lead")
    gone = attrs.evolve(lead, left=examples.AS_OF.subtract(days=1))
    members = tuple(gone if m is lead else m for m in partnership.members)
    changed = Portfolio(
        portfolio.organisations, portfolio.areas, (attrs.evolve(partnership, members=members),)
    )
    export = to_iati(changed, as_of=examples.AS_OF)
    tree = _tree(export.document)
    ref = f"DK-CVR-{portfolio.organisation(lead.organisation).identifiers.cvr}"
    assert tree.find(".//reporting-org").get("ref") != ref
    # It funds the partnership still (a funding record), but is no longer accountable.
    assert (ref, "2") not in {(p.get("ref"), p.get("role")) for p in tree.iter("participating-org")}
    reasons = {o.path: o.reason for o in export.omitted}
    assert "had left" in reasons[f"partnerships[opdrift].members[{lead.organisation}]"]


def test_a_fixed_reporter_keeps_the_identifier_and_an_earlier_one_is_kept() -> None:
    portfolio = _with_cvr("opdrift")
    other = portfolio.organisations[-1]
    export = to_iati(portfolio, as_of=examples.AS_OF, reporter=other.id)
    tree = _tree(export.document)
    assert tree.findtext(".//iati-identifier") == f"DK-CVR-{other.identifiers.cvr}-opdrift"
    earlier = f"DK-CVR-{CVR[-1]}-opdrift"
    tree = _tree(
        to_iati(
            portfolio, as_of=examples.AS_OF, reporter=other.id, identifiers={"opdrift": earlier}
        ).document
    )
    assert tree.findtext(".//iati-identifier") == earlier
    assert [(o.get("ref"), o.get("type")) for o in tree.iter("other-identifier")] == [
        (f"DK-CVR-{CVR[-1]}", "B1")
    ]
    with pytest.raises(InteropError, match="reporter"):
        to_iati(portfolio, as_of=examples.AS_OF, reporter="nobody")
    with pytest.raises(ValueError, match="identifier"):
        to_iati(portfolio, as_of=examples.AS_OF, identifiers={"opdrift": "DK-CVR-1/x"})


def test_the_identifier_does_not_follow_the_members_when_the_reporter_is_fixed() -> None:
    portfolio = _with_cvr("opdrift")
    lead = portfolio.organisations[0]
    before = _tree(to_iati(portfolio, as_of=examples.AS_OF, reporter=lead.id).document)
    without = tuple(
        attrs.evolve(o, identifiers=attrs.evolve(o.identifiers, cvr=None)) if o is not lead else o
        for o in portfolio.organisations
    )
    after = _tree(
        to_iati(
            Portfolio(without, portfolio.areas, portfolio.partnerships),
            as_of=examples.AS_OF,
            reporter=lead.id,
        ).document
    )
    assert before.findtext(".//iati-identifier") == after.findtext(".//iati-identifier")


def _with_goal(goal: Goal) -> Portfolio:
    portfolio = _with_cvr("opdrift")
    partnership = attrs.evolve(portfolio.partnership("opdrift"), goals=(goal,))
    return Portfolio(portfolio.organisations, portfolio.areas, (partnership,))


def test_a_percentage_indicator_falling_to_its_target_says_so() -> None:
    goal = Goal(
        "g", "Færre ledige", indicator="Ledighed (%)", baseline=Decimal("12"),
        target=Decimal("8"), due=pendulum.Date(2026, 12, 31),
    )  # fmt: skip
    indicator = _tree(to_iati(_with_goal(goal), as_of=examples.AS_OF).document).find(".//indicator")
    assert (indicator.get("measure"), indicator.get("ascending")) == ("2", "0")
    rising = attrs.evolve(goal, indicator="Antal med fritidsjob", target=Decimal("20"))
    indicator = _tree(to_iati(_with_goal(rising), as_of=examples.AS_OF).document).find(
        ".//indicator"
    )
    assert (indicator.get("measure"), indicator.get("ascending")) == ("1", None)
    reference = _tree(to_iati(_with_goal(goal), as_of=examples.AS_OF).document).find(
        ".//result/reference"
    )
    assert (reference.get("vocabulary"), reference.get("code")) == ("99", "g")


def test_an_activity_in_the_pipeline_has_no_actual_start() -> None:
    portfolio = _with_cvr("trappen")
    partnership = portfolio.partnerships[0]
    lifecycle = partnership.lifecycle
    planned = attrs.evolve(
        lifecycle, phases=(PhaseChange(ProjectPhase.PLANNED, lifecycle.phases[0].on),)
    )
    changed = Portfolio(
        portfolio.organisations,
        portfolio.areas,
        (attrs.evolve(partnership, lifecycle=planned, earlier=()),),
    )
    tree = _tree(to_iati(changed, as_of=examples.AS_OF).document)
    assert tree.find(".//activity-status").get("code") == "1"
    assert tree.find(".//activity-date[@type='2']") is None
    assert tree.find(".//activity-date[@type='1']") is not None


def test_children_say_their_level_and_the_file_its_day() -> None:
    portfolio = _with_cvr("trappen")
    project = portfolio.partnerships[0]
    strategic = attrs.evolve(_with_cvr("opdrift").partnership("opdrift"), members=project.members)
    child = attrs.evolve(project, parent="opdrift")
    opdrift = _with_cvr("opdrift")
    changed = Portfolio(
        portfolio.organisations + opdrift.organisations,
        portfolio.areas + opdrift.areas,
        (strategic, child),
    )
    tree = _tree(to_iati(changed, as_of=examples.AS_OF).document)
    assert {a.findtext("iati-identifier")[-7:]: a.get("hierarchy") for a in tree} == {
        "opdrift": "1",
        "trappen": "2",
    }
    assert tree.get("generated-datetime") == f"{examples.AS_OF}T00:00:00Z"
    assert {a.get("last-updated-datetime") for a in tree} == {f"{examples.AS_OF}T00:00:00Z"}


@pytest.mark.parametrize("bad", ["\x01", "\x1f", "\ufffe", "\uffff"])
def test_a_name_xml_cannot_carry_is_replaced_and_reported(bad: str) -> None:
    portfolio = _with_cvr("opdrift")
    partnership = attrs.evolve(portfolio.partnership("opdrift"), name=f"Med{bad}vind")
    changed = Portfolio(portfolio.organisations, portfolio.areas, (partnership,))
    export = to_iati(changed, as_of=examples.AS_OF)
    assert _tree(export.document).findtext(".//title/narrative") == "Med\ufffdvind"
    assert any(
        o.path == "partnerships[opdrift].name" and "U+FFFD" in o.reason for o in export.omitted
    )


def _participants(portfolio: Portfolio, omitted: set[str]) -> set[str]:
    """Who takes part in an activity written: owners, funders, current members in a role."""
    written: set[str] = set()
    for partnership in portfolio.as_of(examples.AS_OF).partnerships:
        if f"partnerships[{partnership.id}]" not in omitted:
            owner = getattr(partnership.lifecycle, "owner", None)
            written |= {owner} if owner else set()
            written |= {f.funder for f in partnership.funding}
            written |= {
                m.organisation
                for m in partnership.members_on(examples.AS_OF)
                if IATI_ORGANISATION_ROLES.get(m.role)
            }
    return written


@VALIDATED
@given(with_cvr_numbers(sst.portfolios(as_of=examples.AS_OF)))
def test_what_a_written_participant_says_is_written_or_reported(portfolio: Portfolio) -> None:
    try:
        export = to_iati(portfolio, as_of=examples.AS_OF)
    except InteropError:
        return
    paths = {o.path for o in export.omitted}
    written = _participants(portfolio, paths)
    for org in portfolio.organisations:
        if org.id not in written:
            continue
        for name in ("parent", "remit", "entry_points"):
            if getattr(org, name):
                assert f"organisations[{org.id}].{name}" in paths
        if org.identifiers.kommunekode is not None:
            assert f"organisations[{org.id}].identifiers.kommunekode" in paths
    for partnership in portfolio.as_of(examples.AS_OF).partnerships:
        if f"partnerships[{partnership.id}]" in paths:
            continue  # left out whole, and said so
        for member in partnership.members:
            where = f"partnerships[{partnership.id}].members[{member.organisation}]"
            if where in paths:
                continue  # a member who left, or no organisation
            for name in ("representative", "mandates", "interests"):
                if getattr(member, name):
                    assert f"{where}.{name}" in paths
