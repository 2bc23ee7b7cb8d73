from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
import pytest
from tests.analysis.portfolios import (
    AS_OF,
    D,
    alliance,
    commitment,
    neighbourhood,
    organisations,
    project,
    quantity,
    status,
)

from samarbejde import (
    UNKNOWN,
    Agreement,
    AgreementKind,
    Area,
    Commitment,
    CommitmentStatus,
    Funding,
    FundingKind,
    Goal,
    Membership,
    Money,
    Partnership,
    PhaseChange,
    Portfolio,
    ProjectLifecycle,
    ProjectPhase,
    Signature,
    StrategicLifecycle,
    StrategicPhase,
    Term,
    Unit,
    Vision,
    examples,
)
from samarbejde.analysis import DIMENSION_CODES, Dimension, Level, assess, level_for
from samarbejde.analysis import _scoring as scoring
from samarbejde.rules import Finding, Severity

AREAS = (Area("parken", "Parken", "101"), Area("fjord", "Fjorden", "561"))


def score(scorer, partnership: Partnership, as_of: pendulum.Date = AS_OF) -> int:  # type: ignore[no-untyped-def]
    portfolio = Portfolio(organisations=organisations(), areas=AREAS)
    value, facts = scorer(portfolio, partnership.as_of(as_of), as_of)
    assert facts, "every score names the facts behind it"
    return value


def by_id(maturities, partnership: str):  # type: ignore[no-untyped-def]
    return next(m for m in maturities if m.partnership == partnership)


# -- the overall result -------------------------------------------------------


def test_the_mature_alliance_scores_full_marks_and_collaborates() -> None:
    alliance_maturity = by_id(assess(neighbourhood(), as_of=AS_OF, findings=()), "alliancen")
    assert [s.score for s in alliance_maturity.scores] == [3] * 9
    assert alliance_maturity.total == 27
    assert alliance_maturity.level is Level.COLLABORATING
    assert [s.dimension for s in alliance_maturity.scores] == list(Dimension)


def test_the_fund_financed_project_without_successor_does_not_collaborate() -> None:
    projektet = by_id(assess(neighbourhood(), as_of=AS_OF), "projektet")
    assert projektet.level is not Level.COLLABORATING
    assert projektet.score(Dimension.FUNDING).score == 1
    assert "P002" in {f.code for f in projektet.score(Dimension.FUNDING).findings}


def test_findings_from_validation_are_attached_to_the_dimension_they_bear_on() -> None:
    maturity = by_id(assess(neighbourhood(), as_of=AS_OF), "alliancen")
    for dimension_score in maturity.scores:
        for finding in dimension_score.findings:
            assert finding.code in DIMENSION_CODES[dimension_score.dimension]
            assert finding.partnership == "alliancen"


def test_a_warning_on_a_dimension_caps_it_at_two() -> None:
    warning = Finding(
        "L005",
        Severity.WARNING,
        "overdue",
        "partnerships[alliancen].lifecycle",
        "x",
        partnership="alliancen",
    )
    maturity = by_id(assess(neighbourhood(), as_of=AS_OF, findings=[warning]), "alliancen")
    review = maturity.score(Dimension.REVIEW_RHYTHM)
    assert review.score == 2
    assert review.findings == (warning,)
    assert review.facts[-1] == "at most 2 while findings are open"
    assert maturity.total == 26


def test_an_info_finding_is_evidence_but_does_not_cap() -> None:
    info = Finding(
        "L005",
        Severity.INFO,
        "note",
        "partnerships[alliancen].lifecycle",
        "x",
        partnership="alliancen",
    )
    unrelated = Finding("S001", Severity.ERROR, "elsewhere", "organisations[x]", "x")
    maturity = by_id(assess(neighbourhood(), as_of=AS_OF, findings=[info, unrelated]), "alliancen")
    assert maturity.score(Dimension.REVIEW_RHYTHM).score == 3
    assert maturity.score(Dimension.REVIEW_RHYTHM).findings == (info,)


