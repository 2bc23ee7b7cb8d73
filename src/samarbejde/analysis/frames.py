"""Tidy pandas tables of a portfolio, and their export to Parquet.

Needs the ``frames`` extra (``pip install 'samarbejde[frames]'``): pandas and pyarrow
are imported when a function here is called, not before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, TypeVar

import attrs
import pendulum

from samarbejde.analysis._columns import MAYBE, typed_frame, value
from samarbejde.analysis._optional import require
from samarbejde.analysis.funding import lifecycle_until
from samarbejde.model.agreements import Agreement, Signature
from samarbejde.model.approximate import Approximate, first_day
from samarbejde.model.area_lists import AreaList, Figure, Listing
from samarbejde.model.areas import Area, Classification
from samarbejde.model.commitments import Commitment, Fulfilment
from samarbejde.model.days import day
from samarbejde.model.enums import (
    CommitmentStatus,
    Direction,
    FundingKind,
    MandateLevel,
    Measure,
    ProjectPhase,
    Sector,
    StrategicPhase,
    Unit,
)
from samarbejde.model.funding import Funding, FundingChange, FundingShare, PeriodAmount
from samarbejde.model.goals import Challenge, Goal, Vision
from samarbejde.model.governance import GovernanceBody, Seat
from samarbejde.model.history import PhaseChange, StatusChange
from samarbejde.model.involvement import InvolvementEvent
from samarbejde.model.iso import write_duration
from samarbejde.model.lifecycles import ProjectLifecycle, Review, StrategicLifecycle
from samarbejde.model.mandates import Mandate
from samarbejde.model.measurements import Measurement, projection
from samarbejde.model.memberships import Membership
from samarbejde.model.money import Money, Quantity
from samarbejde.model.organisations import EntryPoint, Identifiers, Organisation
from samarbejde.model.partnerships import Partnership
from samarbejde.model.periods import PlanPeriod
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.secretariats import Secretariat
from samarbejde.model.sources import Source
from samarbejde.model.terms import Term
from samarbejde.model.unknown import UNKNOWN

__all__ = [
    "NOT_COLUMNS",
    "TABLES",
    "TABLE_COLUMNS",
    "Column",
    "Frames",
    "Row",
    "Table",
    "records_frame",
    "shown_fields",
    "to_frames",
    "to_parquet",
]

_PHASES = (
    *(p.value for p in ProjectPhase),
    *(p.value for p in StrategicPhase if p.value not in {x.value for x in ProjectPhase}),
    UNKNOWN.value,  # an early history the sources do not give (design decision D112)
)
_FORMS = ("project", "strategic")


@attrs.frozen
class Frames:
    """A portfolio as tidy pandas DataFrames, one row per record, as of one day.

    Enum columns are ``category`` with every value of the enum as a category; date
    columns are ``datetime64`` (``NaT`` when empty); amounts are ``float64`` (the model
    keeps exact ``Decimal`` values). A fact stated unknown is missing in a typed column
    (``NaN``, ``NaT``, ``<NA>``) and the text ``unknown`` in a text column; the columns
    that may hold one have a boolean ``..._known`` column beside them, so that unknown
    is told from absent (design decision D75).

    Attributes:
        as_of: The day the tables describe.
        organisations: One row per organisation.
        areas: One row per area, with every category it holds on ``as_of`` (codes
            joined by ``, ``; empty when on no list), derived from the portfolio's lists
            and the area's own classifications (:meth:`~samarbejde.Portfolio.categories_on`,
            D113).
        lists: One row per government list dated by ``as_of``, with its published count
            and how many areas it names.
        listings: One row per area on a list, with its figures (``name=value; …``).
        partnerships: One row per partnership begun by ``as_of``.
        memberships: One row per active membership.
        mandates: One row per mandate held by an active member.
        commitments: One row per commitment made by ``as_of``, with its status then.
        goals: One row per goal, with its latest measured value, the value its trend gives
            on the due date (``projected``) and whether that reaches the target.
        measurements: One row per measurement of a goal's indicator, dated by ``as_of``.
        funding: One row per funding (as it stood on ``as_of``; D92).
        phases: One row per phase entry of every lifecycle, with the day it lasted until.
        funding_periods: One row per amount of a funding's period (D91).
        funding_shares: One row per funder of a funding paid by several (D91).
        periods: One row per plan period of a partnership, numbered in order, with the
            days since the period before ended (its continuity; D93).
    """

    as_of: pendulum.Date
    organisations: Any
    areas: Any
    lists: Any
    listings: Any
    partnerships: Any
    memberships: Any
    mandates: Any
    commitments: Any
    goals: Any
    measurements: Any
    funding: Any
    phases: Any
    funding_periods: Any
    funding_shares: Any
    periods: Any

    def tables(self) -> dict[str, Any]:
        """The DataFrames by table name, in the order of :data:`TABLES`."""
        return {name: getattr(self, name) for name in TABLES}


def _known(value: Callable[[Any], object]) -> Callable[[Any], object]:
    """A ``..._known`` column's value: whether ``value`` of the row is not unknown."""
    return lambda row: value(row) is not UNKNOWN


