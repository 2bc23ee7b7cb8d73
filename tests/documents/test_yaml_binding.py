"""YAML reading stays safe when the yaml module was imported twice in one process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import types

import pytest

from samarbejde.documents import _yaml_text

# Clear yaml from sys.modules after libyaml's binding was loaded, as some coverage and
# test set-ups do: the binding keeps the first yaml module, the loader gets the second.
FRESH_IMPORT = textwrap.dedent(
    """
    import sys
    import yaml
    for name in [n for n in sys.modules if n == "yaml" or n.startswith("yaml.")]:
        del sys.modules[name]
    from samarbejde import LoadError, loads
    from samarbejde.documents import _yaml_text
    print("libyaml", _yaml_text.libyaml_usable())
    try:
        loads("format: !hemmelig samarbejde/1\\n", "yaml")
    except LoadError as error:
        print(error.problems[0].message)
    try:
        loads("format: samarbejde/1\\nareas: [\\n", "yaml")
    except LoadError as error:
        print("truncated", error.problems[0].line)
    """
)


def test_a_yaml_module_imported_twice_still_gives_load_errors() -> None:
    run = subprocess.run(
        [sys.executable, "-c", FRESH_IMPORT], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "libyaml False"
    assert "tags (!hemmelig) are not allowed" in lines[1]
    assert lines[2].startswith("truncated ")


def test_libyaml_is_used_when_its_binding_belongs_to_our_yaml() -> None:
    assert _yaml_text.libyaml_usable() is ("yaml._yaml" in sys.modules)


def test_libyaml_is_not_used_when_its_binding_kept_another_yaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stale = types.ModuleType("yaml._yaml")
    stale.yaml = types.ModuleType("yaml")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "yaml._yaml", stale)
    assert not _yaml_text.libyaml_usable()
