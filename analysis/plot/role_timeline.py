"""`plot_role_timeline`: swimlanes of each state's co-chairmanships, memberships and
dated mediation."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import matplotlib as mpl
import networkx as nx
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from dipgraph.errors import AnalysisError

from ..timeline import Window, data_years
from .captions import add_caption, compose_caption, print_size
from .figure import figure_and_axes, legend_below, set_title
from .graph_data import (
    MEDIATED_SLOT,
    Lane,
    Mark,
    Spell,
    mediation_marks,
    spell_bars,
    spell_kinds,
    timeline_actors,
    timeline_lanes,
    timeline_sources,
    timeline_spells,
)
from .labels import abbreviations, graph_labels, join_text, node_name, source_titles
from .style import LABEL_SIZE, LEVEL_TEXT, MARK_COLOUR, OKABE_ITO, TICK_SIZE

__all__ = ["plot_role_timeline"]

SLOT, GAP = 0.3, 0.45  # the height of a lane's slot, and the space between lanes
PALETTE = tuple(c for c in OKABE_ITO if c not in (MARK_COLOUR, "#000000"))
MEDIATION_SPELL_COLOUR = "#000000"  # thin black bars under the vermillion marks
FADED_ALPHA = 0.22


def plot_role_timeline(
    graph: nx.MultiDiGraph,
    *,
    actors: Sequence[str] | None = None,
    start: int | None = None,
    end: int | None = None,
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
        The years shown (1 January of ``start`` to 31 December of ``end``); by default
        the data's span (`dipgraph.analysis.timeline.data_years`).
    names
        Display names by actor id.
    sources
        Source titles or ids for the caption; by default those of the facts drawn.
    caption
        Extra text appended to the caption.
    ax
        Axes to draw on; by default a new figure 7.2 in wide (a journal's double
        column), as tall as the lanes need (at most 9.5 in); the legend goes below.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Bars are the actor's own ``CO_CHAIR_OF`` and ``MEMBER_OF``
        spells, coloured by role and body; a spell's open end (``..``) runs to the edge,
        an unknown end is drawn faded to the edge. Diamonds are ``MEDIATED`` facts
        attributed to the actor at state level and dated to within a year, at the
        middle of their dates (whiskers: the span of an imprecise date).
    """
    if start is None or end is None:
        first, last = data_years(graph)
        start, end = start or first, end or last
    window = Window(f"{start:04d}-01-01", f"{end:04d}-12-31", f"{start}-{end}")
    spells, marks = timeline_spells(graph, window), mediation_marks(graph, window)
    actors = list(timeline_actors(graph, spells, marks) if actors is None else actors)
    if not actors:
        raise AnalysisError("no actors to draw a role timeline for")
    spells = [s for s in spells if s.actor in actors]
    marks = [m for m in marks if m.fact.actor in actors]
    kinds = spell_kinds(graph, spells)
    colour_of = {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}
    lanes, total = timeline_lanes(actors, kinds, spells, marks, slot=SLOT, gap=GAP)
    lane_labels = graph_labels(graph, actors, names, width=20)
    short = abbreviations(lane_labels, [node_name(graph, a) for a in actors])
    cited = sources or source_titles(graph, timeline_sources(spells, marks))
    text = compose_caption(cited, _slicing(start, end), join_text(short, caption))
    # Double column: thirty years of spells need the width to tell a month from a year.
    fig, ax = figure_and_axes(ax, figsize=print_size(_content_height(total, len(kinds)), text))
    for row, lane in enumerate(lanes):
        _draw_lane(ax, lane, spells, marks, colour_of, (float(start), float(end + 1)))
        if row:
            ax.axhline(lane.top - GAP / 2, color="0.85", linewidth=0.7, zorder=0)
    _style_timeline(ax, lanes, lane_labels, total, start, end)
    handles = _legend_handles(graph, kinds, colour_of)
    legend_below(ax, handles, [str(h.get_label()) for h in handles])
    add_caption(fig, text)
    return fig


def _content_height(total: float, kinds: int) -> float:
    """Inches above the caption: the title and the x axis, the lanes (half an inch per
    unit of their ``total`` height: a slot is 0.15 in) and the legend below them (two
    columns, a row of up to two lines per 0.3 in)."""
    return 0.8 + 0.5 * total + 0.3 * math.ceil((kinds + 3) / 2)


