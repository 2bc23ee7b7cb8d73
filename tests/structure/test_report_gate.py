"""The report gate: every field a portfolio holds reaches the report and the notebook view.

The coverage gate (``test_coverage_gate.py``) reads the tables in which the exporters
and the frames declare their fields. The HTML report (:func:`samarbejde.report.html`,
``src/samarbejde/report/_page.py``) and the notebook view (``Portfolio._repr_html_``
and ``Partnership._repr_html_``, ``src/samarbejde/model/_html.py``) have no such table,
so this gate reads them by what they do, as the coverage gate reads the structure
rules: for each field of each record a portfolio can hold, instances of the record in
small valid portfolios are given another value, one at a time, and the page is
rendered before and after. If no change of the field changes the page, the page never
shows it, and the gate names the field and the file to edit, unless
:data:`NOT_IN_REPORT` or :data:`NOT_IN_NOTEBOOK` lists it with the reason. An entry for
a field the page does show, or for a field that does not exist, fails too, so the
tables cannot rot.

A change counts wherever the page shows it: in a table, in a picture, or in a finding,
a maturity score or a funding end it changes. The portfolios are the examples, read on
:data:`samarbejde.examples.AS_OF` (one of them also on a day when a commitment was
overdue and partly delivered), and a small synthetic one; in each, the first instance
of the record in each place it sits is changed (money as a funding amount and as a
mandate's ceiling), if its partnership had begun that day. The values tried are, in
order: those the field has elsewhere in the same portfolio (an id keeps naming
something there, so an id counts as shown when the page shows what it names, not
because a rule reports an id nothing has); its default; the value less its last item,
or the other members of its enumeration; its values in the other portfolios; those in
:data:`MORE_VALUES`; those drawn by the record's own strategy with a fixed seed; values
of the field's type (for a field no strategy draws yet). The first the model accepts
is given.
"""

from __future__ import annotations

import functools
import itertools
import typing
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any, NamedTuple

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from tests.structure.records import (
    IN_PORTFOLIO,
    Key,
    Step,
    default,
    existing,
    hints,
    keys,
    located,
    place,
    replaced,
)
from tests.structure.records import name as key_name
from tests.structure.test_coverage_gate import STRATEGIES, drawn

import samarbejde as s
from samarbejde import examples, report
from samarbejde import testing as builders
from samarbejde.model.errors import ModelError
from samarbejde.model.sources import Cited

AS_OF = examples.AS_OF
GATE = "tests/structure/test_report_gate.py"

#: Renders a portfolio as the page a person reads on a day.
Render = Callable[[s.Portfolio, pendulum.Date], str]


def report_page(portfolio: s.Portfolio, day: pendulum.Date) -> str:
    """The HTML report of ``portfolio`` on ``day``, in English."""
    return report.html(portfolio, as_of=day, lang="en")


def notebook_tables(portfolio: s.Portfolio, day: pendulum.Date) -> str:
    """What a notebook shows of ``portfolio`` and of each of its partnerships (any day)."""
    return portfolio._repr_html_() + "".join(p._repr_html_() for p in portfolio.partnerships)


class Page(NamedTuple):
    """A page the gate reads: how to render it, where it is made, its exemptions' name."""

    label: str
    render: Render
    where: str
    table: str


REPORT = Page("the report", report_page, "src/samarbejde/report/_page.py", "NOT_IN_REPORT")
NOTEBOOK = Page(
    "the notebook view", notebook_tables, "src/samarbejde/model/_html.py", "NOT_IN_NOTEBOOK"
)

