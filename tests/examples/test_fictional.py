"""The bundled examples, and the pages that tell them, use none of the real names they once
put invented details on (issue 22 item 7, design decision D114).

The examples are fictional; only each municipality (its name and kommunekode) and
Landsbyggefonden are real. This file is left out of the rename script, since it lists
the old names on purpose.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samarbejde.examples import names, text

ROOT = Path(__file__).resolve().parents[2]

#: Real partnerships, areas and organisations the examples and the tutorial once used.
REAL = re.compile(
    r"medvind|østerbyen|osterbyen|domea|business.esbjerg|røde kors|roede.kors|red cross"
    r"|gellerup|ungejob|brabrand|bikuben|høje gladsaxe|hoeje.gladsaxe|lejerbo|egmont"
    r"|(?<![a-zæøå])kab(?![a-zæøå])",
    re.IGNORECASE,
)

#: The pages that retell the examples.
PAGES = (
    "README.md",
    "docs/_readme_draft.md",
    "docs/tutorial/index.md",
    "docs/reference/api/examples.md",
    "src/samarbejde/examples/__init__.py",
    "tests/opdrift.py",
)


@pytest.mark.parametrize("name", names())
def test_an_example_names_no_real_case_it_once_invented_details_for(name: str) -> None:
    assert REAL.findall(text(name)) == []


@pytest.mark.parametrize("page", PAGES)
def test_a_page_retelling_the_examples_names_no_such_real_case(page: str) -> None:
    assert REAL.findall((ROOT / page).read_text(encoding="utf-8")) == []


def test_the_real_names_are_found_where_they_are_written() -> None:
    assert REAL.findall("MedVind med Domea.dk og KAB, ikke fællesskab") == [
        "MedVind",
        "Domea",
        "KAB",
    ]
