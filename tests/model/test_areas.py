"""Areas: the places partnerships serve, with dated classifications."""

from __future__ import annotations

import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import Area, AreaCategory, Classification, ModelError
from samarbejde.testing import assert_model_error

LISTED = (
    Classification(AreaCategory.UDSAT, D(2018, 12, 1)),
    Classification(AreaCategory.FOREBYGGELSE, D(2021, 12, 1)),
    Classification(AreaCategory.NONE, D(2023, 12, 1)),
)


def test_an_area_lies_in_a_danish_municipality() -> None:
    area = Area("osterbyen", "Østerbyen", "561", residents=2400)
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


@pytest.mark.parametrize(("field", "value"), [("id", "Østerbyen"), ("name", "  ")])
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


def test_two_classifications_may_share_a_list_date() -> None:
    same_day = (LISTED[0], Classification(AreaCategory.PARALLELSAMFUND, D(2018, 12, 1)))
    area = Area("a", "A", "561", classifications=same_day)
    assert area.classification_on(D(2018, 12, 1)) is AreaCategory.PARALLELSAMFUND


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
    ("day", "category"),
    [
        (D(2018, 11, 30), None),
        (D(2018, 12, 1), AreaCategory.UDSAT),
        (D(2021, 11, 30), AreaCategory.UDSAT),
        (D(2021, 12, 1), AreaCategory.FOREBYGGELSE),
        (D(2030, 1, 1), AreaCategory.NONE),
    ],
)
def test_the_classification_in_force_is_the_latest_listed(
    day: object, category: AreaCategory | None
) -> None:
    area = Area("a", "A", "561", classifications=LISTED)
    assert area.classification_on(day) is category  # type: ignore[arg-type]


def test_an_area_as_of_a_day_keeps_the_lists_published_by_then() -> None:
    area = Area("a", "A", "561", residents=10, classifications=LISTED)
    assert area.as_of(D(2022, 1, 1)) == Area(
        "a", "A", "561", residents=10, classifications=LISTED[:2]
    )
    assert area.as_of(D(2017, 1, 1)).classifications == ()
    assert area.as_of(D(2024, 1, 1)) is area
    assert area.classifications == LISTED
