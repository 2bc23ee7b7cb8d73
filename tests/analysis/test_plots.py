from __future__ import annotations

import io
import sys

import attrs
import matplotlib as mpl
import pytest

mpl.use("Agg")

from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from tests.analysis.portfolios import AS_OF, D, later, neighbourhood

from samarbejde import Portfolio, examples
from samarbejde.analysis import MissingExtraError, plots
from samarbejde.model.transitions import PROJECT_PHASES, STRATEGIC_PHASES

FINALS = PROJECT_PHASES.finals | STRATEGIC_PHASES.finals


def tagged(figure: Figure, gid: str) -> list:  # type: ignore[type-arg]
    return [a for a in figure.axes[0].get_children() if a.get_gid() == gid]


def test_the_timeline_draws_a_bar_per_phase_and_per_funding() -> None:
    seen = neighbourhood().as_of(AS_OF)
    figure = plots.timeline(neighbourhood(), as_of=AS_OF)
    assert isinstance(figure, Figure)
    phases = [c for p in seen.partnerships for lc in p.lifecycles for c in lc.phases]
    assert len(tagged(figure, "phase")) == sum(1 for c in phases if c.phase not in FINALS)
    assert len(tagged(figure, "funding")) == sum(len(p.funding) for p in seen.partnerships)
    (reviews,) = tagged(figure, "review")
    assert len(reviews.get_offsets()) == 5
    (line,) = tagged(figure, "as_of")
    assert line.get_xdata()[0] == pytest.approx(date2num(AS_OF))


def test_the_timeline_puts_projects_right_under_their_strategic_parent() -> None:
    figure = plots.timeline(neighbourhood(), as_of=AS_OF)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels[0] == "Alliancen i Parken"
    assert labels[1].endswith("Lektiecaféen")
    assert labels[1].startswith("   ")
    assert set(labels[2:]) == {"Projekt Fritid", "Fra projekt til partnerskab"}


def test_a_phase_bar_runs_from_its_date_to_the_next_phase() -> None:
    figure = plots.timeline(neighbourhood(), as_of=AS_OF)
    bars = tagged(figure, "phase")
    starts = {round(b.get_x()): b for b in bars}
    forming = starts[
        round(date2num(neighbourhood().partnership("alliancen").lifecycle.phases[1].on))
    ]
    assert forming.get_x() + forming.get_width() == pytest.approx(
        date2num(neighbourhood().partnership("alliancen").lifecycle.phases[2].on)
    )


def test_the_timeline_speaks_danish_on_request() -> None:
    figure = plots.timeline(neighbourhood(), as_of=AS_OF, lang="da")
    ax = figure.axes[0]
    assert ax.get_title().startswith("Samarbejder over tid")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "drift" in legend
    assert "finansiering" in legend


def test_the_network_has_a_node_per_member_organisation_and_partnership() -> None:
    seen = neighbourhood().as_of(AS_OF)
    figure = plots.network(neighbourhood(), as_of=AS_OF)
    organisations = tagged(figure, "organisations")
    assert all(isinstance(c, PathCollection) for c in organisations)
    members = {m.organisation for p in seen.partnerships for m in p.members}
    assert sum(len(c.get_offsets()) for c in organisations) == len(members)
    assert len(organisations) == 5  # one colour per sector at the table
    (squares,) = tagged(figure, "partnerships")
    assert len(squares.get_offsets()) == len(seen.partnerships)
    (edges,) = tagged(figure, "memberships")
    assert isinstance(edges, LineCollection)
    assert len(edges.get_segments()) == sum(len(p.members) for p in seen.partnerships)


def test_the_network_layout_is_the_same_every_time() -> None:
    first = plots.network(neighbourhood(), as_of=AS_OF)
    again = plots.network(neighbourhood(), as_of=AS_OF)
    offsets = [c.get_offsets().tolist() for c in tagged(first, "organisations")]
    assert offsets == [c.get_offsets().tolist() for c in tagged(again, "organisations")]


def test_members_unknown_to_the_portfolio_are_drawn_apart() -> None:
    portfolio = Portfolio(partnerships=neighbourhood().partnerships)
    figure = plots.network(portfolio, as_of=AS_OF, lang="da")
    (unknown,) = tagged(figure, "organisations")
    assert unknown.get_label() == "ukendt"


def test_an_empty_portfolio_gives_empty_pictures() -> None:
    assert not tagged(plots.network(Portfolio(), as_of=AS_OF), "partnerships")
    assert not tagged(plots.timeline(Portfolio(), as_of=AS_OF), "phase")
    assert not tagged(plots.commitment_status(Portfolio(), as_of=AS_OF), "status")


