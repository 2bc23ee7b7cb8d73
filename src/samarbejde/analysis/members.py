"""Questions about members: who carries the load, and who commits without a mandate."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

import attrs
import pendulum

from samarbejde.model import days
from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import CommitmentStatus, Power, Sector, Unit
from samarbejde.model.mandates import Mandate
from samarbejde.model.memberships import Membership
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.unknown import UNKNOWN
from samarbejde.rules import COMMITMENT_POWERS

__all__ = [
    "GapReason",
    "MandateCoverage",
    "MandateGap",
    "MemberLoad",
    "mandate_coverage",
    "member_load",
]

_LAPSED = frozenset({CommitmentStatus.WITHDRAWN, CommitmentStatus.SUPERSEDED})


@attrs.frozen
class MemberLoad:
    """What one organisation carries across the portfolio on a day.

    Attributes:
        organisation: The organisation's id.
        sector: Its sector; ``None`` when it is not an organisation of the portfolio.
        partnerships: Ids of the partnerships it is an active member of, sorted.
        commitments: The number of commitments it has made in them.
        open_commitments: How many of those are not yet in a final status.
        mandates: The number of mandates its representatives hold in them.
    """

    organisation: str
    sector: Sector | None
    partnerships: tuple[str, ...]
    commitments: int
    open_commitments: int
    mandates: int


def member_load(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[MemberLoad, ...]:
    """Partnerships, commitments and mandates per member organisation on ``as_of``.

    Returns:
        One record per organisation that is an active member somewhere, heaviest
        first: by commitments, then partnerships, then mandates, then id.
    """
    as_of = days.day(as_of, "as_of")
    where: dict[str, list[str]] = {}
    made: dict[str, int] = {}
    still_open: dict[str, int] = {}
    mandates: dict[str, int] = {}
    for partnership in portfolio.as_of(as_of).partnerships:
        for member in partnership.members_on(as_of):
            where.setdefault(member.organisation, []).append(partnership.id)
            mandates[member.organisation] = mandates.get(member.organisation, 0) + len(
                member.mandates
            )
        active = {m.organisation for m in partnership.members_on(as_of)}
        for commitment in partnership.commitments:
            if commitment.by in active:
                made[commitment.by] = made.get(commitment.by, 0) + 1
                if not commitment.is_final:
                    still_open[commitment.by] = still_open.get(commitment.by, 0) + 1
    found = [
        MemberLoad(
            organisation=organisation,
            sector=_sector(portfolio, organisation),
            partnerships=tuple(sorted(ids)),
            commitments=made.get(organisation, 0),
            open_commitments=still_open.get(organisation, 0),
            mandates=mandates[organisation],
        )
        for organisation, ids in where.items()
    ]
    found.sort(key=lambda m: (-m.commitments, -len(m.partnerships), -m.mandates, m.organisation))
    return tuple(found)


def _sector(portfolio: Portfolio, organisation: str) -> Sector | None:
    try:
        return portfolio.organisation(organisation).sector
    except KeyError:
        return None


class GapReason(str, Enum):
    """Why a commitment is not covered by a mandate of the member that made it."""

    NO_MANDATE = "no_mandate"
    """The commitment names no mandate."""
    UNKNOWN_MANDATE = "unknown_mandate"
    """The mandate it names is not held by the member that made it."""
    NOT_IN_FORCE = "not_in_force"
    """The mandate was outside its term, or revoked, on the day the commitment was made."""
    LACKS_POWER = "lacks_power"
    """The mandate does not include the power the commitment's kind needs."""
    ABOVE_CEILING = "above_ceiling"
    """Funding committed under the mandate adds up to more than its ceiling."""
    CEILING_NOT_COMPARABLE = "ceiling_not_comparable"
    """The ceiling is in another currency than the DKK committed: not compared (rule M006)."""

    def __str__(self) -> str:
        return str(self.value)


@attrs.frozen
class MandateGap:
    """A commitment that its maker's mandate does not cover.

    Attributes:
        commitment: The commitment's id.
        kind: What was promised.
        reason: Why it is not covered.
        mandate: The mandate it names, if any.
        needs: The power its kind needs, if any.
    """

    commitment: str
    kind: str
    reason: GapReason
    mandate: str | None
    needs: Power | None


