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
- `save_figure`: PNG (200 dpi) and SVG.

The first three take the tidy table of `dipgraph.analysis.measures.profile`. Colours
come from the Okabe--Ito palette and the colour maps are viridis and PuOr, all readable
with the common colour-vision deficiencies.

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

import datetime as dt
import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import matplotlib as mpl
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine, TightLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from dipgraph.errors import AnalysisError
from dipgraph.loader.timespan import parse_time

from .actors import Fact, actor_facts, sides_in_window
from .brokerage import ROLES as BROKERAGE_ROLES
from .projections import ITEM_LABELS, actor_item_graph, interaction_graph
from .timeline import Window, fact_time, is_active

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

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common
# colour-vision deficiencies. Yellow comes last: it is faint on white.
OKABE_ITO = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
GREY = "#9E9E9E"
MARK_COLOUR = "#D55E00"  # vermillion: mediation marks

TITLE_SIZE, LABEL_SIZE, TICK_SIZE, LEGEND_SIZE, CAPTION_SIZE = 11, 9, 8, 8, 7.5
CAPTION_GID = "caption"
SPREAD_PT = 1.6  # points between tied lines

MEASURE_NAMES = {
    "degree": "Degree (partners)",
    "strength": "Strength (shared events and documents)",
    "betweenness": "Betweenness",
    "harmonic": "Harmonic centrality",
    "pagerank": "PageRank",
    "eigenvector": "Eigenvector centrality",
    "constraint": "Burt's constraint",
    "effective_size": "Effective size",
    "mediation_betweenness": "Mediation betweenness",
    "mediation_share": "Share of mediated items",
    "group_betweenness": "Group betweenness",
}
DATES_TEXT = {
    "lenient": "lenient (a fact counts in every window it may fall in; undated facts count "
    "everywhere)",
    "strict": "strict (a fact counts only in the windows it certainly falls in; undated facts "
    "never count)",
}
LEVEL_TEXT = {
    "state": "state (acts attributed to the state or body they were done for)",
    "person": "person (every actor acts for itself)",
}


# -- public helpers -----------------------------------------------------------------------


def caption_of(figure: Figure) -> str:
    """The caption text `plot_*` put at the bottom of ``figure`` ("" if none)."""
    return "\n".join(t.get_text() for t in figure.texts if t.get_gid() == CAPTION_GID)


def source_titles(graph: nx.MultiDiGraph, ids: Iterable[str] | None = None) -> list[str]:
    """Readable references for Source nodes: ``Remler et al. (2020), "OSCE Minsk Group"``.

    Parameters
    ----------
    graph
        The graph of `dipgraph.loader.build_networkx`.
    ids
        Source ids to describe, in any order; ``None`` for every Source node. An id
        that is not a Source node is kept as it is.

    Returns
    -------
    list of str
        One reference per source, sorted.
    """
    if ids is None:
        ids = [n for n, label in graph.nodes(data="label") if label == "Source"]
    out = set()
    for source in ids:
        attrs = graph.nodes[source] if source in graph else {}
        if attrs.get("label") != "Source":
            out.add(str(source))
            continue
        authors = list(attrs.get("authors") or ())
        surnames = [a.split()[-1] for a in authors]
        who = (
            f"{surnames[0]} et al."
            if len(surnames) > 2
            else " and ".join(surnames)
            if surnames
            else ""
        )
        year = _published(attrs.get("published"))
        inner = (
            str(attrs.get("title") or source)
            .replace("\u201c", "\u2018")
            .replace("\u201d", "\u2019")
        )
        title = f"\u201c{inner}\u201d"
        if who:
            out.add(f"{who} ({year}), {title}" if year else f"{who}, {title}")
        else:
            out.add(f"{title} ({year})" if year else title)
    return sorted(out)


def display_name(name: str, aliases: Sequence[str] = (), *, width: int = 18, lines: int = 2) -> str:
    """A label that fits ``lines`` lines of ``width`` characters.

    The name itself if it fits on one line, else wrapped onto at most ``lines`` lines,
    else its shortest acronym alias (``OSCE``), else its longest alias that fits, else
    the initials of its capitalised words (``CIS IPA``), else the name cut short.

    >>> display_name("Organization for Security and Co-operation in Europe", ["OSCE"])
    'OSCE'
    >>> display_name("CIS Inter-Parliamentary Assembly")
    'CIS IPA'
    >>> display_name("Nagorno-Karabakh Republic")
    'Nagorno-Karabakh\\nRepublic'
    """
    name = str(name)
    if len(name) <= width:
        return name
    wrapped = textwrap.wrap(name, width, break_long_words=False)
    if len(wrapped) <= lines and all(len(part) <= width for part in wrapped):
        return "\n".join(wrapped)
    fitting = sorted((a for a in aliases if len(a) <= width), key=len)
    acronyms = [a for a in fitting if a.replace("/", "").replace(".", "").isupper()]
    if acronyms:
        return acronyms[0]
    if fitting:
        longest = fitting[-1]  # the most telling of the aliases that fit
        return longest[0].upper() + longest[1:]
    initials = _initials(name)
    if initials:
        return initials
    return name[: width - 1] + "\u2026"