#: Fields the report does not show, and why. ``gap:`` marks what it should show.
NOT_IN_REPORT: Mapping[Key, str] = {
    **dict.fromkeys(
        [
            (s.Funding, "granted_on"),
            (s.Agreement, "concluded_on"),
            (s.GovernanceBody, "decided_on"),
            (s.PlanPeriod, "decided_on"),
            (s.Secretariat, "decided_on"),
        ],
        "gap: the day a decision was made; the page reads the portfolio as of its own day, "
        "so the record appears from then on, but the day itself is not printed",
    ),
    **dict.fromkeys(
        [(s.Organisation, "identifiers"), (s.Identifiers, "cvr"), (s.Identifiers, "kommunekode")],
        "register numbers (CVR, kommunekode): the page names organisations",
    ),
    **dict.fromkeys(
        [
            (s.EntryPoint, "id"),
            (s.EntryPoint, "kind"),
            (s.EntryPoint, "channel"),
            (s.EntryPoint, "verified_on"),
        ],
        "how to reach an organisation: a directory's concern, not the steering page's (the "
        "maturity evidence names an anchor by its organisation and post)",
    ),
    (s.PeriodAmount, "amount"): "shown under the funding's total, but never changed alone "
    "here: a funding's periods must add up to its amount (D91), so the model refuses it",
    (s.PlanPeriod, "id"): "a period is shown by its name; its id only when it has none",
    (s.Organisation, "remit"): "what an organisation works on anywhere; the page shows what "
    "it does in each partnership (role, commitments, funding)",
    (s.Membership, "representative"): "the post that speaks for a member; the page shows "
    "members by organisation",
    (s.Membership, "interests"): "why a member takes part; the page shows its sector, role "
    "and the day it joined",
    **dict.fromkeys(
        [
            (s.Review, "note"),
            (s.StatusChange, "note"),
            (s.Fulfilment, "note"),
            (s.Mandate, "granted_by"),
        ],
        "free text kept with the record; the page shows the dates, statuses and outcomes",
    ),
    (s.Mandate, "ceiling"): "checked, not shown: commitments above it are a finding (M003), "
    "which the page lists",
    (s.InvolvementEvent, "id"): "the page names an event by its name (the id only when it "
    "has none)",
    (s.Area, "residents"): "gap: the areas list gives each area's name, municipality and "
    "lists, not how many live there",
    (s.Vision, "text"): "gap: the maturity evidence says when the vision was agreed and by "
    "how many, not what it says",
    **dict.fromkeys(
        [
            *((s.AreaList, f) for f in ("category", "list_date", "law", "listings")),
            *((s.AreaList, f) for f in ("count", "complete", "source")),
            (s.Listing, "figures"),
            (s.Listing, "new"),
            (s.Figure, "name"),
            (s.Figure, "value"),
        ],
        "gap: lists reach the page only through the categories derived for a partnership's "
        "areas on the page's day (Portfolio.categories_on) and findings about them (an id "
        "used twice); the lists themselves (date, law, "
        "count, completeness, source, each area's figures) are not shown",
    ),
    (s.Challenge, "identified_on"): "gap: a challenge is named only where it cites a source "
    "or in a finding about it; not when it was identified",
    **dict.fromkeys(
        [
            (s.Agreement, "kind"),
            (s.Agreement, "term"),
            (s.Agreement, "theme"),
            (s.Agreement, "notice"),
        ],
        "gap: agreements appear only by id in the maturity evidence (signed and binding "
        "or not); not their kind, term, theme or notice",
    ),
    # GovernanceBody.kind and .members: a bestyrelse (kind board) of kommune and
    # boligorganisation is what LBF004 looks for, so the page's findings show them (D94).
}

#: The records that carry sources and a note.
CITED = tuple(record for record in IN_PORTFOLIO if issubclass(record, Cited))

