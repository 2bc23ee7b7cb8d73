"""The national overview: a whole country's partnerships counted, ranked and placed.

:func:`national` answers the questions an analyst wrote by hand for a national
portfolio: how many partnerships per region and kommune, by form, phase and maturity
level; which listed areas (per list) have a partnership, and a strategic one; which
core sectors are missing, per kommune; whose funding ends in which year, and which of
those ends are cliffs; which partnerships have the most overdue commitments; which
rules found what. It returns typed records in a fixed order, one validation and one
maturity assessment for the whole portfolio (both can be passed in when already made),
so it costs what those cost and a pass over the records. :func:`national_frames` gives
the same as DataFrames (the ``frames`` extra).

A partnership's kommune is that of the areas it serves; one serving no area is
counted under ``""`` (no kommune), never guessed from its members.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from samarbejde.analysis.commitments import overdue_counts
from samarbejde.analysis.funding import funding_ends
from samarbejde.analysis.maturity import Maturity, assess
from samarbejde.analysis.sectors import CORE_SECTORS
from samarbejde.model import days
from samarbejde.model.enums import Sector
from samarbejde.model.municipalities import municipalities
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.text import DEFAULT_LANG, Lang

if TYPE_CHECKING:
    from samarbejde.rules import Finding, Severity

__all__ = [
    "AreaOnList",
    "CountLine",
    "FundingYear",
    "MissingSectors",
    "National",
    "PartnershipLine",
    "RuleCount",
    "national",
    "national_frames",
]

#: What a partnership serving no area is counted under.
NO_KOMMUNE = ""


@attrs.frozen
class PartnershipLine:
    """One partnership of the overview.

    Attributes:
        partnership: Its id.
        name: Its name.
        form: ``project`` or ``strategic``.
        phase: The code of its phase on the day asked about.
        kommuner: The kommunekoder of the areas it serves, sorted (empty: none).
        regions: The names of their regions, sorted.
        level: Its maturity level's code; ``None`` before it began.
        errors: Its error findings.
        warnings: Its warnings.
        infos: Its info findings.
        overdue: Its overdue commitments.
    """

    partnership: str
    name: str
    form: str
    phase: str
    kommuner: tuple[str, ...]
    regions: tuple[str, ...]
    level: str | None
    errors: int
    warnings: int
    infos: int
    overdue: int


@attrs.frozen
class CountLine:
    """How many partnerships share one value of one grouping.

    Attributes:
        group: ``region``, ``kommune``, ``form``, ``phase`` or ``level``.
        value: The region's name, the kommunekode, the form, phase or level code
            (``""``: none, e.g. a partnership serving no area).
        partnerships: How many partnerships have it.
        strategic: How many of those are strategic.
    """

    group: str
    value: str
    partnerships: int
    strategic: int


@attrs.frozen
class AreaOnList:
    """An area on one government list, and the partnerships that serve it.

    Attributes:
        area: The area's id.
        name: Its name.
        kommune: Its kommunekode.
        category: The list's category code.
        list_date: The day of the list.
        partnerships: The ids of the partnerships serving it on the day asked about.
        strategic: Those of them that are strategic.
    """

    area: str
    name: str
    kommune: str
    category: str
    list_date: pendulum.Date
    partnerships: tuple[str, ...]
    strategic: tuple[str, ...]


@attrs.frozen
class MissingSectors:
    """The core sectors no partnership in a kommune has as an active member.

    Attributes:
        kommune: The kommunekode (``""``: partnerships serving no area).
        partnerships: How many partnerships the kommune has.
        missing: The core sectors none of them has, in enum order.
    """

    kommune: str
    partnerships: int
    missing: tuple[Sector, ...]


@attrs.frozen
class FundingYear:
    """The funding that runs out in one year, across the country.

    Attributes:
        year: The year.
        ends: How many funded stretches end that year.
        cliffs: How many of them have nothing to follow.
        partnerships: The ids of the partnerships with a cliff that year, sorted.
    """

    year: int
    ends: int
    cliffs: int
    partnerships: tuple[str, ...]


@attrs.frozen
class RuleCount:
    """How often one rule found something.

    Attributes:
        code: The rule's code.
        severity: Its severity's code.
        findings: How many findings it made.
        partnerships: In how many partnerships.
    """

    code: str
    severity: str
    findings: int
    partnerships: int


@attrs.frozen
class National:
    """The national overview of a portfolio on one day.

    Attributes:
        as_of: The day asked about.
        partnerships: One line per partnership that had begun, in the portfolio's order.
        counts: Partnerships counted by region, kommune, form, phase and level.
        areas: Each listed area on each of its lists (its own classifications and the
            portfolio's lists), by list date, category, kommune.
        missing_sectors: Per kommune with partnerships, the core sectors missing.
        funding: Per year from the day asked about, the funding that ends.
        overdue: The partnerships with overdue commitments, most first.
        rules: The findings by rule, most first.
    """

    as_of: pendulum.Date
    partnerships: tuple[PartnershipLine, ...]
    counts: tuple[CountLine, ...]
    areas: tuple[AreaOnList, ...]
    missing_sectors: tuple[MissingSectors, ...]
    funding: tuple[FundingYear, ...]
    overdue: tuple[PartnershipLine, ...]
    rules: tuple[RuleCount, ...]


def national(
    portfolio: Portfolio,
    *,
    as_of: pendulum.Date,
    findings: Sequence[Finding] | None = None,
    maturities: Iterable[Maturity] | None = None,
    lang: Lang = DEFAULT_LANG,
) -> National:
    """The national overview of ``portfolio`` on ``as_of``.

    Args:
        portfolio: The portfolio (a whole country's, or any part of it).
        as_of: The day asked about; the portfolio is read as recorded then.
        findings: The findings of :func:`samarbejde.validate` on ``as_of``, if made
            already; by default every profile is validated here.
        maturities: The result of :func:`~samarbejde.analysis.assess`, if made already.
        lang: The language findings are made in when validated here.

    Returns:
        The overview.

    >>> from samarbejde import examples
    >>> overview = national(examples.load("opdrift"), as_of=examples.AS_OF)
    >>> [(c.value, c.partnerships) for c in overview.counts if c.group == "form"]
    [('strategic', 1)]
    """
    as_of = days.day(as_of, "as_of")
    if findings is None:
        from samarbejde.rules import validate  # noqa: PLC0415 - rules are the analysis' peers

        findings = validate(portfolio, as_of=as_of, profiles=("all",), lang=lang).findings
    if maturities is None:
        maturities = assess(portfolio, as_of=as_of, findings=findings, lang=lang)
    seen = portfolio.as_of(as_of)
    levels = {m.partnership: m.level.value for m in maturities}
    overdue = overdue_counts(portfolio, as_of=as_of)
    severities, rules = _findings(findings)
    none: Counter[str] = Counter()
    places = {a.id: a.municipality for a in seen.areas}
    regions = municipalities()
    lines = []
    for p in seen.partnerships:
        kommuner = tuple(sorted({places[a] for a in p.areas if a in places}))
        lines.append(
            PartnershipLine(
                partnership=p.id,
                name=p.name,
                form=p.form,
                phase=p.lifecycle.phase.value,
                kommuner=kommuner,
                regions=tuple(sorted({regions[k].region_name for k in kommuner if k in regions})),
                level=levels.get(p.id),
                errors=severities.get("error", none)[p.id],
                warnings=severities.get("warning", none)[p.id],
                infos=severities.get("info", none)[p.id],
                overdue=overdue[p.id],
            )
        )
    ranked = sorted(
        (line for line in lines if line.overdue), key=lambda x: (-x.overdue, x.partnership)
    )
    return National(
        as_of=as_of,
        partnerships=tuple(lines),
        counts=_counts(lines),
        areas=_areas(seen, lines),
        missing_sectors=_missing(seen, lines, as_of),
        funding=_funding(portfolio, as_of),
        overdue=tuple(ranked),
        rules=rules,
    )


def _findings(
    findings: Iterable[Finding],
) -> tuple[dict[str, Counter[str]], tuple[RuleCount, ...]]:
    """Each severity's findings per partnership, and the findings by rule, in one pass.

    The first is by severity's code, the second most first. Few objects besides the
    counts: at a country's scale every object kept costs the collector, and a default
    built for every finding costs as much as the count.
    """
    per: dict[Severity, Counter[str]] = {}
    counts: Counter[str] = Counter()
    severity: dict[str, Severity] = {}
    where: dict[str, set[str]] = {}
    for finding in findings:
        code, partnership, found = finding.code, finding.partnership, finding.severity
        counts[code] += 1
        if code not in severity:  # a rule's severity is that of its first finding
            severity[code] = found
            where[code] = set()
        if partnership is not None:
            where[code].add(partnership)
            tally = per.get(found)
            if tally is None:
                tally = per[found] = Counter()
            tally[partnership] += 1
    ranked = sorted(counts, key=lambda code: (-counts[code], code))
    rules = tuple(
        RuleCount(code, severity[code].value, counts[code], len(where[code])) for code in ranked
    )
    return {s.value: tally for s, tally in per.items()}, rules


def _counts(lines: Sequence[PartnershipLine]) -> tuple[CountLine, ...]:
    groups: dict[tuple[str, str], list[int]] = {}
    order = ("region", "kommune", "form", "phase", "level")
    for line in lines:
        values = {
            "region": line.regions or (NO_KOMMUNE,),
            "kommune": line.kommuner or (NO_KOMMUNE,),
            "form": (line.form,),
            "phase": (line.phase,),
            "level": (line.level or "",),
        }
        for group in order:
            for value in values[group]:
                tally = groups.setdefault((group, value), [0, 0])
                tally[0] += 1
                tally[1] += line.form == "strategic"
    keys = sorted(groups, key=lambda k: (order.index(k[0]), -groups[k][0], k[1]))
    return tuple(CountLine(g, v, *groups[(g, v)]) for g, v in keys)


def _areas(seen: Portfolio, lines: Sequence[PartnershipLine]) -> tuple[AreaOnList, ...]:
    forms = {line.partnership: line.form for line in lines}
    serving: dict[str, list[str]] = {}
    for p in seen.partnerships:
        for served in p.areas:
            serving.setdefault(served, []).append(p.id)
    # an area is on a list by its own classification or by the list's listing (D113)
    onto = {(a.id, c.category.value, c.list_date) for a in seen.areas for c in a.classifications}
    onto |= {(i.area, on.category, on.list_date) for on in seen.lists for i in on.listings}
    areas = {a.id: a for a in seen.areas}
    found = []
    for key, category, list_date in onto:
        area = areas.get(key)
        if area is None:  # a listing of an area the portfolio does not hold (S-rule's)
            continue
        here = tuple(sorted(serving.get(area.id, ())))
        strategic = tuple(p for p in here if forms.get(p) == "strategic")
        found.append(
            AreaOnList(area.id, area.name, area.municipality, category, list_date, here, strategic)
        )
    found.sort(key=lambda a: (a.list_date, a.category, a.kommune, a.area))
    return tuple(found)


def _missing(
    seen: Portfolio, lines: Sequence[PartnershipLine], as_of: pendulum.Date
) -> tuple[MissingSectors, ...]:
    sectors = {o.id: o.sector for o in seen.organisations}
    present: dict[str, set[Sector]] = {}
    count: Counter[str] = Counter()
    by_id = {p.id: p for p in seen.partnerships}
    for line in lines:
        active = {sectors.get(m.organisation) for m in by_id[line.partnership].members_on(as_of)}
        for kommune in line.kommuner or (NO_KOMMUNE,):
            present.setdefault(kommune, set()).update(s for s in active if s is not None)
            count[kommune] += 1
    return tuple(
        MissingSectors(k, count[k], tuple(s for s in CORE_SECTORS if s not in present[k]))
        for k in sorted(present)
    )


def _funding(portfolio: Portfolio, as_of: pendulum.Date) -> tuple[FundingYear, ...]:
    years: dict[int, list[Any]] = {}
    for end in funding_ends(portfolio, as_of=as_of):
        if end.on < as_of:
            continue
        tally = years.setdefault(end.on.year, [0, 0, set()])
        tally[0] += 1
        if end.cliff:
            tally[1] += 1
            tally[2].add(end.partnership)
    return tuple(
        FundingYear(year, t[0], t[1], tuple(sorted(t[2]))) for year, t in sorted(years.items())
    )


def national_frames(overview: National) -> dict[str, Any]:
    """The overview's tables as pandas DataFrames, one per attribute, by name.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'samarbejde[frames]'``).
    """
    from samarbejde.analysis.frames import records_frame  # noqa: PLC0415 - the frames extra

    names = ("partnerships", "counts", "areas", "missing_sectors", "funding", "overdue", "rules")
    return {name: records_frame(getattr(overview, name)) for name in names}
