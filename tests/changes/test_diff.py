"""``diff`` and ``apply``: applying the changes of ``diff(a, b)`` to ``a`` gives ``b``.

Pairs are drawn from the public strategies: independent portfolios and partnerships,
and pairs where the second is the first after one of the dated operations.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests import opdrift

from samarbejde import (
    COMMITMENT_STATUS,
    PROJECT_PHASES,
    STRATEGIC_PHASES,
    Area,
    Change,
    CommitmentStatus,
    Organisation,
    Partnership,
    Portfolio,
    ProjectLifecycle,
    Quantity,
    Sector,
    apply,
    diff,
    redact,
)
from samarbejde import strategies as sst
from samarbejde.model.approximate import last_day
from samarbejde.model.text import say_date
from samarbejde.strategies import DEFAULT_END, dates

PATIENT = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
DAY = pendulum.date(2025, 3, 1)


def last_entry(p: Partnership) -> pendulum.Date:
    lifecycle = p.lifecycle
    days = [last_day(c.on) for c in lifecycle.phases]  # a first unknown phase may be a year
    days += [r.on for r in getattr(lifecycle, "reviews", ())]
    return max(days)


def replaced(portfolio: Portfolio, old: Partnership, new: Partnership) -> Portfolio:
    return attrs.evolve(
        portfolio, partnerships=tuple(new if p is old else p for p in portfolio.partnerships)
    )


def operated(data: st.DataObject, p: Partnership) -> Partnership:
    """``p`` after one operation drawn from those its state allows (or ``p`` itself)."""
    choices: list[Callable[[], Partnership]] = []
    latest = DEFAULT_END if p.lifecycle.ended is None else p.lifecycle.ended.subtract(days=1)
    if p.lifecycle.started <= latest:

        def admit() -> Partnership:
            on = data.draw(dates(p.lifecycle.started, latest))
            return p.admit("nyt-medlem", role="partner", on=on)

        choices.append(admit)
    for c in p.commitments:
        allowed = sorted(COMMITMENT_STATUS.allowed(c.current), key=str)
        if allowed:

            def set_status(c: object = c, allowed: list[CommitmentStatus] = allowed) -> Partnership:
                assert attrs.has(type(c))
                status = data.draw(st.sampled_from(allowed))
                on = data.draw(dates(c.status[-1].on, DEFAULT_END))  # type: ignore[attr-defined]
                note = data.draw(st.none() | st.just("drøftet på mødet"))
                return p.set_status(c.id, status, on=on, note=note)  # type: ignore[attr-defined]

            choices.append(set_status)
        if not c.is_final:

            def fulfil(c: object = c) -> Partnership:
                quantity = Quantity(c.quantity.amount, c.quantity.unit)  # type: ignore[attr-defined]
                first = max([c.made_on, *(f.on for f in c.fulfilments)])  # type: ignore[attr-defined]
                return p.record_fulfilment(c.id, quantity, on=first)  # type: ignore[attr-defined]

            choices.append(fulfil)
        if c.mandate is None and p.member(c.by).active(c.made_on) and p.lifecycle.started <= latest:
            template = c

            def commit(template: object = template) -> Partnership:
                made = attrs.evolve(template, id="ny-forpligtelse")
                return p.commit(made, on=made.made_on)  # type: ignore[attr-defined]

            choices.append(commit)
    for m in p.members:
        if m.left is None and last_day(m.joined) <= DEFAULT_END:  # an approximate one too

            def release(m: object = m) -> Partnership:
                on = data.draw(dates(last_day(m.joined), DEFAULT_END))  # type: ignore[attr-defined]
                return p.release(m.organisation, on=on)  # type: ignore[attr-defined]

            choices.append(release)
    table = PROJECT_PHASES if isinstance(p.lifecycle, ProjectLifecycle) else STRATEGIC_PHASES
    phases = sorted(table.allowed(p.lifecycle.phase), key=str)  # type: ignore[arg-type]
    if phases:

        def advance() -> Partnership:
            phase = data.draw(st.sampled_from(phases))
            return p.advance(phase, on=data.draw(dates(last_entry(p), DEFAULT_END)))

        choices.append(advance)
    if not choices:
        return p
    try:
        return data.draw(st.sampled_from(choices))()
    except (ValueError, KeyError):  # an operation may refuse a drawn day: that is its job
        assume(False)
        raise  # pragma: no cover


def check_pair(a: object, b: object) -> tuple[Change, ...]:
    changes = diff(a, b)
    assert apply(changes, a) == b
    assert diff(a, b) == changes  # deterministic
    assert diff(b, a) == () if a == b else diff(b, a) != ()
    for change in changes:
        assert change.kind in ("added", "removed", "changed")
        assert change.sentence("en").endswith(".")
        assert change.sentence("da").endswith(".")
    return changes


@PATIENT
@given(sst.portfolios())
def test_a_portfolio_has_no_changes_from_itself(portfolio: Portfolio) -> None:
    assert diff(portfolio, portfolio) == ()
    fields = (getattr(portfolio, a.name) for a in attrs.fields(Portfolio) if a.init)
    assert diff(portfolio, Portfolio(*fields)) == ()


@PATIENT
@given(sst.portfolios(), sst.portfolios())
def test_apply_turns_one_drawn_portfolio_into_another(a: Portfolio, b: Portfolio) -> None:
    changes = check_pair(a, b)
    assert (changes == ()) is (a == b)


@PATIENT
@given(sst.partnerships(), sst.partnerships())
def test_apply_turns_one_drawn_partnership_into_another(a: Partnership, b: Partnership) -> None:
    check_pair(a, b)


@PATIENT
@given(st.data())
def test_apply_gives_the_portfolio_after_an_operation(data: st.DataObject) -> None:
    before = data.draw(sst.portfolios(commitments=(0, 3)))
    old = data.draw(st.sampled_from(before.partnerships))
    after = replaced(before, old, operated(data, old))
    changes = check_pair(before, after)
    prefix = f"partnerships[{old.id}]"
    assert all(c.path.startswith(prefix) for c in changes)


@PATIENT
@given(st.data())
def test_apply_gives_the_partnership_after_several_operations(data: st.DataObject) -> None:
    p = data.draw(sst.partnerships(commitments=(1, 3)))
    q = p
    for _ in range(data.draw(st.integers(1, 3))):
        q = operated(data, q)
    check_pair(p, q)
    check_pair(q, p)


@PATIENT
@given(sst.portfolios())
def test_apply_gives_the_redacted_portfolio(portfolio: Portfolio) -> None:
    check_pair(portfolio, redact(portfolio))


@PATIENT
@given(sst.organisations(), sst.organisations())
def test_apply_turns_one_organisation_into_another(a: Organisation, b: Organisation) -> None:
    check_pair(a, b)


def test_a_status_change_is_one_added_history_entry_named_by_ids() -> None:
    before = opdrift.portfolio()
    p = before.partnerships[0]
    c = next(c for c in p.commitments if COMMITMENT_STATUS.allowed(c.current))
    status = sorted(COMMITMENT_STATUS.allowed(c.current), key=str)[0]
    on = max(c.status[-1].on, DAY)
    after = replaced(before, p, p.set_status(c.id, status, on=on))
    (change,) = diff(before, after)
    assert change.path == f"partnerships[{p.id}].commitments[{c.id}].status[{len(c.status)}]"
    assert change.kind == "added"
    assert change.old is None
    assert change.new.status is status
    assert say_date(on, "en") in change.sentence("en")


def test_a_new_member_is_added_by_its_organisation() -> None:
    before = opdrift.portfolio()
    p = before.partnerships[0]
    after_p = p.admit("ny-forening", role="partner", on=max(p.lifecycle.started, DAY))
    (change,) = diff(p, after_p)
    assert change.steps == ("members", ("ny-forening",))
    assert change.sentence("en") == "ny-forening joined as a member."
    assert change.sentence("da") == "ny-forening er optaget som medlem."
    names = {"ny-forening": "Ny Forening"}
    assert change.sentence("da", names) == "Ny Forening er optaget som medlem."


def test_sentences_use_the_labels_of_enum_values() -> None:
    a = Organisation("o", "O", Sector.BUSINESS)
    (change,) = diff(a, attrs.evolve(a, sector=Sector.HOUSING))
    assert change.sentence("da") == "Sektor ændret fra erhvervsliv til almen boligorganisation."
    assert change.sentence("en") == "Sector changed from business to social housing."
    with pytest.raises(ValueError, match="lang"):
        change.sentence("de")  # type: ignore[arg-type]


def test_lists_of_ids_are_keyed_by_the_id_itself() -> None:
    a = Organisation("o", "O", Sector.BUSINESS, remit=("bolig", "job"))
    b = attrs.evolve(a, remit=("bolig", "fritid"))
    changes = diff(a, b)
    assert [(c.path, c.kind) for c in changes] == [
        ("remit[job]", "removed"),
        ("remit[fritid]", "added"),
    ]
    assert apply(changes, a) == b


def test_a_reordered_list_is_one_change_of_the_whole_list() -> None:
    x, y = Area("x", "X", "561"), Area("y", "Y", "561")
    a, b = Portfolio(areas=(x, y)), Portfolio(areas=(y, x))
    (change,) = diff(a, b)
    assert (change.path, change.kind) == ("areas", "changed")
    assert apply((change,), a) == b


def test_values_of_different_types_are_one_change_of_the_whole() -> None:
    (change,) = diff(Decimal(1), "1")
    assert change.path == ""
    assert change.sentence("en") == 'The value changed from 1 to "1".'
    assert apply((change,), Decimal(1)) == "1"


def test_apply_refuses_a_place_the_value_does_not_have() -> None:
    a = Area("x", "X", "561")
    with pytest.raises(ValueError, match="no field"):
        apply((Change(("nowhere",), "changed", 1, 2),), a)
    with pytest.raises(ValueError, match="nothing there"):
        apply((Change(("areas", ("zz",), "name"), "changed", "a", "b"),), Portfolio(areas=(a,)))
    with pytest.raises(ValueError, match="comes alone"):
        apply(
            (Change(("areas",), "changed", (), ()), Change(("areas", 0), "removed", a)),
            Portfolio(areas=(a,)),
        )
    with pytest.raises(ValueError, match="cannot apply"):
        apply((Change(("x",), "changed", 1, 2),), 5)
    assert apply((), a) is a