#: A record's field: the record class and the field's name.
Field = tuple[type, str]

R = TypeVar("R")
T = TypeVar("T")


@attrs.frozen
class Row(Generic[T]):
    """What one row of a table is read from.

    Attributes:
        item: The record the row describes.
        as_of: The day the tables describe.
        partnership: The id of the partnership it belongs to (``""``: none).
        member: The member organisation that holds it (``""``: none).
    """

    item: T
    as_of: pendulum.Date
    partnership: str = ""
    member: str = ""


@attrs.frozen
class Column(Generic[R]):
    """One column of a table.

    Attributes:
        name: The column's name.
        value: Its value in a row.
        kind: The model type of its values (which gives its dtype, see
            :func:`samarbejde.documents.scalar_for`), a tuple of its categories, or
            ``None`` for text.
        shows: The record fields whose values it shows (none for a derived column).
    """

    name: str
    value: Callable[[R], object]
    kind: object = None
    shows: tuple[Field, ...] = ()


@attrs.frozen
class Table(Generic[R]):
    """One table of :class:`Frames`: where its rows come from and its columns, in order.

    Attributes:
        name: The table's name (an attribute of :class:`Frames`).
        rows: The rows of a portfolio as recorded on a day (the day given too).
        columns: The columns, in order.
        shows: The record fields whose items are its rows.
    """

    name: str
    rows: Callable[[Portfolio, pendulum.Date], Iterable[R]]
    columns: tuple[Column[R], ...]
    shows: tuple[Field, ...] = ()

    def frame(self, pd: Any, portfolio: Portfolio, as_of: pendulum.Date) -> Any:
        """The DataFrame of ``portfolio`` (already as of ``as_of``)."""
        # Row by row, each row's records are read once while in the cache, and no row
        # outlives its turn (the collector has less to walk).
        values: list[list[object]] = [[] for _ in self.columns]
        cells = [(c.value, v.append) for c, v in zip(self.columns, values, strict=True)]
        for row in self.rows(portfolio, as_of):
            for read, add in cells:
                add(read(row))
        columns = {c.name: v for c, v in zip(self.columns, values, strict=True)}
        return typed_frame(
            pd, columns, {c.name: c.kind for c in self.columns if c.kind is not None}
        )


@attrs.frozen
class _Phase:
    """One phase entry of one lifecycle, with the day the next one began."""

    lifecycle: int
    form: str
    change: PhaseChange[Any]
    until: pendulum.Date | None


def _in_partnerships(
    items: Callable[[Partnership], Iterable[T]],
) -> Callable[[Portfolio, pendulum.Date], Iterator[Row[T]]]:
    def rows(p: Portfolio, as_of: pendulum.Date) -> Iterator[Row[T]]:
        for x in p.partnerships:
            for item in items(x):
                yield Row(item, as_of, x.id)

    return rows


def _mandate_rows(p: Portfolio, as_of: pendulum.Date) -> Iterator[Row[Mandate]]:
    for x in p.partnerships:
        for m in x.members:
            for d in m.mandates:
                yield Row(d, as_of, x.id, m.organisation)


def _phases(x: Partnership) -> Iterator[_Phase]:
    for index, lifecycle in enumerate(x.lifecycles):
        changes: Sequence[PhaseChange[Any]] = lifecycle.phases
        for position, change in enumerate(changes):
            following = first_day(changes[position + 1].on) if position + 1 < len(changes) else None
            yield _Phase(index, lifecycle.form, change, following)


def _delivered(c: Commitment) -> object:
    total = c.delivered()
    return None if total is None else total.amount


@attrs.frozen
class _Placed:
    """An area with the categories it holds on the tables' day (derived, D97, D113)."""

    area: Area
    categories: tuple[str, ...]


@attrs.frozen
class _Listed:
    """One area on one list."""

    list: str
    entry: Listing


