"""``as_of``: a partnership and a portfolio as they were recorded on a given day."""

from __future__ import annotations

import attrs
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    Agreement,
    AgreementKind,
    Area,
    AreaCategory,
    Challenge,
    Classification,
    CommitmentStatus,
    Fulfilment,
    Goal,
    Membership,
    ModelError,
    Organisation,
    Partnership,
    PhaseChange,
    Portfolio,
    ProjectPhase,
    Review,
    ReviewOutcome,
    Sector,
    Signature,
    StrategicLifecycle,
    StrategicPhase,
    Vision,
)
from samarbejde.testing import (
    assert_model_error,
    commitment,
    hours,
    mandate,
    member,
    project,
    project_lifecycle,
)

C, P, S = CommitmentStatus, ProjectPhase, StrategicPhase

EARLIER = project_lifecycle(
    (P.RUNNING, D(2018, 1, 1)), (P.CLOSING, D(2019, 11, 1)), (P.CLOSED, D(2019, 12, 31))
)
CURRENT = StrategicLifecycle(
    since=D(2020, 1, 1),
    phases=(
        PhaseChange(S.EXPLORING, D(2020, 1, 1)),
        PhaseChange(S.FORMING, D(2020, 3, 1)),
        PhaseChange(S.OPERATING, D(2020, 6, 1)),
    ),
    reviews=(Review(D(2021, 6, 1), ReviewOutcome.CONTINUED),),
)
KOMMUNE = member("kommune", D(2018, 1, 1), mandates=(mandate("m-1", revoked=D(2021, 1, 1)),))
BOLIG = member("boligselskab", D(2020, 1, 1), left=D(2021, 6, 1))
NGO = member("ngo", D(2021, 1, 1))
C1 = commitment(
    "c-1",
    "kommune",
    D(2020, 6, 1),
    (C.AGREED, D(2020, 7, 1)),
    fulfilments=(Fulfilment(D(2020, 9, 1), hours("10")), Fulfilment(D(2021, 2, 1), hours("5"))),
)
C2 = commitment("c-2", "ngo", D(2021, 3, 1))
VISION = Vision("Alle unge har en vej ind", D(2020, 3, 1))
FIRST, LATER = (
    Challenge("u-1", "Ledighed", D(2019, 10, 1)),
    Challenge("u-2", "Trivsel", D(2021, 2, 1)),
)
AGREEMENT = Agreement(
    "a-1",
    AgreementKind.STRATEGIC,
    (Signature("kommune", D(2020, 5, 1)), Signature("ngo", D(2021, 2, 1))),
)


def history() -> Partnership:
    return project(
        lifecycle=CURRENT,
        earlier=(EARLIER,),
        members=(KOMMUNE, BOLIG, NGO),
        commitments=(C1, C2),
        vision=VISION,
        challenges=(FIRST, LATER),
        goals=(Goal("g-1", "Mål"),),
        agreements=(AGREEMENT,),
    )


def test_before_any_lifecycle_began_there_is_no_partnership() -> None:
    with pytest.raises(ModelError) as caught:
        history().as_of(D(2017, 12, 31))
    assert_model_error(caught.value, "Partnership", "lifecycle", D(2017, 12, 31))


def test_during_the_earlier_project_the_project_is_the_lifecycle() -> None:
    then = history().as_of(D(2019, 10, 15))
    assert then.lifecycle == project_lifecycle((P.RUNNING, D(2018, 1, 1)))
    assert then.earlier == ()
    assert then.members == (KOMMUNE.as_of(D(2019, 10, 15)),)
    assert then.members[0].mandates == (mandate("m-1"),)
    assert then.commitments == ()
    assert then.vision is None
    assert then.challenges == (FIRST,)
    assert then.agreements == (
        Agreement("a-1", AgreementKind.STRATEGIC, (Signature("kommune"), Signature("ngo"))),
    )
    assert then.goals == history().goals


def test_between_lifecycles_the_ended_project_is_the_lifecycle() -> None:
    lifecycle_only = project(lifecycle=EARLIER)
    gap = attrs.evolve(
        lifecycle_only,
        lifecycle=StrategicLifecycle(D(2020, 3, 1), (PhaseChange(S.FORMING, D(2020, 3, 1)),)),
        earlier=(EARLIER,),
    )
    then = gap.as_of(D(2020, 2, 1))
    assert (then.lifecycle, then.earlier) == (EARLIER, ())