#: Fields the notebook view does not show, and why: it is a compact look at partnerships
#: (one row each), their members and their commitments; the report shows the rest.
NOT_IN_NOTEBOOK: Mapping[Key, str] = {
    **dict.fromkeys(
        [
            *((record, name) for record in CITED for name in ("sources", "note")),
            *keys([s.Source]),
        ],
        "where a record's facts were read, and a note: the report lists them",
    ),
    **dict.fromkeys(
        keys([s.Organisation, s.Identifiers, s.EntryPoint]),
        "organisations are shown by id (a member, a commitment's maker), and counted",
    ),
    **dict.fromkeys(
        keys([s.Area, s.Classification]), "areas are shown by id (a partnership's), and counted"
    ),
    **dict.fromkeys(
        [(s.Portfolio, "lists"), *keys([s.AreaList, s.Listing, s.Figure])],
        "government lists are data about areas, which the notebook view only counts; "
        "frames (lists, listings) and the report show them",
    ),
    **dict.fromkeys(
        [
            (s.Partnership, "earlier"),
            (s.Partnership, "parent"),
            (s.Partnership, "vision"),
            (s.Partnership, "challenges"),
            (s.Partnership, "goals"),
            (s.Partnership, "agreements"),
            (s.Partnership, "governance"),
            (s.Partnership, "funding"),
            (s.Partnership, "periods"),
            (s.Partnership, "governance_history"),
            (s.Partnership, "secretariat"),
            (s.Partnership, "involvement"),
            *keys([s.Vision, s.Challenge, s.Goal, s.Measurement, s.Agreement, s.Signature]),
            *keys([s.GovernanceBody, s.Funding, s.Money]),
            *keys([s.PeriodAmount, s.FundingShare, s.FundingChange, s.PlanPeriod]),
            *keys([s.Seat, s.Secretariat, s.InvolvementEvent]),
        ],
        "a partnership is shown by its id, name, form, areas, lifecycle, members and "
        "commitments (money only as a commitment's quantity)",
    ),
    **dict.fromkeys(
        [
            (s.ProjectLifecycle, "term"),
            (s.ProjectLifecycle, "owner"),
            (s.StrategicLifecycle, "since"),
            (s.StrategicLifecycle, "horizon"),
            (s.StrategicLifecycle, "review_every"),
            (s.StrategicLifecycle, "reviews"),
            *keys([s.Review]),
        ],
        "a lifecycle is shown by its phase and the day it began",
    ),
    **dict.fromkeys(
        [(s.Membership, "representative"), (s.Membership, "interests")],
        "a member is shown by organisation, role, dates and the ids of its mandates",
    ),
    **dict.fromkeys(
        [
            (s.Mandate, "level"),
            (s.Mandate, "powers"),
            (s.Mandate, "term"),
            (s.Mandate, "granted_by"),
            (s.Mandate, "ceiling"),
            (s.Mandate, "revoked"),
        ],
        "a mandate is shown by its id",
    ),
    **dict.fromkeys(
        [
            (s.Commitment, "to"),
            (s.Commitment, "mandate"),
            (s.Commitment, "agreement"),
            (s.Commitment, "goals"),
            (s.Commitment, "fulfilments"),
            *keys([s.Fulfilment]),
            (s.StatusChange, "on"),
            (s.StatusChange, "note"),
        ],
        "a commitment is shown by its maker, kind, quantity, term and current status",
    ),
}


# -- the portfolios changed, and the values tried ----------------------------------------

#: Values tried on one instance, at most (the model refuses many: a phase out of turn).
ATTEMPTS = 30

#: Values of a field, to try.
Values = tuple[object, ...]

#: Values to try that no strategy draws unless told, and why.
MORE_VALUES: Mapping[Key, Values] = {
    (s.Money, "currency"): ("EUR",),  # money() draws DKK unless told: the rules compare DKK
}


#: A portfolio the gate changes, and the day its page is read on.
Base = tuple[s.Portfolio, pendulum.Date]


@functools.cache
def bases() -> tuple[Base, ...]:
    """The portfolios changed, each with its day: the examples, and a small synthetic one.

    ``opdrift`` is read a second time on a day when a commitment was overdue and
    partly delivered, for what the report shows only then (what was delivered).
    """
    named = {n: examples.load(n) for n in examples.names()}
    return (
        *((portfolio, AS_OF) for portfolio in named.values()),
        (named["opdrift"], pendulum.Date(2022, 1, 10)),
        (builders.synthetic_portfolio(6), AS_OF),
    )


@functools.cache
def _located(portfolio: s.Portfolio) -> tuple[tuple[object, tuple[Step, ...]], ...]:
    """Each record in ``portfolio`` with the steps to it (see :func:`located`)."""
    return tuple((record, steps) for record, steps, _ in located(portfolio))


def _in(portfolio: s.Portfolio, record: type, field: str) -> Iterator[Any]:
    """The values ``record.field`` has in ``portfolio``."""
    return (getattr(v, field) for v, _ in _located(portfolio) if type(v) is record)