def test_assessments_come_most_mature_first_and_skip_partnerships_not_yet_begun() -> None:
    maturities = assess(neighbourhood(), as_of=AS_OF, findings=())
    assert maturities[0].partnership == "alliancen"
    assert "fremtid" not in {m.partnership for m in maturities}
    keys = [(-m.level.rank, -m.total, m.partnership) for m in maturities]
    assert keys == sorted(keys)
    assert assess(neighbourhood(), as_of=AS_OF, findings=()) == maturities


def test_facts_come_in_danish_on_request() -> None:
    maturity = by_id(assess(neighbourhood(), as_of=AS_OF, findings=(), lang="da"), "alliancen")
    assert maturity.score(Dimension.SECTORS).facts == (
        "sektorer (5): kommune, almen boligorganisation, civilsamfund, erhvervsliv og beboere",
    )
    assert Dimension.SECTORS.label("da") == "bredde i sektorer"
    assert Level.NETWORKING.label("en") == "networking"
    assert str(Level.COOPERATING) == "cooperating"
    assert str(Dimension.FUNDING) == "funding"


def test_a_maturity_shows_itself_as_an_html_table() -> None:
    maturity = by_id(assess(neighbourhood(), as_of=AS_OF, findings=()), "alliancen")
    html = maturity._repr_html_()
    assert "<td>collaborating</td><td>27</td>" in html
    assert "Alliancen i Parken" in html


@pytest.mark.parametrize(
    ("scores", "level"),
    [
        ([3] * 9, Level.COLLABORATING),
        ([3, 3, 3, 3, 3, 3, 3, 0, 3], Level.COOPERATING),  # a dimension at 0
        ([3, 1, 3, 3, 3, 3, 3, 3, 3], Level.COOPERATING),  # binding below 2
        ([3, 3, 3, 3, 3, 1, 3, 3, 3], Level.COOPERATING),  # shared vision below 2
        ([3, 3, 3, 3, 3, 2, 1, 1, 1], Level.COLLABORATING),  # exactly 20
        ([3, 3, 3, 3, 2, 2, 1, 1, 1], Level.COOPERATING),  # 19
        ([2, 0, 2, 2, 2, 2, 2, 2, 2], Level.COORDINATING),  # 16 but nothing binding
        ([2, 1, 2, 2, 2, 2, 1, 1, 1], Level.COOPERATING),  # exactly 14
        ([1, 1, 1, 1, 1, 1, 1, 0, 0], Level.COORDINATING),  # exactly 7
        ([1, 1, 1, 1, 1, 1, 0, 0, 0], Level.NETWORKING),  # 6
    ],
)
def test_the_level_follows_the_documented_thresholds(scores: list[int], level: Level) -> None:
    assert level_for(scores) is level


# -- one dimension at a time ---------------------------------------------------


def test_place_specific_scores_areas_municipalities_and_anchors() -> None:
    assert score(scoring.place_specific, attrs.evolve(alliance(), areas=())) == 0
    assert score(scoring.place_specific, attrs.evolve(alliance(), areas=("ukendt",))) == 1
    assert score(scoring.place_specific, attrs.evolve(alliance(), areas=("parken", "fjord"))) == 1
    assert score(scoring.place_specific, project()) == 2
    assert score(scoring.place_specific, alliance()) == 3
    present = commitment("x", "forening", kind="local_presence")
    with_presence = attrs.evolve(project(), commitments=(present,))
    assert score(scoring.place_specific, with_presence) == 3


def _bare(partnership: Partnership) -> Partnership:
    return attrs.evolve(partnership, agreements=(), commitments=())


