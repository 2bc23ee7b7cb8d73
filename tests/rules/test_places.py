"""S021: an area a partnership serves leaves every government list while it runs (D113)."""

from __future__ import annotations

from tests.rules._fragments import AS_OF, document

from samarbejde import validate

ON_2019 = "{id: u-2019, category: udsat, list_date: 2019-12-01, listings: [{area: omraadet}]}"


def _s021(**fragment: str) -> list[str]:
    report = validate(document(fragment), as_of=AS_OF, select=["S021"])
    return [f"{f.subject} {f.path}" for f in report.findings]


def test_leaving_every_list_before_the_partnership_began_is_no_finding() -> None:
    lists = "[{id: u-2017, category: udsat, list_date: 2017-12-01, listings: [{area: omraadet}]},"
    lists += " {id: u-2018, category: udsat, list_date: 2018-12-01, complete: true}]"
    assert _s021(lists=lists) == []


def test_leaving_one_list_while_on_another_is_no_finding() -> None:
    other = "{id: k-2019, category: kombineret_udlejning, list_date: 2019-12-01,"
    other += " listings: [{area: omraadet}]}"
    off = "{id: u-2020, category: udsat, list_date: 2020-12-01, left: [omraadet]}"
    assert _s021(lists=f"[{ON_2019}, {other}, {off}]") == []


def test_the_areas_own_classifications_count_as_lists() -> None:
    own = "[{category: udsat, list_date: 2019-12-01}, {category: none, list_date: 2020-12-01}]"
    found = _s021(**{"areas[omraadet].classifications": own})
    assert found == [
        "omraadet partnerships[alliance].areas",
        "omraadet partnerships[projekt].areas",
    ]


def test_an_unknown_status_is_not_a_leaving() -> None:
    own = "[{category: unknown, list_date: 2020-12-01}]"
    found = _s021(lists=f"[{ON_2019}]", **{"areas[omraadet].classifications": own})
    assert found == []
