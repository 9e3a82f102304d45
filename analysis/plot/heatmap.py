"""`plot_heatmap`: an actor x window matrix of one measure, with a colour bar.

Values are coloured with viridis, or with PuOr centred on 0 for a measure with values on
both sides of it (the brokerage z-scores); both read with the common colour-vision
deficiencies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Colormap, Normalize, TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from ..timeline import Window
from .captions import add_caption, print_size, table_caption
from .figure import figure_and_axes, set_title, set_window_ticks
from .labels import (
    abbreviations,
    join_text,
    measure_name,
    table_labels,
    table_names,
    window_axis_label,
    window_label,
)
from .style import ANNOTATION_SIZE, LABEL_SIZE, TICK_SIZE
from .table_data import measure_matrix, measure_rows, top_actors, value_range, window_order

__all__ = ["plot_heatmap"]

NO_VALUE_COLOUR = "#E6E6E6"
COLOUR_BAR_ROOM = 0.85  # inches right of the cells: the colour bar, its ticks and label


def plot_heatmap(
    table: pd.DataFrame,
    *,
    measure: str = "mediation_betweenness",
    top: int = 15,
    windows: Sequence[Window] | None = None,
    names: Mapping[str, str] | None = None,
    sources: Sequence[str] | None = None,
    caption: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """An actor x window heatmap of one measure, with a colour bar.

    Parameters
    ----------
    table
        The tidy table of `dipgraph.analysis.measures.profile`.
    measure
        The measure to draw.
    top
        How many actors (rows): the largest totals of ``measure``, largest first.
    windows, names, sources, caption, ax
        As for `plot_trajectories`.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Grey cells: the actor has no value in that window. A
        measure with negative values (the brokerage z-scores) gets a diverging map
        centred on 0.
    """
    rows = measure_rows(table, measure)
    order = window_order(table, windows)
    actors = top_actors(table, measure=measure, top=top)
    matrix = measure_matrix(rows, actors, order)
    labels = table_labels(table, actors, names, width=24, lines=2 if len(actors) <= 20 else 1)
    short = abbreviations(labels, table_names(table, actors))
    text = table_caption(table, order, sources, join_text(short, caption))
    # Double column: a cell per window, and thirty-odd yearly windows need the width.
    fig, ax = figure_and_axes(ax, figsize=print_size(_content_height(order, len(actors)), text))
    cmap, norm = _colour_scale(matrix)
    image = ax.imshow(
        np.ma.masked_invalid(matrix), aspect="auto", cmap=cmap, norm=norm, interpolation="nearest"
    )
    ax.set_yticks(range(len(actors)), labels, fontsize=TICK_SIZE)
    set_window_ticks(ax, [window_label(w) for w in order], reserve=COLOUR_BAR_ROOM)
    _draw_cell_grid(ax, matrix.shape)
    if len(order) <= 12 and len(actors) <= 20:
        _write_values(ax, matrix, cmap, norm)
    name = measure_name(measure)
    _add_colour_bar(fig, ax, image, name)
    ax.set_xlabel(window_axis_label(order), fontsize=LABEL_SIZE)
    set_title(ax, f"{name} by actor and window (the {len(actors)} highest totals; grey: no value)")
    add_caption(fig, text)
    return fig


def _content_height(order: Sequence[Window], actors: int) -> float:
    """Inches above the caption: the title, the x axis (more for window labels that wrap)
    and a row per actor, 0.28 in (room for a label of two lines; 0.16 in for more than 20
    actors, whose labels take one), and at least 1.7 in for the colour bar's label."""
    wraps = max((len(window_label(w)) for w in order), default=0) > 9
    rows = (0.28 if actors <= 20 else 0.16) * actors
    return 0.8 + (0.3 if wraps else 0.0) + max(rows, 1.7)


def _add_colour_bar(fig: Figure, ax: Axes, image: AxesImage, name: str) -> None:
    """The colour bar right of the axes, labelled with the measure."""
    bar = fig.colorbar(image, ax=ax, shrink=0.9, pad=0.015, aspect=25)
    bar.set_label(name, fontsize=LABEL_SIZE)
    bar.ax.tick_params(labelsize=TICK_SIZE)
    bar.outline.set_visible(False)


def _colour_scale(matrix: np.ndarray) -> tuple[Colormap, Normalize]:
    """PuOr centred on 0 for values on both sides of 0, else viridis from 0 (or below)."""
    low, high = value_range(matrix)
    norm: Normalize
    if low < 0 < high:
        cmap, norm = mpl.colormaps["PuOr_r"].copy(), TwoSlopeNorm(0, low, high)
    else:
        cmap = mpl.colormaps["viridis"].copy()
        norm = Normalize(min(low, 0.0), high if high > min(low, 0.0) else 1.0)
    return cmap.with_extremes(bad=NO_VALUE_COLOUR), norm


def _draw_cell_grid(ax: Axes, shape: tuple[int, ...]) -> None:
    """White lines between the cells, and no ticks or spines."""
    ax.tick_params(axis="both", length=0)
    ax.set_xticks(np.arange(-0.5, shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, shape[0]), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.2)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _write_values(ax: Axes, matrix: np.ndarray, cmap: Colormap, norm: Normalize) -> None:
    """Each value in its cell, black on light colours and white on dark ones."""
    for (i, j), value in np.ndenumerate(matrix):
        if np.isfinite(value):
            shade = cmap(norm(value))
            light = 0.299 * shade[0] + 0.587 * shade[1] + 0.114 * shade[2] > 0.55
            ax.text(
                j,
                i,
                f"{value:.2g}",
                ha="center",
                va="center",
                fontsize=ANNOTATION_SIZE,
                color="black" if light else "white",
            )
