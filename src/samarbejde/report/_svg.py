"""Small, deterministic SVG pictures drawn from the analysis' records (no plotting library).

Every text is escaped; every picture is an ``<svg role="img">`` with a ``<title>`` and a
``<desc>``, and its facts are also written out in the page, so nothing is said by
colour or picture alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pendulum

from samarbejde.analysis import FundingEnd, lifecycle_until
from samarbejde.analysis.plots import SECTOR_COLOURS
from samarbejde.model import (
    Lang,
    Partnership,
    PhaseChange,
    Portfolio,
    ProjectPhase,
    Sector,
    StrategicLifecycle,
    StrategicPhase,
    label,
)
from samarbejde.model._html import escape as _e
from samarbejde.model.approximate import first_day, surely_after
from samarbejde.model.transitions import PROJECT_PHASES, STRATEGIC_PHASES
from samarbejde.model.unknown import UNKNOWN
from samarbejde.report._format import format_date, format_money
from samarbejde.report._texts import say

__all__ = ["display_order", "funding_svg", "network_svg", "timeline_svg"]

WIDTH = 820
LEFT = 230  # the label column
RIGHT = WIDTH - 20
ROW = 30
TOP = 46

#: Light fills that dark text can be read on (contrast at least 4.5:1 with #1a1a1a).
PHASE_FILLS: dict[ProjectPhase | StrategicPhase, str] = {
    ProjectPhase.PLANNED: "#dbe9f6",
    ProjectPhase.RUNNING: "#9ecae1",
    ProjectPhase.SUSPENDED: "#d9d9d9",
    ProjectPhase.CLOSING: "#cbb6e0",
    StrategicPhase.EXPLORING: "#fde0c5",
    StrategicPhase.FORMING: "#fdbe85",
    StrategicPhase.OPERATING: "#a1d99b",
    StrategicPhase.REVIEWING: "#c7e9c0",
}

CLIFF = "#b10026"
#: The last day of the calendar: the timeline's horizon never goes past it.
_LAST = pendulum.Date(9999, 12, 31)
#: The phases a lifecycle ends in, read from the transition tables.
_FINALS = frozenset((*PROJECT_PHASES.finals, *STRATEGIC_PHASES.finals))


def _short(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"


def display_order(partnerships: Iterable[Partnership]) -> list[tuple[Partnership, bool]]:
    """Partnerships by start, each strategic parent followed by its projects (``True``)."""
    ordered = sorted(partnerships, key=lambda p: (p.lifecycles[0].started, p.id))
    ids = {p.id for p in ordered}
    children: dict[str, list[Partnership]] = {}
    for p in ordered:
        if p.parent is not None and p.parent in ids and p.parent != p.id:
            children.setdefault(p.parent, []).append(p)
    rows: list[tuple[Partnership, bool]] = []
    placed: set[int] = set()
    for p in ordered:
        if p.parent is not None and p.parent in ids and p.parent != p.id:
            continue
        rows.append((p, False))
        placed.add(id(p))
        for child in children.get(p.id, ()):
            if id(child) not in placed:
                rows.append((child, True))
                placed.add(id(child))
    rows.extend((p, True) for p in ordered if id(p) not in placed)  # parents in a cycle
    return rows


class _Scale:
    """Days to x positions between the label column and the right edge."""

    def __init__(self, first: pendulum.Date, last: pendulum.Date) -> None:
        self.first = first.toordinal()
        self.span = max(last.toordinal() - self.first, 1)

    def x(self, day: pendulum.Date) -> float:
        offset = min(max(day.toordinal() - self.first, 0), self.span)
        return round(LEFT + (RIGHT - LEFT) * offset / self.span, 1)


def _domain(
    starts: Sequence[pendulum.Date], ends: Sequence[pendulum.Date]
) -> tuple[pendulum.Date, pendulum.Date]:
    first = min(starts)
    last = max(ends)
    first = pendulum.Date(first.year, 1, 1)
    # the next new year's day, or the calendar's last day in its last year
    last = pendulum.Date(last.year + 1, 1, 1) if last.year < _LAST.year else _LAST
    return first, last


def _years(scale: _Scale, first: pendulum.Date, last: pendulum.Date, bottom: int) -> list[str]:
    years = list(range(first.year, last.year + 1))
    step = 1 if len(years) <= 12 else (2 if len(years) <= 24 else 5)
    out = []
    for year in years[::step]:
        x = scale.x(pendulum.Date(year, 1, 1))
        out.append(
            f'<line x1="{x}" y1="{TOP - 8}" x2="{x}" y2="{bottom}" class="grid"/>'
            f'<text x="{x}" y="{TOP - 14}" class="tick">{year}</text>'
        )
    return out


def _as_of_line(scale: _Scale, as_of: pendulum.Date, bottom: int, lang: Lang) -> str:
    x = scale.x(as_of)
    return (
        f'<line x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{bottom}" class="as-of"/>'
        f'<text x="{x}" y="{bottom + 14}" class="as-of-label">{_e(format_date(as_of, lang))}</text>'
    )


def _svg(name: str, title: str, desc: str, height: int, body: Iterable[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="picture {name}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{name}-title {name}-desc">'
        f'<title id="{name}-title">{_e(title)}</title><desc id="{name}-desc">{_e(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _row_label(y: float, text: str, *, nested: bool = False, strong: bool = False) -> str:
    x = 28 if nested else 8
    mark = "\N{RIGHTWARDS ARROW WITH HOOK} " if nested else ""
    css = ' class="strong"' if strong else ""
    return (
        f'<text x="{x}" y="{y}"{css}><title>{_e(text)}</title>'
        f"{_e(mark + _short(text, 30 if nested else 33))}</text>"
    )


def _legend(
    body: list[str], used: Sequence[ProjectPhase | StrategicPhase], legend_y: int, lang: Lang
) -> int:
    """Append the timeline's legend to ``body``; return the baseline of its last line."""
    x = 8.0
    swatches = [
        (
            f'<rect x="{{x}}" y="{{y}}" width="14" height="14" fill="{PHASE_FILLS[phase]}" '
            'class="swatch"/>',
            label(phase, lang),
        )
        for phase in used
    ]
    swatches.append(
        ('<path d="M{x} {y} L{x14} {y} L{x7} {y14} Z" class="review"/>', say("legend_review", lang))
    )
    swatches.append(
        (
            '<rect x="{x}" y="{y}" width="14" height="14" class="planned"/>',
            say("legend_planned", lang),
        )
    )
    for shape, name in swatches:
        y = legend_y - 11
        body.append(
            shape.format(x=x, y=y, x14=x + 14, x7=x + 7, y14=y + 14)
            + f'<text x="{x + 19}" y="{legend_y}">{_e(name)}</text>'
        )
        x += 19 + 7.5 * len(name) + 18
        if x > WIDTH - 160:
            x = 8.0
            legend_y += 20
    return legend_y


