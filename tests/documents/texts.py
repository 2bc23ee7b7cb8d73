"""Documents used by the document tests: the DESIGN.md section 7 example and helpers."""

from __future__ import annotations

import pytest

from samarbejde import LoadError, Problem, loads
from samarbejde.documents import Format

OPDRIFT_YAML = """\
format: samarbejde/1
organisations:
  - id: esbjerg-kommune
    name: Esbjerg Kommune
    sector: municipality
    identifiers: {kommunekode: "561"}
    entry_points:
      - {id: boligsocial-koordinator, kind: liaison, post: Boligsocial koordinator}
  - id: ringkaeden
    name: Ringkæden
    sector: civil_society
    entry_points:
      - {id: regional-konsulent, kind: regional_consultant, post: Regional konsulent}
      - {id: lokalafdeling, kind: local_branch, post: Lokal frivillig afdeling}
  - {id: bryggens-erhverv, name: Bryggens Erhverv, sector: business}
areas:
  - {id: ornereden, name: Ørnereden, municipality: "561"}
partnerships:
  - id: opdrift
    name: Opdrift i Ørnereden
    areas: [ornereden]
    lifecycle:
      form: strategic
      since: 2019-09-01
      horizon: P10Y
      review_every: P1Y
      phases:
        - {phase: exploring, on: 2019-09-01}
        - {phase: forming, on: 2020-03-01}
        - {phase: operating, on: 2020-09-01}
    members:
      - organisation: bryggens-erhverv
        role: bridge_builder
        joined: 2019-09-01
        representative: Direktør
        mandates:
          - id: m-business
            level: strategic
            granted_by: Bestyrelsen
            powers: [offer_jobs, commit_staff]
            term: {start: 2020-01-01}
    commitments:
      - id: c-fritidsjob
        by: bryggens-erhverv
        kind: leisure_jobs
        quantity: {amount: "25", unit: places}
        term: {start: 2021-01-01, end: 2021-12-31}
        mandate: m-business
        status:
          - {status: proposed, on: 2020-10-01}
          - {status: agreed, on: 2020-11-15}
"""


def line_of(text: str, fragment: str) -> int:
    """The 1-based line on which ``fragment`` first occurs in ``text``."""
    index = text.index(fragment)
    return text.count("\n", 0, index) + 1


def column_of(text: str, fragment: str) -> int:
    """The 1-based column at which ``fragment`` first occurs in ``text``."""
    index = text.index(fragment)
    return index - (text.rfind("\n", 0, index) + 1) + 1


def problems(text: str | bytes, format: Format, **kwargs: int) -> tuple[Problem, ...]:  # noqa: A002
    """Load ``text`` expecting a LoadError; return its problems."""
    with pytest.raises(LoadError) as caught:
        loads(text, format, **kwargs)
    return caught.value.problems


def only(found: tuple[Problem, ...]) -> Problem:
    """The single problem of a tuple of exactly one."""
    assert len(found) == 1, found
    return found[0]
