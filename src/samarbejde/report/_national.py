"""The national overview page, and a report as a folder of pages for a whole country.

At 2,000 partnerships one page with every partnership's details is about 90 MB. The
folder (:func:`pages`) holds one overview page, ``index.html`` — the country counted by
region, kommune, form, phase and maturity, the listed areas with and without a
partnership, the sectors missing per kommune, the funding running out per year, the
overdue commitments ranked and the findings by rule, every partnership a line linking
to its page — and one page per partnership in ``p/``, with the same details as the
one-page report. The overview is the same for any size; it costs one validation and
one maturity assessment of the portfolio (design decision D104).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import pendulum

from samarbejde.analysis import (
    FundingEnd,
    OverdueCommitment,
    assess,
    funding_ends,
    overdue_commitments,
)
from samarbejde.analysis.maturity import Level, Maturity
from samarbejde.analysis.national import National, national
from samarbejde.model import UNKNOWN, Partnership, Portfolio, days, label
from samarbejde.model._html import escape as _e
from samarbejde.model.municipalities import municipalities
from samarbejde.model.text import DEFAULT_LANG, Lang, check_lang
from samarbejde.report._format import format_date, format_number
from samarbejde.report._page import (
    Document,
    _category,
    _locations,
    _partnership,
    _table,
    shell,
)
from samarbejde.report._texts import say
from samarbejde.rules import Finding, Rule, validate

__all__ = ["narrowed", "overview", "pages"]

#: How many lines the ranked tables show; the counts above them cover everything.
RANKED = 50


def pages(
    document: Document,
    *,
    as_of: pendulum.Date,
    lang: Lang = DEFAULT_LANG,
    rules: Sequence[Rule] | None = None,
    kommuner: Iterable[str] = (),
    regions: Iterable[str] = (),
) -> dict[str, str]:
    """The report as a folder: the overview (``index.html``) and a page per partnership.

    Args:
        document: The portfolio to report on, with its file and source map.
        as_of: The day the report is about; never read from a clock.
        lang: A language of the catalogues (default: ``DEFAULT_LANG``).
        rules: The rules to validate with (default: every built-in and plug-in rule).
        kommuner: Show only partnerships serving an area in these kommuner (codes).
        regions: Show only partnerships serving an area in these regions (codes or
            names); with ``kommuner``, those in either.

    Returns:
        Each page's text by its path in the folder (``index.html``, ``p/1.html`` …).

    Raises:
        ValueError: ``lang`` is not a language of the catalogues.
    """
    as_of = days.day(as_of, "as_of")
    check_lang(lang)
    portfolio = document.portfolio
    report = validate(portfolio, as_of=as_of, lang=lang, sources=document.sources, rules=rules)
    maturities = assess(portfolio, as_of=as_of, findings=report.findings, lang=lang)
    shown = narrowed(portfolio.as_of(as_of).partnerships, portfolio, kommuner, regions)
    links = {p: f"p/{n}.html" for n, p in enumerate(shown, start=1)}
    overview_text = overview(
        document,
        as_of=as_of,
        lang=lang,
        findings=report.findings,
        maturities=maturities,
        link=links.get,
    )
    found: dict[str, str] = {"index.html": overview_text}
    by_partnership: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.partnership is not None:
            by_partnership.setdefault(finding.partnership, []).append(finding)
    levels = {m.partnership: m for m in maturities}
    seen = portfolio.as_of(as_of)
    ends: dict[str, list[FundingEnd]] = {}
    for end in funding_ends(portfolio, as_of=as_of):
        ends.setdefault(end.partnership, []).append(end)
    overdue: dict[str, list[OverdueCommitment]] = {}
    for item in overdue_commitments(portfolio, as_of=as_of):
        overdue.setdefault(item.partnership, []).append(item)
    where = _locations(document, lang)
    back = f'<p><a href="../index.html">{_e(say("back_to_overview", lang))}</a></p>'
    for partnership in seen.partnerships:
        path = links.get(partnership.id)
        if path is None:
            continue
        article = _partnership(
            seen,
            partnership,
            anchor="partnership",
            maturity=levels.get(partnership.id),
            findings=by_partnership.get(partnership.id, []),
            overdue=overdue.get(partnership.id, []),
            ends=ends.get(partnership.id, []),
            where=where,
            as_of=as_of,
            lang=lang,
        )
        found[path] = shell(partnership.name, back + article, as_of=as_of, lang=lang)
    return found


def narrowed(
    partnerships: Iterable[Partnership],
    portfolio: Portfolio,
    kommuner: Iterable[str],
    regions: Iterable[str],
) -> tuple[str, ...]:
    """The ids of ``partnerships`` serving an area in ``kommuner`` or ``regions`` (all if none)."""
    wanted_kommuner, wanted_regions = set(kommuner), set(regions)
    known = municipalities()
    areas = {a.id: a.municipality for a in portfolio.areas}
    chosen = []
    for p in partnerships:
        places = {areas[a] for a in p.areas if a in areas}
        in_regions = {
            name
            for k in places
            if k in known
            for name in (known[k].region_code, known[k].region_name)
        }
        if (wanted_kommuner or wanted_regions) and not (
            places & wanted_kommuner or in_regions & wanted_regions
        ):
            continue
        chosen.append(p.id)
    return tuple(chosen)


def overview(
    document: Document,
    *,
    as_of: pendulum.Date,
    lang: Lang = DEFAULT_LANG,
    findings: Sequence[Finding] | None = None,
    maturities: Sequence[Maturity] | None = None,
    link: Callable[[str], str | None] = lambda _: None,
) -> str:
    """The national overview page of ``document`` on ``as_of``.

    Args:
        document: The portfolio, with its file and source map.
        as_of: The day the overview is about.
        lang: A language of the catalogues (default: ``DEFAULT_LANG``).
        findings: Its findings on ``as_of``, if made already.
        maturities: Its maturity assessment, if made already.
        link: The address of a partnership's own page, by id (``None``: no link, and
            the partnership is left out of the lists of partnerships).

    Returns:
        The page as text.
    """
    as_of = days.day(as_of, "as_of")
    check_lang(lang)
    overview_data = national(
        document.portfolio, as_of=as_of, findings=findings, maturities=maturities, lang=lang
    )
    main = _sections(overview_data, document, link, lang)
    return shell(say("national_title", lang), main, as_of=as_of, lang=lang)


def _sections(
    data: National, document: Document, link: Callable[[str], str | None], lang: Lang
) -> str:
    day = format_date(data.as_of, lang)
    lines = [line for line in data.partnerships if link(line.partnership) is not None]
    known = municipalities()
    names = {line.partnership: line.name for line in data.partnerships}

    def kommune(code: str) -> str:
        return known[code].name if code in known else say("no_kommune", lang)

    def linked(partnership: str) -> str:
        target = link(partnership)
        name = _e(names.get(partnership, partnership))
        return name if target is None else f'<a href="{_e(target)}">{name}</a>'

    def number(value: int) -> str:
        return _e(format_number(value, lang))

    intro = say("national_intro", lang, day=day, count=format_number(len(lines), lang))
    parts = [f"<p>{_e(intro)}</p>"]
    # Counts by region, kommune, form, phase and maturity level.
    headers = [say("counted_what", lang), say("partnerships", lang), say("strategic_count", lang)]
    for group in ("region", "kommune", "form", "phase", "level"):
        rows = [
            (_e(_value(group, c.value, lang, kommune)), number(c.partnerships), number(c.strategic))
            for c in data.counts
            if c.group == group
        ]
        parts.append(
            f'<h2 id="by-{group}">{_e(say(f"by_{group}", lang))}</h2>'
            + _table(say(f"by_{group}", lang), headers, rows)
        )
    # Every partnership, one line each.
    every = [
        (
            linked(line.partnership),
            _e(", ".join(kommune(k) for k in line.kommuner) or say("no_kommune", lang)),
            _e(say(f"form.{line.form}", lang)),
            _e(_value("phase", line.phase, lang, kommune)),
            _e(_value("level", line.level or "", lang, kommune)),
            _e(f"{line.errors} / {line.warnings} / {line.infos}"),
            number(line.overdue),
        )
        for line in lines
    ]
    headers = [
        say(k, lang)
        for k in ("partnership", "kommune", "form", "phase", "level", "findings_ewi", "overdue")
    ]
    parts.append(
        f'<h2 id="partnerships">{_e(say("all_partnerships", lang))}</h2>'
        + _table(say("all_partnerships", lang), headers, every)
    )
    # Listed areas, with and without a (strategic) partnership.
    area_rows = [
        (
            _e(a.name),
            _e(kommune(a.kommune)),
            _e(f"{_category(a.category, lang)} ({format_date(a.list_date, lang)})"),
            ", ".join(linked(p) for p in a.partnerships) or _e(say("none", lang)),
            ", ".join(linked(p) for p in a.strategic) or _e(say("none", lang)),
        )
        for a in data.areas
    ]
    counted = say(
        "listed_counts",
        lang,
        listed=format_number(len(data.areas), lang),
        without=format_number(sum(1 for a in data.areas if not a.partnerships), lang),
        without_strategic=format_number(sum(1 for a in data.areas if not a.strategic), lang),
    )
    headers = [say(k, lang) for k in ("area", "kommune", "list", "partnerships", "strategic")]
    parts.append(
        f'<h2 id="listed-areas">{_e(say("listed_areas", lang))}</h2>'
        + f"<p>{_e(counted)}</p>"
        + _table(say("listed_areas", lang), headers, area_rows)
    )
    # Sectors missing per kommune.
    rows = [
        (
            _e(kommune(m.kommune)),
            number(m.partnerships),
            _e(", ".join(label(s, lang) for s in m.missing) or say("none", lang)),
        )
        for m in data.missing_sectors
    ]
    headers = [say(k, lang) for k in ("kommune", "partnerships", "missing_sectors")]
    parts.append(
        f'<h2 id="sectors">{_e(say("missing_sectors", lang))}</h2>'
        + _table(say("missing_sectors", lang), headers, rows)
    )
    # Funding running out, per year.
    years = [
        (
            _e(str(f.year)),
            number(f.ends),
            number(f.cliffs),
            ", ".join(linked(p) for p in f.partnerships[:RANKED]) or _e(say("none", lang)),
        )
        for f in data.funding
    ]
    headers = [say(k, lang) for k in ("year", "funding_ends", "cliffs", "partnerships")]
    parts.append(
        f'<h2 id="funding">{_e(say("funding_by_year", lang))}</h2>'
        + _table(say("funding_by_year", lang), headers, years)
    )
    # Overdue commitments, ranked.
    ranked = [line for line in data.overdue if link(line.partnership) is not None]
    ranks = [(linked(line.partnership), number(line.overdue)) for line in ranked[:RANKED]]
    total = say(
        "overdue_total",
        lang,
        count=format_number(sum(line.overdue for line in ranked), lang),
        partnerships=format_number(len(ranked), lang),
    )
    parts.append(
        f'<h2 id="overdue">{_e(say("overdue_ranked", lang))}</h2>'
        + f"<p>{_e(total)}</p>"
        + _table(
            say("overdue_ranked", lang), [say("partnership", lang), say("overdue", lang)], ranks
        )
    )
    # Findings by rule.
    codes = [
        (_e(r.code), _e(r.severity), number(r.findings), number(r.partnerships)) for r in data.rules
    ]
    headers = [say(k, lang) for k in ("code", "severity", "findings", "partnerships")]
    parts.append(
        f'<h2 id="rules">{_e(say("rules_counted", lang))}</h2>'
        + _table(say("rules_counted", lang), headers, codes)
    )
    return "".join(parts)


def _value(group: str, value: str, lang: Lang, kommune: Callable[[str], str]) -> str:
    """A count's value as a person reads it."""
    if group == "kommune":
        return kommune(value)
    if group == "region":
        return value or say("no_kommune", lang)
    if group == "form":
        return say(f"form.{value}", lang)
    if group == "level":
        return Level(value).label(lang) if value else say("no_maturity", lang)
    return _phase(value, lang)


def _phase(code: str, lang: Lang) -> str:
    from samarbejde.model import ProjectPhase, StrategicPhase  # noqa: PLC0415 - two enums

    for kind in (ProjectPhase, StrategicPhase):
        if code in kind._value2member_map_:
            return label(kind(code), lang)
    return label(UNKNOWN, lang) if code == UNKNOWN.value else code  # D112
