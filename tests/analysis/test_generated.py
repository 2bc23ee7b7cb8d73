"""Properties of every analysis over portfolios drawn by samarbejde.strategies."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st
from tests.analysis.generated import days
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import CommitmentStatus, Portfolio, validate
from samarbejde import strategies as sst
from samarbejde.analysis import (
    CORE_SECTORS,
    DIMENSION_CODES,
    Continuation,
    assess,
    funding_ends,
    level_for,
    mandate_coverage,
    member_load,
    overdue_commitments,
    sector_coverage,
    silos,
    status_over_time,
)
from samarbejde.analysis import _scoring as scoring
from samarbejde.analysis.commitments import overdue_counts
from samarbejde.analysis.maturity import CAP_WITH_FINDINGS
from samarbejde.model.text import LANGS
from samarbejde.model.transitions import COMMITMENT_STATUS

# Each example validates and scores whole portfolios: fewer examples, no deadline.


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_every_overdue_commitment_has_an_ended_term_and_no_final_status(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
) -> None:
    for item in overdue_commitments(portfolio, as_of=day):
        original = portfolio.partnership(item.partnership).commitment(item.commitment)
        assert original.term.end is not None
        assert original.term.end < day
        status = original.status_on(day)
        assert status is not None
        assert not COMMITMENT_STATUS.is_final(status)


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_overdue_counts_are_the_overdue_commitments_counted(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
) -> None:
    counted = overdue_counts(portfolio, as_of=day)
    assert counted == Counter(o.partnership for o in overdue_commitments(portfolio, as_of=day))
    assert all(n > 0 for n in counted.values())


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_sector_coverage_splits_the_core_sectors_into_present_and_missing(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
) -> None:
    seen = portfolio.as_of(day)
    coverage = sector_coverage(portfolio, as_of=day)
    assert sorted(c.partnership for c in coverage) == sorted(p.id for p in seen.partnerships)
    for item in coverage:
        assert set(item.missing) == set(CORE_SECTORS) - set(item.sectors)
        members = seen.partnership(item.partnership).members_on(day)
        assert sum(n for _, n in item.members) + len(item.unknown) == len(members)


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_member_load_adds_up_to_the_commitments_and_mandates_of_active_members(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
) -> None:
    seen = portfolio.as_of(day)
    load = member_load(portfolio, as_of=day)
    active = {(p.id, m.organisation) for p in seen.partnerships for m in p.members_on(day)}
    made = sum(1 for p in seen.partnerships for c in p.commitments if (p.id, c.by) in active)
    assert sum(m.commitments for m in load) == made
    assert sum(m.mandates for m in load) == sum(
        len(m.mandates) for p in seen.partnerships for m in p.members_on(day)
    )
    assert sum(len(m.partnerships) for m in load) == len(active)
    assert all(m.open_commitments <= m.commitments for m in load)


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_commitments_drawn_under_fitting_mandates_are_all_covered(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
) -> None:
    # The strategies promise: made under a mandate the maker holds, in force, with the
    # power its kind needs and a ceiling above the money committed.
    for coverage in mandate_coverage(portfolio, as_of=day):
        assert coverage.complete, coverage.gaps


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_status_counts_add_up_to_the_commitments_made_by_each_day(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
) -> None:
    commitments = [c for p in portfolio.partnerships for c in p.commitments]
    for snapshot in status_over_time(portfolio, as_of=day):
        assert snapshot.total == sum(1 for c in commitments if c.made_on <= snapshot.on)
        assert snapshot.count(CommitmentStatus.AGREED) == sum(
            1 for c in commitments if c.status_on(snapshot.on) is CommitmentStatus.AGREED
        )


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_funding_ends_are_ordered_and_gaps_only_come_with_later_funding(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
) -> None:
    ends = funding_ends(portfolio, as_of=day)
    assert [(e.on, e.partnership) for e in ends] == sorted((e.on, e.partnership) for e in ends)
    for end in ends:
        assert (end.next_start is not None) == (end.follows is Continuation.FUNDING)
        assert end.gap_days >= 0
        if end.next_start is not None:
            assert end.next_start > end.on


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_silos_are_organisations_with_two_or_more_units_taking_part(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
) -> None:
    for silo in silos(portfolio, as_of=day):
        assert len(silo.units) >= 2
        assert set(silo.side_by_side) <= set(silo.partnerships)


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days())
def test_maturity_scores_stay_in_range_and_the_level_follows_them(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
) -> None:
    maturities = assess(portfolio, as_of=day)
    assert len(maturities) == len(portfolio.as_of(day).partnerships)
    for maturity in maturities:
        values = [s.score for s in maturity.scores]
        assert all(0 <= v <= 3 for v in values)
        assert maturity.total == sum(values)
        assert maturity.level is level_for(values)
        assert all(s.facts for s in maturity.scores)
    assert assess(portfolio, as_of=day) == maturities


@WHOLE_PORTFOLIOS
@given(sst.portfolios(), days(), st.sampled_from(LANGS), st.randoms(use_true_random=False))
def test_each_score_holds_its_facts_said_one_by_one_and_every_finding_on_its_codes(
    portfolio: Portfolio,
    day,  # type: ignore[no-untyped-def]
    lang,  # type: ignore[no-untyped-def]
    random,  # type: ignore[no-untyped-def]
) -> None:
    findings = list(validate(portfolio, as_of=day, lang=lang).findings)
    random.shuffle(findings)  # in any order: each score keeps the order given
    seen = portfolio.as_of(day)
    cap = scoring.fact("capped", cap=CAP_WITH_FINDINGS)
    for maturity in assess(portfolio, as_of=day, findings=findings, lang=lang):
        partnership = seen.partnership(maturity.partnership)
        for score, scorer in zip(maturity.scores, scoring.SCORERS, strict=True):
            codes = DIMENSION_CODES[score.dimension]
            assert score.findings == tuple(
                f for f in findings if f.partnership == partnership.id and f.code in codes
            )
            raw, facts = scorer(seen, partnership, day)
            said = [scoring._TEXTS[f.key].format(lang, **f.values) for f in facts]
            if raw is not None and raw != score.score:
                said.append(scoring._TEXTS[cap.key].format(lang, **cap.values))
            assert score.facts == tuple(said)
