"""A member that left can join again: one membership per period (issue 21, D63)."""

from __future__ import annotations

import attrs
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date
from tests.model.test_partnership_operations import with_left_member

from samarbejde import Membership, ModelError, Partnership, Portfolio, UnknownIdError, validate
from samarbejde.testing import (
    assert_model_error,
    commitment,
    mandate,
    member,
    organisation,
    project,
)

BACK = D(2022, 3, 1)


def rejoined() -> Partnership:
    """``ngo`` was a member 2020-02-01 to 2021-01-01 and joins again on 2022-03-01."""
    return with_left_member().admit(
        "ngo",
        role="bridge_builder",
        on=BACK,
        representative="Frivilligkoordinator",
        mandates=(mandate("m-ngo-2"),),
    )


def test_a_member_that_left_joins_again_with_its_own_role_and_representative() -> None:
    """On main, admit refused: 'already has a membership'."""
    p = rejoined()
    first, second = p.memberships("ngo")
    assert (first.joined, first.left, first.role) == (D(2020, 2, 1), D(2021, 1, 1), "partner")
    assert (second.joined, second.left, second.role) == (BACK, None, "bridge_builder")
    assert second.representative == "Frivilligkoordinator"
    assert first.mandates == (mandate("m-ngo"),)


def test_member_picks_the_latest_or_the_one_active_on_a_day() -> None:
    p = rejoined()
    assert p.member("ngo").joined == BACK
    assert p.member("ngo", on=D(2020, 6, 1)).joined == D(2020, 2, 1)
    assert p.member("ngo", on=BACK).joined == BACK
    with pytest.raises(UnknownIdError):
        p.member("ngo", on=D(2021, 6, 1))  # between the two periods
    with pytest.raises(UnknownIdError):
        p.member("ingen")


def test_members_on_and_as_of_see_the_period_of_the_day() -> None:
    p = rejoined()
    assert [m.joined for m in p.members_on(D(2020, 6, 1)) if m.organisation == "ngo"] == [
        D(2020, 2, 1)
    ]
    assert not [m for m in p.members_on(D(2021, 6, 1)) if m.organisation == "ngo"]
    assert [m.joined for m in p.members_on(BACK) if m.organisation == "ngo"] == [BACK]
    between = p.as_of(D(2021, 6, 1))
    assert between.memberships("ngo") == (p.memberships("ngo")[0],)
    assert p.as_of(BACK).memberships("ngo") == p.memberships("ngo")


def test_operations_act_on_the_period_of_their_day() -> None:
    p = rejoined()
    released = p.release("ngo", on=D(2023, 1, 1))
    assert [m.left for m in released.memberships("ngo")] == [D(2021, 1, 1), D(2023, 1, 1)]
    made = p.commit(commitment("c-ngo", "ngo", D(2022, 6, 1)), on=D(2022, 6, 1))
    assert made.commitment("c-ngo").by == "ngo"
    with pytest.raises(ModelError) as caught:
        p.commit(commitment("c-ngo", "ngo", D(2021, 6, 1)), on=D(2021, 6, 1))
    assert_model_error(caught.value, "Partnership", "members", "ngo")


def test_overlapping_periods_of_one_organisation_are_refused() -> None:
    first = member("ngo", D(2020, 2, 1), left=D(2021, 1, 1))
    for second in (
        member("ngo", D(2020, 12, 31)),
        Membership("ngo", "partner", D(2020, 1, 1), left=D(2020, 3, 1)),
    ):
        with pytest.raises(ModelError, match="membership periods overlap") as caught:
            project(members=(*project().members, first, second))
        assert_model_error(caught.value, "Partnership", "members", "ngo")
    with pytest.raises(ModelError, match="membership periods overlap"):
        project(members=(*project().members, member("ngo", D(2020, 2, 1)), member("ngo", BACK)))
    touching = project(members=(*project().members, first, member("ngo", D(2021, 1, 1))))
    assert len(touching.memberships("ngo")) == 2


def test_the_structure_rules_accept_periods_apart() -> None:
    """A commitment made in the first period is by an active member (S013), and a
    membership in each period lies inside the partnership's life (S011)."""
    p = attrs.evolve(
        rejoined(),
        commitments=(commitment("c-ngo", "ngo", D(2020, 6, 1)),),
    )
    portfolio = Portfolio(
        organisations=tuple(organisation(o) for o in ("kommune", "boligselskab", "ngo")),
        partnerships=(p,),
    )
    report = validate(portfolio, as_of=D(2022, 6, 1), profiles=("structure",))
    assert report.codes == ()
    later = attrs.evolve(p, commitments=(commitment("c-ngo", "ngo", D(2021, 6, 1)),))
    between = attrs.evolve(portfolio, partnerships=(later,))
    assert validate(between, as_of=D(2022, 6, 1), profiles=("structure",)).codes == ("S013",)
