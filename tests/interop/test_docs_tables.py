"""The mapping page shows the tables in the code, exactly."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from samarbejde.interop import Table, mapping_table

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "interop.md"


@pytest.mark.parametrize("table", get_args(Table))
def test_the_docs_show_each_table_as_the_code_has_it(table: Table) -> None:
    assert mapping_table(table) in PAGE.read_text(encoding="utf-8")


def test_an_unknown_table_is_refused() -> None:
    with pytest.raises(ValueError, match="no mapping table"):
        mapping_table("org-roles")  # type: ignore[arg-type]