def test_between_lifecycles_what_is_dated_after_the_end_belongs_to_the_next() -> None:
    """A member that joins, and a commitment made, in the gap before the strategic
    lifecycle begins are not in the view of the gap: they would join an ended project."""
    gap = project(
        lifecycle=StrategicLifecycle(D(2020, 3, 1), (PhaseChange(S.FORMING, D(2020, 3, 1)),)),
        earlier=(EARLIER,),
        members=(member("kommune", D(2018, 1, 1)), member("ngo", D(2020, 2, 1))),
        commitments=(
            commitment("c-1", "kommune", D(2019, 6, 1)),
            commitment("c-2", "kommune", D(2020, 2, 10)),
        ),
    )
    then = gap.as_of(D(2020, 2, 15))
    assert [m.organisation for m in then.members] == ["kommune"]
    assert [c.id for c in then.commitments] == ["c-1"]
    later = gap.as_of(D(2020, 3, 1))
    assert [m.organisation for m in later.members] == ["kommune", "ngo"]
    assert [c.id for c in later.commitments] == ["c-1", "c-2"]


def test_in_the_strategic_form_the_project_is_earlier() -> None:
    day = D(2020, 8, 1)
    then = history().as_of(day)
    assert then == attrs.evolve(
        history(),
        lifecycle=StrategicLifecycle(CURRENT.since, CURRENT.phases),
        members=(
            attrs.evolve(KOMMUNE, mandates=(mandate("m-1"),)),
            attrs.evolve(BOLIG, left=None),
        ),
        commitments=(commitment("c-1", "kommune", D(2020, 6, 1), (C.AGREED, D(2020, 7, 1))),),
        challenges=(FIRST,),
        agreements=(attrs.evolve(AGREEMENT, parties=(AGREEMENT.parties[0], Signature("ngo"))),),
    )
    assert then.earlier == (EARLIER,)


def test_a_member_that_left_stays_in_the_record_but_is_not_active() -> None:
    before = history().as_of(D(2021, 5, 31))
    assert [m.organisation for m in before.members] == ["kommune", "boligselskab", "ngo"]
    assert [m.organisation for m in before.members_on(D(2021, 5, 31))] == [
        "kommune",
        "boligselskab",
        "ngo",
    ]
    after = history().as_of(D(2021, 6, 1))
    assert after.member("boligselskab").left == D(2021, 6, 1)
    assert [m.organisation for m in after.members_on(D(2021, 6, 1))] == ["kommune", "ngo"]


def test_a_member_that_had_not_joined_is_not_in_the_record() -> None:
    early = history().as_of(D(2020, 1, 1))
    assert {m.organisation for m in early.members} == {
        m.organisation for m in history().members if m.joined <= D(2020, 1, 1)
    }


def test_goals_lose_their_links_to_challenges_not_yet_identified() -> None:
    goal = Goal("g-1", "Flere i job", challenges=("ch-1", "ch-2"))
    partnership = attrs.evolve(
        history(),
        challenges=(
            Challenge("ch-1", "Ledighed", D(2020, 1, 1)),
            Challenge("ch-2", "Ensomhed", D(2021, 3, 1)),
        ),
        goals=(goal,),
    )
    assert partnership.as_of(D(2021, 2, 1)).goals[0].challenges == ("ch-1",)
    assert partnership.as_of(D(2021, 3, 1)).goals == (goal,)


def test_a_departure_or_revocation_dated_later_is_not_yet_known() -> None:
    then = history().as_of(D(2020, 12, 31))
    assert then.member("boligselskab") == Membership("boligselskab", "partner", D(2020, 1, 1))
    assert then.member("kommune").mandate("m-1").revoked is None
    later = history().as_of(D(2021, 1, 1))
    assert later.member("kommune").mandate("m-1").revoked == D(2021, 1, 1)


def test_a_membership_as_of_a_day_forgets_only_what_came_later() -> None:
    assert BOLIG.as_of(D(2021, 6, 1)) is BOLIG
    assert BOLIG.as_of(D(2021, 5, 31)) == attrs.evolve(BOLIG, left=None)
    assert KOMMUNE.as_of(D(2020, 12, 31)) == attrs.evolve(KOMMUNE, mandates=(mandate("m-1"),))
    assert KOMMUNE.as_of(D(2021, 1, 1)) is KOMMUNE


