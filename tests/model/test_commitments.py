"""Commitments: promised contributions with a dated status history and fulfilments."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date
from tests.opdrift import fritidsjob

from samarbejde import (
    Commitment,
    CommitmentStatus,
    Fulfilment,
    ModelError,
    Quantity,
    StatusChange,
    TransitionError,
    Unit,
)
from samarbejde.testing import assert_model_error, commitment, hours

C = CommitmentStatus


def test_a_commitment_reads_like_the_design_example() -> None:
    made = fritidsjob()
    assert made.current is C.AGREED
    assert made.made_on == D(2020, 10, 1)
    assert made.is_binding
    assert not made.is_final
    assert made.to is None
    assert made.delivered() is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "C-1"),
        ("by", "Kommune"),
        ("kind", "Staff hours"),
        ("quantity", Decimal("100")),
        ("term", None),
        ("to", "Boligselskab"),
        ("mandate", ""),
        ("agreement", "a b"),
        ("goals", ("g", "g")),
        ("goals", ["g"]),
        ("status", [StatusChange(C.PROPOSED, D(2020, 6, 1))]),
        ("fulfilments", [Fulfilment(D(2020, 7, 1), hours("1"))]),
    ],
)
def test_a_commitment_refuses_bad_fields(field: str, value: object) -> None:
    with pytest.raises(ModelError) as caught:
        commitment(**{field: value})
    assert_model_error(caught.value, "Commitment", field, value)


def test_a_status_history_is_never_empty() -> None:
    with pytest.raises(ModelError) as caught:
        commitment(status=())
    assert_model_error(caught.value, "Commitment", "status", ())
    assert not isinstance(caught.value, TransitionError)


def test_status_entries_must_be_status_changes() -> None:
    with pytest.raises(ModelError) as caught:
        commitment(status=(C.PROPOSED,))
    assert_model_error(caught.value, "Commitment", "status", C.PROPOSED)


def test_a_status_history_may_change_twice_on_one_day() -> None:
    made = commitment("c", "kommune", D(2020, 6, 1), (C.AGREED, D(2020, 6, 1)))
    assert made.current is C.AGREED


def test_a_status_history_is_dated_in_order() -> None:
    with pytest.raises(ModelError) as caught:
        commitment("c", "kommune", D(2020, 6, 1), (C.AGREED, D(2020, 5, 31)))
    assert_model_error(caught.value, "Commitment", "status", D(2020, 5, 31))
    assert "entry 1" in str(caught.value)


def test_a_status_history_follows_the_table() -> None:
    with pytest.raises(TransitionError) as caught:
        commitment("c", "kommune", D(2020, 6, 1), (C.FULFILLED, D(2020, 7, 1)))
    assert (caught.value.record, caught.value.field) == ("Commitment", "status[1]")
    assert (caught.value.current, caught.value.requested) == ("proposed", "fulfilled")


def test_a_member_cannot_commit_to_itself() -> None:
    assert commitment(to="boligselskab").to == "boligselskab"
    with pytest.raises(ModelError) as caught:
        commitment(to="kommune")
    assert_model_error(caught.value, "Commitment", "to", "kommune")


def test_a_fulfilment_is_counted_in_the_commitments_unit() -> None:
    delivered = commitment(fulfilments=(Fulfilment(D(2020, 8, 1), hours("10")),))
    assert delivered.fulfilments[0].quantity.unit is Unit.HOURS
    other_unit = Fulfilment(D(2020, 8, 1), Quantity(Decimal("1"), Unit.FTE))
    with pytest.raises(ModelError) as caught:
        commitment(fulfilments=(other_unit,))
    assert_model_error(caught.value, "Commitment", "fulfilments", Unit.FTE)


def test_fulfilments_are_dated_in_order() -> None:
    backwards = (Fulfilment(D(2020, 9, 1), hours("1")), Fulfilment(D(2020, 8, 1), hours("1")))
    with pytest.raises(ModelError) as caught:
        commitment(fulfilments=backwards)
    assert_model_error(caught.value, "Commitment", "fulfilments", D(2020, 8, 1))


@pytest.mark.parametrize(
    ("field", "value"),
    [("on", "2020-08-01"), ("quantity", Decimal("1")), ("note", "")],
)
def test_a_fulfilment_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"on": D(2020, 8, 1), "quantity": hours("1"), field: value}
    with pytest.raises(ModelError) as caught:
        Fulfilment(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Fulfilment", field, value)


@pytest.mark.parametrize(
    ("field", "value"),
    [("status", "proposed"), ("on", None), ("note", " ")],
)
def test_a_status_change_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"status": C.PROPOSED, "on": D(2020, 8, 1), field: value}
    with pytest.raises(ModelError) as caught:
        StatusChange(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "StatusChange", field, value)


def test_the_delivered_quantity_sums_the_fulfilments() -> None:
    delivered = commitment(
        fulfilments=(
            Fulfilment(D(2020, 8, 1), hours("10.5")),
            Fulfilment(D(2020, 9, 1), hours("20")),
        )
    )
    assert delivered.delivered() == hours("30.5")


def test_a_pledge_that_was_never_agreed_is_not_binding() -> None:
    pledged = commitment("c", "kommune", D(2020, 6, 1), (C.PLEDGED, D(2020, 6, 2)))
    assert not pledged.is_binding
    fulfilled = commitment(
        "c", "kommune", D(2020, 6, 1), (C.PLEDGED, D(2020, 6, 2)), (C.FULFILLED, D(2021, 1, 1))
    )
    assert fulfilled.is_final
    assert not fulfilled.is_binding


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (D(2020, 5, 31), None),
        (D(2020, 6, 1), C.PROPOSED),
        (D(2020, 6, 30), C.PROPOSED),
        (D(2020, 7, 1), C.AGREED),
        (D(2021, 7, 1), C.FULFILLED),
    ],
)
def test_the_status_on_a_day_is_the_latest_entry_by_then(
    day: object, status: CommitmentStatus | None
) -> None:
    made = commitment(
        "c", "kommune", D(2020, 6, 1), (C.AGREED, D(2020, 7, 1)), (C.FULFILLED, D(2021, 7, 1))
    )
    assert made.status_on(day) is status  # type: ignore[arg-type]


def test_a_commitment_as_of_a_day_keeps_the_entries_dated_by_then() -> None:
    made = commitment(
        "c",
        "kommune",
        D(2020, 6, 1),
        (C.AGREED, D(2020, 7, 1)),
        fulfilments=(
            Fulfilment(D(2020, 8, 1), hours("10")),
            Fulfilment(D(2020, 9, 1), hours("10")),
        ),
    )
    assert made.as_of(D(2020, 5, 31)) is None
    assert made.as_of(D(2020, 6, 1)) == commitment("c", "kommune", D(2020, 6, 1))
    assert made.as_of(D(2020, 8, 15)) == commitment(
        "c",
        "kommune",
        D(2020, 6, 1),
        (C.AGREED, D(2020, 7, 1)),
        fulfilments=(Fulfilment(D(2020, 8, 1), hours("10")),),
    )
    assert made.as_of(D(2020, 9, 1)) is made
    assert len(made.fulfilments) == 2


def test_a_commitment_is_frozen() -> None:
    made = commitment()
    with pytest.raises(AttributeError):
        made.status = ()  # type: ignore[misc]
    assert isinstance(made, Commitment)