@attrs.frozen
class _Measured:
    """One measurement of one goal."""

    goal: str
    m: Measurement


def _measurement_rows(p: Portfolio, as_of: pendulum.Date) -> Iterator[Row[_Measured]]:
    for x in p.partnerships:
        for g in x.goals:
            for m in g.measurements:
                yield Row(_Measured(g.id, m), as_of, x.id)


def _iso(every: pendulum.Duration | None) -> str | None:
    return None if every is None else write_duration(every)


def _latest(goal: Goal) -> Decimal | None:
    return goal.measurements[-1].value if goal.measurements else None


@attrs.frozen
class _Trended:
    """A goal with the value its trend gives on the due date, computed once per goal."""

    goal: Goal
    projected: Decimal | None

    @property
    def on_track(self) -> bool | None:
        """Whether the trend reaches the target by the due date (rule T003's reading)."""
        return None if self.projected is None else self.goal.reached(self.projected)


def _trended(x: Partnership) -> Iterator[_Trended]:
    """Each goal with its projection (:func:`projection`; one reading serves two columns)."""
    for goal in x.goals:
        yield _Trended(goal, None if goal.due is None else projection(goal.measurements, goal.due))


@attrs.frozen
class _InFunding(Generic[T]):
    """A part of one funding: a period's amount or a funder's share."""

    funding: str
    part: T


def _funding_parts(
    parts: Callable[[Funding], Iterable[T]],
) -> Callable[[Partnership], Iterator[_InFunding[T]]]:
    def items(x: Partnership) -> Iterator[_InFunding[T]]:
        for f in x.funding:
            for part in parts(f):
                yield _InFunding(f.id, part)

    return items


@attrs.frozen
class _Numbered:
    """A plan period with its place in the partnership's order and the gap before it."""

    number: int
    period: PlanPeriod
    gap_days: int | None


def _numbered(x: Partnership) -> Iterator[_Numbered]:
    before: PlanPeriod | None = None
    for number, period in enumerate(x.periods, start=1):
        ended = None if before is None else before.term.end
        gap = None if ended is None else period.term.start.toordinal() - ended.toordinal() - 1
        yield _Numbered(number, period, gap)
        before = period


def _partnership_id(row: Row[Any]) -> str:
    return row.partnership


_IN = Column[Row[Any]]("partnership", _partnership_id, shows=((Partnership, "id"),))
_DATE = pendulum.Date
#: The precisions of a date that may be approximate (design decision D74).
PRECISIONS = ("day", "month", "year")


def _precision(value: object) -> str | None:
    """``day``, ``month`` or ``year``: how precisely ``value`` is known (``None``: no date)."""
    if value is None:
        return None
    if isinstance(value, Approximate):
        return "year" if value.month is None else "month"
    return "day"


def _when(name: str, value: Callable[[Row[Any]], object], field: Field) -> tuple[Column[Any], ...]:
    """A date that may be approximate: its first day, and how precisely it is known."""
    return (
        Column(name, value, _DATE, (field,)),
        Column(f"{name}_precision", lambda r: _precision(value(r)), PRECISIONS),
    )


_P = Partnership
_M = Membership
_C = Commitment

