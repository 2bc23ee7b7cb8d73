"""Shared test configuration: the Hypothesis profile chosen by ``HYPOTHESIS_PROFILE``.

Tests marked ``deep`` are too slow for the README's budget: they run under the ``ci``
profile (``.ci/run``) and are skipped, with the reason, under ``dev`` (the README's
two-minute command).
"""

from __future__ import annotations

import pytest
from tests.profiles import DEEP


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the ``deep`` tests unless the ``ci`` profile is loaded."""
    if DEEP:
        return
    skip = pytest.mark.skip(reason="deep: runs under HYPOTHESIS_PROFILE=ci (.ci/run)")
    for item in items:
        if item.get_closest_marker("deep") is not None:
            item.add_marker(skip)
