"""Gould-Fernandez brokerage roles: hand-worked counts, conventions, and the permutation null."""

from __future__ import annotations

import itertools
import math
import time

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from dipgraph.analysis.brokerage import BROKERAGE_ROLES, brokerage_roles, brokerage_zscores

ROLE_COLUMNS = list(BROKERAGE_ROLES)
COLUMNS = [*ROLE_COLUMNS, "total"]


def counts(frame: pd.DataFrame, node) -> dict[str, int]:
    return {column: int(frame.loc[node, column]) for column in COLUMNS}


def expected(**roles: int) -> dict[str, int]:
    row = dict.fromkeys(BROKERAGE_ROLES, 0) | roles
    row["total"] = sum(row.values())
    return row


def naive_roles(graph: nx.Graph, groups: dict) -> dict:
    """Straight from the definitions, one triple at a time: the reference for the fast path."""
    directed = graph if graph.is_directed() else graph.to_directed()
    out = {node: dict.fromkeys(BROKERAGE_ROLES, 0) for node in directed}
    for broker in directed:
        for a in directed.predecessors(broker):
            for c in directed.successors(broker):
                if len({a, broker, c}) < 3 or directed.has_edge(a, c):
                    continue
                ga, gb, gc = groups[a], groups[broker], groups[c]
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif ga == gb:
                    role = "representative"
                elif gb == gc:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                out[broker][role] += 1
    return out


# --- Worked example 1: the five two-path structures of the sna documentation -------------------
# The documentation of sna's `brokerage` (Butts, after Gould & Fernandez 1989) defines each role
# by a two-path between groups: coordinator A->A->A, itinerant A->B->A, representative A->A->B,
# gatekeeper A->B->B, liaison A->B->C. One disjoint copy of each, plus a closed A->A->A triad
# (a6 also sends directly to c6, so b6 is not needed and brokers nothing).
STRUCTURES = {
    "coordinator": ("A", "A", "A"),
    "itinerant": ("A", "B", "A"),
    "representative": ("A", "A", "B"),
    "gatekeeper": ("A", "B", "B"),
    "liaison": ("A", "B", "C"),
    "closed": ("A", "A", "A"),
}


def five_structures() -> tuple[nx.DiGraph, dict[str, str]]:
    graph, groups = nx.DiGraph(), {}
    for i, (name, labels) in enumerate(STRUCTURES.items(), start=1):
        a, b, c = f"a{i}", f"b{i}", f"c{i}"
        graph.add_edges_from([(a, b), (b, c)])
        if name == "closed":
            graph.add_edge(a, c)
        groups.update(zip((a, b, c), labels, strict=True))
    return graph, groups


def test_five_structures_of_the_sna_documentation():
    graph, groups = five_structures()
    frame = brokerage_roles(graph, groups)
    # Each broker b1..b5 sits on exactly one open two-path, of its own type; b6's is closed;
    # the ends a_i and c_i have no in- or no out-tie, so they broker nothing.
    for i, role in enumerate(BROKERAGE_ROLES, start=1):
        assert counts(frame, f"b{i}") == expected(**{role: 1}), role
    assert counts(frame, "b6") == expected()
    ends = [node for node in graph if not node.startswith("b")]
    assert (frame.loc[ends, COLUMNS] == 0).all().all()
    assert frame[ROLE_COLUMNS].sum().tolist() == [1, 1, 1, 1, 1]


