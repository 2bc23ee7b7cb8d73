"""Memberships: an organisation's part in a partnership."""

from __future__ import annotations

import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import Membership, ModelError
from samarbejde.testing import assert_model_error, mandate, member


def test_a_membership_names_organisation_role_and_joining_date() -> None:
    membership = Membership("kommune", "lead", D(2020, 1, 1), representative="Direktør")
    assert (membership.organisation, membership.role, membership.joined, membership.left) == (
        "kommune",
        "lead",
        D(2020, 1, 1),
        None,
    )


@pytest.mark.parametrize("role", ["lead", "resident_representative", "local_champion"])
def test_a_role_is_any_code_from_the_open_list(role: str) -> None:
    assert member("kommune", role=role).role == role


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("organisation", "Kommune"),
        ("role", "Lead"),
        ("role", "bridge-builder"),
        ("joined", None),
        ("left", "2021-01-01"),
        ("representative", " "),
        ("mandates", [mandate()]),
    ],
)
def test_a_membership_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"organisation": "kommune", "role": "partner"}
    fields.update({"joined": D(2020, 1, 1), field: value})
    with pytest.raises(ModelError) as caught:
        Membership(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Membership", field, value)


def test_a_member_may_leave_on_the_day_it_joined() -> None:
    assert member("kommune", left=D(2020, 1, 1)).left == D(2020, 1, 1)


def test_a_member_cannot_leave_before_it_joined() -> None:
    with pytest.raises(ModelError) as caught:
        member("kommune", left=D(2019, 12, 31))
    assert_model_error(caught.value, "Membership", "left", D(2019, 12, 31))


@pytest.mark.parametrize(
    ("day", "active"),
    [
        (D(2019, 12, 31), False),
        (D(2020, 1, 1), True),
        (D(2021, 5, 31), True),
        (D(2021, 6, 1), False),
    ],
)
def test_a_member_is_active_from_joining_until_the_day_it_leaves(day: object, active: bool) -> None:
    assert member("kommune", left=D(2021, 6, 1)).active(day) is active  # type: ignore[arg-type]


def test_a_member_holds_each_mandate_id_once() -> None:
    with pytest.raises(ModelError) as caught:
        member("kommune", mandates=(mandate("m-1"), mandate("m-1")))
    assert_model_error(caught.value, "Membership", "mandates", "m-1")


def test_a_mandate_is_found_by_id() -> None:
    first, second = mandate("m-1"), mandate("m-2")
    membership = member("kommune", mandates=(first, second))
    assert membership.mandate("m-2") is second
    with pytest.raises(KeyError):
        membership.mandate("m-3")


# -- interests (what a member seeks) -------------------------------------------


def test_a_member_records_what_it_seeks_in_open_codes() -> None:
    from samarbejde import KNOWN_INTERESTS, label  # noqa: PLC0415

    member = Membership("virksomhed", "partner", D(2020, 1, 1), interests=("labour", "egen_kode"))
    assert member.interests == ("labour", "egen_kode")
    assert "labour" in KNOWN_INTERESTS
    assert all(label(code, "da") != code for code in KNOWN_INTERESTS)
    assert label("labour", "da") == "arbejdskraft"


@pytest.mark.parametrize("interests", [("Labour",), ("labour", "labour"), ["labour"], ("",)])
def test_interests_are_distinct_valid_codes_in_a_tuple(interests: object) -> None:
    with pytest.raises(ModelError) as caught:
        Membership("virksomhed", "partner", D(2020, 1, 1), interests=interests)  # type: ignore[arg-type]
    assert caught.value.field == "interests"