def test_commitments_made_later_are_left_out_and_histories_truncated() -> None:
    then = history().as_of(D(2021, 2, 28))
    assert then.commitments == (C1,)
    assert history().as_of(D(2021, 3, 1)).commitments == (C1, C2)


def test_reviews_after_the_day_are_left_out() -> None:
    assert history().as_of(D(2021, 5, 31)).lifecycle.reviews == ()  # type: ignore[union-attr]
    assert history().as_of(D(2021, 6, 1)).lifecycle == CURRENT


@pytest.mark.parametrize(
    "day",
    [D(2018, 1, 1), D(2019, 12, 31), D(2020, 1, 1), D(2020, 8, 1), D(2021, 6, 1), D(2030, 1, 1)],
)
def test_as_of_twice_is_as_of_once(day: D) -> None:
    once = history().as_of(day)
    assert once.as_of(day) == once


def test_after_every_dated_entry_nothing_changes() -> None:
    assert history().as_of(D(2030, 1, 1)) == history()
    assert history() == history()


def portfolio() -> Portfolio:
    late = project(
        id="p-late",
        lifecycle=project_lifecycle((P.PLANNED, D(2021, 1, 1))),
        members=(),
    )
    area = Area(
        "ornereden",
        "Ørnereden",
        "561",
        classifications=(
            Classification(AreaCategory.UDSAT, D(2018, 12, 1)),
            Classification(AreaCategory.FOREBYGGELSE, D(2021, 12, 1)),
        ),
    )
    return Portfolio(
        organisations=(Organisation("kommune", "Kommune", Sector.MUNICIPALITY),),
        areas=(area,),
        partnerships=(history(), late),
    )


def test_a_portfolio_as_of_a_day_leaves_out_partnerships_not_yet_begun() -> None:
    whole = portfolio()
    then = whole.as_of(D(2020, 8, 1))
    assert then.partnerships == (history().as_of(D(2020, 8, 1)),)
    assert then.organisations is whole.organisations
    assert then.areas == (whole.areas[0].as_of(D(2020, 8, 1)),)
    assert then.area("ornereden").classifications == whole.areas[0].classifications[:1]
    with pytest.raises(KeyError):
        then.partnership("p-late")
    assert whole == portfolio()


def test_a_portfolio_before_everything_has_no_partnerships() -> None:
    assert portfolio().as_of(D(2017, 1, 1)).partnerships == ()


def test_a_portfolio_later_holds_every_partnership_as_of_that_day() -> None:
    day = D(2022, 1, 1)
    then = portfolio().as_of(day)
    assert then.partnerships == tuple(p.as_of(day) for p in portfolio().partnerships)
    assert then.partnership("p-late").lifecycle.phase is P.PLANNED


# -- parent links in the view (decision D31) ------------------------------------


def test_a_parent_that_begins_later_is_not_yet_the_parent() -> None:
    parent = project(
        id="paraply",
        lifecycle=StrategicLifecycle(
            since=D(2021, 1, 1), phases=(PhaseChange(StrategicPhase.EXPLORING, D(2021, 1, 1)),)
        ),
        members=(member("kommune", D(2021, 1, 1)),),
    )
    child = project(id="barn", parent="paraply")
    whole = Portfolio(partnerships=(parent, child))
    before = whole.as_of(D(2020, 6, 1))
    assert before.partnerships == (attrs.evolve(child.as_of(D(2020, 6, 1)), parent=None),)
    after = whole.as_of(D(2021, 6, 1))
    assert after.partnership("barn").parent == "paraply"


def test_a_parent_still_a_project_on_the_day_is_not_yet_the_parent() -> None:
    was_project = project(id="paraply").make_strategic(on=D(2021, 1, 1))
    child = project(id="barn", parent="paraply")
    whole = Portfolio(partnerships=(was_project, child))
    assert whole.as_of(D(2020, 6, 1)).partnership("barn").parent is None
    assert whole.as_of(D(2021, 6, 1)).partnership("barn").parent == "paraply"
    assert whole.partnership("barn").parent == "paraply"


def test_a_parent_the_portfolio_does_not_hold_stays_in_the_view_as_the_error_it_is() -> None:
    orphan = project(id="barn", parent="ingen")
    assert Portfolio(partnerships=(orphan,)).as_of(D(2020, 6, 1)).partnership("barn").parent == (
        "ingen"
    )
