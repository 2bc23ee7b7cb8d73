"""The nine maturity dimensions, each scored 0-3 from facts of the model.

Every function takes the portfolio and a partnership as recorded on ``as_of`` and
returns its score with the facts it read. ``docs/explanation/maturity.md`` states the
same rules in prose; keep the two together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from samarbejde.analysis.funding import lifecycle_until
from samarbejde.changes import name_of
from samarbejde.model.approximate import first_day, may_be_by
from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import FundingKind, Sector, StrategicPhase
from samarbejde.model.funding import promises_money, same_money
from samarbejde.model.involvement import first_by_sector
from samarbejde.model.lifecycles import StrategicLifecycle
from samarbejde.model.partnerships import Partnership
from samarbejde.model.phrasing import definite, listing
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.terms import add_duration
from samarbejde.model.text import Lang, Phrase, Text, cadence
from samarbejde.model.unknown import UNKNOWN

#: Funding that does not run out with a grant: budgets and contributions in kind.
BASE_FUNDING = frozenset(
    {FundingKind.MUNICIPAL_BUDGET, FundingKind.HOUSING_BUDGET, FundingKind.IN_KIND}
)
#: How far ahead funding should reach (capped by the lifecycle's planned end).
FUNDING_OUTLOOK = pendulum.duration(years=3)

_TEXTS: dict[str, Text] = {
    "no_area": Text("maturity.no_area"),
    "areas": Text("maturity.areas"),
    "unknown_areas": Text("maturity.unknown_areas"),
    "listed": Text("maturity.listed"),
    "municipalities": Text("maturity.municipalities"),
    "anchors": Text("maturity.anchors"),
    "no_anchor": Text("maturity.no_anchor"),
    "binding_agreements": Text("maturity.binding_agreements"),
    "no_binding_agreement": Text("maturity.no_binding_agreement"),
    "other_agreements": Text("maturity.other_agreements"),
    "agreed": Text("maturity.agreed"),
    "span": Text("maturity.span"),
    "open_ended": Text("maturity.open_ended"),
    "running": Text("maturity.running"),
    "ended": Text("maturity.ended"),
    "sectors": Text("maturity.sectors"),
    "cutoff": Text("maturity.cutoff"),
    "early": Text("maturity.early"),
    "late": Text("maturity.late"),
    "absent": Text("maturity.absent"),
    "vision": Text("maturity.vision"),
    "no_vision": Text("maturity.no_vision"),
    "goals": Text("maturity.goals"),
    "members": Text("maturity.members"),
    "contributors": Text("maturity.contributors"),
    "top_share": Text("maturity.top_share"),
    "no_funding": Text("maturity.no_funding"),
    "funders": Text("maturity.funders"),
    "base": Text("maturity.base"),
    "money_not_funding": Text("maturity.money_not_funding"),
    "grants_only": Text("maturity.grants_only"),
    "funded_open": Text("maturity.funded_open"),
    "funded_until": Text("maturity.funded_until"),
    "cadence": Text("maturity.cadence"),
    "no_cadence": Text("maturity.no_cadence"),
    "reviews": Text("maturity.reviews"),
    "next_review": Text("maturity.next_review"),
    "review_overdue": Text("maturity.review_overdue"),
    "project_form": Text("maturity.project_form"),
    "meets": Text("maturity.meets"),
    "capped": Text("maturity.capped"),
    "no_horizon": Text("maturity.no_horizon"),
    "horizon_unknown": Text("maturity.horizon_unknown"),
    "phase_unknown": Text("maturity.phase_unknown"),
    "event": Text("maturity.event"),
}
_PROMISE = Text("maturity.promise")
_CHALLENGE = Text("maturity.challenge")


@attrs.frozen
class Fact:
    """One fact behind a score: a template key and its values.

    Attributes:
        key: The template's key.
        values: The values the template refers to.
    """

    key: str
    values: Mapping[str, Any] = attrs.field(factory=dict)

    def text(self, lang: Lang) -> str:
        """The fact as a sentence in ``lang``."""
        return _TEXTS[self.key].format(lang, **self.values)


def fact(key: str, **values: Any) -> Fact:
    """Make a :class:`Fact` from a template key and its values."""
    return Fact(key, values)


#: A dimension's score (``None``: not assessed, its evidence is unknown) and its facts.
Score = tuple[int | None, list[Fact]]


def _called(find: Callable[[str], object], key: str) -> str:
    """The name of the record ``find`` gives for ``key`` (``portfolio.area``), or ``key``."""
    try:
        return name_of(find(key))
    except KeyError:  # not described: the id is all there is
        return key


def _names(portfolio: Portfolio, organisations: Iterable[str]) -> Phrase:
    """Organisations by their names, as one listing."""
    return listing(_called(portfolio.organisation, o) for o in organisations)


def _promise(portfolio: Portfolio, c: Commitment) -> Phrase:
    """A commitment as a reader knows it: its id and who made it."""
    return Phrase.of(_PROMISE, id=c.id, by=_called(portfolio.organisation, c.by))


def _years(start: pendulum.Date, end: pendulum.Date) -> Decimal:
    # a Decimal, so evidence writes it as the language does (12 år, 4,4 år; never 12.0)
    return round(Decimal(end.toordinal() - start.toordinal()) / Decimal("365.25"), 1)


def place_specific(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    """Named areas, one municipality, and a local anchor; the areas' lists as evidence."""
    if not p.areas:
        return 0, [fact("no_area")]
    facts = [fact("areas", areas=listing(_called(portfolio.area, a) for a in p.areas))]
    served = frozenset(p.areas)
    known = [a for a in portfolio.areas if a.id in served]
    known_ids = frozenset(a.id for a in known)
    unknown = tuple(a for a in p.areas if a not in known_ids)
    municipalities = {a.municipality for a in known}
    listed = tuple(
        f"{a.id} ({', '.join(held)})"
        for a in known
        if (held := portfolio.categories_on(a.id, as_of))  # lists and its own (D113)
    )
    if listed:
        facts.append(fact("listed", on=as_of, areas=listed))
    if unknown:
        return 1, [*facts, fact("unknown_areas", areas=listing(unknown))]
    if len(municipalities) > 1:
        return 1, [*facts, fact("municipalities", n=len(municipalities))]
    anchors = _anchors(portfolio, p, as_of)
    if anchors:
        return 3, [*facts, fact("anchors", anchors=listing(anchors))]
    return 2, [*facts, fact("no_anchor")]