def save_figure(figure: Figure, path: str | Path) -> list[Path]:
    """Write ``figure`` as ``path.png`` (200 dpi) and ``path.svg``.

    Parameters
    ----------
    figure
        The figure to write.
    path
        The file path without suffix; missing folders are created.

    Returns
    -------
    list of pathlib.Path
        The PNG and the SVG written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _canvas(figure)
    written = []
    for suffix, options in ((".png", {"dpi": 200}), (".svg", {"metadata": {"Date": None}})):
        target = path.with_name(path.name + suffix)
        figure.savefig(target, format=suffix[1:], facecolor="white", **options)
        written.append(target)
    return written


# -- figures from the measures table ------------------------------------------------------


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
        Axes to draw on; by default a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Lines that share a value are drawn a point apart, so none
        hides another; windows where an actor has no value are gaps.
    """
    rows = _measure_rows(table, measure)
    order = _window_order(table, windows)
    actors = top_actors(table, measure=measure, top=top)
    if rank:
        rows = rows.assign(
            value=rows.groupby("window")["value"].rank(ascending=False, method="min")
        )
    matrix = _matrix(rows, actors, order)
    labels = _labels(table, actors, names, width=26)
    fig, ax = _figure_and_axes(ax, figsize=(10, 5.2))

    finite = matrix[np.isfinite(matrix)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if not rank:
        low = min(low, 0.0)
    margin = 0.07 * (high - low or 1.0)
    limits = (low - margin, high + margin)
    ax.set_ylim(limits[::-1] if rank else limits)
    # Actors that share a value in a window are spread a point apart there, so that no
    # line hides another; a value held by one actor is drawn where it is.
    height_pt = ax.get_position().height * fig.get_figheight() * 72
    per_point = (limits[1] - limits[0]) / max(height_pt, 1.0) * (-1 if rank else 1)
    shifts = np.zeros_like(matrix)
    for j in range(matrix.shape[1]):
        column = matrix[:, j]
        for value in np.unique(column[np.isfinite(column)]):
            tied = np.flatnonzero(np.isclose(column, value))
            shifts[tied, j] = (np.arange(len(tied)) - (len(tied) - 1) / 2) * -SPREAD_PT * per_point
    x = np.arange(len(order))
    for i in range(len(actors)):
        ax.plot(
            x,
            matrix[i] + shifts[i],
            color=OKABE_ITO[i % len(OKABE_ITO)],
            marker=MARKERS[i % len(MARKERS)],
            markersize=5,
            linewidth=1.6,
            label=labels[i],
            markeredgecolor="white",
            markeredgewidth=0.6,
            zorder=3 + (len(actors) - i) * 0.01,
        )
    ax.set_xlim(-0.5, len(order) - 0.5)
    _window_ticks(ax, [_window_label(w) for w in order])
    short = _abbreviations(labels, _table_names(table, actors))
    name = measure_name(measure)
    lowered = name[0].lower() + name[1:]
    if rank:
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.set_ylabel(f"Rank by {lowered}\n(1 = highest in the window)", fontsize=LABEL_SIZE)
    else:
        ax.set_ylabel(name, fontsize=LABEL_SIZE)
    ax.set_xlabel(_window_axis_label(order), fontsize=LABEL_SIZE)
    what = f"Rank by {lowered}" if rank else name
    _title(ax, f"{what} per window: the {len(actors)} actors with the highest totals")
    _style_axes(ax, grid="y")
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=LEGEND_SIZE,
        frameon=False,
        title="Actor",
        title_fontsize=LEGEND_SIZE,
    )
    tied = "Lines that share a value in a window are drawn a point apart there."
    _add_caption(fig, _caption_text(table, order, sources, _join(tied, short, caption)))
    return fig


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
    rows = _measure_rows(table, measure)
    order = _window_order(table, windows)
    actors = top_actors(table, measure=measure, top=top)
    matrix = _matrix(rows, actors, order)
    labels = _labels(table, actors, names, width=24)
    slot = 0.3 if max((len(w.label) for w in order), default=0) <= 9 else 1.15
    figsize = (min(16, max(6.5, 3.4 + slot * len(order))), max(3.2, 2.1 + 0.36 * len(actors)))
    fig, ax = _figure_and_axes(ax, figsize=figsize)

    finite = matrix[np.isfinite(matrix)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if low < 0 < high:
        cmap, norm = mpl.colormaps["PuOr_r"].copy(), TwoSlopeNorm(0, low, high)
    else:
        cmap = mpl.colormaps["viridis"].copy()
        norm = mpl.colors.Normalize(min(low, 0.0), high if high > min(low, 0.0) else 1.0)
    cmap = cmap.with_extremes(bad="#E6E6E6")
    image = ax.imshow(
        np.ma.masked_invalid(matrix), aspect="auto", cmap=cmap, norm=norm, interpolation="nearest"
    )
    ax.set_yticks(range(len(actors)), labels, fontsize=TICK_SIZE)
    _window_ticks(ax, [_window_label(w) for w in order])
    ax.tick_params(axis="both", length=0)
    # White lines between the cells.
    ax.set_xticks(np.arange(-0.5, len(order)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(actors)), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.2)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if len(order) <= 12 and len(actors) <= 20:
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
                    fontsize=TICK_SIZE - 1,
                    color="black" if light else "white",
                )
    name = measure_name(measure)
    bar = fig.colorbar(image, ax=ax, shrink=0.9, pad=0.015, aspect=25)
    bar.set_label(name, fontsize=LABEL_SIZE)
    bar.ax.tick_params(labelsize=TICK_SIZE)
    bar.outline.set_visible(False)
    ax.set_xlabel(_window_axis_label(order), fontsize=LABEL_SIZE)
    _title(ax, f"{name} by actor and window (the {len(actors)} highest totals; grey: no value)")
    short = _abbreviations(labels, _table_names(table, actors))
    _add_caption(fig, _caption_text(table, order, sources, _join(short, caption)))
    return fig


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
    measures = [f"brokerage_{role}" for role in BROKERAGE_ROLES]
    rows = table[table["measure"].isin(measures)]
    if rows.empty:
        raise AnalysisError("the table has no brokerage_<role> rows to plot")
    order = _window_order(table, windows)
    sums = rows.groupby(["window", "measure"])["value"].sum().unstack(fill_value=0.0)
    sums = sums.reindex(index=[w.label for w in order], columns=measures).fillna(0.0)
    fig, ax = _figure_and_axes(ax, figsize=(10, 4.8))
    x = np.arange(len(order))
    bottom = np.zeros(len(order))
    colours = dict(
        zip(BROKERAGE_ROLES, ("#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#0072B2"), strict=True)
    )
    for role, measure in zip(BROKERAGE_ROLES, measures, strict=True):
        heights = sums[measure].to_numpy()
        ax.bar(
            x,
            heights,
            bottom=bottom,
            width=0.78,
            color=colours[role],
            label=role.capitalize(),
            edgecolor="white",
            linewidth=0.4,
        )
        bottom += heights
    ax.set_xlim(-0.6, len(order) - 0.4)
    _window_ticks(ax, [_window_label(w) for w in order])
    ax.set_ylabel("Brokered ordered pairs (sum over actors)", fontsize=LABEL_SIZE)
    ax.set_xlabel(_window_axis_label(order), fontsize=LABEL_SIZE)
    _title(ax, "Gould\u2013Fernandez brokerage roles per window")
    _style_axes(ax, grid="y")
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(
        handles[::-1],
        labels[::-1],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=LEGEND_SIZE,
        frameon=False,
        title="Role",
        title_fontsize=LEGEND_SIZE,
    )
    extra = (
        "Roles on the exchange graph (mediator\u2013party ties both ways), with the conflict's "
        "sides and the third parties as groups."
    )
    _add_caption(fig, _caption_text(table, order, sources, _join(extra, caption)))
    return fig


