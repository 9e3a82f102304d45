"""Figures and axes: headless creation, the shared axes style, titles, window ticks and
legends that fit the printed width, and saving.

Figures draw on the Agg canvas: pyplot is never used, so no window opens and no figure
is kept alive by a global registry.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import matplotlib
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.legend import Legend
from matplotlib.transforms import ScaledTranslation

from .labels import text_width, wrap_to_width
from .style import LEGEND_SIZE, TICK_SIZE, TITLE_SIZE

__all__ = [
    "attach_canvas",
    "axes_room",
    "figure_and_axes",
    "figure_of",
    "legend_below",
    "new_figure",
    "save_figure",
    "set_title",
    "set_window_ticks",
    "style_axes",
]


def save_figure(figure: Figure, path: str | Path) -> list[Path]:
    """Write ``figure`` as ``path.png`` (200 dpi), ``path.svg`` and ``path.pdf``.

    The SVG keeps its text as text (editable, searchable) and the PDF embeds its fonts
    as TrueType, so a journal's editor can change a label; neither carries a date.

    Parameters
    ----------
    figure
        The figure to write.
    path
        The file path without suffix; missing folders are created.

    Returns
    -------
    list of pathlib.Path
        The PNG, the SVG and the PDF written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    attach_canvas(figure)
    written = []
    formats = (
        (".png", {"dpi": 200}),
        (".svg", {"metadata": {"Date": None}}),
        (".pdf", {"metadata": {"CreationDate": None, "ModDate": None}}),
    )
    engine = figure.get_layout_engine()
    # A fixed salt: the SVG's element ids, else random, are the same on every run.
    with matplotlib.rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": "dipgraph", "pdf.fonttype": 42}
    ):
        for suffix, options in formats:
            target = path.with_name(path.name + suffix)
            figure.savefig(target, format=suffix[1:], facecolor="white", **options)
            written.append(target)
            # Laid out once, on the first save: the other formats keep those positions
            # instead of solving the layout again (a second or so per figure).
            figure.set_layout_engine("none")
    figure.set_layout_engine(engine)
    return written


def attach_canvas(fig: Figure) -> None:
    """Give ``fig`` an Agg canvas unless it has one."""
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)


def new_figure(size: tuple[float, float]) -> Figure:
    """A white figure of ``size`` inches with constrained layout, on an Agg canvas."""
    fig = Figure(figsize=size, layout="constrained", facecolor="white")
    attach_canvas(fig)
    return fig


def figure_and_axes(ax: Axes | None, *, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """``ax`` and its figure, or a new figure of ``figsize`` with one axes."""
    if ax is not None:
        return figure_of(ax), ax
    fig = new_figure(figsize)
    return fig, fig.add_subplot()


def figure_of(ax: Axes) -> Figure:
    """The figure ``ax`` is drawn in; raise `TypeError` for axes of a subfigure."""
    fig = ax.figure
    if not isinstance(fig, Figure):
        raise TypeError(f"draw on the axes of a Figure, not of a {type(fig).__name__}")
    return fig


def set_title(ax: Axes, text: str) -> None:
    """A left-aligned title, wrapped to the room from the axes' left edge to the figure's
    right edge (or the axes' cell's)."""
    lines = wrap_to_width(text, TITLE_SIZE, 72 * axes_room(ax))
    ax.set_title("\n".join(lines), fontsize=TITLE_SIZE, loc="left")


def style_axes(ax: Axes, *, grid: Literal["both", "x", "y"]) -> None:
    """Small ticks, no top or right spine, and a light grid behind the data."""
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis=grid, color="0.9", linewidth=0.7)
    ax.set_axisbelow(True)


def axes_room(ax: Axes, *, reserve: float = 0.0) -> float:
    """Inches from the axes' left edge to the right edge of its cell, less ``reserve``.

    Under constrained layout the axes will start right of its y tick labels and y label,
    measured here, and its cell is its share of its grid's columns; without it, the
    axes' own width.
    """
    fig = figure_of(ax)
    spec = ax.get_subplotspec()
    if spec is None or not isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
        return max(ax.get_position().width * fig.get_figwidth() - reserve, 0.5)
    share = len(spec.colspan) / spec.get_gridspec().ncols
    box = ax.yaxis.get_tightbbox(_renderer(fig))
    left = 0.0 if box is None else max(ax.bbox.x0 - box.x0, 0.0) / fig.dpi
    return max(fig.get_figwidth() * share - left - reserve - 0.12, 0.5)