def timeline_svg(portfolio: Portfolio, *, as_of: pendulum.Date, lang: Lang, key: str) -> str:
    """Each partnership's phases up to ``as_of`` as bars, its planned rest dashed, reviews marked.

    ``portfolio`` is the portfolio as recorded on ``as_of``; ``key`` makes the ids unique.
    """
    rows = display_order(portfolio.partnerships)
    starts = [p.lifecycles[0].started for p, _ in rows] or [as_of]
    ends = [as_of, *(e for p, _ in rows if isinstance(e := lifecycle_until(p), pendulum.Date))]
    horizon = pendulum.Date(min(as_of.year + 6, _LAST.year), 12, 31)
    ends = [min(e, horizon) for e in ends]
    first, last = _domain(starts, ends)
    scale = _Scale(first, last)
    bottom = TOP + ROW * max(len(rows), 1)
    body = _years(scale, first, last, bottom)
    used: list[ProjectPhase | StrategicPhase] = []
    for index, (p, nested) in enumerate(rows):
        y = TOP + ROW * index
        body.append(_row_label(y + 19, p.name, nested=nested))
        for lifecycle in p.lifecycles:
            changes: Sequence[PhaseChange[Any]] = lifecycle.phases
            for number, change in enumerate(changes):
                if (
                    change.phase is UNKNOWN
                    or change.phase in _FINALS
                    or surely_after(change.on, as_of)
                ):
                    continue  # an unknown early history is not drawn (D112)
                stop = first_day(changes[number + 1].on) if number + 1 < len(changes) else as_of
                x0, x1 = scale.x(first_day(change.on)), scale.x(min(stop, as_of))
                width = max(x1 - x0, 2.0)
                if change.phase not in used:
                    used.append(change.phase)
                name = label(change.phase, lang)
                tip = f"{name}: {format_date(change.on, lang)} - {format_date(stop, lang)}"
                body.append(
                    f'<rect x="{x0}" y="{y + 5}" width="{width}" height="20" '
                    f'fill="{PHASE_FILLS[change.phase]}" class="phase"><title>{_e(tip)}</title>'
                    "</rect>"
                )
                if width > 7 * len(name) + 8:
                    body.append(f'<text x="{x0 + 4}" y="{y + 19}" class="in-bar">{_e(name)}</text>')
        until = lifecycle_until(p)
        if p.lifecycle.ended is None and isinstance(until, pendulum.Date) and until > as_of:
            x0, x1 = scale.x(as_of), scale.x(until)
            body.append(
                f'<rect x="{x0}" y="{y + 7}" width="{max(x1 - x0, 2.0)}" height="16" '
                f'class="planned"><title>{_e(say("until", lang))} '
                f"{_e(format_date(until, lang))}</title></rect>"
            )
        if isinstance(p.lifecycle, StrategicLifecycle):
            for review in p.lifecycle.reviews:
                if review.on > as_of:
                    continue
                x = scale.x(review.on)
                tip = f"{say('reviews', lang)}: {format_date(review.on, lang)}"
                tip += f" ({label(review.outcome, lang)})"
                body.append(
                    f'<path d="M{x - 5} {y + 1} L{x + 5} {y + 1} L{x} {y + 8} Z" class="review">'
                    f"<title>{_e(tip)}</title></path>"
                )
    body.append(_as_of_line(scale, as_of, bottom, lang))
    legend_y = _legend(body, used, bottom + 34, lang)
    height = legend_y + 14
    title = say("timeline", lang)
    desc = say("timeline_desc", lang, day=format_date(as_of, lang))
    return _svg(f"timeline-{key}", title, desc, height, body)


