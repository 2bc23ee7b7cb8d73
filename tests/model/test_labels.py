"""Labels: Danish and English names for every enum value and every known code."""

from __future__ import annotations

from enum import Enum

import pytest

from samarbejde import (
    KNOWN_COMMITMENT_KINDS,
    KNOWN_ENTRY_POINT_KINDS,
    KNOWN_GOVERNANCE_KINDS,
    KNOWN_INTERESTS,
    KNOWN_INVOLVEMENT_KINDS,
    KNOWN_ROLES,
    KNOWN_SECRETARIAT_KINDS,
    AgreementKind,
    AreaCategory,
    CommitmentStatus,
    DecisionPower,
    Direction,
    FundingKind,
    GovernanceKind,
    MandateLevel,
    Measure,
    Power,
    ProjectPhase,
    ReviewOutcome,
    SeatRole,
    Sector,
    Severity,
    StrategicPhase,
    Unit,
    label,
)
from samarbejde.model import enums
from samarbejde.model._checks import CODE_PATTERN
from samarbejde.model.labels import CODE_LABELS, ENUM_LABELS
from samarbejde.model.words import DEFAULT_LANG

ENUMS: list[type[Enum]] = [
    AgreementKind,
    AreaCategory,
    CommitmentStatus,
    Direction,
    DecisionPower,
    FundingKind,
    GovernanceKind,
    MandateLevel,
    Measure,
    Power,
    ProjectPhase,
    ReviewOutcome,
    SeatRole,
    Sector,
    StrategicPhase,
    Unit,
]
MEMBERS = [pytest.param(m, id=f"{type(m).__name__}.{m.name}") for e in ENUMS for m in e]
CODES = list(
    dict.fromkeys(
        [
            *KNOWN_ROLES,
            *KNOWN_COMMITMENT_KINDS,
            *KNOWN_ENTRY_POINT_KINDS,
            *KNOWN_INTERESTS,
            *KNOWN_GOVERNANCE_KINDS,
            *KNOWN_SECRETARIAT_KINDS,
            *KNOWN_INVOLVEMENT_KINDS,
        ]
    )
)


@pytest.mark.parametrize("member", MEMBERS)
def test_every_enum_value_has_a_danish_and_an_english_label(member: Enum) -> None:
    danish, english = label(member, "da"), label(member, "en")
    assert danish.strip()
    assert english.strip()
    assert label(member) == label(member, DEFAULT_LANG)


@pytest.mark.parametrize("code", CODES)
def test_every_known_code_has_a_danish_and_an_english_label(code: str) -> None:
    assert label(code, "da").strip()
    assert label(code, "en").strip()
    assert code in CODE_LABELS


def test_the_label_tables_hold_exactly_the_enum_values_and_known_codes() -> None:
    assert set(ENUM_LABELS) == {m for e in ENUMS for m in e}
    assert set(CODE_LABELS) == set(CODES)
    assert {e.__name__ for e in ENUMS} == set(enums.__all__)


def test_labels_read_as_the_domain_says_them() -> None:
    assert label(Sector.BUSINESS, "da") == "erhvervsliv"
    assert label(Sector.CIVIL_SOCIETY, lang="en") == "civil society"
    assert label(CommitmentStatus.PLEDGED, "da") == "tilkendegivet"
    assert label(CommitmentStatus.AGREED, "en") == "agreed"
    assert label("bridge_builder", "da") == "brobygger"
    assert label("leisure_jobs", "da") == "fritidsjob"
    assert label("regional_consultant", lang="en") == "regional consultant"


def test_an_unknown_code_is_its_own_label() -> None:
    assert label("local_champion") == "local_champion"
    assert label("local_champion", "en") == "local_champion"


@pytest.mark.parametrize("lang", ["de", "DA", "", "dansk", None])
def test_label_refuses_other_languages(lang: object) -> None:
    with pytest.raises(ValueError, match="lang must be one of 'da', 'en'"):
        label(Sector.BUSINESS, lang)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lang must be one of 'da', 'en'"):
        label("lead", lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("enum", ENUMS)
def test_enum_values_are_lower_case_codes_and_print_as_codes(enum: type[Enum]) -> None:
    for member in enum:
        assert CODE_PATTERN.fullmatch(member.value)
        assert str(member) == member.value
        assert f"{member}" == member.value
        assert enum(member.value) is member


def test_the_known_codes_are_valid_codes_listed_once() -> None:
    for codes in (KNOWN_ROLES, KNOWN_COMMITMENT_KINDS, KNOWN_ENTRY_POINT_KINDS):
        assert len(set(codes)) == len(codes)
        assert all(CODE_PATTERN.fullmatch(code) for code in codes)
    assert "bridge_builder" in KNOWN_ROLES
    assert "leisure_jobs" in KNOWN_COMMITMENT_KINDS
    assert "regional_consultant" in KNOWN_ENTRY_POINT_KINDS


def test_the_danish_labels_are_distinct_within_each_enum() -> None:
    for enum in ENUMS:
        danish = [label(m) for m in enum]
        assert len(set(danish)) == len(danish), enum.__name__


def test_an_enum_of_another_layer_gives_its_own_label() -> None:
    assert label(Severity.WARNING, "da") == "advarsel"
    assert label(Severity.INFO, "en") == "info"


def test_an_enum_without_labels_falls_back_to_its_value() -> None:
    class Colour(Enum):
        RED = "red"

    assert label(Colour.RED, "da") == "red"
