"""The rules added for issue 11: corners beyond the catalogue's two fragments."""

from __future__ import annotations

import json

from tests.rules._fragments import AS_OF, alliance, document
from tests.rules.fragments import A, P

from samarbejde import unstructure, validate


def _alliance(id: str, parent: str) -> str:  # noqa: A002
    return json.dumps({**unstructure(alliance()), "id": id, "parent": parent})


def test_a_cycle_of_three_partnerships_is_reported_once_from_its_least_id() -> None:
    fragment = {
        "partnerships[+a]": _alliance("alliance-2", "alliance-3"),
        "partnerships[+b]": _alliance("alliance-3", "alliance"),
        f"{A}.parent": "alliance-2",
    }
    report = validate(document(fragment), as_of=AS_OF, select=["S017"])
    (finding,) = report.findings
    assert finding.path == "partnerships[alliance].parent"
    # The three share a name, so each is told apart by its id, in walking order.
    assert "Alliancen (alliance), Alliancen (alliance-2) and Alliancen (alliance-3)" in (
        finding.message
    )


def test_a_chain_of_sub_agreements_is_no_cycle() -> None:
    fragment = {
        f"{A}.agreements[+a]": "{id: a-del, kind: sub_agreement, parent: a-strategi}",
        f"{A}.agreements[+b]": "{id: a-del-2, kind: sub_agreement, parent: a-del}",
    }
    assert validate(document(fragment), as_of=AS_OF, select=["S018"]).findings == ()


def test_past_planned_end_judges_the_phase_on_the_day() -> None:
    """Closed a month after the day asked about: on that day it was still running."""
    fragment = {
        f"{P}.lifecycle.term": "{start: 2020-01-01, end: 2021-05-31}",
        f"{P}.lifecycle.phases": "[{phase: running, on: 2020-01-01},"
        " {phase: closing, on: 2021-07-01}]",
    }
    report = validate(document(fragment), as_of=AS_OF, select=["P004"])
    (finding,) = report.findings
    assert finding.message == (
        "Project Projektet was planned to end on 31 May 2021, but on 1 June 2021 it is still "
        "running."
    )
    assert validate(document(fragment), select=["P004"]).skipped == ("P004",)


def test_sector_missing_names_each_missing_sector() -> None:
    fragment = {"organisations[firma].sector": "foundation", "organisations[ngo].sector": "state"}
    report = validate(document(fragment), as_of=AS_OF, select=["C007"])
    assert sorted(f.message for f in report.findings) == [
        "Strategic partnership Alliancen has no member from business.",
        "Strategic partnership Alliancen has no member from civil society.",
    ]
    danish = validate(document(fragment), as_of=AS_OF, select=["C007"], lang="da")
    assert sorted(f.message for f in danish.findings) == [
        "Det strategiske samarbejde Alliancen har intet medlem fra civilsamfundet.",
        "Det strategiske samarbejde Alliancen har intet medlem fra erhvervslivet.",
    ]


def test_a_member_that_left_is_not_asked_what_it_seeks() -> None:
    fragment = {
        f"{A}.members[beboere].interests": "[]",
        f"{A}.members[beboere].left": "2021-05-01",
    }
    report = validate(document(fragment), as_of=AS_OF, select=["L010"])
    assert report.findings == ()


PAST_HORIZON = {f"{A}.lifecycle.since": "2016-05-31", f"{A}.lifecycle.horizon": "P5Y"}


def test_past_planned_horizon_names_the_end_and_the_phase_in_both_languages() -> None:
    (finding,) = validate(document(PAST_HORIZON), as_of=AS_OF, select=["L011"]).findings
    assert finding.path == "partnerships[alliance].lifecycle.horizon"
    assert finding.message == (
        "Strategic partnership Alliancen was planned to run until 31 May 2021 (a horizon of "
        "5 years), but on 1 June 2021 it is still operating and no review has renewed it."
    )
    (dansk,) = validate(document(PAST_HORIZON), as_of=AS_OF, select=["L011"], lang="da").findings
    assert (
        "var planlagt til at løbe til den 31. maj 2021 (en tidshorisont på 5 år)" in dansk.message
    )
    assert validate(document(PAST_HORIZON), select=["L011"]).skipped == ("L011",)


def test_a_renewal_within_a_cadence_of_the_horizon_passes_and_an_early_one_does_not() -> None:
    """The horizon ends 2021-05-31 and the cadence is a year: a renewal from 2020-05-31 counts."""
    for renewed_on, found in (("2020-05-31", 0), ("2020-05-30", 1)):
        fragment = {
            **PAST_HORIZON,
            f"{A}.lifecycle.reviews": f"[{{on: {renewed_on}, outcome: renewed}},"
            " {on: 2021-01-01, outcome: continued}]",
        }
        report = validate(document(fragment), as_of=AS_OF, select=["L011"])
        assert len(report.findings) == found, renewed_on


def test_a_dissolved_or_open_ended_partnership_is_not_past_its_horizon() -> None:
    open_ended = {**PAST_HORIZON, f"{A}.lifecycle.horizon": "null"}
    assert validate(document(open_ended), as_of=AS_OF, select=["L011"]).findings == ()
