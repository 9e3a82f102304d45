"""`plot_period_networks`: small multiples of each window's interaction graph, on one
fixed layout."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

from dipgraph.errors import AnalysisError

from ..timeline import Window
from .captions import add_caption, compose_caption, print_size, slicing_text
from .figure import axes_room, figure_of, legend_below, new_figure
from .graph_data import Panel, ring_layout, union_network, window_panels
from .labels import (
    abbreviations,
    graph_labels,
    join_text,
    node_name,
    source_titles,
    window_label,
    wrap_to_width,
)
from .style import ANNOTATION_SIZE, GREY, LABEL_SIZE, LEGEND_SIZE, TITLE_SIZE

__all__ = ["plot_period_networks"]

SIDE_COLOURS = ("#D55E00", "#0072B2", "#CC79A7", "#E69F00")
MEDIATOR_COLOUR, OTHER_COLOUR = "#009E73", "#BDBDBD"
GHOST_COLOUR, TIE_COLOUR = "#E0E0E0", "#7A7A7A"
Position = tuple[float, float]


@dataclass(frozen=True)
class _Scene:
    """What every panel shares: positions, labels, colours and the scales of ties and nodes."""

    positions: dict[str, Position]
    display: dict[str, str]  # actor -> its label
    side_colours: dict[str, str]
    max_weight: float
    max_strength: float


def plot_period_networks(
    graph: nx.MultiDiGraph,
    windows: Sequence[Window],
    sides: Mapping[str, Sequence[str]],
    *,
    level: str = "state",
    dates: str = "lenient",
    axes: Sequence[Axes] | None = None,
    figsize: tuple[float, float] | None = None,
    ncols: int = 2,
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
        Side name -> member ids, for one conflict (``records.sides[conflict].sides``).
    level, dates
        As for `dipgraph.analysis.actors.actor_facts`.
    axes
        One axes per window to draw on (the legend goes below the last); by default a
        new figure with ``ncols`` columns (a spare cell, else a row below, holds the legend).
    figsize
        Size of the new figure in inches; by default 7.2 wide (a journal's double
        column) and as tall as its rows need, at most 9.5 (a page).
    ncols
        Columns of the new figure; two leave each panel room for its labels in print.
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
        ``gid`` ``"node:<id>"`` (``"ghost:<id>"`` for the faint ones), and its label with
        ``"label:<id>"``; labels that would overlap, or leave their panel, are nudged.
    """
    windows = list(windows)
    if not windows:
        raise AnalysisError("no windows to draw")
    panels = window_panels(graph, windows, sides, level=level, dates=dates)
    union = union_network(p.network for p in panels)
    scene = _scene(graph, panels, union, list(sides), names)
    cited = sources or source_titles(graph, set().union(*(p.sources for p in panels)))
    extra = join_text(_abbreviations(graph, panels, scene.display), caption)
    text = compose_caption(cited, slicing_text(windows, [dates], [level]), extra)
    fig, axes, spare = _panel_axes(axes, len(windows), text, figsize=figsize, ncols=ncols)
    for panel, ax in zip(panels, axes, strict=False):
        _draw_panel(ax, panel, union, scene)
    _add_legend(spare, axes[len(windows) - 1], _legend_handles(list(sides), scene.side_colours))
    fig.suptitle(
        "Who took part with whom, per window (one layout for all panels)", fontsize=TITLE_SIZE
    )
    add_caption(fig, text)
    _settle_labels(fig, axes)
    return fig


def _abbreviations(
    graph: nx.MultiDiGraph, panels: Sequence[Panel], display: Mapping[str, str]
) -> str:
    """The caption's list of the shortened labels of the actors drawn."""
    shown = sorted({node for p in panels for node in p.network})
    return abbreviations([display[n] for n in shown], [node_name(graph, n) for n in shown])


def _scene(
    graph: nx.MultiDiGraph,
    panels: Sequence[Panel],
    union: nx.Graph,
    side_names: Sequence[str],
    names: Mapping[str, str] | None,
) -> _Scene:
    """The one layout of the union of the windows' networks, and what else panels share."""
    networks = [p.network for p in panels]
    max_weight = max((w for net in networks for *_, w in net.edges(data="weight")), default=1)
    strengths = [dict(net.degree(weight="weight")) for net in networks]
    max_strength = max((max(s.values(), default=0) for s in strengths), default=0) or 1
    labels = graph_labels(graph, list(union), names, width=15)
    return _Scene(
        positions=ring_layout(union),
        display=dict(zip(union, labels, strict=True)),
        side_colours=dict(zip(side_names, SIDE_COLOURS, strict=False)),
        max_weight=max_weight,
        max_strength=max_strength,
    )