def measure_name(measure: str) -> str:
    """A measure's axis label: ``brokerage_liaison_z`` -> ``Liaison brokerage (z-score)``."""
    if measure in MEASURE_NAMES:
        return MEASURE_NAMES[measure]
    found = re.fullmatch(r"brokerage_([a-z]+)(_z)?", measure)
    if found:
        role = found.group(1).capitalize()
        return f"{role} brokerage (z-score)" if found.group(2) else f"{role} brokerage (pairs)"
    return measure.replace("_", " ").capitalize()


def top_actors(table: pd.DataFrame, *, measure: str, top: int) -> list[str]:
    """The ``top`` actor ids with the largest total ``measure`` over windows (ties by name)."""
    rows = _measure_rows(table, measure).dropna(subset=["value"])
    totals = rows.groupby("actor")["value"].sum().reset_index()
    totals["name"] = totals["actor"].map(rows.groupby("actor")["name"].first())
    totals = totals.sort_values(["value", "name"], ascending=[False, True], kind="stable")
    return totals["actor"].head(top).tolist()


# -- figures from the graph ---------------------------------------------------------------


def plot_role_timeline(
    graph: nx.MultiDiGraph,
    *,
    actors: Sequence[str] | None = None,
    start: int = 1991,
    end: int = 2020,
    names: Mapping[str, str] | None = None,
    sources: Sequence[str] | None = None,
    caption: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Swimlanes: each actor's co-chairmanships and memberships, and its dated mediation.

    Parameters
    ----------
    graph
        The graph of `dipgraph.loader.build_networkx`.
    actors
        Actor ids, one lane each, top to bottom; by default the states that co-chaired
        a body or mediated (at state level), ordered by their first dated activity.
    start, end
        The years shown (1 January of ``start`` to 31 December of ``end``).
    names
        Display names by actor id.
    sources
        Source titles or ids for the caption; by default those of the facts drawn.
    caption
        Extra text appended to the caption.
    ax
        Axes to draw on; by default a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Bars are the actor's own ``CO_CHAIR_OF`` and ``MEMBER_OF``
        spells, coloured by role and body; a spell's open end (``..``) runs to the edge,
        an unknown end is drawn faded to the edge. Diamonds are ``MEDIATED`` facts
        attributed to the actor at state level and dated to within a year, at the
        middle of their dates (whiskers: the span of an imprecise date).
    """
    window = Window(f"{start:04d}-01-01", f"{end:04d}-12-31", f"{start}-{end}")
    lo, hi = float(start), float(end + 1)
    labels = dict(graph.nodes(data="label"))
    facts = actor_facts(graph, window, level="state", dates="lenient")
    marks = [m for m in (_mark(graph, f) for f in facts if f.predicate == "MEDIATED") if m]
    spells = [
        (u, v, attrs)
        for u, v, attrs in graph.edges(data=True)
        if attrs["type"] in ("CO_CHAIR_OF", "MEMBER_OF")
        and is_active(fact_time(graph, v, attrs), window, dates="lenient")
        and attrs.get("time") is not None
    ]
    if actors is None:
        chairs = {u for u, _, a in spells if a["type"] == "CO_CHAIR_OF"}
        candidates = {a for a in chairs | {m.fact.actor for m in marks} if labels.get(a) == "State"}
        first: dict[str, float] = {}
        for u, _, attrs in spells:
            known = attrs.get("earliest") or attrs.get("latest")
            if u in candidates and known:
                first[u] = min(first.get(u, math.inf), _year(known))
        for m in marks:
            if m.fact.actor in candidates:
                first[m.fact.actor] = min(first.get(m.fact.actor, math.inf), m.at)
        actors = sorted(candidates, key=lambda a: (first.get(a, math.inf), _name(graph, a)))
    actors = list(actors)
    if not actors:
        raise AnalysisError("no actors to draw a role timeline for")
    spells = [s for s in spells if s[0] in actors]
    marks = [m for m in marks if m.fact.actor in actors]

    kinds = sorted(
        {(a["type"], v) for _, v, a in spells},
        key=lambda k: (k[0] != "CO_CHAIR_OF", _name(graph, k[1])),
    )
    palette = [c for c in OKABE_ITO if c not in (MARK_COLOUR, "#000000")]
    colour_of = {kind: palette[i % len(palette)] for i, kind in enumerate(kinds)}
    # Lanes: one slot per (role, body) the actor held, and one for its mediation marks.
    slot, gap = 0.3, 0.45
    lanes, y = [], 0.0
    for actor in actors:
        own = [k for k in kinds if any(u == actor and (a["type"], v) == k for u, v, a in spells)]
        slots = own + (["MEDIATED"] if any(m.fact.actor == actor for m in marks) else [])
        height = max(len(slots), 1) * slot
        lanes.append((actor, slots, y))
        y += height + gap
    total = y - gap
    fig, ax = _figure_and_axes(ax, figsize=(10, max(3.4, 2.0 + 0.7 * total)))
    used_sources: set[str] = set()
    centres = []
    for row, (actor, slots, top_edge) in enumerate(lanes):
        centres.append(top_edge + max(len(slots), 1) * slot / 2)
        for u, v, attrs in spells:
            if u != actor:
                continue
            y = top_edge + slots.index((attrs["type"], v)) * slot + 0.1 * slot
            used_sources.update(attrs.get("sources", ()))
            _draw_spell(
                ax, fact_time(graph, v, attrs), y, 0.8 * slot, colour_of[(attrs["type"], v)], lo, hi
            )
        for m in marks:
            if m.fact.actor != actor:
                continue
            used_sources.update(m.fact.sources)
            y = top_edge + slots.index("MEDIATED") * slot + 0.5 * slot
            whisker = [[m.at - m.low], [m.high - m.at]] if m.high - m.low > 0.09 else None
            ax.errorbar(
                m.at,
                y,
                xerr=whisker,
                fmt="D",
                markersize=5,
                zorder=5,
                markerfacecolor=MARK_COLOUR if m.certain else "white",
                markeredgecolor="black",
                markeredgewidth=0.6,
                ecolor="#444444",
                elinewidth=0.8,
                capsize=1.8,
            )
        if row:
            ax.axhline(top_edge - gap / 2, color="0.85", linewidth=0.7, zorder=0)
    ax.set_ylim(total + gap / 2, -gap / 2)
    lane_labels = _labels_for_graph(graph, actors, names, width=20)
    ax.set_yticks(centres, lane_labels)
    ax.tick_params(axis="y", length=0, labelsize=LABEL_SIZE)
    ax.set_xlim(lo, hi)
    span = end - start + 1
    step = 1 if span <= 12 else 2 if span <= 24 else 5
    ax.xaxis.set_major_locator(mpl.ticker.MultipleLocator(step))
    ax.xaxis.set_minor_locator(mpl.ticker.MultipleLocator(1))
    ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda value, _: f"{value:.0f}"))
    ax.tick_params(axis="x", labelsize=TICK_SIZE)
    ax.grid(axis="x", which="major", color="0.9", linewidth=0.7, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("Year", fontsize=LABEL_SIZE)
    _title(ax, "Co-chairmanships, memberships and dated mediation, by state")
    handles = [
        Patch(
            facecolor=colour_of[k],
            label=f"{'Co-chair' if k[0] == 'CO_CHAIR_OF' else 'Member'}"
            f" of {_labels_for_graph(graph, [k[1]], None, width=34, lines=1)[0]}",
        )
        for k in kinds
    ]
    handles += [
        Patch(
            facecolor=mpl.colors.to_rgba("0.4", 0.22),
            edgecolor="0.4",
            hatch="////",
            linewidth=0,
            label="Spell whose start or end\nthe record does not know",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="D",
            markersize=5,
            markerfacecolor=MARK_COLOUR,
            markeredgecolor="black",
            markeredgewidth=0.6,
            label="Mediated (dated to within a\nyear; whisker: imprecise date)",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="D",
            markersize=5,
            markerfacecolor="white",
            markeredgecolor="black",
            markeredgewidth=0.6,
            label="Mediated, by or from this date\n(the other bound unknown)",
        ),
    ]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=LEGEND_SIZE,
        frameon=False,
        title="Role",
        title_fontsize=LEGEND_SIZE,
        labelspacing=0.7,
    )
    slicing = (
        f"Windows: none; each fact at its own dated bounds, {start}\u2013{end}. Dates: as "
        "recorded (an open end '..' runs to the edge; a spell is pale and hatched where a "
        "bound is unknown). Bars: the state's own CO_CHAIR_OF and MEMBER_OF records. Markers: "
        "MEDIATED facts dated to within a year or by one known bound. Level: "
        f"{LEVEL_TEXT['state']}."
    )
    short = _abbreviations(lane_labels, [_name(graph, a) for a in actors])
    text = _caption(sources or source_titles(graph, used_sources), slicing, _join(short, caption))
    _add_caption(fig, text)
    return fig


def plot_period_networks(
    graph: nx.MultiDiGraph,
    windows: Sequence[Window],
    sides: Mapping[str, Sequence[str]],
    *,
    level: str = "state",
    dates: str = "lenient",
    axes: Sequence[Axes] | None = None,
    figsize: tuple[float, float] | None = None,
    ncols: int = 3,
    names: Mapping[str, str] | None = None,
    sources: Sequence[str] | None = None,
    caption: str | None = None,
) -> Figure:
    """Small multiples: each window's actor interaction graph, on one fixed layout.

    Parameters
    ----------
    graph
        The graph of `dipgraph.loader.build_networkx`.
    windows
        One panel per window, in the order given (e.g. `dipgraph.analysis.timeline.period_windows`).
    sides
        Side name -> member ids (`dipgraph.analysis.actors.read_sides`, one conflict).
    level, dates
        As for `dipgraph.analysis.actors.actor_facts`.
    axes
        One axes per window to draw on; by default a new figure with ``ncols`` columns
        (a spare cell holds the legend).
    figsize
        Size of the new figure in inches.
    ncols
        Columns of the new figure.
    names
        Display names by actor id.
    sources
        Source titles or ids for the caption; by default those of the windows' facts.
    caption
        Extra text appended to the caption.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. The layout is computed once, on the union of the windows'
        graphs, so an actor sits at the same place in every panel (faint grey dots: the
        actors of other windows). Ties: events and documents shared in the window
        (width); node size: strength; colour: the actor's side in that window
        (`dipgraph.analysis.actors.sides_in_window`), or mediator (a ``MEDIATED`` fact
        in the window), or other third party. Each node is drawn as its own artist with
        ``gid`` ``"node:<id>"`` (``"ghost:<id>"`` for the faint ones).
    """
    windows = list(windows)
    if not windows:
        raise AnalysisError("no windows to draw")
    labels = dict(graph.nodes(data="label"))
    panels, used_sources = [], set()
    for window in windows:
        facts = actor_facts(graph, window, level=level, dates=dates)
        items = actor_item_graph(facts, labels)
        has_actors = any(side == 0 for _, side in items.nodes(data="bipartite"))
        network = interaction_graph(items) if has_actors else nx.Graph()
        side_of = sides_in_window(dict(sides), facts)
        mediators = {f.actor for f in facts if f.predicate == "MEDIATED"} - set(side_of)
        used_sources.update(s for f in facts if f.actor in network for s in f.sources)
        panels.append((window, network, side_of, mediators))

    union = nx.Graph()
    for _, network, _, _ in panels:
        union.add_nodes_from(network)
        for u, v, w in network.edges(data="weight"):
            previous = union.edges[u, v]["weight"] if union.has_edge(u, v) else 0
            union.add_edge(u, v, weight=previous + w)
    positions = _layout(union)
    max_weight = max(
        (w for _, net, _, _ in panels for *_, w in net.edges(data="weight")), default=1
    )
    strengths = [dict(net.degree(weight="weight")) for _, net, _, _ in panels]
    max_strength = max((max(s.values(), default=0) for s in strengths), default=0) or 1
    side_names = list(sides)
    side_colours = dict(zip(side_names, ("#D55E00", "#0072B2", "#CC79A7", "#E69F00"), strict=False))
    mediator_colour, other_colour = "#009E73", "#BDBDBD"

    if axes is None:
        count = len(windows)
        ncols = max(1, min(ncols, count))
        # A spare cell holds the legend; without one, the legend goes below the panels.
        nrows = math.ceil(count / ncols)
        size = figsize or (4.1 * ncols, 3.9 * nrows + (0.5 if count % ncols == 0 else 0))
        fig = _new_figure(size)
        grid = fig.subplots(nrows, ncols, squeeze=False).ravel().tolist()
        axes, spare = grid[:count], grid[count:]
    else:
        axes, spare = list(axes), []
        if len(axes) < len(windows):
            raise AnalysisError(f"{len(windows)} windows need as many axes, got {len(axes)}")
        fig = axes[0].figure
    xs = [p[0] for p in positions.values()] or [0.0]
    ys = [p[1] for p in positions.values()] or [0.0]
    display = dict(zip(union, _labels_for_graph(graph, list(union), names, width=15), strict=True))

    for (window, network, side_of, mediators), strength, ax in zip(
        panels, strengths, axes, strict=False
    ):
        for u, v, w in network.edges(data="weight"):
            (x0, y0), (x1, y1) = positions[u], positions[v]
            ax.plot(
                [x0, x1],
                [y0, y1],
                color="#7A7A7A",
                alpha=0.55,
                linewidth=0.5 + 3.0 * w / max_weight,
                solid_capstyle="round",
                zorder=1,
            )
        for node in union:
            if node in network:
                continue
            ghost = ax.scatter(*positions[node], s=9, color="#E0E0E0", zorder=0.5, linewidths=0)
            ghost.set_gid(f"ghost:{node}")
        for node in sorted(network, key=lambda n: strength.get(n, 0)):
            colour = (
                side_colours.get(side_of[node], GREY)
                if node in side_of
                else mediator_colour
                if node in mediators
                else other_colour
            )
            size = 28 + 300 * strength.get(node, 0) / max_strength
            dot = ax.scatter(
                *positions[node], s=size, color=colour, edgecolors="white", linewidths=0.8, zorder=3
            )
            dot.set_gid(f"node:{node}")
            radius = math.sqrt(size) / 2 + 2.5
            x, y = positions[node]
            angle = math.atan2(y, x) if math.hypot(x, y) > 0.2 and y > -1.2 else -math.pi / 2
            dx, dy = math.cos(angle), math.sin(angle)
            ax.annotate(
                display[node],
                (x, y),
                xytext=(radius * dx, radius * dy),
                textcoords="offset points",
                ha="left" if x > 0.05 else "right" if x < -0.05 else "center",
                va="bottom" if dy > 0.35 else "top" if dy < -0.35 else "center",
                fontsize=6.8,
                zorder=4,
                color="#222222",
                linespacing=0.95,
                path_effects=[patheffects.withStroke(linewidth=2.2, foreground="white")],
            )
        title = "\n".join(textwrap.wrap(_window_label(window), 40))
        ax.set_title(
            f"{title}\n{network.number_of_nodes()} actors, {network.number_of_edges()} ties",
            fontsize=LABEL_SIZE,
            loc="center",
        )
        # Room for the labels, which sit outside the rings.
        ax.set_xlim(min(xs) - 0.7, max(xs) + 0.7)
        ax.set_ylim(min(ys) - 0.3, max(ys) + 0.22)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_color("0.85")

    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=7,
            color=side_colours.get(s, GREY),
            label=f"{s.capitalize()} side",
        )
        for s in side_names
    ]
    handles += [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=7,
            color=mediator_colour,
            label="Mediator in the window",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=7,
            color=other_colour,
            label="Other third party",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=4,
            color="#E0E0E0",
            label="Active in another window",
        ),
        Line2D([], [], color="#7A7A7A", linewidth=2, label="Shared events and documents"),
    ]
    if spare:
        spare[0].legend(
            handles=handles,
            loc="center",
            fontsize=LEGEND_SIZE,
            frameon=False,
            title="Node colour: role in the window\nNode size: strength",
            title_fontsize=LEGEND_SIZE,
        )
        for extra in spare:
            extra.set_axis_off()
    else:
        fig.legend(
            handles=handles,
            loc="outside lower center",
            ncols=3,
            fontsize=LEGEND_SIZE,
            frameon=False,
        )
    fig.suptitle(
        "Who took part with whom, per window (one layout for all panels)", fontsize=TITLE_SIZE
    )
    dates_used = [dates]
    slicing = _slicing_text(windows, dates_used, [level])
    shown = sorted({node for _, network, _, _ in panels for node in network})
    short = _abbreviations([display[n] for n in shown], [_name(graph, n) for n in shown])
    text = _caption(sources or source_titles(graph, used_sources), slicing, _join(short, caption))
    _add_caption(fig, text)
    return fig


# -- drawing helpers -------------------------------------------------------------------------


def _canvas(fig: Figure) -> None:
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)


def _new_figure(size: tuple[float, float]) -> Figure:
    fig = Figure(figsize=size, layout="constrained", facecolor="white")
    _canvas(fig)
    return fig


def _figure_and_axes(ax: Axes | None, *, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax
    fig = _new_figure(figsize)
    return fig, fig.add_subplot()


def _title(ax: Axes, text: str) -> None:
    """A left-aligned title, wrapped to the figure's width."""
    chars = int(ax.figure.get_figwidth() * 0.8 * 72 / (TITLE_SIZE * 0.55))
    ax.set_title("\n".join(textwrap.wrap(text, chars)), fontsize=TITLE_SIZE, loc="left")


def _style_axes(ax: Axes, *, grid: str) -> None:
    ax.tick_params(labelsize=TICK_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis=grid, color="0.9", linewidth=0.7)
    ax.set_axisbelow(True)


def _window_ticks(ax: Axes, labels: list[str]) -> None:
    """Window labels on x: all of them when they fit, else wrapped, thinned or turned."""
    n = len(labels)
    ax.set_xticks(range(n))
    width_in = ax.figure.get_figwidth() * 0.72
    slot_pt = 72 * width_in / max(n, 1)
    char_pt = TICK_SIZE * 0.6
    longest = max((len(s) for s in labels), default=0)
    if longest * char_pt + 4 <= slot_pt:
        ax.set_xticklabels(labels, fontsize=TICK_SIZE)
        return
    if longest <= 9:  # short labels such as years: label every k-th window
        step = next((k for k in (2, 5, 10, 20) if longest * char_pt + 6 <= slot_pt * k), 50)
        years = [int(s) if s.isdigit() else None for s in labels]
        keep = [y % step == 0 for y in years] if all(years) else [i % step == 0 for i in range(n)]
        ax.set_xticks(
            [i for i in range(n) if keep[i]],
            [s for s, k in zip(labels, keep, strict=True) if k],
            fontsize=TICK_SIZE,
        )
        ax.set_xticks(range(n), minor=True)
        return
    chars = max(8, int(slot_pt / char_pt) - 1)
    wrapped = ["\n".join(textwrap.wrap(s, chars)) for s in labels]
    if max(s.count("\n") for s in wrapped) <= 4:
        ax.set_xticklabels(wrapped, fontsize=TICK_SIZE)
    else:
        short = [s if len(s) <= 30 else s[:29] + "\u2026" for s in labels]
        ax.set_xticklabels(
            short, fontsize=TICK_SIZE, rotation=30, ha="right", rotation_mode="anchor"
        )


def _draw_spell(
    ax: Axes, when: dict, y: float, height: float, colour: str, lo: float, hi: float
) -> None:
    """A spell's bar: solid where it certainly ran, faded where a bound is unknown."""
    first, slash, second = str(when.get("time") or "").partition("/")
    a = max(_year(when["earliest"]) if when.get("earliest") else lo, lo)
    b = min(_year(when["latest"], end=True) if when.get("latest") else hi, hi)
    unknown_start, unknown_end = bool(slash) and first == "", bool(slash) and second == ""
    if unknown_start or unknown_end:
        _faded_bar(ax, a, b, y, height, colour)
        if unknown_start and unknown_end:
            return
        # Certain only at its known bound.
        known = (
            _year(parse_time(second).latest, end=True)
            if unknown_start
            else _year(parse_time(first).earliest)
        )
        a, b = known, known
    if b - a < 0.12:  # a date of a month or a day: wide enough to be seen
        mid = (a + b) / 2
        a, b = mid - 0.06, mid + 0.06
    ax.broken_barh([(a, b - a)], (y, height), facecolors=colour, linewidth=0, zorder=2)


def _faded_bar(ax: Axes, a: float, b: float, y: float, height: float, colour: str) -> None:
    """A pale, hatched bar: the part of a spell the record cannot vouch for."""
    pale = mpl.colors.to_rgba(colour, 0.22)
    ax.broken_barh(
        [(a, b - a)],
        (y, height),
        facecolors=pale,
        edgecolors=colour,
        hatch="////",
        linewidth=0,
        zorder=1,
    )


@dataclass(frozen=True)
class _Mark:
    fact: Fact
    at: float  # where the marker goes, in decimal years
    low: float
    high: float
    certain: bool  # both bounds known (else: drawn hollow at the one known bound)


def _mark(graph: nx.MultiDiGraph, fact: Fact) -> _Mark | None:
    """Where to mark a MEDIATED fact: dated to within a year, or at its one known bound."""
    if fact.dated_by is None or (
        fact.dated_by == "object" and graph.nodes[fact.target].get("label") not in ITEM_LABELS
    ):
        return None  # undated, or dated only by the decades-long conflict it concerns
    first, slash, second = _time_of(graph, fact).partition("/")
    if slash and first == "" and second not in ("", ".."):  # "/1992-05": by then
        at = _year(parse_time(second).latest, end=True)
        return _Mark(fact, at, at, at, False)
    if slash and second == "" and first not in ("", ".."):  # "1992-05-05/": from then
        at = _year(parse_time(first).earliest)
        return _Mark(fact, at, at, at, False)
    if fact.earliest and fact.latest and _days(fact.earliest, fact.latest) <= 366:
        low, high = _year(fact.earliest), _year(fact.latest, end=True)
        return _Mark(fact, (low + high) / 2, low, high, True)
    return None  # a long or open spell ("1997/..") is not one act


def _time_of(graph: nx.MultiDiGraph, fact: Fact) -> str:
    if fact.dated_by == "object":
        return str(graph.nodes[fact.target].get("time") or "")
    for _, _, attrs in graph.edges(fact.subject, data=True):
        if attrs.get("key") == fact.key:
            return str(attrs.get("time") or "")
    return ""


def _layout(union: nx.Graph) -> dict[str, tuple[float, float]]:
    """Two rings for the largest component, the other components in a row below.

    The strongest actors (by their summed ties) form the inner ring, the others the
    outer one; around each ring actors keep the order of their angles in a
    Kamada--Kawai layout, so neighbours stay close, and are spaced evenly so labels do
    not collide.
    """
    if union.number_of_nodes() == 0:
        return {}
    components = sorted(
        (sorted(c) for c in nx.connected_components(union)), key=lambda c: (-len(c), c)
    )
    main = nx.Graph()
    main.add_nodes_from(components[0])  # sorted: the start positions do not depend on input order
    main.add_edges_from(union.subgraph(components[0]).edges())
    out: dict[str, tuple[float, float]] = {}
    if len(main) <= 3:
        for i, node in enumerate(main):
            out[node] = (-0.6 + 1.2 * i / max(len(main) - 1, 1), 0.0)
    else:
        kk = nx.kamada_kawai_layout(main, weight=None, center=(0, 0))
        strength = dict(union.degree(weight="weight"))
        ranked = sorted(main, key=lambda n: (-strength[n], n))
        inner_count = min(8, max(3, round(0.25 * len(main))))
        rings = ((ranked[:inner_count], 0.42), (ranked[inner_count:], 1.0))
        for ring_index, (ring, radius) in enumerate(rings):
            ordered = sorted(ring, key=lambda n: (math.atan2(kk[n][1], kk[n][0]), n))
            offset = math.pi / 2 + (math.pi / max(len(ring), 1) if ring_index == 0 else 0.0)
            for i, node in enumerate(ordered):
                angle = offset - 2 * math.pi * i / len(ordered)
                out[node] = (radius * math.cos(angle), radius * math.sin(angle))
    rest = [node for component in components[1:] for node in component]
    for i, node in enumerate(rest):
        out[node] = (-1.0 + 2.0 * (i + 0.5) / len(rest), -1.45)
    return out


def _add_caption(fig: Figure, text: str) -> None:
    old = [t for t in fig.texts if t.get_gid() == CAPTION_GID]
    lines = []
    for t in old:
        lines += t.get_text().split("\n")
        t.remove()
    width_chars = int(fig.get_figwidth() * 72 / (CAPTION_SIZE * 0.56)) - 2
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, width_chars) or [""]:
            if line not in lines:
                lines.append(line)
    body = "\n".join(lines)
    fig.text(
        0.01,
        0.008,
        body,
        ha="left",
        va="bottom",
        fontsize=CAPTION_SIZE,
        color="#444444",
        gid=CAPTION_GID,
    )
    fraction = (len(lines) * CAPTION_SIZE * 1.32 + 8) / 72 / fig.get_figheight()
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0, fraction, 1, 1 - fraction))
    elif isinstance(engine, TightLayoutEngine):
        engine.set(rect=(0, fraction, 1, 1))
    else:
        fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, fraction + 0.08))


