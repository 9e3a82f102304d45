"""What the figures of the graph show, as plain data: no drawing here.

For `plot_role_timeline`: each state's spells (``CO_CHAIR_OF`` and ``MEMBER_OF``) and
where its ``MEDIATED`` facts go, the default lanes and their slots. For
`plot_period_networks`: each window's interaction graph, and one layout for all.
Dates become decimal years, ``1994.0`` being 1 January 1994.

Examples
--------
>>> decimal_year("1994-07-02"), decimal_year("1994-12-31", end=True)
(1994.4986301369863, 1995.0)
>>> spell_bars({"time": "1997/", "earliest": "1997-01-01", "latest": None}, 1991.0, 2021.0)
((1997.0, 2021.0), (1996.94, 1997.06))
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from dipgraph.loader.timespan import TimeSpan, parse_time

from ..actors import Fact, actor_facts, sides_in_window
from ..projections import ITEM_LABELS, actor_item_graph, interaction_graph
from ..timeline import Window, act_time, fact_time, is_active
from .labels import node_name

__all__ = [
    "MEDIATED_SLOT",
    "SPELL_TYPES",
    "Lane",
    "Mark",
    "Panel",
    "Spell",
    "decimal_year",
    "mediation_mark",
    "mediation_marks",
    "ring_layout",
    "spell_bars",
    "spell_kinds",
    "timeline_actors",
    "timeline_lanes",
    "timeline_sources",
    "timeline_spells",
    "union_network",
    "window_panels",
]

SPELL_TYPES = ("CO_CHAIR_OF", "MEMBER_OF")
MEDIATED_SLOT = "MEDIATED"  # the slot of a lane that holds its mediation spells and marks


def decimal_year(day: str, *, end: bool = False) -> float:
    """An ISO date as a year and its fraction; ``end=True`` for the end of that day."""
    date = dt.date.fromisoformat(day)
    first = dt.date(date.year, 1, 1)
    length = (dt.date(date.year + 1, 1, 1) - first).days
    return date.year + ((date - first).days + (1 if end else 0)) / length


# -- the role timeline ----------------------------------------------------------------------


@dataclass(frozen=True)
class Spell:
    """An actor's ``CO_CHAIR_OF`` or ``MEMBER_OF`` relationship to a body."""

    actor: str
    body: str
    type: str
    attrs: Mapping[str, Any]  # the edge's own attributes
    # Its time, bounded by the body's (`~dipgraph.analysis.timeline.fact_time`).
    when: Mapping[str, Any]

    @property
    def kind(self) -> tuple[str, str]:
        """``(type, body)``: the slot and colour the spell is drawn in."""
        return (self.type, self.body)


@dataclass(frozen=True)
class Mark:
    """Where a ``MEDIATED`` fact is marked, in decimal years."""

    fact: Fact
    at: float  # where the marker goes
    low: float
    high: float
    certain: bool  # both bounds known (else: drawn hollow at the one known bound)


@dataclass(frozen=True)
class Lane:
    """One actor's lane: a slot per kind of spell it held, then one for its marks."""

    actor: str
    slots: list[tuple[str, str] | str]  # spell kinds, then MEDIATED_SLOT if it mediated
    top: float  # the lane's top edge, in the units of the timeline's y axis


def timeline_spells(graph: nx.MultiDiGraph, window: Window) -> list[Spell]:
    """The dated ``CO_CHAIR_OF`` and ``MEMBER_OF`` relationships that may fall in ``window``,
    and the ``MEDIATED`` ones of something other than an event or document recorded as
    spells (``2008/2020``, ``1997/``): sustained roles, drawn as bars in the lane's
    mediation slot."""
    spells = []
    for u, v, attrs in graph.edges(data=True):
        time = attrs.get("time")
        if time is None or not (attrs["type"] in SPELL_TYPES or _mediation_spell(graph, v, attrs)):
            continue
        when = fact_time(graph, v, attrs, subject=u)
        if is_active(when, window, dates="lenient"):
            spells.append(Spell(u, v, attrs["type"], attrs, when))
    return spells


def _mediation_spell(graph: nx.MultiDiGraph, target: str, attrs: Mapping[str, Any]) -> bool:
    # Mediating an event or a document is an act however it is dated; mediating the
    # conflict over a spell is a sustained role.
    return (
        attrs["type"] == "MEDIATED"
        and "/" in str(attrs.get("time"))
        and graph.nodes[target].get("label") not in ITEM_LABELS
    )