#: The tables of :class:`Frames`, in order: each column once, with the fields it shows.
TABLE_COLUMNS: tuple[Table[Any], ...] = (
    Table[Row[Organisation]](
        "organisations",
        lambda p, as_of: (Row(o, as_of) for o in p.organisations),
        (
            Column("organisation", lambda r: r.item.id, shows=((Organisation, "id"),)),
            Column("name", lambda r: r.item.name, shows=((Organisation, "name"),)),
            Column("sector", lambda r: r.item.sector, Sector, ((Organisation, "sector"),)),
            Column("parent", lambda r: r.item.parent, shows=((Organisation, "parent"),)),
            Column(
                "kommunekode",
                lambda r: r.item.identifiers.kommunekode,
                shows=((Organisation, "identifiers"), (Identifiers, "kommunekode")),
            ),
            Column(
                "cvr",
                lambda r: r.item.identifiers.cvr,
                shows=((Organisation, "identifiers"), (Identifiers, "cvr")),
            ),
            Column(
                "entry_points",
                lambda r: len(r.item.entry_points),
                int,
                ((Organisation, "entry_points"),),
            ),
        ),
        ((Portfolio, "organisations"),),
    ),
    Table[Row[_Placed]](
        "areas",
        lambda p, as_of: (Row(_Placed(a, p.categories_on(a.id, as_of)), as_of) for a in p.areas),
        (
            Column("area", lambda r: r.item.area.id, shows=((Area, "id"),)),
            Column("name", lambda r: r.item.area.name, shows=((Area, "name"),)),
            Column(
                "municipality", lambda r: r.item.area.municipality, shows=((Area, "municipality"),)
            ),
            Column("residents", lambda r: r.item.area.residents, int, ((Area, "residents"),)),
            Column(
                "classifications",
                lambda r: ", ".join(r.item.categories),
                shows=(
                    (Area, "classifications"),
                    (Classification, "category"),
                    (Classification, "list_date"),
                    (AreaList, "listings"),
                    (Listing, "area"),
                ),
            ),
        ),
        ((Portfolio, "areas"),),
    ),
    Table[Row[AreaList]](
        "lists",
        lambda p, as_of: (Row(x, as_of) for x in p.lists),
        (
            Column("list", lambda r: r.item.id, shows=((AreaList, "id"),)),
            Column("category", lambda r: r.item.category, shows=((AreaList, "category"),)),
            Column("list_date", lambda r: r.item.list_date, _DATE, ((AreaList, "list_date"),)),
            Column("law", lambda r: r.item.law, shows=((AreaList, "law"),)),
            Column("count", lambda r: r.item.count, int, ((AreaList, "count"),)),
            Column("named", lambda r: len(r.item.listings), int),
            Column("complete", lambda r: r.item.complete, bool, ((AreaList, "complete"),)),
            Column("left", lambda r: ",".join(r.item.left), shows=((AreaList, "left"),)),
            Column("source", lambda r: r.item.source, shows=((AreaList, "source"),)),
        ),
        ((Portfolio, "lists"),),
    ),
    Table[Row[_Listed]](
        "listings",
        lambda p, as_of: (Row(_Listed(x.id, e), as_of) for x in p.lists for e in x.listings),
        (
            Column("list", lambda r: r.item.list, shows=((AreaList, "id"),)),
            Column("area", lambda r: r.item.entry.area, shows=((Listing, "area"),)),
            Column("new", lambda r: r.item.entry.new, MAYBE, ((Listing, "new"),)),
            Column(
                "figures",
                lambda r: "; ".join(f"{f.name}={f.value}" for f in r.item.entry.figures),
                shows=((Listing, "figures"), (Figure, "name"), (Figure, "value")),
            ),
        ),
        ((AreaList, "listings"),),
    ),
    Table[Row[Partnership]](
        "partnerships",
        lambda p, as_of: (Row(x, as_of, x.id) for x in p.partnerships),
        (
            _IN,
            Column("name", lambda r: r.item.name, shows=((_P, "name"),)),
            Column("form", lambda r: r.item.form, _FORMS, ((_P, "lifecycle"),)),
            Column("phase", lambda r: r.item.lifecycle.phase, _PHASES, ((_P, "lifecycle"),)),
            Column("parent", lambda r: r.item.parent, shows=((_P, "parent"),)),
            Column("areas", lambda r: ",".join(r.item.areas), shows=((_P, "areas"),)),
            Column(
                "started",
                lambda r: r.item.lifecycles[0].started,
                _DATE,
                ((_P, "earlier"), (ProjectLifecycle, "phases"), (StrategicLifecycle, "phases")),
            ),
            Column("lifecycle_started", lambda r: r.item.lifecycle.started, _DATE),
            Column(
                "planned_end",
                lambda r: lifecycle_until(r.item),
                _DATE,
                (
                    (ProjectLifecycle, "term"),
                    (StrategicLifecycle, "since"),
                    (StrategicLifecycle, "horizon"),
                ),
            ),
            Column("planned_end_known", _known(lambda r: lifecycle_until(r.item)), bool),
            Column("ended", lambda r: r.item.lifecycle.ended, _DATE),
            Column("members", lambda r: len(r.item.members), int, ((_P, "members"),)),
            Column("commitments", lambda r: len(r.item.commitments), int, ((_P, "commitments"),)),
        ),
        ((Portfolio, "partnerships"),),
    ),
    Table[Row[Membership]](
        "memberships",
        _in_partnerships(lambda x: x.members),
        (
            _IN,
            Column("organisation", lambda r: r.item.organisation, shows=((_M, "organisation"),)),
            Column("role", lambda r: r.item.role, shows=((_M, "role"),)),
            Column("role_known", lambda r: r.item.role is not UNKNOWN, bool),
            *_when("joined", lambda r: r.item.joined, (_M, "joined")),
            *_when("left", lambda r: r.item.left, (_M, "left")),
            Column("mandates", lambda r: len(r.item.mandates), int, ((_M, "mandates"),)),
        ),
        ((_P, "members"),),
    ),
    Table[Row[Mandate]](
        "mandates",
        _mandate_rows,
        (
            _IN,
            Column("organisation", lambda r: r.member, shows=((_M, "organisation"),)),
            Column("mandate", lambda r: r.item.id, shows=((Mandate, "id"),)),
            Column("level", lambda r: r.item.level, MandateLevel, ((Mandate, "level"),)),
            Column(
                "powers",
                lambda r: ",".join(sorted(str(w) for w in r.item.powers)),
                shows=((Mandate, "powers"),),
            ),
            Column(
                "start", lambda r: r.item.term.start, _DATE, ((Mandate, "term"), (Term, "start"))
            ),
            Column("end", lambda r: r.item.term.end, _DATE, ((Mandate, "term"), (Term, "end"))),
            Column("granted_by", lambda r: r.item.granted_by, shows=((Mandate, "granted_by"),)),
            Column(
                "ceiling",
                lambda r: None if r.item.ceiling is None else r.item.ceiling.amount,
                Decimal,
                ((Mandate, "ceiling"), (Money, "amount")),
            ),
            Column(
                "currency",
                lambda r: None if r.item.ceiling is None else r.item.ceiling.currency,
                shows=((Mandate, "ceiling"), (Money, "currency")),
            ),
            Column("revoked", lambda r: r.item.revoked, _DATE, ((Mandate, "revoked"),)),
            Column("in_force", lambda r: r.item.in_force(r.as_of), bool),
        ),
        ((_M, "mandates"),),
    ),
    Table[Row[Commitment]](
        "commitments",
        _in_partnerships(lambda x: x.commitments),
        (
            _IN,
            Column("commitment", lambda r: r.item.id, shows=((_C, "id"),)),
            Column("by", lambda r: r.item.by, shows=((_C, "by"),)),
            Column("to", lambda r: r.item.to, shows=((_C, "to"),)),
            Column("kind", lambda r: r.item.kind, shows=((_C, "kind"),)),
            Column(
                "amount",
                lambda r: r.item.quantity.amount,
                Decimal,
                ((_C, "quantity"), (Quantity, "amount")),
            ),
            Column("amount_known", lambda r: r.item.quantity.known, bool),
            Column(
                "unit", lambda r: r.item.quantity.unit, Unit, ((_C, "quantity"), (Quantity, "unit"))
            ),
            Column("start", lambda r: r.item.term.start, _DATE, ((_C, "term"), (Term, "start"))),
            Column("end", lambda r: r.item.term.end, _DATE, ((_C, "term"), (Term, "end"))),
            Column("made_on", lambda r: r.item.made_on, _DATE, ((_C, "status"),)),
            Column(
                "status",
                lambda r: r.item.current,
                CommitmentStatus,
                ((_C, "status"), (StatusChange, "status")),
            ),
            Column("status_on", lambda r: r.item.status[-1].on, _DATE, ((StatusChange, "on"),)),
            Column("binding", lambda r: r.item.is_binding, bool),
            Column("final", lambda r: r.item.is_final, bool),
            Column(
                "overdue",
                lambda r: not r.item.is_final and r.item.term.ended_by(r.as_of),
                bool,
            ),
            Column(
                "delivered",
                lambda r: _delivered(r.item),
                Decimal,
                ((_C, "fulfilments"), (Fulfilment, "quantity")),
            ),
            Column("mandate", lambda r: r.item.mandate, shows=((_C, "mandate"),)),
            Column("agreement", lambda r: r.item.agreement, shows=((_C, "agreement"),)),
        ),
        ((_P, "commitments"),),
    ),
    Table[Row[_Trended]](
        "goals",
        _in_partnerships(_trended),
        (
            _IN,
            Column("goal", lambda r: r.item.goal.id, shows=((Goal, "id"),)),
            Column("title", lambda r: r.item.goal.title, shows=((Goal, "title"),)),
            Column("indicator", lambda r: r.item.goal.indicator, shows=((Goal, "indicator"),)),
            Column("baseline", lambda r: r.item.goal.baseline, Decimal, ((Goal, "baseline"),)),
            Column("target", lambda r: r.item.goal.target, Decimal, ((Goal, "target"),)),
            Column("due", lambda r: r.item.goal.due, _DATE, ((Goal, "due"),)),
            Column("owners", lambda r: ",".join(r.item.goal.owners), shows=((Goal, "owners"),)),
            *_when("decided_on", lambda r: r.item.goal.decided_on, (Goal, "decided_on")),
            Column("measure", lambda r: r.item.goal.measure, Measure, ((Goal, "measure"),)),
            Column("unit", lambda r: r.item.goal.unit, shows=((Goal, "unit"),)),
            Column("direction", lambda r: r.item.goal.better, Direction, ((Goal, "direction"),)),
            Column(
                "measure_every",
                lambda r: _iso(r.item.goal.measure_every),
                shows=((Goal, "measure_every"),),
            ),
            Column("measured", lambda r: len(r.item.goal.measurements), int),
            Column("latest", lambda r: _latest(r.item.goal), Decimal, ((Measurement, "value"),)),
            Column("projected", lambda r: r.item.projected, Decimal),
            Column("on_track", lambda r: r.item.on_track, MAYBE),
        ),
        ((_P, "goals"),),
    ),
    Table[Row[_Measured]](
        "measurements",
        _measurement_rows,
        (
            _IN,
            Column("goal", lambda r: r.item.goal, shows=((Goal, "id"),)),
            Column("on", lambda r: r.item.m.on, _DATE, ((Measurement, "on"),)),
            Column("since", lambda r: r.item.m.since, _DATE, ((Measurement, "since"),)),
            Column("value", lambda r: r.item.m.value, Decimal, ((Measurement, "value"),)),
            Column("source", lambda r: r.item.m.source, shows=((Measurement, "source"),)),
            Column(
                "reported_by", lambda r: r.item.m.reported_by, shows=((Measurement, "reported_by"),)
            ),
            Column(
                "reported_post",
                lambda r: r.item.m.reported_post,
                shows=((Measurement, "reported_post"),),
            ),
            Column(
                "approved_by", lambda r: r.item.m.approved_by, shows=((Measurement, "approved_by"),)
            ),
            Column(
                "approved_post",
                lambda r: r.item.m.approved_post,
                shows=((Measurement, "approved_post"),),
            ),
        ),
        ((Goal, "measurements"),),
    ),
    Table[Row[Funding]](
        "funding",
        _in_partnerships(lambda x: x.funding),
        (
            _IN,
            Column("funding", lambda r: r.item.id, shows=((Funding, "id"),)),
            Column("funder", lambda r: r.item.funder, shows=((Funding, "funder"),)),
            Column("kind", lambda r: r.item.kind, FundingKind, ((Funding, "kind"),)),
            Column(
                "amount",
                lambda r: r.item.amount.amount,
                Decimal,
                ((Funding, "amount"), (Money, "amount")),
            ),
            Column("amount_known", lambda r: r.item.amount.known, bool),
            Column(
                "currency",
                lambda r: r.item.amount.currency,
                shows=((Funding, "amount"), (Money, "currency")),
            ),
            Column(
                "start", lambda r: r.item.term.start, _DATE, ((Funding, "term"), (Term, "start"))
            ),
            Column("end", lambda r: r.item.term.end, _DATE, ((Funding, "term"), (Term, "end"))),
            *_when("granted_on", lambda r: r.item.granted_on, (Funding, "granted_on")),
        ),
        ((_P, "funding"),),
    ),
    Table[Row[_Phase]](
        "phases",
        _in_partnerships(_phases),
        (
            _IN,
            Column("lifecycle", lambda r: r.item.lifecycle, int, ((_P, "earlier"),)),
            Column("form", lambda r: r.item.form, _FORMS, ((_P, "lifecycle"),)),
            Column("phase", lambda r: r.item.change.phase, _PHASES, ((PhaseChange, "phase"),)),
            *_when("on", lambda r: r.item.change.on, (PhaseChange, "on")),
            Column("until", lambda r: r.item.until, _DATE),
        ),
        ((ProjectLifecycle, "phases"), (StrategicLifecycle, "phases")),
    ),
    Table[Row[_InFunding[PeriodAmount]]](
        "funding_periods",
        _in_partnerships(_funding_parts(lambda f: f.periods)),
        (
            _IN,
            Column("funding", lambda r: r.item.funding),
            Column(
                "start",
                lambda r: r.item.part.term.start,
                _DATE,
                ((PeriodAmount, "term"), (Term, "start")),
            ),
            Column(
                "end",
                lambda r: r.item.part.term.end,
                _DATE,
                ((PeriodAmount, "term"), (Term, "end")),
            ),
            Column(
                "amount",
                lambda r: r.item.part.amount.amount,
                Decimal,
                ((PeriodAmount, "amount"), (Money, "amount")),
            ),
            Column(
                "currency",
                lambda r: r.item.part.amount.currency,
                shows=((PeriodAmount, "amount"), (Money, "currency")),
            ),
        ),
        ((Funding, "periods"),),
    ),
    Table[Row[_InFunding[FundingShare]]](
        "funding_shares",
        _in_partnerships(_funding_parts(lambda f: f.shares)),
        (
            _IN,
            Column("funding", lambda r: r.item.funding),
            Column(
                "organisation",
                lambda r: r.item.part.organisation,
                shows=((FundingShare, "organisation"),),
            ),
            Column("share", lambda r: r.item.part.share, Decimal, ((FundingShare, "share"),)),
        ),
        ((Funding, "shares"),),
    ),
    Table[Row[_Numbered]](
        "periods",
        _in_partnerships(_numbered),
        (
            _IN,
            Column("period", lambda r: r.item.period.id, shows=((PlanPeriod, "id"),)),
            Column("number", lambda r: r.item.number, int),
            Column("name", lambda r: r.item.period.name, shows=((PlanPeriod, "name"),)),
            Column(
                "start",
                lambda r: r.item.period.term.start,
                _DATE,
                ((PlanPeriod, "term"), (Term, "start")),
            ),
            Column(
                "end",
                lambda r: r.item.period.term.end,
                _DATE,
                ((PlanPeriod, "term"), (Term, "end")),
            ),
            Column("gap_days", lambda r: r.item.gap_days, int),
            Column(
                "themes", lambda r: "; ".join(r.item.period.themes), shows=((PlanPeriod, "themes"),)
            ),
            Column(
                "areas", lambda r: ",".join(r.item.period.areas), shows=((PlanPeriod, "areas"),)
            ),
            Column(
                "agreement", lambda r: r.item.period.agreement, shows=((PlanPeriod, "agreement"),)
            ),
            Column(
                "decided_on",
                lambda r: r.item.period.decided_on,
                _DATE,
                ((PlanPeriod, "decided_on"),),
            ),
        ),
        ((_P, "periods"),),
    ),
)


