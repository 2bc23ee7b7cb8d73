"""Involvement events, seats and the secretariat in the rules (issue 22, items 1 and 3).

A sector that took part in an early workshop was at the table from the start, member or
not (C002, C007); the new references resolve or draw a structure finding at their path.
"""

from __future__ import annotations

import pytest
from tests.rules._fragments import AS_OF, Fragment, document
from tests.rules.fragments import A

from samarbejde import validate

#: An early workshop with a business that is not (yet) a member, and local associations.
EARLY_WORKSHOP = (
    "[{id: ws, kind: workshop, held_on: 2019-03-01, participants: [firma],"
    " sectors: [civil_society], ideas: [Lektiecafé]}]"
)
LATE_WORKSHOP = EARLY_WORKSHOP.replace("2019-03-01", "2020-03-01")


def codes(fragment: Fragment, *select: str) -> list[str]:
    return [f.code for f in validate(document(fragment), as_of=AS_OF, select=list(select)).findings]


@pytest.mark.parametrize(
    ("events", "expected"),
    [("[]", ["C002"]), (LATE_WORKSHOP, ["C002"]), (EARLY_WORKSHOP, [])],
    ids=["no event", "a workshop after exploring", "a workshop while exploring"],
)
def test_a_business_that_joined_late_was_there_early_if_it_came_to_an_early_workshop(
    events: str, expected: list[str]
) -> None:
    fragment = {f"{A}.members[firma].joined": "2019-06-02", f"{A}.involvement": events}
    assert codes(fragment, "C002") == expected


@pytest.mark.parametrize(
    ("events", "expected"),
    [("[]", ["C007"]), (EARLY_WORKSHOP, [])],
    ids=["no event", "an event with a business"],
)
def test_a_sector_that_took_part_in_an_event_is_not_missing(
    events: str, expected: list[str]
) -> None:
    fragment = {"organisations[firma].sector": "foundation", f"{A}.involvement": events}
    fragment_with_a_business_guest = {
        **fragment,
        "organisations[+]": "{id: butik, name: Butikken, sector: business}",
        f"{A}.involvement": events.replace("[firma]", "[butik]"),
    }
    assert codes(fragment_with_a_business_guest, "C007") == expected


def test_sectors_listed_on_an_event_count_without_an_organisation() -> None:
    event = "[{id: m, kind: dialogue_meeting, held_on: 2019-02-01, sectors: [business]}]"
    fragment = {"organisations[firma].sector": "foundation"}
    assert codes(fragment, "C007") == ["C007"]
    assert codes({**fragment, f"{A}.involvement": event}, "C007") == []


@pytest.mark.parametrize(
    ("fragment", "code", "path"),
    [
        (
            {f"{A}.governance[styregruppe].seats": "[{organisation: ukendt, role: chair}]"},
            "S001",
            f"{A}.governance[styregruppe].seats[ukendt].organisation",
        ),
        (
            {f"{A}.secretariat": "{name: Sekretariatet, host: ukendt}"},
            "S001",
            f"{A}.secretariat.host",
        ),
        (
            {f"{A}.secretariat": "{name: Sekretariatet, area: ukendt}"},
            "S002",
            f"{A}.secretariat.area",
        ),
        (
            {
                f"{A}.involvement": "[{id: ws, kind: workshop, held_on: 2019-02-01,"
                " participants: [ukendt]}]"
            },
            "S001",
            f"{A}.involvement[ws].participants",
        ),
    ],
    ids=["seat", "secretariat host", "secretariat area", "event participant"],
)
def test_a_dangling_reference_is_a_structure_finding_at_its_path(
    fragment: Fragment, code: str, path: str
) -> None:
    findings = validate(document(fragment), as_of=AS_OF, select=[code]).findings
    assert [(f.code, f.path) for f in findings] == [(code, path)]


def test_known_references_draw_no_structure_finding() -> None:
    fragment = {
        f"{A}.governance[styregruppe].seats": "[{organisation: fond, post: Direktør, role: chair}]",
        f"{A}.secretariat": "{name: Sekretariatet, host: bolig, area: omraadet}",
        f"{A}.involvement": EARLY_WORKSHOP,
    }
    assert codes(fragment, "S001", "S002", "S019") == []