def _caption(sources: Sequence[str] | None, slicing: str, extra: str | None) -> str:
    said = "; ".join(sources) if sources else "not given (pass sources=)"
    return _join(f"Sources: {said}.", slicing, extra)


def _caption_text(
    table: pd.DataFrame, order: list[Window], sources: Sequence[str] | None, extra: str | None
) -> str:
    dates = sorted(table["dates"].dropna().unique()) if "dates" in table else []
    levels = sorted(table["level"].dropna().unique()) if "level" in table else []
    return _caption(sources, _slicing_text(order, dates, levels), extra)


def _slicing_text(windows: Sequence[Window], dates: Sequence[str], levels: Sequence[str]) -> str:
    parts = [f"Windows: {_describe_windows(windows)}"]
    if dates:
        parts.append("Dates: " + "; ".join(DATES_TEXT.get(d, d) for d in dates))
    if levels:
        parts.append("Level: " + "; ".join(LEVEL_TEXT.get(v, v) for v in levels))
    return ". ".join(parts) + "."


def _describe_windows(windows: Sequence[Window]) -> str:
    if not windows:
        return "none"
    first, last = windows[0].start[:4], max(w.end for w in windows)[:4]
    years = []
    for w in windows:
        whole = w.start[5:] == "01-01" and w.end[5:] == "12-31"
        years.append(int(w.end[:4]) - int(w.start[:4]) + 1 if whole else None)
    numeric = all(re.fullmatch(r"\d{4}(-\d{4})?", w.label) for w in windows)
    if numeric and all(years) and len(set(years)) == 1:
        size = "calendar-year" if years[0] == 1 else f"{years[0]}-year"
        return f"{len(windows)} fixed {size} windows, {first}\u2013{last}"
    if numeric and all(years):
        return f"{len(windows)} year windows ({windows[0].label} to {windows[-1].label})"
    if all(w.start == w.end for w in windows):
        return "one-day windows (" + ", ".join(w.start for w in windows) + ")"
    overlap = any(a.end >= b.start for a, b in pairwise(sorted(windows)))
    note = " (overlapping, as the records' periods do)" if overlap else ""
    return f"{len(windows)} named periods, {first}\u2013{last}{note}"


