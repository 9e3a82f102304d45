"""Centrality and brokerage of each actor in each window, as one tidy table.

`profile` returns a DataFrame with columns ``window, start, end, actor, name,
level, dates, mediation, measure, value``: one row per window, actor and measure.

Measures (``interaction`` = shared events and documents; ``mediation`` = the
mediator -> party ties, both from `dipgraph.analysis.projections`). With
``mediation="acts"`` (the default) the mediation graph of a window holds only
mediation acts dated in it (`dipgraph.analysis.timeline.act_time`); ``"all"`` also
lets sustained roles tie a mediator to the parties in every window they may cover.

============================  ==========================================================
degree, strength              partners and shared items in the interaction graph
betweenness, harmonic         on the interaction graph, topological (who is tied to whom)
pagerank                      on the interaction graph, weighted by shared items
eigenvector                   on the interaction graph's largest component only
constraint, effective_size    Burt's measures on the interaction graph
mediation_betweenness         share of the pairs across the sides whose shortest
                              mediation paths run through the actor (from
                              `betweenness_centrality_subset`; 1 = sole broker)
group_betweenness             of the co-chairs together (actor ``co-chairs``)
mediation_share               share of the window's mediated events and documents the
                              actor mediated, initiated or hosted
sustained_mediation           the actor's mediation facts in the window that are roles,
                              not acts dated there (a spell over decades, an undated
                              general statement): their own series, kept out of the
                              mediation graph
brokerage_<role>[_z]          Gould--Fernandez roles on the exchange graph (mediation ties
                              both ways), sides as groups, z against a permutation null
============================  ==========================================================

Betweenness, mediation betweenness and group betweenness are rounded to 12 decimals,
so that the tables do not depend on the order in which an algorithm summed them: the
same with igraph (`dipgraph.analysis.compiled`, used for betweenness, harmonic
centrality and mediation betweenness when installed) as with NetworkX alone.
Mediation betweenness compares path lengths exactly: the ``distance`` of each tie
(1/weight) is scaled to a whole number first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cached_property

import networkx as nx
import numpy as np
import pandas as pd

from dipgraph.errors import AnalysisError

from . import compiled
from .actors import Fact, Prepared, actor_facts, side_members, sides_in_window
from .brokerage import brokerage_zscores
from .options import MEDIATION
from .projections import (
    ITEM_LABELS,
    PARTY_PREDICATES,
    actor_item_graph,
    interaction_graph,
    mediation_graph,
)
from .timeline import Window

__all__ = [
    "MEASURES",
    "WindowGraphs",
    "burt_constraint",
    "burt_effective_size",
    "harmonic",
    "one_measure",
    "profile",
    "window_graphs",
    "window_measures",
    "with_readings",
]

THIRD_PARTY = "third party"
COLUMNS = [
    "window",
    "start",
    "end",
    "actor",
    "name",
    "level",
    "dates",
    "mediation",
    "measure",
    "value",
]
# Counts and shares: an actor with no row has none.
_ZERO_WHEN_MISSING = (
    "mediation_betweenness",
    "mediation_share",
    "sustained_mediation",
    "degree",
    "strength",
)
# Whole-number path lengths stay exact while sums of them fit a double's 53 bits.
_EXACT_LENGTHS = 2**40


def profile(
    graph: nx.MultiDiGraph,
    windows: list[Window],
    sides: dict,
    *,
    level: str = "state",
    dates: str = "lenient",
    mediation: str = "acts",
    permutations: int = 200,
    seed: int = 0,
    prepared: Prepared | None = None,
    fast: bool | None = None,
) -> pd.DataFrame:
    """Every measure for every actor in every window (see the module table); ``sides``
    as `side_members` takes them (what ``read_sides`` returns, for one). ``prepared``
    (for ``dates``) shares each window's facts with other tables of the same graph;
    ``fast=False`` keeps to NetworkX (None: igraph if `compiled.compiled_available`)."""
    if mediation not in MEDIATION:
        raise AnalysisError(f"mediation={mediation!r}: expected {' or '.join(MEDIATION)}")
    sides = side_members(sides)
    prepared = prepared or Prepared(graph, dates)
    fast = compiled.compiled_available() if fast is None else fast
    with compiled.one_blas_thread():
        frames = [
            window_measures(
                graph,
                w,
                sides,
                level=level,
                dates=dates,
                mediation=mediation,
                permutations=permutations,
                seed=seed,
                prepared=prepared,
                fast=fast,
            )
            for w in windows
        ]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(frames, ignore_index=True)


def one_measure(
    graph: nx.MultiDiGraph,
    windows: list[Window],
    sides: dict,
    measure: str,
    *,
    level: str = "state",
    dates: str = "lenient",
    mediation: str = "acts",
    prepared: Prepared | None = None,
    fast: bool | None = None,
) -> pd.DataFrame:
    """The rows `profile` gives ``measure`` (one of `MEASURES`), computing nothing else.

    >>> g = nx.MultiDiGraph()
    >>> one_measure(g, [Window("1994-01-01", "1994-12-31", "1994")], {}, "degree").empty
    True
    """
    if measure not in MEASURES:
        raise AnalysisError(f"measure={measure!r}: expected one of {', '.join(MEASURES)}")
    if mediation not in MEDIATION:
        raise AnalysisError(f"mediation={mediation!r}: expected {' or '.join(MEDIATION)}")
    sides = side_members(sides)
    prepared = prepared or Prepared(graph, dates)
    fast = compiled.compiled_available() if fast is None else fast
    frames = []
    with compiled.one_blas_thread():
        for window in windows:
            w = window_graphs(
                graph,
                window,
                sides,
                level=level,
                dates=dates,
                mediation=mediation,
                prepared=prepared,
                fast=fast,
            )
            rows = _measured(w, [measure])
            frames.append(_frame(prepared.names, window, rows, (level, dates, mediation)))
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)


def with_readings(table: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """``table`` with columns ``strict`` and ``lenient``: each row's value under either
    reading of dates, ``other`` being the same profile under the other reading.

    Where the two differ the finding depends on how uncertain dates are read; a value
    missing under a reading (the actor has no such measure there) is NaN, and a
    mediation measure missing under strict dating is 0 (nothing certain was mediated).
    """
    keys = ["window", "actor", "measure"]
    merged = table.merge(
        other[[*keys, "value"]].rename(columns={"value": "other"}), on=keys, how="left"
    )
    dates = merged["dates"].iloc[0] if len(merged) else "lenient"
    other_reading = "strict" if dates == "lenient" else "lenient"
    zero = merged["measure"].isin(_ZERO_WHEN_MISSING)
    merged["other"] = merged["other"].mask(zero & merged["other"].isna(), 0.0)
    merged[dates] = merged["value"]
    merged = merged.rename(columns={"other": other_reading})
    return merged[[*COLUMNS, "strict", "lenient"]]


class WindowGraphs:
    """One window's facts and sides, and the graphs the measures run on, each built
    the first time a measure asks for it. With ``fast``, igraph computes what it can
    (see `dipgraph.analysis.compiled`)."""

    def __init__(
        self,
        facts: list[Fact],
        labels: dict[str, str],
        side_of: dict[str, str],
        *,
        mediation: str = "acts",
        fast: bool = False,
    ):
        self.facts, self.labels, self.side_of = facts, labels, side_of
        self.mediation, self.fast = mediation, fast

    @cached_property
    def interaction(self) -> nx.Graph:
        return interaction_graph(actor_item_graph(self.facts, self.labels))

    @cached_property
    def ties(self) -> nx.DiGraph:
        return mediation_graph(self.facts, self.labels, acts_only=self.mediation == "acts")

    @cached_property
    def adjacency(self) -> np.ndarray:
        """The interaction graph's weights, rows and columns in its node order."""
        return nx.to_numpy_array(self.interaction, weight="weight")

    @cached_property
    def position(self) -> dict[str, int]:
        return {node: i for i, node in enumerate(self.interaction)}

    @cached_property
    def compiled_interaction(self) -> compiled.CompiledGraph:
        return compiled.compiled_graph(self.interaction)


