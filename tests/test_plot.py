"""Figures: each returns its Figure, draws into a given axes, carries a caption naming
the sources and the time slicing, and shows what the table holds; the data builders
behind them, on a constructed table and a tiny graph with answers worked by hand; and
the figures of the real corpus."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET

import matplotlib.image as mpimg
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from support import DATA

from dipgraph.analysis.measures import profile
from dipgraph.analysis.plot import (
    caption_of,
    display_name,
    measure_name,
    plot_brokerage_mix,
    plot_heatmap,
    plot_period_networks,
    plot_role_timeline,
    plot_trajectories,
    save_figure,
    source_titles,
    top_actors,
)
from dipgraph.analysis.plot.graph_data import (
    decimal_year,
    mediation_marks,
    ring_layout,
    spell_bars,
    spell_kinds,
    timeline_actors,
    timeline_lanes,
    timeline_sources,
    timeline_spells,
    union_network,
    window_panels,
)
from dipgraph.analysis.plot.labels import abbreviations, describe_windows, window_label
from dipgraph.analysis.plot.style import CAPTION_GID
from dipgraph.analysis.plot.table_data import (
    brokerage_measures,
    brokerage_sums,
    measure_matrix,
    measure_rows,
    tie_offsets,
    value_limits,
    value_range,
    window_order,
    window_ranks,
)
from dipgraph.analysis.timeline import Window, fixed_windows, period_windows
from dipgraph.errors import AnalysisError
from dipgraph.loader import build_networkx, check_records, graph_rows
from dipgraph.loader.graph import add_relationship
from dipgraph.loader.timespan import parse_time

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
# A journal's double and single column and its page, in inches, and its smallest text.
DOUBLE_COLUMN, SINGLE_COLUMN, PAGE_HEIGHT, SMALLEST_PT = 7.2, 3.5, 9.5, 7.0
SOURCES = ["A chronicle of the talks", "s2"]
NAN = math.nan


# -- helpers --------------------------------------------------------------------------------


def legend_texts(figure: Figure) -> list[str]:
    legend = figure.axes[0].get_legend()
    # A label wrapped after a hyphen ("co-" / "chairmanship") reads as one word.
    return [" ".join(t.get_text().replace("-\n", "-").split()) for t in legend.get_texts()]


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
# The same, as the actors x windows matrix the figures draw (NaN: no row).
MATRIX = [
    [1.0, 0.5, 0.5],
    [NAN, 0.5, 0.5],
    [0.5, NAN, 0.5],
    [0.5, 0.1, NAN],
    [0.1, NAN, NAN],
]
# brokerage_<role> rows: ru has i + j and fr has j % 2 in window i for the j-th role, so
# the sums per window are (i + j) + (j % 2).
ROLE_SUMS = {
    "1994": [0.0, 2.0, 2.0, 4.0, 4.0],
    "1995": [1.0, 3.0, 3.0, 5.0, 5.0],
    "1996": [2.0, 4.0, 4.0, 6.0, 6.0],
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


# -- data builders of the table -------------------------------------------------------------


def test_top_actors_by_total_ties_by_name(table):
    assert top_actors(table, measure="mediation_betweenness", top=3) == ["ru", "fr", "us"]
    assert top_actors(table, measure="mediation_betweenness", top=9) == [
        "ru",
        "fr",
        "us",
        "se",
        "ir",
    ]
    # brokerage_coordinator: ru 0 + 1 + 2 = 3, fr 0.
    assert top_actors(table, measure="brokerage_coordinator", top=2) == ["ru", "fr"]


def test_measure_rows_and_their_error(table):
    rows = measure_rows(table, "mediation_betweenness")
    assert len(rows) == 10 and set(rows["measure"]) == {"mediation_betweenness"}
    with pytest.raises(AnalysisError) as error:
        measure_rows(table, "pagerank")
    assert str(error.value).startswith(
        "measure 'pagerank' has no rows in the table (measures: brokerage_coordinator, "
        "brokerage_coordinator_z, brokerage_gatekeeper,"
    )
    assert str(error.value).endswith("brokerage_representative_z, mediation_betweenness)")


def test_window_order(table):
    assert window_order(table, None) == WINDOWS
    shuffled = [WINDOWS[2], WINDOWS[0]]
    assert window_order(table.iloc[::-1], shuffled) == shuffled


def test_measure_matrix_has_nan_where_no_row(table):
    rows = measure_rows(table, "mediation_betweenness")
    np.testing.assert_array_equal(
        measure_matrix(rows, ["ru", "fr", "us", "se", "ir"], WINDOWS), MATRIX
    )
    np.testing.assert_array_equal(
        measure_matrix(rows, ["se", "nobody"], [Window("1993-01-01", "1993-12-31", "1993")]),
        [[NAN], [NAN]],
    )


def test_window_ranks(table):
    ranks = window_ranks(measure_rows(table, "mediation_betweenness"))
    # 1994: ru 1.0 first, us and se share 0.5 (both 2nd), ir 0.1 4th; 1995: ru and fr
    # share 0.5, se 3rd; 1996: ru, fr and us share 0.5.
    np.testing.assert_array_equal(
        measure_matrix(ranks, ["ru", "fr", "us", "se", "ir"], WINDOWS),
        [[1, 1, 1], [NAN, 1, 1], [2, NAN, 1], [2, 3, NAN], [4, NAN, NAN]],
    )


def test_value_range_and_limits():
    matrix = np.array(MATRIX)
    assert value_range(matrix) == (0.1, 1.0)
    assert value_range(np.full((2, 2), NAN)) == (0.0, 1.0)
    assert value_limits(matrix, rank=False) == pytest.approx((-0.07, 1.07))  # from 0
    ranks = np.array([[1.0, 2.0], [4.0, NAN]])
    assert value_limits(ranks, rank=True) == pytest.approx((1 - 0.21, 4 + 0.21))


def test_tie_offsets_spread_shared_values():
    offsets = tie_offsets(np.array(MATRIX[:4]))
    # 1994: us and se share 0.5; 1995: ru and fr share 0.5; 1996: ru, fr and us do.
    np.testing.assert_array_equal(offsets, [[0, -0.5, -1], [0, 0.5, 0], [-0.5, 0, 1], [0.5, 0, 0]])


def test_brokerage_sums(table):
    assert brokerage_measures() == [f"brokerage_{role}" for role in ROLES]
    sums = brokerage_sums(table, None)
    assert list(sums.columns) == brokerage_measures()
    assert {w: sums.loc[w].tolist() for w in sums.index} == ROLE_SUMS
    early = [Window("1993-01-01", "1993-12-31", "1993"), WINDOWS[2]]
    assert brokerage_sums(table, early).to_numpy().tolist() == [[0.0] * 5, ROLE_SUMS["1996"]]
    with pytest.raises(AnalysisError, match="no brokerage_<role> rows"):
        brokerage_sums(table[table["measure"] == "mediation_betweenness"], None)


def test_labels():
    assert measure_name("brokerage_liaison_z") == "Liaison brokerage (z-score)"
    assert measure_name("brokerage_liaison") == "Liaison brokerage (pairs)"
    assert measure_name("pagerank") == "PageRank"
    assert measure_name("new_measure") == "New measure"
    assert window_label(WINDOWS[0]) == "1994"
    assert window_label(Window("1998-01-01", "2005-12-31", "Second phase")) == (
        "Second phase (1998\u20132005)"
    )
    assert describe_windows(WINDOWS) == "3 fixed calendar-year windows, 1994\u20131996"
    assert describe_windows([]) == "none"
    assert describe_windows([Window("2011-06-24", "2011-06-24", "as of 2011-06-24")]) == (
        "one-day windows (2011-06-24)"
    )
    periods = [Window("1992-01-01", "1998-12-31", "A"), Window("1998-01-01", "2005-12-31", "B")]
    assert describe_windows(periods) == (
        "2 named periods, 1992\u20132005 (overlapping, as the records' periods do)"
    )
    assert abbreviations(["OSCE", "Iran"], ["Organization for Security", "Iran"]) == (
        "Abbreviations: OSCE, Organization for Security."
    )
    assert abbreviations(["Nagorno-Karabakh\nRepublic"], ["Nagorno-Karabakh Republic"]) == ""


# -- figures of the table -------------------------------------------------------------------


def test_trajectories_legend_names_the_top_actors(table):
    figure = plot_trajectories(table, top=3, sources=SOURCES)
    assert isinstance(figure, Figure)
    # The tie between fr and us goes by name.
    assert legend_texts(figure) == ["Russia", "France", "United States"]
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


def test_trajectories_spread_tied_lines_a_point_apart(table):
    figure = plot_trajectories(table, top=4, sources=SOURCES)
    ax = figure.axes[0]
    lines = {line.get_label(): line.get_ydata() for line in ax.get_lines()}
    # 1994: only Russia has 1.0, drawn where it is; the United States and Sweden share 0.5
    # and are drawn symmetrically about it, a point apart.
    assert lines["Russia"][0] == 1.0
    us, se = lines["United States"][0], lines["Sweden"][0]
    assert us + se == pytest.approx(1.0) and 0 < us - se < 0.05
    assert np.isnan(lines["France"][0])  # no row: a gap


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
    np.testing.assert_array_equal(image_matrix(figure), MATRIX[:4])
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == ["Russia", "France", "United States", "Sweden"]
    assert len(figure.axes) == 2  # the colour bar


def test_heatmap_of_z_scores_is_centred_on_zero(table):
    figure = plot_heatmap(table, measure="brokerage_coordinator_z", sources=SOURCES)
    norm = figure.axes[0].images[0].norm
    assert norm.vcenter == 0
    assert figure.axes[1].get_ylabel() == "Coordinator brokerage (z-score)"
    # fr's z-scores for the coordinator role (j = 0): -1.5 + i.
    np.testing.assert_array_equal(image_matrix(figure), [[-1.5, -0.5, 0.5]])


def test_heatmap_draws_on_the_given_axes(table):
    figure = Figure()
    left, right = figure.subplots(1, 2)
    assert plot_heatmap(table, ax=right, sources=SOURCES) is figure
    assert right.images and not left.images


def test_brokerage_mix_stacks_the_role_sums(table):
    figure = plot_brokerage_mix(table, sources=SOURCES)
    ax = figure.axes[0]
    assert len(ax.containers) == len(ROLES)
    for j, bars in enumerate(ax.containers):
        heights = [patch.get_height() for patch in bars]
        assert heights == [ROLE_SUMS[w][j] for w in ("1994", "1995", "1996")]
    # Stacked: each role starts where the roles below it end.
    assert [bars[0].get_y() for bars in ax.containers] == [0.0, 0.0, 2.0, 4.0, 8.0]
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


def test_save_figure_writes_png_svg_and_pdf(table, tmp_path):
    figure = plot_trajectories(table, sources=SOURCES)
    written = save_figure(figure, tmp_path / "sub" / "trajectories")
    assert [p.name for p in written] == ["trajectories.png", "trajectories.svg", "trajectories.pdf"]
    width, height = figure.get_size_inches()
    assert width == pytest.approx(DOUBLE_COLUMN)  # the print size, in every format
    image = mpimg.imread(written[0])
    assert image.shape == (round(height * 200), 1440, 4)
    svg = written[1].read_text(encoding="utf-8")
    assert "<text" in svg
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert root.get("width") == "518.4pt"
    # The text stays text: the title can be found and edited in the SVG.
    texts = [t.text for t in root.iter() if t.tag.endswith("}text") and t.text]
    assert any("Mediation betweenness" in t for t in texts)
    # The PDF embeds its fonts as TrueType programs, not as Type 3 drawings.
    pdf = written[2].read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf


def test_display_name_shortens_long_names():
    assert display_name("Russia") == "Russia"
    assert display_name("Organization for Security and Co-operation in Europe", ["OSCE"]) == "OSCE"
    assert display_name("CIS Inter-Parliamentary Assembly") == "CIS IPA"
    assert display_name("Nagorno-Karabakh Republic", width=18) == "Nagorno-Karabakh\nRepublic"


# -- a tiny graph ---------------------------------------------------------------------------
# States ru and fr mediate between am (east) and az (west). ru co-chairs the format mg from
# 1997 on ("1997/..", open: still under way) and was an OSCE member by May 1992 ("/1992-05",
# start unknown); fr co-chaired mg from 1997 to an unknown end ("1997/") and was a CIS
# member 1994-1996. ru mediated the May 1994 talks on 4 May; fr from an unknown day to the
# end of May 1994 ("/1994-05"), and the June 1992 talks (undated: the talks' date counts);
# ru's undated mediation of the war (dated only by the decades-long conflict) and its
# "1994/.." mediation (open: not one act) are not marked.
TINY_NODES = {
    "ru": ("State", "Russia", None),
    "fr": ("State", "France", None),
    "am": ("State", "Armenia", None),
    "az": ("State", "Azerbaijan", None),
    "mg": ("Format", "Minsk Group", None),
    "osce": ("Organization", "OSCE", None),
    "cis": ("Organization", "Commonwealth of Independent States", None),
    "talks92": ("Event", "Talks of June 1992", "1992-06"),
    "talks94": ("Event", "Talks of May 1994", "1994-05"),
    "war": ("Conflict", "War", "1988/.."),
}
TINY_EDGES = [
    ("ru", "CO_CHAIR_OF", "mg", "1997/.."),
    ("ru", "MEMBER_OF", "osce", "/1992-05"),
    ("fr", "CO_CHAIR_OF", "mg", "1997/"),
    ("fr", "MEMBER_OF", "cis", "1994/1996"),
    ("ru", "MEDIATED", "talks94", "1994-05-04"),
    ("fr", "MEDIATED", "talks94", "/1994-05"),
    ("fr", "MEDIATED", "talks92", None),
    ("ru", "MEDIATED", "war", None),
    ("ru", "MEDIATED", "war", "1994/.."),
    ("am", "ATTENDED", "talks94", "1994-05-04"),
    ("az", "ATTENDED", "talks94", "1994-05-04"),
    ("am", "ATTENDED", "talks92", None),
]
TINY_SIDES = {"east": ["am"], "west": ["az"]}
SPAN = Window("1991-01-01", "2020-12-31", "1991-2020")


@pytest.fixture(scope="module")
def tiny() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node, (label, name, time) in TINY_NODES.items():
        graph.add_node(node, label=label, name=name)
        if time:
            graph.nodes[node].update(parse_time(time).as_properties())
    for i, (u, rel, v, time) in enumerate(TINY_EDGES):
        props = {"key": f"k{i}", "sources": [f"s{i % 3}"]}
        if time:
            props.update(parse_time(time).as_properties())
        add_relationship(graph, u, v, rel, props)
    return graph


def test_decimal_year():
    assert decimal_year("1994-01-01") == 1994.0
    assert decimal_year("1994-12-31", end=True) == 1995.0
    assert decimal_year("1992-05-31", end=True) == pytest.approx(1992 + 152 / 366)  # leap year


def test_timeline_spells(tiny):
    spells = timeline_spells(tiny, SPAN)
    # ru's mediation of the war from 1994 on is a sustained role (a spell); fr's of the
    # May 1994 talks, dated "by May 1994", is an act however it is written.
    assert [(s.actor, s.type, s.body, s.attrs["time"]) for s in spells] == [
        ("ru", "CO_CHAIR_OF", "mg", "1997/.."),
        ("ru", "MEMBER_OF", "osce", "/1992-05"),
        ("ru", "MEDIATED", "war", "1994/.."),
        ("fr", "CO_CHAIR_OF", "mg", "1997/"),
        ("fr", "MEMBER_OF", "cis", "1994/1996"),
    ]
    assert timeline_spells(tiny, Window("1991-01-01", "1993-12-31", "early")) == [spells[1]]


@pytest.mark.parametrize(
    ("time", "faded", "solid"),
    [
        ("1997/..", None, (1997.0, 2021.0)),  # open: runs to the edge
        ("1994/1996", None, (1994.0, 1997.0)),
        ("1997/", (1997.0, 2021.0), (1996.94, 1997.06)),  # unknown end: certain at its start
        (
            "/1992-05",
            (1991.0, 1992 + 152 / 366),
            (1992 + 152 / 366 - 0.06, 1992 + 152 / 366 + 0.06),
        ),
        ("1994-05-05", None, (1994 + 124.5 / 365 - 0.06, 1994 + 124.5 / 365 + 0.06)),  # a day
        ("1985/1995", None, (1991.0, 1996.0)),  # cut at the edge
    ],
)
def test_spell_bars(time, faded, solid):
    span = parse_time(time)
    when = {"time": time, "earliest": span.earliest, "latest": span.latest}
    got_faded, got_solid = spell_bars(when, 1991.0, 2021.0)
    assert got_faded == (None if faded is None else pytest.approx(faded))
    assert got_solid == pytest.approx(solid)


def test_spell_bars_fade_an_unknown_end_to_the_dates_given():
    # fact_time lends the body's dates to an unknown end; the faded bar runs to them.
    when = {"time": "1997/", "earliest": "1997-01-01", "latest": "2005-12-31"}
    assert spell_bars(when, 1991.0, 2021.0) == ((1997.0, 2006.0), pytest.approx((1996.94, 1997.06)))


def test_mediation_marks(tiny):
    marks = [
        (m.fact.actor, m.fact.target, m.at, m.low, m.high, m.certain)
        for m in mediation_marks(tiny, SPAN)
    ]
    may_4, may_5 = 1994 + 123 / 365, 1994 + 124 / 365
    june_1, july_1 = 1992 + 152 / 366, 1992 + 182 / 366
    end_of_may = 1994 + 151 / 365
    assert marks == [
        (
            "ru",
            "talks94",
            pytest.approx((may_4 + may_5) / 2),
            pytest.approx(may_4),
            pytest.approx(may_5),
            True,
        ),
        (
            "fr",
            "talks94",
            pytest.approx(end_of_may),
            pytest.approx(end_of_may),
            pytest.approx(end_of_may),
            False,
        ),
        (
            "fr",
            "talks92",
            pytest.approx((june_1 + july_1) / 2),
            pytest.approx(june_1),
            pytest.approx(july_1),
            True,
        ),
    ]


def test_timeline_lanes(tiny):
    spells, marks = timeline_spells(tiny, SPAN), mediation_marks(tiny, SPAN)
    # ru's first dated activity: its OSCE membership, by May 1992; fr's: the June 1992
    # talks (its CIS membership begins in 1994).
    actors = timeline_actors(tiny, spells, marks)
    assert actors == ["ru", "fr"]
    kinds = spell_kinds(tiny, spells)
    # Co-chairmanships first, then the bodies by name: Commonwealth... before OSCE.
    assert kinds == [("CO_CHAIR_OF", "mg"), ("MEMBER_OF", "cis"), ("MEMBER_OF", "osce")]
    lanes, total = timeline_lanes(actors, kinds, spells, marks, slot=0.3, gap=0.45)
    assert [(lane.actor, lane.slots) for lane in lanes] == [
        ("ru", [("CO_CHAIR_OF", "mg"), ("MEMBER_OF", "osce"), "MEDIATED"]),
        ("fr", [("CO_CHAIR_OF", "mg"), ("MEMBER_OF", "cis"), "MEDIATED"]),
    ]
    assert [lane.top for lane in lanes] == pytest.approx([0.0, 0.9 + 0.45])
    assert total == pytest.approx(0.9 + 0.45 + 0.9)
    assert timeline_lanes(["am"], kinds, spells, marks, slot=0.3, gap=0.45)[1] == 0.3
    assert timeline_sources(spells, marks) == {"s0", "s1", "s2"}


def test_window_panels(tiny):
    may_1994 = Window("1994-05-01", "1994-05-31", "May 1994")
    june_1992 = Window("1992-06-01", "1992-06-30", "June 1992")
    panels = window_panels(tiny, [may_1994, june_1992], TINY_SIDES, level="state", dates="strict")
    first, second = panels
    assert first.window == may_1994
    assert sorted(first.network.edges(data="weight")) == [
        ("am", "az", 1),
        ("am", "fr", 1),
        ("am", "ru", 1),
        ("az", "fr", 1),
        ("az", "ru", 1),
        ("fr", "ru", 1),
    ]
    assert first.side_of == {"am": "east", "az": "west"}
    assert first.mediators == {"ru", "fr"}
    # The sources of every fact of the network's actors: k4, k5, k9, k10.
    assert first.sources == {"s0", "s1", "s2"}
    assert sorted(second.network.edges(data="weight")) == [("am", "fr", 1)]
    # The listed members keep their sides in every window. ru's mediation of the war is
    # dated only by the war: a moment somewhere in it, so strict places it in no month.
    assert (second.side_of, second.mediators) == ({"am": "east", "az": "west"}, {"fr"})


def test_union_network_sums_weights():
    one = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    two = nx.Graph([("b", "a", {"weight": 3})])
    two.add_node("d")
    union = union_network([one, two])
    assert sorted(union) == ["a", "b", "c", "d"]
    assert sorted(union.edges(data="weight")) == [("a", "b", 5), ("b", "c", 1)]


def test_ring_layout():
    assert ring_layout(nx.Graph()) == {}
    # A star of four around hub, plus a pair: the three strongest of the main component
    # (hub, and by name a and b) form the inner ring of radius 0.42, the fourth sits at the
    # top of the outer ring; the pair is a row below.
    graph = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c"), ("x", "y")])
    positions = ring_layout(graph)
    assert [round(math.hypot(*positions[n]), 9) for n in ("hub", "a", "b")] == [0.42] * 3
    assert positions["c"] == pytest.approx((0.0, 1.0))
    assert positions["x"] == (-0.5, -1.45) and positions["y"] == (0.5, -1.45)


# -- the real corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_graph():
    records, _ = check_records(DATA)
    graph = build_networkx(graph_rows(records))
    sides = records.sides["karabakh-conflict"].sides
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
    # Totals of mediation betweenness from dated acts, 1991-2020, worked out by year:
    # Russia 1 (1992) + 0.5 (1993) + 1 (1994) + 1 (1996) + 1/3 (1997) + 1 (2008) + 1 (2011)
    # + 0.25 (2018) + 1 (2020) = 7.08; the United States 1/3 + 1 (Newport 2014) + 0.25 =
    # 1.58; France 1/3 + 0.25; the CIS IPA 0.5 (1993); Sweden 0.25 (its co-chairmanship of
    # unknown end may cover 2018); Kazakhstan 0 (Zheleznovodsk) ahead of Kyrgyzstan by name.
    # No undated statement adds a plateau: Iran, the CIS and the OSCE are gone.
    assert legend_texts(figure) == [
        "Russia",
        "United States",
        "France",
        "CIS Inter-Parliamentary Assembly",
        "Sweden",
        "Kazakhstan",
    ]
    text = " ".join(caption_of(figure).split())
    assert "Dates: lenient" in text and "30 fixed calendar-year windows, 1991\u20132020" in text
    assert all(" ".join(title.split()) in text for title in titles)
    assert "Remler et al. (2020)" in text


def test_corpus_heatmap_and_mix_on_periods(corpus_graph, periods):
    graph, _ = corpus_graph
    _, table = periods
    figure = plot_heatmap(table, sources=["remler-2020"])
    # Six actors have mediation betweenness in a period (strict dates, dated acts only).
    # Russia is the sole broker in the first phase, the third cycle, the third phase and
    # the dormancy; no act is certain in the second phase (1998-2005). The CIS IPA (1993),
    # Kazakhstan (Zheleznovodsk, by May 1992), Kyrgyzstan (Bishkek 1994), France and the
    # United States (their 1997 start) score 0 in the first; France and the United States
    # 0 in the last three (their envoys at the 2011 hearing, the 2018 statement).
    labels = [" ".join(t.get_text().split()) for t in figure.axes[0].get_yticklabels()]
    assert labels == [
        "Russia",
        "CIS Inter-Parliamentary Assembly",
        "France",
        "Kazakhstan",
        "Kyrgyzstan",
        "United States",
    ]
    np.testing.assert_array_equal(
        image_matrix(figure),
        [
            [1.0, NAN, 1.0, 1.0, 1.0],
            [0.0, NAN, NAN, NAN, NAN],
            [0.0, NAN, 0.0, 0.0, 0.0],
            [0.0, NAN, NAN, NAN, NAN],
            [0.0, NAN, NAN, NAN, NAN],
            [0.0, NAN, 0.0, 0.0, 0.0],
        ],
    )
    text = " ".join(caption_of(figure).split())
    assert "Dates: strict" in text and "named periods" in text and "remler-2020" in text
    assert isinstance(plot_brokerage_mix(table, sources=source_titles(graph)), Figure)


def test_role_timeline_years_default_to_the_data():
    graph = nx.MultiDiGraph()
    graph.add_node("se", label="State", name="Sweden")
    graph.add_node(
        "talks",
        label="Event",
        name="Talks",
        time="2003",
        earliest="2003-01-01",
        latest="2003-12-31",
    )
    graph.add_node("g", label="Format", name="Group")
    spell = {
        "type": "CO_CHAIR_OF",
        "key": "k1",
        "time": "2001/2002",
        "earliest": "2001-01-01",
        "latest": "2002-12-31",
    }
    graph.add_edges_from([("se", "g", spell), ("se", "talks", {"type": "MEDIATED", "key": "k2"})])
    ax = plot_role_timeline(graph).axes[0]
    # 2001 (the first dated relationship) to 2003 (the last date it touches).
    assert ax.get_xlim() == (2001.0, 2004.0)


def test_corpus_role_timeline(corpus_graph):
    graph, _ = corpus_graph
    figure = plot_role_timeline(graph)
    ax = figure.axes[0]
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert {"Russia", "France", "United States", "Sweden"} <= set(lanes)
    legend = legend_texts(figure)
    assert "Co-chair of Minsk Group co-chairmanship" in legend
    text = " ".join(caption_of(figure).split())
    # Sustained mediation roles as thin black bars: Russia's 2008/2020 (solid) and the
    # known starts of "from 1993" (Russia) and "from 1997" (France, Russia, the United
    # States).
    black = [
        round(c.get_paths()[0].get_extents().x0, 2)
        for c in ax.collections
        if c.get_paths()
        and not c.get_gid()
        and len(c.get_facecolor())
        and tuple(c.get_facecolor()[0]) == (0, 0, 0, 1)
    ]
    assert sorted(black) == [1992.94, 1996.94, 1996.94, 1996.94, 2008.0]
    # By default the data's span: from the conflict's start (1988) to the last source (2020).
    assert "Remler et al. (2020)" in text and "1988\u20132020" in text and "Level: state" in text

    given = Figure()
    ax = given.add_subplot()
    figure = plot_role_timeline(graph, actors=["sweden", "russia"], start=1992, end=1999, ax=ax)
    assert figure is given
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Sweden", "Russia"]
    assert ax.get_xlim() == (1992.0, 2000.0)


def test_role_timeline_of_the_tiny_graph(tiny):
    figure = plot_role_timeline(tiny, start=1991, end=2020, sources=["s"])
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Russia", "France"]
    assert legend_texts(figure)[:3] == [
        "Co-chair of Minsk Group",
        "Member of Commonwealth of Independent States",
        "Member of OSCE",
    ]
    # Bars: ru's open co-chairmanship, its OSCE membership (faded, and solid at its known
    # end) and its open mediation of the war from 1994, fr's co-chairmanship (faded, and
    # solid at its start) and CIS membership.
    bars = [
        (round(c.get_paths()[0].get_extents().x0, 2), c.get_zorder())
        for c in ax.collections
        if c.get_paths() and not c.get_gid()
    ]
    assert sorted(b for b in bars if b[1] in (1, 2)) == [
        (1991.0, 1),
        (1992.36, 2),
        (1994.0, 2),
        (1994.0, 2),
        (1996.94, 2),
        (1997.0, 1),
        (1997.0, 2),
    ]
    with pytest.raises(AnalysisError, match="no actors"):
        plot_role_timeline(tiny, actors=[])


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
    # Kyrgyzstan mediated only at Bishkek in 1994 (the first phase).
    assert "russia" in present[0] and "kyrgyzstan" in present[0]
    assert all("kyrgyzstan" not in nodes for nodes in present[1:])
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
    png, svg, _ = save_figure(figure, tmp_path / "networks")
    assert mpimg.imread(png).shape == (700, 1800, 4)
    ET.parse(svg)
    with pytest.raises(AnalysisError, match="as many axes"):
        plot_period_networks(graph, windows, sides, axes=axes[:2])


# -- print size: the figures as a journal prints them ---------------------------------------

PX_TOLERANCE = 1.5
# The figure each plot function makes by itself, drawn from the corpus as `dipgraph
# figures` draws them (analysis.job.write_figures), and the width it is printed at. The
# "periods" cases draw the tables of the named periods, whose window labels are long.
PRINT_WIDTHS = {
    "trajectories": DOUBLE_COLUMN,
    "heatmap": DOUBLE_COLUMN,
    "role_timeline": DOUBLE_COLUMN,
    "period_networks": DOUBLE_COLUMN,
    "brokerage_mix": DOUBLE_COLUMN,
    "trajectories-periods": DOUBLE_COLUMN,
    "heatmap-periods": DOUBLE_COLUMN,
    "brokerage_mix-periods": DOUBLE_COLUMN,
}


def draw_corpus_figure(name: str, corpus_graph, yearly, periods) -> Figure:
    graph, sides = corpus_graph
    figure, _, slicing = name.partition("-")
    windows, table = periods if slicing else yearly
    sources = source_titles(graph)
    first, last = int(windows[0].start[:4]), int(windows[-1].end[:4])
    drawings = {
        "trajectories": lambda: plot_trajectories(table, windows=windows, sources=sources),
        "heatmap": lambda: plot_heatmap(table, windows=windows, sources=sources),
        "role_timeline": lambda: plot_role_timeline(graph, start=first, end=last, sources=sources),
        "brokerage_mix": lambda: plot_brokerage_mix(table, windows=windows, sources=sources),
        "period_networks": lambda: plot_period_networks(
            graph, period_windows(graph), sides, sources=sources
        ),
    }
    return drawings[figure]()


def printed_texts(figure: Figure) -> list[Text]:
    """The texts the figure prints: visible and not blank, without the labels of the
    ticks outside an axis's view (matplotlib keeps but does not draw them) and without
    the axis texts of an axes whose axis is off."""
    skipped: set[int] = set()
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if not ax.axison:
                skipped.update(id(t) for t in axis.findobj(Text))
                continue
            low, high = sorted(axis.get_view_interval())
            span = high - low
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                if not low - 1e-6 * span <= tick.get_loc() <= high + 1e-6 * span:
                    skipped.update((id(tick.label1), id(tick.label2)))
    return [
        t
        for t in figure.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in skipped
    ]


def describe(text: Text) -> str:
    return repr(" ".join(text.get_text().split())[:60])


def overlap_px(one, two) -> float:
    """How far two window extents overlap, in pixels (0 or less: they do not)."""
    width = min(one.x1, two.x1) - max(one.x0, two.x0)
    height = min(one.y1, two.y1) - max(one.y0, two.y0)
    return min(width, height)


@pytest.fixture(scope="module", params=list(PRINT_WIDTHS))
def printed(request, corpus_graph, yearly, periods) -> tuple[str, Figure]:
    figure = draw_corpus_figure(request.param, corpus_graph, yearly, periods)
    figure.draw_without_rendering()
    return request.param, figure


def test_figures_are_sized_for_a_journal_column_and_page(printed):
    name, figure = printed
    width, height = figure.get_size_inches()
    assert width == pytest.approx(PRINT_WIDTHS[name])
    assert height <= PAGE_HEIGHT


def test_no_printed_text_is_smaller_than_7_pt(printed):
    _, figure = printed
    texts = printed_texts(figure)
    assert len(texts) > 10
    small = [
        f"{describe(t)}: {t.get_fontsize():g} pt" for t in texts if t.get_fontsize() < SMALLEST_PT
    ]
    assert small == []


def test_every_printed_text_lies_inside_the_figure(printed):
    _, figure = printed
    frame = figure.bbox
    outside = []
    for text in printed_texts(figure):
        box = text.get_window_extent()
        if (
            box.x0 < frame.x0 - PX_TOLERANCE
            or box.y0 < frame.y0 - PX_TOLERANCE
            or box.x1 > frame.x1 + PX_TOLERANCE
            or box.y1 > frame.y1 + PX_TOLERANCE
        ):
            outside.append(f"{describe(text)} at {np.round(box.extents).tolist()}")
    assert outside == [], f"outside the figure's {np.round(frame.extents).tolist()}"


def test_no_two_tick_labels_of_an_axis_overlap(printed):
    _, figure = printed
    texts = {id(t) for t in printed_texts(figure)}
    clashes = []
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks = [*axis.get_major_ticks(), *axis.get_minor_ticks()]
            labels = [t.label1 for t in ticks if id(t.label1) in texts]
            boxes = [label.get_window_extent() for label in labels]
            for i, j in itertools.combinations(range(len(labels)), 2):
                if overlap_px(boxes[i], boxes[j]) > PX_TOLERANCE:
                    clashes.append(f"{describe(labels[i])} and {describe(labels[j])}")
    assert clashes == []


def test_the_caption_and_the_legend_overlap_no_other_text(printed):
    name, figure = printed
    texts = printed_texts(figure)
    captions = [t for t in texts if t.get_gid() == CAPTION_GID]
    legends = [ax.get_legend() for ax in figure.axes if ax.get_legend()] + figure.legends
    assert len(captions) == 1 and len(legends) == (name not in ("heatmap", "heatmap-periods"))
    clashes = []
    for block in captions + legends:
        own = {id(t) for t in block.findobj(Text)}
        box = block.get_window_extent()
        clashes += [
            f"{describe(t)} overlaps {type(block).__name__}"
            for t in texts
            if id(t) not in own and overlap_px(box, t.get_window_extent()) > PX_TOLERANCE
        ]
    assert clashes == []


def test_period_network_labels_neither_overlap_nor_leave_their_panel(corpus_graph):
    graph, sides = corpus_graph
    figure = plot_period_networks(graph, period_windows(graph), sides)
    figure.draw_without_rendering()
    problems = []
    for ax in figure.axes:
        labels = [t for t in ax.texts if str(t.get_gid()).startswith("label:")]
        boxes = [t.get_window_extent() for t in labels]
        frame = ax.get_window_extent()
        problems += [
            f"{describe(t)} leaves its panel"
            for t, box in zip(labels, boxes, strict=True)
            if box.x0 < frame.x0 or box.y0 < frame.y0 or box.x1 > frame.x1 or box.y1 > frame.y1
        ]
        problems += [
            f"{describe(labels[i])} and {describe(labels[j])} overlap"
            for i, j in itertools.combinations(range(len(labels)), 2)
            if overlap_px(boxes[i], boxes[j]) > 0
        ]
    assert sum(bool(ax.texts) for ax in figure.axes) == 5
    assert problems == []


def test_an_empty_measures_table_says_no_actor_takes_part_yet():
    import pandas as pd

    from dipgraph.analysis.plot.table_data import measure_rows
    from dipgraph.errors import AnalysisError

    empty = pd.DataFrame(columns=["window", "actor", "measure", "value"])
    with pytest.raises(AnalysisError) as raised:
        measure_rows(empty, "betweenness")
    assert str(raised.value) == "the table has no measures: no actor takes part in a dated act"