@functools.cache
def _held(record: type, field: str) -> tuple[Any, ...]:
    """Values of ``record.field`` in the bases and in a synthetic portfolio with a parent."""
    held = (*(p for p, _ in bases()), builders.synthetic_portfolio(101))  # p-2 is under p-1
    return tuple(value for portfolio in held for value in _in(portfolio, record, field))


@functools.cache
def _drawn(record: type) -> tuple[Any, ...]:
    """Records drawn by ``record``'s strategy (none for a portfolio: the bases are some)."""
    make = STRATEGIES.get(record)
    if make is None or record is s.Portfolio:
        return ()
    # one record an example: a list of ten records built from portfolios overran the
    # example's size so often that drawing them took minutes
    return tuple(drawn(make(), 20))


@functools.cache
def _of_type(record: type, field: str) -> tuple[Any, ...]:
    """Values of the field's type other than ``None``, for a field no strategy draws yet."""
    hint = hints(record)[field]
    kinds = [kind for kind in typing.get_args(hint) if kind is not type(None)] or [hint]
    # text the model takes in most places: an id (which names nothing) and a name
    plain = ("ny-vaerdi", "Ny værdi") if str in kinds else ()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a type with few values is still worth trying
        try:
            values = drawn(st.one_of(*map(st.from_type, kinds)), 10)
            # a signalling NaN cannot be compared, not even with UNKNOWN: never a value
            finite = (v for v in values if not (isinstance(v, Decimal) and not v.is_finite()))
            return plain + tuple(finite)
        except (InvalidArgument, TypeError):  # a type Hypothesis cannot build: none to try
            return plain


def candidates(key: Key, base: Base, old: object, more: Mapping[Key, Values]) -> Iterator[Any]:
    """Values to give ``key`` in place of ``old``, best first, each once.

    First those the field has in ``base`` (an id there names something there), then
    its default (an optional field left out), ``old`` less its last item (a sequence
    one shorter) or the other members of its enumeration (a phase no strategy happened
    to draw), then the values the field has in the other portfolios, then those in
    ``more``, then those drawn by the record's strategy, then values of its type.
    """
    record, field = key

    def ordered() -> Iterator[Any]:
        yield from _in(base[0], record, field)
        if (left_out := default(record, field)) is not attrs.NOTHING:
            yield left_out
        if isinstance(old, tuple) and old:
            yield old[:-1]
        if isinstance(old, Enum):
            yield from type(old)
        yield from _held(record, field)
        yield from more.get(key, ())
        yield from (getattr(v, field) for v in _drawn(record))
        yield from _of_type(record, field)

    seen: list[Any] = [old]
    for value in ordered():
        if value not in seen:
            seen.append(value)
            yield value


def _in_view(base: Base, steps: tuple[Step, ...]) -> bool:
    """Whether the record at ``steps`` is in a partnership that had begun on the base's day."""
    portfolio, day = base
    head, position = steps[0] if steps else ("", None)
    if head != "partnerships" or position is None:
        return True
    return portfolio.partnerships[position].lifecycles[0].started <= day


def changes(key: Key, more: Mapping[Key, Values]) -> Iterator[tuple[Base, s.Portfolio]]:
    """Each base, with ``key`` changed on one instance of its record in each place it sits.

    A record may be shown in one place and not in another (money as a funding amount,
    not as a mandate's ceiling), so the first instance in each place is changed. A
    value not given before is tried first, so that the changes differ. Instances in
    partnerships that had not begun on the base's day are left out: the report does
    not show them that day.
    """
    record, field = key
    given: list[object] = []
    for base in bases():
        places: set[tuple[str, ...]] = set()
        for held, steps in _located(base[0]):
            if type(held) is not record or place(steps) in places or not _in_view(base, steps):
                continue
            values = list(
                itertools.islice(candidates(key, base, getattr(held, field), more), ATTEMPTS)
            )
            for value in sorted(values, key=lambda v: v in given):  # those not given first
                try:
                    changed = replaced(base[0], steps, field, value)
                except (ModelError, ValueError, TypeError):
                    continue  # the model refuses it here: try another
                places.add(place(steps))
                given.append(value)
                yield base, changed
                break


