"""The operations a registry records besides members and commitments.

Vision, challenges, goals, agreements and signatures, funding and governance bodies on a
partnership; adding and replacing organisations, areas and partnerships on a portfolio.
Each: the happy path checked exactly, every refusal named, the original unchanged.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date
from tests.model.test_partnership_operations import ENDED

from samarbejde import (
    Agreement,
    AgreementKind,
    Area,
    AreaCategory,
    Challenge,
    Classification,
    Funding,
    FundingKind,
    Goal,
    GovernanceBody,
    GovernanceKind,
    ModelError,
    Money,
    Organisation,
    Partnership,
    Portfolio,
    SamarbejdeError,
    Sector,
    Signature,
    Term,
    UnknownIdError,
    Vision,
)
from samarbejde.testing import assert_model_error, commitment, project


def unchanged(before: object, change: Callable[[], object]) -> object:
    """Run ``change`` and check that ``before`` did not move."""
    kept = copy.deepcopy(before)
    after = change()
    assert before == kept
    return after


def refused(call: Callable[[], object], record: str, field: str, value: object) -> None:
    with pytest.raises(ModelError) as caught:
        call()
    assert_model_error(caught.value, record, field, value)


CHALLENGE = Challenge("ledighed", "Ledighed blandt unge", D(2020, 2, 1), ("kommune",))
AGREEMENT = Agreement("aftale", AgreementKind.STRATEGIC, (Signature("kommune"),))
FUNDING = Funding(
    "pulje",
    "fond",
    Money(Decimal("500000"), "DKK"),
    Term(D(2020, 1, 1), D(2021, 12, 31)),
    FundingKind.FOUNDATION_GRANT,
)
BODY = GovernanceBody("styregruppe", GovernanceKind.STEERING_GROUP, ("kommune",))


# -- vision -------------------------------------------------------------------


def test_agree_vision_records_text_day_and_who() -> None:
    before = project()
    after = unchanged(
        before,
        lambda: before.agree_vision(
            "Alle unge i job", on=D(2020, 3, 1), by=("kommune", "boligselskab")
        ),
    )
    assert isinstance(after, Partnership)
    assert after.vision == Vision("Alle unge i job", D(2020, 3, 1), ("kommune", "boligselskab"))


def test_a_newer_vision_replaces_the_old_one_but_not_an_older() -> None:
    first = project().agree_vision("Første", on=D(2020, 3, 1))
    assert first.agree_vision("Anden", on=D(2021, 3, 1)).vision == Vision("Anden", D(2021, 3, 1))
    refused(
        lambda: first.agree_vision("Før", on=D(2020, 2, 1)), "Vision", "agreed_on", D(2020, 2, 1)
    )


def test_agree_vision_is_refused_by_a_non_member_and_after_the_end() -> None:
    refused(
        lambda: project().agree_vision("V", on=D(2020, 3, 1), by=("ngo",)),
        "Partnership",
        "members",
        "ngo",
    )
    ended = project(lifecycle=ENDED)
    refused(
        lambda: ended.agree_vision("V", on=D(2023, 1, 1)), "Partnership", "vision", D(2023, 1, 1)
    )


# -- challenges ---------------------------------------------------------------


def test_identify_challenge_adds_it() -> None:
    before = project()
    after = unchanged(before, lambda: before.identify_challenge(CHALLENGE, on=D(2020, 2, 1)))
    assert isinstance(after, Partnership)
    assert after.challenges == (CHALLENGE,)


def test_identify_challenge_refusals() -> None:
    p = project().identify_challenge(CHALLENGE, on=D(2020, 2, 1))
    refused(
        lambda: p.identify_challenge(CHALLENGE, on=D(2020, 2, 1)),
        "Partnership",
        "challenges",
        "ledighed",
    )
    refused(
        lambda: project().identify_challenge(CHALLENGE, on=D(2020, 3, 1)),
        "Challenge",
        "identified_on",
        D(2020, 2, 1),
    )
    outsider = Challenge("tryghed", "Tryghed", D(2020, 2, 1), ("ngo",))
    refused(
        lambda: project().identify_challenge(outsider, on=D(2020, 2, 1)),
        "Partnership",
        "members",
        "ngo",
    )


# -- goals ----------------------------------------------------------------------


def test_set_goal_adds_then_replaces_by_id() -> None:
    p = project().identify_challenge(CHALLENGE, on=D(2020, 2, 1))
    goal = Goal(
        "job", "Flere i job", target=Decimal("80"), owners=("kommune",), challenges=("ledighed",)
    )
    added = unchanged(p, lambda: p.set_goal(goal, on=D(2020, 3, 1)))
    assert isinstance(added, Partnership)
    assert added.goals == (attrs.evolve(goal, decided_on=D(2020, 3, 1)),)
    raised = Goal("job", "Flere i job", target=Decimal("90"))
    assert added.set_goal(raised, on=D(2021, 1, 1)).goals == (
        attrs.evolve(raised, decided_on=D(2021, 1, 1)),
    )
    assert added.goal("job").decided_on == D(2020, 3, 1)
    refused(lambda: added.set_goal(raised, on=D(2020, 2, 1)), "Goal", "decided_on", D(2020, 2, 1))
    other_day = attrs.evolve(raised, decided_on=D(2021, 2, 1))
    refused(
        lambda: added.set_goal(other_day, on=D(2021, 1, 1)), "Goal", "decided_on", D(2021, 2, 1)
    )


def test_set_goal_refuses_unknown_challenges_and_non_member_owners() -> None:
    p = project().identify_challenge(CHALLENGE, on=D(2020, 2, 1))
    early = Goal("job", "Flere i job", challenges=("ledighed",))
    refused(lambda: p.set_goal(early, on=D(2020, 1, 15)), "Goal", "challenges", "ledighed")
    owned = Goal("job", "Flere i job", owners=("ngo",))
    refused(lambda: p.set_goal(owned, on=D(2020, 3, 1)), "Partnership", "members", "ngo")


# -- agreements and signatures ----------------------------------------------------


def test_conclude_then_sign_an_agreement() -> None:
    before = project()
    concluded = unchanged(before, lambda: before.conclude(AGREEMENT, on=D(2020, 4, 1)))
    assert isinstance(concluded, Partnership)
    assert concluded.agreements == (attrs.evolve(AGREEMENT, concluded_on=D(2020, 4, 1)),)
    signed = unchanged(concluded, lambda: concluded.sign("aftale", "kommune", on=D(2020, 4, 2)))
    assert isinstance(signed, Partnership)
    assert signed.agreement("aftale").parties == (Signature("kommune", D(2020, 4, 2)),)
    both = signed.sign("aftale", "boligselskab", on=D(2020, 4, 3))
    assert both.agreement("aftale").parties[1] == Signature("boligselskab", D(2020, 4, 3))
    assert both.agreement("aftale").signed


def test_conclude_refusals() -> None:
    p = project().conclude(AGREEMENT, on=D(2020, 4, 1))
    refused(lambda: p.conclude(AGREEMENT, on=D(2020, 4, 1)), "Partnership", "agreements", "aftale")
    orphan = Agreement("del", AgreementKind.SUB_AGREEMENT, parent="ingen")
    refused(lambda: p.conclude(orphan, on=D(2020, 4, 1)), "Agreement", "parent", "ingen")
    future = Agreement("x", AgreementKind.MOU, (Signature("kommune", D(2021, 1, 1)),))
    refused(lambda: p.conclude(future, on=D(2020, 4, 1)), "Signature", "signed_on", D(2021, 1, 1))
    sub = Agreement("del", AgreementKind.SUB_AGREEMENT, parent="aftale")
    assert p.conclude(sub, on=D(2020, 5, 1)).agreement("del") == attrs.evolve(
        sub, concluded_on=D(2020, 5, 1)
    )
    dated = attrs.evolve(sub, concluded_on=D(2020, 6, 1))
    refused(lambda: p.conclude(dated, on=D(2020, 5, 1)), "Agreement", "concluded_on", D(2020, 6, 1))


def test_sign_refusals() -> None:
    p = project().conclude(AGREEMENT, on=D(2020, 4, 1)).sign("aftale", "kommune", on=D(2020, 4, 2))
    refused(
        lambda: p.sign("aftale", "kommune", on=D(2020, 5, 1)),
        "Signature",
        "signed_on",
        D(2020, 5, 1),
    )
    with pytest.raises(UnknownIdError, match="no agreement has id 'ingen'"):
        p.sign("ingen", "kommune", on=D(2020, 5, 1))


# -- funding and governance ----------------------------------------------------------


def test_fund_adds_funding() -> None:
    before = project()
    after = unchanged(before, lambda: before.fund(FUNDING, on=D(2019, 12, 1)))
    assert isinstance(after, Partnership)
    assert after.funding == (attrs.evolve(FUNDING, granted_on=D(2019, 12, 1)),)
    assert before.fund(attrs.evolve(FUNDING, granted_on=D(2019, 12, 1)), on=D(2019, 12, 1)) == after
    dated = attrs.evolve(FUNDING, granted_on=D(2019, 11, 1))
    refused(lambda: before.fund(dated, on=D(2019, 12, 1)), "Funding", "granted_on", D(2019, 11, 1))
    refused(lambda: after.fund(FUNDING, on=D(2020, 1, 1)), "Partnership", "funding", "pulje")
    refused(lambda: before.fund(FUNDING, on=D(2022, 1, 1)), "Funding", "term", D(2021, 12, 31))
    ended = project(lifecycle=ENDED)
    refused(lambda: ended.fund(FUNDING, on=D(2023, 1, 1)), "Partnership", "funding", D(2023, 1, 1))


def test_set_governance_adds_then_replaces_by_id() -> None:
    before = project()
    after = unchanged(before, lambda: before.set_governance(BODY, on=D(2020, 2, 1)))
    assert isinstance(after, Partnership)
    assert after.governance == (attrs.evolve(BODY, decided_on=D(2020, 2, 1)),)
    wider = GovernanceBody(
        "styregruppe", GovernanceKind.STEERING_GROUP, ("kommune", "boligselskab")
    )
    assert after.set_governance(wider, on=D(2020, 6, 1)).governance == (
        attrs.evolve(wider, decided_on=D(2020, 6, 1)),
    )
    refused(
        lambda: after.set_governance(wider, on=D(2020, 1, 15)),
        "GovernanceBody",
        "decided_on",
        D(2020, 1, 15),
    )
    outsider = GovernanceBody("panel", GovernanceKind.RESIDENT_PANEL, ("ngo",))
    refused(
        lambda: before.set_governance(outsider, on=D(2020, 2, 1)), "Partnership", "members", "ngo"
    )


# -- unknown ids -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lookup", "record"),
    [
        (lambda p: p.member("ngo"), "member"),
        (lambda p: p.commitment("ngo"), "commitment"),
        (lambda p: p.agreement("ngo"), "agreement"),
        (lambda p: p.goal("ngo"), "goal"),
        (lambda p: p.holder("ngo"), "mandate"),
        (lambda p: p.revoke("ngo", on=D(2020, 1, 1)), "mandate"),
        (lambda p: p.members[0].mandate("ngo"), "mandate"),
    ],
)
def test_unknown_ids_raise_a_library_key_error_naming_the_id(
    lookup: Callable[[Partnership], object], record: str
) -> None:
    with pytest.raises(UnknownIdError) as caught:
        lookup(project())
    error = caught.value
    assert isinstance(error, KeyError)
    assert isinstance(error, SamarbejdeError)
    assert (error.record, error.id) == (record, "ngo")
    assert str(error) == f"no {record} has id 'ngo'"
    assert pickle.loads(pickle.dumps(error)).id == "ngo"


# -- portfolio -----------------------------------------------------------------------

KOMMUNE = Organisation("kommune", "Kommune", Sector.MUNICIPALITY)
BOLIG = Organisation("boligselskab", "Boligselskab", Sector.HOUSING)
AREA = Area("ornereden", "Ørnereden", "561")


def base() -> Portfolio:
    return Portfolio((KOMMUNE, BOLIG), (AREA,))


def test_portfolio_adds_and_replaces_organisations() -> None:
    before = base()
    unit = Organisation("jobcenter", "Jobcenter", Sector.MUNICIPALITY, parent="kommune")
    after = unchanged(before, lambda: before.add_organisation(unit))
    assert isinstance(after, Portfolio)
    assert after.organisation("jobcenter") is unit
    renamed = Organisation("kommune", "Esbjerg Kommune", Sector.MUNICIPALITY)
    replaced = after.replace_organisation(renamed)
    assert replaced.organisations == (renamed, BOLIG, unit)
    refused(lambda: after.add_organisation(unit), "Portfolio", "organisations", "jobcenter")
    stray = Organisation("skole", "Skole", Sector.MUNICIPALITY, parent="ingen")
    refused(lambda: after.add_organisation(stray), "Organisation", "parent", "ingen")
    with pytest.raises(UnknownIdError, match="no organisation has id 'skole'"):
        after.replace_organisation(Organisation("skole", "Skole", Sector.MUNICIPALITY))


def test_portfolio_adds_and_replaces_areas() -> None:
    before = base()
    other = Area("vestby", "Vestbyen", "561")
    after = unchanged(before, lambda: before.add_area(other))
    assert isinstance(after, Portfolio)
    assert after.areas == (AREA, other)
    listed = Area(
        "ornereden",
        "Ørnereden",
        "561",
        classifications=(Classification(AreaCategory.UDSAT, D(2021, 12, 1)),),
    )
    assert after.replace_area(listed).area("ornereden") is listed
    refused(lambda: after.add_area(other), "Portfolio", "areas", "vestby")
    with pytest.raises(UnknownIdError):
        after.replace_area(Area("ny", "Ny", "561"))


def test_portfolio_adds_and_replaces_partnerships() -> None:
    before = base()
    p = project(areas=("ornereden",))
    after = unchanged(before, lambda: before.add_partnership(p))
    assert isinstance(after, Portfolio)
    assert after.partnership("p-1") is p
    changed = after.partnership("p-1").agree_vision("V", on=D(2020, 3, 1))
    assert after.replace_partnership(changed).partnerships == (changed,)
    refused(lambda: after.add_partnership(p), "Portfolio", "partnerships", "p-1")
    refused(
        lambda: before.add_partnership(project(areas=("ingen",))), "Partnership", "areas", "ingen"
    )
    refused(
        lambda: Portfolio((KOMMUNE,)).add_partnership(project()),
        "Partnership",
        "members",
        "boligselskab",
    )
    refused(
        lambda: before.add_partnership(project(parent="ingen")), "Partnership", "parent", "ingen"
    )
    with pytest.raises(UnknownIdError, match="no partnership has id 'p-1'"):
        before.replace_partnership(p)


@pytest.mark.parametrize("record", ["organisation", "area", "partnership"])
def test_portfolio_lookups_raise_a_library_key_error(record: str) -> None:
    with pytest.raises(UnknownIdError) as caught:
        getattr(base(), record)("ukendt")
    assert isinstance(caught.value, KeyError)
    assert str(caught.value) == f"no {record} has id 'ukendt'"


def test_an_unknown_entry_point_raises_a_library_key_error() -> None:
    with pytest.raises(UnknownIdError, match="no entry point has id 'ingen'"):
        KOMMUNE.entry_point("ingen")


# -- as_of after the dated operations (D63) ----------------------------------------


def test_as_of_shows_funding_bodies_goals_and_agreements_only_from_their_day() -> None:
    """On main, ``fund``, ``set_governance``, ``set_goal`` and ``conclude`` checked their
    ``on`` and dropped it: a view of 2020 showed what was decided in 2021."""
    decided = D(2021, 3, 1)
    goal = Goal("job", "Flere i job", owners=("kommune",))
    p = (
        project()
        .fund(FUNDING, on=decided)
        .set_governance(BODY, on=decided)
        .set_goal(goal, on=decided)
        .conclude(AGREEMENT, on=decided)
    )
    before = p.as_of(decided.subtract(days=1))
    assert (before.funding, before.governance, before.goals, before.agreements) == ((),) * 4
    on_the_day = p.as_of(decided)
    assert on_the_day.funding == p.funding
    assert on_the_day.governance == p.governance
    assert on_the_day.goals == p.goals
    assert on_the_day.agreements == p.agreements


def test_a_commitment_links_only_to_goals_and_agreements_already_known() -> None:
    goal = Goal("job", "Flere i job")
    linked = commitment("c-1", "kommune", D(2020, 6, 1), goals=("job",), agreement="aftale")
    p = (
        project()
        .commit(linked, on=D(2020, 6, 1))
        .set_goal(goal, on=D(2021, 3, 1))
        .conclude(AGREEMENT, on=D(2021, 3, 1))
    )
    (early,) = p.as_of(D(2021, 2, 1)).commitments
    assert (early.goals, early.agreement) == ((), None)
    (later,) = p.as_of(D(2021, 3, 1)).commitments
    assert later == linked


def test_undated_records_are_in_every_view() -> None:
    p = attrs.evolve(project(), funding=(FUNDING,), governance=(BODY,), agreements=(AGREEMENT,))
    seen = p.as_of(p.lifecycle.started)
    assert (seen.funding, seen.governance, seen.agreements) == (
        p.funding,
        p.governance,
        p.agreements,
    )
