"""One passing and one failing document fragment per built-in rule.

Each fragment changes a few parts of ``documents/base.yaml`` (a strategic alliance
and a project under it, with no finding as of 2021-06-01). The failing fragment gives
exactly its rule's code; the passing one is the nearest variant with no finding.
"""

from __future__ import annotations

import json

from tests.rules._fragments import Fragment, alliance

from samarbejde import unstructure

A = "partnerships[alliance]"
P = "partnerships[projekt]"
TIMER = f"{A}.commitments[c-timer]"
AGREED = "[{status: proposed, on: 2020-02-01}, {status: agreed, on: 2020-03-01}]"
FOUR_PHASES = """[{phase: exploring, on: 2019-01-01}, {phase: forming, on: 2019-06-01},
                  {phase: operating, on: 2020-01-01}, {phase: dissolved, on: 2021-01-01}]"""
UNITS = "{id: enhed-a, name: Enhed A, sector: municipality, parent: enhed-b}"


def _second_alliance(parent: str) -> str:
    """The alliance again, as ``alliance-2`` under ``parent`` (JSON is YAML)."""
    return json.dumps({**unstructure(alliance()), "id": "alliance-2", "parent": parent})


WORKSHOP = "[{{id: ws, kind: workshop, held_on: 2019-02-01, challenges: [{challenge}]}}]"
LISTS = """[{{id: u-2019, category: udsat, list_date: 2019-12-01, listings: [{{area: omraadet}}]}},
            {{id: u-2020, category: udsat, list_date: 2020-12-01, {then}}}]"""
SUB_AGREEMENT = "{id: a-del, kind: sub_agreement, parent: a-strategi, theme: Fritidsjob}"


def _unit_b(parent: str) -> str:
    return f"{{id: enhed-b, name: Enhed B, sector: municipality, parent: {parent}}}"


def _fulfilled(delivered_on: str | None) -> Fragment:
    status = AGREED[:-1] + ", {status: fulfilled, on: 2021-01-01}]"
    delivered = (
        "[]"
        if delivered_on is None
        else f"[{{on: {delivered_on}, quantity: {{amount: '10', unit: hours_per_week}}}}]"
    )
    return {f"{TIMER}.status": status, f"{TIMER}.fulfilments": delivered}


def _project_term(end: str, *funded: tuple[str, str]) -> Fragment:
    funding = ", ".join(
        f"{{id: f-{n}, funder: fond, amount: {{amount: '1000000'}}, kind: foundation_grant,"
        f" term: {{start: {start}, end: {stop}}}}}"
        for n, (start, stop) in enumerate(funded)
    )
    return {
        f"{P}.lifecycle.term": f"{{start: 2020-01-01, end: {end}}}",
        f"{P}.funding": f"[{funding}]",
    }


def _measured(*values: tuple[str, str]) -> str:
    """Measurements of a goal, ``(on, value)`` each, as a YAML list."""
    return "[" + ", ".join(f"{{on: {on}, value: '{value}'}}" for on, value in values) + "]"


def _closing(parent: str) -> Fragment:
    return {
        f"{P}.parent": parent,
        f"{P}.lifecycle.phases": "[{phase: running, on: 2020-01-01},"
        " {phase: closing, on: 2021-05-01}]",
    }


def _grants(with_budget: bool) -> Fragment:
    grant = (
        "{id: f-grant, funder: fond, amount: {amount: '3000000'}, kind: foundation_grant,"
        " term: {start: 2020-01-01, end: 2023-12-31}}"
    )
    return {
        f"{A}.funding[+]" if with_budget else f"{A}.funding": grant if with_budget else f"[{grant}]"
    }


def _ngo_mandate(**changes: str) -> Fragment:
    fields = {"level": "strategic", **changes}
    extra = ", ".join(f"{k}: {v}" for k, v in fields.items())
    mandate = (
        "{id: m-ngo, powers: [commit_volunteers], term: {start: 2019-01-01},"
        f" granted_by: Bestyrelsen, {extra}}}"
    )
    return {f"{A}.members[ngo].mandates": f"[{mandate}]"}


def _bolig_funding(amount: str) -> str:
    """Funding from bolig over c-midler's term: the same money as c-midler at 300000."""
    return (
        f"{{id: f-bolig, funder: bolig, amount: {{amount: '{amount}'}},"
        " term: {start: 2020-01-01, end: 2022-12-31}, kind: housing_budget}"
    )