#: The names of the tables, in the order :class:`Frames` holds them.
TABLES: tuple[str, ...] = tuple(table.name for table in TABLE_COLUMNS)


def _names(record: type) -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(record))


def _no_columns(record: type, reason: str, *names: str) -> dict[Field, str]:
    return {(record, name): reason for name in names}


_NO_TABLE = "{} have no table of their own"

#: The records that carry sources and a note (:class:`~samarbejde.model.sources.Cited`).
_CITED = (
    Organisation,
    Area,
    Classification,
    Partnership,
    Membership,
    Mandate,
    Commitment,
    Vision,
    Challenge,
    Goal,
    Agreement,
    GovernanceBody,
    Funding,
)

#: The record fields no table shows, and why: with :data:`TABLE_COLUMNS`, every field
#: of a portfolio's records is in one of the two.
NOT_COLUMNS: Mapping[Field, str] = MappingProxyType(
    {
        **_no_columns(
            Organisation, "a list of free texts, not one value per organisation", "remit"
        ),
        **{
            key: reason
            for record in _CITED
            for key, reason in _no_columns(
                record,
                "where a record's facts were read, and a note for a reader: the report "
                "shows them with the record, not as a value per row",
                "sources",
                "note",
            ).items()
        },
        **_no_columns(
            Source,
            _NO_TABLE.format("sources (the report lists them)"),
            "title",
            "address",
            "read_on",
        ),
        **_no_columns(
            EntryPoint,
            _NO_TABLE.format("entry points (organisations counts them)"),
            "id",
            "kind",
            "post",
            "channel",
            "covers",
            "verified_on",
        ),
        **_no_columns(
            _P,
            _NO_TABLE.format("visions, challenges, agreements and governance bodies"),
            "vision",
            "challenges",
            "agreements",
            "governance",
        ),
        **_no_columns(
            _P,
            _NO_TABLE.format(
                "earlier versions of governance bodies, secretariats and involvement events"
            ),
            "governance_history",
            "secretariat",
            "involvement",
        ),
        **_no_columns(ProjectLifecycle, "not tabled yet (the owner is a member)", "owner"),
        **_no_columns(
            StrategicLifecycle,
            "reviews are not tabled yet; phases shows the reviewing phases",
            "review_every",
            "reviews",
        ),
        **_no_columns(
            Review, _NO_TABLE.format("reviews (phases shows reviewing)"), "on", "outcome", "note"
        ),
        **_no_columns(
            _M,
            "not tabled yet: a representative is free text, interests a list of codes",
            "representative",
            "interests",
        ),
        **_no_columns(
            _C, "a list of goal ids, not one value per commitment; not tabled yet", "goals"
        ),
        **_no_columns(
            StatusChange, "free text that may be personal data (removed by redact)", "note"
        ),
        **_no_columns(
            Fulfilment,
            "fulfilments are summed into commitments.delivered, not tabled one by one",
            "on",
            "note",
        ),
        **_no_columns(Goal, "a list of challenge ids; challenges have no table", "challenges"),
        **_no_columns(Vision, _NO_TABLE.format("visions"), "text", "agreed_on", "agreed_by"),
        **_no_columns(
            Challenge,
            _NO_TABLE.format("challenges"),
            "id",
            "title",
            "identified_on",
            "identified_by",
        ),
        **_no_columns(
            Agreement,
            _NO_TABLE.format("agreements"),
            "id",
            "kind",
            "parties",
            "term",
            "binding",
            "parent",
            "theme",
            "notice",
            "concluded_on",
        ),
        **_no_columns(
            Signature,
            _NO_TABLE.format("signatures (agreements have none)"),
            "organisation",
            "signed_on",
        ),
        **_no_columns(
            GovernanceBody,
            _NO_TABLE.format("governance bodies"),
            "id",
            "kind",
            "members",
            "meets_every",
            "name",
            "decided_on",
            "term",
            "power",
            "seats",
            "size",
        ),
        **_no_columns(Seat, _NO_TABLE.format("seats (governance bodies have none)"), *_names(Seat)),
        **_no_columns(Secretariat, _NO_TABLE.format("secretariats"), *_names(Secretariat)),
        **_no_columns(
            InvolvementEvent, _NO_TABLE.format("involvement events"), *_names(InvolvementEvent)
        ),
        **_no_columns(
            Funding,
            "history: the tables show each funding as it stood on as_of (D92)",
            "changes",
        ),
        **_no_columns(
            FundingChange,
            _NO_TABLE.format("changes to funding (as_of shows what was in force)"),
            "on",
            "amount",
            "term",
            "periods",
            "shares",
        ),
    }
)


