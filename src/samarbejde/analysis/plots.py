"""Pictures of a portfolio: a timeline, a network, commitment statuses and goal progress.

Needs the ``plot`` extra (``pip install 'samarbejde[plot]'``). Every function returns a
``matplotlib.figure.Figure`` built without pyplot (no global state, nothing shown);
show it in a notebook by leaving it as a cell's value, or save it with ``savefig``.
Artists carry a ``gid`` (``"phase"``, ``"funding"``, ``"review"``, ``"as_of"``,
``"organisations"``, ``"partnerships"``, ``"memberships"``, ``"measurement"``,
``"target"``, ``"trend"``) so they can be found again.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pendulum

from samarbejde.analysis._optional import require
from samarbejde.analysis.commitments import status_over_time
from samarbejde.analysis.progress import goal_progress
from samarbejde.model import days
from samarbejde.model.approximate import first_day
from samarbejde.model.enums import CommitmentStatus, ProjectPhase, Sector, StrategicPhase
from samarbejde.model.history import PhaseChange
from samarbejde.model.labels import label
from samarbejde.model.partnerships import Partnership
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.text import Lang, Text, check_lang
from samarbejde.model.transitions import PROJECT_PHASES, STRATEGIC_PHASES
from samarbejde.model.unknown import UNKNOWN
from samarbejde.model.words import DEFAULT_LANG

__all__ = ["ROWS", "SECTOR_COLOURS", "commitment_status", "network", "progress", "timeline"]

_FINALS: frozenset[object] = frozenset((*PROJECT_PHASES.finals, *STRATEGIC_PHASES.finals))
_PHASE_COLOURS: dict[ProjectPhase | StrategicPhase, str] = {
    ProjectPhase.PLANNED: "#c6dbef",
    ProjectPhase.RUNNING: "#6baed6",
    ProjectPhase.SUSPENDED: "#bdbdbd",
    ProjectPhase.CLOSING: "#2171b5",
    StrategicPhase.EXPLORING: "#fdd0a2",
    StrategicPhase.FORMING: "#fd8d3c",
    StrategicPhase.OPERATING: "#31a354",
    StrategicPhase.REVIEWING: "#a1d99b",
}
#: The colour of each sector in every picture: the plots here and the report's SVG.
SECTOR_COLOURS: Mapping[Sector, str] = {
    Sector.MUNICIPALITY: "#1f77b4",
    Sector.HOUSING: "#ff7f0e",
    Sector.CIVIL_SOCIETY: "#2ca02c",
    Sector.BUSINESS: "#d62728",
    Sector.RESIDENTS: "#9467bd",
    Sector.REGION: "#8c564b",
    Sector.STATE: "#e377c2",
    Sector.EDUCATION: "#bcbd22",
    Sector.FOUNDATION: "#17becf",
    Sector.KNOWLEDGE: "#7f7f7f",
    Sector.OTHER: "#c7c7c7",
}
_STATUS_COLOURS: dict[CommitmentStatus, str] = {
    CommitmentStatus.PROPOSED: "#deebf7",
    CommitmentStatus.PLEDGED: "#9ecae1",
    CommitmentStatus.AGREED: "#3182bd",
    CommitmentStatus.FULFILLED: "#31a354",
    CommitmentStatus.PARTLY_FULFILLED: "#a1d99b",
    CommitmentStatus.BREACHED: "#de2d26",
    CommitmentStatus.WITHDRAWN: "#bdbdbd",
    CommitmentStatus.SUPERSEDED: "#636363",
}


_TIMELINE = Text("plot.timeline")
_NETWORK = Text("plot.network")
_STATUSES = Text("plot.statuses")
_FUNDING = Text("plot.funding")
_UNKNOWN = Text("plot.unknown")
_PARTNERSHIP = Text("plot.partnership")
_NUMBER = Text("plot.number")
_PROGRESS = Text("plot.progress")
_TARGET = Text("plot.target")
_TREND = Text("plot.trend")


#: Above this many partnerships a picture draws the aggregate, not one row or node each.
ROWS = 60

_PHASES_BY_YEAR = Text("plot.phases_by_year")
_TOGETHER = Text("plot.together")


def _chosen(found: Sequence[Partnership], wanted: Iterable[str] | None) -> list[Partnership]:
    """The partnerships asked for (all when ``wanted`` is ``None``), in their order."""
    if wanted is None:
        return list(found)
    ids = set(wanted)
    return [p for p in found if p.id in ids]


def _phase_on(partnership: Partnership, day: datetime.date) -> ProjectPhase | StrategicPhase | None:
    """The phase of the lifecycle running on ``day``; ``None`` before it or after its end.

    ``None`` too while its early history is unknown: not drawn (design decision D112).
    """
    current = None
    on = pendulum.Date(day.year, day.month, day.day)
    for lifecycle in partnership.lifecycles:
        phase = lifecycle.phase_on(on)
        if phase is not None:
            current = phase
    return None if current is UNKNOWN or current in _FINALS else current


def _phases_by_year(
    partnerships: Sequence[Partnership], as_of: pendulum.Date, lang: Lang, patches: Any
) -> Any:
    """Stacked bars: per year, the partnerships in each phase at its last day."""
    first = min(p.lifecycles[0].started.year for p in partnerships)
    years = list(range(first, as_of.year + 1))
    order = [*ProjectPhase, *StrategicPhase]
    counts = {phase: [0] * len(years) for phase in order}
    for p in partnerships:
        for index, year in enumerate(years):
            day = as_of if year == as_of.year else datetime.date(year, 12, 31)
            phase = _phase_on(p, day)
            if phase is not None:
                counts[phase][index] += 1
    figure = _figure(11, 5)
    ax = figure.add_subplot()
    bottom = [0] * len(years)
    handles = []
    for phase in order:
        heights = counts[phase]
        if not any(heights):
            continue
        bars = ax.bar(years, heights, bottom=bottom, color=_PHASE_COLOURS[phase], width=0.8)
        _tag(bars, "phase")
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        handles.append(patches.Patch(color=_PHASE_COLOURS[phase], label=label(phase, lang)))
    ax.set_ylabel(_NUMBER.pick(lang))
    ax.set_title(_PHASES_BY_YEAR.format(lang, count=len(partnerships), as_of=as_of))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    return figure


def _sectors_together(
    seen: Portfolio, partnerships: Sequence[Partnership], as_of: pendulum.Date, lang: Lang
) -> Any:
    """A matrix: for each two sectors, the partnerships where both have an active member."""
    sectors = {o.id: o.sector for o in seen.organisations}
    order = list(Sector)
    together = [[0] * len(order) for _ in order]
    for p in partnerships:
        present = {sectors.get(m.organisation) for m in p.members_on(as_of)}
        indexes = [i for i, sector in enumerate(order) if sector in present]
        for i in indexes:
            for j in indexes:
                together[i][j] += 1
    figure = _figure(9, 7)
    ax = figure.add_subplot()
    image = ax.imshow(together, cmap="Blues")
    image.set_gid("memberships")
    names = [label(sector, lang) for sector in order]
    ax.set_xticks(range(len(order)), names, rotation=45, ha="right", fontsize="small")
    ax.set_yticks(range(len(order)), names, fontsize="small")
    top = max((max(row) for row in together), default=0)
    for i, row in enumerate(together):
        for j, count in enumerate(row):
            colour = "white" if top and count > top / 2 else "black"
            ax.text(j, i, str(count), ha="center", va="center", fontsize="x-small", color=colour)
    ax.set_title(_TOGETHER.format(lang, count=len(partnerships), as_of=as_of))
    return figure


def _num(day: datetime.date) -> float:
    dates = require("matplotlib.dates")
    return float(dates.date2num(datetime.date(day.year, day.month, day.day)))


def _figure(width: float, height: float) -> Any:
    figure_module = require("matplotlib.figure")
    return figure_module.Figure(figsize=(width, height), layout="constrained")


def _tag(artists: Iterable[Any], gid: str) -> None:
    for artist in artists:
        artist.set_gid(gid)


def _rows(partnerships: Iterable[Partnership]) -> list[tuple[Partnership, bool]]:
    """Partnerships in display order: each strategic parent followed by its projects."""
    ordered = sorted(partnerships, key=lambda p: (p.lifecycles[0].started, p.id))
    ids = {p.id for p in ordered}
    children: dict[str, list[Partnership]] = {}
    for p in ordered:
        if p.parent is not None and p.parent in ids:
            children.setdefault(p.parent, []).append(p)
    rows: list[tuple[Partnership, bool]] = []
    for p in ordered:
        if p.parent is not None and p.parent in ids:
            continue
        rows.append((p, False))
        rows.extend((child, True) for child in children.get(p.id, ()))
    return rows


def timeline(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date,
    lang: Lang = DEFAULT_LANG,
    partnerships: Iterable[str] | None = None,
    limit: int = ROWS,
) -> Any:
    """A bar per lifecycle phase of each partnership, with funding, reviews and ``as_of``.

    Projects that run under a strategic partnership are drawn right below it, indented.
    Each partnership's row holds its phases (coloured by phase) with its funding periods
    as thin hatched bars underneath; triangles mark reviews; a dashed line marks
    ``as_of``. Phases up to ``as_of`` are shown; a phase still running ends at ``as_of``.

    A portfolio of more than ``limit`` partnerships (a country's) is drawn as its
    aggregate instead: per year, how many partnerships were in each phase at its end
    (at ``as_of`` for the last year), a figure of one size whatever the count. Choose
    the rows to draw with ``partnerships`` (ids) to see some of them one by one.

    Raises:
        MissingExtraError: matplotlib is not installed.
    """
    as_of = days.day(as_of, "as_of")
    patches = require("matplotlib.patches")
    seen = portfolio.as_of(as_of)
    chosen = _chosen(seen.partnerships, partnerships)
    if len(chosen) > limit:
        return _phases_by_year(chosen, as_of, lang, patches)
    rows = _rows(chosen)
    figure = _figure(11, 1.2 + 0.55 * max(len(rows), 1))
    ax = figure.add_subplot()
    end = _num(as_of)
    ends = [f.term.end for p, _ in rows for f in p.funding if f.term.end is not None]
    right = max([end, *(_num(e) for e in ends)]) + 90  # open-ended funding runs to here
    used: set[ProjectPhase | StrategicPhase] = set()
    for y, (p, _) in enumerate(rows):
        for lifecycle in p.lifecycles:
            changes: Sequence[PhaseChange[Any]] = lifecycle.phases
            for index, change in enumerate(changes):
                if change.phase is UNKNOWN or change.phase in _FINALS:
                    continue  # an unknown early history is not drawn (D112)
                stop = _num(first_day(changes[index + 1].on)) if index + 1 < len(changes) else end
                start = _num(first_day(change.on))
                bars = ax.barh(
                    y,
                    max(stop - start, 1.0),
                    left=start,
                    height=0.5,
                    color=_PHASE_COLOURS[change.phase],
                    edgecolor="white",
                )
                _tag(bars, "phase")
                used.add(change.phase)
        for funding in p.funding:
            start = _num(funding.term.start)
            stop = right if funding.term.end is None else _num(funding.term.end)
            bars = ax.barh(
                y + 0.36,
                max(stop - start, 1.0),
                left=start,
                height=0.14,
                color="none",
                edgecolor="#555555",
                hatch="////",
                linewidth=0.6,
            )
            _tag(bars, "funding")
        lifecycle = p.lifecycle
        reviews = getattr(lifecycle, "reviews", ())
        if reviews:
            marks = ax.scatter(
                [_num(r.on) for r in reviews],
                [y - 0.36] * len(reviews),
                marker="v",
                color="black",
                s=28,
                zorder=3,
            )
            marks.set_gid("review")
    line = ax.axvline(end, color="#d62728", linestyle="--", linewidth=1.2)
    line.set_gid("as_of")
    ax.set_yticks(
        range(len(rows)),
        [("   \N{RIGHTWARDS ARROW WITH HOOK} " if nested else "") + p.name for p, nested in rows],
    )
    ax.set_ylim(len(rows) - 0.4, -0.7)
    ax.set_xlim(min([end, *(_num(p.lifecycles[0].started) for p, _ in rows)]) - 60, right)
    ax.xaxis_date()
    ax.grid(axis="x", color="#eeeeee")
    ax.set_axisbelow(True)
    ax.set_title(_TIMELINE.format(lang, as_of=as_of))
    order = [*ProjectPhase, *StrategicPhase]
    handles = [
        patches.Patch(color=_PHASE_COLOURS[phase], label=label(phase, lang))
        for phase in order
        if phase in used
    ]
    handles.append(
        patches.Patch(
            facecolor="none",
            edgecolor="#555555",
            hatch="////",
            label=_FUNDING.pick(lang),
        )
    )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    return figure


def _layout(nx: Any, graph: Any, seed: int) -> dict[Any, tuple[float, float]]:
    """Spring layout per connected component, the components side by side in a grid."""
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c)
    )
    columns = max(1, math.ceil(math.sqrt(len(components))))
    positions: dict[Any, tuple[float, float]] = {}
    for index, nodes in enumerate(components):
        row, column = divmod(index, columns)
        centre = (3.0 * column, -3.0 * row)
        if len(nodes) == 1:
            positions[nodes[0]] = centre
            continue
        placed = nx.spring_layout(graph.subgraph(nodes), seed=seed, center=centre)
        positions.update({node: (float(x), float(y)) for node, (x, y) in placed.items()})
    return positions


def _name(portfolio: Portfolio, organisation: str) -> str:
    try:
        return portfolio.organisation(organisation).name
    except KeyError:
        return organisation


def network(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date,
    lang: Lang = DEFAULT_LANG,
    seed: int = 0,
    partnerships: Iterable[str] | None = None,
    limit: int = ROWS,
) -> Any:
    """Organisations (circles coloured by sector) linked to their partnerships (squares).

    Only organisations that are active members on ``as_of`` are drawn. The layout is
    networkx's spring layout with a fixed ``seed``, so the same portfolio gives the
    same picture.

    Above ``limit`` partnerships the picture is the aggregate instead: for each two
    sectors, in how many partnerships both sit at the table on ``as_of`` (a matrix of
    one size whatever the count). Choose ``partnerships`` (ids) to draw some of them.

    Raises:
        MissingExtraError: matplotlib or networkx is not installed.
    """
    as_of = days.day(as_of, "as_of")
    nx = require("networkx")
    collections = require("matplotlib.collections")
    check_lang(lang)
    seen = portfolio.as_of(as_of)
    chosen = _chosen(seen.partnerships, partnerships)
    if len(chosen) > limit:
        return _sectors_together(seen, chosen, as_of, lang)
    graph = nx.Graph()
    for p in sorted(chosen, key=lambda x: x.id):
        graph.add_node(("partnership", p.id))
        for member in sorted(p.members_on(as_of), key=lambda m: m.organisation):
            graph.add_edge(("partnership", p.id), ("organisation", member.organisation))
    positions = _layout(nx, graph, seed)
    figure = _figure(9, 7)
    ax = figure.add_subplot()
    ax.set_axis_off()
    edges = [(positions[a], positions[b]) for a, b in sorted(graph.edges)]
    lines = collections.LineCollection(edges, colors="#aaaaaa", linewidths=1.0, zorder=1)
    lines.set_gid("memberships")
    ax.add_collection(lines)
    sectors: dict[Sector | None, list[str]] = {}
    for kind, node in sorted(graph.nodes):
        if kind == "organisation":
            try:
                sector: Sector | None = portfolio.organisation(node).sector
            except KeyError:
                sector = None
            sectors.setdefault(sector, []).append(node)
    for sector in [*Sector, None]:
        nodes = sectors.get(sector, [])
        if not nodes:
            continue
        points = ax.scatter(
            [positions[("organisation", n)][0] for n in nodes],
            [positions[("organisation", n)][1] for n in nodes],
            s=140,
            zorder=2,
            edgecolors="white",
            color=SECTOR_COLOURS.get(sector, "#000000") if sector else "#000000",
            label=label(sector, lang) if sector else _UNKNOWN.pick(lang),
        )
        points.set_gid("organisations")
        for n in nodes:
            x, y = positions[("organisation", n)]
            ax.annotate(
                _name(portfolio, n),
                (x, y),
                xytext=(0, -13),
                textcoords="offset points",
                ha="center",
                fontsize="x-small",
            )
    parts = sorted(node for kind, node in graph.nodes if kind == "partnership")
    if parts:
        squares = ax.scatter(
            [positions[("partnership", n)][0] for n in parts],
            [positions[("partnership", n)][1] for n in parts],
            marker="s",
            s=260,
            color="#333333",
            zorder=2,
            label=_PARTNERSHIP.pick(lang),
        )
        squares.set_gid("partnerships")
        for n in parts:
            x, y = positions[("partnership", n)]
            ax.annotate(
                seen.partnership(n).name,
                (x, y),
                xytext=(0, 12),
                textcoords="offset points",
                ha="center",
                fontsize="small",
                fontweight="bold",
            )
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    ax.autoscale_view()
    ax.margins(0.15)
    ax.set_title(_NETWORK.format(lang, as_of=as_of))
    return figure


def commitment_status(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date,
    lang: Lang = DEFAULT_LANG,
    every: pendulum.Duration | None = None,
) -> Any:
    """The number of commitments in each status over time, as stacked areas.

    The counts are those of :func:`samarbejde.analysis.status_over_time`, one
    ``every`` apart (three months by default) up to ``as_of``.

    Raises:
        MissingExtraError: matplotlib is not installed.
    """
    as_of = days.day(as_of, "as_of")
    snapshots = status_over_time(portfolio, as_of=as_of, every=every)
    figure = _figure(10, 4.5)
    ax = figure.add_subplot()
    ax.set_title(_STATUSES.format(lang, as_of=as_of))
    ax.set_ylabel(_NUMBER.pick(lang))
    if not snapshots:
        return figure
    xs = [_num(s.on) for s in snapshots]
    statuses = list(CommitmentStatus)
    areas = ax.stackplot(
        xs,
        [[s.count(status) for s in snapshots] for status in statuses],
        labels=[label(status, lang) for status in statuses],
        colors=[_STATUS_COLOURS[status] for status in statuses],
        step="pre",
    )
    for area in areas:
        area.set_gid("status")
    ax.xaxis_date()
    ax.set_xlim(xs[0], xs[-1])
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    return figure


def progress(portfolio: Portfolio, *, as_of: pendulum.Date, lang: Lang = DEFAULT_LANG) -> Any:
    """Each goal's measurements over time, one panel per goal, with baseline and target.

    A panel shows the measurements up to ``as_of`` (a period value as a line over its
    period, gid ``"measurement"``), the target on the due date (``"target"``), and the
    linear trend to the due date by which rule T003 judges the goal (``"trend"``,
    :func:`samarbejde.projection`). Goals with no measurement are left out.

    Raises:
        MissingExtraError: matplotlib is not installed.
    """
    as_of = days.day(as_of, "as_of")
    rows = [r for r in goal_progress(portfolio, as_of=as_of) if r.goal.measurements]
    figure = _figure(8, 2.6 * max(1, len(rows)))
    figure.suptitle(_PROGRESS.format(lang, as_of=as_of))
    for number, row in enumerate(rows):
        goal = row.goal
        ax = figure.add_subplot(len(rows), 1, number + 1)
        ax.set_title(f"{row.partnership}: {goal.title}", fontsize="small")
        points = ax.plot(
            [_num(m.on) for m in goal.measurements],
            [float(m.value) for m in goal.measurements],
            marker="o",
            color="#3182bd",
        )
        _tag(points, "measurement")
        for m in goal.measurements:
            if m.since is not None:
                span = ax.plot([_num(m.since), _num(m.on)], [float(m.value)] * 2, color="#9ecae1")
                _tag(span, "measurement")
        if goal.baseline is not None:
            ax.axhline(float(goal.baseline), color="#bdbdbd", linestyle=":")
        if goal.target is not None and goal.due is not None:
            target = ax.plot([_num(goal.due)], [float(goal.target)], marker="*", color="#31a354")
            _tag(target, "target")
            target[0].set_label(_TARGET.pick(lang))
        if row.projected is not None and goal.due is not None:
            last = goal.measurements[-1]
            trend = ax.plot(
                [_num(last.on), _num(goal.due)],
                [float(last.value), float(row.projected)],
                linestyle="--",
                color="#31a354" if row.on_track else "#de2d26",
            )
            _tag(trend, "trend")
            trend[0].set_label(_TREND.pick(lang))
        ax.xaxis_date()
    return figure