def _extra_commitments(count: int) -> Fragment:
    return {
        f"{A}.commitments[+{n}]": (
            f"{{id: c-ekstra-{n}, by: kommune, kind: staff_hours, mandate: m-kommune,"
            " quantity: {amount: '5', unit: hours_per_week},"
            f" term: {{start: 2020-04-01, end: 2022-12-31}}, status: {AGREED}}}"
        )
        for n in range(count)
    }


def _overdue(final: bool) -> Fragment:
    fragment = {f"{TIMER}.term": "{start: 2020-04-01, end: 2021-03-31}"}
    if final:
        fragment[f"{TIMER}.status"] = AGREED[:-1] + ", {status: fulfilled, on: 2021-04-01}]"
        fragment[f"{TIMER}.fulfilments"] = (
            "[{on: 2021-03-31, quantity: {amount: '10', unit: hours_per_week}}]"
        )
    return fragment


LBF_GRANT = (
    "{{id: f-lbf, funder: landsbyggefonden, amount: {{amount: '3000000'}}, kind: national_pool,"
    " term: {{start: 2021-01-01, end: {end}}}}}"
)


def _lbf(end: str = "2024-12-31", municipal: str = "2000000", **more: str) -> Fragment:
    """The alliance as an LBF helhedsplan of 2021-24: a grant of DKK 3m, the kommune's
    DKK {municipal} over 2020-25 (a third of it in the grant's years: 30.8 % local
    co-financing at DKK 2m), and its steering group a board of kommune and bolig."""
    return {
        "organisations[+lbf]": "{id: landsbyggefonden, name: Landsbyggefonden, sector: foundation}",
        f"{A}.funding[+lbf]": LBF_GRANT.format(end=end),
        f"{A}.funding[f-kommune].term": "{start: 2020-01-01, end: 2025-12-31}",
        f"{A}.funding[f-kommune].amount": f"{{amount: '{municipal}'}}",
        f"{A}.governance[styregruppe].kind": "board",
        **more,
    }


def _lbf_themes(*themes: str) -> Fragment:
    period = (
        "[{id: t-2021, name: Helhedsplan 2021-24, term: {start: 2021-01-01, end: 2024-12-31},"
        f" themes: [{', '.join(themes)}]}}]"
    )
    return _lbf(**{f"{A}.periods": period})


