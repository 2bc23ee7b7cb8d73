"""The Hypothesis plugin makes ``st.from_type`` work without importing our strategies."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import attrs
import pytest
from hypothesis import find, given
from hypothesis import strategies as st
from tests.profiles import PATIENT

import samarbejde
from samarbejde.strategies._plugin import _STRATEGIES, _hypothesis_setup_hook, register

DOWNSTREAM = textwrap.dedent(
    """
    import dataclasses, json, sys
    import hypothesis
    from hypothesis import given, settings, strategies as st
    import samarbejde

    @dataclasses.dataclass
    class Row:  # a downstream type whose fields are samarbejde types
        partnership: samarbejde.Partnership
        mandate: samarbejde.Mandate

    seen = {}
    kinds = [
        samarbejde.Portfolio,
        samarbejde.Partnership,
        samarbejde.Commitment,
        samarbejde.Mandate,
        samarbejde.Organisation,
    ]

    @settings(max_examples=5, database=None, deadline=None,
              suppress_health_check=[hypothesis.HealthCheck.too_slow])
    @given(st.data())
    def draw_each(data):
        for kind in kinds:
            drawn = data.draw(st.from_type(kind))
            assert isinstance(drawn, kind), (kind, drawn)
            seen[kind.__name__] = seen.get(kind.__name__, 0) + 1
        row = data.draw(st.builds(Row))
        assert isinstance(row.partnership, samarbejde.Partnership)
        assert isinstance(row.mandate, samarbejde.Mandate)

    draw_each()
    print(json.dumps({
        "seen": seen,
    }))
    """
)


def test_from_type_works_downstream_with_only_hypothesis_and_samarbejde_imported() -> None:
    done = subprocess.run(
        [sys.executable, "-c", DOWNSTREAM],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(result["seen"]) == {
        "Portfolio",
        "Partnership",
        "Commitment",
        "Mandate",
        "Organisation",
    }
    assert all(count >= 1 for count in result["seen"].values())


def test_import_samarbejde_alone_does_not_import_hypothesis() -> None:
    code = "import sys, samarbejde; print('hypothesis' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"


def test_hypothesis_still_imports_when_plugins_are_switched_off() -> None:
    code = (
        "import hypothesis.strategies as st, samarbejde;"
        "from hypothesis.strategies._internal.types import _global_type_lookup as t;"
        "print(samarbejde.Partnership in t)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={"HYPOTHESIS_NO_PLUGINS": "1", "PATH": ""},
    )
    assert done.stdout.strip() == "False"


def test_every_registered_type_is_a_public_samarbejde_record() -> None:
    for name in _STRATEGIES:
        assert name in samarbejde.__all__
        assert attrs.has(getattr(samarbejde, name))


def test_registering_twice_is_harmless() -> None:
    register()
    register()
    assert isinstance(find(st.from_type(samarbejde.Term), lambda _: True), samarbejde.Term)


@pytest.mark.parametrize("name", sorted(_STRATEGIES))
@PATIENT
@given(data=st.data())
def test_from_type_draws_every_registered_type(name: str, data: st.DataObject) -> None:
    kind = getattr(samarbejde, name)
    assert isinstance(data.draw(st.from_type(kind)), kind)


@PATIENT
@given(st.from_type(samarbejde.PhaseChange[samarbejde.ProjectPhase]))
def test_from_type_honours_the_phase_kind_of_a_phase_change(
    change: samarbejde.PhaseChange[samarbejde.ProjectPhase],
) -> None:
    assert isinstance(change.phase, samarbejde.ProjectPhase)


@PATIENT
@given(st.from_type(samarbejde.PhaseChange))
def test_from_type_of_a_bare_phase_change_draws_either_kind(
    change: samarbejde.PhaseChange[samarbejde.ProjectPhase],
) -> None:
    assert isinstance(change.phase, samarbejde.ProjectPhase | samarbejde.StrategicPhase)


def test_the_setup_hook_registers_the_strategies() -> None:
    _hypothesis_setup_hook()
    assert isinstance(find(st.from_type(samarbejde.Mandate), lambda _: True), samarbejde.Mandate)


def test_a_broken_strategy_module_does_not_break_import_hypothesis() -> None:
    code = (
        "import sys; sys.modules['samarbejde.strategies._portfolios'] = None;"
        "import hypothesis, hypothesis.strategies as st; print('imported')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "imported"


def test_registration_imports_no_strategy_module() -> None:
    code = (
        "import sys, hypothesis;"
        "print(sorted(m for m in sys.modules if m.startswith('samarbejde.strategies')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "['samarbejde.strategies', 'samarbejde.strategies._plugin']"