def _window_label(window: Window) -> str:
    """The window's label, with its years when the label gives none."""
    if re.search(r"\d{4}", window.label):
        return window.label
    return f"{window.label} ({window.start[:4]}\u2013{window.end[:4]})"


def _window_axis_label(order: list[Window]) -> str:
    desc = _describe_windows(order)
    return "Year" if "calendar-year" in desc else "Window"


def _measure_rows(table: pd.DataFrame, measure: str) -> pd.DataFrame:
    rows = table[table["measure"] == measure]
    if rows.empty:
        known = ", ".join(sorted(table["measure"].unique())) if "measure" in table else ""
        raise AnalysisError(f"measure {measure!r} has no rows in the table (measures: {known})")
    return rows


def _window_order(table: pd.DataFrame, windows: Sequence[Window] | None) -> list[Window]:
    if windows is not None:
        return list(windows)
    seen = table[["window", "start", "end"]].drop_duplicates()
    found = {Window(str(r.start), str(r.end), str(r.window)) for r in seen.itertuples(index=False)}
    return sorted(found, key=lambda w: (w.start, w.end, w.label))


def _matrix(rows: pd.DataFrame, actors: list[str], order: list[Window]) -> np.ndarray:
    pivot = rows.pivot_table(index="actor", columns="window", values="value", aggfunc="first")
    pivot = pivot.reindex(index=actors, columns=[w.label for w in order])
    return pivot.to_numpy(dtype=float)


