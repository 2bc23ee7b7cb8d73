"""Areas: the places partnerships serve, with dated classifications."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    LAW_PERIODS,
    LAW_SOURCES,
    Area,
    AreaCategory,
    Classification,
    ModelError,
    categories_on,
)
from samarbejde.testing import assert_model_error

LISTED = (
    Classification(AreaCategory.UDSAT, D(2018, 12, 1)),
    Classification(AreaCategory.FOREBYGGELSE, D(2021, 12, 1)),
    Classification(AreaCategory.NONE, D(2023, 12, 1)),
)


def test_an_area_lies_in_a_danish_municipality() -> None:
    area = Area("ornereden", "Ørnereden", "561", residents=2400)
    assert (area.municipality, area.residents) == ("561", 2400)


@pytest.mark.parametrize("code", ["999", "56", 561, None])
def test_an_area_outside_the_98_municipalities_is_refused(code: object) -> None:
    with pytest.raises(ModelError) as caught:
        Area("a", "A", code)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Area", "municipality", code)


@pytest.mark.parametrize("residents", [0, 1, 50_000])
def test_an_area_may_count_zero_or_more_residents(residents: int) -> None:
    assert Area("a", "A", "561", residents=residents).residents == residents


@pytest.mark.parametrize("residents", [-1, True, 2.0, "2400"])
def test_residents_are_a_whole_number_zero_or_more(residents: object) -> None:
    with pytest.raises(ModelError) as caught:
        Area("a", "A", "561", residents=residents)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Area", "residents", residents)


@pytest.mark.parametrize(("field", "value"), [("id", "Ørnereden"), ("name", "  ")])
def test_an_area_needs_an_id_and_a_name(field: str, value: str) -> None:
    fields = {"id": "a", "name": "A", "municipality": "561", field: value}
    with pytest.raises(ModelError) as caught:
        Area(**fields)
    assert_model_error(caught.value, "Area", field, value)


def test_classifications_are_dated_in_order() -> None:
    backwards = (LISTED[1], LISTED[0])
    with pytest.raises(ModelError) as caught:
        Area("a", "A", "561", classifications=backwards)
    assert_model_error(caught.value, "Area", "classifications", D(2018, 12, 1))


def test_an_area_holds_every_category_of_one_list_at_once() -> None:
    """Stengårdsvej in Esbjerg was a parallelsamfund and an omdannelsesområde on the
    list of 1 December 2021; both are in force, in the order listed."""
    listed = (
        Classification(AreaCategory.UDSAT, D(2020, 12, 1)),
        Classification(AreaCategory.PARALLELSAMFUND, D(2021, 12, 1)),
        Classification(AreaCategory.OMDANNELSE, D(2021, 12, 1)),
    )
    area = Area("stengaardsvej", "Stengårdsvej", "561", classifications=listed)
    assert area.classifications_on(D(2021, 12, 1)) == (
        AreaCategory.PARALLELSAMFUND,
        AreaCategory.OMDANNELSE,
    )
    assert area.classifications_on(D(2021, 11, 30)) == (AreaCategory.UDSAT,)


def test_a_classification_needs_a_category_and_a_list_date() -> None:
    with pytest.raises(ModelError) as caught:
        Classification("udsat", D(2018, 12, 1))  # type: ignore[arg-type]
    assert_model_error(caught.value, "Classification", "category", "udsat")
    with pytest.raises(ModelError) as caught:
        Classification(AreaCategory.UDSAT, "2018-12-01")  # type: ignore[arg-type]
    assert_model_error(caught.value, "Classification", "list_date", "2018-12-01")


def test_classifications_must_be_classifications() -> None:
    with pytest.raises(ModelError) as caught:
        Area("a", "A", "561", classifications=("udsat",))  # type: ignore[arg-type]
    assert_model_error(caught.value, "Area", "classifications", "udsat")


@pytest.mark.parametrize(
    ("day", "categories"),
    [
        (D(2018, 11, 30), ()),
        (D(2018, 12, 1), (AreaCategory.UDSAT,)),
        (D(2021, 11, 30), (AreaCategory.UDSAT,)),
        (D(2021, 12, 1), (AreaCategory.FOREBYGGELSE,)),
        (D(2030, 1, 1), ()),
    ],
)
def test_the_classifications_in_force_are_those_of_the_latest_list(
    day: D, categories: tuple[AreaCategory, ...]
) -> None:
    area = Area("a", "A", "561", classifications=LISTED)
    assert area.classifications_on(day) == categories


@pytest.mark.parametrize(
    ("category", "day"),
    [
        (AreaCategory.GHETTO, D(2018, 12, 1)),
        (AreaCategory.HAARDT_GHETTO, D(2020, 12, 1)),
        (AreaCategory.UDSAT, D(2018, 12, 1)),
        (AreaCategory.GHETTO_2010, D(2010, 10, 1)),
        (AreaCategory.GHETTO_2010, D(2017, 12, 1)),
        (AreaCategory.PARALLELSAMFUND, D(2021, 12, 1)),
        (AreaCategory.NONE, D(2012, 12, 1)),
    ],
)
def test_a_list_is_entered_with_the_categories_of_its_law(category: AreaCategory, day: D) -> None:
    assert Classification(category, day).category is category
    assert category in categories_on(day)
    assert LAW_PERIODS[category].contains(day)


@pytest.mark.parametrize(
    ("category", "day", "holds"),
    [
        (AreaCategory.PARALLELSAMFUND, D(2018, 12, 1), "ghetto, haardt_ghetto, udsat, none"),
        (AreaCategory.GHETTO, D(2021, 12, 1), "udsat, forebyggelse, omdannelse"),
        (AreaCategory.GHETTO_2010, D(2018, 12, 1), "ghetto, haardt_ghetto"),
        (AreaCategory.UDSAT, D(2016, 12, 1), "ghetto_2010, none"),
        (AreaCategory.NONE, D(2009, 12, 1), "no category"),
    ],
)
def test_a_category_outside_its_law_period_is_refused_with_the_ones_there_were(
    category: AreaCategory, day: D, holds: str
) -> None:
    with pytest.raises(ModelError) as caught:
        Classification(category, day)
    assert_model_error(caught.value, "Classification", "list_date", day)
    assert holds in str(caught.value)


def test_every_category_has_a_law_period() -> None:
    assert set(LAW_PERIODS) == set(AreaCategory)
    assert categories_on(D(2019, 12, 1)) == (
        AreaCategory.GHETTO,
        AreaCategory.HAARDT_GHETTO,
        AreaCategory.UDSAT,
        AreaCategory.NONE,
    )


def test_an_area_as_of_a_day_keeps_the_lists_published_by_then() -> None:
    area = Area("a", "A", "561", residents=10, classifications=LISTED)
    assert area.as_of(D(2022, 1, 1)) == Area(
        "a", "A", "561", residents=10, classifications=LISTED[:2]
    )
    assert area.as_of(D(2017, 1, 1)).classifications == ()
    assert area.as_of(D(2024, 1, 1)) is area
    assert area.classifications == LISTED


def test_a_category_is_in_force_only_inside_its_law_period() -> None:
    """An area on the 2018 list as a ghetto, and on no list since, is no ghetto in 2024:
    the category ended with the 2018 law's words (its period in LAW_PERIODS)."""
    area = Area(
        "a", "A", "561", classifications=(Classification(AreaCategory.GHETTO, D(2018, 12, 1)),)
    )
    assert area.classifications_on(D(2018, 12, 1)) == (AreaCategory.GHETTO,)
    assert area.classifications_on(D(2020, 12, 31)) == (AreaCategory.GHETTO,)
    assert area.classifications_on(D(2021, 1, 1)) == ()
    assert area.classifications_on(D(2024, 12, 1)) == ()


@given(st.sampled_from(list(AreaCategory)), st.dates(max_value=dt.date(2040, 12, 31)))
def test_no_category_is_in_force_outside_its_period(category: AreaCategory, on: dt.date) -> None:
    period = LAW_PERIODS[category]
    listed = Classification(category, period.start)
    held = Area("a", "A", "561", classifications=(listed,)).classifications_on(on)
    in_force = category is not AreaCategory.NONE and period.contains(D(on.year, on.month, on.day))
    assert held == ((category,) if in_force else ())


def test_every_category_has_its_period_and_its_source_in_one_table() -> None:
    assert set(LAW_SOURCES) == set(LAW_PERIODS) == set(AreaCategory)
    assert all(source.strip() for source in LAW_SOURCES.values())