@attrs.frozen
class MandateCoverage:
    """Whether a member's mandates cover what it committed to.

    Attributes:
        partnership: The partnership's id.
        organisation: The member organisation's id.
        covered: Ids of its commitments that a mandate covers, sorted.
        gaps: Its commitments that no mandate covers, by commitment id.
    """

    partnership: str
    organisation: str
    covered: tuple[str, ...]
    gaps: tuple[MandateGap, ...]

    @property
    def complete(self) -> bool:
        """Whether every commitment of the member is covered."""
        return not self.gaps


def mandate_coverage(portfolio: Portfolio, *, as_of: pendulum.Date) -> tuple[MandateCoverage, ...]:
    """For each active member with commitments, which are covered by a mandate.

    A commitment is covered when it names a mandate its maker holds, the mandate was
    in force on the day the commitment was made, includes the power its kind needs
    (:data:`samarbejde.rules.COMMITMENT_POWERS`, the policy of rule M002), and, for
    amounts in DKK, the commitments made under it (withdrawn and superseded ones left
    out) stay within its ceiling. A ceiling in another currency is not converted: such a
    commitment is a gap, :attr:`GapReason.CEILING_NOT_COMPARABLE` (rule M006).

    Returns:
        Members that made commitments, incomplete ones first, then by partnership
        and organisation.
    """
    as_of = days.day(as_of, "as_of")
    found = []
    for partnership in portfolio.as_of(as_of).partnerships:
        by_maker: dict[str, list[Commitment]] = {}
        spent: dict[str, Decimal] = {}
        for commitment in partnership.commitments:
            by_maker.setdefault(commitment.by, []).append(commitment)
            if (
                commitment.mandate is not None
                and commitment.quantity.unit is Unit.DKK
                and commitment.current not in _LAPSED
                and commitment.quantity.amount is not UNKNOWN  # counts as nothing (M003)
            ):
                spent[commitment.mandate] = (
                    spent.get(commitment.mandate, Decimal(0)) + commitment.quantity.amount
                )
        for member in partnership.members:
            own = sorted(by_maker.get(member.organisation, ()), key=lambda c: c.id)
            if not own:
                continue
            gaps = [g for g in (_gap(member, c, spent) for c in own) if g is not None]
            gapped = {g.commitment for g in gaps}
            found.append(
                MandateCoverage(
                    partnership=partnership.id,
                    organisation=member.organisation,
                    covered=tuple(c.id for c in own if c.id not in gapped),
                    gaps=tuple(gaps),
                )
            )
    found.sort(key=lambda m: (m.complete, m.partnership, m.organisation))
    return tuple(found)


def _gap(
    member: Membership, commitment: Commitment, spent: dict[str, Decimal]
) -> MandateGap | None:
    needs = COMMITMENT_POWERS.get(commitment.kind)

    def gap(reason: GapReason) -> MandateGap:
        return MandateGap(commitment.id, commitment.kind, reason, commitment.mandate, needs)

    if commitment.mandate is None:
        return gap(GapReason.NO_MANDATE)
    mandate = next((m for m in member.mandates if m.id == commitment.mandate), None)
    if mandate is None:
        return gap(GapReason.UNKNOWN_MANDATE)
    if not mandate.in_force(commitment.made_on):
        return gap(GapReason.NOT_IN_FORCE)
    if needs is not None and needs not in mandate.powers:
        return gap(GapReason.LACKS_POWER)
    over = _over_ceiling(mandate, commitment, spent)
    return None if over is None else gap(over)


def _over_ceiling(
    mandate: Mandate, commitment: Commitment, spent: dict[str, Decimal]
) -> GapReason | None:
    """Why a commitment of money is not within its mandate's ceiling, if it is not."""
    if mandate.ceiling is None or commitment.quantity.unit is not Unit.DKK:
        return None
    if mandate.ceiling.currency != "DKK":
        return GapReason.CEILING_NOT_COMPARABLE
    ceiling = mandate.ceiling.amount
    if ceiling is not UNKNOWN and spent.get(mandate.id, Decimal(0)) > ceiling:
        return GapReason.ABOVE_CEILING
    return None