def shown_fields() -> dict[Field, tuple[str, ...]]:
    """Each record field a table shows, with the columns (``table.column``) that show it."""
    shown: dict[Field, list[str]] = {}
    for table in TABLE_COLUMNS:
        for field in table.shows:
            shown.setdefault(field, []).append(table.name)
        for column in table.columns:
            for field in column.shows:
                shown.setdefault(field, []).append(f"{table.name}.{column.name}")
    return {field: tuple(names) for field, names in shown.items()}


def to_frames(portfolio: Portfolio, *, as_of: pendulum.Date) -> Frames:
    """The portfolio as recorded on ``as_of``, as tidy DataFrames.

    Row counts equal the record counts of ``portfolio.as_of(as_of)``: partnerships
    begun by then, active members and their mandates, commitments made by then.
    The columns are those of :data:`TABLE_COLUMNS`.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'samarbejde[frames]'``).
    """
    pd = require("pandas")
    as_of = day(as_of, "as_of")
    seen = portfolio.as_of(as_of)
    frames = {table.name: table.frame(pd, seen, as_of) for table in TABLE_COLUMNS}
    return Frames(as_of=as_of, **frames)


def records_frame(records: Iterable[Any]) -> Any:
    """A DataFrame with one row per attrs record, e.g. the result of an analysis question.

    Fields become columns in their declared order; enum values become their codes,
    tuples are kept as they are. An empty input gives an empty DataFrame.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'samarbejde[frames]'``).
    """
    pd = require("pandas")
    rows = [
        {k: value(v) for k, v in attrs.asdict(record, recurse=False).items()} for record in records
    ]
    return pd.DataFrame(rows)


def to_parquet(frames: Frames, directory: str | Path) -> dict[str, Path]:
    """Write each table to ``<directory>/<table>.parquet`` (the directory is created).

    Returns:
        The path written for each table, by table name.

    Raises:
        MissingExtraError: pyarrow is not installed (``pip install 'samarbejde[frames]'``).
    """
    require("pyarrow")
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, frame in frames.tables().items():
        path = target / f"{name}.parquet"
        frame.to_parquet(path, index=False, engine="pyarrow")
        written[name] = path
    return written
