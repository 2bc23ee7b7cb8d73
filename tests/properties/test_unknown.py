"""Unknown, as a value (D75-D78, D112): kept by every format and the store, guessed by no rule.

The portfolios are the library's own, with facts stated unknown on top of those the
strategies already draw unknown now and then.
"""

from __future__ import annotations

import math
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.opdrift import portfolio as opdrift
from tests.profiles import WHOLE_PORTFOLIOS

from samarbejde import (
    UNKNOWN,
    Classification,
    Funding,
    FundingKind,
    Money,
    Partnership,
    PhaseChange,
    Portfolio,
    StrategicLifecycle,
    Term,
    dumps,
    loads,
    validate,
)
from samarbejde import store as stores
from samarbejde import strategies as sst
from samarbejde.analysis import Dimension, assess, to_frames
from samarbejde.documents import Format
from samarbejde.documents._scalars import SCALARS, unknowable
from samarbejde.model.approximate import first_day, last_day
from samarbejde.report import html
from samarbejde.sheets._cells import CellError, read_cell
from samarbejde.sheets._layout import Column

FORMATS: tuple[Format, ...] = ("json", "yaml", "toml")
AS_OF = pendulum.Date(2024, 6, 1)


def _with_unknowns(draw: st.DrawFn, p: Partnership) -> Partnership:
    """``p`` with some of its facts stated unknown (which ones, drawn)."""
    changes: dict[str, object] = {}
    if p.funding and draw(st.booleans()):
        first = p.funding[0]
        changes["funding"] = (
            attrs.evolve(first, amount=attrs.evolve(first.amount, amount=UNKNOWN)),
            *p.funding[1:],
        )
    if p.members and draw(st.booleans()):
        changes["members"] = (attrs.evolve(p.members[0], role=UNKNOWN), *p.members[1:])
    lifecycle = p.lifecycle
    if isinstance(lifecycle, StrategicLifecycle) and draw(st.booleans()):
        lifecycle = attrs.evolve(lifecycle, horizon=UNKNOWN)
    if isinstance(lifecycle, StrategicLifecycle) and draw(st.booleans()):
        lifecycle = _early_unknown(lifecycle)
    if lifecycle is not p.lifecycle:
        changes["lifecycle"] = lifecycle
    return attrs.evolve(p, **changes)  # type: ignore[arg-type]


def _early_unknown(lifecycle: StrategicLifecycle) -> StrategicLifecycle:
    """``lifecycle`` with its first phase unknown (D112), when that entry lies in ``since``."""
    first = lifecycle.phases[0]
    if not first_day(lifecycle.since) <= first_day(first.on) <= last_day(lifecycle.since):
        return lifecycle
    return attrs.evolve(lifecycle, phases=(PhaseChange(UNKNOWN, first.on), *lifecycle.phases[1:]))


@st.composite
def portfolios_with_unknowns(draw: st.DrawFn) -> Portfolio:
    """A generated portfolio with more facts stated unknown, one area's latest list too."""
    drawn = draw(sst.portfolios())
    partnerships = tuple(_with_unknowns(draw, p) for p in drawn.partnerships)
    areas = list(drawn.areas)
    if areas and draw(st.booleans()):
        last = areas[0].classifications[-1].list_date if areas[0].classifications else None
        day = pendulum.Date(2024, 12, 1) if last is None else max(last, pendulum.Date(2024, 12, 1))
        areas[0] = attrs.evolve(
            areas[0], classifications=(*areas[0].classifications, Classification(UNKNOWN, day))
        )
    return attrs.evolve(drawn, partnerships=partnerships, areas=tuple(areas))


def _unknown_places(portfolio: Portfolio, p: Partnership) -> int:
    """How many facts of ``p`` (and of the areas it serves) are unknown, counted here."""
    count = sum(
        1 for lc in p.lifecycles if isinstance(lc, StrategicLifecycle) and lc.horizon is UNKNOWN
    )
    count += sum(1 for lc in p.lifecycles if lc.phases[0].phase is UNKNOWN)
    count += sum(1 for m in p.members if m.role is UNKNOWN)
    count += sum(
        1
        for m in p.members
        for d in m.mandates
        if d.ceiling is not None and d.ceiling.amount is UNKNOWN
    )
    count += sum(1 for c in p.commitments if c.quantity.amount is UNKNOWN)
    count += sum(1 for c in p.commitments for f in c.fulfilments if f.quantity.amount is UNKNOWN)
    count += sum(1 for f in p.funding if f.amount.amount is UNKNOWN)
    served = [a for a in portfolio.areas if a.id in p.areas]
    # a classification is placed by its list's date: two unknown ones of one day are
    # one place to look up
    count += len(
        {(a.id, c.list_date) for a in served for c in a.classifications if c.category is UNKNOWN}
    )
    return count


@WHOLE_PORTFOLIOS
@given(portfolios_with_unknowns(), st.sampled_from(FORMATS))
def test_unknowns_round_trip_through_every_format(drawn: Portfolio, fmt: Format) -> None:
    text = dumps(drawn, fmt)
    assert loads(text, fmt) == drawn
    if any(_unknown_places(drawn, p) for p in drawn.partnerships):
        assert "unknown" in text