def _panel_axes(
    axes: Sequence[Axes] | None,
    count: int,
    caption: str,
    *,
    figsize: tuple[float, float] | None,
    ncols: int,
) -> tuple[Figure, list[Axes], list[Axes]]:
    """The figure, an axes per window, and the spare cells of a new figure's grid.

    Double column by default: one column could hold only a panel a row, and the panels
    would run over the page. A row is 2.7 in (a panel and its title of two lines).
    """
    if axes is not None:
        if len(axes) < count:
            raise AnalysisError(f"{count} windows need as many axes, got {len(axes)}")
        return figure_of(axes[0]), list(axes), []
    ncols = max(1, min(ncols, count))
    # A spare cell holds the legend; without one, a row below the panels does.
    nrows = math.ceil(count / ncols)
    full = count % ncols == 0
    fig = new_figure(figsize or print_size(0.3 + 2.7 * nrows + (0.7 if full else 0.0), caption))
    if not full:
        grid = fig.subplots(nrows, ncols, squeeze=False).ravel().tolist()
        return fig, grid[:count], grid[count:]
    spec = fig.add_gridspec(nrows + 1, ncols, height_ratios=[*([1.0] * nrows), 0.25])
    grid = [fig.add_subplot(spec[row, col]) for row in range(nrows) for col in range(ncols)]
    return fig, grid, [fig.add_subplot(spec[nrows, :])]


def _draw_panel(ax: Axes, panel: Panel, union: nx.Graph, scene: _Scene) -> None:
    """The window's ties, the faint actors of other windows, its actors, and the frame."""
    network, positions = panel.network, scene.positions
    for u, v, w in network.edges(data="weight"):
        (x0, y0), (x1, y1) = positions[u], positions[v]
        ax.plot(
            [x0, x1],
            [y0, y1],
            color=TIE_COLOUR,
            alpha=0.55,
            linewidth=0.5 + 3.0 * w / scene.max_weight,
            solid_capstyle="round",
            zorder=1,
        )
    for node in union:
        if node not in network:
            ghost = ax.scatter(*positions[node], s=9, color=GHOST_COLOUR, zorder=0.5, linewidths=0)
            ghost.set_gid(f"ghost:{node}")
    strength = dict(network.degree(weight="weight"))
    for node in sorted(network, key=lambda n: strength.get(n, 0)):
        size = 28 + 300 * strength.get(node, 0) / scene.max_strength
        _draw_node(ax, node, positions[node], size, _node_colour(node, panel, scene))
        _draw_label(ax, node, scene.display[node], positions[node], size)
    _frame_panel(ax, panel, positions)


def _node_colour(node: str, panel: Panel, scene: _Scene) -> str:
    """The colour of the actor's side, else of a mediator, else of another third party."""
    if node in panel.side_of:
        return scene.side_colours.get(panel.side_of[node], GREY)
    return MEDIATOR_COLOUR if node in panel.mediators else OTHER_COLOUR


def _draw_node(ax: Axes, node: str, at: Position, size: float, colour: str) -> None:
    dot = ax.scatter(*at, s=size, color=colour, edgecolors="white", linewidths=0.8, zorder=3)
    dot.set_gid(f"node:{node}")


def _draw_label(ax: Axes, node: str, text: str, at: Position, size: float) -> None:
    """The label just outside the node, away from the centre (below it near the centre)."""
    radius = math.sqrt(size) / 2 + 2.5
    x, y = at
    angle = math.atan2(y, x) if math.hypot(x, y) > 0.2 and y > -1.2 else -math.pi / 2
    dx, dy = math.cos(angle), math.sin(angle)
    ax.annotate(
        text,
        (x, y),
        xytext=(radius * dx, radius * dy),
        textcoords="offset points",
        ha="left" if x > 0.05 else "right" if x < -0.05 else "center",
        va="bottom" if dy > 0.35 else "top" if dy < -0.35 else "center",
        fontsize=ANNOTATION_SIZE,
        zorder=4,
        color="#222222",
        linespacing=0.95,
        # A pale box rather than a stroke (a path effect), which would turn the label
        # into outlines: the SVG and the PDF keep it as text.
        bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "alpha": 0.75, "linewidth": 0},
        gid=f"label:{node}",
    )


