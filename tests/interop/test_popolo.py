"""Popolo: exports validate against Popolo's own draft-03 schemas; reading Popolo back."""

from __future__ import annotations

import copy
import json

import attrs
import pendulum
import pytest
from hypothesis import given
from referencing.exceptions import Unresolvable
from tests.interop.conftest import PATIENT
from tests.interop.standards import (
    FULL_DATE,
    POPOLO,
    popolo_dates,
    popolo_errors,
    popolo_registry,
    popolo_validator,
)

from samarbejde import Approximate, LoadError, Portfolio, Sector, examples, validate
from samarbejde import strategies as sst
from samarbejde.interop import CVR_SCHEME, from_popolo, to_org_jsonld, to_popolo
from samarbejde.model.iso import read_when, write_date


def _full_dates(document: dict[str, object]) -> bool:
    """Every date is a real day, or a real year or month (an approximate date, D74)."""
    for text in popolo_dates(document):  # type: ignore[arg-type]
        if FULL_DATE.fullmatch(text):
            pendulum.parse(text, exact=True)  # raises on 2019-13-01
        else:
            read_when(text)  # raises on anything but YYYY or YYYY-MM of a real month
    return True


# -- the validator itself ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["organization", "membership", "post", "area"])
def test_upstream_examples_validate_under_the_same_validator(name: str) -> None:
    example = json.loads((POPOLO / "examples" / f"{name}.json").read_text(encoding="utf-8"))
    assert list(popolo_validator(name).iter_errors(example)) == []


def test_the_validator_rejects_what_the_schema_forbids() -> None:
    broken = {"organizations": [{"id": "x", "identifiers": [{"scheme": "DK-CVR"}]}]}
    assert any("identifier" in error for error in popolo_errors(broken))
    assert popolo_errors({"memberships": [{"start_date": "1 May 2019"}]})


def test_the_schema_alone_lets_an_impossible_date_through() -> None:
    # Why the exporter is stricter than the schema: Popolo's pattern accepts month 13.
    assert popolo_errors({"organizations": [{"founding_date": "2019-13-01"}]}) == []


def test_references_resolve_locally_and_nothing_is_fetched() -> None:
    resolver = popolo_registry().resolver()
    assert resolver.lookup("http://www.popoloproject.com/schemas/link.json#").contents
    with pytest.raises(Unresolvable):
        resolver.lookup("http://www.popoloproject.com/schemas/not-there.json#")


# -- exports -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", examples.names())
def test_bundled_examples_export_valid_popolo(name: str) -> None:
    export = to_popolo(examples.load(name))
    assert popolo_errors(export.document) == []
    assert _full_dates(export.document)
    assert export.omitted, "the examples say more than Popolo can"
    json.dumps(export.document)  # plain JSON


def test_an_export_says_what_popolo_can() -> None:
    portfolio = examples.load("opdrift")
    document = to_popolo(portfolio).document
    kinds = {item["id"]: item for item in document["organizations"]}
    assert kinds["partnership/opdrift"]["classification"] == "partnership"
    assert kinds["partnership/opdrift"]["founding_date"] == "2019-09-01"
    assert kinds["esbjerg-kommune"]["classification"] == "municipality"
    assert {"identifier": "561", "scheme": "DK-KOMMUNEKODE"} in kinds["esbjerg-kommune"][
        "identifiers"
    ]
    membership = next(m for m in document["memberships"] if m["id"] == "opdrift/digebo")
    assert membership["member"] == {"@type": "Organization", "id": "digebo"}
    assert membership["organization_id"] == "partnership/opdrift"
    areas = {a["id"]: a for a in document["areas"]}
    assert areas["ornereden"]["parent_id"] == "kommune/561"
    assert areas["kommune/561"]["name"] == "Esbjerg"


def test_omissions_name_their_paths_by_id() -> None:
    export = to_popolo(examples.load("opdrift"))
    paths = {o.path for o in export.omitted}
    assert "partnerships[opdrift].commitments" in paths
    assert "areas[ornereden].residents" in paths
    assert all(o.reason for o in export.omitted)


@PATIENT
@given(sst.portfolios())
def test_generated_portfolios_export_valid_popolo_that_reads_back_the_same(
    portfolio: Portfolio,
) -> None:
    first = to_popolo(portfolio).document
    assert popolo_errors(first) == []
    assert _full_dates(first)
    # The round trip Popolo -> samarbejde -> Popolo keeps what both can say.
    imported = from_popolo(copy.deepcopy(first))
    assert imported.omitted == ()
    assert to_popolo(imported.portfolio).document == first


