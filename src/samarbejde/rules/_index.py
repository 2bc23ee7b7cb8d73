"""Indexes over a portfolio, built once per validation run and shared by every rule.

Every index is built in one pass, so each rule stays linear in the size of the
portfolio: a rule looks things up, it never scans pairs.

A message names a record as a reader knows it: the ``*_name`` lookups give the record's
name (:func:`samarbejde.changes.name_of`), or the id itself when nothing by that id is
described; a finding's ``subject``, ``path`` and ``related`` stay ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TypeVar

import pendulum

from samarbejde.changes import name_of
from samarbejde.model.agreements import Agreement
from samarbejde.model.approximate import first_day
from samarbejde.model.areas import Area
from samarbejde.model.commitments import Commitment
from samarbejde.model.enums import CommitmentStatus, Sector
from samarbejde.model.funding import promises_money
from samarbejde.model.goals import Goal
from samarbejde.model.mandates import Mandate
from samarbejde.model.memberships import Membership
from samarbejde.model.organisations import Organisation
from samarbejde.model.partnerships import Partnership
from samarbejde.model.portfolio import Portfolio

__all__ = ["PartnershipIndex", "PortfolioIndex", "named_apart"]

T = TypeVar("T", Organisation, Area, Partnership)


def _named(table: Mapping[str, object], key: str) -> str:
    """The name of the record ``key`` in ``table``, or ``key`` when there is none."""
    found = table.get(key)
    return key if found is None else name_of(found)


def named_apart(ids: Iterable[str], name: Callable[[str], str]) -> tuple[str, ...]:
    """Each id's ``name``; a name that two of them share is followed by the id, to tell them apart.

    >>> named_apart(["a", "b", "c"], {"a": "Alliancen", "b": "Alliancen", "c": "Nord"}.get)
    ('Alliancen (a)', 'Alliancen (b)', 'Nord')
    """
    keys = tuple(ids)
    names = [name(key) for key in keys]
    shared = {n for n in names if names.count(n) > 1}
    return tuple(f"{n} ({key})" if n in shared else n for key, n in zip(keys, names, strict=True))


def _first_by_id(items: tuple[T, ...]) -> dict[str, T]:
    table: dict[str, T] = {}
    for item in items:
        table.setdefault(item.id, item)
    return table


class PartnershipIndex:
    """Lookups inside one partnership.

    Attributes:
        partnership: The partnership.
        path: Its path, ``partnerships[<id>]``.
    """

    def __init__(self, partnership: Partnership) -> None:
        self.partnership = partnership
        self.path = f"partnerships[{partnership.id}]"

    @cached_property
    def members(self) -> Mapping[str, Membership]:
        """Memberships by organisation id: the latest of one that joined again."""
        latest: dict[str, Membership] = {}
        for m in self.partnership.members:
            held = latest.get(m.organisation)
            if held is None or first_day(held.joined) < first_day(m.joined):
                latest[m.organisation] = m
        return latest

    @cached_property
    def memberships(self) -> Mapping[str, tuple[Membership, ...]]:
        """Every membership of each organisation, in the partnership's order."""
        held: dict[str, list[Membership]] = {}
        for m in self.partnership.members:
            held.setdefault(m.organisation, []).append(m)
        return {organisation: tuple(found) for organisation, found in held.items()}

    def member_on(self, organisation: str, day: pendulum.Date) -> Membership | None:
        """The membership of ``organisation`` active on ``day``, if any."""
        for m in self.memberships.get(organisation, ()):
            if m.active(day):
                return m
        return None

    @cached_property
    def mandates(self) -> Mapping[str, tuple[Membership, Mandate]]:
        """Every mandate by id, with the membership that holds it."""
        return {m.id: (member, m) for member, m in self.partnership.mandates()}

    @cached_property
    def goals(self) -> Mapping[str, Goal]:
        """Goals by id."""
        return {g.id: g for g in self.partnership.goals}

    @cached_property
    def challenges(self) -> frozenset[str]:
        """The ids of the partnership's challenges."""
        return frozenset(c.id for c in self.partnership.challenges)

    @property
    def name(self) -> str:
        """The partnership's name, as messages call it."""
        return self.partnership.name

    def goal_name(self, goal: str) -> str:
        """The title of the goal ``goal``, or the id when the partnership has no such goal."""
        return _named(self.goals, goal)

    def challenge_name(self, challenge: str) -> str:
        """The title of the challenge ``challenge``, or the id when there is no such challenge."""
        return _named(self._challenges_by_id, challenge)

    def event_name(self, event: str) -> str:
        """The name of the involvement event ``event``, or its id when it has none."""
        return _named({e.id: e for e in self.partnership.involvement}, event)

    def period_name(self, period: str) -> str:
        """The name of the plan period ``period``, or its id when it has none."""
        return _named({x.id: x for x in self.partnership.periods}, period)

    @cached_property
    def _challenges_by_id(self) -> Mapping[str, object]:
        return {c.id: c for c in self.partnership.challenges}

    @cached_property
    def agreements(self) -> Mapping[str, Agreement]:
        """Agreements by id."""
        return {a.id: a for a in self.partnership.agreements}

    @cached_property
    def commitments_by_member(self) -> Counter[str]:
        """How many commitments (not withdrawn) each member has made."""
        return Counter(
            c.by
            for c in self.partnership.commitments
            if c.current is not CommitmentStatus.WITHDRAWN
        )

    @cached_property
    def money(self) -> tuple[Commitment, ...]:
        """The commitments that promise money (:func:`~samarbejde.model.promises_money`)."""
        return tuple(c for c in self.partnership.commitments if promises_money(c))

    @cached_property
    def money_by_mandate(self) -> Mapping[str, list[Commitment]]:
        """The commitments that promise money and name a mandate, by that mandate's id."""
        found: dict[str, list[Commitment]] = {}
        for c in self.money:
            if c.mandate is not None:
                found.setdefault(c.mandate, []).append(c)
        return found

    @cached_property
    def under_own_mandate(self) -> tuple[tuple[Commitment, Mandate], ...]:
        """The commitments that name a mandate their maker holds, with that mandate."""
        found = []
        for c in self.partnership.commitments:
            held = None if c.mandate is None else self.mandates.get(c.mandate)
            if held is not None and held[0].organisation == c.by:
                found.append((c, held[1]))
        return tuple(found)

    @cached_property
    def goal_owners(self) -> frozenset[str]:
        """Every organisation that owns at least one goal."""
        return frozenset(o for g in self.partnership.goals for o in g.owners)

    @property
    def started(self) -> pendulum.Date:
        """The day the partnership's first lifecycle began."""
        return self.partnership.lifecycles[0].started

    @property
    def ended(self) -> pendulum.Date | None:
        """The day the current lifecycle ended, or ``None`` while it lasts."""
        return self.partnership.lifecycle.ended

    def member_path(self, organisation: str) -> str:
        """The path of a membership."""
        return f"{self.path}.members[{organisation}]"

    def commitment_path(self, commitment: str) -> str:
        """The path of a commitment."""
        return f"{self.path}.commitments[{commitment}]"