def spell_bars(
    when: Mapping[str, Any], lo: float, hi: float
) -> tuple[tuple[float, float] | None, tuple[float, float] | None]:
    """Where a spell is drawn between ``lo`` and ``hi``: its faded extent and its solid one.

    A spell is faded over its whole extent where one of its bounds is unknown
    (`~dipgraph.loader.TimeSpan.start_bound`), and solid only at the bound it knows. An
    open bound (``..``) runs to the edge like any other. A solid part shorter than 0.12
    years (a month or a day) is widened to that, about its middle. Either part is None
    when there is none.
    """
    a = max(decimal_year(when["earliest"]) if when.get("earliest") else lo, lo)
    b = min(decimal_year(when["latest"], end=True) if when.get("latest") else hi, hi)
    span = parse_time(when["time"]) if when.get("time") else None
    faded = None
    if span is not None and "unknown" in (span.start_bound, span.end_bound):
        faded = (a, b)
        known = _known_bound(span)
        if known is None:
            return faded, None
        a, b = known, known
    if b - a < 0.12:  # a date of a month or a day: wide enough to be seen
        mid = (a + b) / 2
        a, b = mid - 0.06, mid + 0.06
    return faded, (a, b)


def _known_bound(span: TimeSpan) -> float | None:
    """For an interval with one unknown bound, its other bound (if a date), in decimal years."""
    if span.start_bound == "unknown" and span.end_bound == "known" and span.latest:
        return decimal_year(span.latest, end=True)  # "/1992-05": by then
    if span.end_bound == "unknown" and span.start_bound == "known" and span.earliest:
        return decimal_year(span.earliest)  # "1992-05-05/": from then
    return None


def mediation_marks(graph: nx.MultiDiGraph, window: Window) -> list[Mark]:
    """The marks of the window's ``MEDIATED`` facts at state level (see `mediation_mark`)."""
    facts = actor_facts(graph, window, level="state", dates="lenient")
    marks = (mediation_mark(graph, f) for f in facts if f.predicate == "MEDIATED")
    return [m for m in marks if m]


def mediation_mark(graph: nx.MultiDiGraph, fact: Fact) -> Mark | None:
    """Where to mark a MEDIATED fact: dated to within a year, or at its one known bound.

    None for a fact that is undated, dated only by the decades-long conflict it concerns,
    or that spans more than a year or has an open bound ("1997/..": not one act).
    """
    text = _time_of(graph, fact)
    when = {"time": text, "earliest": fact.earliest, "latest": fact.latest}
    item = graph.nodes[fact.target].get("label") in ITEM_LABELS
    act = act_time({**when, "dated_by": fact.dated_by}, item=item)
    if act is None:  # undated, dated only by what lasts, or a long or open spell
        return None
    known = _known_bound(parse_time(text))
    if known is not None:
        return Mark(fact, known, known, known, False)
    low, high = decimal_year(act["earliest"]), decimal_year(act["latest"], end=True)
    return Mark(fact, (low + high) / 2, low, high, True)


def _time_of(graph: nx.MultiDiGraph, fact: Fact) -> str:
    """The EDTF text that dates ``fact``: its record's, or its object's."""
    if fact.dated_by == "object":
        return str(graph.nodes[fact.target].get("time") or "")
    for _, _, attrs in graph.edges(fact.subject, data=True):
        if attrs.get("key") == fact.key:
            return str(attrs.get("time") or "")
    return ""


def timeline_actors(
    graph: nx.MultiDiGraph, spells: Sequence[Spell], marks: Sequence[Mark]
) -> list[str]:
    """The default lanes: the states that co-chaired a body or mediated, ordered by their
    first dated spell or mark (ties by name)."""
    labels = dict(graph.nodes(data="label"))
    chairs = {s.actor for s in spells if s.type == "CO_CHAIR_OF"}
    candidates = {a for a in chairs | {m.fact.actor for m in marks} if labels.get(a) == "State"}
    first: dict[str, float] = {}
    for s in spells:
        known = s.attrs.get("earliest") or s.attrs.get("latest")
        if s.actor in candidates and known:
            first[s.actor] = min(first.get(s.actor, math.inf), decimal_year(known))
    for m in marks:
        if m.fact.actor in candidates:
            first[m.fact.actor] = min(first.get(m.fact.actor, math.inf), m.at)
    return sorted(candidates, key=lambda a: (first.get(a, math.inf), node_name(graph, a)))


def spell_kinds(graph: nx.MultiDiGraph, spells: Iterable[Spell]) -> list[tuple[str, str]]:
    """The spells' ``(type, body)`` kinds: co-chairmanships first, then by body name.
    Mediation spells have no kind of their own: they share the mediation slot."""
    return sorted(
        {s.kind for s in spells if s.type in SPELL_TYPES},
        key=lambda k: (k[0] != "CO_CHAIR_OF", node_name(graph, k[1])),
    )


def timeline_lanes(
    actors: Sequence[str],
    kinds: Sequence[tuple[str, str]],
    spells: Sequence[Spell],
    marks: Sequence[Mark],
    *,
    slot: float,
    gap: float,
) -> tuple[list[Lane], float]:
    """One lane per actor, top to bottom, ``slot`` high per slot (at least one) and ``gap``
    apart; and the height of them all."""
    lanes, y = [], 0.0
    for actor in actors:
        slots: list[tuple[str, str] | str] = [
            k for k in kinds if any(s.actor == actor and s.kind == k for s in spells)
        ]
        mediated = any(s.actor == actor and s.type == MEDIATED_SLOT for s in spells)
        if mediated or any(m.fact.actor == actor for m in marks):
            slots.append(MEDIATED_SLOT)
        lanes.append(Lane(actor, slots, y))
        y += max(len(slots), 1) * slot + gap
    return lanes, y - gap


