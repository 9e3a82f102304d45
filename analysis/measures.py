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
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from dipgraph.errors import AnalysisError

from .actors import Prepared, actor_facts, side_members, sides_in_window
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
    "burt_constraint",
    "burt_effective_size",
    "harmonic",
    "profile",
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
) -> pd.DataFrame:
    """Every measure for every actor in every window (see the module table); ``sides``
    as `side_members` takes them (what ``read_sides`` returns, for one)."""
    if mediation not in MEDIATION:
        raise AnalysisError(f"mediation={mediation!r}: expected {' or '.join(MEDIATION)}")
    sides = side_members(sides)
    prepared = Prepared(graph, dates)
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
        )
        for w in windows
    ]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(frames, ignore_index=True)


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
) -> pd.DataFrame:
    """The tidy rows of one window (``prepared`` saves reading the graph again)."""
    labels = dict(graph.nodes(data="label"))
    facts = actor_facts(graph, window, level=level, dates=dates, prepared=prepared)
    side_of = sides_in_window(sides, facts)
    items = actor_item_graph(facts, labels)
    interaction = interaction_graph(items)
    ties = mediation_graph(facts, labels, acts_only=mediation == "acts")
    rows: dict[str, dict[str, float]] = {}
    _put(rows, "degree", dict(interaction.degree()))
    _put(rows, "strength", dict(interaction.degree(weight="weight")))
    if interaction.number_of_nodes():
        # Topological: who is tied to whom. Tie strength is in strength and PageRank.
        _put(rows, "betweenness", nx.betweenness_centrality(interaction))
        _put(rows, "harmonic", harmonic(interaction))
        _put(rows, "pagerank", nx.pagerank(interaction, weight="weight"))
        _put(rows, "eigenvector", _eigenvector_on_largest_component(interaction))
        _put(rows, "constraint", burt_constraint(interaction))
        _put(rows, "effective_size", burt_effective_size(interaction))
    _put(rows, "mediation_betweenness", _mediation_betweenness(ties, side_of))
    _put(rows, "mediation_share", _mediation_share(facts, labels))
    _put(rows, "sustained_mediation", _sustained_mediation(facts))
    rows.update(_group_betweenness(ties, facts))
    _put_brokerage(rows, ties, side_of, permutations=permutations, seed=seed)
    names = dict(graph.nodes(data="name"))
    return pd.DataFrame(
        [
            {
                "window": window.label,
                "start": window.start,
                "end": window.end,
                "actor": actor,
                "name": names.get(actor, actor),
                "level": level,
                "dates": dates,
                "mediation": mediation,
                "measure": measure,
                "value": value,
            }
            for actor, measures in sorted(rows.items())
            for measure, value in measures.items()
        ]
    )


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
    ties = nx.to_numpy_array(graph, nodelist=nodes, weight=weight)
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
    mutual = ties + ties.T if graph.is_directed() else ties
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


def _eigenvector_on_largest_component(graph: nx.Graph) -> dict:
    # Disconnected yearly graphs are the norm; eigenvector centrality is only
    # meaningful within one component.
    component = graph.subgraph(max(nx.connected_components(graph), key=len))
    if component.number_of_edges() == 0:
        return {}
    # The interaction graph is undirected and small: a dense symmetric eigensolver is
    # exact and, unlike the sparse one, handles components of two or three actors.
    nodes = list(component)
    values, vectors = np.linalg.eigh(nx.to_numpy_array(component, nodelist=nodes, weight="weight"))
    principal = np.abs(vectors[:, np.argmax(values)])
    return dict(zip(nodes, principal / np.linalg.norm(principal), strict=True))


def _mediation_betweenness(mediation: nx.DiGraph, side_of: dict[str, str]) -> dict:
    graph = mediation.to_undirected()
    sides = sorted(set(side_of.values()))
    if len(sides) < 2:
        return {}
    present = {side: [a for a, s in side_of.items() if s == side and a in graph] for side in sides}
    first, *others = sides
    targets = [a for side in others for a in present[side]]
    if not present[first] or not targets:
        return {}
    scores = nx.betweenness_centrality_subset(graph, present[first], targets, weight="distance")
    # networkx halves subset betweenness on undirected graphs; report the share of
    # cross-side pairs whose shortest mediation paths run through the actor.
    pairs = len(present[first]) * len(targets)
    return {actor: 2 * value / pairs for actor, value in scores.items() if actor not in side_of}


def _mediation_share(facts, labels: dict[str, str]) -> dict:
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


def _sustained_mediation(facts) -> dict:
    roles: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "MEDIATED" and not f.act:
            roles.setdefault(f.actor, set()).add(f.key)
    return {actor: len(keys) for actor, keys in roles.items()}


def _group_betweenness(mediation: nx.DiGraph, facts) -> dict:
    chairs = sorted({f.actor for f in facts if f.predicate == "CO_CHAIR_OF"} & set(mediation))
    graph = mediation.to_undirected()
    if not chairs or len(graph) <= len(chairs) + 1:
        return {}
    value = nx.group_betweenness_centrality(graph, chairs, weight="distance")
    # NetworkX sums over sets inside, so the last digits follow the hash seed: round
    # them off, so that the same records give the same numbers in every process.
    return {"co-chairs": {"group_betweenness": round(float(value), 12)}}


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
    for row in table.itertuples(index=False):
        rows.setdefault(row.node, {})[f"brokerage_{row.role}"] = float(row.observed)
        rows[row.node][f"brokerage_{row.role}_z"] = float(row.z)
