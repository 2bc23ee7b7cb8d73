"""Vision, goals and challenges: the partnership's shared purpose."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import Challenge, Goal, ModelError, Vision
from samarbejde.testing import assert_model_error


def test_a_goal_has_an_indicator_a_baseline_and_a_target() -> None:
    goal = Goal(
        "g-fritidsjob",
        "Flere unge i fritidsjob",
        indicator="Andel 15-17-årige med fritidsjob (%)",
        baseline=Decimal("12"),
        target=Decimal("25"),
        due=D(2025, 12, 31),
        owners=("bryggens-erhverv",),
        challenges=("u-ledighed",),
    )
    assert (goal.baseline, goal.target) == (Decimal("12"), Decimal("25"))


def test_a_goal_may_go_down_and_below_zero() -> None:
    goal = Goal("g", "Færre", baseline=Decimal("-1"), target=Decimal("-5"))
    assert goal.target == Decimal("-5")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "G1"),
        ("title", ""),
        ("indicator", " "),
        ("baseline", 12.0),
        ("target", Decimal("NaN")),
        ("target", 25),
        ("due", "2025-12-31"),
        ("owners", ("a", "a")),
        ("owners", "a"),
        ("challenges", ("Ledighed",)),
    ],
)
def test_a_goal_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"id": "g", "title": "Mål", field: value}
    with pytest.raises(ModelError) as caught:
        Goal(**fields)  # type: ignore[arg-type]
    expected = "Ledighed" if value == ("Ledighed",) else value
    assert_model_error(caught.value, "Goal", field, expected)


def test_a_challenge_is_identified_on_a_day_by_organisations() -> None:
    challenge = Challenge("u-ledighed", "Ungdomsledighed", D(2019, 10, 1), ("kommune", "ngo"))
    assert challenge.identified_by == ("kommune", "ngo")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", ""),
        ("title", "\n"),
        ("identified_on", None),
        ("identified_by", ("kommune", "kommune")),
    ],
)
def test_a_challenge_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"id": "u", "title": "U", "identified_on": D(2019, 1, 1)}
    fields[field] = value
    with pytest.raises(ModelError) as caught:
        Challenge(**fields)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Challenge", field, value)


def test_a_vision_is_agreed_on_a_day() -> None:
    vision = Vision("Alle unge i Ørnereden har en vej ind", D(2020, 6, 1), ("kommune",))
    assert vision.agreed_on == D(2020, 6, 1)


@pytest.mark.parametrize(
    ("field", "value"),
    [("text", " "), ("agreed_on", "2020-06-01"), ("agreed_by", ("Kommune",))],
)
def test_a_vision_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"text": "Vision", "agreed_on": D(2020, 6, 1), field: value}
    with pytest.raises(ModelError) as caught:
        Vision(**fields)  # type: ignore[arg-type]
    expected = "Kommune" if value == ("Kommune",) else value
    assert_model_error(caught.value, "Vision", field, expected)
