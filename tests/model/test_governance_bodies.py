"""Governance bodies with a life, the secretariat and involvement events (issue 22).

A body is set up, changed and closed on days; a view of a day shows it as it was then.
"""

from __future__ import annotations

import pendulum
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    Challenge,
    DecisionPower,
    GovernanceBody,
    GovernanceKind,
    InvolvementEvent,
    ModelError,
    Partnership,
    Seat,
    SeatRole,
    Secretariat,
    Sector,
    Term,
    UnknownIdError,
    label,
)
from samarbejde.testing import assert_model_error, strategic

#: "an opgaveudvalg of 11 members, 3 from the city council, 1 Feb 2020 to the end of 2021"
OPGAVEUDVALG = GovernanceBody(
    "opgaveudvalg",
    "task_committee",
    term=Term(D(2020, 2, 1), D(2021, 12, 31)),
    power=DecisionPower.ADVISES,
    seats=(Seat("kommune", "byrådsmedlem", count=3),),
    size=11,
)


def steering(**changes: object) -> GovernanceBody:
    """A styregruppe chaired by the municipality, the housing organisation vice-chair."""
    fields: dict[str, object] = {
        "seats": (
            Seat("kommune", "skolechef", SeatRole.CHAIR),
            Seat("boligselskab", "vicedirektør for strategi", SeatRole.VICE_CHAIR),
        ),
        "power": DecisionPower.DECIDES,
        "meets_every": pendulum.duration(months=3),
        **changes,
    }
    return GovernanceBody("styregruppe", "steering_group", **fields)  # type: ignore[arg-type]


def test_the_real_compositions_can_be_said() -> None:
    assert OPGAVEUDVALG.seat_count == 3
    assert OPGAVEUDVALG.organisations == ("kommune",)
    assert label(OPGAVEUDVALG.kind, "da") == "opgaveudvalg"
    assert [s.role for s in steering().seats] == [SeatRole.CHAIR, SeatRole.VICE_CHAIR]
    # a formandskab of two (Slagelse): two chair seats
    two = steering(seats=(Seat("kommune", role=SeatRole.CHAIR), Seat("bolig", role=SeatRole.CHAIR)))
    assert two.seat_count == 2


def test_the_kind_is_an_open_code_and_old_enum_members_still_work() -> None:
    assert GovernanceBody("g", "partner_group").kind == "partner_group"
    old = GovernanceBody("g", GovernanceKind.STEERING_GROUP)
    assert old.kind == "steering_group"
    assert type(old.kind) is str  # written as plain text by every format


@pytest.mark.parametrize(
    ("field", "value", "changes"),
    [
        ("size", 2, {"seats": (Seat("kommune", count=3),)}),
        ("seats", "kommune", {"members": ("kommune",), "seats": (Seat("kommune"),)}),
    ],
)
def test_a_body_refuses_seats_that_do_not_add_up(
    field: str, value: object, changes: dict[str, object]
) -> None:
    with pytest.raises(ModelError) as caught:
        GovernanceBody("g", "board", **{**changes, field: changes.get(field, value)})  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_chair_holds_one_seat() -> None:
    with pytest.raises(ModelError) as caught:
        Seat("kommune", role=SeatRole.CHAIR, count=2)
    assert_model_error(caught.value, "Seat", "role", SeatRole.CHAIR)
    with pytest.raises(ModelError):
        Seat(count=0)


def test_a_body_is_shown_as_it_was_on_each_day() -> None:
    p = strategic().set_up_body(steering(size=5), on=D(2020, 3, 1))
    p = p.change_body("styregruppe", on=D(2021, 1, 1), size=9, power=DecisionPower.ADVISES)
    p = p.close_body("styregruppe", on=D(2022, 6, 30))
    assert p.as_of(D(2020, 2, 1)).governance == ()
    first = p.as_of(D(2020, 12, 31)).body("styregruppe")
    assert (first.size, first.power, first.term) == (5, DecisionPower.DECIDES, None)
    changed = p.as_of(D(2021, 6, 1)).body("styregruppe")
    assert (changed.size, changed.power, changed.term) == (9, DecisionPower.ADVISES, None)
    closed = p.as_of(D(2023, 1, 1)).body("styregruppe")
    assert closed.term == Term(D(2020, 3, 1), D(2022, 6, 30))
    assert not closed.sits_on(D(2023, 1, 1))
    assert [b.decided_on for b in p.governance_history] == [D(2020, 3, 1), D(2021, 1, 1)]
    assert p.as_of(D(2021, 6, 1)).governance_history == p.governance_history[:1]