def legend_below(
    ax: Axes, handles: Sequence[Artist], labels: Sequence[str], *, title: str | None = None
) -> Legend:
    """The legend under the axes' x axis, aligned with its left edge, in as many columns
    as fit the room `axes_room` gives (filled column by column)."""
    fig = figure_of(ax)
    widest = max((text_width(label, LEGEND_SIZE) for label in labels), default=0.0)
    column = widest + LEGEND_SIZE * (2.0 + 0.8 + 2.0)  # handle, its pad, the column space
    ncols = max(1, min(len(labels), int(72 * axes_room(ax) // column)))
    box = ax.xaxis.get_tightbbox(_renderer(fig))
    drop = 3.0 / 72 + (0.0 if box is None else max(ax.bbox.y0 - box.y0, 0.0) / fig.dpi)
    return ax.legend(
        handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        bbox_transform=ax.transAxes + ScaledTranslation(0.0, -drop, fig.dpi_scale_trans),
        borderaxespad=0.0,
        ncols=ncols,
        fontsize=LEGEND_SIZE,
        frameon=False,
        columnspacing=2.0,
        title=title,
        title_fontsize=LEGEND_SIZE,
    )


def set_window_ticks(ax: Axes, labels: Sequence[str], *, reserve: float = 0.0) -> None:
    """Window labels on x: all of them when they fit, else wrapped, thinned or turned.

    The room per window is the axes' (`axes_room`, less ``reserve`` inches taken on its
    right, as by a colour bar) shared among the windows; label widths are measured.
    """
    n = len(labels)
    ax.set_xticks(range(n))
    slot_pt = 72 * axes_room(ax, reserve=reserve) / max(n, 1)
    widest = max((text_width(s, TICK_SIZE) for s in labels), default=0.0)
    if widest + 4 <= slot_pt:
        ax.set_xticklabels(labels, fontsize=TICK_SIZE)
    elif max((len(s) for s in labels), default=0) <= 9:  # short labels such as years
        _thin_ticks(ax, labels, slot_pt, widest)
    else:
        _wrap_ticks(ax, labels, slot_pt - 4)


def _thin_ticks(ax: Axes, labels: Sequence[str], slot_pt: float, label_pt: float) -> None:
    """Label every k-th window (the years divisible by k), with minor ticks at all."""
    n = len(labels)
    step = next((k for k in (2, 5, 10, 20) if label_pt + 6 <= slot_pt * k), 50)
    years = [int(s) if s.isdigit() else None for s in labels]
    keep = (
        [y % step == 0 for y in years if y is not None]
        if all(years)
        else [i % step == 0 for i in range(n)]
    )
    ax.set_xticks(
        [i for i in range(n) if keep[i]],
        [s for s, k in zip(labels, keep, strict=True) if k],
        fontsize=TICK_SIZE,
    )
    ax.set_xticks(range(n), minor=True)


def _wrap_ticks(ax: Axes, labels: Sequence[str], width_pt: float) -> None:
    """Labels wrapped to ``width_pt``, or cut short and turned upright if one then needs
    more than 4 lines or has a word too wide for the width."""
    wrapped = [wrap_to_width(s, TICK_SIZE, width_pt) for s in labels]
    fits = all(text_width(line, TICK_SIZE) <= width_pt for lines in wrapped for line in lines)
    if fits and max(len(lines) for lines in wrapped) <= 4:
        ax.set_xticklabels(["\n".join(lines) for lines in wrapped], fontsize=TICK_SIZE)
    else:
        short = [s if len(s) <= 30 else s[:29] + "\u2026" for s in labels]
        ax.set_xticklabels(short, fontsize=TICK_SIZE, rotation=90)


def _renderer(fig: Figure) -> RendererAgg:
    """A renderer at the figure's dpi, to measure its artists (it draws nothing)."""
    return RendererAgg(int(fig.bbox.width) or 1, int(fig.bbox.height) or 1, fig.dpi)