def _anchors(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> tuple[object, ...]:
    anchors: list[object] = []
    served = frozenset(p.areas)
    for member in p.members_on(as_of):
        try:
            organisation = portfolio.organisation(member.organisation)
        except KeyError:
            continue
        anchors.extend(
            f"{organisation.name} \u2013 {entry.post}"
            for entry in organisation.entry_points
            if not served.isdisjoint(entry.covers)
        )
    anchors.extend(_promise(portfolio, c) for c in p.commitments if c.kind == "local_presence")
    anchors.extend(
        Phrase.of(_CHALLENGE, title=name_of(c)) for c in p.challenges if len(c.identified_by) >= 2
    )
    return tuple(anchors)


def binding(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    """A signed binding agreement, and commitments that were agreed, not only pledged."""
    signed = tuple(a.id for a in p.agreements if a.binding and a.signed)
    signed_ids = frozenset(signed)
    others = tuple(a.id for a in p.agreements if a.id not in signed_ids)
    agreed = sum(1 for c in p.commitments if c.is_binding)
    total = len(p.commitments)
    facts = [
        fact("binding_agreements", ids=signed) if signed else fact("no_binding_agreement"),
        fact("agreed", agreed=agreed, total=total),
    ]
    if others:
        facts.append(fact("other_agreements", ids=others))
    if signed and total and agreed * 2 >= total:
        return 3, facts
    if signed or agreed:
        return 2, facts
    if others or total:
        return 1, facts
    return 0, facts


def long_lasting(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    """The planned span from the first lifecycle's start, and how long it has run.

    An unknown horizon is not assessed; a horizon not recorded is no evidence of a
    long-term plan: the span is read from the running time alone, at most 2 (D76).
    """
    first = p.lifecycles[0].started
    until = lifecycle_until(p)
    running = _years(first, as_of)
    if until is UNKNOWN:
        return None, [fact("horizon_unknown"), fact("running", years=running)]
    facts = [
        fact("no_horizon") if until is None else fact("span", years=_years(first, until)),
        fact("running", years=running),
    ]
    span = None if until is None else _years(first, until)
    if span is not None and span < 2:
        score = 0
    elif span is not None and span < 5:
        score = 1
    elif until is None:
        score = 1 if running < 3 else 2
    elif running < 3:
        score = 2
    else:
        score = 3
    ended = p.lifecycle.ended
    if ended is not None:
        facts.append(fact("ended", on=ended))
        score = min(score, 1)
    return score, facts


def _sectors(
    portfolio: Portfolio, p: Partnership, as_of: pendulum.Date | None = None
) -> dict[str, Sector]:
    """Sector by member organisation: those active ``as_of``, or all in the record."""
    sectors: dict[str, Sector] = {}
    for member in p.members if as_of is None else p.members_on(as_of):
        try:
            sectors[member.organisation] = portfolio.organisation(member.organisation).sector
        except KeyError:
            continue
    return sectors


def _sector_of(portfolio: Portfolio, organisation: str) -> Sector | None:
    """The sector of ``organisation``, or ``None`` when the portfolio does not describe it."""
    try:
        return portfolio.organisation(organisation).sector
    except KeyError:
        return None


def sectors(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    """The number of sectors among the active members."""
    present = set(_sectors(portfolio, p, as_of).values())
    ordered = tuple(s for s in Sector if s in present)
    count = len(ordered)
    score = 0 if count <= 1 else 1 if count == 2 else 2 if count == 3 else 3
    return score, [fact("sectors", n=count, sectors=listing(ordered))]


def early_cutoff(p: Partnership, as_of: pendulum.Date) -> pendulum.Date | None:
    """The last day that counts as *early*: the end of exploring, or a project's start.

    ``None`` when the early history is unknown (design decision D112): when exploring
    ended cannot be told.
    """
    first = p.lifecycles[0]
    if isinstance(first, StrategicLifecycle):
        if first.phases[0].phase is UNKNOWN:
            return None
        later = [c.on for c in first.phases if c.phase is not StrategicPhase.EXPLORING]
        return first_day(later[0]) if later else as_of
    return first.started


def early_involvement(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    """Whether civil society and business were at the table from the start.

    Not assessed when the early phases are unknown (D77, D112).
    """
    cutoff = early_cutoff(p, as_of)
    if cutoff is None:
        return None, [fact("phase_unknown")]
    sectors_of = _sectors(portfolio, p)
    events = first_by_sector(p.involvement, lambda o: _sector_of(portfolio, o))
    facts = [fact("cutoff", on=cutoff)]
    present = early = 0
    for sector in (Sector.CIVIL_SOCIETY, Sector.BUSINESS):
        members = [m for m in p.members if sectors_of.get(m.organisation) is sector]
        event = events.get(sector)
        if event is not None:
            called = definite(sector)
            facts.append(fact("event", sector=called, event=name_of(event), on=event.held_on))
        if not members and event is None:
            facts.append(fact("absent", sector=definite(sector)))
            continue
        present += 1
        first = tuple(m.organisation for m in members if may_be_by(m.joined, cutoff))
        at_an_early_event = event is not None and event.held_on <= cutoff
        if first or at_an_early_event:
            early += 1
        if first:
            facts.append(fact("early", sector=definite(sector), ids=_names(portfolio, first)))
        elif not at_an_early_event:
            ids = tuple(m.organisation for m in members)
            later = (
                _names(portfolio, ids)
                if ids
                else listing(() if event is None else (name_of(event),))
            )
            facts.append(fact("late", sector=definite(sector), ids=later))
    score = 0 if not present else 1 + early
    return score, facts


def shared_vision(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    """A vision agreed together, and goals that can be measured."""
    vision, goals = p.vision, p.goals
    measurable = [g for g in goals if g.indicator is not None and g.target is not None]
    full = [g for g in measurable if g.baseline is not None]
    facts = [
        fact("no_vision")
        if vision is None
        else fact("vision", on=vision.agreed_on, n=len(vision.agreed_by)),
        fact("goals", measurable=len(measurable), full=len(full), total=len(goals)),
    ]
    if vision is None and not goals:
        return 0, facts
    if vision is not None and len(vision.agreed_by) >= 2 and goals and len(full) == len(goals):
        return 3, facts
    if vision is not None and measurable:
        return 2, facts
    return 1, facts


def ownership(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    """How widely commitments and goal ownership are spread over the members."""
    members = {m.organisation for m in p.members_on(as_of)}
    facts = [fact("members", n=len(members))]
    makers = Counter(c.by for c in p.commitments if c.by in members)
    owners = {o for g in p.goals for o in g.owners if o in members}
    contributors = set(makers) | owners
    facts.append(fact("contributors", n=len(contributors), total=len(members)))
    total = sum(makers.values())
    top_share = 0.0
    if total:
        organisation, most = sorted(makers.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        top_share = most / total
        called = _called(portfolio.organisation, organisation)
        facts.append(fact("top_share", organisation=called, share=round(100 * top_share)))
    if len(members) < 2 or not contributors:
        return 0, facts
    if top_share > 0.5 or len(contributors) * 2 < len(members):
        return 1, facts
    return (3 if contributors == members else 2), facts


def funding(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    """Several funders, base funding beside grants, and money that reaches far enough.

    Only funding records count. Commitments of money are promises, not funding; those
    with no funding record of the same money (:func:`samarbejde.model.same_money`) are
    named in a fact, so that money left out is said, not silently missed (D50).
    """
    score, facts = _funding(portfolio, p, as_of)
    if score is None:
        return score, facts
    promised = sorted(
        (
            c
            for c in p.commitments
            if promises_money(c) and not any(same_money(c, f) for f in p.funding)
        ),
        key=lambda c: c.id,
    )
    if promised:
        said = listing(_promise(portfolio, c) for c in promised)
        facts.append(fact("money_not_funding", ids=said))
    return score, facts


def _funding(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    if not p.funding:
        return 0, [fact("no_funding")]
    funders = tuple(sorted({f.funder for f in p.funding}))
    base = tuple(k for k in FundingKind if k in {f.kind for f in p.funding} & BASE_FUNDING)
    facts = [
        fact("funders", n=len(funders), ids=_names(portfolio, funders)),
        fact("base", kinds=listing(base)) if base else fact("grants_only"),
    ]
    ends = [f.term.end for f in p.funding]
    outlook = add_duration(as_of, FUNDING_OUTLOOK)
    until = lifecycle_until(p)
    need = outlook if until is None or until is UNKNOWN else min(until, outlook)
    if any(end is None for end in ends):
        facts.append(fact("funded_open"))
        covered = True
    else:
        last = max(e for e in ends if e is not None)
        facts.append(fact("funded_until", on=last, need=need))
        covered = last >= need
    if not base or len(funders) < 2:
        return 1, facts
    if not covered and until is UNKNOWN:  # an earlier horizon's end might be covered
        return None, [*facts, fact("horizon_unknown")]
    return (3 if covered else 2), facts


def review_rhythm(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Score:
    """A review cadence that is kept, and governance that meets regularly."""
    rhythms = [(g, g.meets_every) for g in p.governance if g.meets_every is not None]
    bodies = [g for g, _ in rhythms]
    meets = [fact("meets", body=name_of(g), every=cadence(every)) for g, every in rhythms]
    lifecycle = p.lifecycle
    if not isinstance(lifecycle, StrategicLifecycle):
        return (1 if bodies else 0), [fact("project_form"), *meets]
    facts: list[Fact] = []
    every = lifecycle.review_every
    facts.append(fact("no_cadence") if every is None else fact("cadence", every=cadence(every)))
    if lifecycle.reviews:
        facts.append(fact("reviews", n=len(lifecycle.reviews), on=lifecycle.reviews[-1].on))
    due = lifecycle.next_review()
    overdue = due is not None and due < as_of and lifecycle.ended is None
    if due is not None:
        facts.append(fact("review_overdue" if overdue else "next_review", on=due))
    facts.extend(meets)
    if every is None and not lifecycle.reviews:
        return (1 if bodies else 0), facts
    if every is None or overdue:
        return 1, facts
    return (3 if lifecycle.reviews and bodies else 2), facts


#: The scoring function of each dimension, in the order of ``Dimension``.
SCORERS: tuple[Callable[[Portfolio, Partnership, pendulum.Date], Score], ...] = (
    place_specific,
    binding,
    long_lasting,
    sectors,
    early_involvement,
    shared_vision,
    ownership,
    funding,
    review_rhythm,
)


def score_all(portfolio: Portfolio, p: Partnership, as_of: pendulum.Date) -> Iterable[Score]:
    """Every dimension's score and facts, in the order of ``Dimension``."""
    return (score(portfolio, p, as_of) for score in SCORERS)