def window_graphs(
    graph: nx.MultiDiGraph,
    window: Window,
    sides: dict[str, list[str]],
    *,
    level: str = "state",
    dates: str = "lenient",
    mediation: str = "acts",
    prepared: Prepared | None = None,
    fast: bool | None = None,
) -> WindowGraphs:
    """What the measures of one window are computed from (``fast``: None, if installed)."""
    prepared = prepared or Prepared(graph, dates)
    facts = actor_facts(graph, window, level=level, dates=dates, prepared=prepared)
    fast = compiled.compiled_available() if fast is None else fast
    side_of = sides_in_window(sides, facts)
    return WindowGraphs(facts, prepared.labels, side_of, mediation=mediation, fast=fast)


def window_measures(
    graph: nx.MultiDiGraph,
    window: Window,
    sides: dict[str, list[str]],
    *,
    level: str = "state",
    dates: str = "lenient",
    mediation: str = "acts",
    permutations: int = 200,
    seed: int = 0,
    prepared: Prepared | None = None,
    fast: bool | None = None,
) -> pd.DataFrame:
    """The tidy rows of one window (``prepared`` saves reading the graph again)."""
    prepared = prepared or Prepared(graph, dates)
    w = window_graphs(
        graph,
        window,
        sides,
        level=level,
        dates=dates,
        mediation=mediation,
        prepared=prepared,
        fast=fast,
    )
    rows = _measured(w, list(MEASURES))
    rows.update(_group_betweenness(w.ties, w.facts))
    _put_brokerage(rows, w.ties, w.side_of, permutations=permutations, seed=seed)
    return _frame(prepared.names, window, rows, (level, dates, mediation))


