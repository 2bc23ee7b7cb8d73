"""The public facade: a sorted ``__all__`` that matches what ``samarbejde`` exports.

Also: every public name is documented, the package imports nothing heavy, and every
public constructor and function is reachable from the top level.
"""

from __future__ import annotations
import __future__

import ast
import inspect
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import samarbejde


def isort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps: CONSTANTS, then Classes, then everything else."""
    if name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


PUBLIC = sorted(samarbejde.__all__)


def test_all_is_sorted() -> None:
    assert samarbejde.__all__ == sorted(samarbejde.__all__, key=isort_key)


def test_all_lists_each_name_once() -> None:
    assert len(set(samarbejde.__all__)) == len(samarbejde.__all__)


def test_every_name_in_all_exists() -> None:
    missing = [name for name in samarbejde.__all__ if not hasattr(samarbejde, name)]
    assert missing == []


def test_every_public_attribute_is_in_all() -> None:
    exported = {
        name
        for name, value in vars(samarbejde).items()
        if not name.startswith("_")
        and not isinstance(value, ModuleType)
        and not isinstance(value, __future__._Feature)
    }
    assert sorted(exported - set(samarbejde.__all__)) == []


def test_the_version_comes_from_the_installed_metadata() -> None:
    assert samarbejde.__version__ == metadata.version("samarbejde")


def documented_in_source(name: str) -> bool:
    """Whether a module-level constant has a ``#:`` comment or a docstring after it."""
    for module in list(sys.modules.values()):
        if not getattr(module, "__name__", "").startswith("samarbejde."):
            continue
        if name not in getattr(module, "__all__", ()):
            continue
        source = inspect.getsource(module)
        lines = source.splitlines()
        body = ast.parse(source).body
        for index, node in enumerate(body):
            targets = (
                [node.target]
                if isinstance(node, ast.AnnAssign)
                else node.targets
                if isinstance(node, ast.Assign)
                else []
            )
            if not any(isinstance(t, ast.Name) and t.id == name for t in targets):
                continue
            after = body[index + 1] if index + 1 < len(body) else None
            if (
                isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                return True
            if node.lineno > 1 and lines[node.lineno - 2].lstrip().startswith("#:"):
                return True
    return False


def undocumented_members(cls: type) -> list[str]:
    """Public methods and properties defined on ``cls`` without a docstring."""
    missing = []
    for member, attribute in vars(cls).items():
        target = attribute.fget if isinstance(attribute, property) else attribute
        if member.startswith("_") or not inspect.isfunction(target):
            continue
        if not (target.__doc__ or "").strip():
            missing.append(member)
    return missing


@pytest.mark.parametrize("name", [n for n in PUBLIC if n != "__version__"])
def test_every_public_name_has_a_docstring(name: str) -> None:
    value = getattr(samarbejde, name)
    if inspect.isclass(value):
        assert (value.__doc__ or "").strip(), name
        assert undocumented_members(value) == []
    elif inspect.isroutine(value) or hasattr(value, "__wrapped__"):
        assert (value.__doc__ or "").strip(), name
    else:
        assert documented_in_source(name), name


def test_records_document_their_attributes() -> None:
    for name in PUBLIC:
        value = getattr(samarbejde, name)
        if inspect.isclass(value) and attrs.has(value) and attrs.fields(value):
            assert "Attributes:" in (value.__doc__ or ""), name


FORBIDDEN = (
    "hypothesis",
    "pandas",
    "numpy",
    "pyarrow",
    "matplotlib",
    "networkx",
    "IPython",
    "jsonschema",
    "pytest",
)


def test_importing_samarbejde_imports_nothing_heavy() -> None:
    script = textwrap.dedent(
        """
        import sys
        import samarbejde
        print(" ".join(sorted({m.split(".")[0] for m in sys.modules})))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(samarbejde.__file__).parent.parent,
    )
    imported = set(result.stdout.split())
    assert "samarbejde" in imported
    assert sorted(imported & set(FORBIDDEN)) == []


def test_the_package_is_typed() -> None:
    assert (Path(samarbejde.__file__).parent / "py.typed").is_file()
