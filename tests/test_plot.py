"""Figures: each returns its Figure, draws into a given axes, carries a caption naming
the sources and the time slicing, and shows what the table holds; on a constructed
table and on the real corpus."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import matplotlib.image as mpimg
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from support import DATA

from dipgraph.analysis.actors import read_sides
from dipgraph.analysis.measures import profile
from dipgraph.analysis.plot import (
    caption_of,
    display_name,
    plot_brokerage_mix,
    plot_heatmap,
    plot_period_networks,
    plot_role_timeline,
    plot_trajectories,
    save_figure,
    source_titles,
)
from dipgraph.analysis.timeline import Window, fixed_windows, period_windows
from dipgraph.errors import AnalysisError
from dipgraph.loader import build_networkx, check_records, graph_rows

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
SOURCES = ["A chronicle of the talks", "s2"]


# -- helpers --------------------------------------------------------------------------------


def expected_top(table: pd.DataFrame, measure: str, top: int) -> list[str]:
    """The actors with the largest totals of ``measure``, ties by name (as documented)."""
    rows = table[(table["measure"] == measure) & table["value"].notna()]
    totals = rows.groupby(["actor", "name"], as_index=False)["value"].sum()
    totals = totals.sort_values(["value", "name"], ascending=[False, True], kind="stable")
    return totals["actor"].head(top).tolist()


def pivot(table: pd.DataFrame, measure: str, actors: list[str], windows: list[str]) -> np.ndarray:
    rows = table[table["measure"] == measure]
    wide = rows.pivot(index="actor", columns="window", values="value")
    return wide.reindex(index=actors, columns=windows).to_numpy(dtype=float)


def legend_texts(figure: Figure) -> list[str]:
    legend = figure.axes[0].get_legend()
    return [" ".join(t.get_text().split()) for t in legend.get_texts()]


def node_positions(ax) -> dict[str, tuple[float, float]]:
    """actor id -> drawn position, from the node artists' gids (present and faint)."""
    out = {}
    for artist in ax.collections:
        gid = artist.get_gid() or ""
        if gid.startswith(("node:", "ghost:")):
            out[gid.split(":", 1)[1]] = tuple(np.asarray(artist.get_offsets())[0])
    return out


def image_matrix(figure: Figure) -> np.ndarray:
    array = figure.axes[0].images[0].get_array()
    return np.ma.filled(array.astype(float), np.nan)


# -- a constructed table --------------------------------------------------------------------

WINDOWS = [
    Window("1994-01-01", "1994-12-31", "1994"),
    Window("1995-01-01", "1995-12-31", "1995"),
    Window("1996-01-01", "1996-12-31", "1996"),
]
NAMES = {"ru": "Russia", "fr": "France", "us": "United States", "se": "Sweden", "ir": "Iran"}
# mediation_betweenness per window (None: no row). Totals: ru 2.0, fr 1.0, us 1.0,
# se 0.6, ir 0.1; fr and us tie, and France comes first by name.
VALUES = {
    "ru": (1.0, 0.5, 0.5),
    "fr": (None, 0.5, 0.5),
    "us": (0.5, None, 0.5),
    "se": (0.5, 0.1, None),
    "ir": (0.1, None, None),
}


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    rows = []
    for actor, values in VALUES.items():
        for window, value in zip(WINDOWS, values, strict=True):
            if value is not None:
                rows.append((window, actor, "mediation_betweenness", value))
    for i, window in enumerate(WINDOWS):
        for j, role in enumerate(ROLES):
            rows.append((window, "ru", f"brokerage_{role}", float(i + j)))
            rows.append((window, "fr", f"brokerage_{role}", float(j % 2)))
            rows.append((window, "fr", f"brokerage_{role}_z", -1.5 + i + j))
    return pd.DataFrame(
        [
            {
                "window": w.label,
                "start": w.start,
                "end": w.end,
                "actor": actor,
                "name": NAMES[actor],
                "level": "state",
                "dates": "strict",
                "measure": measure,
                "value": value,
            }
            for w, actor, measure, value in rows
        ]
    )


def test_trajectories_legend_names_the_top_actors(table):
    figure = plot_trajectories(table, top=3, sources=SOURCES)
    assert isinstance(figure, Figure)
    expected = expected_top(table, "mediation_betweenness", 3)
    assert expected == ["ru", "fr", "us"]  # the tie between fr and us goes by name
    assert legend_texts(figure) == [NAMES[a] for a in expected]
    assert len(figure.axes[0].get_lines()) == 3
    # Windows in time order on x, with the table's labels.
    assert [t.get_text() for t in figure.axes[0].get_xticklabels()] == ["1994", "1995", "1996"]