def _draw_lane(
    ax: Axes,
    lane: Lane,
    spells: Sequence[Spell],
    marks: Sequence[Mark],
    colour_of: Mapping[tuple[str, str], str],
    years: tuple[float, float],
) -> None:
    """The lane's spells, one slot per kind, then its mediation spells (thin bars) and
    marks in the last slot."""
    for spell in spells:
        if spell.actor == lane.actor and spell.type == MEDIATED_SLOT:
            y = lane.top + lane.slots.index(MEDIATED_SLOT) * SLOT + 0.3 * SLOT
            _draw_spell(ax, spell, y, 0.4 * SLOT, MEDIATION_SPELL_COLOUR, years)
        elif spell.actor == lane.actor:
            y = lane.top + lane.slots.index(spell.kind) * SLOT + 0.1 * SLOT
            _draw_spell(ax, spell, y, 0.8 * SLOT, colour_of[spell.kind], years)
    for mark in marks:
        if mark.fact.actor == lane.actor:
            y = lane.top + lane.slots.index(MEDIATED_SLOT) * SLOT + 0.5 * SLOT
            _draw_mark(ax, mark, y)


def _draw_spell(
    ax: Axes, spell: Spell, y: float, height: float, colour: str, years: tuple[float, float]
) -> None:
    """A spell's bar: solid where it certainly ran, faded where a bound is unknown."""
    faded, solid = spell_bars(spell.when, *years)
    if faded is not None:
        a, b = faded
        ax.broken_barh(
            [(a, b - a)],
            (y, height),
            facecolors=mpl.colors.to_rgba(colour, FADED_ALPHA),
            edgecolors=colour,
            hatch="////",
            linewidth=0,
            zorder=1,
        )
    if solid is not None:
        a, b = solid
        ax.broken_barh([(a, b - a)], (y, height), facecolors=colour, linewidth=0, zorder=2)


def _draw_mark(ax: Axes, mark: Mark, y: float) -> None:
    """A diamond, filled if both bounds are known, with whiskers for an imprecise date."""
    whisker = [[mark.at - mark.low], [mark.high - mark.at]] if mark.high - mark.low > 0.09 else None
    ax.errorbar(
        mark.at,
        y,
        xerr=whisker,
        fmt="D",
        markersize=5,
        zorder=5,
        markerfacecolor=MARK_COLOUR if mark.certain else "white",
        markeredgecolor="black",
        markeredgewidth=0.6,
        ecolor="#444444",
        elinewidth=0.8,
        capsize=1.8,
    )


def _style_timeline(
    ax: Axes, lanes: Sequence[Lane], labels: Sequence[str], total: float, start: int, end: int
) -> None:
    """Lane names on y, years on x, a light grid of the major years, and the title."""
    ax.set_ylim(total + GAP / 2, -GAP / 2)
    centres = [lane.top + max(len(lane.slots), 1) * SLOT / 2 for lane in lanes]
    ax.set_yticks(centres, labels)
    ax.tick_params(axis="y", length=0, labelsize=LABEL_SIZE)
    ax.set_xlim(float(start), float(end + 1))
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
    set_title(ax, "Co-chairmanships, memberships and mediation, by state")


def _legend_handles(
    graph: nx.MultiDiGraph,
    kinds: Sequence[tuple[str, str]],
    colour_of: Mapping[tuple[str, str], str],
) -> list[Artist]:
    """A patch per kind of spell, then the faded spell and the two kinds of mark."""
    handles: list[Artist] = [
        Patch(
            facecolor=colour_of[k],
            label=f"{'Co-chair' if k[0] == 'CO_CHAIR_OF' else 'Member'}"
            f" of {graph_labels(graph, [k[1]], None, width=34, lines=1)[0]}",
        )
        for k in kinds
    ]
    handles.append(
        Patch(facecolor=MEDIATION_SPELL_COLOUR, label="Mediating over a spell\n(a sustained role)")
    )
    handles.append(
        Patch(
            facecolor=mpl.colors.to_rgba("0.4", FADED_ALPHA),
            edgecolor="0.4",
            hatch="////",
            linewidth=0,
            label="Spell whose start or end\nthe record does not know",
        )
    )
    for face, label in (
        (MARK_COLOUR, "Mediated (dated to within a\nyear; whisker: imprecise date)"),
        ("white", "Mediated, by or from this date\n(the other bound unknown)"),
    ):
        handles.append(_mark_handle(face, label))
    return handles


def _mark_handle(face: str, label: str) -> Line2D:
    return Line2D(
        [],
        [],
        linestyle="none",
        marker="D",
        markersize=5,
        markerfacecolor=face,
        markeredgecolor="black",
        markeredgewidth=0.6,
        label=label,
    )


def _slicing(start: int, end: int) -> str:
    """The caption's account of the dates and of what the bars and markers are."""
    return (
        f"Windows: none; each fact at its own dated bounds, {start}\u2013{end}. Dates: as "
        "recorded (an open end '..' runs to the edge; a spell is pale and hatched where a "
        "bound is unknown). Bars: the state's own CO_CHAIR_OF and MEMBER_OF records; thin bars, "
        "its MEDIATED records that span years. Markers: MEDIATED facts dated to within a year "
        "or by one known bound. Level: "
        f"{LEVEL_TEXT['state']}."
    )
