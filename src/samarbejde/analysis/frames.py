"""Tidy pandas tables of a portfolio, and their export to Parquet.

Needs the ``frames`` extra (``pip install 'samarbejde[frames]'``): pandas and pyarrow
are imported when a function here is called, not before.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import pendulum

from samarbejde.analysis._optional import require
from samarbejde.analysis.funding import lifecycle_until
from samarbejde.documents import scalar_for
from samarbejde.model.enums import (
    CommitmentStatus,
    FundingKind,
    MandateLevel,
    ProjectPhase,
    Sector,
    StrategicPhase,
    Unit,
)
from samarbejde.model.history import PhaseChange
from samarbejde.model.portfolio import Portfolio

__all__ = ["TABLES", "Frames", "records_frame", "to_frames", "to_parquet"]

#: The names of the tables, in the order :class:`Frames` holds them.
TABLES: tuple[str, ...] = (
    "organisations",
    "areas",
    "partnerships",
    "memberships",
    "mandates",
    "commitments",
    "goals",
    "funding",
    "phases",
)

_PHASES = tuple(p.value for p in ProjectPhase) + tuple(
    p.value for p in StrategicPhase if p.value not in {x.value for x in ProjectPhase}
)
_FORMS = ("project", "strategic")


@attrs.frozen
class Frames:
    """A portfolio as tidy pandas DataFrames, one row per record, as of one day.

    Enum columns are ``category`` with every value of the enum as a category; date
    columns are ``datetime64`` (``NaT`` when empty); amounts are ``float64`` (the model
    keeps exact ``Decimal`` values).

    Attributes:
        as_of: The day the tables describe.
        organisations: One row per organisation.
        areas: One row per area, with every category it holds on ``as_of`` (codes
            joined by ``, ``; empty when on no list).
        partnerships: One row per partnership begun by ``as_of``.
        memberships: One row per active membership.
        mandates: One row per mandate held by an active member.
        commitments: One row per commitment made by ``as_of``, with its status then.
        goals: One row per goal.
        funding: One row per funding.
        phases: One row per phase entry of every lifecycle, with the day it lasted until.
    """

    as_of: pendulum.Date
    organisations: Any
    areas: Any
    partnerships: Any
    memberships: Any
    mandates: Any
    commitments: Any
    goals: Any
    funding: Any
    phases: Any

    def tables(self) -> dict[str, Any]:
        """The DataFrames by table name, in the order of :data:`TABLES`."""
        return {name: getattr(self, name) for name in TABLES}


def _value(item: object) -> object:
    return item.value if isinstance(item, Enum) else item


def _column(kind: object) -> str:
    """The kind of column for values of a type, as the type table says; text otherwise."""
    scalar = None if kind is None else scalar_for(kind)
    return "string" if scalar is None else scalar.column


def _frame(pd: Any, columns: Mapping[str, Sequence[object]], types: Mapping[str, object]) -> Any:
    """A DataFrame of ``columns``; ``types`` gives a column's model type, or its categories."""
    data: dict[str, Any] = {}
    for name, values in columns.items():
        kind = types.get(name)
        if isinstance(kind, tuple):
            data[name] = pd.Categorical([_value(v) for v in values], categories=list(kind))
            continue
        column = _column(kind)
        if column == "date":
            # Seconds, not nanoseconds: the calendar's whole range (years 1 to 9999) fits.
            days = [None if v is None else _dt.date(v.year, v.month, v.day) for v in values]  # type: ignore[attr-defined]
            data[name] = pd.Series(days, dtype="object").astype("datetime64[s]")
        elif column == "float":
            data[name] = pd.Series([None if v is None else float(v) for v in values], dtype=float)  # type: ignore[arg-type]
        elif column == "int":
            data[name] = pd.Series(list(values), dtype="Int64")
        elif column == "bool":
            data[name] = pd.Series(list(values), dtype=bool)
        elif column == "category":
            data[name] = pd.Categorical([_value(v) for v in values], categories=_codes(kind))
        else:
            data[name] = pd.Series(list(values), dtype="string")
    return pd.DataFrame(data)