def test_trajectories_ranks(table):
    figure = plot_trajectories(table, top=2, rank=True, sources=SOURCES)
    ax = figure.axes[0]
    bottom, top = ax.get_ylim()
    assert bottom > top  # rank 1 at the top
    # Russia ranks first in 1994 (the only value of 1.0): drawn exactly at 1.
    russia = ax.get_lines()[0].get_ydata()
    assert russia[0] == pytest.approx(1.0)


def test_trajectories_draw_on_the_given_axes(table):
    figure = Figure()
    ax = figure.add_subplot()
    assert plot_trajectories(table, ax=ax, sources=SOURCES) is figure
    assert ax.get_lines() and ax.get_legend() is not None


def test_captions_name_the_sources_and_the_slicing(table):
    for figure in (
        plot_trajectories(table, sources=SOURCES, caption="Extra words."),
        plot_heatmap(table, sources=SOURCES, caption="Extra words."),
        plot_brokerage_mix(table, sources=SOURCES, caption="Extra words."),
    ):
        text = " ".join(caption_of(figure).split())
        assert "Dates: strict" in text
        assert "Level: state" in text
        assert "3 fixed calendar-year windows, 1994\u20131996" in text
        for source in SOURCES:
            assert source in text
        assert text.endswith("Extra words.")
    # Without sources the caption says so rather than staying silent.
    assert "Sources: not given" in caption_of(plot_heatmap(table))


def test_heatmap_matrix_is_the_pivoted_table(table):
    figure = plot_heatmap(table, top=4, sources=SOURCES)
    actors = expected_top(table, "mediation_betweenness", 4)
    expected = pivot(table, "mediation_betweenness", actors, ["1994", "1995", "1996"])
    np.testing.assert_array_equal(image_matrix(figure), expected)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == [NAMES[a] for a in actors]
    assert len(figure.axes) == 2  # the colour bar


def test_heatmap_of_z_scores_is_centred_on_zero(table):
    figure = plot_heatmap(table, measure="brokerage_coordinator_z", sources=SOURCES)
    norm = figure.axes[0].images[0].norm
    assert norm.vcenter == 0
    assert figure.axes[1].get_ylabel() == "Coordinator brokerage (z-score)"


def test_heatmap_draws_on_the_given_axes(table):
    figure = Figure()
    left, right = figure.subplots(1, 2)
    assert plot_heatmap(table, ax=right, sources=SOURCES) is figure
    assert right.images and not left.images


def test_brokerage_mix_stacks_the_role_sums(table):
    figure = plot_brokerage_mix(table, sources=SOURCES)
    ax = figure.axes[0]
    assert len(ax.containers) == len(ROLES)
    for role, bars in zip(ROLES, ax.containers, strict=True):
        heights = [patch.get_height() for patch in bars]
        sums = (
            table[table["measure"] == f"brokerage_{role}"].groupby("window")["value"].sum()
        ).reindex(["1994", "1995", "1996"])
        assert heights == pytest.approx(sums.tolist())
    figure = Figure()
    ax = figure.add_subplot()
    assert plot_brokerage_mix(table, ax=ax) is figure and ax.containers


def test_given_windows_keep_empty_slots(table):
    windows = [Window("1993-01-01", "1993-12-31", "1993"), *WINDOWS]
    figure = plot_heatmap(table, windows=windows, sources=SOURCES)
    matrix = image_matrix(figure)
    assert matrix.shape[1] == 4 and np.isnan(matrix[:, 0]).all()


def test_unknown_measure_is_an_analysis_error(table):
    with pytest.raises(AnalysisError, match="no rows"):
        plot_trajectories(table, measure="pagerank")


def test_save_figure_writes_png_and_svg(table, tmp_path):
    figure = plot_trajectories(table, sources=SOURCES)
    written = save_figure(figure, tmp_path / "sub" / "trajectories")
    assert [p.name for p in written] == ["trajectories.png", "trajectories.svg"]
    width, height = figure.get_size_inches()
    image = mpimg.imread(written[0])
    assert image.shape == (round(height * 200), round(width * 200), 4)
    root = ET.parse(written[1]).getroot()
    assert root.tag.endswith("svg")
    assert root.get("width") == f"{width * 72:g}pt"


def test_display_name_shortens_long_names():
    assert display_name("Russia") == "Russia"
    assert display_name("Organization for Security and Co-operation in Europe", ["OSCE"]) == "OSCE"
    assert display_name("CIS Inter-Parliamentary Assembly") == "CIS IPA"
    assert display_name("Nagorno-Karabakh Republic", width=18) == "Nagorno-Karabakh\nRepublic"


