"""Publication figures of who mediated, when, and how.

Every plot function draws with the headless Agg canvas (pyplot is never used, so no
window opens and no figure is kept alive by a global registry), takes ``ax=`` (or
``axes=``) to draw into an existing figure, and returns the `~matplotlib.figure.Figure`.
Every figure carries a caption at its bottom that names the sources and the time
slicing: the kind of windows, the ``dates`` reading (strict or lenient, see
`dipgraph.analysis.timeline`) and the ``level`` of attribution (see
`dipgraph.analysis.actors`); ``caption=`` adds the caller's own text to it.

- `plot_trajectories`: a measure (or its rank) per window for the top actors;
- `plot_heatmap`: actor x window matrix of a measure;
- `plot_brokerage_mix`: the Gould--Fernandez role counts per window, stacked;
- `plot_role_timeline`: swimlanes of each state's co-chairmanships, memberships and
  dated mediation;
- `plot_period_networks`: one interaction graph per window, on one fixed layout;
- `save_figure`: PNG (200 dpi), SVG (text kept as text) and PDF (TrueType fonts).

A figure a plot function makes itself is drawn at its print size: 7.2 in wide (a
journal's double column; every figure here has thirty-odd yearly windows or five panels
to spread out), as tall as its content needs and at most a page (9.5 in), with no text
under 7 pt. Titles, captions, window labels and legends are wrapped or laid out to fit
that width; legends sit below the axes (or in a spare panel).

The first three take the tidy table of `dipgraph.analysis.measures.profile`. Colours
come from the Okabe--Ito palette and the colour maps are viridis and PuOr, all readable
with the common colour-vision deficiencies.

The modules: `~dipgraph.analysis.plot.style` (colours, print and font sizes, wording),
`~dipgraph.analysis.plot.labels` (names and abbreviations),
`~dipgraph.analysis.plot.captions`, `~dipgraph.analysis.plot.figure` (figures, axes,
saving), the data each figure shows in `~dipgraph.analysis.plot.table_data` and
`~dipgraph.analysis.plot.graph_data` (no drawing there), and one module per figure.

Examples
--------
>>> import pandas as pd
>>> rows = [("1994", "1994-01-01", "1994-12-31", "ru", "Russia", 1.0),
...         ("1995", "1995-01-01", "1995-12-31", "ru", "Russia", 0.5)]
>>> table = pd.DataFrame(rows, columns=["window", "start", "end", "actor", "name", "value"])
>>> table = table.assign(level="state", dates="lenient", measure="mediation_betweenness")
>>> figure = plot_trajectories(table, sources=["A chronicle"])
>>> [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
['Russia']
>>> "lenient" in caption_of(figure) and "A chronicle" in caption_of(figure)
True
"""

from __future__ import annotations

from .brokerage_mix import plot_brokerage_mix
from .captions import caption_of
from .figure import save_figure
from .heatmap import plot_heatmap
from .labels import display_name, measure_name, source_titles
from .period_networks import plot_period_networks
from .role_timeline import plot_role_timeline
from .table_data import top_actors
from .trajectories import plot_trajectories

__all__ = [
    "caption_of",
    "display_name",
    "measure_name",
    "plot_brokerage_mix",
    "plot_heatmap",
    "plot_period_networks",
    "plot_role_timeline",
    "plot_trajectories",
    "save_figure",
    "source_titles",
    "top_actors",
]
