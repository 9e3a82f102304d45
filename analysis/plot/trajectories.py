"""`plot_trajectories`: a measure (or its rank) per window, one line per top actor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..timeline import Window
from .captions import add_caption, print_size, table_caption
from .figure import figure_and_axes, legend_below, set_title, set_window_ticks, style_axes
from .labels import (
    abbreviations,
    join_text,
    measure_name,
    table_labels,
    table_names,
    window_axis_label,
    window_label,
)
from .style import LABEL_SIZE, MARKERS, OKABE_ITO, SPREAD_PT
from .table_data import (
    measure_matrix,
    measure_rows,
    reading_ranges,
    tie_offsets,
    top_actors,
    value_limits,
    window_order,
    window_ranks,
)

__all__ = ["plot_trajectories"]

TIED_NOTE = "Lines that share a value in a window are drawn a point apart there."
RANGE_NOTE = (
    "A bar in a line's colour spans the value under strict and under lenient dating "
    "where the two differ."
)


def plot_trajectories(
    table: pd.DataFrame,
    *,
    measure: str = "mediation_betweenness",
    top: int = 6,
    rank: bool = False,
    windows: Sequence[Window] | None = None,
    names: Mapping[str, str] | None = None,
    sources: Sequence[str] | None = None,
    caption: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """A measure per window for the top actors, one line per actor.

    Parameters
    ----------
    table
        The tidy table of `dipgraph.analysis.measures.profile`.
    measure
        The measure to draw.
    top
        How many actors: those with the largest total of ``measure`` over the windows
        (ties by name).
    rank
        Draw each actor's rank among all actors in the window (1 = highest value)
        instead of the value.
    windows
        The windows for the x axis, in the order given; by default the table's windows
        in time order. Windows without rows stay as empty slots.
    names
        Display names by actor id, overriding the table's ``name`` column.
    sources
        Source titles or ids for the caption.
    caption
        Extra text appended to the caption.
    ax
        Axes to draw on; by default a new figure 7.2 in wide (a journal's double
        column), with the legend below the axes and the caption under it.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Lines that share a value are drawn a point apart, so none
        hides another; windows where an actor has no value are gaps.
    """
    rows = measure_rows(table, measure)
    order = window_order(table, windows)
    actors = top_actors(table, measure=measure, top=top)
    if rank:
        rows = window_ranks(rows)
    matrix = measure_matrix(rows, actors, order)
    ranges = None if rank else reading_ranges(rows, actors, order)
    labels = table_labels(table, actors, names, width=26)
    short = abbreviations(labels, table_names(table, actors))
    notes = join_text(TIED_NOTE, RANGE_NOTE if ranges is not None else "", short, caption)
    text = table_caption(table, order, sources, notes)
    # Double column: thirty-odd yearly windows need the width to keep their points apart.
    fig, ax = figure_and_axes(ax, figsize=print_size(3.9, text))
    _draw_lines(fig, ax, matrix, labels, rank=rank, ranges=ranges)
    ax.set_xlim(-0.5, len(order) - 0.5)
    _finish_axes(ax, measure, order, len(actors), rank=rank)
    add_caption(fig, text)
    return fig


def _draw_lines(
    fig: Figure,
    ax: Axes,
    matrix: np.ndarray,
    labels: Sequence[str],
    *,
    rank: bool,
    ranges: tuple[np.ndarray, np.ndarray] | None = None,
) -> None:
    """One line per row of ``matrix``; values shared in a window are spread a point apart.

    A value held by one actor is drawn where it is. Ranks run downwards from 1 at the top.
    ``ranges`` (low, high): a bar where the two readings of dates differ.
    """
    limits = value_limits(matrix if ranges is None else np.vstack([matrix, *ranges]), rank=rank)
    ax.set_ylim(limits[::-1] if rank else limits)
    height_pt = ax.get_position().height * fig.get_figheight() * 72
    per_point = (limits[1] - limits[0]) / max(height_pt, 1.0) * (-1 if rank else 1)
    shifts = tie_offsets(matrix) * -SPREAD_PT * per_point
    x = np.arange(matrix.shape[1])
    for i, label in enumerate(labels):
        if ranges is not None:
            _draw_range(ax, x, ranges[0][i] + shifts[i], ranges[1][i] + shifts[i], i)
        ax.plot(
            x,
            matrix[i] + shifts[i],
            color=OKABE_ITO[i % len(OKABE_ITO)],
            marker=MARKERS[i % len(MARKERS)],
            markersize=5,
            linewidth=1.6,
            label=label,
            markeredgecolor="white",
            markeredgewidth=0.6,
            zorder=3 + (len(labels) - i) * 0.01,
        )


def _draw_range(ax: Axes, x: np.ndarray, low: np.ndarray, high: np.ndarray, i: int) -> None:
    differs = np.isfinite(low) & np.isfinite(high) & ~np.isclose(low, high)
    if differs.any():
        ax.vlines(
            x[differs],
            low[differs],
            high[differs],
            color=OKABE_ITO[i % len(OKABE_ITO)],
            linewidth=4,
            alpha=0.35,
            zorder=2,
        )


def _finish_axes(
    ax: Axes, measure: str, order: Sequence[Window], count: int, *, rank: bool
) -> None:
    """The y label (and integer ticks for ranks), the style, the window ticks and the x
    label, the title, and the legend below."""
    name = measure_name(measure)
    lowered = name[0].lower() + name[1:]
    if rank:
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.set_ylabel(f"Rank by {lowered}\n(1 = highest in the window)", fontsize=LABEL_SIZE)
    else:
        ax.set_ylabel(name, fontsize=LABEL_SIZE)
    style_axes(ax, grid="y")
    set_window_ticks(ax, [window_label(w) for w in order])
    ax.set_xlabel(window_axis_label(order), fontsize=LABEL_SIZE)
    what = f"Rank by {lowered}" if rank else name
    set_title(ax, f"{what} per window: the {count} actors with the highest totals")
    legend_below(ax, *ax.get_legend_handles_labels())