# --- Worked example 2: a hub worked by hand from the Gould-Fernandez definitions ---------------
# Groups X = {x1, x2, x3}, Y = {y1, y2}, Z = {z1}. Ties (directed):
#   x1->x2, x2->x1, x3->x2, x2->x3, x1->x3, x2->y1, y2->x2, x2->z1, y1->y2.
# Broker x2 has senders {x1, x3, y2} and receivers {x1, x3, y1, z1}; its 12 pairs are:
#   x1->x2->x1, x3->x2->x3     same end twice: not two-paths
#   x1->x2->x3                 excluded, x1->x3 is a direct tie
#   x3->x2->x1                 coordinator (X X X); x1->x3 runs the other way, so it stays open
#   x1->x2->y1, x1->x2->z1,
#   x3->x2->y1, x3->x2->z1     representative x4 (broker in the sender's group X)
#   y2->x2->x1, y2->x2->x3     gatekeeper x2 (broker in the receiver's group X)
#   y2->x2->y1                 itinerant (Y X Y); y1->y2 runs the other way, so it stays open
#   y2->x2->z1                 liaison (Y X Z)
# x1: x2->x1->x3 is closed by x2->x3 (x2->x1->x2 is no two-path): nothing.
# x3: x1->x3->x2 is closed by x1->x2: nothing.
# y1: x2->y1->y2 is X Y Y, gatekeeper. y2: y1->y2->x2 is Y Y X, representative.
# z1 sends nothing: nothing.
HUB_TIES = [
    ("x1", "x2"),
    ("x2", "x1"),
    ("x3", "x2"),
    ("x2", "x3"),
    ("x1", "x3"),
    ("x2", "y1"),
    ("y2", "x2"),
    ("x2", "z1"),
    ("y1", "y2"),
]
HUB_GROUPS = {"x1": "X", "x2": "X", "x3": "X", "y1": "Y", "y2": "Y", "z1": "Z"}


def test_hand_worked_hub():
    frame = brokerage_roles(nx.DiGraph(HUB_TIES), HUB_GROUPS)
    assert counts(frame, "x2") == expected(
        coordinator=1, itinerant=1, representative=4, gatekeeper=2, liaison=1
    )
    assert counts(frame, "x2")["total"] == 9
    assert counts(frame, "y1") == expected(gatekeeper=1)
    assert counts(frame, "y2") == expected(representative=1)
    for node in ("x1", "x3", "z1"):
        assert counts(frame, node) == expected(), node


def test_output_layout():
    graph = nx.DiGraph(HUB_TIES)
    frame = brokerage_roles(graph, HUB_GROUPS)
    assert BROKERAGE_ROLES == (
        "coordinator",
        "itinerant",
        "representative",
        "gatekeeper",
        "liaison",
    )
    assert list(frame.columns) == COLUMNS
    assert list(frame.index) == list(graph.nodes)
    assert frame.index.name == "node"
    assert all(dtype.kind == "i" for dtype in frame.dtypes)
    assert (frame["total"] == frame[ROLE_COLUMNS].sum(axis=1)).all()


# --- Conventions and edge cases -----------------------------------------------------------------


def test_directly_tied_ends_are_excluded_in_the_direction_of_flow():
    groups = {"a": 1, "b": 1, "c": 1}
    open_path = nx.DiGraph([("a", "b"), ("b", "c")])
    assert brokerage_roles(open_path, groups).loc["b", "coordinator"] == 1
    closed = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    assert brokerage_roles(closed, groups)["total"].sum() == 0
    # A tie from c back to a does not let a reach c: b still brokers a -> c.
    reverse = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    frame = brokerage_roles(reverse, groups)
    # The 3-cycle: each node brokers the pair it sits between (c->a->b, a->b->c, b->c->a).
    assert frame["coordinator"].tolist() == [1, 1, 1]


def test_node_without_group_is_named():
    graph = nx.DiGraph([("Norway", "Oslo channel"), ("Oslo channel", "PLO")])
    with pytest.raises(ValueError, match=r"'PLO'"):
        brokerage_roles(graph, {"Norway": "state", "Oslo channel": "track two"})
    with pytest.raises(ValueError, match=r"'Oslo channel'"):
        brokerage_zscores(graph, {"Norway": "state", "Oslo channel": None, "PLO": "movement"})
    with pytest.raises(ValueError, match=r"'Norway'"):
        brokerage_roles(graph, {"Norway": math.nan, "Oslo channel": "a", "PLO": "b"})