def test_commitment_status_stacks_one_area_per_status_up_to_the_total() -> None:
    figure = plots.commitment_status(neighbourhood(), as_of=AS_OF)
    areas = tagged(figure, "status")
    assert len(areas) == 8
    assert all(isinstance(a, PolyCollection) for a in areas)
    top = max(v[1] for v in areas[-1].get_paths()[0].vertices)
    assert top == sum(len(p.commitments) for p in neighbourhood().as_of(AS_OF).partnerships)
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert labels[:3] == ["proposed", "pledged", "agreed"]


@pytest.mark.parametrize("name", examples.names())
def test_every_bundled_example_renders_to_png(name: str) -> None:
    portfolio = examples.load(name)
    for draw in (plots.timeline, plots.network, plots.commitment_status):
        buffer = io.BytesIO()
        draw(portfolio, as_of=examples.AS_OF).savefig(buffer, format="png")
        assert buffer.getvalue().startswith(b"\x89PNG")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="lang"):
        plots.timeline(neighbourhood(), as_of=AS_OF, lang="sv")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("missing", "draw"),
    [
        ("matplotlib", plots.timeline),
        ("matplotlib", plots.commitment_status),
        ("networkx", plots.network),
    ],
)
def test_without_the_plot_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
    missing: str,
    draw,  # type: ignore[no-untyped-def]
) -> None:
    for module in [m for m in sys.modules if m == missing or m.startswith(f"{missing}.")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, missing, None)
    with pytest.raises(MissingExtraError, match=r"pip install 'samarbejde\[plot\]'"):
        draw(neighbourhood(), as_of=AS_OF)


def test_a_partnership_without_members_is_a_lone_square_in_its_own_place() -> None:
    emptied = Portfolio(partnerships=(attrs.evolve(later(), members=()),))
    figure = plots.network(emptied, as_of=D(2025, 6, 1))
    (squares,) = tagged(figure, "partnerships")
    assert squares.get_offsets().tolist() == [[0.0, 0.0]]
    assert not tagged(figure, "organisations")


def test_a_national_timeline_is_one_readable_figure_of_phases_by_year() -> None:
    """Above the limit: per year, the partnerships in each phase at its end, summed right."""
    from samarbejde.testing import synthetic_portfolio  # noqa: PLC0415

    portfolio = synthetic_portfolio(10_000)
    figure = plots.timeline(portfolio, as_of=AS_OF)
    assert tuple(figure.get_size_inches()) == (11, 5)
    seen = portfolio.as_of(AS_OF)
    heights: dict[int, float] = {}
    for container in figure.axes[0].containers:
        for bar in container:
            year = round(bar.get_x() + bar.get_width() / 2)
            heights[year] = heights.get(year, 0) + bar.get_height()
    for year, total in heights.items():
        day = AS_OF if year == AS_OF.year else D(year, 12, 31)
        running = 0
        for p in seen.partnerships:
            phases = [c.phase for lc in p.lifecycles for c in lc.phases if c.on <= day]
            running += bool(phases) and phases[-1] not in FINALS
        assert total == running, year


def test_a_national_network_is_a_matrix_of_sectors_at_the_table_together() -> None:
    from samarbejde.model import Sector  # noqa: PLC0415
    from samarbejde.testing import synthetic_portfolio  # noqa: PLC0415

    portfolio = synthetic_portfolio(10_000)
    figure = plots.network(portfolio, as_of=AS_OF, lang="da")
    (image,) = tagged(figure, "memberships")
    matrix = image.get_array()
    seen = portfolio.as_of(AS_OF)
    sectors = {o.id: o.sector for o in seen.organisations}
    present = [{sectors[m.organisation] for m in p.members_on(AS_OF)} for p in seen.partnerships]
    for i, first in enumerate(Sector):
        for j, second in enumerate(Sector):
            assert matrix[i][j] == sum(1 for s in present if first in s and second in s)


def test_a_chosen_subset_is_drawn_row_by_row() -> None:
    from samarbejde.testing import synthetic_portfolio  # noqa: PLC0415

    portfolio = synthetic_portfolio(10_000)
    chosen = [p.id for p in portfolio.partnerships[:5]]
    figure = plots.timeline(portfolio, as_of=AS_OF, partnerships=chosen)
    names = {
        t.get_text().strip(" \N{RIGHTWARDS ARROW WITH HOOK}")
        for t in figure.axes[0].get_yticklabels()
    }
    assert names == {portfolio.partnership(p).name for p in chosen}
    network = plots.network(portfolio, as_of=AS_OF, partnerships=chosen)
    (squares,) = tagged(network, "partnerships")
    assert len(squares.get_offsets()) == len(chosen)
