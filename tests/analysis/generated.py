"""A small Hypothesis strategy for portfolios rich in commitments.

It walks the commitment status table to make valid histories; the library's own
strategies (``samarbejde.strategies``) give wider portfolios.
"""

from __future__ import annotations

from decimal import Decimal

import pendulum
from hypothesis import strategies as st

from samarbejde import (
    COMMITMENT_STATUS,
    Commitment,
    CommitmentStatus,
    Membership,
    Organisation,
    Partnership,
    PhaseChange,
    Portfolio,
    ProjectLifecycle,
    ProjectPhase,
    Quantity,
    Sector,
    StatusChange,
    Term,
    Unit,
)

D = pendulum.Date
START = D(2020, 1, 1)
MEMBERS = ("a", "b", "c")


@st.composite
def histories(draw: st.DrawFn, start: pendulum.Date) -> tuple[StatusChange, ...]:
    state = draw(st.sampled_from(sorted(COMMITMENT_STATUS.starts)))
    day = start
    entries = [StatusChange(state, day)]
    while COMMITMENT_STATUS.moves[state] and draw(st.booleans()):
        state = draw(st.sampled_from(sorted(COMMITMENT_STATUS.moves[state])))
        day = day.add(days=draw(st.integers(0, 400)))
        entries.append(StatusChange(state, day))
    return tuple(entries)


@st.composite
def commitments(draw: st.DrawFn, id: str) -> Commitment:  # noqa: A002
    made = START.add(days=draw(st.integers(0, 1500)))
    term_start = made.add(days=draw(st.integers(0, 200)))
    length = draw(st.none() | st.integers(0, 900))
    end = None if length is None else term_start.add(days=length)
    return Commitment(
        id,
        draw(st.sampled_from(MEMBERS)),
        draw(st.sampled_from(("staff_hours", "funding", "volunteers"))),
        Quantity(Decimal(draw(st.integers(1, 100))), Unit.HOURS),
        Term(term_start, end),
        status=draw(histories(made)),
    )


@st.composite
def portfolios(draw: st.DrawFn, max_commitments: int = 30) -> Portfolio:
    count = draw(st.integers(0, max_commitments))
    made = tuple(draw(commitments(f"c{i}")) for i in range(count))
    partnership = Partnership(
        id="p",
        name="Generated",
        lifecycle=ProjectLifecycle(
            term=Term(START, D(2030, 1, 1)), phases=(PhaseChange(ProjectPhase.RUNNING, START),)
        ),
        members=tuple(Membership(m, "partner", START) for m in MEMBERS),
        commitments=made,
    )
    return Portfolio(
        organisations=tuple(Organisation(m, m.upper(), Sector.CIVIL_SOCIETY) for m in MEMBERS),
        partnerships=(partnership,),
    )


def days() -> st.SearchStrategy[pendulum.Date]:
    return st.integers(0, 3000).map(lambda n: START.add(days=n))


FINAL = frozenset(s for s in CommitmentStatus if COMMITMENT_STATUS.is_final(s))
