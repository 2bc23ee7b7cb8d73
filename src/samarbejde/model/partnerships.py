"""Partnerships (*samarbejder*) and the dated operations that change them.

Every operation returns a new :class:`Partnership`; nothing is changed in place.
Operations check what they need and raise :class:`~samarbejde.ModelError` or
:class:`~samarbejde.TransitionError` when a change is not allowed.

This module holds the record: its fields and their validators. The operations are
grouped by concern in private modules, each a stateless base of :class:`Partnership`:
members and mandates (``_partnership_members``), commitments
(``_partnership_commitments``), the lifecycle (``_partnership_lifecycle``), plans
(``_partnership_plans``: vision, challenges, goals, agreements, funding, periods), funding
already granted (``_partnership_funding``), and how it is run and who it involves
(``_partnership_bodies``: governance bodies, the secretariat, involvement events), all on
the lookups of ``_partnership_lookups``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import attrs

from samarbejde.model._checks import (
    because,
    fail,
    instance_of,
    is_id,
    is_ids,
    is_optional_id,
    is_text,
    optional_instance_of,
    tuple_of,
    unique_by,
)
from samarbejde.model._partnership_bodies import BodyOperations
from samarbejde.model._partnership_commitments import CommitmentOperations
from samarbejde.model._partnership_funding import FundingOperations
from samarbejde.model._partnership_lifecycle import LifecycleOperations
from samarbejde.model._partnership_members import MemberOperations
from samarbejde.model._partnership_plans import PlanOperations
from samarbejde.model.agreements import Agreement
from samarbejde.model.approximate import first_day
from samarbejde.model.commitments import Commitment
from samarbejde.model.funding import Funding
from samarbejde.model.goals import Challenge, Goal, Vision
from samarbejde.model.governance import GovernanceBody, check_history
from samarbejde.model.involvement import InvolvementEvent
from samarbejde.model.lifecycles import Lifecycle, ProjectLifecycle, StrategicLifecycle
from samarbejde.model.memberships import Membership
from samarbejde.model.periods import PlanPeriod
from samarbejde.model.secretariats import Secretariat
from samarbejde.model.sources import Cited

__all__ = ["Partnership"]

_LIFECYCLES = (ProjectLifecycle, StrategicLifecycle)


def _unique(what: str, key: Callable[[Any], object]) -> Callable[..., None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        unique_by(instance, attribute, value, key, what)

    return check


def _mandates_unique(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Membership, ...]
) -> None:
    unique_by(
        instance,
        attribute,
        (m for member in value for m in member.mandates),
        lambda m: m.id,
        "mandate id",
    )


def _periods_apart(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Membership, ...]
) -> None:
    """An organisation may have several memberships, one period each, none overlapping."""
    periods: dict[str, list[Membership]] = {}
    for member in value:
        periods.setdefault(member.organisation, []).append(member)
    for organisation, held in periods.items():
        if len(held) == 1:
            continue
        ordered = sorted(held, key=lambda m: first_day(m.joined))
        for before, after in itertools.pairwise(ordered):
            if before.overlaps(after):
                until: object = (
                    "" if before.left is None else because("until", left=f"{before.left}")
                )
                fail(
                    instance,
                    attribute,
                    organisation,
                    because(
                        "memberships_overlap",
                        joined=f"{before.joined}",
                        until=until,
                        other=f"{after.joined}",
                    ),
                )


def _periods_in_order(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[PlanPeriod, ...]
) -> None:
    """Plan periods follow each other: each starts after the one before has ended."""
    for before, after in itertools.pairwise(value):
        if before.term.end is None or after.term.start <= before.term.end:
            fail(
                instance,
                attribute,
                after.id,
                because("period_starts_early", start=f"{after.term.start}", period=f"{before.id}"),
            )


def _parent_not_self(instance: Partnership, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value == instance.id:
        fail(instance, attribute, value, because("partnership_own_parent"))


def _earlier(
    instance: Partnership, attribute: attrs.Attribute[Any], value: tuple[Lifecycle, ...]
) -> None:
    chain = (*value, instance.lifecycle)
    for index, (before, after) in enumerate(itertools.pairwise(chain)):
        ended = before.ended
        if ended is None:
            fail(instance, attribute, before.phase, because("earlier_open", index=f"{index}"))
        elif ended > after.started:
            fail(
                instance,
                attribute,
                ended,
                because("lifecycle_overlap", index=f"{index}", started=f"{after.started}"),
            )


def _versions_go_forward(
    instance: Partnership, attribute: attrs.Attribute[Any], value: tuple[GovernanceBody, ...]
) -> None:
    reason = check_history(instance.governance, value)
    if reason is not None:
        fail(instance, attribute, None, reason)


@attrs.frozen
class Partnership(
    Cited,
    MemberOperations,
    CommitmentOperations,
    LifecycleOperations,
    PlanOperations,
    FundingOperations,
    BodyOperations,
):
    """A named collaboration between organisations, tied to areas (*samarbejde*).

    Attributes:
        id: Unique among the portfolio's partnerships.
        name: The partnership's name.
        lifecycle: The current lifecycle (project or strategic).
        areas: Ids of the areas it serves.
        earlier: Earlier lifecycles, oldest first, each ended.
        parent: The id of a strategic partnership this project runs under.
        vision: The shared vision, once agreed.
        challenges: Challenges identified jointly.
        goals: Measurable goals.
        members: Memberships. An organisation that left and joined again has one per
            period; the periods do not overlap.
        commitments: Commitments made by members.
        agreements: Written agreements.
        governance: Governance bodies, each as it is now.
        funding: Funding.
        periods: The periods it lives through (e.g. consecutive helhedsplaner), in
            order and apart, each with its themes, areas and agreement (D93).
        governance_history: The earlier versions of the governance bodies, each
            replaced by a later one with its id (oldest first): what
            :meth:`as_of` shows on a day before the change (design decision D88).
        secretariat: The secretariat or backbone that runs the daily work.
        involvement: Involvement events: workshops, hearings, dialogue meetings.
    """

    id: str = attrs.field(validator=is_id)
    name: str = attrs.field(validator=is_text)
    lifecycle: Lifecycle = attrs.field(validator=instance_of(_LIFECYCLES))
    areas: tuple[str, ...] = attrs.field(default=(), validator=is_ids)
    earlier: tuple[Lifecycle, ...] = attrs.field(
        default=(), validator=[tuple_of(_LIFECYCLES), _earlier]
    )
    parent: str | None = attrs.field(default=None, validator=[is_optional_id, _parent_not_self])
    vision: Vision | None = attrs.field(default=None, validator=optional_instance_of(Vision))
    challenges: tuple[Challenge, ...] = attrs.field(
        default=(), validator=[tuple_of(Challenge), _unique("challenge id", lambda c: c.id)]
    )
    goals: tuple[Goal, ...] = attrs.field(
        default=(), validator=[tuple_of(Goal), _unique("goal id", lambda g: g.id)]
    )
    members: tuple[Membership, ...] = attrs.field(
        default=(),
        validator=[
            tuple_of(Membership),
            _periods_apart,
            _mandates_unique,
        ],
    )
    commitments: tuple[Commitment, ...] = attrs.field(
        default=(), validator=[tuple_of(Commitment), _unique("commitment id", lambda c: c.id)]
    )
    agreements: tuple[Agreement, ...] = attrs.field(
        default=(), validator=[tuple_of(Agreement), _unique("agreement id", lambda a: a.id)]
    )
    governance: tuple[GovernanceBody, ...] = attrs.field(
        default=(),
        validator=[tuple_of(GovernanceBody), _unique("governance body id", lambda g: g.id)],
    )
    funding: tuple[Funding, ...] = attrs.field(
        default=(), validator=[tuple_of(Funding), _unique("funding id", lambda f: f.id)]
    )
    periods: tuple[PlanPeriod, ...] = attrs.field(
        default=(),
        validator=[tuple_of(PlanPeriod), _unique("period id", lambda p: p.id), _periods_in_order],
    )
    governance_history: tuple[GovernanceBody, ...] = attrs.field(
        default=(),
        validator=[tuple_of(GovernanceBody), _versions_go_forward],
        metadata={"ids_repeat": True},  # a body's versions share its id (sheets number them)
    )
    secretariat: Secretariat | None = attrs.field(
        default=None, validator=optional_instance_of(Secretariat)
    )
    involvement: tuple[InvolvementEvent, ...] = attrs.field(
        default=(),
        validator=[tuple_of(InvolvementEvent), _unique("involvement event id", lambda e: e.id)],
    )

    def _evolve(self, **changes: Any) -> Partnership:
        """This partnership with ``changes`` (``attrs.evolve``), for the operations."""
        return attrs.evolve(self, **changes)

    def _repr_html_(self) -> str:
        """A compact view for notebooks (see :mod:`samarbejde.model._html`)."""
        from samarbejde.model._html import partnership_html  # noqa: PLC0415 - lazy

        return partnership_html(self)
