"""Shared strategies for the interop tests."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from tests.profiles import PROFILE, WHOLE_PORTFOLIOS

from samarbejde import Portfolio
from samarbejde import strategies as sst

#: Whole portfolios are slow to draw on a loaded machine: no deadline, no too_slow.
PATIENT = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@st.composite
def with_cvr_numbers(draw: st.DrawFn, portfolios: st.SearchStrategy[Portfolio]) -> Portfolio:
    """A drawn portfolio in which every organisation has a CVR number."""
    portfolio = draw(portfolios)
    organisations = tuple(
        attrs.evolve(o, identifiers=attrs.evolve(o.identifiers, cvr=draw(sst.cvr_numbers())))
        for o in portfolio.organisations
    )
    return Portfolio(organisations, portfolio.areas, portfolio.partnerships)


#: Whole portfolios checked by a standard's own validator: the profile's count under
#: ``dev``, and 200 under ``ci`` (issue 27: 200 generated portfolios pass).
VALIDATED = settings(
    WHOLE_PORTFOLIOS, max_examples=200 if PROFILE == "ci" else WHOLE_PORTFOLIOS.max_examples
)
