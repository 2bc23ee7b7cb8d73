from __future__ import annotations

from decimal import Decimal

import attrs
from tests.analysis.portfolios import AS_OF, D, alliance, child, neighbourhood, project

from samarbejde import (
    CommitmentStatus,
    Funding,
    FundingKind,
    Money,
    Portfolio,
    Quantity,
    StrategicPhase,
    Term,
    Unit,
    testing,
)
from samarbejde.analysis import (
    Continuation,
    funding_cliffs,
    funding_ends,
    funding_timeline,
    lifecycle_until,
)


def test_the_timeline_lists_every_funding_of_partnerships_begun_by_the_date() -> None:
    timeline = funding_timeline(neighbourhood(), as_of=AS_OF)
    assert [(f.partnership, f.funding) for f in timeline] == [
        ("alliancen", "f-fond"),
        ("alliancen", "f-kommune"),
        ("projektet", "f-1"),
        ("omstillet", "f-start"),
        ("lektiecafe", "f-cafe"),
        ("projektet", "f-2"),
    ]
    fond = timeline[0]
    assert (fond.funder, fond.kind, fond.amount) == (
        "fond",
        FundingKind.FOUNDATION_GRANT,
        Money(Decimal("900000")),
    )
    assert timeline[1].end is None


def test_each_funding_end_says_what_follows_it() -> None:
    ends = funding_ends(neighbourhood(), as_of=AS_OF)
    assert [(e.partnership, e.on, e.follows) for e in ends] == [
        ("projektet", D(2020, 12, 31), Continuation.FUNDING),
        ("omstillet", D(2022, 6, 30), Continuation.STRATEGIC_FORM),
        ("projektet", D(2022, 12, 31), Continuation.NOTHING),
        ("lektiecafe", D(2023, 12, 31), Continuation.PARENT),
    ]
    gap = ends[0]
    assert gap.next_start == D(2021, 3, 1)
    assert gap.gap_days == 59  # January and February 2021
    assert gap.kinds == (FundingKind.FOUNDATION_GRANT,)
    assert gap.lifecycle_until == D(2022, 12, 31)
    assert ends[2].days_away == -(AS_OF - D(2022, 12, 31)).in_days()


def test_the_only_cliff_is_the_project_that_nothing_follows() -> None:
    cliffs = funding_cliffs(neighbourhood(), as_of=AS_OF)
    assert [(c.partnership, c.on) for c in cliffs] == [("projektet", D(2022, 12, 31))]
    assert all(c.cliff for c in cliffs)


def test_an_end_still_ahead_counts_its_days_away() -> None:
    ends = funding_ends(neighbourhood(), as_of=D(2023, 12, 1))
    cafe = next(e for e in ends if e.partnership == "lektiecafe")
    assert cafe.days_away == 30


def test_touching_fundings_merge_into_one_stretch() -> None:
    touching = attrs.evolve(
        project(),
        funding=(
            Funding(
                "a",
                "fond",
                Money(Decimal(1)),
                Term(D(2019, 1, 1), D(2020, 12, 31)),
                FundingKind.FOUNDATION_GRANT,
            ),
            Funding(
                "b",
                "kommune",
                Money(Decimal(1)),
                Term(D(2021, 1, 1), D(2022, 12, 31)),
                FundingKind.MUNICIPAL_BUDGET,
            ),
        ),
    )
    (end,) = funding_ends(Portfolio(partnerships=(touching,)), as_of=AS_OF)
    assert end.on == D(2022, 12, 31)
    assert end.kinds == (FundingKind.MUNICIPAL_BUDGET,)


def test_a_parent_missing_from_the_portfolio_is_no_continuation() -> None:
    orphan = Portfolio(partnerships=(child(),))
    assert funding_ends(orphan, as_of=AS_OF)[0].follows is Continuation.NOTHING


def test_a_parent_dissolved_before_the_funding_ends_does_not_carry_the_project() -> None:
    parent = alliance().advance(StrategicPhase.DISSOLVED, on=D(2023, 6, 1))
    portfolio = Portfolio(partnerships=(parent, child()))
    (end,) = [e for e in funding_ends(portfolio, as_of=AS_OF) if e.partnership == "lektiecafe"]
    assert end.follows is Continuation.NOTHING


def test_a_project_parent_is_no_continuation() -> None:
    parent = attrs.evolve(project(), id="alliancen")
    portfolio = Portfolio(partnerships=(parent, child()))
    (end,) = [e for e in funding_ends(portfolio, as_of=AS_OF) if e.partnership == "lektiecafe"]
    assert end.follows is Continuation.NOTHING


def test_lifecycles_end_with_their_term_horizon_or_dissolution() -> None:
    assert lifecycle_until(project()) == D(2022, 12, 31)
    assert lifecycle_until(alliance()) == D(2030, 1, 1)
    dissolved = alliance().advance(StrategicPhase.DISSOLVED, on=D(2023, 6, 1))
    assert lifecycle_until(dissolved) == D(2023, 6, 1)
    open_ended = attrs.evolve(
        alliance(), lifecycle=attrs.evolve(alliance().lifecycle, horizon=None)
    )
    assert lifecycle_until(open_ended) is None


def test_continuation_prints_as_its_code() -> None:
    assert str(Continuation.PARENT) == "parent"


def test_the_timeline_counts_funding_records_not_promises_of_money() -> None:
    base = alliance()
    promise = testing.commitment(
        "c-penge",
        "kommune-social",
        kind="funding",
        quantity=Quantity(Decimal("250000"), Unit.DKK),
        term=Term(D(2022, 1, 1), D(2022, 12, 31)),
        status=testing.status((CommitmentStatus.AGREED, D(2021, 12, 1))),
    )
    promised = Portfolio(partnerships=(attrs.evolve(base, commitments=(promise,)),))
    unpromised = Portfolio(partnerships=(attrs.evolve(base, commitments=()),))
    assert funding_timeline(promised, as_of=AS_OF) == funding_timeline(unpromised, as_of=AS_OF)
    assert "c-penge" not in {f.funding for f in funding_timeline(promised, as_of=AS_OF)}
