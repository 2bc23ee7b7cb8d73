"""Shared test configuration: the Hypothesis profile chosen by ``HYPOTHESIS_PROFILE``."""

from __future__ import annotations

import tests.profiles  # noqa: F401 - registers and loads the profiles
