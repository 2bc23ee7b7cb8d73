"""Agreements, governance bodies and funding."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    Agreement,
    AgreementKind,
    Funding,
    FundingKind,
    GovernanceBody,
    GovernanceKind,
    ModelError,
    Money,
    Signature,
    Term,
)
from samarbejde.testing import assert_model_error

SIGNED = (Signature("kommune", D(2020, 6, 1)), Signature("ngo", D(2020, 6, 15)))


def test_an_agreement_is_signed_when_every_party_has_signed() -> None:
    agreement = Agreement("a", AgreementKind.STRATEGIC, SIGNED, binding=True)
    assert agreement.signed
    outstanding = Agreement("a", AgreementKind.STRATEGIC, (*SIGNED, Signature("firma")))
    assert not outstanding.signed
    assert not Agreement("a", AgreementKind.MOU).signed


def test_an_agreement_lists_each_party_once() -> None:
    twice = (*SIGNED, Signature("kommune", D(2020, 7, 1)))
    with pytest.raises(ModelError) as caught:
        Agreement("a", AgreementKind.MOU, twice)
    assert_model_error(caught.value, "Agreement", "parties", "kommune")


def test_an_agreement_cannot_be_its_own_parent() -> None:
    assert Agreement("del", AgreementKind.SUB_AGREEMENT, parent="a").parent == "a"
    with pytest.raises(ModelError) as caught:
        Agreement("a", AgreementKind.SUB_AGREEMENT, parent="a")
    assert_model_error(caught.value, "Agreement", "parent", "a")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "A"),
        ("kind", "mou"),
        ("parties", ("kommune",)),
        ("term", (D(2020, 1, 1), None)),
        ("binding", "yes"),
        ("binding", 1),
        ("theme", ""),
        ("notice", "P6M"),
        ("notice", pendulum.duration()),
        ("notice", pendulum.duration(months=-6)),
        ("notice", pendulum.duration(days=-1)),
    ],
)
def test_an_agreement_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"id": "a", "kind": AgreementKind.MOU, field: value}
    with pytest.raises(ModelError) as caught:
        Agreement(**fields)  # type: ignore[arg-type]
    expected = "kommune" if value == ("kommune",) else value
    assert_model_error(caught.value, "Agreement", field, expected)


@pytest.mark.parametrize(
    "notice",
    [pendulum.duration(months=6), pendulum.duration(days=1), pendulum.duration(years=1)],
)
def test_a_notice_period_is_a_positive_duration(notice: pendulum.Duration) -> None:
    assert Agreement("a", AgreementKind.CONTRACT, notice=notice).notice == notice


@pytest.mark.parametrize(
    ("field", "value"),
    [("organisation", "Kommune"), ("signed_on", pendulum.datetime(2020, 6, 1))],
)
def test_a_signature_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"organisation": "kommune", field: value}
    with pytest.raises(ModelError) as caught:
        Signature(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Signature", field, value)


def test_an_agreement_as_of_a_day_has_later_signatures_outstanding() -> None:
    agreement = Agreement("a", AgreementKind.STRATEGIC, (*SIGNED, Signature("firma")))
    assert agreement.as_of(D(2020, 6, 10)).parties == (
        SIGNED[0],
        Signature("ngo"),
        Signature("firma"),
    )
    assert agreement.as_of(D(2020, 6, 15)) is agreement
    assert agreement.parties[1] == Signature("ngo", D(2020, 6, 15))


def test_a_governance_body_meets_at_a_positive_interval() -> None:
    body = GovernanceBody(
        "styregruppe",
        GovernanceKind.STEERING_GROUP,
        ("kommune", "ngo"),
        pendulum.duration(months=3),
        "Styregruppen",
    )
    assert body.meets_every == pendulum.duration(months=3)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "Styregruppe"),
        ("kind", "Bestyrelse"),
        ("kind", GovernanceKind),
        ("members", ("kommune", "kommune")),
        ("meets_every", pendulum.duration(seconds=0)),
        ("meets_every", pendulum.duration(weeks=-2)),
        ("meets_every", pendulum.duration(years=-1)),
        ("meets_every", 90),
        ("name", " "),
        ("size", 0),
        ("size", True),
    ],
)
def test_a_governance_body_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"id": "g", "kind": GovernanceKind.BOARD, field: value}
    with pytest.raises(ModelError) as caught:
        GovernanceBody(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "GovernanceBody", field, value)


def test_funding_names_funder_amount_term_and_kind() -> None:
    funding = Funding(
        "f-1",
        "fonden",
        Money(Decimal("2000000")),
        Term(D(2020, 1, 1), D(2023, 12, 31)),
        FundingKind.FOUNDATION_GRANT,
    )
    assert funding.amount.amount == Decimal("2000000")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", ""),
        ("funder", "Fonden"),
        ("amount", Decimal("100")),
        ("term", None),
        ("kind", "foundation_grant"),
    ],
)
def test_funding_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {
        "id": "f",
        "funder": "fonden",
        "amount": Money(Decimal("1")),
        "term": Term(D(2020, 1, 1)),
        "kind": FundingKind.OTHER,
        field: value,
    }
    with pytest.raises(ModelError) as caught:
        Funding(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Funding", field, value)


@pytest.mark.parametrize(
    "duration",
    [
        pendulum.duration(months=1, days=-5),
        pendulum.duration(years=1, days=-5),
        pendulum.duration(years=1, months=-1),
        pendulum.duration(months=1, seconds=-1),
        pendulum.duration(months=1, microseconds=-1),
    ],
    ids=str,
)
def test_a_duration_with_a_negative_part_is_refused(duration: pendulum.Duration) -> None:
    with pytest.raises(ModelError) as caught:
        GovernanceBody("g", GovernanceKind.BOARD, meets_every=duration)
    assert_model_error(caught.value, "GovernanceBody", "meets_every", duration)
    assert "in whole or in part" in caught.value.reason


@pytest.mark.parametrize(
    "duration",
    [
        pendulum.duration(hours=1),
        pendulum.duration(days=1, hours=-1),  # normalised to 23 hours
        pendulum.duration(weeks=2, days=-1),  # normalised to 13 days
        pendulum.duration(years=1, months=6),
    ],
    ids=str,
)
def test_a_duration_that_normalises_to_positive_parts_is_accepted(
    duration: pendulum.Duration,
) -> None:
    assert GovernanceBody("g", GovernanceKind.BOARD, meets_every=duration).meets_every == duration
