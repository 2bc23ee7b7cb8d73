"""Approximate dates: a year or a month, read, written and asked about as an interval."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pendulum import Date as D  # noqa: N817 - the tests' short name for a date

from samarbejde import Agreement, AgreementKind, Approximate, Membership, ModelError, Signature
from samarbejde.model.approximate import (
    When,
    first_day,
    last_day,
    may_be_by,
    surely_after,
    surely_before,
    surely_by,
)
from samarbejde.model.iso import IsoTextError, read_when, write_when
from samarbejde.model.text import render
from samarbejde.strategies import dates, whens
from samarbejde.testing import strategic


@given(whens(), dates())
def test_an_approximate_date_is_every_day_of_its_year_or_month(when: When, day: D) -> None:
    first, last = first_day(when), last_day(when)
    inside = first <= day <= last
    assert surely_before(when, day) is (last < day)
    assert surely_after(when, day) is (first > day)
    assert surely_by(when, day) is (last <= day)
    assert may_be_by(when, day) is (first <= day)
    # Inside the interval, neither "surely" answer holds: the interval cannot tell.
    if inside:
        assert not surely_before(when, day)
        assert not surely_after(when, day)


@given(whens(D(1, 1, 1), D(9999, 12, 31)))
def test_what_is_written_reads_back(when: When) -> None:
    assert read_when(write_when(when)) == when


def test_a_year_and_a_month_are_written_with_reduced_precision() -> None:
    assert write_when(Approximate(2017)) == "2017"
    assert write_when(Approximate(2019, 3)) == "2019-03"
    assert Approximate(2024, 2).last == D(2024, 2, 29)
    assert Approximate(2017).first == D(2017, 1, 1)
    assert Approximate(2017).last == D(2017, 12, 31)


@pytest.mark.parametrize("text", ["2017?", "2017~", "2019-13", "2019-3", "17", "2019-00", ""])
def test_other_forms_are_refused(text: str) -> None:
    with pytest.raises(IsoTextError):
        read_when(text)


@pytest.mark.parametrize(("year", "month"), [(0, None), (10_000, None), (2019, 0), (2019, 13)])
def test_an_impossible_year_or_month_is_a_model_error(year: int, month: int | None) -> None:
    with pytest.raises(ModelError):
        Approximate(year, month)


def test_people_read_the_month_and_year_never_a_day() -> None:
    assert render(Approximate(2019, 3), "da") == "marts 2019"
    assert render(Approximate(2019, 3), "en") == "March 2019"
    assert render(Approximate(2017), "da") == "2017"


def test_a_membership_known_to_its_month_may_be_active_inside_it_and_surely_after() -> None:
    m = Membership("kommunen", "lead", Approximate(2019, 3))
    assert not m.active(D(2019, 2, 28))
    assert m.active(D(2019, 3, 1))  # it may have joined on the first
    assert not m.surely_active(D(2019, 3, 15))
    assert m.surely_active(D(2019, 4, 1))


def test_a_departure_is_refused_only_when_surely_before_joining() -> None:
    Membership("kommunen", "lead", Approximate(2019), left=D(2019, 6, 1))  # may be after
    with pytest.raises(ModelError, match="left before joining"):
        Membership("kommunen", "lead", Approximate(2019), left=D(2018, 12, 31))


def test_as_of_shows_a_member_once_its_month_has_begun() -> None:
    p = strategic()
    first, second = p.members
    loose = attrs.evolve(p, members=(first, attrs.evolve(second, joined=Approximate(2020, 3))))
    names = [first.organisation, second.organisation]
    assert [m.organisation for m in loose.as_of(D(2020, 2, 29)).members] == names[:1]
    assert [m.organisation for m in loose.as_of(D(2020, 3, 1)).members] == names
    assert loose.as_of(D(2020, 3, 1)).members[1].joined == Approximate(2020, 3)


def test_a_signature_known_to_its_year_is_outstanding_before_it_and_kept_inside_it() -> None:
    p = strategic()
    agreement = Agreement(
        "a-1", AgreementKind.STRATEGIC, (Signature(p.members[0].organisation, Approximate(2021)),)
    )
    assert agreement.as_of(D(2020, 12, 31)).parties[0].signed_on is None
    assert agreement.as_of(D(2021, 1, 1)).parties[0].signed_on == Approximate(2021)


@given(st.integers(1000, 9999))
def test_a_year_is_its_own_interval(year: int) -> None:
    assert (Approximate(year).first, Approximate(year).last) == (D(year, 1, 1), D(year, 12, 31))