@pytest.mark.parametrize("name", examples.names())
def test_bundled_examples_round_trip(name: str) -> None:
    first = to_popolo(examples.load(name)).document
    imported = from_popolo(first)
    assert imported.omitted == ()
    assert to_popolo(imported.portfolio).document == first
    assert validate(imported.portfolio, as_of=examples.AS_OF).ok


# -- reading Popolo from elsewhere -----------------------------------------------------------


def _upstream() -> dict[str, object]:
    read = {
        n: json.loads((POPOLO / "examples" / f"{n}.json").read_text())
        for n in ("organization", "membership", "post", "area")
    }
    return {
        "organizations": [read["organization"]],
        "memberships": [read["membership"]],
        "posts": [read["post"]],
        "areas": [read["area"]],
    }


def test_upstream_popolo_is_read_and_what_cannot_be_placed_is_reported() -> None:
    imported = from_popolo(_upstream())
    org = imported.portfolio.organisation("abc-inc")
    assert org.sector is Sector.OTHER
    assert org.parent is None  # upstream's parent is not in the document
    assert org.entry_point("abc-inc-chef").post == "Chef at Joe's Diner"
    reasons = {o.path: o.reason for o in imported.omitted}
    assert "not a samarbejde sector" in reasons["organizations[abc-inc].classification"]
    assert "no organization" in reasons["organizations[abc-inc].parent_id"]
    assert "CVR" in reasons["organizations[abc-inc].identifiers[DUNS]"]
    assert "never persons" in reasons["memberships[593]"]
    # upstream's area has no id and no parent municipality: the true cause is the latter
    assert "no Danish municipality" in reasons["areas[0]"]
    assert "kind" in reasons["posts[abc-inc-chef].role"]


def test_areas_are_read_inside_their_municipality() -> None:
    document = {
        "areas": [
            {
                "id": "kommune/561",
                "name": "Esbjerg",
                "identifier": "561",
                "classification": "municipality",
            },
            {"id": "ornereden", "name": "Ørnereden", "parent_id": "kommune/561"},
            {"id": "ornereden", "name": "Again", "parent_id": "kommune/561"},
            {"id": "ward-1", "name": "Boston Ward 1", "parent_id": "boston"},
        ]
    }
    imported = from_popolo(document)
    assert [(a.id, a.municipality) for a in imported.portfolio.areas] == [("ornereden", "561")]
    assert [o.reason for o in imported.omitted] == [
        "a second area with this id",
        "the area lies in no Danish municipality (no parent municipality)",
    ]


def _partnership_document(**changes: object) -> dict[str, object]:
    document: dict[str, list[dict[str, object]]] = {
        "organizations": [
            {
                "id": "kommunen",
                "name": "Kommunen",
                "classification": "municipality",
                "identifiers": [{"identifier": "13585628", "scheme": CVR_SCHEME}],
            },
            {
                "id": "p",
                "name": "P",
                "classification": "partnership",
                "founding_date": "2020-01-01",
            },
        ],
        "memberships": [
            {
                "id": "m",
                "role": "lead",
                "organization_id": "p",
                "start_date": "2020-02-01",
                "member": {"@type": "Organization", "id": "kommunen"},
            },
        ],
    }
    for key, value in changes.items():
        list_name, index, field = key.split("__")
        document[list_name][int(index)][field] = value
    return document


def test_a_partnership_is_read_with_its_members() -> None:
    imported = from_popolo(_partnership_document())
    partnership = imported.portfolio.partnership("p")
    assert partnership.lifecycle.started == pendulum.Date(2020, 1, 1)
    assert partnership.member("kommunen").role == "lead"
    assert imported.portfolio.organisation("kommunen").identifiers.cvr == "13585628"
    assert imported.omitted == ()


def test_an_impossible_date_is_not_read() -> None:
    imported = from_popolo(_partnership_document(memberships__0__start_date="2019-13-01"))
    assert imported.portfolio.partnership("p").members == ()
    assert imported.omitted[0].path == "memberships[m].start_date"


def test_a_partial_founding_date_is_an_unknown_early_history() -> None:
    imported = from_popolo(_partnership_document(organizations__1__founding_date="2020-01"))
    lifecycle = imported.portfolio.partnership("p").lifecycle
    assert lifecycle.since == Approximate(2020, 1)  # D112: no day from the first member
    assert lifecycle.started == pendulum.Date(2020, 1, 1)


def test_a_membership_s_year_or_month_is_read_as_an_approximate_date() -> None:
    document = _partnership_document(memberships__0__end_date="2020-06")
    imported = from_popolo(document)
    assert imported.omitted == ()
    assert imported.portfolio.partnership("p").members[0].left == Approximate(2020, 6)


def test_a_partnership_without_any_date_is_reported() -> None:
    document = _partnership_document(organizations__1__founding_date=None)
    document["memberships"] = []
    imported = from_popolo(document)
    assert imported.portfolio.partnerships == ()
    assert imported.omitted[0].path == "organizations[p]"