# -- the real corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_graph():
    records, _ = check_records(DATA)
    graph = build_networkx(graph_rows(records))
    sides = read_sides(DATA / "sides.yaml", graph)["karabakh-conflict"]
    return graph, sides


@pytest.fixture(scope="module")
def yearly(corpus_graph):
    graph, sides = corpus_graph
    windows = fixed_windows(1991, 2020)
    return windows, profile(graph, windows, sides, permutations=20)


@pytest.fixture(scope="module")
def periods(corpus_graph):
    graph, sides = corpus_graph
    windows = period_windows(graph)
    return windows, profile(graph, windows, sides, dates="strict", permutations=20)


def test_corpus_trajectories(corpus_graph, yearly):
    graph, _ = corpus_graph
    windows, table = yearly
    titles = source_titles(graph)
    figure = plot_trajectories(table, windows=windows, sources=titles)
    expected = expected_top(table, "mediation_betweenness", 6)
    names = table.drop_duplicates("actor").set_index("actor")["name"]
    assert legend_texts(figure) == [names[a] for a in expected]
    assert expected[0] == "russia"
    text = " ".join(caption_of(figure).split())
    assert "Dates: lenient" in text and "30 fixed calendar-year windows, 1991\u20132020" in text
    assert all(" ".join(title.split()) in text for title in titles)
    assert "Remler et al. (2020)" in text


def test_corpus_heatmap_and_mix_on_periods(corpus_graph, periods):
    graph, _ = corpus_graph
    windows, table = periods
    figure = plot_heatmap(table, sources=["remler-2020"])
    actors = expected_top(table, "mediation_betweenness", 15)
    order = [w.label for w in windows]  # period_windows are in time order
    np.testing.assert_array_equal(
        image_matrix(figure), pivot(table, "mediation_betweenness", actors, order)
    )
    text = " ".join(caption_of(figure).split())
    assert "Dates: strict" in text and "named periods" in text and "remler-2020" in text
    assert isinstance(plot_brokerage_mix(table, sources=source_titles(graph)), Figure)


def test_corpus_role_timeline(corpus_graph):
    graph, _ = corpus_graph
    figure = plot_role_timeline(graph)
    ax = figure.axes[0]
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert {"Russia", "France", "United States", "Sweden"} <= set(lanes)
    legend = legend_texts(figure)
    assert "Co-chair of OSCE Minsk Group" in legend
    text = " ".join(caption_of(figure).split())
    assert "Remler et al. (2020)" in text and "1991\u20132020" in text and "Level: state" in text

    given = Figure()
    ax = given.add_subplot()
    figure = plot_role_timeline(graph, actors=["sweden", "russia"], start=1992, end=1999, ax=ax)
    assert figure is given
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Sweden", "Russia"]
    assert ax.get_xlim() == (1992.0, 2000.0)


def test_corpus_period_networks_share_one_layout(corpus_graph):
    graph, sides = corpus_graph
    windows = period_windows(graph)
    figure = plot_period_networks(graph, windows, sides)
    panels = figure.axes[: len(windows)]
    positions = [node_positions(ax) for ax in panels]
    assert all(p.keys() == positions[0].keys() for p in positions)  # every actor, every panel
    for p in positions[1:]:
        assert p == positions[0]
    present = [
        {
            gid.split(":", 1)[1]
            for gid in (c.get_gid() or "" for c in ax.collections)
            if gid.startswith("node:")
        }
        for ax in panels
    ]
    assert "russia" in present[0] and "sweden" in present[0] and "sweden" not in present[-1]
    # Labels are readable names, and the long ones are listed in the caption.
    labels = {t.get_text() for t in panels[0].texts}
    assert {"Russia", "Armenia", "Azerbaijan", "OSCE"} <= labels
    text = " ".join(caption_of(figure).split())
    assert "Dates: lenient" in text and "5 named periods" in text
    assert "OSCE, Organization for Security and Co-operation in Europe" in text


def test_corpus_period_networks_on_given_axes(corpus_graph, tmp_path):
    graph, sides = corpus_graph
    windows = fixed_windows(1992, 1994)
    figure = Figure(figsize=(9, 3.5), layout="constrained")
    axes = figure.subplots(1, 3)
    assert plot_period_networks(graph, windows, sides, axes=axes, dates="strict") is figure
    assert all(node_positions(ax) for ax in axes)
    assert "Dates: strict" in " ".join(caption_of(figure).split())
    png, svg = save_figure(figure, tmp_path / "networks")
    assert mpimg.imread(png).shape == (700, 1800, 4)
    ET.parse(svg)
    with pytest.raises(AnalysisError, match="as many axes"):
        plot_period_networks(graph, windows, sides, axes=axes[:2])
