"""Fuzz ``validate``, ``Portfolio.as_of`` and the analysis over the whole calendar.

Portfolios are drawn with dates anywhere from 0001-01-01 to 9999-12-31 (the
strategies lean towards the window's ends), and asked about on any day, year 1 and
year 9999 included. Nothing may raise. Hypothesis drives the draws; the run repeats
batches until the time is up and counts every example.

    python tests/fuzz/fuzz_model.py --seconds 60

Last line: ``fuzz model: N executions in S s, F findings``; exit status 1 on a finding
(Hypothesis prints the shrunk example). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samarbejde import validate
from samarbejde.analysis import (
    area_coverage,
    assess,
    funding_ends,
    funding_timeline,
    lifecycle_mix,
    mandate_coverage,
    member_load,
    overdue_commitments,
    sector_coverage,
    silos,
    status_over_time,
)
from samarbejde.model.portfolio import Portfolio
from samarbejde.model.terms import FIRST_DAY, LAST_DAY
from samarbejde.strategies import dates, portfolios

COUNT = {"runs": 0}
DAYS = st.one_of(st.just(FIRST_DAY), st.just(LAST_DAY), dates(FIRST_DAY, LAST_DAY))
WINDOWS = st.sampled_from(
    [
        (FIRST_DAY, LAST_DAY),
        (FIRST_DAY, pendulum.Date(40, 12, 31)),
        (pendulum.Date(9970, 1, 1), LAST_DAY),
    ]
)


def ask(portfolio: Portfolio, day: pendulum.Date) -> None:
    """Every question, on ``day``."""
    validate(portfolio, as_of=day)
    validate(portfolio)
    portfolio.as_of(day)
    assess(portfolio, as_of=day)
    status_over_time(portfolio, as_of=day, every=pendulum.duration(years=250))
    for question in (
        area_coverage,
        funding_ends,
        funding_timeline,
        lifecycle_mix,
        mandate_coverage,
        member_load,
        overdue_commitments,
        sector_coverage,
        silos,
    ):
        question(portfolio, as_of=day)


@st.composite
def cases(draw: st.DrawFn) -> tuple[Portfolio, pendulum.Date]:
    start, end = draw(WINDOWS)
    portfolio = draw(portfolios(start=start, end=end, partnerships=(1, 2), commitments=(0, 2)))
    return portfolio, draw(DAYS)


def batch() -> None:
    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(cases())
    def run(case: tuple[Portfolio, pendulum.Date]) -> None:
        COUNT["runs"] += 1
        ask(*case)

    run()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    began = time.monotonic()
    findings = 0
    while time.monotonic() - began < args.seconds:
        try:
            batch()
        except Exception as error:  # Hypothesis has printed the falsifying example
            findings += 1
            traceback.print_exc()
            print(f"FINDING {type(error).__name__}: {error!s:.300}", file=sys.stderr)
            break
    spent = time.monotonic() - began
    print(f"fuzz model: {COUNT['runs']} executions in {spent:.0f} s, {findings} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