class PortfolioIndex:
    """Lookups across a portfolio.

    Attributes:
        portfolio: The portfolio.
    """

    def __init__(self, portfolio: Portfolio) -> None:
        self.portfolio = portfolio

    @cached_property
    def organisations(self) -> Mapping[str, Organisation]:
        """Organisations by id (the first, when an id is used twice)."""
        return _first_by_id(self.portfolio.organisations)

    @cached_property
    def areas(self) -> Mapping[str, Area]:
        """Areas by id (the first, when an id is used twice)."""
        return _first_by_id(self.portfolio.areas)

    @cached_property
    def partnerships(self) -> Mapping[str, Partnership]:
        """Partnerships by id (the first, when an id is used twice)."""
        return _first_by_id(self.portfolio.partnerships)

    @cached_property
    def parts(self) -> tuple[PartnershipIndex, ...]:
        """One :class:`PartnershipIndex` per partnership, in portfolio order."""
        return tuple(PartnershipIndex(p) for p in self.portfolio.partnerships)

    @cached_property
    def _organisation_names(self) -> Mapping[str, str]:
        # Named once each: a national run names the makers of tens of thousands of findings.
        return {key: name_of(found) for key, found in self.organisations.items()}

    def organisation_name(self, organisation: str) -> str:
        """The name of an organisation, or its id when it is not described."""
        return self._organisation_names.get(organisation, organisation)

    def area_name(self, area: str) -> str:
        """The name of an area, or its id when it is not described."""
        return _named(self.areas, area)

    def partnership_name(self, partnership: str) -> str:
        """The name of a partnership, or its id when it is not described."""
        return _named(self.partnerships, partnership)

    def sector(self, organisation: str) -> Sector | None:
        """The sector of an organisation, or ``None`` when it is unknown."""
        found = self.organisations.get(organisation)
        return None if found is None else found.sector

    def of_form(self, form: str | None = None) -> Iterator[PartnershipIndex]:
        """The partnership indexes whose current lifecycle has ``form`` (all if ``None``)."""
        for part in self.parts:
            if form is None or part.partnership.form == form:
                yield part

    def live(self, form: str) -> Iterator[PartnershipIndex]:
        """Partnerships of ``form`` whose current lifecycle has not ended."""
        for part in self.of_form(form):
            if part.ended is None:
                yield part
