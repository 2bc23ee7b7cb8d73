"""Organisations, their identifiers and entry points; the id, code and text syntax."""

from __future__ import annotations

import pytest
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import (
    EntryPoint,
    Identifiers,
    ModelError,
    Organisation,
    Sector,
    municipalities,
)
from samarbejde.testing import assert_model_error

# From /work/shared/data/cvr-examples.md (python-stdnum's own examples), compact form.
VALID_CVR = [
    "13585628",
    "10503280",
    "11975658",
    "25662202",
    "28107773",
    "29523215",
    "65070413",
    "20646446",
    "27630308",
    "10150817",
    "36149213",
    "21599336",
]
WRONG_CHECK_DIGIT = ["13585627", "11965658", "25652202", "27996592", "10159817"]
BAD_FORMAT = [
    "DK DK 20646446",  # duplicated prefix
    "DK 13585628",  # a prefix: the model stores the compact form
    "13 58 56 28",  # separators: likewise
    "03585628",  # leading zero
    "1358562",  # seven digits
    "135856280",  # nine digits
    "",
    13585628,  # a number, not a string
]


@pytest.mark.parametrize("valid", ["a", "0", "esbjerg-kommune", "b.dk", "x_1", "a" * 64])
def test_an_id_is_lower_case_letters_digits_dots_dashes_and_underscores(valid: str) -> None:
    assert Organisation(valid, "Navn", Sector.OTHER).id == valid


@pytest.mark.parametrize(
    "invalid",
    ["", "-a", ".a", "_a", "Esbjerg", "a b", "å", "a/b", "a" * 65, "a\n", None, 7],
)
def test_an_id_with_other_characters_is_refused(invalid: object) -> None:
    with pytest.raises(ModelError) as caught:
        Organisation(invalid, "Navn", Sector.OTHER)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Organisation", "id", invalid)


@pytest.mark.parametrize("name", ["", " ", "\t\n", None])
def test_an_organisation_needs_a_name(name: object) -> None:
    with pytest.raises(ModelError) as caught:
        Organisation("o", name, Sector.OTHER)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Organisation", "name", name)


@pytest.mark.parametrize("sector", ["business", None])
def test_an_organisation_sector_is_a_sector_member(sector: object) -> None:
    with pytest.raises(ModelError) as caught:
        Organisation("o", "Navn", sector)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Organisation", "sector", sector)


def test_a_unit_points_to_its_organisation() -> None:
    unit = Organisation("boligsocial", "Boligsocialt", Sector.MUNICIPALITY, parent="kommune")
    assert unit.parent == "kommune"


def test_an_organisation_cannot_be_its_own_parent() -> None:
    with pytest.raises(ModelError) as caught:
        Organisation("kommune", "Kommune", Sector.MUNICIPALITY, parent="kommune")
    assert_model_error(caught.value, "Organisation", "parent", "kommune")


def test_an_organisation_parent_is_an_id() -> None:
    with pytest.raises(ModelError) as caught:
        Organisation("o", "Navn", Sector.OTHER, parent="Kommune")
    assert_model_error(caught.value, "Organisation", "parent", "Kommune")


def test_a_remit_lists_non_blank_themes() -> None:
    assert Organisation("o", "N", Sector.OTHER, remit=("Beskæftigelse",)).remit == (
        "Beskæftigelse",
    )
    with pytest.raises(ModelError) as caught:
        Organisation("o", "N", Sector.OTHER, remit=("Beskæftigelse", " "))
    assert_model_error(caught.value, "Organisation", "remit", " ")


def test_a_remit_is_a_tuple() -> None:
    with pytest.raises(ModelError) as caught:
        Organisation("o", "N", Sector.OTHER, remit=["Beskæftigelse"])  # type: ignore[arg-type]
    assert_model_error(caught.value, "Organisation", "remit", ["Beskæftigelse"])


@pytest.mark.parametrize("cvr", VALID_CVR)
def test_a_cvr_number_with_a_good_checksum_is_accepted(cvr: str) -> None:
    assert Identifiers(cvr=cvr).cvr == cvr


@pytest.mark.parametrize("cvr", WRONG_CHECK_DIGIT + BAD_FORMAT)
def test_a_cvr_number_with_a_bad_checksum_or_format_is_refused(cvr: object) -> None:
    with pytest.raises(ModelError) as caught:
        Identifiers(cvr=cvr)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Identifiers", "cvr", cvr)


