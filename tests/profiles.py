"""The suite's Hypothesis profiles, and the one settings object for whole portfolios.

``HYPOTHESIS_PROFILE`` chooses the profile: ``dev`` (the default, the README's test
command, under two minutes) or ``ci`` (``.ci/run``: more examples, and the ``deep``
tests). Property tests that draw whole portfolios (or whole invalid
portfolios) cost a hundred times a small record, so they share
:data:`WHOLE_PORTFOLIOS`, whose example count each profile sets once in
:data:`WHOLE_PORTFOLIO_EXAMPLES`. Tests marked ``deep`` (a real browser or LibreOffice,
the CLI in hostile environments, the strategies' health) run only under ``ci``
(:data:`DEEP`).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

#: Examples per property test that draws whole portfolios, by profile.
WHOLE_PORTFOLIO_EXAMPLES = {"dev": 2, "ci": 6}

# No profile asserts speed: deadlines and the too-slow health check measure the machine,
# which is shared and loaded, not the code. Speed is measured in benchmarks/.
settings.register_profile(
    "dev", max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.load_profile(PROFILE)

#: Whether the ``deep`` tests run: under the ``ci`` profile (tests/conftest.py skips
#: them otherwise, saying so).
DEEP = PROFILE == "ci"

#: The settings of every property test that draws whole portfolios: few examples
#: (more under ``ci``), no deadline, and no too-slow health check - drawing a
#: portfolio is slow on a busy machine and under coverage; health under default
#: settings has its own test (tests/strategies/test_quality.py).
WHOLE_PORTFOLIOS = settings(
    max_examples=WHOLE_PORTFOLIO_EXAMPLES.get(PROFILE, settings.default.max_examples),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: The settings of property tests that draw partnerships or records on a busy machine:
#: the profile's example count, no deadline, no too-slow health check.
PATIENT = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