def test_extra_group_keys_are_ignored():
    graph = nx.DiGraph([("a", "b"), ("b", "c")])
    frame = brokerage_roles(graph, {"a": 1, "b": 1, "c": 2, "not in graph": 3})
    assert list(frame.index) == ["a", "b", "c"]
    assert counts(frame, "b") == expected(representative=1)


@pytest.mark.parametrize("kind", [nx.MultiDiGraph, nx.MultiGraph])
def test_multigraph_rejected(kind):
    graph = kind([("a", "b"), ("a", "b"), ("b", "c")])
    groups = {"a": 1, "b": 1, "c": 1}
    with pytest.raises(ValueError, match="needs a simple graph"):
        brokerage_roles(graph, groups)
    with pytest.raises(ValueError, match="needs a simple graph"):
        brokerage_zscores(graph, groups)


def test_not_a_graph_rejected():
    with pytest.raises(TypeError):
        brokerage_roles([("a", "b")], {"a": 1, "b": 1})


def test_undirected_counts_each_direction():
    # Path u - v - w. With u, w in P and v in Q the broken pair is itinerant both ways (u->w and
    # w->u); with u, v in P and w in Q it is representative one way (u->v->w) and gatekeeper the
    # other (w->v->u).
    path = nx.Graph([("u", "v"), ("v", "w")])
    assert counts(brokerage_roles(path, {"u": "P", "v": "Q", "w": "P"}), "v") == expected(
        itinerant=2
    )
    assert counts(brokerage_roles(path, {"u": "P", "v": "P", "w": "Q"}), "v") == expected(
        representative=1, gatekeeper=1
    )
    # Closing the triangle removes the brokerage in both directions.
    triangle = nx.Graph([("u", "v"), ("v", "w"), ("u", "w")])
    assert brokerage_roles(triangle, {"u": "P", "v": "Q", "w": "P"})["total"].sum() == 0
    # In general an undirected graph counts as its directed version with ties both ways.
    graph = nx.gnm_random_graph(30, 60, seed=3)
    groups = {node: node % 3 for node in graph}
    pd.testing.assert_frame_equal(
        brokerage_roles(graph, groups), brokerage_roles(graph.to_directed(), groups)
    )


def test_no_two_paths_gives_zeros():
    graph = nx.DiGraph([("a", "b"), ("c", "d"), ("b", "b")])  # the self-loop is ignored
    graph.add_node("isolate")
    groups = dict.fromkeys(graph, "g") | {"c": "h"}
    frame = brokerage_roles(graph, groups)
    assert list(frame.index) == ["a", "b", "c", "d", "isolate"]
    assert (frame == 0).all().all()
    z = brokerage_zscores(graph, groups, permutations=50)
    assert (z["observed"] == 0).all() and (z["mean"] == 0).all() and (z["sd"] == 0).all()
    assert z["z"].isna().all()


def test_empty_graph():
    frame = brokerage_roles(nx.DiGraph(), {})
    assert frame.empty and list(frame.columns) == COLUMNS
    assert brokerage_zscores(nx.DiGraph(), {}).empty


def test_self_loops_ignored():
    graph = nx.DiGraph([("a", "b"), ("b", "b"), ("b", "c")])
    frame = brokerage_roles(graph, {"a": 1, "b": 2, "c": 3})
    assert counts(frame, "b") == expected(liaison=1)


@pytest.mark.parametrize("seed", range(8))
def test_matches_naive_definition(seed):
    rng = np.random.default_rng(seed)
    graph = nx.gnm_random_graph(35, 140, seed=seed, directed=seed % 2 == 0)
    groups = {node: f"g{rng.integers(4)}" for node in graph}
    frame = brokerage_roles(graph, groups)
    reference = naive_roles(graph, groups)
    for node in graph:
        assert frame.loc[node, ROLE_COLUMNS].tolist() == [reference[node][r] for r in ROLE_COLUMNS]


# --- Permutation null ---------------------------------------------------------------------------


