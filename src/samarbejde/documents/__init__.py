"""Documents: JSON, YAML and TOML in and out, with every problem located.

The format is ``samarbejde/1`` (see ``docs/reference/format.md``). Public names are
re-exported by :mod:`samarbejde`.
"""

from __future__ import annotations

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
from samarbejde.documents._parse import DEFAULT_MAX_BYTES, READABLE_FORMATS, Format
from samarbejde.documents._schema import json_schema

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMAT_VERSION",
    "READABLE_FORMATS",
    "Format",
    "SourceMap",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "load_located",
    "loads",
    "loads_located",
    "make_converter",
    "structure",
    "unstructure",
]
