"""``redact``: every field that may hold personal data is removed, nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date
from tests.opdrift import portfolio as opdrift

import samarbejde
from samarbejde import (
    Area,
    CommitmentStatus,
    EntryPoint,
    Fulfilment,
    Membership,
    Organisation,
    Partnership,
    PhaseChange,
    Portfolio,
    Review,
    ReviewOutcome,
    Sector,
    StatusChange,
    StrategicLifecycle,
    StrategicPhase,
    personal_fields,
    redact,
)
from samarbejde.testing import commitment, hours, mandate, member, project, project_lifecycle

C, S = CommitmentStatus, StrategicPhase


def full_portfolio(personal: bool) -> Portfolio:
    """A portfolio with every personal field filled (or, with ``personal=False``, empty)."""

    def text(value: str) -> str | None:
        return value if personal else None

    dissolved = StrategicLifecycle(
        D(2015, 1, 1),
        (
            PhaseChange(S.FORMING, D(2015, 1, 1)),
            PhaseChange(S.DISSOLVED, D(2016, 1, 1)),
        ),
        reviews=(Review(D(2016, 1, 1), ReviewOutcome.DISSOLVED, text("Anne Hansen sagde stop")),),
    )
    current = StrategicLifecycle(
        D(2020, 1, 1),
        (PhaseChange(S.EXPLORING, D(2020, 1, 1)),),
        reviews=(
            Review(D(2021, 1, 1), ReviewOutcome.CONTINUED, text("Referent: Ole Jensen")),
            Review(D(2022, 1, 1), ReviewOutcome.ADJUSTED),
        ),
    )
    partnership = Partnership(
        "p-1",
        "Partnerskab",
        current,
        earlier=(dissolved,),
        members=(
            member("kommune", representative=text("Borgmester Jens Jensen"), mandates=(mandate(),)),
            member("ngo", role="bridge_builder"),
        ),
        commitments=(
            commitment(
                "c-1",
                "kommune",
                D(2020, 6, 1),
                status=(
                    StatusChange(C.PROPOSED, D(2020, 6, 1), text("Foreslået af Mette")),
                    StatusChange(C.AGREED, D(2020, 7, 1)),
                ),
                fulfilments=(
                    Fulfilment(D(2020, 9, 1), hours("10"), text("Leveret af Hans")),
                    Fulfilment(D(2020, 10, 1), hours("10")),
                ),
            ),
            commitment("c-2", "ngo", D(2020, 6, 1)),
        ),
    )
    organisations = (
        Organisation(
            "kommune",
            "Kommune",
            Sector.MUNICIPALITY,
            entry_points=(
                EntryPoint("e-1", "liaison", "Koordinator", channel=text("jens@example.dk")),
                EntryPoint("e-2", "general_inbox", "Borgerservice"),
            ),
        ),
        Organisation("ngo", "NGO", Sector.CIVIL_SOCIETY),
    )
    return Portfolio(
        organisations=organisations,
        areas=(Area("ornereden", "Ørnereden", "561"),),
        partnerships=(partnership, project(id="p-2", lifecycle=project_lifecycle())),
    )


def records(value: object) -> Iterator[object]:
    """Every attrs record inside ``value``, ``value`` included."""
    if isinstance(value, tuple):
        for item in value:
            yield from records(item)
    elif attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            if field.init:
                yield from records(getattr(value, field.name))


def test_the_full_portfolio_holds_personal_data_in_every_marked_field() -> None:
    filled = {
        (type(r).__name__, name)
        for r in records(full_portfolio(personal=True))
        for name in personal_fields(type(r))
        if getattr(r, name) is not None
    }
    assert filled == {
        ("Membership", "representative"),
        ("EntryPoint", "channel"),
        ("StatusChange", "note"),
        ("Fulfilment", "note"),
        ("Review", "note"),
    }


def test_redact_removes_every_personal_field_and_changes_nothing_else() -> None:
    redacted = redact(full_portfolio(personal=True))
    assert redacted == full_portfolio(personal=False)
    for record in records(redacted):
        for name in personal_fields(type(record)):
            assert getattr(record, name) is None, (type(record).__name__, name)


def test_redact_keeps_untouched_parts_as_the_same_objects() -> None:
    full = full_portfolio(personal=True)
    redacted = redact(full)
    assert redacted.areas is full.areas
    assert redacted.partnerships[1] is full.partnerships[1]
    assert redacted.organisations[1] is full.organisations[1]
    assert redacted.organisations[0].entry_points[1] is full.organisations[0].entry_points[1]
    first, second = full.partnerships[0].members
    assert redacted.partnerships[0].members[1] is second
    assert redacted.partnerships[0].members[0].mandates is first.mandates


def test_redact_returns_a_record_without_personal_data_unchanged() -> None:
    clean = full_portfolio(personal=False)
    assert redact(clean) is clean
    assert redact(redact(full_portfolio(personal=True))) == clean


def test_redact_leaves_the_original_as_it_was() -> None:
    full = full_portfolio(personal=True)
    redact(full)
    assert full == full_portfolio(personal=True)


def test_redact_works_on_a_single_record_and_on_plain_values() -> None:
    assert redact(Membership("kommune", "lead", D(2020, 1, 1), representative="Direktør")) == (
        Membership("kommune", "lead", D(2020, 1, 1))
    )
    assert redact("Direktør") == "Direktør"
    assert redact(None) is None


def test_redacted_lookups_still_work() -> None:
    redacted = redact(opdrift())
    assert redacted.partnership("opdrift").member("bryggens-erhverv").representative is None
    assert redacted.organisation("ringkaeden").name == "Ringkæden"


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        (Membership, ("representative",)),
        (EntryPoint, ("channel",)),
        (StatusChange, ("note",)),
        (Fulfilment, ("note",)),
        (Review, ("note",)),
    ],
)
def test_the_marked_fields_are_the_documented_ones(cls: type[Any], fields: tuple[str, ...]) -> None:
    assert personal_fields(cls) == fields


def test_no_other_public_model_record_has_personal_fields() -> None:
    exported = [getattr(samarbejde, name) for name in samarbejde.__all__]
    marked = {
        cls.__name__
        for cls in exported
        if isinstance(cls, type)
        and attrs.has(cls)
        and cls.__module__.startswith("samarbejde.model.")  # the model's own modules
        and personal_fields(cls)
    }
    assert marked == {"Membership", "EntryPoint", "StatusChange", "Fulfilment", "Review"}
