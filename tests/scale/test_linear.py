"""Paths that were quadratic in one part of a document stay linear (issue 28, item 4).

Each case runs in a child process under a generous CPU-time limit: a linear path takes
a fraction of a second at 64,000 items, a quadratic one minutes, so the limit bounds a
hang without timing anything. The times at 1,000 / 16,000 / 64,000 items are printed by
``benchmarks/hostile.py``.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
#: CPU seconds a case may take: about a hundred times what the linear path needs.
CPU_SECONDS = 60
N = 64_000

CASES = {
    "maturity over one partnership's areas": f"""
        import attrs
        from samarbejde import Area, examples
        from samarbejde.analysis import assess
        p = examples.load("opdrift")
        areas = tuple(Area(id=f"a{{i}}", name=f"A {{i}}", municipality="561") for i in range({N}))
        one = attrs.evolve(p.partnerships[0], areas=tuple(a.id for a in areas))
        [m] = assess(attrs.evolve(p, areas=areas, partnerships=(one,)), as_of=examples.AS_OF)
        assert m.partnership == one.id
    """,
    "IATI export over one partnership's members": f"""
        import sys
        sys.path.insert(0, "benchmarks")
        from hostile import iati_over_members
        assert iati_over_members({N})().document
    """,
    "Popolo import over one organisation's posts": f"""
        import sys
        sys.path.insert(0, "benchmarks")
        from hostile import popolo_over_posts
        assert len(popolo_over_posts({N})().portfolio.organisations) == 1
    """,
    "digit grouping of a long amount": f"""
        from decimal import Decimal
        from samarbejde.report import format_number
        assert format_number(Decimal("9" * {N * 6}), "da").count(".") == {N * 2 - 1}
    """,
}


def _limit() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


@pytest.mark.parametrize("name", CASES)
def test_a_path_runs_in_linear_time_at_64000_items(name: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CASES[name])],
        cwd=ROOT,
        preexec_fn=_limit,
        capture_output=True,
        text=True,
        timeout=CPU_SECONDS * 4,
        check=False,
    )
    assert done.returncode == 0, f"{name}: exit {done.returncode}\n{done.stderr[-2000:]}"