def _measured(w: WindowGraphs, measures: list[str]) -> dict[str, dict[str, float]]:
    """Actor -> measure -> value for ``measures`` (names in `MEASURES`) in one window."""
    rows: dict[str, dict[str, float]] = {}
    for measure in measures:
        # Measures on the interaction graph need one: a window may have no event.
        if w.interaction.number_of_nodes() or measure not in _ON_INTERACTION:
            _put(rows, measure, MEASURES[measure](w))
    return rows


def _frame(
    names: dict[str, str], window: Window, rows: dict, options: tuple[str, str, str]
) -> pd.DataFrame:
    """The tidy rows of one window, actors in order, each actor's measures as computed."""
    cells = [(a, m, v) for a, measures in sorted(rows.items()) for m, v in measures.items()]
    actors = [actor for actor, _, _ in cells]
    n = len(cells)
    columns = {
        "window": [window.label] * n,
        "start": [window.start] * n,
        "end": [window.end] * n,
        "actor": actors,
        "name": [names.get(actor, actor) for actor in actors],
        **{k: [v] * n for k, v in zip(("level", "dates", "mediation"), options, strict=True)},
        "measure": [measure for _, measure, _ in cells],
        "value": [value for _, _, value in cells],
    }
    return pd.DataFrame(columns) if n else pd.DataFrame(columns=COLUMNS)


def harmonic(graph: nx.Graph) -> dict:
    """Harmonic centrality of each node of an undirected graph, summed exactly.

    The same definition as `networkx.harmonic_centrality` (the sum of 1/d over the
    other nodes), but `math.fsum` makes the result independent of the order the
    distances come in, which in networkx follows the process's hash seed.

    >>> harmonic(nx.path_graph(3))[0]
    1.5
    """
    return {
        node: math.fsum(
            1 / d for d in nx.single_source_shortest_path_length(graph, node).values() if d
        )
        for node in graph
    }


def burt_constraint(graph: nx.Graph, *, weight: str = "weight") -> dict:
    """Burt's constraint of each node of an undirected graph, vectorised.

    With ``p[i, j]`` the share of i's tie strength that goes to j, node i's
    constraint is the sum over its contacts j of ``(p[i, j] + sum_q p[i, q] p[q, j])**2``;
    equal to `networkx.constraint` (NaN for an isolated node), without its Python loops.

    >>> round(burt_constraint(nx.complete_graph(3))[0], 3)
    1.125
    """
    nodes = list(graph)
    if not nodes:
        return {}
    return _constraint(nodes, nx.to_numpy_array(graph, nodelist=nodes, weight=weight))


def _constraint(nodes: list[str], ties: np.ndarray) -> dict:
    totals = ties.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(totals > 0, ties / totals, 0.0)
    values = (((shares + shares @ shares) ** 2) * (ties > 0)).sum(axis=1)
    values[totals[:, 0] == 0] = np.nan
    return dict(zip(nodes, values.tolist(), strict=True))