def shown(
    key: Key, render: Render, more: Mapping[Key, Values], before: dict[tuple[int, Any], str]
) -> bool | None:
    """Whether a change of ``key`` changes the page (``None``: no change could be made).

    ``before`` keeps each base's page, rendered once.
    """
    tried = False
    for (portfolio, day), changed in changes(key, more):
        tried = True
        known = (id(portfolio), day)
        if known not in before:
            before[known] = render(portfolio, day)
        if render(changed, day) != before[known]:
            return True
    return False if tried else None


def page_failures(
    page: Page,
    exempt: Mapping[Key, str],
    todo: Iterable[Key] | None = None,
    more: Mapping[Key, Values] = MORE_VALUES,
) -> list[str]:
    """Fields ``page`` never shows and does not list, and entries that are wrong."""
    listed = f"{page.table} in {GATE}"
    before: dict[tuple[int, Any], str] = {}
    failures = [
        f"{key_name(key)}: {page.table} names a field that does not exist — edit {GATE}"
        for key in exempt
        if not existing(key)
    ]
    for key in keys(IN_PORTFOLIO) if todo is None else todo:
        seen = shown(key, page.render, more, before)
        if seen is None and key not in exempt:  # the listed reason says why it cannot change
            failures.append(
                f"{key_name(key)}: the model refused every other value tried, so whether "
                f"{page.label} shows it is not known — add one to MORE_VALUES in {GATE}"
            )
        elif not seen and key not in exempt:
            failures.append(
                f"{key_name(key)}: {page.label} never shows it — edit {page.where}, "
                f"or list it in {listed} with the reason"
            )
        elif seen and key in exempt:
            failures.append(
                f"{key_name(key)}: {page.label} shows it, yet {page.table} lists it — "
                f"remove it from {listed}"
            )
    return failures


def test_every_field_reaches_the_report_or_is_listed() -> None:
    failures = page_failures(REPORT, NOT_IN_REPORT)
    assert not failures, f"{len(failures)} field(s):\n" + "\n".join(failures)


def test_every_field_reaches_the_notebook_tables_or_is_listed() -> None:
    failures = page_failures(NOTEBOOK, NOT_IN_NOTEBOOK)
    assert not failures, f"{len(failures)} field(s):\n" + "\n".join(failures)


# -- the gate can fail: given a page that leaves a field out, it names it ---------------


def _unnamed(render: Render) -> Render:
    """``render``, given every partnership under the same name: it never shows the names."""

    def blind(portfolio: s.Portfolio, day: pendulum.Date) -> str:
        same = tuple(attrs.evolve(p, name="Partnerskab") for p in portfolio.partnerships)
        return render(attrs.evolve(portfolio, partnerships=same), day)

    return blind


NAME = (s.Partnership, "name")


def test_a_field_the_report_leaves_out_is_named() -> None:
    assert page_failures(REPORT, {}, [NAME]) == []
    blind = REPORT._replace(render=_unnamed(report_page))
    assert page_failures(blind, {}, [NAME]) == [
        "Partnership.name: the report never shows it — edit src/samarbejde/report/_page.py, "
        "or list it in NOT_IN_REPORT in tests/structure/test_report_gate.py with the reason"
    ]


def test_a_field_the_notebook_view_leaves_out_is_named() -> None:
    assert page_failures(NOTEBOOK, {}, [NAME]) == []
    blind = NOTEBOOK._replace(render=_unnamed(notebook_tables))
    assert page_failures(blind, {}, [NAME]) == [
        "Partnership.name: the notebook view never shows it — edit src/samarbejde/model/_html.py"
        ", or list it in NOT_IN_NOTEBOOK in tests/structure/test_report_gate.py with the reason"
    ]


def test_an_entry_for_a_field_shown_or_for_no_field_is_named() -> None:
    entries = {(s.Commitment, "not_a_field"): "never made", NAME: "shown after all"}
    assert page_failures(REPORT, entries, [NAME]) == [
        "Commitment.not_a_field: NOT_IN_REPORT names a field that does not exist — edit "
        "tests/structure/test_report_gate.py",
        "Partnership.name: the report shows it, yet NOT_IN_REPORT lists it — remove it from "
        "NOT_IN_REPORT in tests/structure/test_report_gate.py",
    ]
