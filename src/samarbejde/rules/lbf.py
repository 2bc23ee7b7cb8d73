"""LBF rules: what Landsbyggefonden's rules for 2019-26 say of a boligsocial helhedsplan.

The ``lbf-2019-26`` profile (design decision D94) checks partnerships with a grant from
Landsbyggefonden that starts in 2019-26: local co-financing, the length of an indsats,
the themes (indsatsområder) and the bestyrelse. Every threshold comes from the shipped
data (``rules/data``, see its ``PROVENANCE-lbf.md``), with its source in the rationale.
The bestyrelse check reads today's governance bodies (kind ``board``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pendulum

from samarbejde.changes import name_of
from samarbejde.model.enums import GovernanceKind, Sector
from samarbejde.model.funding import Funding
from samarbejde.model.terms import add_duration
from samarbejde.model.unknown import Unknown
from samarbejde.rules._families import LBF, defined_rules
from samarbejde.rules._findings import Related
from samarbejde.rules._hits import Hit, hit
from samarbejde.rules._index import PartnershipIndex
from samarbejde.rules._lbf_data import lbf_period
from samarbejde.rules._rule import RuleContext
from samarbejde.rules._text import Words

__all__ = ["LBF_RULES"]

_PERIOD = lbf_period()
_SOURCE = "https://www.lbf.dk/boligsociale-indsatser/organisation-og-oekonomiske-rammer/"
_DATA = "lbf-funding-periods.csv, row 2019-2026"
#: The ids of Landsbyggefonden in a portfolio, unless configured; an organisation named
#: Landsbyggefonden counts too.
_FUNDERS: tuple[str, ...] = ("landsbyggefonden", "lbf")


def _grants(ctx: RuleContext, part: PartnershipIndex) -> list[Funding]:
    """The partnership's grants from Landsbyggefonden that start in 2019-26."""
    ids = set(ctx.params["funders"])
    found = []
    for funding in part.partnership.funding:
        organisation = ctx.index.organisations.get(funding.funder)
        named = organisation is not None and organisation.name.casefold() == "landsbyggefonden"
        if (funding.funder in ids or named) and _PERIOD.first <= funding.term.start <= _PERIOD.last:
            found.append(funding)
    return found


@LBF.rule(
    "LBF001",
    "local-co-financing",
    params={"funders": _FUNDERS, "min_percent": int(_PERIOD.min_local_cofinancing * 100)},
    rationale="Landsbyggefonden funds a boligsocial indsats of 2019-26 only with at least 25 % "
    f"local co-financing (the data's min_local_cofinancing_pct; {_DATA}; source {_SOURCE}, "
    "verified). Local money is every other funding of the partnership inside the grant's "
    "term, by its periods or by days; the share is of the whole (LBF's and local). A grant "
    "with local money that cannot be placed in time (open-ended, no periods) is not judged. "
    "`funders` names Landsbyggefonden's ids; `min_percent` the least share.",
)
def local_co_financing(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """LBF grants with less local co-financing than the least share."""
    least = Decimal(ctx.params["min_percent"])
    grants = _grants(ctx, part)
    for grant in grants:
        amount = grant.amount.amount
        if grant.term.end is None or grant.amount.currency != "DKK" or isinstance(amount, Unknown):
            continue  # an open-ended or unknown grant gives no verdict
        others = [
            f for f in part.partnership.funding if f not in grants and f.term.overlaps(grant.term)
        ]
        placed = [f.amount_in(grant.term) for f in others]
        if any(a is None for a in placed) or any(f.amount.currency != "DKK" for f in others):
            continue
        local = sum((a for a in placed if a is not None), Decimal(0))
        whole = amount + local
        if whole == 0 or local * 100 >= least * whole:
            continue
        share = (local * 100 / whole).quantize(Decimal("0.1"))
        yield hit(
            f"{part.path}.funding[{grant.id}]",
            grant.id,
            funding=grant.id,
            share=share,
            min_percent=ctx.params["min_percent"],
        ).relating(*(Related(f"{part.path}.funding[{f.id}]", f.id) for f in others))


@LBF.rule(
    "LBF002",
    "indsats-length",
    params={"funders": _FUNDERS, "years": _PERIOD.years},
    rationale="A boligsocial indsats funded by Landsbyggefonden in 2019-26 is a locally "
    f"anchored effort of 4 years (the data's typical_duration_years; {_DATA}; source "
    "https://www.lbf.dk/boligsociale-indsatser/, verified); what goes on after needs a new "
    "application, best recorded as a new plan period and grant. `years` sets the length.",
)
def indsats_length(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """LBF grants longer than an indsats, or open-ended."""
    years = int(ctx.params["years"])
    for grant in _grants(ctx, part):
        end = grant.term.end
        limit = add_duration(grant.term.start, pendulum.duration(years=years)).subtract(days=1)
        if end is None or end > limit:
            yield hit(
                f"{part.path}.funding[{grant.id}].term",
                grant.id,
                funding=grant.id,
                start=grant.term.start,
                end=Words("rules.open_ended") if end is None else end,
                years=years,
            )


@LBF.rule(
    "LBF003",
    "indsats-themes",
    params={"funders": _FUNDERS, "themes": _PERIOD.themes},
    rationale="A helhedsplan of 2019-26 works in LBF's four indsatsområder: Uddannelse og "
    "livschancer, Beskæftigelse, Kriminalitetsforebyggelse, Sammenhængskraft og "
    "medborgerskab (lbf-indsatsomraader.csv, period 2019-2026; source "
    "https://www.lbf.dk/boligsociale-indsatser/, verified). Plan periods that overlap an "
    "LBF grant are checked, theme by theme, as written; `themes` lists the indsatsområder.",
)
def indsats_themes(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Themes of plan periods under an LBF grant that are not LBF's indsatsområder."""
    allowed = set(ctx.params["themes"])
    grants = _grants(ctx, part)
    for period in part.partnership.periods:
        if not any(g.term.overlaps(period.term) for g in grants):
            continue
        for theme in period.themes:
            if theme not in allowed:
                yield hit(
                    f"{part.path}.periods[{period.id}].themes",
                    period.id,
                    period=name_of(period),
                    theme=theme,
                )


@LBF.rule(
    "LBF004",
    "lbf-bestyrelse",
    params={"funders": _FUNDERS},
    rationale="Landsbyggefonden requires a local bestyrelse of the top administrative "
    "leaders of the kommune and the boligorganisationer for an indsats of 2019-26 (NOTES.md "
    f"of the shared data; source {_SOURCE}, verified; for 2015-18 the data's "
    "reporting_and_monitoring column says the same). It is read as a governance body of "
    "kind board with a member of each sector.",
)
def lbf_bestyrelse(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Partnerships with an LBF grant and no board of kommune and boligorganisation."""
    grants = _grants(ctx, part)
    if not grants:
        return
    for body in part.partnership.governance:
        if body.kind != GovernanceKind.BOARD:  # an open code since D87: compared as text
            continue
        sectors = set()
        for member in body.organisations:  # members and the seats held by organisations
            organisation = ctx.index.organisations.get(member)
            if organisation is not None:
                sectors.add(organisation.sector)
        if {Sector.MUNICIPALITY, Sector.HOUSING} <= sectors:
            return
    yield hit(f"{part.path}.governance", part.partnership.id, funding=grants[0].id)


LBF_RULES = defined_rules(globals())