def test_binding_scores_signed_agreements_and_agreed_commitments() -> None:
    assert score(scoring.binding, _bare(project())) == 0
    mou = Agreement("mou", AgreementKind.MOU, parties=(Signature("forening", D(2019, 1, 1)),))
    assert score(scoring.binding, attrs.evolve(_bare(project()), agreements=(mou,))) == 1
    pledged = commitment("x", "forening", status=status((CommitmentStatus.PLEDGED, D(2020, 1, 1))))
    assert score(scoring.binding, attrs.evolve(_bare(project()), commitments=(pledged,))) == 1
    assert score(scoring.binding, project()) == 2
    assert score(scoring.binding, alliance()) == 3
    many_pledged = attrs.evolve(
        alliance(),
        commitments=(
            *alliance().commitments,
            *(attrs.evolve(pledged, id=f"x{i}", by="kommune-social") for i in range(3)),
        ),
    )
    assert score(scoring.binding, many_pledged) == 2
    unsigned = attrs.evolve(
        alliance(),
        agreements=(
            Agreement("a", AgreementKind.STRATEGIC, (Signature("forening"),), binding=True),
        ),
    )
    assert score(scoring.binding, unsigned) == 2


def _project(start: pendulum.Date, end: pendulum.Date) -> Partnership:
    return attrs.evolve(
        project(),
        lifecycle=ProjectLifecycle(
            term=Term(start, end), phases=(PhaseChange(ProjectPhase.RUNNING, start),)
        ),
    )


def _strategic(since: pendulum.Date, **kwargs: object) -> Partnership:
    lifecycle = StrategicLifecycle(
        since=since, phases=(PhaseChange(StrategicPhase.FORMING, since),), **kwargs
    )
    return attrs.evolve(alliance(), lifecycle=lifecycle)


def test_long_lasting_scores_the_planned_span_and_the_time_running() -> None:
    assert score(scoring.long_lasting, _project(D(2023, 1, 1), D(2024, 6, 30))) == 0
    assert score(scoring.long_lasting, _project(D(2021, 1, 1), D(2024, 12, 31))) == 1
    twelve = pendulum.duration(years=12)
    assert score(scoring.long_lasting, _strategic(D(2022, 1, 1), horizon=twelve)) == 2
    assert score(scoring.long_lasting, _strategic(D(2020, 1, 1), horizon=twelve)) == 3
    # no horizon recorded is no evidence of a long plan: the running time alone, at most 2
    assert score(scoring.long_lasting, _strategic(D(2022, 1, 1))) == 1
    assert score(scoring.long_lasting, _strategic(D(2020, 1, 1))) == 2
    # an unknown horizon leaves the dimension not assessed
    assert score(scoring.long_lasting, _strategic(D(2020, 1, 1), horizon=UNKNOWN)) is None
    dissolved = alliance().advance(StrategicPhase.DISSOLVED, on=D(2024, 1, 1))
    assert score(scoring.long_lasting, dissolved) == 1


def _members(*ids: str) -> tuple[Membership, ...]:
    return tuple(Membership(i, "partner", D(2018, 1, 1)) for i in ids)


def test_breadth_of_sectors_counts_the_sectors_at_the_table() -> None:
    alliance_with = lambda *ids: attrs.evolve(alliance(), members=_members(*ids))  # noqa: E731
    assert score(scoring.sectors, alliance_with("kommune", "kommune-skole")) == 0
    assert score(scoring.sectors, alliance_with("kommune", "forening")) == 1
    assert score(scoring.sectors, alliance_with("kommune", "forening", "virksomhed")) == 2
    assert score(scoring.sectors, alliance_with("kommune", "forening", "virksomhed", "fond")) == 3
    assert score(scoring.sectors, alliance_with("kommune", "ukendt")) == 0