def burt_effective_size(graph: nx.Graph, *, weight: str = "weight") -> dict:
    """Burt's effective size of each node, by the per-node definition, vectorised.

    With mutual weights ``a[i, j]`` (the weights of the ties both ways), ``p[i, q]``
    i's share of its mutual weight that goes to q and ``m[j, q]`` j's tie to q over its
    strongest tie, node i's effective size is the sum over its contacts j of
    ``1 - sum_q p[i, q] m[j, q]``; NaN for an isolated node. NetworkX 3.6's own
    all-nodes path normalises weighted graphs along the wrong axis (networkx PR
    #8906), so it is not used.

    >>> g = nx.Graph([("a", "b", {"weight": 2}), ("a", "c", {"weight": 1})])
    >>> g.add_edge("b", "c", weight=1)
    >>> round(burt_effective_size(g)["a"], 4)  # 5/6 + 1/3, worked out by hand
    1.1667
    """
    nodes = list(graph)
    if not nodes:
        return {}
    ties = nx.to_numpy_array(graph, nodelist=nodes, weight=weight)
    return _effective_size(nodes, ties + ties.T if graph.is_directed() else ties)


def _effective_size(nodes: list[str], mutual: np.ndarray) -> dict:
    mutual = mutual.copy()  # the caller's matrix stays as it was
    np.fill_diagonal(mutual, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = mutual / mutual.sum(axis=1, keepdims=True)
        scaled = mutual / mutual.max(axis=1, keepdims=True)
    shares, scaled = np.nan_to_num(shares), np.nan_to_num(scaled)
    values = ((1 - shares @ scaled.T) * (mutual > 0)).sum(axis=1)
    values[mutual.sum(axis=1) == 0] = np.nan
    return dict(zip(nodes, values.tolist(), strict=True))


def _put(rows: dict, measure: str, values: dict) -> None:
    for actor, value in values.items():
        rows.setdefault(actor, {})[measure] = float(value)


def _rounded(values: dict[str, float]) -> dict[str, float]:
    return {node: round(float(value), compiled.DIGITS) for node, value in values.items()}


def _betweenness(w: WindowGraphs) -> dict:
    # Topological: who is tied to whom. Tie strength is in strength and PageRank.
    if w.fast:
        values = compiled.betweenness(w.compiled_interaction)
        if compiled.settled(values):
            return _rounded(values)
    return _rounded(nx.betweenness_centrality(w.interaction))


def _harmonic(w: WindowGraphs) -> dict:
    return compiled.harmonic(w.compiled_interaction) if w.fast else harmonic(w.interaction)


def _eigenvector(w: WindowGraphs) -> dict:
    # Disconnected yearly graphs are the norm; eigenvector centrality is only
    # meaningful within one component.
    component = max(nx.connected_components(w.interaction), key=len)
    if len(component) < 2:
        return {}
    # The interaction graph is undirected and small: a dense symmetric eigensolver is
    # exact and, unlike the sparse one, handles components of two or three actors.
    # In the graph's (sorted) order, not the set's, so every process sums alike.
    nodes = [node for node in w.interaction if node in component]
    at = [w.position[node] for node in nodes]
    values, vectors = np.linalg.eigh(w.adjacency[np.ix_(at, at)])
    principal = np.abs(vectors[:, np.argmax(values)])
    return dict(zip(nodes, principal / np.linalg.norm(principal), strict=True))


def _mediation_betweenness(w: WindowGraphs) -> dict:
    graph, side_of = _undirected(w.ties), w.side_of
    sides = sorted(set(side_of.values()))
    if len(sides) < 2:
        return {}
    present = {side: [a for a, s in side_of.items() if s == side and a in graph] for side in sides}
    first, *others = sides
    targets = [a for side in others for a in present[side]]
    if not present[first] or not targets:
        return {}
    # networkx (and igraph) halve subset betweenness on undirected graphs; report the
    # share of cross-side pairs whose shortest mediation paths run through the actor.
    pairs = len(present[first]) * len(targets)

    def shares(scores: dict) -> dict:
        return {actor: 2 * value / pairs for actor, value in scores.items() if actor not in side_of}

    weight = _whole_lengths(graph)
    if w.fast and weight == "length":
        fast = compiled.compiled_graph(graph, weight)
        values = shares(compiled.subset_betweenness(fast, present[first], targets, weight))
        if compiled.settled(values):
            return _rounded(values)
    scores = nx.betweenness_centrality_subset(graph, present[first], targets, weight=weight)
    return _rounded(shares(scores))


def _undirected(graph: nx.DiGraph) -> nx.Graph:
    """`networkx.DiGraph.to_undirected`, with the ties' attributes copied, not deep-copied
    (they are numbers): the same nodes, ties and order, in a fraction of the time."""
    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes(data=True))
    undirected.add_edges_from((u, v, dict(attrs)) for u, v, attrs in graph.edges(data=True))
    return undirected


