"""Related locations: findings whose cause is spread over records name the other records."""

from __future__ import annotations

import json

import pendulum
from tests.rules._fragments import AS_OF, document, raw_document
from tests.rules.fragments import CASES, A

from samarbejde import loads_located, validate
from samarbejde.rules import Finding, Related, Severity, hit

#: A second commitment of money under bolig's mandate (ceiling 500000 DKK, c-midler 300000).
SECOND_GRANT = (
    "{id: c-midler-2, by: bolig, kind: funding, mandate: m-bolig,"
    " quantity: {amount: '250000', unit: dkk}, term: {start: 2020-04-01, end: 2022-12-31},"
    " status: [{status: proposed, on: 2020-02-01}, {status: agreed, on: 2020-03-01}]}"
)


def _one(fragment: dict[str, str], code: str) -> Finding:
    (finding,) = validate(document(fragment), as_of=AS_OF, select=[code]).findings
    return finding


def test_above_ceiling_names_every_commitment_that_adds_to_the_total() -> None:
    finding = _one({f"{A}.commitments[+]": SECOND_GRANT}, "M003")
    assert [r.path for r in finding.related] == [
        f"{A}.commitments[c-midler]",
        f"{A}.commitments[c-midler-2]",
    ]
    assert [r.note for r in finding.related] == ["c-midler: 300000 DKK", "c-midler-2: 250000 DKK"]


def test_above_ceiling_leaves_out_what_does_not_count() -> None:
    withdrawn = SECOND_GRANT.replace(
        "{status: agreed, on: 2020-03-01}", "{status: withdrawn, on: 2020-03-01}"
    )
    third = SECOND_GRANT.replace("c-midler-2", "c-midler-3").replace("250000", "200001")
    fragment = {f"{A}.commitments[+a]": withdrawn, f"{A}.commitments[+b]": third}
    finding = _one(fragment, "M003")
    assert [r.path.rsplit("[", 1)[1] for r in finding.related] == ["c-midler]", "c-midler-3]"]


def test_dominant_member_names_its_commitments_and_no_one_elses() -> None:
    _passing, failing = CASES["C005"]
    finding = _one(dict(failing), "C005")
    assert finding.path == f"{A}.members[kommune]"
    assert [r.path for r in finding.related] == [
        f"{A}.commitments[c-timer]",
        *(f"{A}.commitments[c-ekstra-{n}]" for n in range(3)),
    ]


def test_cycles_name_their_other_members() -> None:
    s010 = _one(dict(CASES["S010"][1]), "S010")
    assert s010.path == "organisations[enhed-a].parent"
    assert [r.path for r in s010.related] == ["organisations[enhed-b].parent"]
    s017 = _one(dict(CASES["S017"][1]), "S017")
    assert [r.path for r in s017.related] == ["partnerships[alliance-2].parent"]
    s018 = _one(dict(CASES["S018"][1]), "S018")
    assert s018.path == f"{A}.agreements[a-del].parent"
    assert [r.path for r in s018.related] == [f"{A}.agreements[a-strategi].parent"]


def test_related_locations_are_located_in_the_source() -> None:
    text = json.dumps(raw_document({f"{A}.commitments[+]": SECOND_GRANT}), indent=2)
    portfolio, sources = loads_located(text, "json", source="t.json")
    (finding,) = validate(portfolio, as_of=AS_OF, select=["M003"], sources=sources)
    lines = text.splitlines()
    for related in finding.related:
        assert related.line is not None
        assert related.column is not None
        commitment = related.path.rsplit("[", 1)[1].rstrip("]")
        # the located line is the commitment's own object: its id follows within a line
        window = "\n".join(lines[related.line - 1 : related.line + 1])
        assert f'"id": "{commitment}"' in window
    assert finding.related[0].line != finding.related[1].line


def test_without_sources_related_locations_have_no_position() -> None:
    finding = _one({f"{A}.commitments[+]": SECOND_GRANT}, "M003")
    assert all(r.line is None and r.column is None for r in finding.related)


def test_a_finding_is_still_made_positionally_and_lists_related_in_its_dict() -> None:
    finding = Finding("X001", Severity.INFO, "m", "p", "s", 3, 4, "part")
    assert finding.related == ()
    assert finding.to_dict()["related"] == []
    related = Finding(
        "X001", Severity.INFO, "m", "p", "s", related=[Related("q[a]", "a", 5, 6)]
    ).to_dict()["related"]
    assert related == [{"path": "q[a]", "note": "a", "line": 5, "column": 6}]


def test_relating_adds_to_a_hit_and_takes_bare_paths() -> None:
    found = hit("a[x]", "x", n=1).relating("a[y]").relating(Related("a[z]", "z"))
    assert found.related == (Related("a[y]"), Related("a[z]", "z"))
    assert found.values == {"n": 1}


def test_a_plugin_rule_s_related_locations_reach_the_finding() -> None:
    from samarbejde import Portfolio, builtin_rules, rule  # noqa: PLC0415

    @rule("X900", "spread", en="spread", da="spredt")
    def spread(ctx: object) -> object:
        yield hit("organisations[a]", "a").relating(Related("organisations[b]", "b"))

    report = validate(
        Portfolio(), as_of=pendulum.Date(2021, 1, 1), rules=[*builtin_rules(), spread]
    )
    (finding,) = report.findings
    assert finding.related == (Related("organisations[b]", "b"),)


def test_a_ceiling_not_compared_names_the_commitments_under_it() -> None:
    finding = _one(CASES["M006"][1], "M006")
    assert [r.path for r in finding.related] == [f"{A}.commitments[c-midler]"]
    assert "EUR" in finding.message
    assert "c-midler" in finding.message


def test_money_promised_twice_names_the_funding_record() -> None:
    finding = _one(CASES["M007"][1], "M007")
    assert finding.path == f"{A}.commitments[c-midler]"
    assert [(r.path, r.note) for r in finding.related] == [
        (f"{A}.funding[f-bolig]", "f-bolig: 300000 DKK")
    ]
