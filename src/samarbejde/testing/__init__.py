"""Builders for tests and benchmarks: valid records with every part overridable.

Each builder makes one valid record with plain, documented defaults; keyword arguments
replace any field (``commitment("c-1", kind="volunteers", mandate="m-1")``). Tests
build exactly the facts they are about and leave the rest to the defaults;
:func:`synthetic_portfolio` makes a realistic portfolio of any size for benchmarks.
Nothing here is random unless seeded, and nothing reads a clock.

>>> from samarbejde.testing import commitment, member, project
>>> p = project(members=(member("kommune"), member("ngo")), commitments=(commitment(),))
>>> [m.organisation for m in p.members], p.commitments[0].current
(['kommune', 'ngo'], <CommitmentStatus.PROPOSED: 'proposed'>)
"""

from __future__ import annotations

from samarbejde.testing._builders import (
    MADE_ON,
    START,
    assert_model_error,
    commitment,
    funding,
    hours,
    mandate,
    member,
    organisation,
    phases,
    project,
    project_lifecycle,
    status,
    strategic,
    strategic_lifecycle,
)
from samarbejde.testing._synthetic import synthetic_document, synthetic_portfolio

__all__ = [
    "MADE_ON",
    "START",
    "assert_model_error",
    "commitment",
    "funding",
    "hours",
    "mandate",
    "member",
    "organisation",
    "phases",
    "project",
    "project_lifecycle",
    "status",
    "strategic",
    "strategic_lifecycle",
    "synthetic_document",
    "synthetic_portfolio",
]