def test_organizations_can_be_named_as_partnerships() -> None:
    document = _partnership_document(organizations__1__classification="committee")
    assert from_popolo(document).portfolio.partnerships == ()
    assert from_popolo(document, partnerships=["p"]).portfolio.partnership("p").name == "P"


@pytest.mark.parametrize(
    ("changes", "path", "reason"),
    [
        ({"memberships__0__organization_id": "kommunen"}, "memberships[m]", "partnerships only"),
        (
            {"memberships__0__member": {"@type": "Organization", "id": "x"}},
            "memberships[m]",
            "not an organization",
        ),
        ({"memberships__0__role": "Chair person"}, "memberships[m].role", "partner"),
        ({"memberships__0__end_date": "2020-13"}, "memberships[m].end_date", "open"),
        ({"memberships__0__end_date": "2020-01-15"}, "memberships[m]", "left before joining"),
        ({"memberships__0__post_id": "x"}, "memberships[m].post_id", "post_id"),
        (
            {"organizations__0__id": "Kommunen A/S"},
            "organizations[Kommunen A/S].id",
            "read as 'kommunen-a-s'",
        ),
        (
            {"organizations__0__parent_id": "kommunen"},
            "organizations[kommunen].parent_id",
            "its own parent",
        ),
        (
            {"organizations__0__identifiers": [{"identifier": "13585627", "scheme": CVR_SCHEME}]},
            "organizations[kommunen].identifiers[DK-CVR]",
            "CVR",
        ),
        (
            {"organizations__1__dissolution_date": "2019-12-31"},
            "organizations[p].dissolution_date",
            "after the founding",
        ),
        ({"organizations__1__parent_id": "q"}, "organizations[p].parent_id", "not a partnership"),
        ({"organizations__1__area_id": "q"}, "organizations[p].area_id", "not an area"),
        ({"organizations__1__id": "P!"}, "organizations[P!].id", "read as 'p'"),
        (
            {"organizations__0__parent_id": "nowhere"},
            "organizations[kommunen].parent_id",
            "points to no organization",
        ),
        ({"organizations__0__other_names": []}, "organizations[kommunen].other_names", "not read"),
        ({"memberships__0__person_id": "x"}, "memberships[m]", "never persons"),
    ],
)
def test_what_cannot_be_placed_is_reported(
    changes: dict[str, object], path: str, reason: str
) -> None:
    imported = from_popolo(_partnership_document(**changes))
    found = {o.path: o.reason for o in imported.omitted}
    assert path in found, imported.omitted
    assert reason in found[path]


def test_duplicates_are_reported() -> None:
    document = _partnership_document()
    document["organizations"].append(dict(document["organizations"][0]))  # type: ignore[attr-defined]
    document["memberships"].append(dict(document["memberships"][0]))  # type: ignore[attr-defined]
    imported = from_popolo(document)
    reasons = [o.reason for o in imported.omitted]
    assert "a second organization with this id" in reasons
    assert "overlaps another membership of the organisation in the partnership" in reasons


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ([], ""),
        ({"organizations": {}}, "organizations"),
        ({"memberships": ["x"]}, "memberships[0]"),
    ],
)
def test_a_document_of_the_wrong_shape_is_a_load_error(document: object, path: str) -> None:
    with pytest.raises(LoadError) as raised:
        from_popolo(document)  # type: ignore[arg-type]
    assert raised.value.problems[0].path == path


def test_a_member_that_left_and_joined_again_exports_two_periods_and_reads_back() -> None:
    portfolio = examples.load("opdrift")
    first = portfolio.partnerships[0]
    member = first.members[-1]
    left = first.lifecycle.started.add(years=1)
    again = left.add(years=1)
    periods = (
        attrs.evolve(member, left=left),
        attrs.evolve(member, joined=again, left=None, mandates=()),
    )
    rejoined = attrs.evolve(first, members=(*first.members[:-1], *periods))
    portfolio = attrs.evolve(portfolio, partnerships=(rejoined, *portfolio.partnerships[1:]))
    document = to_popolo(portfolio).document
    ids = [m["id"] for m in document["memberships"]]
    assert len(ids) == len(set(ids))
    assert f"{first.id}/{member.organisation}/{write_date(again)}" in ids
    back = from_popolo(document).portfolio.partnership(first.id)
    assert back.memberships(member.organisation) == tuple(
        attrs.evolve(p, representative=None, mandates=(), interests=()) for p in periods
    )
    org = to_org_jsonld(portfolio).document
    nodes = [n["@id"] for n in org["@graph"] if n.get("@type") == "org:Membership"]
    assert len(nodes) == len(set(nodes))