#: code -> (passing fragment, failing fragment)
CASES: dict[str, tuple[Fragment, Fragment]] = {
    "S001": ({f"{P}.lifecycle.owner": "kommune"}, {f"{P}.lifecycle.owner": "ukendt"}),
    "S002": ({f"{A}.areas": "[omraadet]"}, {f"{A}.areas": "[omraadet, andet-sted]"}),
    "S003": ({f"{TIMER}.to": "bolig"}, {f"{TIMER}.to": "fond"}),
    "S004": ({f"{TIMER}.mandate": "m-kommune"}, {f"{TIMER}.mandate": "m-ngo"}),
    "S005": ({f"{TIMER}.goals": "[g-job]"}, {f"{TIMER}.goals": "[g-ukendt]"}),
    "S006": (
        {f"{A}.goals[g-job].challenges": "[ch-ung]"},
        {f"{A}.goals[g-job].challenges": "[ch-ung, ch-ukendt]"},
    ),
    "S007": ({f"{TIMER}.agreement": "a-strategi"}, {f"{TIMER}.agreement": "a-ukendt"}),
    "S008": ({f"{P}.parent": "alliance"}, {f"{P}.parent": "ukendt"}),
    "S009": (
        {"organisations[+]": "{id: ngo-2, name: Ngo 2, sector: civil_society}"},
        {"organisations[+]": "{id: ngo, name: Ngo 2, sector: civil_society}"},
    ),
    "S010": (
        {"organisations[+a]": UNITS, "organisations[+b]": _unit_b("kommune")},
        {"organisations[+a]": UNITS, "organisations[+b]": _unit_b("enhed-a")},
    ),
    "S011": (
        {f"{A}.members[ngo].joined": "2019-02-01"},
        {f"{A}.members[ngo].joined": "2018-06-01"},
    ),
    "S012": (
        {f"{A}.lifecycle.phases": FOUR_PHASES},
        {
            f"{A}.lifecycle.phases": FOUR_PHASES,
            f"{TIMER}.status": "[{status: proposed, on: 2021-02-01}]",
        },
    ),
    "S013": (
        {f"{A}.members[bolig].left": "2021-01-01"},
        {f"{A}.members[bolig].left": "2020-01-15"},
    ),
    "S014": (
        {
            "partnerships[+]": "{id: delprojekt, name: Delprojekt, parent: alliance, lifecycle: "
            "{form: project, term: {start: 2020-01-01, end: 2022-12-31}, "
            "phases: [{phase: running, on: 2020-01-01}]}}"
        },
        {
            "partnerships[+]": "{id: delprojekt, name: Delprojekt, parent: projekt, lifecycle: "
            "{form: project, term: {start: 2020-01-01, end: 2022-12-31}, "
            "phases: [{phase: running, on: 2020-01-01}]}}"
        },
    ),
    "S015": (_fulfilled("2020-12-01"), _fulfilled(None)),
    "S016": (_fulfilled("2021-01-01"), _fulfilled("2021-02-01")),
    "M001": (
        {f"{TIMER}.mandate": "null", f"{TIMER}.status": "[{status: proposed, on: 2020-02-01}]"},
        {f"{TIMER}.mandate": "null"},
    ),
    "M002": ({f"{TIMER}.kind": "knowledge"}, {f"{TIMER}.kind": "funding"}),
    "M003": (
        {f"{A}.commitments[c-midler].quantity": "{amount: '500000', unit: dkk}"},
        {f"{A}.commitments[c-midler].quantity": "{amount: '500000.01', unit: dkk}"},
    ),
    "M006": (
        {f"{A}.members[bolig].mandates[m-bolig].ceiling": "{amount: '500000', currency: DKK}"},
        {f"{A}.members[bolig].mandates[m-bolig].ceiling": "{amount: '500000', currency: EUR}"},
    ),
    "M007": (
        {f"{A}.funding[+]": _bolig_funding("300001")},
        {f"{A}.funding[+]": _bolig_funding("300000")},
    ),
    "M004": (_ngo_mandate(revoked="2021-01-01"), _ngo_mandate(revoked="2020-03-01")),
    "M005": (_ngo_mandate(level="strategic"), _ngo_mandate(level="tactical")),
    "P001": (
        _project_term("2023-12-31", ("2020-01-01", "2023-12-31")),
        _project_term("2024-01-01", ("2020-01-01", "2024-01-01")),
    ),
    "P002": (_closing("alliance"), _closing("null")),
    "P003": (
        _project_term("2022-12-31", ("2020-01-01", "2022-06-30"), ("2022-07-01", "2022-12-31")),
        _project_term("2022-12-31", ("2020-01-01", "2022-06-30")),
    ),
    "L001": ({f"{A}.areas": "[omraadet]"}, {f"{A}.areas": "[]"}),
    "L002": (
        {
            f"{A}.lifecycle.phases": "[{phase: exploring, on: 2019-01-01},"
            " {phase: forming, on: 2019-06-01}]",
            f"{A}.agreements": "[]",
            f"{A}.vision": "null",
        },
        {f"{A}.agreements[a-strategi].binding": "false"},
    ),
    "L003": ({f"{A}.lifecycle.horizon": "P5Y"}, {f"{A}.lifecycle.horizon": "P4Y"}),
    "L004": ({f"{A}.lifecycle.review_every": "P2Y"}, {f"{A}.lifecycle.review_every": "null"}),
    "L005": (
        {f"{A}.lifecycle.review_every": "P3Y", f"{A}.lifecycle.reviews": "[]"},
        {f"{A}.lifecycle.reviews": "[]"},
    ),
    "L006": (
        {
            f"{A}.lifecycle.phases": "[{phase: forming, on: 2019-01-01}]",
            f"{A}.vision": "null",
            f"{A}.agreements": "[]",
        },
        {f"{A}.vision": "null"},
    ),
    "L007": ({f"{A}.goals[g-job].baseline": "null"}, {f"{A}.goals[g-job].target": "null"}),
    "L008": (_grants(with_budget=True), _grants(with_budget=False)),
    "L009": ({f"{A}.goals[g-job].owners": "[beboere]"}, {f"{A}.goals[g-job].owners": "[firma]"}),
    "C001": (
        {
            "organisations[kommune].sector": "civil_society",
            "organisations[bolig].sector": "business",
        },
        {
            "organisations[kommune].sector": "civil_society",
            "organisations[bolig].sector": "business",
            "organisations[beboere].sector": "business",
        },
    ),
    "C002": (
        {f"{A}.members[firma].joined": "2019-06-01"},
        {f"{A}.members[firma].joined": "2019-06-02"},
    ),
    "C003": (
        {"organisations[beboere].sector": "other"},
        {"organisations[beboere].sector": "other", f"{A}.members[beboere].role": "advisor"},
    ),
    "C004": (
        {"organisations[fond].entry_points": "[]"},
        {"organisations[firma].entry_points": "[]"},
    ),
    "C005": (_extra_commitments(2), _extra_commitments(3)),
    "C006": (
        {f"{A}.challenges[ch-ung].identified_by": "[kommune, beboere]"},
        {f"{A}.challenges[ch-ung].identified_by": "[kommune]"},
    ),
    "T001": (_overdue(final=True), _overdue(final=False)),
    "S017": (
        {"partnerships[+]": _second_alliance("alliance")},
        {"partnerships[+]": _second_alliance("alliance"), f"{A}.parent": "alliance-2"},
    ),
    "S018": (
        {f"{A}.agreements[+]": SUB_AGREEMENT},
        {f"{A}.agreements[+]": SUB_AGREEMENT, f"{A}.agreements[a-strategi].parent": "a-del"},
    ),
    "S019": (
        {f"{A}.lifecycle.horizon": "P12Y", f"{TIMER}.quantity.amount": '"12"'},
        {f"{A}.lifecycle.horizon": "unknown", f"{TIMER}.quantity.amount": "unknown"},
    ),
    "S020": (
        {f"{A}.involvement": WORKSHOP.format(challenge="ch-ung")},
        {f"{A}.involvement": WORKSHOP.format(challenge="ch-x")},
    ),
    "S021": (
        {"lists": LISTS.format(then="listings: [{area: omraadet}]")},
        {"lists": LISTS.format(then="complete: true")},
    ),
    "P004": (
        {
            f"{P}.lifecycle.phases": "[{phase: running, on: 2020-01-01},"
            " {phase: closing, on: 2021-05-31}]",
            f"{P}.lifecycle.term": "{start: 2020-01-01, end: 2021-05-31}",
        },
        {f"{P}.lifecycle.term": "{start: 2020-01-01, end: 2021-05-31}"},
    ),
    "L011": (
        {f"{A}.lifecycle.since": "2016-06-01", f"{A}.lifecycle.horizon": "P5Y"},
        {f"{A}.lifecycle.since": "2016-05-31", f"{A}.lifecycle.horizon": "P5Y"},
    ),
    "L010": (
        {f"{A}.members[ngo].interests": "[ownership, new_members]"},
        {f"{A}.members[ngo].interests": "[]"},
    ),
    "C007": (
        {"organisations[firma].sector": "business"},
        {"organisations[firma].sector": "foundation"},
    ),
    "T002": (
        {f"{TIMER}.status": AGREED.replace("on: 2020-03-01", "on: 2021-06-01")},
        {f"{TIMER}.status": AGREED.replace("on: 2020-03-01", "on: 2021-06-02")},
    ),
    "T003": (
        {f"{A}.goals[g-job].measurements": _measured(("2020-01-01", "10"), ("2021-01-01", "13"))},
        {f"{A}.goals[g-job].measurements": _measured(("2020-01-01", "10"), ("2021-01-01", "11"))},
    ),
    "T004": (
        {f"{A}.goals[g-job].measurements": _measured(("2020-06-01", "10"))},
        {f"{A}.goals[g-job].measurements": _measured(("2020-05-31", "10"))},
    ),
    "LBF001": (_lbf(), _lbf(municipal="1000000")),
    "LBF002": (_lbf(), _lbf(end="2025-01-01", municipal="3000000")),
    "LBF003": (
        _lbf_themes("Beskæftigelse", "Uddannelse og livschancer"),
        _lbf_themes("Beskæftigelse", "Tryghed og trivsel"),
    ),
    "LBF004": (_lbf(), {**_lbf(), f"{A}.governance[styregruppe].kind": "steering_group"}),
    "T005": (
        {f"{A}.agreements[a-strategi].parties[ngo].signed_on": "2021-05"},
        {f"{A}.agreements[a-strategi].parties[ngo].signed_on": "2021"},
    ),
}