@WHOLE_PORTFOLIOS
@given(portfolios_with_unknowns())
def test_unknowns_round_trip_through_the_store(
    tmp_path_factory: pytest.TempPathFactory, drawn: Portfolio
) -> None:
    target = str(tmp_path_factory.mktemp("store") / "register.db")
    with stores.open(target) as registry:
        registry.save(drawn, recorded_by="test", note="unknowns")
    with stores.open(target) as again:
        assert again.portfolio() == drawn


@WHOLE_PORTFOLIOS
@given(portfolios_with_unknowns())
def test_no_rule_raises_and_each_partnership_gets_one_not_known_finding(drawn: Portfolio) -> None:
    report = validate(drawn, as_of=AS_OF, profiles=("all",), lang="en")
    assert not [f for f in report.findings if "internal error" in f.message]
    not_known = [f for f in report.findings if f.code == "S019"]
    by_partnership = {f.partnership for f in not_known}
    assert len(by_partnership) == len(not_known)  # one per partnership
    for p in drawn.partnerships:
        expected = _unknown_places(drawn, p)
        found = [f for f in not_known if f.partnership == p.id]
        assert len(found) == (1 if expected else 0), p.id
        if found:
            assert len(found[0].related) == expected


def _opdrift_with_unknown_horizon() -> Portfolio:
    portfolio = opdrift()
    p = portfolio.partnerships[0]
    assert isinstance(p.lifecycle, StrategicLifecycle)
    changed = attrs.evolve(p, lifecycle=attrs.evolve(p.lifecycle, horizon=UNKNOWN))
    return attrs.evolve(portfolio, partnerships=(changed, *portfolio.partnerships[1:]))


def test_an_unknown_horizon_leaves_long_lasting_not_assessed_and_says_the_share() -> None:
    portfolio = _opdrift_with_unknown_horizon()
    before = {m.partnership: m for m in assess(opdrift(), as_of=AS_OF)}
    after = {m.partnership: m for m in assess(portfolio, as_of=AS_OF)}
    pid = portfolio.partnerships[0].id
    score = after[pid].score(Dimension.LONG_LASTING)
    assert not score.assessed
    assert score.score == 0
    assert after[pid].not_assessed[0] is Dimension.LONG_LASTING
    assert after[pid].assessed_share == pytest.approx(8 / 9)
    assert before[pid].assessed_share == 1.0
    assert before[pid].score(Dimension.LONG_LASTING).assessed


def test_an_absent_horizon_is_not_read_as_open_ended_at_the_top_score() -> None:
    portfolio = opdrift()
    p = portfolio.partnerships[0]
    assert isinstance(p.lifecycle, StrategicLifecycle)
    changed = attrs.evolve(p, lifecycle=attrs.evolve(p.lifecycle, horizon=None))
    absent = attrs.evolve(portfolio, partnerships=(changed, *portfolio.partnerships[1:]))
    (found,) = [m for m in assess(absent, as_of=pendulum.Date(2035, 1, 1)) if m.partnership == p.id]
    assert found.score(Dimension.LONG_LASTING).score <= 2
    assert found.score(Dimension.LONG_LASTING).assessed


def test_the_report_says_ukendt_and_unknown() -> None:
    portfolio = _opdrift_with_unknown_horizon()
    assert "ukendt" in html(portfolio, as_of=AS_OF, lang="da")
    assert "unknown" in html(portfolio, as_of=AS_OF, lang="en")
    assert "ukendt" not in html(opdrift(), as_of=AS_OF, lang="da")


def test_frames_tell_an_unknown_amount_from_a_known_one() -> None:
    pytest.importorskip("pandas")
    portfolio = opdrift()
    p = portfolio.partnerships[0]
    funder = p.members[0].organisation
    term = Term(pendulum.Date(2021, 1, 1), pendulum.Date(2025, 12, 31))
    kind = FundingKind.MUNICIPAL_BUDGET
    known = Funding("f-known", funder, Money(Decimal(1_500_000)), term, kind)
    first = Funding("f-unknown", funder, Money(UNKNOWN), term, kind)
    changed = attrs.evolve(p, funding=(first, known))
    others = portfolio.partnerships[1:]
    frames = to_frames(attrs.evolve(portfolio, partnerships=(changed, *others)), as_of=AS_OF)
    row = frames.funding[frames.funding["funding"] == first.id].iloc[0]
    assert math.isnan(row["amount"])
    assert not row["amount_known"]
    others = frames.funding[frames.funding["funding"] != first.id]
    assert others["amount_known"].all()


@pytest.mark.parametrize("typed", ["ukendt", "Unknown", " unknown ", "UKENDT"])
def test_a_workbook_cell_may_say_ukendt(typed: str) -> None:
    column = Column(("amount",), (unknowable(Decimal),), text=False)
    assert read_cell(typed, column) == "unknown"
    assert read_cell("1.500", column) == "1500"
    plain = Column(("amount",), (SCALARS[Decimal],), text=False)
    with pytest.raises(CellError):
        read_cell(typed, plain)