def test_set_governance_replacing_a_body_keeps_the_version_before() -> None:
    p = strategic().set_governance(steering(size=5), on=D(2020, 3, 1))
    p = p.set_governance(steering(size=6), on=D(2020, 3, 1))  # the same day: replaced
    p = p.set_governance(steering(size=7), on=D(2020, 9, 1))
    assert [b.size for b in p.governance_history] == [6]
    assert p.as_of(D(2020, 5, 1)).body("styregruppe").size == 6


def test_the_operations_refuse_what_cannot_be() -> None:
    p = strategic().set_up_body(steering(), on=D(2020, 3, 1))
    with pytest.raises(ModelError, match="in use"):
        p.set_up_body(steering(), on=D(2020, 4, 1))
    with pytest.raises(UnknownIdError):
        p.change_body("bestyrelse", on=D(2020, 4, 1), size=3)
    with pytest.raises(ModelError) as caught:
        p.change_body("styregruppe", on=D(2020, 4, 1), id="andet")
    assert caught.value.field == "id"
    with pytest.raises(ModelError, match="before the version it replaces"):
        p.change_body("styregruppe", on=D(2020, 2, 1), size=3)
    closed = p.close_body("styregruppe", on=D(2020, 12, 31))
    with pytest.raises(ModelError, match="had closed"):
        closed.change_body("styregruppe", on=D(2021, 1, 1), size=3)
    with pytest.raises(ModelError, match="starts after"):
        strategic().set_up_body(OPGAVEUDVALG, on=D(2020, 1, 1)).close_body(
            "opgaveudvalg", on=D(2020, 1, 15)
        )


def test_a_history_that_goes_back_in_time_is_refused() -> None:
    current = steering(decided_on=D(2020, 1, 1))
    with pytest.raises(ModelError, match="do not go forward"):
        strategic(governance=(current,), governance_history=(steering(decided_on=D(2021, 1, 1)),))
    with pytest.raises(ModelError, match="not a current body"):
        strategic(governance_history=(steering(decided_on=D(2019, 1, 1)),))


def test_the_secretariat_is_set_on_a_day_and_hosted_by_anyone() -> None:
    office = Secretariat("Fællessekretariatet", host="udenfor", address="Vej 1, 4600 Køge")
    p = strategic().set_secretariat(office, on=D(2020, 5, 1))
    assert p.secretariat is not None
    assert p.secretariat.decided_on == D(2020, 5, 1)
    assert p.as_of(D(2020, 4, 30)).secretariat is None
    with pytest.raises(ModelError, match="before the one it replaces"):
        p.set_secretariat(Secretariat("Backbone", "backbone"), on=D(2020, 4, 1))


def _with_challenge() -> Partnership:
    challenge = Challenge("ch-1", "Ensomhed", D(2020, 2, 1), ("kommune",))
    return strategic().identify_challenge(challenge, on=D(2020, 2, 1))


def test_an_event_records_who_took_part_and_what_it_produced() -> None:
    event = InvolvementEvent(
        "ws",
        "workshop",
        D(2020, 2, 1),
        participants=("skolen", "foreningen"),
        sectors=frozenset({Sector.BUSINESS}),
        challenges=("ch-1",),
        ideas=("Lektiecafé",),
    )
    p = _with_challenge().record_involvement(event, on=D(2020, 2, 1))
    assert p.involvement == (event,)
    assert p.as_of(D(2020, 1, 31)).involvement == ()
    sectors = {"skolen": Sector.EDUCATION}.get
    assert event.sectors_present(sectors) == {Sector.BUSINESS, Sector.EDUCATION}


def test_an_event_refuses_a_challenge_not_yet_identified_and_another_day() -> None:
    p = _with_challenge()
    early = InvolvementEvent("ws", "hearing", D(2020, 1, 15), challenges=("ch-1",))
    with pytest.raises(ModelError, match="no challenge identified"):
        p.record_involvement(early, on=D(2020, 1, 15))
    with pytest.raises(ModelError, match="must be dated"):
        p.record_involvement(early, on=D(2020, 1, 16))
