"""Figures drawn in a worker process are the very files drawn in this one, and the
worker does not outlive its block."""

from __future__ import annotations

import multiprocessing

import pytest
from support import DATA

from dipgraph.analysis.figure_jobs import FigureInputs, figure_pool, write_figures
from dipgraph.analysis.job import analyze_graph
from dipgraph.analysis.timeline import fixed_windows
from dipgraph.loader import build_networkx, check_records, graph_rows

NAMES = ("heatmap", "brokerage_mix", "trajectories")


@pytest.fixture(scope="module")
def inputs() -> FigureInputs:
    records, _ = check_records(DATA)
    graph = build_networkx(graph_rows(records))
    sides = records.sides["karabakh-conflict"].sides
    windows = fixed_windows(1988, 2020)
    tables = analyze_graph(graph, sides, windows, permutations=2)
    return FigureInputs(graph, sides, tables["measures"], windows)


def test_a_worker_draws_the_same_bytes_and_ends_with_its_block(inputs, tmp_path):
    here = write_figures(inputs, tmp_path / "here", names=NAMES)
    with figure_pool() as pool:
        assert pool is not None  # this machine has two cores or more
        there = write_figures(inputs, tmp_path / "there", pool=pool, names=NAMES)
    assert multiprocessing.active_children() == []
    assert [p.name for p in there.written] == [p.name for p in here.written]
    assert len(here.written) == 9  # three figures, three formats each
    for mine, theirs in zip(here.written, there.written, strict=True):
        assert mine.read_bytes() == theirs.read_bytes(), mine.name


def test_a_figure_the_data_cannot_give_is_skipped_with_the_reason(inputs, tmp_path):
    drawn = write_figures(inputs, tmp_path, names=("no-such-figure",))
    assert drawn.written == []
    assert drawn.skipped == {
        "no-such-figure": "no figure 'no-such-figure' (figures: trajectories, heatmap, "
        "role_timeline, brokerage_mix, period_networks)"
    }