def _codes(enum: Any) -> list[str]:
    return [str(member.value) for member in enum]


def to_frames(portfolio: Portfolio, *, as_of: pendulum.Date) -> Frames:
    """The portfolio as recorded on ``as_of``, as tidy DataFrames.

    Row counts equal the record counts of ``portfolio.as_of(as_of)``: partnerships
    begun by then, active members and their mandates, commitments made by then.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'samarbejde[frames]'``).
    """
    pd = require("pandas")
    seen = portfolio.as_of(as_of)
    return Frames(
        as_of=as_of,
        organisations=_organisations(pd, seen),
        areas=_areas(pd, seen, as_of),
        partnerships=_partnerships(pd, seen),
        memberships=_memberships(pd, seen),
        mandates=_mandates(pd, seen, as_of),
        commitments=_commitments(pd, seen, as_of),
        goals=_goals(pd, seen),
        funding=_funding(pd, seen),
        phases=_phases(pd, seen),
    )


def _columns(names: Iterable[str], rows: Iterable[Sequence[object]]) -> dict[str, list[object]]:
    keys = list(names)
    columns: dict[str, list[object]] = {k: [] for k in keys}
    for row in rows:
        for key, value in zip(keys, row, strict=True):
            columns[key].append(value)
    return columns


def _organisations(pd: Any, p: Portfolio) -> Any:
    rows = (
        (
            o.id,
            o.name,
            o.sector,
            o.parent,
            o.identifiers.kommunekode,
            o.identifiers.cvr,
            len(o.entry_points),
        )
        for o in p.organisations
    )
    names = ("organisation", "name", "sector", "parent", "kommunekode", "cvr", "entry_points")
    return _frame(pd, _columns(names, rows), {"sector": Sector, "entry_points": int})


def _areas(pd: Any, p: Portfolio, as_of: pendulum.Date) -> Any:
    rows = (
        (
            a.id,
            a.name,
            a.municipality,
            a.residents,
            ", ".join(c.value for c in a.classifications_on(as_of)),
        )
        for a in p.areas
    )
    names = ("area", "name", "municipality", "residents", "classifications")
    return _frame(pd, _columns(names, rows), {"residents": int})


def _partnerships(pd: Any, p: Portfolio) -> Any:
    rows = (
        (
            x.id,
            x.name,
            x.form,
            x.lifecycle.phase,
            x.parent,
            ",".join(x.areas),
            x.lifecycles[0].started,
            x.lifecycle.started,
            lifecycle_until(x),
            x.lifecycle.ended,
            len(x.members),
            len(x.commitments),
        )
        for x in p.partnerships
    )
    names = (
        "partnership",
        "name",
        "form",
        "phase",
        "parent",
        "areas",
        "started",
        "lifecycle_started",
        "planned_end",
        "ended",
        "members",
        "commitments",
    )
    types: dict[str, object] = {
        "form": _FORMS,
        "phase": _PHASES,
        "members": int,
        "commitments": int,
    }
    types.update(
        dict.fromkeys(("started", "lifecycle_started", "planned_end", "ended"), pendulum.Date)
    )
    return _frame(pd, _columns(names, rows), types)


def _memberships(pd: Any, p: Portfolio) -> Any:
    rows = (
        (x.id, m.organisation, m.role, m.joined, m.left, len(m.mandates))
        for x in p.partnerships
        for m in x.members
    )
    names = ("partnership", "organisation", "role", "joined", "left", "mandates")
    return _frame(
        pd, _columns(names, rows), {"joined": pendulum.Date, "left": pendulum.Date, "mandates": int}
    )