def _whole_lengths(graph: nx.Graph) -> str:
    """Give each tie a ``length``: its ``distance`` (1/weight) times the least common
    multiple of the weights, so that paths of equal length compare equal (1/3 + 1/6
    and 1/2 need not as doubles). ``"distance"`` where the numbers would be too big."""
    weights = [int(weight) for *_, weight in graph.edges(data="weight")]
    scale = math.lcm(*weights) if weights else 1
    if scale * max(len(graph), 1) > _EXACT_LENGTHS:
        return "distance"
    for _, _, attrs in graph.edges(data=True):
        attrs["length"] = scale // int(attrs["weight"])
    return "length"


def _mediation_share(facts: list[Fact], labels: dict[str, str]) -> dict:
    mediated = {
        f.target for f in facts if f.predicate == "MEDIATED" and labels.get(f.target) in ITEM_LABELS
    }
    if not mediated:
        return {}
    # A third party's share: a side that started a war that was then mediated
    # did not act as its mediator.
    parties = {(f.actor, f.target) for f in facts if f.predicate in PARTY_PREDICATES}
    acted: dict[str, set[str]] = {}
    for f in facts:
        if (
            f.target in mediated
            and f.predicate in ("MEDIATED", "INITIATED", "HOSTED")
            and (f.actor, f.target) not in parties
        ):
            acted.setdefault(f.actor, set()).add(f.target)
    return {actor: len(items) / len(mediated) for actor, items in acted.items()}


def _sustained_mediation(facts: list[Fact]) -> dict:
    roles: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "MEDIATED" and not f.act:
            roles.setdefault(f.actor, set()).add(f.key)
    return {actor: len(keys) for actor, keys in roles.items()}


# Every measure with one value per actor, in the order of the table's rows; each reads
# only the graphs it needs. Group betweenness and brokerage follow (`window_measures`).
MEASURES: dict[str, Callable[[WindowGraphs], dict]] = {
    "degree": lambda w: dict(w.interaction.degree()),
    "strength": lambda w: dict(w.interaction.degree(weight="weight")),
    "betweenness": _betweenness,
    "harmonic": _harmonic,
    "pagerank": lambda w: nx.pagerank(w.interaction, weight="weight"),
    "eigenvector": _eigenvector,
    "constraint": lambda w: _constraint(list(w.interaction), w.adjacency),
    "effective_size": lambda w: _effective_size(list(w.interaction), w.adjacency),
    "mediation_betweenness": _mediation_betweenness,
    "mediation_share": lambda w: _mediation_share(w.facts, w.labels),
    "sustained_mediation": lambda w: _sustained_mediation(w.facts),
}
_ON_INTERACTION = (
    "betweenness",
    "harmonic",
    "pagerank",
    "eigenvector",
    "constraint",
    "effective_size",
)


def _group_betweenness(mediation: nx.DiGraph, facts: list[Fact]) -> dict:
    chairs = sorted({f.actor for f in facts if f.predicate == "CO_CHAIR_OF"} & set(mediation))
    if not chairs or len(mediation) <= len(chairs) + 1:
        return {}
    graph = _undirected(mediation)
    value = nx.group_betweenness_centrality(graph, chairs, weight="distance")
    # NetworkX sums over sets inside, so the last digits follow the hash seed: round
    # them off, so that the same records give the same numbers in every process.
    return {"co-chairs": {"group_betweenness": round(float(value), compiled.DIGITS)}}


def _put_brokerage(
    rows: dict, mediation: nx.DiGraph, side_of: dict, *, permutations: int, seed: int
) -> None:
    # Mediation is an exchange both ways: party -> mediator -> other party.
    # Sorted, so that a seeded permutation null depends on the facts only, not on the
    # order a database happens to return them in.
    exchange = nx.DiGraph()
    exchange.add_nodes_from(sorted(mediation))
    exchange.add_edges_from(sorted({*mediation.edges(), *((v, u) for u, v in mediation.edges())}))
    if exchange.number_of_edges() == 0:
        return
    groups = {node: side_of.get(node, THIRD_PARTY) for node in exchange}
    table = brokerage_zscores(exchange, groups, permutations=permutations, seed=seed)
    columns = (table[c].tolist() for c in ("node", "role", "observed", "z"))
    for node, role, observed, z in zip(*columns, strict=True):
        rows.setdefault(node, {})[f"brokerage_{role}"] = float(observed)
        rows[node][f"brokerage_{role}_z"] = float(z)
