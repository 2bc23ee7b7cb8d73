from __future__ import annotations

import re
import subprocess
import sys

import attrs
from tests.analysis.portfolios import alliance, commitment, neighbourhood

from samarbejde.analysis.display import MAX_ROWS, partnership_html, portfolio_html, table_html


def test_a_portfolio_shows_one_row_per_partnership_under_its_counts() -> None:
    html = neighbourhood()._repr_html_()
    assert html.count("<tr>") == 1 + len(neighbourhood().partnerships)
    assert "<caption>8 organisations, 2 areas, 5 partnerships</caption>" in html
    assert (
        "<td>alliancen</td><td>Alliancen i Parken</td><td>strategic</td><td>operating</td>" in html
    )


def test_a_portfolio_table_speaks_danish_on_request() -> None:
    html = portfolio_html(neighbourhood(), lang="da")
    assert "<th>Navn</th>" in html
    assert "<td>strategisk</td><td>drift</td>" in html
    assert "<td>projekt</td><td>afsluttet</td>" in html


def test_a_partnership_shows_its_members_and_commitments() -> None:
    html = alliance()._repr_html_()
    assert "<strong>Alliancen i Parken</strong> <code>alliancen</code>" in html
    assert (
        "<td>kommune-social</td><td>lead</td><td>2018-01-01</td><td></td><td>m-kommune</td>" in html
    )
    assert "<td>a-staff</td><td>kommune-social</td><td>staff hours</td><td>10 hours</td>" in html
    assert "2022-01-01 \N{EN DASH} 2026-12-31" in html
    assert "<td>agreed</td>" in html


def test_a_partnership_in_danish_uses_danish_labels() -> None:
    html = partnership_html(alliance(), lang="da")
    assert "<td>tovholder</td>" in html
    assert "<td>aftalt</td>" in html
    assert "siden 2018-01-01" in html


def test_text_from_the_data_is_escaped() -> None:
    hostile = attrs.evolve(alliance(), name="<script>alert(1)</script>")
    html = hostile._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_long_tables_are_cut_and_the_rest_counted() -> None:
    many = attrs.evolve(
        alliance(), commitments=tuple(commitment(f"c{i}", "forening") for i in range(MAX_ROWS + 5))
    )
    html = partnership_html(many)
    assert "… 5 more" in html
    assert len(re.findall(r"<td>c\d+</td>", html)) == MAX_ROWS
    assert "… 2 flere" in table_html(["x"], [[1], [2], [3]], lang="da", max_rows=1)


def test_display_and_the_html_methods_import_no_pandas_or_matplotlib() -> None:
    code = (
        "import sys, samarbejde, samarbejde.analysis, samarbejde.analysis.display;"
        "import tests.analysis.portfolios as p; p.neighbourhood()._repr_html_();"
        "p.alliance()._repr_html_();"
        "bad = [m for m in ('pandas', 'matplotlib', 'networkx', 'pyarrow') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
