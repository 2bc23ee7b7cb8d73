"""Real published Popolo (EveryPolitician's files) imports with every field read or reported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.interop.standards import POPOLO

from samarbejde.interop import Import, from_popolo

REAL = sorted((POPOLO / "real").glob("*.json"))
#: What samarbejde has a place for, per Popolo list (docs/reference/interop.md, Popolo).
PLACED = {
    "organizations": {"id", "name", "classification", "identifiers", "parent_id"},
    "posts": {"id", "organization_id", "role", "label", "area_id"},
    "memberships": {"id", "member", "organization_id", "role", "start_date", "end_date"},
    "areas": {"id", "name", "classification", "parent_id", "identifier"},
}


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _path(key: str, index: int, item: dict[str, Any]) -> str:
    ident = item.get("id")
    return f"{key}[{ident}]" if isinstance(ident, str) and ident else f"{key}[{index}]"


def silent_drops(document: dict[str, Any], imported: Import) -> list[str]:
    """Every list, item or field of ``document`` neither placed nor reported."""
    reported = {o.path for o in imported.omitted}
    dropped = [key for key in document if key not in PLACED and key not in reported]
    for key, places in PLACED.items():
        for index, item in enumerate(document.get(key, [])):
            path = _path(key, index, item)
            if path in reported:
                continue  # the whole item is reported, with its reason
            dropped += [
                f"{path}.{f}" for f in item if f not in places and f"{path}.{f}" not in reported
            ]
    return dropped


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_popolo_imports_with_no_silent_drop_and_no_id_refused(path: Path) -> None:
    document = _load(path)
    imported = from_popolo(document)
    assert silent_drops(document, imported) == []
    # Every organization is read, whatever its id looks like ('party/labour', '-').
    assert len(imported.portfolio.organisations) == len(document["organizations"])
    for original, ident in imported.ids.items():
        assert original != ident
    read = {o.id for o in imported.portfolio.organisations}
    for item in document["organizations"]:
        assert imported.ids.get(item["id"], item["id"]) in read


def test_the_checker_finds_a_silent_drop() -> None:
    document = _load(REAL[0])
    imported = from_popolo(document)
    kept = Import(imported.portfolio, tuple(o for o in imported.omitted if o.path != "events"))
    assert silent_drops(document, kept) == ["events"]


def test_an_id_that_does_not_fit_is_mapped_and_kept() -> None:
    document = {
        "organizations": [
            {"id": "party/labour", "name": "Labour"},
            {"id": "party-labour", "name": "Another"},
            {"id": "-", "name": "Dash"},
            {"id": "unit", "name": "Unit", "parent_id": "party/labour"},
        ]
    }
    imported = from_popolo(document)
    # An id that fits keeps itself; one made from another avoids it.
    assert [o.id for o in imported.portfolio.organisations] == [
        "party-labour-2",
        "party-labour",
        "organisation",
        "unit",
    ]
    assert imported.ids == {"party/labour": "party-labour-2", "-": "organisation"}
    assert imported.portfolio.organisation("unit").parent == "party-labour-2"


@pytest.mark.parametrize("bad", [["561"], {"code": "561"}, 561, None])
def test_an_area_identifier_of_any_type_is_reported_not_a_type_error(bad: object) -> None:
    document = {
        "areas": [
            {
                "id": "kommune/561",
                "name": "Esbjerg",
                "identifier": bad,
                "classification": "municipality",
            },
            {"id": "a", "name": "A", "parent_id": "kommune/561"},
        ]
    }
    imported = from_popolo(document)
    assert imported.portfolio.areas == ()
    assert {o.path for o in imported.omitted} >= {"areas[a]"}


@pytest.mark.parametrize("bad", [["x"], {"x": 1}, 7])
def test_an_id_of_any_type_is_read_or_reported_not_a_type_error(bad: object) -> None:
    document = {
        "organizations": [
            {"id": bad, "name": "X"},
            {
                "id": "p",
                "name": "P",
                "classification": "partnership",
                "founding_date": "2020-01-01",
            },
        ],
        "areas": [{"id": bad, "name": "A"}],
        "posts": [{"id": bad, "organization_id": bad, "label": "L"}],
        "memberships": [
            {"id": bad, "organization_id": "p", "member": {"@type": "Organization", "id": bad}}
        ],
    }
    imported = from_popolo(document, partnerships=[bad] if isinstance(bad, str) else None)
    assert imported.portfolio.organisation("organisation").name == "X"
