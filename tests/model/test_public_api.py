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


#: What ``import samarbejde`` must leave unimported: the parsers, the converter and the
#: layers above the model load when a name of theirs is first used.
LAZY = (
    "yaml",
    "tomllib",
    "tomli",
    "tomli_w",
    "json",
    "orjson",
    "cattrs",
    "difflib",
    "csv",
    "importlib.metadata",
    "pycountry",
    "samarbejde.documents",
    "samarbejde.rules",
    "samarbejde.analysis",
    "samarbejde.strategies",
    "samarbejde.examples",
    "samarbejde.interop",
    "samarbejde.cli",
)


def imported_by(statement: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``statement``."""
    script = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(samarbejde.__file__).parent.parent,
    )
    return set(result.stdout.split())


def test_importing_samarbejde_loads_no_parser_converter_or_rules() -> None:
    imported = imported_by("import samarbejde")
    assert "samarbejde.model" in imported
    assert sorted(imported & set(LAZY)) == []


def test_the_first_use_of_a_lazy_name_loads_its_layer() -> None:
    imported = imported_by("import samarbejde\nsamarbejde.validate")
    assert {"samarbejde.rules", "samarbejde.rules._engine"} <= imported
    imported = imported_by("from samarbejde import loads")
    assert {"cattrs", "samarbejde.documents._io"} <= imported


@pytest.mark.parametrize("module", ["samarbejde.documents", "samarbejde.rules"])
def test_importing_a_subpackage_loads_none_of_its_modules(module: str) -> None:
    imported = imported_by(f"import {module}")
    assert sorted(m for m in imported if m.startswith(f"{module}.")) == []
    assert sorted(imported & {"yaml", "cattrs", "tomli_w"}) == []


def test_the_public_names_are_where_users_find_them() -> None:
    from samarbejde import Finding, Report, RuleError, loads, validate  # noqa: PLC0415

    assert validate is samarbejde.rules.validate
    assert loads is samarbejde.documents.loads
    assert Report is samarbejde.rules.Report
    assert Finding is samarbejde.rules.Finding
    assert issubclass(RuleError, samarbejde.SamarbejdeError)
    assert set(samarbejde.__all__) <= set(dir(samarbejde))


@pytest.mark.parametrize(
    "name",
    [
        "DEFAULT_MAX_BYTES",
        "FORMAT_VERSION",
        "READABLE_FORMATS",
        "make_converter",
        "structure",
        "unstructure",
    ],
)
def test_a_moved_name_is_kept_at_the_root_as_an_alias(name: str) -> None:
    assert getattr(samarbejde, name) is getattr(samarbejde.documents, name)
    assert name not in samarbejde.__all__
    assert name in samarbejde.documents.__all__
    assert name not in vars(samarbejde)  # resolved each time, never kept in the root


@pytest.mark.parametrize("module", ["samarbejde", "samarbejde.documents", "samarbejde.rules"])
def test_an_unknown_name_is_an_attribute_error(module: str) -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        getattr(sys.modules[module], "nonesuch")  # noqa: B009


@pytest.mark.parametrize("module", ["samarbejde.documents", "samarbejde.rules"])
def test_a_subpackage_lists_its_names_before_loading_them(module: str) -> None:
    listed = imported_by(f"import {module} as m\nassert set(m.__all__) <= set(dir(m))")
    assert module in listed
