"""Rules in the corners: the second reference of a kind, open horizons, unknown sectors."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
from tests.rules._fragments import (
    AS_OF,
    D,
    alliance,
    alliance_commitment,
    base,
    organisation,
    organisations,
    project,
    strategic_lifecycle,
    with_alliance,
)

from samarbejde import (
    Agreement,
    AgreementKind,
    CommitmentStatus,
    EntryPoint,
    Fulfilment,
    Funding,
    FundingKind,
    Membership,
    Money,
    Quantity,
    Review,
    ReviewOutcome,
    Sector,
    Signature,
    StatusChange,
    Term,
    Unit,
    testing,
    validate,
)


def test_an_entry_point_covering_an_unknown_area_is_s002() -> None:
    entry = EntryPoint("filial", "local_branch", "Lokalafdeling", covers=("andet-sted",))
    report = validate(base(organisations=organisation("ngo", entry_points=(entry,))), as_of=AS_OF)
    assert report.codes == ("S002",)
    assert report.findings[0].path == "organisations[ngo].entry_points[filial]"


def test_a_sub_agreement_under_an_unknown_agreement_is_s007() -> None:
    sub = Agreement("a-del", AgreementKind.SUB_AGREEMENT, parent="a-ukendt")
    report = validate(with_alliance(agreements=(*alliance().agreements, sub)), as_of=AS_OF)
    assert report.codes == ("S007",)
    assert report.findings[0].path == "partnerships[alliance].agreements[a-del].parent"


def test_money_under_a_mandate_nobody_holds_is_only_a_structure_error() -> None:
    commitments = alliance_commitment(
        "c-midler", mandate="m-ukendt", quantity=Quantity(Decimal("900000"), Unit.DKK)
    )
    assert validate(with_alliance(commitments=commitments), as_of=AS_OF).codes == ("S004",)


def test_joined_after_exploring_looks_at_each_sector_s_first_member_only() -> None:
    late_business = testing.organisation(
        "firma-2", Sector.BUSINESS, entry_points=(EntryPoint("indgang", "liaison", "Koordinator"),)
    )
    members = (
        *alliance().members,
        Membership("firma-2", "partner", D(2020, 6, 1)),
        Membership("ukendt", "observer", D(2020, 6, 1)),
    )
    portfolio = base(
        organisations=(*organisations(), late_business),
        alliance_=attrs.evolve(alliance(), members=members),
    )
    report = validate(portfolio, as_of=AS_OF, select=["C002"])
    assert report.findings == ()


def test_grants_only_under_an_open_horizon_are_l008() -> None:
    grant = Funding(
        "f-grant",
        "fond",
        Money(Decimal("3000000")),
        Term(D(2020, 1, 1), D(2023, 12, 31)),
        FundingKind.FOUNDATION_GRANT,
    )
    portfolio = with_alliance(lifecycle=strategic_lifecycle(horizon=None), funding=(grant,))
    report = validate(portfolio, as_of=AS_OF)
    assert report.codes == ("L008",)
    assert "open-ended" in report.findings[0].message
    danish = validate(portfolio, as_of=AS_OF, lang="da")
    assert "til åben" in danish.findings[0].message


def test_grants_that_outlast_the_horizon_are_not_l008() -> None:
    grant = Funding(
        "f-grant",
        "fond",
        Money(Decimal("3000000")),
        Term(D(2020, 1, 1), D(2024, 1, 1)),
        FundingKind.FOUNDATION_GRANT,
    )
    five_years = strategic_lifecycle(horizon=pendulum.duration(years=5))
    portfolio = with_alliance(lifecycle=five_years, funding=(grant,))
    assert validate(portfolio, as_of=AS_OF).findings == ()


def test_every_kind_of_history_entry_after_as_of_is_t002() -> None:
    late = D(2021, 7, 1)
    lifecycle = strategic_lifecycle(
        reviews=(*strategic_lifecycle().reviews, Review(late, ReviewOutcome.CONTINUED))
    )
    commitments = alliance_commitment(
        "c-timer",
        status=(
            StatusChange(CommitmentStatus.AGREED, D(2020, 3, 1)),
            StatusChange(CommitmentStatus.FULFILLED, D(2021, 5, 1)),
        ),
        fulfilments=(
            Fulfilment(D(2021, 4, 1), Quantity(Decimal("5"), Unit.HOURS_PER_WEEK)),
            Fulfilment(late, Quantity(Decimal("5"), Unit.HOURS_PER_WEEK)),
        ),
    )
    agreement = Agreement(
        "a-sen",
        AgreementKind.CONTRACT,
        parties=(Signature("kommune", D(2020, 1, 1)), Signature("firma", late)),
    )
    portfolio = with_alliance(
        lifecycle=lifecycle,
        commitments=commitments,
        agreements=(*alliance().agreements, agreement),
    )
    report = validate(portfolio, as_of=AS_OF, select=["T002"])
    assert [f.path for f in report] == [
        "partnerships[alliance].agreements[a-sen].parties[firma]",
        "partnerships[alliance].commitments[c-timer].fulfilments[1]",
        "partnerships[alliance].lifecycle.reviews[1]",
    ]
    assert report.findings[1].message == (
        "A fulfilment of c-timer is dated 1 July 2021, after 1 June 2021."
    )


def test_a_phase_of_an_earlier_lifecycle_after_as_of_is_t002() -> None:
    moved = project().make_strategic(on=D(2021, 9, 1))
    report = validate(base(project_=moved), as_of=AS_OF, select=["T002"])
    assert [f.path for f in report] == [
        "partnerships[projekt].earlier[0].phases[1]",
        "partnerships[projekt].lifecycle.phases[0]",
    ]
