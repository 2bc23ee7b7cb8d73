from __future__ import annotations

from decimal import Decimal

import attrs
from tests.analysis.portfolios import AS_OF, D, alliance, commitment, neighbourhood, quantity

from samarbejde import (
    Commitment,
    CommitmentStatus,
    Money,
    Portfolio,
    Power,
    Sector,
    StatusChange,
    Unit,
)
from samarbejde.analysis import GapReason, mandate_coverage, member_load
from samarbejde.rules import COMMITMENT_POWERS


def test_member_load_counts_partnerships_commitments_and_mandates() -> None:
    load = {m.organisation: m for m in member_load(neighbourhood(), as_of=AS_OF)}
    forening = load["forening"]
    assert forening.partnerships == ("alliancen", "lektiecafe", "projektet")
    assert (forening.commitments, forening.open_commitments) == (2, 1)
    assert forening.sector is Sector.CIVIL_SOCIETY
    assert (load["kommune-social"].commitments, load["kommune-social"].mandates) == (2, 1)
    assert load["boligselskab"].partnerships == ("alliancen", "lektiecafe", "omstillet")


def test_member_load_puts_the_heaviest_first() -> None:
    order = [m.organisation for m in member_load(neighbourhood(), as_of=AS_OF)]
    assert order == [
        "forening",
        "kommune-social",
        "boligselskab",
        "kommune-skole",
        "beboere",
        "virksomhed",
    ]


def test_member_load_on_an_earlier_day_counts_only_what_was_made_by_then() -> None:
    load = {m.organisation: m for m in member_load(neighbourhood(), as_of=D(2019, 6, 1))}
    assert load["forening"].commitments == 0
    assert load["forening"].partnerships == ("alliancen", "projektet")


def test_an_organisation_outside_the_portfolio_has_no_sector() -> None:
    (only,) = member_load(Portfolio(partnerships=(alliance(),)), as_of=AS_OF)[:1]
    assert only.sector is None


def test_mandate_coverage_lists_what_no_mandate_covers_and_why() -> None:
    coverage = mandate_coverage(neighbourhood(), as_of=AS_OF)
    assert [(c.partnership, c.organisation, c.complete) for c in coverage] == [
        ("projektet", "forening", False),
        ("projektet", "kommune-skole", False),
        ("projektet", "kommune-social", False),
        ("alliancen", "boligselskab", True),
        ("alliancen", "kommune-social", True),
    ]
    forening, skole = coverage[0], coverage[1]
    assert [(g.commitment, g.reason) for g in forening.gaps] == [
        ("p-done", GapReason.NO_MANDATE),
        ("p-open", GapReason.NO_MANDATE),
    ]
    (gap,) = skole.gaps
    assert (gap.commitment, gap.reason, gap.mandate, gap.needs) == (
        "p-data",
        GapReason.NOT_IN_FORCE,
        "m-skole",
        Power.SHARE_DATA,
    )
    assert coverage[3].covered == ("a-rooms",)


def _alliance_with(*extra: Commitment) -> Portfolio:
    partnership = alliance()
    return Portfolio(
        partnerships=(attrs.evolve(partnership, commitments=(*partnership.commitments, *extra)),)
    )


def _gaps(portfolio: Portfolio) -> dict[str, GapReason]:
    return {
        g.commitment: g.reason for c in mandate_coverage(portfolio, as_of=AS_OF) for g in c.gaps
    }


def test_a_kind_outside_the_mandates_powers_is_a_gap() -> None:
    jobs = commitment("x-jobs", "kommune-social", kind="leisure_jobs", mandate="m-kommune")
    assert COMMITMENT_POWERS["leisure_jobs"] is Power.OFFER_JOBS
    assert _gaps(_alliance_with(jobs)) == {"x-jobs": GapReason.LACKS_POWER}


def test_a_mandate_held_by_another_member_is_a_gap() -> None:
    borrowed = commitment("x-borrowed", "boligselskab", mandate="m-kommune")
    assert _gaps(_alliance_with(borrowed)) == {"x-borrowed": GapReason.UNKNOWN_MANDATE}


def test_funding_above_the_ceiling_is_a_gap_for_every_commitment_under_it() -> None:
    money = [
        commitment(
            "x-1",
            "kommune-social",
            kind="funding",
            mandate="m-kommune",
            quantity=quantity("600000", Unit.DKK),
        ),
        commitment(
            "x-2",
            "kommune-social",
            kind="funding",
            mandate="m-kommune",
            quantity=quantity("600000", Unit.DKK),
        ),
    ]
    assert _gaps(_alliance_with(*money)) == {
        "x-1": GapReason.ABOVE_CEILING,
        "x-2": GapReason.ABOVE_CEILING,
    }


def test_withdrawn_funding_does_not_count_against_the_ceiling() -> None:
    withdrawn = (
        StatusChange(CommitmentStatus.PROPOSED, D(2021, 12, 1)),
        StatusChange(CommitmentStatus.WITHDRAWN, D(2022, 1, 1)),
    )
    money = [
        commitment(
            "x-1",
            "kommune-social",
            kind="funding",
            mandate="m-kommune",
            quantity=quantity("600000", Unit.DKK),
        ),
        commitment(
            "x-2",
            "kommune-social",
            kind="funding",
            mandate="m-kommune",
            quantity=quantity("600000", Unit.DKK),
            status=withdrawn,
        ),
    ]
    assert _gaps(_alliance_with(*money)) == {}


def test_gap_reasons_print_as_their_code() -> None:
    assert str(GapReason.LACKS_POWER) == "lacks_power"


def test_a_ceiling_in_another_currency_is_a_gap_not_a_silent_pass() -> None:
    money = commitment(
        "x-1",
        "kommune-social",
        kind="funding",
        mandate="m-kommune",
        quantity=quantity("10", Unit.DKK),
    )
    portfolio = _alliance_with(money)
    assert _gaps(portfolio) == {}
    (partnership,) = portfolio.partnerships
    (lead, *others) = partnership.members
    (mandate,) = lead.mandates
    in_euro = attrs.evolve(mandate, ceiling=Money(Decimal("1000000"), "EUR"))
    changed = attrs.evolve(partnership, members=(attrs.evolve(lead, mandates=(in_euro,)), *others))
    assert _gaps(Portfolio(partnerships=(changed,))) == {"x-1": GapReason.CEILING_NOT_COMPARABLE}
    assert str(GapReason.CEILING_NOT_COMPARABLE) == "ceiling_not_comparable"
