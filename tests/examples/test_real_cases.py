"""The real Danish cases in docs/examples validate with only the findings an expert accepts.

Each document writes a real partnership (or its parties and areas) from public sources,
with no invented value (issue 21 item 6, issue 22 "Done when"). Every finding it gives on
``AS_OF`` is listed in ``ACCEPTED`` with the reason an expert would accept it; a finding
not listed, or a listed one that no longer appears, fails the test, so the list cannot
drift from what the library says. S019 must list exactly the facts the documents state
as ``unknown``, found here by reading the documents' plain data, not the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pendulum
import pytest
import yaml

from samarbejde import Severity, dumps, load, loads, validate

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

#: The day the cases are read on: inside the last Køge and Slagelse plans (to 2025).
AS_OF = pendulum.Date(2025, 6, 1)

# One-line reasons, by rule, for the findings the sources leave standing.
_WHY = {
    "C004": "the sources name no contact post of the organisation; true of the record",
    "S019": "the sources give no value for these facts; saying so is the point",
    "L004": "no source states a review cadence; a real gap in what is public",
    "L009": "no source records a commitment or goal owner per party; true of the record",
    "L010": "no source says what each party seeks from the partnership; true of the record",
    "M005": "no source records the parties' mandates; the role 'partner' is the source's "
    "'party', so the rule asks for what is not public",
    "C001": "the members are what the agreement names: a kommune and boligorganisationer",
    "C003": "no residents' organisation signed; residents sit in the advisory forum only",
    "C007": "no business or civil-society organisation is a member in any source "
    "(Slagelse's business seat is optional and none is known)",
    "LBF004": "the sources name a deciding bestyrelse but not its seats, and the rule reads "
    "no seats as no kommune and no boligorganisation on it",
    "L007": "the goal 'off the list by 2025' has no indicator or target in any source",
}

_KOEGE_PARTIES = ("boligselskabet-sjaelland", "dab", "koege-boligselskab", "lejerbo-koege-bugt")
_SLAGELSE_PARTIES = (
    "fob",
    "slagelse-boligselskab",
    "boligkorsoer",
    "slagelse-kommune",
    "sydsjaellands-politi",
)
_KP = "partnerships[helhedsplan-koege]"
_SP = "partnerships[en-faelles-indsats]"


def _per_member(
    partnership: str, members: tuple[str, ...], codes: str
) -> dict[tuple[str, str], str]:
    return {
        (code, f"{partnership}.members[{member}]"): _WHY[code]
        for member in members
        for code in codes.split()
    }


def _no_entry_point(members: tuple[str, ...]) -> dict[tuple[str, str], str]:
    return {("C004", f"organisations[{member}].entry_points"): _WHY["C004"] for member in members}


#: Every finding each case gives on AS_OF, as (code, path), with its reason.
ACCEPTED: dict[str, dict[tuple[str, str], str]] = {
    "koege": {
        **_no_entry_point((*_KOEGE_PARTIES, "koege-kommune")),
        **_per_member(_KP, (*_KOEGE_PARTIES, "koege-kommune"), "L009 L010 M005"),
        ("S019", _KP): _WHY["S019"],
        ("LBF004", f"{_KP}.governance"): _WHY["LBF004"],
        ("L004", f"{_KP}.lifecycle"): _WHY["L004"],
        ("C001", f"{_KP}.members"): _WHY["C001"],
        ("C003", f"{_KP}.members"): _WHY["C003"],
        ("C007", f"{_KP}.members"): _WHY["C007"],
    },
    "slagelse": {
        **_no_entry_point(_SLAGELSE_PARTIES),
        **_per_member(_SP, _SLAGELSE_PARTIES, "L009 L010"),
        ("S019", _SP): _WHY["S019"],
        ("L007", f"{_SP}.goals[af-listen]"): _WHY["L007"],
        ("L004", f"{_SP}.lifecycle"): _WHY["L004"],
        ("C007", f"{_SP}.members"): _WHY["C007"],
    },
    "helsingoer": {},
    "stengaardsvej": {},
}


def test_every_real_case_document_is_listed() -> None:
    assert sorted(p.stem for p in EXAMPLES.glob("*.yaml")) == sorted(ACCEPTED)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_a_real_case_gives_only_the_accepted_findings(name: str) -> None:
    report = validate(load(EXAMPLES / f"{name}.yaml"), as_of=AS_OF)
    assert not [f for f in report if f.severity is Severity.ERROR]
    assert {(f.code, f.path) for f in report} == set(ACCEPTED[name])


def _unknowns(data: Any, path: str) -> Iterator[str]:
    """The paths, by ids as findings write them, of every plain value ``unknown``."""
    if isinstance(data, dict):
        for key, value in data.items():
            if value == "unknown":
                yield f"{path}.{key}"
            else:
                yield from _unknowns(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(item, dict):
                # By id or organisation; a phase entry (D112) by its place in the history.
                name = item.get("id", item.get("organisation", index))
                yield from _unknowns(item, f"{path}[{name}]")


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_not_known_lists_exactly_the_unknowns_written(name: str) -> None:
    data = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    written = {
        # A money's `amount: unknown` is reported at the money (`funding[x].amount`).
        path.removeprefix(".").replace(".amount.amount", ".amount")
        for path in _unknowns({"partnerships": data.get("partnerships", [])}, "")
    }
    report = validate(load(EXAMPLES / f"{name}.yaml"), as_of=AS_OF)
    listed = {r.path for f in report if f.code == "S019" for r in f.related}
    assert listed == written
    assert (not written) or any(f.code == "S019" for f in report)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_a_real_case_survives_every_format(name: str) -> None:
    portfolio = load(EXAMPLES / f"{name}.yaml")
    for form in ("json", "yaml", "toml"):
        assert loads(dumps(portfolio, form), form) == portfolio


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_the_report_of_a_real_case_says_unknown_where_the_sources_are_silent(name: str) -> None:
    from samarbejde.report import html  # noqa: PLC0415 - the report layer, only here

    portfolio = load(EXAMPLES / f"{name}.yaml")
    says_unknown = any(f.code == "S019" for f in validate(portfolio, as_of=AS_OF))
    for lang, word in (("da", "ukendt"), ("en", "unknown")):
        page = html(portfolio, as_of=AS_OF, lang=lang)
        if says_unknown:
            assert word in page


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_every_cited_record_of_a_real_case_names_its_source(name: str) -> None:
    portfolio = load(EXAMPLES / f"{name}.yaml")
    records: list[Any] = [*portfolio.organisations, *portfolio.areas]
    records += [c for area in portfolio.areas for c in area.classifications]
    for p in portfolio.partnerships:
        records += [p, *p.members, *p.goals, *p.agreements, *p.governance, *p.funding]
    unsourced = [r for r in records if not r.sources]
    assert not unsourced
