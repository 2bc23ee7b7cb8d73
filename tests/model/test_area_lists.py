"""Government lists as data: open categories, derived classifications, leaving (D97, D98)."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    Area,
    AreaCategory,
    AreaList,
    Classification,
    Figure,
    Listing,
    ModelError,
    Portfolio,
    categories_on_lists,
    check_list_counts,
    dumps,
    load_lists,
    loads,
    published_counts,
    validate,
)
from samarbejde.strategies import area_lists, dates, portfolios

AREAS = ("a", "b", "c")


def test_a_list_of_a_category_the_model_did_not_know_loads() -> None:
    combined = AreaList("ku-2024", "kombineret_udlejning", D(2024, 12, 1), listings=(Listing("a"),))
    assert categories_on_lists([combined], "a", D(2025, 1, 1)) == ("kombineret_udlejning",)


def test_leaving_one_list_keeps_the_others() -> None:
    lists = [
        AreaList("p-2021", "parallelsamfund", D(2021, 12, 1), listings=(Listing("a"),)),
        AreaList("u-2021", "udsat", D(2021, 12, 1), listings=(Listing("a"),)),
        AreaList("p-2022", "parallelsamfund", D(2022, 12, 1), left=("a",)),
    ]
    assert categories_on_lists(lists, "a", D(2022, 6, 1)) == ("parallelsamfund", "udsat")
    assert categories_on_lists(lists, "a", D(2023, 1, 1)) == ("udsat",)


def test_an_incomplete_list_says_nothing_of_areas_it_does_not_name() -> None:
    first = AreaList("u-2021", "udsat", D(2021, 12, 1), listings=(Listing("a"),), complete=True)
    partial = AreaList("u-2022", "udsat", D(2022, 12, 1), listings=(Listing("b"),), count=17)
    assert categories_on_lists([first, partial], "a", D(2023, 1, 1)) == ("udsat",)
    complete = attrs.evolve(partial, complete=True)
    assert categories_on_lists([first, complete], "a", D(2023, 1, 1)) == ()
    assert categories_on_lists([first, complete], "c", D(2023, 1, 1)) == ()
    assert categories_on_lists([partial], "c", D(2023, 1, 1)) is None


def test_a_category_ends_with_its_law() -> None:
    ghetto = AreaList("g-2018", "ghetto", D(2018, 12, 1), listings=(Listing("a"),))
    assert categories_on_lists([ghetto], "a", D(2019, 1, 1)) == ("ghetto",)
    assert categories_on_lists([ghetto], "a", D(2022, 1, 1)) == ()


def test_an_area_cannot_be_on_a_list_and_leave_it_the_same_day() -> None:
    with pytest.raises(ModelError):
        AreaList("u", "udsat", D(2021, 12, 1), listings=(Listing("a"),), left=("a",))


def test_an_area_has_each_figure_once() -> None:
    with pytest.raises(ModelError):
        Listing("a", (Figure("residents", 1), Figure("residents", 2)))  # type: ignore[arg-type]


def test_without_lists_the_areas_own_classifications_still_count() -> None:
    old = Area(
        "a", "A", "561", classifications=(Classification(AreaCategory.UDSAT, D(2021, 12, 1)),)
    )
    portfolio = Portfolio(areas=(old,))
    assert portfolio.categories_on("a", D(2022, 1, 1)) == ("udsat",)
    listed = attrs.evolve(
        portfolio, lists=(AreaList("u-2022", "udsat", D(2021, 12, 1), left=("a",)),)
    )
    assert listed.categories_on("a", D(2022, 1, 1)) == ()


@given(st.lists(area_lists(AREAS), max_size=5), st.sampled_from(AREAS), dates())
def test_derived_categories_come_from_lists_that_name_the_area_by_then(
    lists: list[AreaList], area: str, day: pendulum.Date
) -> None:
    derived = categories_on_lists(lists, area, day)
    named = {x.category for x in lists if x.list_date <= day and area in x.areas}
    said = [x for x in lists if x.list_date <= day and x.says(area) is not None]
    assert (derived is None) == (not said)
    assert set(derived or ()) <= named


@given(st.lists(area_lists(AREAS), max_size=4), st.sampled_from(AREAS), dates())
def test_a_later_list_that_takes_an_area_off_removes_only_its_category(
    lists: list[AreaList], area: str, day: pendulum.Date
) -> None:
    day = max((day, *(x.list_date for x in lists)))
    before = categories_on_lists(lists, area, day) or ()
    off = AreaList("off", "udsat", day, left=(area,))
    after = categories_on_lists([*lists, off], area, day)
    assert after is not None
    assert set(after) == set(before) - {"udsat"}


@given(portfolios(), dates())
def test_a_view_of_a_day_keeps_the_lists_dated_by_then(
    portfolio: Portfolio, day: pendulum.Date
) -> None:
    seen = portfolio.as_of(day)
    assert seen.lists == tuple(x for x in portfolio.lists if x.list_date <= day)


@given(portfolios())
def test_portfolios_with_lists_round_trip_through_every_format(portfolio: Portfolio) -> None:
    for fmt in ("yaml", "json", "toml"):
        assert loads(dumps(portfolio, fmt), fmt) == portfolio


# -- the shipped lists (D98) ------------------------------------------------------------


def test_every_published_count_of_2018_to_2024_has_a_loaded_list_that_agrees_or_is_marked() -> None:
    checks = check_list_counts(load_lists().lists)
    assert {c.list_date.year for c in checks} == set(range(2018, 2025))
    assert len(checks) == len(published_counts())
    assert {c.status for c in checks} <= {"agrees", "incomplete"}
    agreed = {(c.category, c.list_date.year) for c in checks if c.status == "agrees"}
    assert agreed == {("ghetto", 2018)}


def test_a_complete_list_missing_an_area_differs_from_its_count() -> None:
    lists = load_lists().lists
    ghetto = next(x for x in lists if x.id == "ghetto-2018")
    short = attrs.evolve(ghetto, listings=ghetto.listings[1:])
    checks = check_list_counts([short if x is ghetto else x for x in lists])
    assert [c.status for c in checks if c.list_id == "ghetto-2018"] == ["differs"]


def test_a_list_that_was_not_loaded_is_missing() -> None:
    lists = [x for x in load_lists().lists if x.id != "udsat-2019"]
    assert [c.status for c in check_list_counts(lists) if c.list_id is None] == ["missing"]


def test_lists_that_could_not_be_completed_name_no_area() -> None:
    for x in load_lists().lists:
        assert x.complete or not x.listings, x.id
        assert x.source, x.id


def test_the_2024_list_of_kombineret_udlejning_carries_each_areas_figures() -> None:
    combined = next(x for x in load_lists().lists if x.category == "kombineret_udlejning")
    assert (combined.list_date, combined.count, len(combined.listings)) == (D(2024, 12, 1), 8, 8)
    vollsmose = next(e for e in combined.listings if e.area == "vollsmose-461")
    assert {f.name: str(f.value) for f in vollsmose.figures} == {
        "residents": "5317",
        "outside_labour_market_pct": "40.9",
    }
    assert vollsmose.new is False


def test_an_area_on_both_shipped_lists_is_one_area() -> None:
    lists = load_lists()
    assert len({a.id for a in lists.areas}) == len(lists.areas)
    assert lists.categories_on("vollsmose-461", D(2019, 1, 1)) == ("ghetto",)
    assert lists.categories_on("vollsmose-461", D(2025, 1, 1)) == ("kombineret_udlejning",)


def test_the_shipped_lists_give_no_error_finding() -> None:
    assert validate(load_lists()).ok


def test_a_list_naming_an_area_the_portfolio_lacks_is_an_error() -> None:
    portfolio = Portfolio(
        areas=(Area("a", "A", "561"),),
        lists=(AreaList("u", "udsat", D(2021, 12, 1), listings=(Listing("b"),), left=("c",)),),
    )
    found = sorted((f.code, f.path) for f in validate(portfolio).findings)
    assert found == [("S002", "lists[u].left"), ("S002", "lists[u].listings")]


def test_a_list_id_used_twice_is_an_error() -> None:
    twice = AreaList("u", "udsat", D(2021, 12, 1))
    portfolio = Portfolio(lists=(twice, attrs.evolve(twice, list_date=D(2022, 12, 1))))
    assert validate(portfolio).codes == ("S009",)


def test_the_areas_frame_shows_the_categories_derived_from_the_lists() -> None:
    from samarbejde.analysis import to_frames  # noqa: PLC0415 - needs pandas

    frames = to_frames(load_lists(), as_of=D(2025, 1, 1))
    row = frames.areas.set_index("area").loc["vollsmose-461"]
    assert row["classifications"] == "kombineret_udlejning"
    assert len(frames.listings) == sum(len(x.listings) for x in load_lists().lists)