def _mandates(pd: Any, p: Portfolio, as_of: pendulum.Date) -> Any:
    rows = (
        (
            x.id,
            m.organisation,
            d.id,
            d.level,
            ",".join(sorted(str(w) for w in d.powers)),
            d.term.start,
            d.term.end,
            d.granted_by,
            None if d.ceiling is None else d.ceiling.amount,
            None if d.ceiling is None else d.ceiling.currency,
            d.revoked,
            d.in_force(as_of),
        )
        for x in p.partnerships
        for m in x.members
        for d in m.mandates
    )
    names = (
        "partnership",
        "organisation",
        "mandate",
        "level",
        "powers",
        "start",
        "end",
        "granted_by",
        "ceiling",
        "currency",
        "revoked",
        "in_force",
    )
    types: dict[str, object] = {
        "level": MandateLevel,
        "ceiling": Decimal,
        "in_force": bool,
    }
    types.update(dict.fromkeys(("start", "end", "revoked"), pendulum.Date))
    return _frame(pd, _columns(names, rows), types)


def _commitments(pd: Any, p: Portfolio, as_of: pendulum.Date) -> Any:
    def delivered(c: Any) -> object:
        total = c.delivered()
        return None if total is None else total.amount

    rows = (
        (
            x.id,
            c.id,
            c.by,
            c.to,
            c.kind,
            c.quantity.amount,
            c.quantity.unit,
            c.term.start,
            c.term.end,
            c.made_on,
            c.current,
            c.status[-1].on,
            c.is_binding,
            c.is_final,
            not c.is_final and c.term.ended_by(as_of),
            delivered(c),
            c.mandate,
            c.agreement,
        )
        for x in p.partnerships
        for c in x.commitments
    )
    names = (
        "partnership",
        "commitment",
        "by",
        "to",
        "kind",
        "amount",
        "unit",
        "start",
        "end",
        "made_on",
        "status",
        "status_on",
        "binding",
        "final",
        "overdue",
        "delivered",
        "mandate",
        "agreement",
    )
    types: dict[str, object] = {
        "amount": Decimal,
        "unit": Unit,
        "status": CommitmentStatus,
        "binding": bool,
        "final": bool,
        "overdue": bool,
        "delivered": Decimal,
    }
    types.update(dict.fromkeys(("start", "end", "made_on", "status_on"), pendulum.Date))
    return _frame(pd, _columns(names, rows), types)


def _goals(pd: Any, p: Portfolio) -> Any:
    rows = (
        (x.id, g.id, g.title, g.indicator, g.baseline, g.target, g.due, ",".join(g.owners))
        for x in p.partnerships
        for g in x.goals
    )
    names = ("partnership", "goal", "title", "indicator", "baseline", "target", "due", "owners")
    return _frame(
        pd, _columns(names, rows), {"baseline": Decimal, "target": Decimal, "due": pendulum.Date}
    )


def _funding(pd: Any, p: Portfolio) -> Any:
    rows = (
        (x.id, f.id, f.funder, f.kind, f.amount.amount, f.amount.currency, f.term.start, f.term.end)
        for x in p.partnerships
        for f in x.funding
    )
    names = ("partnership", "funding", "funder", "kind", "amount", "currency", "start", "end")
    return _frame(
        pd,
        _columns(names, rows),
        {"kind": FundingKind, "amount": Decimal, "start": pendulum.Date, "end": pendulum.Date},
    )


def _phases(pd: Any, p: Portfolio) -> Any:
    rows = []
    for x in p.partnerships:
        for index, lifecycle in enumerate(x.lifecycles):
            changes: Sequence[PhaseChange[Any]] = lifecycle.phases
            for position, change in enumerate(changes):
                following = changes[position + 1].on if position + 1 < len(changes) else None
                rows.append((x.id, index, lifecycle.form, change.phase, change.on, following))
    names = ("partnership", "lifecycle", "form", "phase", "on", "until")
    return _frame(
        pd,
        _columns(names, rows),
        {
            "lifecycle": int,
            "form": _FORMS,
            "phase": _PHASES,
            "on": pendulum.Date,
            "until": pendulum.Date,
        },
    )


def records_frame(records: Iterable[Any]) -> Any:
    """A DataFrame with one row per attrs record, e.g. the result of an analysis question.

    Fields become columns in their declared order; enum values become their codes,
    tuples are kept as they are. An empty input gives an empty DataFrame.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'samarbejde[frames]'``).
    """
    pd = require("pandas")
    rows = [
        {k: _value(v) for k, v in attrs.asdict(record, recurse=False).items()} for record in records
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