def test_early_involvement_asks_whether_civil_society_and_business_came_first() -> None:
    def joined(forening: pendulum.Date, virksomhed: pendulum.Date | None) -> Partnership:
        members = [Membership("forening", "partner", forening)]
        if virksomhed is not None:
            members.append(Membership("virksomhed", "partner", virksomhed))
        return attrs.evolve(alliance(), members=tuple(members))

    assert (
        score(scoring.early_involvement, attrs.evolve(alliance(), members=_members("kommune"))) == 0
    )
    assert score(scoring.early_involvement, joined(D(2020, 1, 1), None)) == 1
    assert score(scoring.early_involvement, joined(D(2018, 6, 1), D(2020, 1, 1))) == 2
    assert score(scoring.early_involvement, joined(D(2018, 1, 1), D(2018, 6, 1))) == 3
    exploring = StrategicLifecycle(
        since=D(2018, 1, 1), phases=(PhaseChange(StrategicPhase.EXPLORING, D(2018, 1, 1)),)
    )
    still = attrs.evolve(joined(D(2018, 1, 1), D(2024, 1, 1)), lifecycle=exploring)
    assert scoring.early_cutoff(still, AS_OF) == AS_OF
    assert score(scoring.early_involvement, still) == 3


def test_shared_vision_scores_the_vision_and_measurable_goals() -> None:
    bare = attrs.evolve(alliance(), vision=None, goals=())
    assert score(scoring.shared_vision, bare) == 0
    loose = Goal("g", "Bedre", indicator="Trivsel")
    assert score(scoring.shared_vision, attrs.evolve(bare, goals=(loose,))) == 1
    measurable = attrs.evolve(loose, target=Decimal(50))
    vision = Vision("Sammen", D(2018, 6, 1), agreed_by=("kommune-social",))
    assert score(scoring.shared_vision, attrs.evolve(bare, vision=vision, goals=(measurable,))) == 2
    shared = attrs.evolve(vision, agreed_by=("kommune-social", "forening"))
    assert score(scoring.shared_vision, attrs.evolve(bare, vision=shared, goals=(measurable,))) == 2
    full = attrs.evolve(measurable, baseline=Decimal(20))
    assert score(scoring.shared_vision, attrs.evolve(bare, vision=shared, goals=(full,))) == 3


def test_ownership_spread_scores_who_commits_and_owns_goals() -> None:
    one = attrs.evolve(alliance(), members=_members("forening"), commitments=(), goals=())
    assert score(scoring.ownership, one) == 0
    idle = attrs.evolve(
        alliance(), members=_members("forening", "virksomhed"), commitments=(), goals=()
    )
    assert score(scoring.ownership, idle) == 0
    c = commitment
    dominated = attrs.evolve(
        idle,
        commitments=(c("1", "forening"), c("2", "forening"), c("3", "virksomhed")),
    )
    assert score(scoring.ownership, dominated) == 1
    three = attrs.evolve(idle, members=_members("forening", "virksomhed", "beboere", "fond"))
    half = attrs.evolve(three, commitments=(c("1", "forening"), c("2", "virksomhed")))
    assert score(scoring.ownership, half) == 2
    owned = attrs.evolve(half, goals=(Goal("g", "Mål", owners=("beboere", "fond")),))
    assert score(scoring.ownership, owned) == 3


def _funding(*items: tuple[str, FundingKind, pendulum.Date | None]) -> tuple[Funding, ...]:
    return tuple(
        Funding(f"f{i}", funder, Money(Decimal(1)), Term(D(2018, 1, 1), end), kind)
        for i, (funder, kind, end) in enumerate(items)
    )


def test_funding_robustness_scores_funders_kinds_and_reach() -> None:
    grant, budget = FundingKind.FOUNDATION_GRANT, FundingKind.MUNICIPAL_BUDGET
    with_funding = lambda *items: attrs.evolve(alliance(), funding=_funding(*items))  # noqa: E731
    assert score(scoring.funding, attrs.evolve(alliance(), funding=())) == 0
    assert score(scoring.funding, with_funding(("fond", grant, None), ("x", grant, None))) == 1
    assert score(scoring.funding, with_funding(("kommune", budget, None))) == 1
    short = with_funding(("fond", grant, D(2025, 1, 1)), ("kommune", budget, D(2025, 1, 1)))
    assert score(scoring.funding, short) == 2
    far = with_funding(("fond", grant, D(2025, 1, 1)), ("kommune", budget, D(2027, 6, 1)))
    assert score(scoring.funding, far) == 3


