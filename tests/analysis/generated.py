"""Days to ask analysis questions on, and the final commitment states.

Portfolios come from the library's own strategies (``samarbejde.strategies``).
"""

from __future__ import annotations

import pendulum
from hypothesis import strategies as st

from samarbejde import COMMITMENT_STATUS, CommitmentStatus

D = pendulum.Date
START = D(2020, 1, 1)


def days() -> st.SearchStrategy[pendulum.Date]:
    return st.integers(0, 3000).map(lambda n: START.add(days=n))


FINAL = frozenset(s for s in CommitmentStatus if COMMITMENT_STATUS.is_final(s))
