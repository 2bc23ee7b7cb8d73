"""The report page: one self-contained HTML document for one or more portfolios."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence

import attrs
import pendulum

from samarbejde.analysis import (
    CORE_SECTORS,
    Continuation,
    FundingEnd,
    GoalProgress,
    Maturity,
    OverdueCommitment,
    assess,
    funding_ends,
    goal_progress,
    lifecycle_until,
    overdue_commitments,
)
from samarbejde.documents import MergedSources
from samarbejde.model import (
    LAW_PERIODS,
    UNKNOWN,
    Area,
    Classification,
    Goal,
    Lang,
    Measurement,
    Partnership,
    Portfolio,
    ProjectLifecycle,
    Sector,
    Unknown,
    days,
    label,
    municipalities,
)
from samarbejde.model._html import escape as _e
from samarbejde.model.area_lists import as_category
from samarbejde.model.text import cadence, check_lang
from samarbejde.model.words import DEFAULT_LANG
from samarbejde.report._bodies import bodies_html
from samarbejde.report._format import format_date, format_number, format_quantity
from samarbejde.report._funding_changes import changes_html
from samarbejde.report._periods import amount_cell, funders_cell, periods_html
from samarbejde.report._sources import sources_list
from samarbejde.report._style import STYLE
from samarbejde.report._svg import display_order, funding_svg, network_svg, timeline_svg
from samarbejde.report._texts import say
from samarbejde.rules import Finding, Locator, Rule, Severity, validate

__all__ = ["Document", "html", "page"]

#: Nothing may be fetched: no script, font, image or frame; only the inline stylesheet.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_PARTNERSHIP_PATH = re.compile(r"partnerships\[([^\]]+)\]")
_SEVERITY_MARKS = {
    Severity.ERROR: "\N{HEAVY MULTIPLICATION X}",
    Severity.WARNING: "!",
    Severity.INFO: "i",
}


@attrs.frozen
class Document:
    """One portfolio to report on, with where it was read from.

    Attributes:
        portfolio: The portfolio.
        file: The name of the file it was read from, shown before each finding's line.
        sources: Its source map (from :func:`samarbejde.load_located`), which puts a line
            on each finding; without it findings show their path only.
    """

    portfolio: Portfolio
    file: str | None = None
    sources: Locator | None = None


def html(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date,
    lang: Lang = DEFAULT_LANG,
    sources: Locator | None = None,
    file: str | None = None,
) -> str:
    """One self-contained HTML page about ``portfolio`` on ``as_of``, for people.

    The page needs nothing from the network: the stylesheet is inline, the pictures
    are inline SVG and there is no script. Every text from the portfolio is escaped.

    Args:
        portfolio: The portfolio to report on.
        as_of: The day the report is about; never read from a clock.
        lang: ``"da"`` (the default) or ``"en"``.
        sources: The portfolio's source map, so that findings show their line.
        file: The name of the file the portfolio was read from, shown with the line.

    Returns:
        The page as text (write it with ``encoding="utf-8"``).

    Raises:
        ValueError: ``lang`` is neither ``"da"`` nor ``"en"``.

    >>> from samarbejde import examples
    >>> page_text = html(examples.load("opdrift"), as_of=examples.AS_OF, lang="en")
    >>> page_text.startswith("<!doctype html>"), "T001" in page_text
    (True, True)
    """
    as_of = days.day(as_of, "as_of")
    return page([Document(portfolio, file, sources)], as_of=as_of, lang=lang)


def page(
    documents: Sequence[Document],
    *,
    as_of: pendulum.Date,
    lang: Lang = DEFAULT_LANG,
    rules: Sequence[Rule] | None = None,
    keep: Callable[[Portfolio], Collection[str]] | None = None,
) -> str:
    """One self-contained HTML page with a section per document (see :func:`html`).

    Args:
        documents: The portfolios, each with its file and source map.
        as_of: The day the report is about; never read from a clock.
        lang: ``"da"`` (the default) or ``"en"``.
        rules: The rules to validate with (default: every built-in and plug-in rule).
        keep: The ids of the partnerships to show, given a portfolio (default: all);
            see :func:`samarbejde.report.narrowed`.

    Raises:
        ValueError: ``lang`` is neither ``"da"`` nor ``"en"``.
    """
    as_of = days.day(as_of, "as_of")
    check_lang(lang)
    sections = [_section(d, index, as_of, lang, rules, keep) for index, d in enumerate(documents)]
    contents = "".join(
        f'<li><a href="#doc-{i}">{_e(_document_title(d, i, lang))}</a></li>'
        for i, d in enumerate(documents)
    )
    nav = (
        f'<nav aria-labelledby="toc"><h2 id="toc">{_e(say("contents", lang))}</h2>'
        f"<ol>{contents}</ol></nav>"
        if len(documents) > 1
        else ""
    )
    return shell(say("title", lang), nav + "".join(sections), as_of=as_of, lang=lang)


def shell(title: str, main: str, *, as_of: pendulum.Date, lang: Lang) -> str:
    """A whole page around ``main`` (HTML): its head, stylesheet, title and footer."""
    day = format_date(as_of, lang)
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        f"<title>{_e(title)} · {_e(day)}</title><style>{STYLE}</style></head>"
        f'<body><header class="top"><h1>{_e(title)}</h1>'
        f'<p class="as-of">{_e(say("as_of", lang, day=day))}</p></header>'
        f"<main>{main}</main>"
        f"<footer><p>{_e(say('made_by', lang))}</p></footer></body></html>\n"
    )


def _document_title(document: Document, index: int, lang: Lang) -> str:
    if document.file is not None:
        return document.file
    names = [p.name for p in document.portfolio.partnerships]
    if len(names) == 1:
        return names[0]
    return say("portfolio", lang) + (f" {index + 1}" if index else "")


def _partnership_of(finding: Finding, shown: set[str]) -> str | None:
    match = _PARTNERSHIP_PATH.match(finding.path)
    if match is None or match.group(1) not in shown:
        return None
    return match.group(1)


def _section(  # noqa: PLR0917 - the page's one loop passes its settings on
    document: Document,
    index: int,
    as_of: pendulum.Date,
    lang: Lang,
    rules: Sequence[Rule] | None = None,
    keep: Callable[[Portfolio], Collection[str]] | None = None,
) -> str:
    portfolio = document.portfolio
    report = validate(portfolio, as_of=as_of, lang=lang, sources=document.sources, rules=rules)
    where = _locations(document, lang)
    seen = portfolio.as_of(as_of)
    shown = {p.id for p in seen.partnerships}
    by_partnership: dict[str | None, list[Finding]] = {}
    for finding in report.findings:
        by_partnership.setdefault(_partnership_of(finding, shown), []).append(finding)
    maturities: dict[str, Maturity] = {}
    for maturity in assess(portfolio, as_of=as_of, findings=report.findings, lang=lang):
        maturities.setdefault(maturity.partnership, maturity)
    ends = funding_ends(portfolio, as_of=as_of)
    overdue = overdue_commitments(portfolio, as_of=as_of)
    key = f"d{index}"
    day = format_date(as_of, lang)
    rows = display_order(seen.partnerships)
    if keep is not None:
        kept = set(keep(portfolio))
        rows = [row for row in rows if row[0].id in kept]
    counts = say(
        "portfolio_counts",
        lang,
        organisations=len(portfolio.organisations),
        areas=len(portfolio.areas),
        partnerships=len(portfolio.partnerships),
    )
    heading = _document_title(document, index, lang)
    parts = [
        f'<section class="document" id="doc-{index}" aria-labelledby="doc-{index}-h">'
        f'<h2 id="doc-{index}-h">{_e(heading)}</h2>'
        f'<p class="counts">{_e(counts)} · {_e(_severity_counts(report.findings, lang))}</p>'
    ]
    if rows:
        parts.append(
            _overview(
                rows,
                maturities=maturities,
                findings=by_partnership,
                key=key,
                as_of=as_of,
                lang=lang,
            )
        )
        parts.append(
            f'<h3 id="{key}-pictures">{_e(say("pictures", lang))}</h3>'
            + _figure(
                say("timeline", lang),
                say("timeline_desc", lang, day=day),
                timeline_svg(seen, as_of=as_of, lang=lang, key=key),
                of=heading,
            )
            + _figure(
                say("funding_picture", lang),
                say("funding_desc", lang),
                funding_svg(seen, ends, as_of=as_of, lang=lang, key=key),
                of=heading,
            )
            + _figure(
                say("network", lang),
                say("network_desc", lang, day=day),
                network_svg(seen, as_of=as_of, lang=lang, key=key),
                of=heading,
            )
        )
    else:
        parts.append(f"<p>{_e(say('no_partnerships', lang, day=day))}</p>")
    general = by_partnership.get(None, [])
    if general:
        parts.append(
            f'<h3 id="{key}-general">{_e(say("portfolio_findings", lang))}</h3>'
            + _findings(general, where, 4, lang)
        )
    for number, (partnership, _) in enumerate(rows):
        parts.append(
            _partnership(
                seen,
                partnership,
                anchor=f"{key}-p{number}",
                maturity=maturities.get(partnership.id),
                findings=by_partnership.get(partnership.id, []),
                overdue=[o for o in overdue if o.partnership == partnership.id],
                ends=[e for e in ends if e.partnership == partnership.id],
                where=where,
                as_of=as_of,
                lang=lang,
            )
        )
    shared = sources_list(portfolio, (*portfolio.organisations, *portfolio.areas), lang)
    if shared:
        parts.append(f'<h3 id="{key}-sources">{_e(say("sources_of_portfolio", lang))}</h3>{shared}')
    parts.append("</section>")
    return "".join(parts)


def _figure(title: str, desc: str, svg: str, *, of: str) -> str:
    # The scrolling box is a landmark (it can take focus); ``of`` keeps its name unique.
    return (
        f'<figure class="picture"><figcaption>{_e(title)}</figcaption>'
        f'<div class="scroll" role="region" tabindex="0" aria-label="{_e(f"{title}: {of}")}">'
        f"{svg}</div>"
        f"<p>{_e(desc)}</p></figure>"
    )


def _severity_counts(findings: Iterable[Finding], lang: Lang) -> str:
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return ", ".join(f"{s.label(lang)}: {n}" for s, n in counts.items())


def _form(partnership: Partnership, lang: Lang) -> str:
    return say(f"form.{partnership.form}", lang)


def _table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table whose first column heads its rows; the cells are HTML already.

    On a phone the stylesheet shows each row as a card with the column's name before
    each cell (``data-label``); the explicit ARIA roles keep it a table for screen
    readers when its display is changed.
    """
    head = "".join(f'<th scope="col" role="columnheader">{_e(h)}</th>' for h in headers)
    labels = [_e(h) for h in headers]
    body = "".join(
        '<tr role="row">'
        + f'<th scope="row" role="rowheader">{row[0]}</th>'
        + "".join(
            f'<td role="cell" data-label="{name}">{cell}</td>'
            for name, cell in zip(labels[1:], row[1:], strict=False)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table class="stack" role="table"><caption>{_e(caption)}</caption>'
        f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>'
        f'<tbody role="rowgroup">{body}</tbody></table>'
    )


def _overview(
    rows: Sequence[tuple[Partnership, bool]],
    *,
    maturities: dict[str, Maturity],
    findings: dict[str | None, list[Finding]],
    key: str,
    as_of: pendulum.Date,
    lang: Lang,
) -> str:
    cells = []
    for number, (p, nested) in enumerate(rows):
        maturity = maturities.get(p.id)
        level = say("no_maturity", lang) if maturity is None else maturity.level.label(lang)
        indent = "\N{RIGHTWARDS ARROW WITH HOOK} " if nested else ""
        cells.append(
            (
                f'{indent}<a href="#{key}-p{number}">{_e(p.name)}</a>',
                _e(_form(p, lang)),
                _e(label(p.lifecycle.phase, lang)),
                _e(level),
                _e(_severity_counts(findings.get(p.id, []), lang)),
            )
        )
    headers = [say(k, lang) for k in ("partnership", "form", "phase", "level", "findings")]
    caption = say("overview_caption", lang, day=format_date(as_of, lang))
    return f'<h3 id="{key}-overview">{_e(say("overview", lang))}</h3>' + _table(
        caption, headers, cells
    )


def _partnership(
    portfolio: Portfolio,
    partnership: Partnership,
    *,
    anchor: str,
    maturity: Maturity | None,
    findings: Sequence[Finding],
    overdue: Sequence[OverdueCommitment],
    ends: Sequence[FundingEnd],
    where: Callable[[Finding], str],
    as_of: pendulum.Date,
    lang: Lang,
) -> str:
    return (
        f'<article class="partnership" id="{anchor}" aria-labelledby="{anchor}-h">'
        f'<h3 id="{anchor}-h">{_e(partnership.name)}</h3>'
        + _facts(portfolio, partnership, as_of, lang)
        + periods_html(portfolio, partnership, lang)
        + f"<h4>{_e(say('members', lang))}</h4>"
        + _members(portfolio, partnership, as_of, lang)
        + f"<h4>{_e(say('maturity', lang))}</h4>"
        + _maturity(maturity, lang)
        + f"<h4>{_e(say('findings', lang))}</h4>"
        + _findings(findings, where, 5, lang)
        + f"<h4>{_e(say('overdue', lang))}</h4>"
        + _overdue(portfolio, overdue, as_of, lang)
        + f"<h4>{_e(say('goals', lang))}</h4>"
        + _goals(portfolio, partnership, as_of, lang)
        + f"<h4>{_e(say('funding', lang))}</h4>"
        + _funding(portfolio, partnership, ends, lang)
        + f"<h4>{_e(say('governance', lang))}</h4>"
        + bodies_html(portfolio, partnership, lang, _table)
        + _sources(portfolio, partnership, lang)
        + "</article>"
    )


def _sources(portfolio: Portfolio, partnership: Partnership, lang: Lang) -> str:
    listed = sources_list(portfolio, (partnership,), lang)
    return f"<h4>{_e(say('sources', lang))}</h4>{listed}" if listed else ""


def _facts(portfolio: Portfolio, partnership: Partnership, as_of: pendulum.Date, lang: Lang) -> str:
    lifecycle = partnership.lifecycle
    until = lifecycle_until(partnership)
    items = [
        (say("form", lang), _e(_form(partnership, lang))),
        (say("phase", lang), _e(label(lifecycle.phase, lang))),
        (say("since", lang), _e(format_date(lifecycle.began, lang))),
        (
            say("until", lang),
            _e(_until(until, lang)),
        ),
    ]
    if partnership.parent is not None:
        try:
            parent = portfolio.partnership(partnership.parent).name
        except KeyError:
            parent = partnership.parent
        items.append((say("parent", lang), _e(parent)))
    if not isinstance(lifecycle, ProjectLifecycle) and lifecycle.reviews:
        done = ", ".join(
            f"{format_date(r.on, lang)} ({label(r.outcome, lang)})" for r in lifecycle.reviews
        )
        items.append((say("reviews", lang), _e(done)))
    items.append((say("areas", lang), _areas(portfolio, partnership, as_of, lang)))
    return (
        '<dl class="facts">' + "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in items) + "</dl>"
    )


def _areas(portfolio: Portfolio, partnership: Partnership, as_of: pendulum.Date, lang: Lang) -> str:
    if not partnership.areas:
        return _e(say("no_areas", lang))
    known = municipalities()
    items = []
    for area_id in partnership.areas:
        try:
            area = portfolio.area(area_id)
        except KeyError:
            items.append(f"<li>{_e(area_id)}</li>")
            continue
        municipality = known[area.municipality].name  # an Area checks its kommunekode
        lists = _listed(portfolio, area, as_of, lang)
        name = say("area_line", lang, name=area.name, municipality=municipality)
        items.append(f"<li>{_e(name)}: {_e(lists)}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _listed(portfolio: Portfolio, area: Area, as_of: pendulum.Date, lang: Lang) -> str:
    """The area's categories on the day, from its lists and its own (D113), with its own.

    The categories come from :meth:`~samarbejde.Portfolio.categories_on`; the area's own
    classifications follow as recorded, each on its list, when it has any.
    """
    held = portfolio.categories_on(area.id, as_of)
    own = ", ".join(_classified(c, as_of, lang) for c in area.classifications)
    if not own:
        return ", ".join(_category(c, lang) for c in held) or say("not_on_lists", lang)
    now = ", ".join(_category(c, lang) for c in held) or say("no_category", lang)
    return say("area_categories", lang, day=format_date(as_of, lang), now=now, recorded=own)


def _category(code: str, lang: Lang) -> str:
    """A list category's label; an open category the model does not know, as its words."""
    if code == UNKNOWN.value:  # a classification the sources do not give (D112)
        return say("unknown", lang)
    return label(as_category(code), lang)  # an open code has no label: its words


def _classified(classification: Classification, as_of: pendulum.Date, lang: Lang) -> str:
    """A category on its list, and the day it ended with its law if that was by ``as_of``."""
    category = label(classification.category, lang)
    day = format_date(classification.list_date, lang)
    status = classification.category
    ended = None if status is UNKNOWN else LAW_PERIODS[status].end
    if ended is not None and ended < as_of:
        return say(
            "classified_ended", lang, category=category, day=day, end=format_date(ended, lang)
        )
    return say("classified", lang, category=category, day=day)


def _until(until: pendulum.Date | Unknown | None, lang: Lang) -> str:
    """The planned end: a date, unknown, or none recorded (read as open-ended, D76)."""
    if until is UNKNOWN:
        return say("unknown", lang)
    return say("open_ended", lang) if until is None else format_date(until, lang)


def _organisation(portfolio: Portfolio, organisation: str, lang: Lang) -> tuple[Sector | None, str]:
    try:
        found = portfolio.organisation(organisation)
    except KeyError:
        return None, say("unknown_organisation", lang, id=organisation)
    return found.sector, found.name


def _members(
    portfolio: Portfolio, partnership: Partnership, as_of: pendulum.Date, lang: Lang
) -> str:
    day = format_date(as_of, lang)
    active = partnership.members_on(as_of)
    if not active:
        return f"<p>{_e(say('no_members', lang, day=day))}</p>" + _missing(set(), lang)
    order = [*Sector, None]
    rows = []
    present: set[Sector] = set()
    placed = []
    for member in active:
        sector, name = _organisation(portfolio, member.organisation, lang)
        if sector is not None:
            present.add(sector)
        placed.append((order.index(sector), name, member, sector))
    placed.sort(key=lambda item: (item[0], item[1], item[2].organisation))
    for _, name, member, sector in placed:
        sector_words = "?" if sector is None else label(sector, lang)
        rows.append(
            (
                _e(sector_words),
                _e(name),
                _e(label(member.role, lang)),
                _e(format_date(member.joined, lang)),
            )
        )
    headers = [say(k, lang) for k in ("sector", "organisation", "role", "joined")]
    return _table(say("members_caption", lang, day=day), headers, rows) + _missing(present, lang)


def _missing(present: set[Sector], lang: Lang) -> str:
    missing = [label(s, lang) for s in CORE_SECTORS if s not in present]
    if not missing:
        return f'<p class="ok">{_e(say("all_present", lang))}</p>'
    return f'<p class="missing">{_e(say("missing", lang, sectors=", ".join(missing)))}</p>'


def _maturity(maturity: Maturity | None, lang: Lang) -> str:
    if maturity is None:
        return f"<p>{_e(say('no_maturity', lang))}</p>"
    line = say("maturity_line", lang, level=maturity.level.label(lang), total=maturity.total)
    rows = []
    for score in maturity.scores:
        evidence = [_e(text) for text in score.facts]
        evidence += [
            f'<span class="code">{_e(f.code)}</span> {_e(f.message)}' for f in score.findings
        ]
        rows.append(
            (
                _e(score.dimension.label(lang)),
                f'<span class="score">{_e(say("score_of", lang, score=score.score))}</span>',
                "<ul>" + "".join(f"<li>{item}</li>" for item in evidence) + "</ul>"
                if evidence
                else "",
            )
        )
    headers = [say(k, lang) for k in ("dimension", "score", "evidence")]
    return f'<p class="level level-{maturity.level.value}">{_e(line)}</p>' + _table(
        say("maturity_caption", lang), headers, rows
    )


def _where(finding: Finding, files: Sequence[str], lang: Lang, *, always: bool = False) -> str:
    """Where a finding lies: its file (the first of ``files``) and line, and its path.

    ``files`` are the files its record came from, the one its line is in first; with
    ``always`` (a merged portfolio) they are named even where the line is not known.
    """
    path = f'<code class="path">{_e(finding.path)}</code>'
    if finding.line is None:
        if always and files:
            return f'<code class="where">{_e(", ".join(files))}</code> {path}'
        return path
    column = finding.column or 1
    if files:
        place = ", ".join([f"{files[0]}:{finding.line}:{column}", *files[1:]])
    else:
        place = say("line", lang, line=finding.line)
    return f'<code class="where">{_e(place)}</code> {path}'


def _locations(document: Document, lang: Lang) -> Callable[[Finding], str]:
    """How the findings of ``document`` say where they lie.

    A merged portfolio (``--merge``) names, for each finding, the file its record came
    from, or both files where the same record came from two.
    """
    sources = document.sources
    if isinstance(sources, MergedSources):
        return lambda f: _where(f, sources.files_of(f.path), lang, always=True)
    named = () if document.file is None else (document.file,)
    return lambda f: _where(f, named, lang)


def _findings(
    findings: Sequence[Finding], where: Callable[[Finding], str], level: int, lang: Lang
) -> str:
    if not findings:
        return f'<p class="ok">{_e(say("findings_none", lang))}</p>'
    parts = []
    for severity in Severity:
        chosen = [f for f in findings if f.severity is severity]
        if not chosen:
            continue
        word = severity.label(lang)
        parts.append(
            f'<h{level} class="severity-heading">{_e(word.capitalize())} ({len(chosen)})</h{level}>'
            f'<ul class="findings">'
            + "".join(
                f'<li class="finding {severity.value}">'
                f'<span class="badge {severity.value}"><span aria-hidden="true">'
                f"{_SEVERITY_MARKS[severity]}</span> {_e(word)}</span> "
                f'<span class="code">{_e(f.code)}</span> '
                f'<span class="message">{_e(f.message)}</span> '
                f'<span class="location">{where(f)}</span>'
                "</li>"
                for f in chosen
            )
            + "</ul>"
        )
    return "".join(parts)


def _overdue(
    portfolio: Portfolio, overdue: Sequence[OverdueCommitment], as_of: pendulum.Date, lang: Lang
) -> str:
    if not overdue:
        return f'<p class="ok">{_e(say("overdue_none", lang))}</p>'
    rows = [
        (
            _e(o.commitment),
            _e(_organisation(portfolio, o.by, lang)[1]),
            _e(label(o.kind, lang)),
            _e(label(o.status, lang)),
            _e(format_date(o.due, lang)),
            _e(o.days_overdue),
            _e(format_quantity(o.promised, lang)),
            _e(
                say("nothing_delivered", lang)
                if o.delivered is None
                else format_quantity(o.delivered, lang)
            ),
        )
        for o in overdue
    ]
    headers = [
        say(k, lang)
        for k in (
            "commitment",
            "by",
            "kind",
            "status",
            "due",
            "days_overdue",
            "promised",
            "delivered",
        )
    ]
    caption = say("overdue_caption", lang, day=format_date(as_of, lang))
    return _table(caption, headers, rows)


def _goals(portfolio: Portfolio, partnership: Partnership, as_of: pendulum.Date, lang: Lang) -> str:
    """Each goal with its latest measurement, how far it has come and its trend (D95)."""
    if not partnership.goals:
        return f"<p>{_e(say('goals_none', lang))}</p>"
    progress = [
        r
        for r in goal_progress(Portfolio(partnerships=(partnership,)), as_of=as_of)
        if r.partnership == partnership.id
    ]
    rows = [_goal_row(r, lang) for r in progress]
    headers = [
        say(k, lang) for k in ("goal", "indicator", "from_to", "goal_due", "latest", "way", "trend")
    ]
    table = _table(say("goals_caption", lang, day=format_date(as_of, lang)), headers, rows)
    measured = [
        _measurement_row(portfolio, r.goal, m, lang) for r in progress for m in r.goal.measurements
    ]
    if not measured:
        return table
    headers = [
        say(k, lang)
        for k in ("goal", "measured_for", "value", "source", "reported_by", "approved_by")
    ]
    return (
        table
        + f'<p class="sub">{_e(say("measurements", lang))}</p>'
        + _table(say("measurements_caption", lang), headers, measured)
    )


def _goal_row(r: GoalProgress, lang: Lang) -> tuple[str, ...]:
    goal = r.goal
    indicator = [goal.indicator or ""]
    if goal.measure is not None:
        indicator.append(label(goal.measure, lang) + (f" ({goal.unit})" if goal.unit else ""))
    if goal.measure_every is not None:
        indicator.append(say("measured_every", lang, every=cadence(goal.measure_every)))
    span = " \N{RIGHTWARDS ARROW} ".join(
        "" if v is None else format_number(v, lang) for v in (goal.baseline, goal.target)
    )
    if goal.better is not None:
        span += f" ({label(goal.better, lang)})"
    latest = say("not_measured", lang)
    if r.latest is not None:
        on = format_date(r.latest.on, lang)
        latest = say("value_on", lang, value=format_number(r.latest.value, lang), on=on)
    way = "" if r.share is None else f"{format_number(round(r.share * 100), lang)} %"
    trend = (
        say("no_trend", lang)
        if r.on_track is None
        else say("on_track" if r.on_track else "off_track", lang)
    )
    if r.projected is not None:
        trend += f": {format_number(r.projected, lang)}"
    return (
        _e(goal.title),
        _e(" · ".join(x for x in indicator if x)),
        _e(span),
        _e("" if goal.due is None else format_date(goal.due, lang)),
        _e(latest),
        f'<span class="number">{_e(way)}</span>',
        _e(trend),
    )


def _measurement_row(
    portfolio: Portfolio, goal: Goal, m: Measurement, lang: Lang
) -> tuple[str, ...]:
    period = format_date(m.on, lang)
    if m.since is not None:
        period = f"{format_date(m.since, lang)} \N{EN DASH} {period}"
    return (
        _e(goal.title),
        _e(period),
        f'<span class="number">{_e(format_number(m.value, lang))}</span>',
        _e(m.source or ""),
        _e(_who(portfolio, m.reported_by, m.reported_post, lang)),
        _e(_who(portfolio, m.approved_by, m.approved_post, lang)),
    )


def _who(portfolio: Portfolio, organisation: str | None, post: str | None, lang: Lang) -> str:
    """An organisation and a post in it, either of them or neither (never a person)."""
    name = None if organisation is None else _organisation(portfolio, organisation, lang)[1]
    if name is not None and post is not None:
        return say("by_post", lang, organisation=name, post=post)
    return name or post or ""


def _funding(
    portfolio: Portfolio, partnership: Partnership, ends: Sequence[FundingEnd], lang: Lang
) -> str:
    if not partnership.funding:
        return f"<p>{_e(say('funding_none', lang))}</p>"
    rows = []
    ordered = sorted(partnership.funding, key=lambda f: (f.funder, f.term.start, f.id))
    for funding in ordered:
        end = funding.term.end
        span = format_date(funding.term.start, lang) + " \N{EN DASH} "
        span += say("open_ended", lang) if end is None else format_date(end, lang)
        rows.append(
            (
                funders_cell(portfolio, funding, lang)
                if funding.shares
                else _e(_organisation(portfolio, funding.funder, lang)[1]),
                _e(label(funding.kind, lang)),
                amount_cell(funding, lang),
                _e(span),
            )
        )
    headers = [say(k, lang) for k in ("funder", "kind", "amount", "period")]
    table = _table(say("funding_caption", lang), headers, rows)
    table += changes_html(portfolio, ordered, lang)
    lines = []
    for end_ in ends:
        day = format_date(end_.on, lang)
        if end_.follows is Continuation.NOTHING:
            lines.append(
                f'<li class="cliff"><strong>{_e(say("cliff_line", lang, day=day))}</strong></li>'
            )
        else:
            nxt = "" if end_.next_start is None else format_date(end_.next_start, lang)
            text = say(f"follows.{end_.follows.value}", lang, day=day, next=nxt, gap=end_.gap_days)
            lines.append(f"<li>{_e(text)}</li>")
    if not lines:
        return table
    return (
        table
        + f'<p class="sub">{_e(say("ends", lang))}</p><ul class="ends">'
        + "".join(lines)
        + "</ul>"
    )
