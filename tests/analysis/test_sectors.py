from __future__ import annotations

import attrs
from tests.analysis.portfolios import AS_OF, D, neighbourhood, project

from samarbejde import Membership, Organisation, Portfolio, Sector
from samarbejde.analysis import (
    CORE_SECTORS,
    area_coverage,
    root_organisation,
    sector_coverage,
    silos,
)

S = Sector


def test_sector_coverage_lists_present_and_missing_core_sectors_per_partnership() -> None:
    coverage = {c.partnership: c for c in sector_coverage(neighbourhood(), as_of=AS_OF)}
    assert set(coverage) == {"alliancen", "projektet", "lektiecafe", "omstillet"}
    assert coverage["alliancen"].missing == ()
    assert dict(coverage["alliancen"].members)[S.MUNICIPALITY] == 2
    assert coverage["projektet"].sectors == (S.MUNICIPALITY, S.CIVIL_SOCIETY)
    assert coverage["projektet"].missing == (S.HOUSING, S.BUSINESS, S.RESIDENTS)
    assert coverage["omstillet"].sectors == (S.HOUSING,)


def test_sector_coverage_puts_the_narrowest_partnership_first() -> None:
    order = [c.partnership for c in sector_coverage(neighbourhood(), as_of=AS_OF)]
    assert order == ["omstillet", "lektiecafe", "projektet", "alliancen"]


def test_members_who_left_no_longer_count_for_a_sector() -> None:
    left = project().release("forening", on=D(2022, 1, 1))
    (coverage,) = sector_coverage(
        Portfolio(organisations=neighbourhood().organisations, partnerships=(left,)), as_of=AS_OF
    )
    assert S.CIVIL_SOCIETY in coverage.missing


def test_members_unknown_to_the_portfolio_are_listed_not_guessed() -> None:
    (coverage,) = sector_coverage(Portfolio(partnerships=(project(),)), as_of=AS_OF)
    assert coverage.sectors == ()
    assert coverage.unknown == ("forening", "kommune-skole", "kommune-social")
    assert coverage.missing == CORE_SECTORS


def test_area_coverage_joins_the_sectors_of_every_partnership_serving_the_area() -> None:
    coverage = {c.area: c for c in area_coverage(neighbourhood(), as_of=AS_OF)}
    parken, havnen = coverage["parken"], coverage["havnen"]
    assert parken.partnerships == ("alliancen", "lektiecafe", "omstillet", "projektet")
    assert parken.missing == ()
    assert parken.municipality == "101"
    assert havnen.partnerships == ()
    assert havnen.missing == CORE_SECTORS
    assert [c.area for c in area_coverage(neighbourhood(), as_of=AS_OF)] == ["havnen", "parken"]


def test_the_root_of_a_unit_is_its_top_organisation() -> None:
    portfolio = neighbourhood()
    assert root_organisation(portfolio, "kommune-skole") == "kommune"
    assert root_organisation(portfolio, "kommune") == "kommune"
    assert root_organisation(portfolio, "ukendt") == "ukendt"


def test_a_cycle_of_parents_stops_the_walk_instead_of_looping() -> None:
    looped = Portfolio(
        organisations=(
            Organisation("a", "A", S.MUNICIPALITY, parent="b"),
            Organisation("b", "B", S.MUNICIPALITY, parent="a"),
        )
    )
    assert root_organisation(looped, "a") in {"a", "b"}


def test_silos_show_units_of_one_organisation_taking_part_on_their_own() -> None:
    (silo,) = silos(neighbourhood(), as_of=AS_OF)
    assert silo.organisation == "kommune"
    assert silo.units == ("kommune-skole", "kommune-social")
    assert silo.partnerships == ("alliancen", "projektet")
    assert silo.side_by_side == ("alliancen", "projektet")


def test_units_in_different_partnerships_are_a_silo_but_not_side_by_side() -> None:
    alone = project().release("kommune-social", on=D(2020, 1, 1))
    other = attrs.evolve(
        project(), id="andet", members=(Membership("kommune-social", "lead", D(2019, 1, 1)),)
    )
    portfolio = Portfolio(organisations=neighbourhood().organisations, partnerships=(alone, other))
    (silo,) = silos(portfolio, as_of=AS_OF)
    assert silo.units == ("kommune-skole", "kommune-social")
    assert silo.side_by_side == ()
    assert silos(portfolio, as_of=D(2019, 6, 1))[0].side_by_side == ("projektet",)
