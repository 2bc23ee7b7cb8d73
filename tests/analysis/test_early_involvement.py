"""The maturity dimension "involved early" reads involvement events (issue 22, item 3)."""

from __future__ import annotations

import pendulum

from samarbejde import InvolvementEvent, Organisation, Portfolio, Sector
from samarbejde.analysis._scoring import early_involvement
from samarbejde.testing import member, strategic

D = pendulum.Date
AS_OF = D(2024, 1, 1)
ORGANISATIONS = (
    Organisation("kommune", "Kommunen", Sector.MUNICIPALITY),
    Organisation("boligselskab", "Boligselskabet", Sector.HOUSING),
    Organisation("forening", "Foreningen", Sector.CIVIL_SOCIETY),
    Organisation("butik", "Butikken", Sector.BUSINESS),
)
#: The strategic builder ends exploring on 2020-03-01.
EARLY, LATE = D(2020, 2, 1), D(2021, 2, 1)


def score(*events: InvolvementEvent, late_members: bool = False) -> tuple[int, list[str]]:
    members = (member("kommune"), member("boligselskab"))
    if late_members:
        members += (member("forening", LATE), member("butik", LATE))
    p = strategic(members=members, involvement=events)
    found, facts = early_involvement(Portfolio(ORGANISATIONS), p, AS_OF)
    return found, [f.key for f in facts]


def workshop(on: pendulum.Date) -> InvolvementEvent:
    return InvolvementEvent("ws", "workshop", on, participants=("forening", "butik"))


def test_neither_sector_at_the_table_scores_nothing() -> None:
    assert score() == (0, ["cutoff", "absent", "absent"])


def test_an_early_workshop_with_both_sectors_scores_the_top() -> None:
    found, facts = score(workshop(EARLY))
    assert found == 3
    assert facts == ["cutoff", "event", "event"]


def test_a_late_workshop_shows_them_present_but_not_early() -> None:
    found, facts = score(workshop(LATE))
    assert found == 1
    assert facts == ["cutoff", "event", "late", "event", "late"]


def test_members_who_joined_late_are_named_as_before() -> None:
    found, facts = score(late_members=True)
    assert found == 1
    assert facts == ["cutoff", "late", "late"]


def test_a_late_member_is_named_in_its_fact() -> None:
    members = (member("kommune"), member("forening", LATE))
    p = strategic(members=members)
    _, facts = early_involvement(Portfolio(ORGANISATIONS), p, AS_OF)
    late = [f.text("da") for f in facts if f.key == "late"]
    assert late == ["civilsamfundet kom først senere: Foreningen"]
