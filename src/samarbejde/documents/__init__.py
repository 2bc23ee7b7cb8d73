"""Documents: JSON, YAML and TOML in and out, with every problem located.

The format is ``samarbejde/1`` (see ``docs/reference/format.md``). This package is the
second tier of the facade: besides the operations the root also exports (``load``,
``loads``, ``dump``, ``dumps``, ``load_located``, ``loads_located``, ``json_schema``,
``SourceMap``) it holds the converter plumbing (:func:`make_converter`,
:func:`structure`, :func:`unstructure`) and the format's constants
(:data:`FORMAT_VERSION`, :data:`READABLE_FORMATS`, :data:`DEFAULT_MAX_BYTES`), and the
type table (:data:`SCALARS`, :class:`Scalar`, :func:`scalar_for`): how each scalar
type is read, written, described in the JSON Schema and typed in a frame.
Names are imported on first use (PEP 562): the parsers and the converter load when a
document is first read or written.
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from samarbejde.documents._converter import make_converter
    from samarbejde.documents._io import (
        FORMAT_VERSION,
        dump,
        dumps,
        load,
        load_located,
        loads,
        loads_located,
        structure,
        unstructure,
    )
    from samarbejde.documents._locate import SourceMap
    from samarbejde.documents._merge import MergedSources, import_records, merge, merge_located
    from samarbejde.documents._parse import (
        DEFAULT_MAX_BYTES,
        MAX_DEPTH,
        MAX_NUMBER_DIGITS,
        MAX_PROBLEMS,
        READABLE_FORMATS,
        Format,
    )
    from samarbejde.documents._scalars import SCALARS, Scalar, scalar_for
    from samarbejde.documents._schema import json_schema, schema, schemas

#: Each public name by the module that defines it.
_MODULES = {
    "DEFAULT_MAX_BYTES": "samarbejde.documents._parse",
    "FORMAT_VERSION": "samarbejde.documents._io",
    "MAX_DEPTH": "samarbejde.documents._parse",
    "MAX_NUMBER_DIGITS": "samarbejde.documents._parse",
    "MAX_PROBLEMS": "samarbejde.documents._parse",
    "READABLE_FORMATS": "samarbejde.documents._parse",
    "SCALARS": "samarbejde.documents._scalars",
    "Scalar": "samarbejde.documents._scalars",
    "Format": "samarbejde.documents._parse",
    "SourceMap": "samarbejde.documents._locate",
    "dump": "samarbejde.documents._io",
    "dumps": "samarbejde.documents._io",
    "json_schema": "samarbejde.documents._schema",
    "schema": "samarbejde.documents._schema",
    "schemas": "samarbejde.documents._schema",
    "load": "samarbejde.documents._io",
    "load_located": "samarbejde.documents._io",
    "MergedSources": "samarbejde.documents._merge",
    "merge": "samarbejde.documents._merge",
    "import_records": "samarbejde.documents._merge",
    "merge_located": "samarbejde.documents._merge",
    "loads": "samarbejde.documents._io",
    "loads_located": "samarbejde.documents._io",
    "make_converter": "samarbejde.documents._converter",
    "scalar_for": "samarbejde.documents._scalars",
    "structure": "samarbejde.documents._io",
    "unstructure": "samarbejde.documents._io",
}

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "MAX_PROBLEMS",
    "READABLE_FORMATS",
    "SCALARS",
    "Format",
    "MergedSources",
    "Scalar",
    "SourceMap",
    "dump",
    "dumps",
    "import_records",
    "json_schema",
    "load",
    "load_located",
    "loads",
    "loads_located",
    "make_converter",
    "merge",
    "merge_located",
    "scalar_for",
    "schema",
    "schemas",
    "structure",
    "unstructure",
]


def __getattr__(name: str) -> typing.Any:
    """Import a public name when it is first used (PEP 562)."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'samarbejde.documents' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, loaded or not, and the module's own attributes."""
    return sorted({*globals(), *__all__})