def test_zscore_layout_and_observed():
    graph = nx.DiGraph(HUB_TIES)
    z = brokerage_zscores(graph, HUB_GROUPS, permutations=200)
    assert list(z.columns) == ["node", "role", "observed", "mean", "sd", "z"]
    assert len(z) == len(BROKERAGE_ROLES) * graph.number_of_nodes()
    assert z["role"].tolist()[: len(BROKERAGE_ROLES)] == ROLE_COLUMNS
    observed = z.pivot(index="node", columns="role", values="observed")
    roles = brokerage_roles(graph, HUB_GROUPS)
    assert (observed.loc[list(graph), ROLE_COLUMNS] == roles[ROLE_COLUMNS]).all().all()
    finite = z.dropna(subset=["z"])
    assert np.allclose(finite["z"], (finite["observed"] - finite["mean"]) / finite["sd"])


def test_zscores_reproducible_with_seed():
    graph = nx.gnm_random_graph(40, 160, seed=5, directed=True)
    groups = {node: node % 4 for node in graph}
    first = brokerage_zscores(graph, groups, permutations=300, seed=11)
    again = brokerage_zscores(graph, groups, permutations=300, seed=11)
    other = brokerage_zscores(graph, groups, permutations=300, seed=12)
    pd.testing.assert_frame_equal(first, again)
    assert not first["mean"].equals(other["mean"])


def test_one_group_means_labels_cannot_matter():
    graph = nx.DiGraph(HUB_TIES)
    z = brokerage_zscores(graph, dict.fromkeys(graph, "all"), permutations=100)
    # Every permutation gives the same labelling: the mean is the observed count exactly.
    assert (z["mean"] == z["observed"]).all()
    assert (z["sd"] == 0).all()
    assert z["z"].isna().all()
    x2 = z[z["node"] == "x2"].set_index("role")["observed"]
    assert x2["coordinator"] == 9 and x2.drop("coordinator").eq(0).all()


def test_all_groups_distinct_is_always_liaison():
    # Labels are all different, so every permutation keeps every two-path a liaison.
    graph = nx.DiGraph(HUB_TIES)
    z = brokerage_zscores(graph, {node: node for node in graph}, permutations=100)
    assert (z["mean"] == z["observed"]).all() and (z["sd"] == 0).all() and z["z"].isna().all()
    assert z.loc[(z["node"] == "x2") & (z["role"] == "liaison"), "observed"].item() == 9


def test_permutation_mean_matches_exact_expectation():
    # The null is uniform over orderings of the label vector. Enumerate all 6! of them on the
    # hub example and compare the exact mean and sd with the sampled ones.
    graph = nx.DiGraph(HUB_TIES)
    nodes = list(graph)
    labels = [HUB_GROUPS[node] for node in nodes]
    tables = [
        brokerage_roles(graph, dict(zip(nodes, order, strict=True)))[ROLE_COLUMNS].to_numpy()
        for order in itertools.permutations(labels)
    ]
    exact_mean = np.mean(tables, axis=0).ravel()
    exact_sd = np.std(tables, axis=0).ravel()
    z = brokerage_zscores(graph, HUB_GROUPS, permutations=20_000, seed=1)
    assert np.allclose(z["mean"], exact_mean, atol=0.06)
    assert np.allclose(z["sd"], exact_sd, atol=0.06)
    # x2's total of 9 is fixed; only its composition moves under the null.
    x2 = z[z["node"] == "x2"]
    assert x2["mean"].sum() == pytest.approx(9)


def test_permutations_must_be_at_least_two():
    graph = nx.DiGraph(HUB_TIES)
    with pytest.raises(ValueError, match="at least 2"):
        brokerage_zscores(graph, HUB_GROUPS, permutations=1)


def test_speed_on_a_yearly_window():
    # The intended use: ~150 states, ~600 ties, 5 groups, 1000 permutations per window.
    graph = nx.gnm_random_graph(150, 600, seed=2, directed=True)
    groups = {node: node % 5 for node in graph}
    brokerage_zscores(graph, groups, permutations=20)
    start = time.perf_counter()
    brokerage_zscores(graph, groups, permutations=1000)
    assert time.perf_counter() - start < 2.0  # measured about 0.05 s; generous for slow CI
