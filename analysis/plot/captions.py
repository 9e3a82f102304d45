"""Figure captions: the sources and the time slicing a figure rests on, at its bottom,
and the print size of a figure with its caption.

Every figure carries a caption that names the sources and the time slicing: the kind of
windows, the ``dates`` reading (strict or lenient, see `dipgraph.analysis.timeline`) and
the ``level`` of attribution (see `dipgraph.analysis.actors`).

Examples
--------
>>> from dipgraph.analysis.timeline import fixed_windows
>>> slicing = slicing_text(fixed_windows(1994, 1995), ["strict"], [])
>>> compose_caption(["A chronicle"], slicing, None)[:63]
'Sources: A chronicle. Windows: 2 fixed calendar-year windows, 1'
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine, TightLayoutEngine

from ..timeline import Window
from .labels import describe_windows, join_text, wrap_to_width
from .style import (
    CAPTION_GID,
    CAPTION_SIZE,
    DATES_TEXT,
    DOUBLE_COLUMN,
    LEVEL_TEXT,
    MEDIATION_TEXT,
    PAGE_HEIGHT,
)

__all__ = [
    "add_caption",
    "caption_of",
    "compose_caption",
    "print_size",
    "slicing_text",
    "table_caption",
]


def caption_of(figure: Figure) -> str:
    """The caption text `plot_*` put at the bottom of ``figure`` ("" if none)."""
    return "\n".join(t.get_text() for t in figure.texts if t.get_gid() == CAPTION_GID)


def add_caption(fig: Figure, text: str) -> None:
    """Put ``text`` at the bottom of ``fig``, wrapped, below any caption it has, and make room.

    Lines the figure's caption already holds are not repeated, so figures drawn into one
    figure share one caption.
    """
    lines = _take_caption_lines(fig)
    for line in _caption_lines(text, fig.get_figwidth()):
        if line not in lines:
            lines.append(line)
    fig.text(
        0.01,
        0.008,
        "\n".join(lines),
        ha="left",
        va="bottom",
        fontsize=CAPTION_SIZE,
        color="#444444",
        gid=CAPTION_GID,
    )
    _reserve_bottom(fig, _lines_height(len(lines)) / fig.get_figheight())


def print_size(
    content: float, caption: str, *, width: float = DOUBLE_COLUMN
) -> tuple[float, float]:
    """A figure's size in inches: ``width``, and ``content`` inches plus the height of
    ``caption`` wrapped to that width, at most `PAGE_HEIGHT`.

    >>> print_size(3.0, "Sources: A chronicle.")
    (7.2, 3.24)
    """
    height = content + _lines_height(len(_caption_lines(caption, width)))
    return width, round(min(PAGE_HEIGHT, height), 2)


def _caption_lines(text: str, width: float) -> list[str]:
    """``text``'s paragraphs wrapped to a caption across a figure ``width`` inches wide."""
    room = 72 * 0.98 * width - 2  # the caption starts at 1% of the width
    return [
        line
        for paragraph in text.split("\n")
        for line in wrap_to_width(paragraph, CAPTION_SIZE, room) or [""]
    ]


def _lines_height(count: int) -> float:
    """Inches taken by ``count`` caption lines and the space around them."""
    return (count * CAPTION_SIZE * 1.32 + 8) / 72


def _take_caption_lines(fig: Figure) -> list[str]:
    """The lines of the figure's caption texts, which are removed."""
    lines: list[str] = []
    for t in [t for t in fig.texts if t.get_gid() == CAPTION_GID]:
        lines += t.get_text().split("\n")
        t.remove()
    return lines


def _reserve_bottom(fig: Figure, fraction: float) -> None:
    """Keep the axes out of the bottom ``fraction`` of the figure, whatever its layout."""
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0, fraction, 1, 1 - fraction))
    elif isinstance(engine, TightLayoutEngine):
        engine.set(rect=(0, fraction, 1, 1))
    else:
        fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, fraction + 0.08))


def compose_caption(sources: Sequence[str] | None, slicing: str, extra: str | None) -> str:
    """``Sources: ...`` (or that none were given), the slicing, and the caller's text."""
    said = "; ".join(sources) if sources else "not given (pass sources=)"
    return join_text(f"Sources: {said}.", slicing, extra)


def table_caption(
    table: pd.DataFrame, order: Sequence[Window], sources: Sequence[str] | None, extra: str | None
) -> str:
    """The caption of a figure of the measures table: its windows, dates, levels and what
    counts as mediation."""
    dates = sorted(table["dates"].dropna().unique()) if "dates" in table else []
    levels = sorted(table["level"].dropna().unique()) if "level" in table else []
    kinds = sorted(table["mediation"].dropna().unique()) if "mediation" in table else []
    counted = ". ".join(MEDIATION_TEXT.get(k, k) for k in kinds)
    return compose_caption(
        sources,
        slicing_text(order, dates, levels),
        join_text(f"{counted}." if kinds else "", extra),
    )


def slicing_text(windows: Sequence[Window], dates: Sequence[str], levels: Sequence[str]) -> str:
    """``Windows: ... Dates: ... Level: ...``, each reading spelt out.

    >>> slicing_text([], [], ["person"])
    'Windows: none. Level: person (every actor acts for itself).'
    """
    parts = [f"Windows: {describe_windows(windows)}"]
    if dates:
        parts.append("Dates: " + "; ".join(DATES_TEXT.get(d, d) for d in dates))
    if levels:
        parts.append("Level: " + "; ".join(LEVEL_TEXT.get(v, v) for v in levels))
    return ". ".join(parts) + "."
