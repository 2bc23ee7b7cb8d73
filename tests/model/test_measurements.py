"""Shared measurement: a goal's measure, direction and dated measurements (D95, D96)."""

from __future__ import annotations

import copy
import statistics
from decimal import Decimal, localcontext
from fractions import Fraction

import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date
from tests.properties.revalidate import rebuilt

from samarbejde import (
    Direction,
    Goal,
    Measure,
    Measurement,
    ModelError,
    Partnership,
    Portfolio,
    UnknownIdError,
    dumps,
    loads,
    projection,
)
from samarbejde.strategies import dates, goals, measurements, partnerships
from samarbejde.testing import assert_model_error, strategic

GOAL = Goal("g", "Færre ledige", baseline=Decimal(12), target=Decimal(8), due=D(2025, 12, 31))


def test_a_goal_says_its_measure_unit_and_direction() -> None:
    goal = Goal("g", "Lavere udgift", measure=Measure.AMOUNT, unit="DKK", direction=Direction.LOWER)
    assert (goal.measure, goal.unit, goal.better) == (Measure.AMOUNT, "DKK", Direction.LOWER)


def test_only_an_amount_has_a_unit() -> None:
    with pytest.raises(ModelError) as caught:
        Goal("g", "Andel", measure=Measure.PERCENTAGE, unit="%")
    assert_model_error(caught.value, "Goal", "unit", "%")


def test_without_a_direction_the_better_way_is_from_baseline_to_target() -> None:
    assert GOAL.better is Direction.LOWER
    assert GOAL.reached(Decimal(8)) is True
    assert GOAL.reached(Decimal("8.1")) is False
    assert Goal("g", "Mål").better is None
    assert Goal("g", "Mål").reached(Decimal(1)) is None


def test_a_period_ends_on_its_day_and_never_begins_after_it() -> None:
    with pytest.raises(ModelError) as caught:
        Measurement(D(2021, 1, 1), Decimal(1), since=D(2021, 1, 2))
    assert_model_error(caught.value, "Measurement", "since", D(2021, 1, 2))


def test_measurements_are_kept_oldest_first() -> None:
    with pytest.raises(ModelError):
        Goal(
            "g",
            "Mål",
            measurements=(Measurement(D(2022, 1, 1), Decimal(1)), Measurement(D(2021, 1, 1), 2)),  # type: ignore[arg-type]
        )


def test_the_trend_of_measurements_on_a_line_is_the_line() -> None:
    points = [Measurement(D(2021, 1, 1), Decimal(10)), Measurement(D(2021, 1, 11), Decimal(15))]
    assert projection(points, D(2021, 1, 21)) == Decimal("20.00")
    assert projection(points[:1], D(2021, 1, 21)) is None


@given(
    st.lists(st.integers(0, 3000), min_size=2, max_size=6, unique=True),
    st.fractions(-5, 5, max_denominator=10),
    st.integers(-100, 100),
    st.integers(0, 6000),
)
def test_the_least_squares_line_through_points_on_a_line_is_that_line(
    offsets: list[int], slope: Fraction, intercept: int, ahead: int
) -> None:
    first = D(2015, 1, 1)
    values = [Fraction(intercept) + slope * x for x in sorted(offsets)]
    assume(all(v.denominator in (1, 2, 5, 10) for v in values))
    points = [
        Measurement(first.add(days=x), Decimal(v.numerator) / Decimal(v.denominator))
        for x, v in zip(sorted(offsets), values, strict=True)
    ]
    expected = Fraction(intercept) + slope * ahead
    found = projection(points, first.add(days=ahead))
    assert found is not None
    assert abs(Fraction(found) - expected) <= Fraction(1, 100)


@given(st.lists(measurements(), min_size=2, max_size=5), dates())
def test_the_trend_does_not_depend_on_the_order_measurements_are_given(
    drawn: list[Measurement], due: pendulum.Date
) -> None:
    assert projection(drawn, due) == projection(list(reversed(drawn)), due)


@given(st.lists(measurements(), min_size=2, max_size=6), dates())
def test_the_trend_is_the_least_squares_line_read_exactly(
    drawn: list[Measurement], due: pendulum.Date
) -> None:
    # The oracle: the standard library's least squares over exact fractions, on days
    # counted from the first measurement, rounded as D96 says.
    assume(len({m.on for m in drawn}) >= 2)
    first = min(m.on for m in drawn)
    slope, intercept = statistics.linear_regression(
        [Fraction((m.on - first).days) for m in drawn], [Fraction(m.value) for m in drawn]
    )
    at = Fraction(intercept) + Fraction(slope) * (due - first).days
    places = max(0, *(-int(m.value.as_tuple().exponent) for m in drawn)) + 2
    with localcontext() as context:
        context.prec = 80
        expected = (Decimal(at.numerator) / Decimal(at.denominator)).quantize(
            Decimal(1).scaleb(-places)
        )
    assert projection(drawn, due) == expected


@given(partnerships(), st.data())
def test_measure_adds_one_measurement_in_date_order_and_keeps_every_invariant(
    p: Partnership, data: st.DataObject
) -> None:
    assume(p.goals)
    goal = data.draw(st.sampled_from(p.goals))
    on = data.draw(dates())
    value = data.draw(st.decimals(-1000, 1000, places=2))
    before = copy.deepcopy(p)
    after = p.measure(
        goal.id, value, on=on, source="Danmarks Statistik", approved_post="styregruppen"
    )
    assert p == before
    assert rebuilt(after) == after
    changed = after.goal(goal.id)
    assert len(changed.measurements) == len(goal.measurements) + 1
    assert [m.on for m in changed.measurements] == sorted(m.on for m in changed.measurements)
    added = [m for m in changed.measurements if m not in goal.measurements]
    assert [(m.on, m.value, m.source) for m in added] == [(on, value, "Danmarks Statistik")]
    assert [g for g in after.goals if g.id != goal.id] == [g for g in p.goals if g.id != goal.id]


@given(partnerships(), dates())
def test_a_view_of_a_day_holds_the_measurements_made_by_then(
    p: Partnership, day: pendulum.Date
) -> None:
    assume(p.lifecycles[0].started <= day)
    for goal in p.as_of(day).goals:
        assert all(m.on <= day for m in goal.measurements)
        full = p.goal(goal.id)
        assert goal.measurements == tuple(m for m in full.measurements if m.on <= day)


def test_measure_names_a_goal_the_partnership_has() -> None:
    with pytest.raises(UnknownIdError):
        strategic(goals=(GOAL,)).measure("g-ukendt", 1, on=D(2021, 1, 1))


def test_measure_refuses_a_value_that_is_no_number() -> None:
    with pytest.raises(ModelError) as caught:
        strategic(goals=(GOAL,)).measure("g", "mange", on=D(2021, 1, 1))
    assert_model_error(caught.value, "Measurement", "value", "mange")


@given(goals())
def test_goals_with_measurements_round_trip_through_every_format(goal: Goal) -> None:
    portfolio = Portfolio(partnerships=(strategic(goals=(goal,)),))
    for fmt in ("yaml", "json", "toml"):
        assert loads(dumps(portfolio, fmt), fmt) == portfolio