def _funding_rows(portfolio: Portfolio) -> list[tuple[Partnership, bool, list[str]]]:
    found = []
    for p, nested in display_order(portfolio.partnerships):
        funders: list[str] = []
        for funding in sorted(p.funding, key=lambda f: (f.term.start, f.id)):
            if funding.funder not in funders:
                funders.append(funding.funder)
        found.append((p, nested, funders))
    return found


def _name(portfolio: Portfolio, organisation: str) -> str:
    try:
        return portfolio.organisation(organisation).name
    except KeyError:
        return organisation


def funding_svg(
    portfolio: Portfolio,
    ends: Sequence[FundingEnd],
    *,
    as_of: pendulum.Date,
    lang: Lang,
    key: str,
) -> str:
    """Funding periods by partnership and funder, amounts written on them, cliffs marked.

    ``portfolio`` is the portfolio as recorded on ``as_of`` and ``ends`` its
    :func:`~samarbejde.analysis.funding_ends`.
    """
    groups = _funding_rows(portfolio)
    periods = [f for p, _, _ in groups for f in p.funding]
    starts = [f.term.start for f in periods] or [as_of]
    last_days = [as_of, *(f.term.end for f in periods if f.term.end is not None)]
    first, last = _domain(starts, last_days)
    scale = _Scale(first, last)
    body: list[str] = []
    y = TOP
    for p, nested, funders in groups:
        if not funders:
            continue
        body.append(_row_label(y + 15, p.name, nested=nested, strong=True))
        group_top = y
        y += ROW - 8
        for funder in funders:
            body.append(_row_label(y + 17, _name(portfolio, funder), nested=True))
            for funding in p.funding:
                if funding.funder != funder:
                    continue
                x0 = scale.x(funding.term.start)
                end = funding.term.end
                x1 = RIGHT if end is None else scale.x(end)
                width = max(x1 - x0, 2.0)
                amount = format_money(funding.amount, lang)
                span = format_date(funding.term.start, lang) + " - "
                span += say("open", lang) if end is None else format_date(end, lang)
                tip = f"{_name(portfolio, funder)}: {amount}, {span} ({label(funding.kind, lang)})"
                css = "money open-ended" if end is None else "money"
                body.append(
                    f'<rect x="{x0}" y="{y + 4}" width="{width}" height="18" class="{css}">'
                    f"<title>{_e(tip)}</title></rect>"
                )
                if width > 7 * len(amount) + 8:
                    body.append(
                        f'<text x="{x0 + 4}" y="{y + 17}" class="in-bar">{_e(amount)}</text>'
                    )
            y += ROW
        for end_ in ends:
            if end_.partnership != p.id or not end_.cliff:
                continue
            x = scale.x(end_.on)
            words = f"{say('cliff', lang)} {format_date(end_.on, lang)}"
            body.append(
                f'<line x1="{x}" y1="{group_top + 4}" x2="{x}" y2="{y}" class="cliff"/>'
                f'<path d="M{x - 6} {group_top + 2} L{x + 6} {group_top + 2} '
                f'L{x} {group_top + 11} Z" class="cliff-mark"><title>{_e(words)}</title></path>'
                f'<text x="{x - 8}" y="{group_top + 12}" class="cliff-label">{_e(words)}</text>'
            )
        y += 8
    bottom = max(y, TOP + ROW)
    if not periods:
        body.append(f'<text x="{LEFT}" y="{TOP + 18}">{_e(say("funding_none", lang))}</text>')
    body = _years(scale, first, last, bottom) + body
    body.append(_as_of_line(scale, as_of, bottom, lang))
    title = say("funding_picture", lang)
    return _svg(f"funding-{key}", title, say("funding_desc", lang), bottom + 24, body)


