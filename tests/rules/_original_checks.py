"""The checks as they were before the rules shared indexes (D53, commit f03882f).

Only the checks that D53 rewrote are kept here, bodies unchanged but for the
message values that name records by their names (D111); their helpers, words and
message templates are the rules' own, so nothing but the walk is written twice.
tests/rules/test_reference.py runs them in place of the built-in checks and requires the
same findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal

from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import Power
from samarbejde.model.funding import promises_money, same_money
from samarbejde.model.phrasing import listing
from samarbejde.model.text import Phrase
from samarbejde.rules import Related, RuleContext
from samarbejde.rules._hits import Hit, hit
from samarbejde.rules._index import PartnershipIndex
from samarbejde.rules._text import OPEN, Words, code_words
from samarbejde.rules.mandates import _NOTHING, _given_on, _summands
from samarbejde.rules.structure import _SIDES


def _counted_dkk(part: PartnershipIndex) -> dict[str, list[Commitment]]:
    """Commitments of money (DKK, not withdrawn or superseded) by the mandate they name."""
    found: dict[str, list[Commitment]] = {}
    for c in part.partnership.commitments:
        if c.mandate is not None and promises_money(c):
            found.setdefault(c.mandate, []).append(c)
    return found


def kind_outside_powers(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments of a kind that their mandate's powers do not cover."""
    table: Mapping[str, Power] = ctx.params["kind_powers"]
    for c in part.partnership.commitments:
        held = None if c.mandate is None else part.mandates.get(c.mandate)
        power = table.get(c.kind)
        if held is None or power is None or held[0].organisation != c.by:
            continue
        if power not in held[1].powers:
            yield hit(
                f"{part.commitment_path(c.id)}.kind",
                c.id,
                commitment=c.id,
                kind=code_words(c.kind),
                power=power,
                mandate=c.mandate,
            )


def above_ceiling(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Mandates whose DKK commitments add up to more than their ceiling."""
    counted = _counted_dkk(part)
    totals = {  # unknown amounts count as nothing (D75, the one change since f03882f)
        mandate: sum((c.quantity.amount for c in commitments if c.quantity.known), Decimal(0))
        for mandate, commitments in counted.items()
    }
    for mandate_id, total in totals.items():
        held = part.mandates.get(mandate_id)
        if held is None:
            continue
        member, mandate = held
        ceiling = mandate.ceiling
        if (
            ceiling is not None
            and ceiling.currency == "DKK"
            and ceiling.known
            and total > ceiling.amount
        ):
            yield hit(
                f"{part.member_path(member.organisation)}.mandates[{mandate_id}].ceiling",
                mandate_id,
                holder=ctx.index.organisation_name(member.organisation),
                total=total,
                mandate=mandate_id,
                ceiling=ceiling.amount,
            ).relating(*_summands(part, counted[mandate_id]))


def outside_mandate_term(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments given when their mandate was not in force."""
    for c in part.partnership.commitments:
        held = None if c.mandate is None else part.mandates.get(c.mandate)
        if held is None or held[0].organisation != c.by:
            continue
        mandate = held[1]
        given_on = _given_on(c)
        if not mandate.in_force(given_on):
            yield hit(
                f"{part.commitment_path(c.id)}.mandate",
                c.id,
                commitment=c.id,
                given_on=given_on,
                mandate=mandate.id,
                start=mandate.term.start,
                end=OPEN if mandate.term.end is None else mandate.term.end,
                revoked=_NOTHING
                if mandate.revoked is None
                else Phrase.of(Words("rules.revoked"), on=mandate.revoked),
            )


def currency_not_comparable(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Mandates with a ceiling in a currency other than DKK and money committed under them."""
    for mandate_id, commitments in _counted_dkk(part).items():
        held = part.mandates.get(mandate_id)
        if held is None:
            continue
        member, mandate = held
        if mandate.ceiling is not None and mandate.ceiling.currency != "DKK":
            yield hit(
                f"{part.member_path(member.organisation)}.mandates[{mandate_id}].ceiling.currency",
                mandate_id,
                mandate=mandate_id,
                holder=ctx.index.organisation_name(member.organisation),
                currency=mandate.ceiling.currency,
                commitments=listing(sorted(c.id for c in commitments)),
            ).relating(*_summands(part, commitments))


def money_promised_twice(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """A money commitment and a funding record that likely describe the same money."""
    for c in part.partnership.commitments:
        for f in part.partnership.funding:
            if same_money(c, f):
                yield hit(
                    part.commitment_path(c.id),
                    c.id,
                    commitment=c.id,
                    by=ctx.index.organisation_name(c.by),
                    amount=c.quantity.amount,
                    funding=f.id,
                ).relating(
                    Related(f"{part.path}.funding[{f.id}]", f"{f.id}: {f.amount.amount} DKK")
                )


def unknown_member(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments made by or to organisations that are not members."""
    for c in part.partnership.commitments:
        for field, org_id in (("by", c.by), ("to", c.to)):
            if org_id is not None and org_id not in part.members:
                yield hit(
                    f"{part.commitment_path(c.id)}.{field}",
                    c.id,
                    commitment=c.id,
                    organisation=ctx.index.organisation_name(org_id),
                    field=_SIDES[field],
                )


def commitment_outside_lifetime(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments made before the partnership began or after it ended."""
    start, end = part.started, part.ended
    for c in part.partnership.commitments:
        if c.made_on < start or (end is not None and c.made_on > end):
            yield hit(
                f"{part.commitment_path(c.id)}.status[0]",
                c.id,
                commitment=c.id,
                made_on=c.made_on,
                start=start,
                end=OPEN if end is None else end,
            )


def fulfilment_outside_status(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Fulfilments before the commitment was made or after its final status."""
    for c in part.partnership.commitments:
        final_on = c.status[-1].on if c.is_final else None
        for number, f in enumerate(c.fulfilments):
            if f.on < c.made_on or (final_on is not None and f.on > final_on):
                yield hit(
                    f"{part.commitment_path(c.id)}.fulfilments[{number}]",
                    c.id,
                    commitment=c.id,
                    fulfilled_on=f.on,
                    made_on=c.made_on,
                    final_on=OPEN if final_on is None else final_on,
                )


#: The original checks by rule code.
ORIGINAL_CHECKS: Mapping[str, Callable[..., Iterator[Hit]]] = {
    "S003": unknown_member,
    "S012": commitment_outside_lifetime,
    "S016": fulfilment_outside_status,
    "M002": kind_outside_powers,
    "M003": above_ceiling,
    "M004": outside_mandate_term,
    "M006": currency_not_comparable,
    "M007": money_promised_twice,
}
