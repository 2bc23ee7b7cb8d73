"""The national overview counts what the portfolio holds, each fact once.

Every count is checked against the records it counts, over generated portfolios and
over the synthetic national one: nothing is dropped, nothing counted twice.
"""

from __future__ import annotations

from collections import Counter

import attrs
import pendulum
import pytest
from hypothesis import given
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import Portfolio, examples, validate
from samarbejde.analysis import CORE_SECTORS, funding_ends, overdue_commitments
from samarbejde.analysis.national import national, national_frames
from samarbejde.model.area_lists import AreaList, Listing
from samarbejde.strategies import portfolios
from samarbejde.testing import synthetic_portfolio

AS_OF = pendulum.date(2026, 1, 1)


def _check(portfolio: Portfolio, as_of: pendulum.Date) -> None:
    findings = validate(portfolio, as_of=as_of).findings
    overview = national(portfolio, as_of=as_of, findings=findings)
    seen = portfolio.as_of(as_of)
    lines = {line.partnership: line for line in overview.partnerships}
    assert list(lines) == [p.id for p in seen.partnerships]
    for group in ("form", "phase", "level"):  # one value per partnership
        counted = [c for c in overview.counts if c.group == group]
        assert sum(c.partnerships for c in counted) == len(lines)
        strategic = sum(1 for p in seen.partnerships if p.form == "strategic")
        assert sum(c.strategic for c in counted) == strategic
    places = {a.id: a.municipality for a in seen.areas}
    kommuner = Counter(k for p in seen.partnerships for k in {places[a] for a in p.areas} or {""})
    assert {c.value: c.partnerships for c in overview.counts if c.group == "kommune"} == kommuner
    marks = Counter((f.partnership, f.severity.value) for f in findings if f.partnership)
    overdue = Counter(o.partnership for o in overdue_commitments(portfolio, as_of=as_of))
    for p, line in lines.items():
        assert (line.errors, line.warnings, line.infos) == (
            marks[(p, "error")],
            marks[(p, "warning")],
            marks[(p, "info")],
        )
        assert line.overdue == overdue[p]
    assert [line.partnership for line in overview.overdue] == sorted(
        (p for p in overdue if p in lines), key=lambda p: (-overdue[p], p)
    )
    held = {a.id for a in seen.areas}
    onto = {(a.id, c.category.value, c.list_date) for a in seen.areas for c in a.classifications}
    onto |= {(i.area, x.category, x.list_date) for x in seen.lists for i in x.listings}
    assert sorted((a.area, a.category, a.list_date) for a in overview.areas) == sorted(
        k for k in onto if k[0] in held
    )
    for listed in overview.areas:
        serving = {p.id for p in seen.partnerships if listed.area in p.areas}
        assert set(listed.partnerships) == serving
        assert set(listed.strategic) == {p for p in serving if lines[p].form == "strategic"}
    sectors = {o.id: o.sector for o in seen.organisations}
    for missing in overview.missing_sectors:
        here = [
            p for p in seen.partnerships if (set(lines[p.id].kommuner) or {""}) & {missing.kommune}
        ]
        present = {sectors.get(m.organisation) for p in here for m in p.members_on(as_of)}
        assert missing.partnerships == len(here)
        assert set(missing.missing) == {s for s in CORE_SECTORS if s not in present}
    ahead = [e for e in funding_ends(portfolio, as_of=as_of) if e.on >= as_of]
    assert sum(f.ends for f in overview.funding) == len(ahead)
    assert sum(f.cliffs for f in overview.funding) == sum(e.cliff for e in ahead)
    assert sum(r.findings for r in overview.rules) == len(findings)
    by_code = Counter(f.code for f in findings)
    assert [r.code for r in overview.rules] == sorted(by_code, key=lambda c: (-by_code[c], c))
    for rule in overview.rules:
        own = [f for f in findings if f.code == rule.code]
        assert rule.findings == len(own)
        assert rule.severity == own[0].severity.value
        assert rule.partnerships == len({f.partnership for f in own if f.partnership})


@WHOLE_PORTFOLIOS
@given(portfolios())
def test_every_count_is_the_records_it_counts(portfolio: Portfolio) -> None:
    """Generated portfolios: counts, areas, sectors, funding and rules add up."""
    _check(portfolio, AS_OF)


@pytest.mark.parametrize("name", examples.names())
def test_the_examples_add_up(name: str) -> None:
    _check(examples.load(name), examples.AS_OF)


def test_a_national_portfolio_adds_up() -> None:
    """200 partnerships across many kommuner and regions."""
    _check(synthetic_portfolio(10_000), AS_OF)


def test_the_frames_hold_every_line() -> None:
    pytest.importorskip("pandas")
    overview = national(synthetic_portfolio(2_000), as_of=AS_OF)
    frames = national_frames(overview)
    for name, frame in frames.items():
        assert len(frame) == len(getattr(overview, name)), name
    assert list(frames["partnerships"].columns)[:3] == ["partnership", "name", "form"]


def test_an_area_on_a_list_of_the_portfolio_alone_is_a_listed_area() -> None:
    portfolio = examples.load("trappen")
    (area,) = portfolio.areas
    assert area.classifications == ()
    day = pendulum.Date(2022, 12, 1)
    on = AreaList("parallel-2022", "parallelsamfund", day, listings=(Listing(area.id),))
    overview = national(attrs.evolve(portfolio, lists=(on,)), as_of=examples.AS_OF)
    assert [(a.area, a.category, a.list_date) for a in overview.areas] == [
        (area.id, "parallelsamfund", day)
    ]
    assert national(portfolio, as_of=examples.AS_OF).areas == ()