def test_every_one_of_the_98_kommunekoder_is_accepted() -> None:
    codes = list(municipalities())
    assert len(codes) == 98
    assert [Identifiers(kommunekode=code).kommunekode for code in codes] == codes


@pytest.mark.parametrize("code", ["000", "100", "999", "56", "0561", "561 ", 561, ""])
def test_a_kommunekode_outside_the_list_is_refused(code: object) -> None:
    with pytest.raises(ModelError) as caught:
        Identifiers(kommunekode=code)  # type: ignore[arg-type]
    assert_model_error(caught.value, "Identifiers", "kommunekode", code)


def test_the_municipality_list_knows_names_and_regions() -> None:
    esbjerg = municipalities()["561"]
    assert (esbjerg.name, esbjerg.region_code, esbjerg.region_name) == (
        "Esbjerg",
        "1083",
        "Region Syddanmark",
    )
    assert municipalities()["101"].name == "København"
    assert all(len(code) == 3 and code.isdigit() for code in municipalities())


def test_the_municipality_list_is_read_only() -> None:
    with pytest.raises(TypeError):
        municipalities()["999"] = municipalities()["561"]  # type: ignore[index]


def test_identifiers_must_be_identifiers() -> None:
    with pytest.raises(ModelError) as caught:
        Organisation("o", "N", Sector.OTHER, identifiers={"cvr": "13585628"})  # type: ignore[arg-type]
    assert_model_error(caught.value, "Organisation", "identifiers", {"cvr": "13585628"})


def test_an_entry_point_is_a_post_with_a_kind() -> None:
    entry = EntryPoint(
        "lokal",
        "local_branch",
        "Lokal frivillig afdeling",
        channel="lokal@example.org",
        covers=("ornereden",),
        verified_on=D(2024, 1, 1),
    )
    assert entry.covers == ("ornereden",)
    assert entry.verified_on == D(2024, 1, 1)


@pytest.mark.parametrize("kind", ["Local", "1st", "local-branch", "", "a" * 65, None])
def test_an_entry_point_kind_is_a_code(kind: object) -> None:
    with pytest.raises(ModelError) as caught:
        EntryPoint("e", kind, "Post")  # type: ignore[arg-type]
    assert_model_error(caught.value, "EntryPoint", "kind", kind)


@pytest.mark.parametrize("kind", ["a", "local_branch", "x1", "a" * 64])
def test_an_entry_point_kind_may_be_any_code(kind: str) -> None:
    assert EntryPoint("e", kind, "Post").kind == kind


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("post", " "),
        ("channel", ""),
        ("covers", ("ornereden", "ornereden")),
        ("covers", ("Ørnereden",)),
        ("covers", ["ornereden"]),
        ("verified_on", "2024-01-01"),
    ],
)
def test_an_entry_point_refuses_bad_fields(field: str, value: object) -> None:
    fields: dict[str, object] = {"id": "e", "kind": "liaison", "post": "Post", field: value}
    with pytest.raises(ModelError) as caught:
        EntryPoint(**fields)  # type: ignore[arg-type]
    expected = "Ørnereden" if value == ("Ørnereden",) else value
    assert_model_error(caught.value, "EntryPoint", field, expected)


def test_entry_point_ids_are_unique_within_an_organisation() -> None:
    with pytest.raises(ModelError) as caught:
        Organisation(
            "o",
            "N",
            Sector.OTHER,
            entry_points=(EntryPoint("e", "liaison", "A"), EntryPoint("e", "liaison", "B")),
        )
    assert_model_error(caught.value, "Organisation", "entry_points", "e")


def test_an_entry_point_is_found_by_id() -> None:
    first, second = EntryPoint("a", "liaison", "A"), EntryPoint("b", "liaison", "B")
    organisation = Organisation("o", "N", Sector.OTHER, entry_points=(first, second))
    assert organisation.entry_point("b") is second
    with pytest.raises(KeyError):
        organisation.entry_point("c")


def test_entry_points_must_be_entry_points() -> None:
    with pytest.raises(ModelError) as caught:
        Organisation("o", "N", Sector.OTHER, entry_points=("e",))  # type: ignore[arg-type]
    assert_model_error(caught.value, "Organisation", "entry_points", "e")
