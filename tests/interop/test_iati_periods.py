"""IATI budgets read a funding's periods, and every joint funder takes part (D91)."""

from __future__ import annotations

from decimal import Decimal

import pendulum
from tests.interop.test_iati import _with_cvr
from tests.interop.test_iati_validator import _budgets, _funded, _tree

from samarbejde import Funding, FundingShare, Money, PeriodAmount, Term, examples
from samarbejde.interop import to_iati
from samarbejde.model import FundingKind

D = pendulum.Date


def test_a_funding_paid_by_period_gives_each_year_its_period_s_amount() -> None:
    """Unequal years (DKK 100, 300): not a total shared by days."""
    funder = _with_cvr("opdrift").organisations[0].id
    periods = (
        PeriodAmount(Term(D(2023, 1, 1), D(2023, 12, 31)), Money(Decimal(100))),
        PeriodAmount(Term(D(2024, 1, 1), D(2024, 12, 31)), Money(Decimal(300))),
    )
    funding = Funding(
        "f",
        funder,
        Money(Decimal(400)),
        Term(D(2023, 1, 1), D(2024, 12, 31)),
        FundingKind.OTHER,
        periods=periods,
    )
    assert _budgets(to_iati(_funded(funding), as_of=examples.AS_OF).document) == [
        ("2023-01-01", "2023-12-31", Decimal(100)),
        ("2024-01-01", "2024-12-31", Decimal(300)),
    ]


def test_every_joint_funder_is_a_funding_participant() -> None:
    portfolio = _with_cvr("opdrift")
    first, second = (o.id for o in portfolio.organisations[:2])
    funding = Funding(
        "f",
        first,
        Money(Decimal(400)),
        Term(D(2023, 1, 1), D(2024, 12, 31)),
        FundingKind.OTHER,
        shares=(FundingShare(first), FundingShare(second)),
    )
    tree = _tree(to_iati(_funded(funding), as_of=examples.AS_OF).document)
    funding_refs = {p.get("ref") for p in tree.iter("participating-org") if p.get("role") == "1"}
    cvr = {o.id: o.identifiers.cvr for o in portfolio.organisations}
    assert {f"DK-CVR-{cvr[first]}", f"DK-CVR-{cvr[second]}"} <= funding_refs
