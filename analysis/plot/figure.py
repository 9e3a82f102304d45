"""Figures and axes: headless creation, the shared axes style, window ticks, and saving.

Figures draw on the Agg canvas: pyplot is never used, so no window opens and no figure
is kept alive by a global registry.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .style import TICK_SIZE, TITLE_SIZE

__all__ = [
    "attach_canvas",
    "figure_and_axes",
    "figure_of",
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
    with matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42}):
        for suffix, options in formats:
            target = path.with_name(path.name + suffix)
            figure.savefig(target, format=suffix[1:], facecolor="white", **options)
            written.append(target)
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
    """A left-aligned title, wrapped to the figure's width."""
    chars = int(figure_of(ax).get_figwidth() * 0.8 * 72 / (TITLE_SIZE * 0.55))
    ax.set_title("\n".join(textwrap.wrap(text, chars)), fontsize=TITLE_SIZE, loc="left")


def style_axes(ax: Axes, *, grid: Literal["both", "x", "y"]) -> None:
    """Small ticks, no top or right spine, and a light grid behind the data."""
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis=grid, color="0.9", linewidth=0.7)
    ax.set_axisbelow(True)


def set_window_ticks(ax: Axes, labels: Sequence[str]) -> None:
    """Window labels on x: all of them when they fit, else wrapped, thinned or turned."""
    n = len(labels)
    ax.set_xticks(range(n))
    width_in = figure_of(ax).get_figwidth() * 0.72
    slot_pt = 72 * width_in / max(n, 1)
    char_pt = TICK_SIZE * 0.6
    longest = max((len(s) for s in labels), default=0)
    if longest * char_pt + 4 <= slot_pt:
        ax.set_xticklabels(labels, fontsize=TICK_SIZE)
    elif longest <= 9:  # short labels such as years: label every k-th window
        _thin_ticks(ax, labels, slot_pt, longest * char_pt)
    else:
        _wrap_ticks(ax, labels, max(8, int(slot_pt / char_pt) - 1))


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


def _wrap_ticks(ax: Axes, labels: Sequence[str], chars: int) -> None:
    """Labels wrapped onto lines of ``chars``, or cut short and turned if one needs 6 lines."""
    wrapped = ["\n".join(textwrap.wrap(s, chars)) for s in labels]
    if max(s.count("\n") for s in wrapped) <= 4:
        ax.set_xticklabels(wrapped, fontsize=TICK_SIZE)
    else:
        short = [s if len(s) <= 30 else s[:29] + "\u2026" for s in labels]
        ax.set_xticklabels(
            short, fontsize=TICK_SIZE, rotation=30, ha="right", rotation_mode="anchor"
        )
