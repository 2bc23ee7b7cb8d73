"""An area's categories on a day: its lists and its own classifications together (D113)."""

from __future__ import annotations

import attrs
import pendulum
from hypothesis import given
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    UNKNOWN,
    Area,
    AreaCategory,
    AreaList,
    Classification,
    Listing,
    Portfolio,
    categories_of,
    categories_on_lists,
    load_lists,
)
from samarbejde.strategies import dates, portfolios


def _area(*classified: tuple[AreaCategory, pendulum.Date]) -> Area:
    return Area("a", "A", "561", classifications=tuple(Classification(c, d) for c, d in classified))


def test_a_complete_earlier_list_does_not_hide_the_areas_own_later_classification() -> None:
    area = _area((AreaCategory.GHETTO, D(2019, 12, 1)))
    ghetto = AreaList("g-2018", "ghetto", D(2018, 12, 1), complete=True)
    assert categories_of(area, [ghetto], D(2020, 1, 1)) == ("ghetto",)
    assert Portfolio(areas=(area,), lists=(ghetto,)).categories_on("a", D(2020, 1, 1)) == (
        "ghetto",
    )


def test_a_later_list_decides_over_the_areas_own_earlier_classification() -> None:
    area = _area((AreaCategory.UDSAT, D(2021, 12, 1)))
    off = AreaList("u-2022", "udsat", D(2022, 12, 1), complete=True)
    assert categories_of(area, [off], D(2022, 1, 1)) == ("udsat",)
    assert categories_of(area, [off], D(2023, 1, 1)) == ()


def test_the_areas_own_later_list_takes_it_off_a_category_it_does_not_name() -> None:
    area = _area((AreaCategory.FOREBYGGELSE, D(2022, 12, 1)))
    on = AreaList("u-2021", "udsat", D(2021, 12, 1), listings=(Listing("a"),))
    assert categories_of(area, [on], D(2022, 1, 1)) == ("udsat",)
    assert categories_of(area, [on], D(2023, 1, 1)) == ("forebyggelse",)


def test_a_list_of_an_open_category_adds_to_the_areas_own() -> None:
    area = _area((AreaCategory.UDSAT, D(2023, 12, 1)))
    combined = AreaList("ku-2024", "kombineret_udlejning", D(2024, 12, 1), listings=(Listing("a"),))
    assert categories_of(area, [combined], D(2025, 1, 1)) == ("kombineret_udlejning", "udsat")


def test_an_unknown_status_stays_unknown_until_a_later_list_speaks() -> None:
    area = _area((UNKNOWN, D(2022, 12, 1)))  # type: ignore[arg-type]
    earlier = AreaList("u-2021", "udsat", D(2021, 12, 1), listings=(Listing("a"),))
    later = AreaList("u-2023", "udsat", D(2023, 12, 1), complete=True)
    assert categories_of(area, [earlier], D(2023, 1, 1)) == ("udsat", "unknown")
    assert categories_of(area, [earlier, later], D(2024, 1, 1)) == ()


def _days(portfolio: Portfolio, day: pendulum.Date) -> list[pendulum.Date]:
    listed = [x.list_date for x in portfolio.lists]
    listed += [c.list_date for a in portfolio.areas for c in a.classifications]
    return [day, *listed, *(d.add(days=1) for d in listed)]


@given(portfolios(), dates())
def test_every_derived_category_was_given_by_a_list_or_by_the_area_itself(
    portfolio: Portfolio, day: pendulum.Date
) -> None:
    for area in portfolio.areas:
        for on in _days(portfolio, day):
            held = portfolio.categories_on(area.id, on)
            named = {
                x.category for x in portfolio.lists if x.list_date <= on and area.id in x.areas
            }
            own = {c.category.value for c in area.classifications if c.list_date <= on}
            assert set(held) <= named | own, (area.id, on)


@given(portfolios(), dates())
def test_an_area_no_list_speaks_of_keeps_its_own_and_one_with_none_of_its_own_its_lists(
    portfolio: Portfolio, day: pendulum.Date
) -> None:
    for area in portfolio.areas:
        for on in _days(portfolio, day):
            held = portfolio.categories_on(area.id, on)
            from_lists = categories_on_lists(portfolio.lists, area.id, on)
            if from_lists is None:
                assert held == tuple(c.value for c in area.classifications_on(on))
            if not [c for c in area.classifications if c.list_date <= on]:
                assert held == (from_lists or ())


@given(portfolios(), dates())
def test_a_list_after_every_other_word_decides_its_category(
    portfolio: Portfolio, day: pendulum.Date
) -> None:
    last = max(*_days(portfolio, day), D(2024, 12, 31)).add(days=1)  # each category in force
    for area in portfolio.areas:
        for category in ("udsat", "parallelsamfund", "kombineret_udlejning"):
            on = AreaList("on", category, last, listings=(Listing(area.id),))
            off = AreaList("off", category, last, complete=True)
            with_on = attrs.evolve(portfolio, lists=(*portfolio.lists, on))
            with_off = attrs.evolve(portfolio, lists=(*portfolio.lists, off))
            assert category in with_on.categories_on(area.id, last)
            assert category not in with_off.categories_on(area.id, last)
            others = set(portfolio.categories_on(area.id, last)) - {category, "unknown"}
            assert set(with_on.categories_on(area.id, last)) - {category, "unknown"} == others


def test_the_shipped_lists_give_every_area_its_categories_on_every_list_date() -> None:
    shipped = load_lists()
    for area in shipped.areas:
        for x in shipped.lists:
            held = shipped.categories_on(area.id, x.list_date)
            said = categories_on_lists(shipped.lists, area.id, x.list_date) or ()
            assert held == said
            if area.id in x.areas:
                assert x.category in held
