"""`plot_brokerage_mix`: the five Gould--Fernandez role counts per window, stacked."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..brokerage import BROKERAGE_ROLES
from ..timeline import Window
from .captions import add_caption, print_size, table_caption
from .figure import figure_and_axes, legend_below, set_title, set_window_ticks, style_axes
from .labels import join_text, window_axis_label, window_label
from .style import LABEL_SIZE
from .table_data import brokerage_measures, brokerage_sums, window_order

__all__ = ["plot_brokerage_mix"]

ROLE_COLOURS = dict(
    zip(BROKERAGE_ROLES, ("#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#0072B2"), strict=True)
)
GROUPS_NOTE = (
    "Roles on the exchange graph (mediator\u2013party ties both ways), with the conflict's "
    "sides and the third parties as groups."
)


def plot_brokerage_mix(
    table: pd.DataFrame,
    *,
    windows: Sequence[Window] | None = None,
    sources: Sequence[str] | None = None,
    caption: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Stacked bars per window of the five Gould--Fernandez role counts, over all actors.

    Parameters
    ----------
    table
        The tidy table of `dipgraph.analysis.measures.profile` (its ``brokerage_<role>``
        rows; the ``_z`` rows are not used).
    windows, sources, caption, ax
        As for `plot_trajectories`.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on; a bar's height is the number of brokered ordered pairs.
    """
    sums = brokerage_sums(table, windows)
    order = window_order(table, windows)
    text = table_caption(table, order, sources, join_text(GROUPS_NOTE, caption))
    # Double column: a bar per window, and thirty-odd yearly bars need the width.
    fig, ax = figure_and_axes(ax, figsize=print_size(3.5, text))
    _draw_bars(ax, sums)
    ax.set_xlim(-0.6, len(order) - 0.4)
    ax.set_ylabel("Brokered ordered pairs\n(sum over actors)", fontsize=LABEL_SIZE)
    style_axes(ax, grid="y")
    set_window_ticks(ax, [window_label(w) for w in order])
    ax.set_xlabel(window_axis_label(order), fontsize=LABEL_SIZE)
    set_title(ax, "Gould\u2013Fernandez brokerage roles per window")
    handles, labels = ax.get_legend_handles_labels()
    legend_below(ax, handles, labels)
    add_caption(fig, text)
    return fig


def _draw_bars(ax: Axes, sums: pd.DataFrame) -> None:
    """One bar per window (row of ``sums``), stacked by role in role order from the bottom."""
    x = np.arange(len(sums))
    bottom = np.zeros(len(sums))
    for role, measure in zip(BROKERAGE_ROLES, brokerage_measures(), strict=True):
        heights = sums[measure].to_numpy()
        ax.bar(
            x,
            heights,
            bottom=bottom,
            width=0.78,
            color=ROLE_COLOURS[role],
            label=role.capitalize(),
            edgecolor="white",
            linewidth=0.4,
        )
        bottom += heights