def timeline_sources(spells: Iterable[Spell], marks: Iterable[Mark]) -> set[str]:
    """The sources of the spells and marks."""
    return {s for spell in spells for s in spell.attrs.get("sources", ())} | {
        s for mark in marks for s in mark.fact.sources
    }


# -- the period networks --------------------------------------------------------------------


@dataclass(frozen=True)
class Panel:
    """One window's interaction graph and the roles of its actors."""

    window: Window
    network: nx.Graph  # actors, tied by the events and documents they share (weight)
    side_of: dict[str, str]  # actor -> its side in the window
    mediators: set[str]  # the third parties with a MEDIATED fact in the window
    sources: set[str]  # the sources of the facts of the network's actors


def window_panels(
    graph: nx.MultiDiGraph,
    windows: Iterable[Window],
    sides: Mapping[str, Sequence[str]],
    *,
    level: str,
    dates: str,
) -> list[Panel]:
    """A `Panel` per window, in order (see `dipgraph.analysis.actors.actor_facts`)."""
    labels = dict(graph.nodes(data="label"))
    members = {side: list(ids) for side, ids in sides.items()}
    panels = []
    for window in windows:
        facts = actor_facts(graph, window, level=level, dates=dates)
        items = actor_item_graph(facts, labels)
        has_actors = any(side == 0 for _, side in items.nodes(data="bipartite"))
        network = interaction_graph(items) if has_actors else nx.Graph()
        side_of = sides_in_window(members, facts)
        mediators = {f.actor for f in facts if f.predicate == "MEDIATED"} - set(side_of)
        sources = {s for f in facts if f.actor in network for s in f.sources}
        panels.append(Panel(window, network, side_of, mediators, sources))
    return panels


def union_network(networks: Iterable[nx.Graph]) -> nx.Graph:
    """Every actor and tie of the networks, a tie weighing its summed weights."""
    union = nx.Graph()
    for network in networks:
        union.add_nodes_from(network)
        for u, v, w in network.edges(data="weight"):
            previous = union.edges[u, v]["weight"] if union.has_edge(u, v) else 0
            union.add_edge(u, v, weight=previous + w)
    return union


def ring_layout(union: nx.Graph) -> dict[str, tuple[float, float]]:
    """Two rings for the largest component, the other components in a row below.

    The strongest actors (by their summed ties) form the inner ring, the others the
    outer one; around each ring actors keep the order of their angles in a
    Kamada--Kawai layout, so neighbours stay close, and are spaced evenly so labels do
    not collide. A largest component of at most three actors is a row at the centre.

    >>> ring_layout(nx.Graph([("a", "b"), ("c", "d"), ("d", "e")]))
    {'c': (-0.6, 0.0), 'd': (0.0, 0.0), 'e': (0.6, 0.0), 'a': (-0.5, -1.45), 'b': (0.5, -1.45)}
    """
    if union.number_of_nodes() == 0:
        return {}
    components = sorted(
        (sorted(c) for c in nx.connected_components(union)), key=lambda c: (-len(c), c)
    )
    main = nx.Graph()
    main.add_nodes_from(components[0])  # sorted: the start positions do not depend on input order
    main.add_edges_from(union.subgraph(components[0]).edges())
    if len(main) <= 3:
        out = {node: (-0.6 + 1.2 * i / max(len(main) - 1, 1), 0.0) for i, node in enumerate(main)}
    else:
        out = _rings(main, dict(union.degree(weight="weight")))
    rest = [node for component in components[1:] for node in component]
    for i, node in enumerate(rest):
        out[node] = (-1.0 + 2.0 * (i + 0.5) / len(rest), -1.45)
    return out


def _rings(main: nx.Graph, strength: Mapping[str, float]) -> dict[str, tuple[float, float]]:
    """The inner ring of the strongest actors (3 to 8), and the outer ring of the others."""
    kk = nx.kamada_kawai_layout(main, weight=None, center=(0, 0))
    ranked = sorted(main, key=lambda n: (-strength[n], n))
    inner_count = min(8, max(3, round(0.25 * len(main))))
    rings = ((ranked[:inner_count], 0.42), (ranked[inner_count:], 1.0))
    out: dict[str, tuple[float, float]] = {}
    for ring_index, (ring, radius) in enumerate(rings):
        ordered = sorted(ring, key=lambda n: (math.atan2(kk[n][1], kk[n][0]), n))
        offset = math.pi / 2 + (math.pi / max(len(ring), 1) if ring_index == 0 else 0.0)
        for i, node in enumerate(ordered):
            angle = offset - 2 * math.pi * i / len(ordered)
            out[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return out