def _table_names(table: pd.DataFrame, actors: list[str]) -> list[str]:
    known = table.drop_duplicates("actor").set_index("actor")["name"].to_dict()
    return [str(known.get(a, a)) for a in actors]


def _labels(
    table: pd.DataFrame, actors: list[str], names: Mapping[str, str] | None, *, width: int
) -> list[str]:
    names = names or {}
    full = _table_names(table, actors)
    return [names.get(a) or display_name(f, width=width) for a, f in zip(actors, full, strict=True)]


def _labels_for_graph(
    graph: nx.MultiDiGraph,
    actors: list[str],
    names: Mapping[str, str] | None,
    *,
    width: int,
    lines: int = 2,
) -> list[str]:
    names = names or {}
    out = []
    for actor in actors:
        attrs = graph.nodes[actor] if actor in graph else {}
        label = names.get(actor) or display_name(
            attrs.get("name", actor), attrs.get("aliases") or (), width=width, lines=lines
        )
        out.append(label)
    return out


def _abbreviations(labels: Iterable[str], full: Iterable[str]) -> str:
    """The caption's list of the labels that shorten a name (``OSCE, Organization ...``)."""
    pairs = sorted(
        {
            (label, name)
            for label, name in zip(labels, full, strict=True)
            if " ".join(label.split()) != " ".join(str(name).split())
        }
    )
    if not pairs:
        return ""
    return (
        "Abbreviations: "
        + "; ".join(f"{label.replace(chr(10), ' ')}, {name}" for label, name in pairs)
        + "."
    )


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("name", node)) if node in graph else node


def _initials(name: str) -> str:
    words = [w for w in re.split(r"\s+", name) if w]
    out, run = [], ""
    for word in words:
        if word.isupper() and len(word) > 1:
            if run:
                out.append(run)
                run = ""
            out.append(word)
        else:
            run += "".join(part[0] for part in word.split("-") if part and part[0].isupper())
    if run:
        out.append(run)
    text = " ".join(out)
    return text if len(text.replace(" ", "")) >= 3 and len(text) < len(name) else ""


def _published(value: str | None) -> str:
    if not value:
        return ""
    first, slash, second = str(value).partition("/")
    if slash and second == "..":
        return f"{first[:4]} or later"
    return first[:4]


def _join(*parts: str | None) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _year(day: str, *, end: bool = False) -> float:
    date = dt.date.fromisoformat(day)
    first = dt.date(date.year, 1, 1)
    length = (dt.date(date.year + 1, 1, 1) - first).days
    return date.year + ((date - first).days + (1 if end else 0)) / length


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days