def network_svg(portfolio: Portfolio, *, as_of: pendulum.Date, lang: Lang, key: str) -> str:
    """Partnerships on the left, their member organisations on the right, linked by lines.

    Only memberships active on ``as_of`` are drawn; each organisation is named with its
    sector in words, its dot coloured by sector.
    """
    rows = display_order(portfolio.partnerships)
    links: list[tuple[int, str]] = []
    organisations: list[str] = []
    for index, (p, _) in enumerate(rows):
        for member in sorted(p.members_on(as_of), key=lambda m: m.organisation):
            links.append((index, member.organisation))
            if member.organisation not in organisations:
                organisations.append(member.organisation)

    def sector_of(organisation: str) -> Sector | None:
        try:
            return portfolio.organisation(organisation).sector
        except KeyError:
            return None

    order = list(Sector)
    organisations.sort(
        key=lambda o: (
            len(order) if (s := sector_of(o)) is None else order.index(s),
            _name(portfolio, o),
            o,
        )
    )
    step = 40
    count = max(len(rows), len(organisations), 1)
    height = TOP + step * count
    left_gap = step * count / max(len(rows), 1)
    right_gap = step * count / max(len(organisations), 1)
    y_of_p = [TOP - 10 + left_gap * (i + 0.5) for i in range(len(rows))]
    y_of_o = {o: TOP - 10 + right_gap * (i + 0.5) for i, o in enumerate(organisations)}
    px, ox = 300.0, 520.0
    body = [
        f'<path d="M{px} {round(y_of_p[i], 1)} C{px + 110} {round(y_of_p[i], 1)} '
        f'{ox - 110} {round(y_of_o[o], 1)} {ox} {round(y_of_o[o], 1)}" class="link"/>'
        for i, o in links
    ]
    for i, (p, _) in enumerate(rows):
        y = round(y_of_p[i], 1)
        body.append(
            f'<rect x="{px - 9}" y="{y - 9}" width="18" height="18" class="node-partnership"/>'
            f'<text x="{px - 16}" y="{y + 5}" class="end strong"><title>{_e(p.name)}</title>'
            f"{_e(_short(p.name, 32))}</text>"
        )
    for o in organisations:
        y = round(y_of_o[o], 1)
        sector = sector_of(o)
        fill = "#ffffff" if sector is None else SECTOR_COLOURS[sector]
        words = say("unknown_organisation", lang, id=o) if sector is None else label(sector, lang)
        name = _name(portfolio, o)
        body.append(
            f'<circle cx="{ox}" cy="{y}" r="8" fill="{fill}" class="node-organisation"/>'
            f'<text x="{ox + 15}" y="{y + 1}"><title>{_e(name)} ({_e(words)})</title>'
            f"{_e(_short(name, 34))}</text>"
            f'<text x="{ox + 15}" y="{y + 15}" class="sector">{_e(_short(words, 34))}</text>'
        )
    desc = say("network_desc", lang, day=format_date(as_of, lang))
    return _svg(f"network-{key}", say("network", lang), desc, height + 10, body)