def test_review_rhythm_scores_cadence_kept_reviews_and_meetings() -> None:
    assert score(scoring.review_rhythm, project()) == 0
    assert (
        score(scoring.review_rhythm, attrs.evolve(project(), governance=alliance().governance)) == 1
    )
    no_bodies = attrs.evolve(_strategic(D(2024, 1, 1)), governance=())
    assert score(scoring.review_rhythm, no_bodies) == 0
    assert score(scoring.review_rhythm, _strategic(D(2024, 1, 1))) == 1
    yearly = pendulum.duration(years=1)
    assert score(scoring.review_rhythm, _strategic(D(2020, 1, 1), review_every=yearly)) == 1
    assert score(scoring.review_rhythm, _strategic(D(2024, 1, 1), review_every=yearly)) == 2
    assert score(scoring.review_rhythm, alliance()) == 3
    reviews = alliance().lifecycle.reviews  # type: ignore[union-attr]
    ad_hoc = _strategic(D(2018, 1, 1), reviews=reviews)
    assert score(scoring.review_rhythm, ad_hoc) == 1


# -- the bundled examples ------------------------------------------------------


def test_the_esbjerg_alliance_collaborates() -> None:
    (opdrift,) = assess(examples.load("opdrift"), as_of=examples.AS_OF)
    assert opdrift.partnership == "opdrift"
    assert opdrift.level is Level.COLLABORATING
    assert all(s.score >= 2 for s in opdrift.scores)


def test_the_fund_financed_project_with_no_successor_does_not_collaborate() -> None:
    (trappen,) = assess(examples.load("trappen"), as_of=examples.AS_OF)
    assert trappen.form == "project"
    assert trappen.level.rank < Level.COOPERATING.rank
    funding = trappen.score(Dimension.FUNDING)
    assert funding.score == 1
    assert {"P002", "P003"} <= {f.code for f in funding.findings}
    assert trappen.score(Dimension.LONG_LASTING).score <= 1


def test_lerbakke_without_civil_society_or_business_cooperates_but_does_not_collaborate() -> None:
    (lerbakke,) = assess(examples.load("lerbakke"), as_of=examples.AS_OF)
    assert lerbakke.score(Dimension.EARLY_INVOLVEMENT).score == 0
    assert lerbakke.level is Level.COOPERATING


def _money(amount: str, **changes: object) -> Commitment:
    return commitment(
        "c-penge",
        "kommune-social",
        kind="funding",
        quantity=quantity(amount, Unit.DKK),
        **changes,
    )


def _facts(partnership: Partnership) -> list[str]:
    _, facts = scoring.funding(Portfolio(), partnership, AS_OF)
    return [f.key for f in facts]


def test_money_promised_but_not_recorded_as_funding_is_named_not_counted() -> None:
    paid = Funding(
        "f-penge",
        "kommune-social",
        Money(Decimal("250000")),
        Term(D(2022, 1, 1), D(2022, 12, 31)),
        FundingKind.MUNICIPAL_BUDGET,
    )
    base = alliance()
    promised = attrs.evolve(base, commitments=(*base.commitments, _money("250000")))
    assert "money_not_funding" not in _facts(base)
    (found,) = [
        f for f in scoring.funding(Portfolio(), promised, AS_OF)[1] if f.key == "money_not_funding"
    ]
    assert found.text("en") == (
        "money promised but not recorded as funding (not counted): c-penge by kommune-social"
    )
    assert score(scoring.funding, promised) == score(scoring.funding, base)
    recorded = attrs.evolve(promised, funding=(*promised.funding, paid))
    assert "money_not_funding" not in _facts(recorded)
    other_amount = attrs.evolve(
        base, commitments=(*base.commitments, _money("1")), funding=(*base.funding, paid)
    )
    assert "money_not_funding" in _facts(other_amount)