def _settle_labels(fig: Figure, axes: Sequence[Axes]) -> None:
    """Nudge the node labels of each panel apart where two overlap, and back into the panel
    where one sticks out, once the figure is laid out."""
    fig.draw_without_rendering()
    for ax in axes:
        labels = [
            t
            for t in ax.texts
            if isinstance(t, Annotation) and str(t.get_gid()).startswith("label:")
        ]
        for _ in range(8):
            boxes = [t.get_window_extent() for t in labels]
            moves = [_into_frame(ax.get_window_extent(), box) for box in boxes]
            for i, j in itertools.combinations(range(len(labels)), 2):
                one, two = boxes[i], boxes[j]
                width = min(one.x1, two.x1) - max(one.x0, two.x0)
                height = min(one.y1, two.y1) - max(one.y0, two.y0)
                if width > 0 and height > 0:  # the upper one up, the lower one down
                    up = 1.0 if one.y0 + one.y1 >= two.y0 + two.y1 else -1.0
                    moves[i] = (moves[i][0], moves[i][1] + up * (height / 2 + 1))
                    moves[j] = (moves[j][0], moves[j][1] - up * (height / 2 + 1))
            if not any(dx or dy for dx, dy in moves):
                break
            for label, (dx, dy) in zip(labels, moves, strict=True):
                x, y = label.xyann
                label.xyann = (x + dx * 72 / fig.dpi, y + dy * 72 / fig.dpi)


def _into_frame(frame: Bbox, box: Bbox) -> tuple[float, float]:
    """Pixels to move ``box`` by to bring it inside ``frame`` (2 px in from its edge)."""
    dx = max(frame.x0 + 2 - box.x0, 0.0) + min(frame.x1 - 2 - box.x1, 0.0)
    dy = max(frame.y0 + 2 - box.y0, 0.0) + min(frame.y1 - 2 - box.y1, 0.0)
    return dx, dy


def _frame_panel(ax: Axes, panel: Panel, positions: Mapping[str, Position]) -> None:
    """The window's name and counts as title, limits with room for labels, a light frame."""
    network = panel.network
    room = 72 * axes_room(ax)  # the panel's share of the figure's width
    title = "\n".join(wrap_to_width(window_label(panel.window), LABEL_SIZE, room))
    ax.set_title(
        f"{title}\n{network.number_of_nodes()} actors, {network.number_of_edges()} ties",
        fontsize=LABEL_SIZE,
        loc="center",
    )
    xs = [p[0] for p in positions.values()] or [0.0]
    ys = [p[1] for p in positions.values()] or [0.0]
    # Room for the labels, which sit outside the rings.
    ax.set_xlim(min(xs) - 1.0, max(xs) + 1.0)
    ax.set_ylim(min(ys) - 0.45, max(ys) + 0.35)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("0.85")


def _legend_handles(side_names: Sequence[str], side_colours: Mapping[str, str]) -> list[Line2D]:
    """A dot per side, then the mediator, the other third party, the faint actor, a tie."""
    dots = [(side_colours.get(s, GREY), f"{s.capitalize()} side", 7) for s in side_names] + [
        (MEDIATOR_COLOUR, "Mediator in the window", 7),
        (OTHER_COLOUR, "Other third party", 7),
        (GHOST_COLOUR, "Active in another window", 4),
    ]
    handles = [
        Line2D([], [], linestyle="none", marker="o", markersize=size, color=colour, label=label)
        for colour, label, size in dots
    ]
    handles.append(
        Line2D([], [], color=TIE_COLOUR, linewidth=2, label="Shared events and documents")
    )
    return handles


def _add_legend(spare: Sequence[Axes], last: Axes, handles: Sequence[Line2D]) -> None:
    """The legend in the first spare cell or row (the others are blanked), else under the
    ``last`` panel drawn."""
    title = "Node colour: role in the window\nNode size: strength"
    if not spare:
        legend_below(last, handles, [str(h.get_label()) for h in handles], title=title)
        return
    row = spare[0].get_subplotspec()
    wide = row is not None and len(row.colspan) > 1  # a row under the panels
    spare[0].legend(
        handles=handles,
        loc="center",
        ncols=3 if wide else 1,
        fontsize=LEGEND_SIZE,
        frameon=False,
        title=title,
        title_fontsize=LEGEND_SIZE,
    )
    for extra in spare:
        extra.set_axis_off()
