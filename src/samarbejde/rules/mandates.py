"""M rules: mandates. Commitments are made by someone entitled to make them.

Which power a kind of commitment needs is policy; it is the table
:data:`COMMITMENT_POWERS`, the ``kind_powers`` parameter of rule M002.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

import pendulum

from samarbejde.model.codes import COMMITMENT_POWERS
from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import CommitmentStatus, MandateLevel, Power
from samarbejde.model.funding import same_money
from samarbejde.model.phrasing import listing
from samarbejde.model.text import Phrase
from samarbejde.model.unknown import UNKNOWN
from samarbejde.rules._families import MANDATES, defined_rules
from samarbejde.rules._findings import Related, Severity
from samarbejde.rules._hits import Hit, hit
from samarbejde.rules._index import PartnershipIndex
from samarbejde.rules._rule import RuleContext
from samarbejde.rules._scopes import LIVE_STRATEGIC
from samarbejde.rules._text import OPEN, Words, code_words

__all__ = ["CORE_ROLES", "MANDATE_RULES"]

#: Roles that make a member part of a strategic partnership's core (rule M005).
CORE_ROLES: tuple[str, ...] = ("lead", "backbone", "partner", "bridge_builder", "funder")

_NOTHING = Words("rules.nothing")
_GIVEN = frozenset({CommitmentStatus.PLEDGED, CommitmentStatus.AGREED})


def _given_on(c: Commitment) -> pendulum.Date:
    """The day a commitment was given: its first pledged or agreed entry, else when made."""
    for change in c.status:
        if change.status in _GIVEN:
            return change.on
    return c.made_on


@MANDATES.rule(
    "M001",
    "commitment-without-mandate",
    severity=Severity.WARNING,
    rationale="A commitment is only as strong as the authority behind it. Naming the mandate "
    "it was made under shows that the representative could commit the organisation. "
    "Commitments still only proposed, and withdrawn ones, are not counted.",
)
def without_mandate(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments given (beyond proposed) that name no mandate."""
    for c in part.partnership.commitments:
        if c.mandate is None and c.current not in (
            CommitmentStatus.PROPOSED,
            CommitmentStatus.WITHDRAWN,
        ):
            yield hit(
                part.commitment_path(c.id),
                c.id,
                commitment=c.id,
                by=ctx.index.organisation_name(c.by),
            )


@MANDATES.rule(
    "M002",
    "kind-outside-powers",
    params={"kind_powers": COMMITMENT_POWERS},
    rationale="A mandate lists what its holder may commit the organisation to. A commitment "
    "of a kind the mandate does not cover was made without authority. The parameter "
    "`kind_powers` maps each kind of commitment to the power it needs.",
)
def kind_outside_powers(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments of a kind that their mandate's powers do not cover."""
    table: Mapping[str, Power] = ctx.params["kind_powers"]
    for c, mandate in part.under_own_mandate:
        power = table.get(c.kind)
        if power is not None and power not in mandate.powers:
            yield hit(
                f"{part.commitment_path(c.id)}.kind",
                c.id,
                commitment=c.id,
                kind=code_words(c.kind),
                power=power,
                mandate=c.mandate,
            )


@MANDATES.rule(
    "M003",
    "above-ceiling",
    rationale="A mandate's ceiling caps the money its holder may commit. The sum of the "
    "member's commitments in DKK under the mandate (not withdrawn or superseded) must stay "
    "within it. Commitments are counted in DKK; a ceiling in another currency is not "
    "converted (the library has no exchange rates) and rule M006 says so instead.",
)
def above_ceiling(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Mandates whose DKK commitments add up to more than their ceiling."""
    counted = part.money_by_mandate
    for mandate_id, commitments in counted.items():
        held = part.mandates.get(mandate_id)
        if held is None:
            continue
        member, mandate = held
        ceiling = mandate.ceiling
        if ceiling is None or ceiling.currency != "DKK" or ceiling.amount is UNKNOWN:
            continue
        # Unknown amounts count as nothing: the rule fires only when the known ones are
        # already above the ceiling (amounts are never negative), whatever the rest is.
        total = sum(
            (c.quantity.amount for c in commitments if c.quantity.amount is not UNKNOWN),
            Decimal(0),
        )
        if total > ceiling.amount:
            yield hit(
                f"{part.member_path(member.organisation)}.mandates[{mandate_id}].ceiling",
                mandate_id,
                holder=ctx.index.organisation_name(member.organisation),
                total=total,
                mandate=mandate_id,
                ceiling=ceiling.amount,
            ).relating(*_summands(part, commitments))


def _summands(part: PartnershipIndex, commitments: list[Commitment]) -> Iterator[Related]:
    """The commitments that add up to a total, as related locations (M003)."""
    for c in commitments:
        yield Related(part.commitment_path(c.id), f"{c.id}: {c.quantity.amount} DKK")


@MANDATES.rule(
    "M004",
    "outside-mandate-term",
    rationale="A mandate authorises commitments only while it is in force: inside its term "
    "and before it is revoked. The day a commitment is given is its first pledged or agreed "
    "status (or the day it was proposed).",
)
def outside_mandate_term(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Commitments given when their mandate was not in force."""
    for c, mandate in part.under_own_mandate:
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


@MANDATES.rule(
    "M005",
    "core-member-without-strategic-mandate",
    severity=Severity.WARNING,
    scope=LIVE_STRATEGIC,
    params={"core_roles": CORE_ROLES},
    rationale="In a strategic partnership the core members set direction together. Their "
    "representatives need a strategic-level mandate, or every decision waits for the "
    "organisation behind them. The parameter `core_roles` lists the core roles.",
)
def core_without_strategic_mandate(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Core members of live strategic partnerships without a strategic-level mandate."""
    core = frozenset(ctx.params["core_roles"])
    for m in part.partnership.members:
        if m.left is not None or m.role is UNKNOWN or m.role not in core:
            continue
        if not any(x.level is MandateLevel.STRATEGIC for x in m.mandates):
            yield hit(
                part.member_path(m.organisation),
                m.organisation,
                organisation=ctx.index.organisation_name(m.organisation),
                role=code_words(m.role),
            )


@MANDATES.rule(
    "M006",
    "currency-not-comparable",
    severity=Severity.WARNING,
    rationale="Rule M003 adds up a mandate's commitments of money, which are in DKK, and "
    "compares the sum with the mandate's ceiling. The library has no exchange rates (no "
    "clock, no network), so a ceiling in another currency cannot be compared: this rule "
    "says so rather than letting the check pass in silence. State the ceiling in DKK.",
)
def currency_not_comparable(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """Mandates with a ceiling in a currency other than DKK and money committed under them."""
    for mandate_id, commitments in part.money_by_mandate.items():
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


@MANDATES.rule(
    "M007",
    "money-promised-twice",
    severity=Severity.INFO,
    rationale="A member's promise of money (a commitment in DKK) and a funding record can "
    "describe the same money: the municipality commits its budget line in the agreement, "
    "and the budget line is also recorded as funding. The funding analysis counts funding "
    "records only, so the money is counted once; a sum of commitments and funding counts "
    "it twice. The pair is likely the same money when the funder made the commitment, the "
    "funding is in DKK of the same amount, and the terms overlap.",
)
def money_promised_twice(ctx: RuleContext, part: PartnershipIndex) -> Iterator[Hit]:
    """A money commitment and a funding record that likely describe the same money."""
    for c in part.money:  # same_money holds only for a commitment that promises money
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


#: The mandate rules: those this module defines, in code order.
MANDATE_RULES = defined_rules(globals())
