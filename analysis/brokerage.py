"""Gould-Fernandez brokerage roles, with a label-permutation null model.

Gould and Fernandez (1989, "Structures of mediation: A formal approach to brokerage in
transaction networks", *Sociological Methodology* 19: 89-126) classify every directed two-path
``a -> b -> c`` in which ``b`` mediates between ``a`` and ``c`` by the group memberships of the
three actors:

==============  ==========================================  =================
role            groups                                      two-path
==============  ==========================================  =================
coordinator     a, b and c in one group                     ``A -> A -> A``
itinerant       a and c in one group, b in another          ``A -> B -> A``
representative  b in the sender's group, c elsewhere        ``A -> A -> B``
gatekeeper      b in the receiver's group, a elsewhere      ``A -> B -> B``
liaison         a, b and c in three different groups        ``A -> B -> C``
==============  ==========================================  =================

(The itinerant broker is UCINET's "consultant".)

Conventions
-----------
Which two-paths count.
    ``b`` brokers from ``a`` to ``c`` when ``a -> b``, ``b -> c``, the three nodes are
    distinct, and there is **no direct tie** ``a -> c``: the broker is only needed where ``a``
    does not reach ``c`` by itself. This is the definition in the documentation of the
    ``brokerage`` function of Carter Butts's R package ``sna`` (statnet), which states it as
    "v is a broker for distinct vertices a and b iff a -> v -> b and a -!> b", crediting Gould
    and Fernandez following Marsden; the UCINET help page for Network > Ego Networks >
    Brokerage states the same condition ("A needs B to reach C"). Only the tie in the
    direction of the flow closes the path: ``c -> a`` does not stop ``b`` brokering from ``a``
    to ``c`` (sna tests adjacency from ``a`` to ``c`` only).
What is counted.
    A node's score for a role is the number of ordered pairs ``(a, c)`` it brokers in that role.
    When several nodes broker the same pair, each receives a full count (sna's rule and
    UCINET's default; UCINET's optional fractional credit is not implemented). ``total`` is the
    sum of the five roles.
Undirected graphs.
    An ``nx.Graph`` is read as ties in both directions, as sna does with a symmetric matrix, so
    each unordered broken pair is counted twice, once per direction. Coordinator, itinerant and
    liaison counts are therefore even; a pair crossing the broker's group boundary counts once
    as representative and once as gatekeeper.
Role names, not symbols.
    The literature also writes the roles as w_I, w_O, b_IO, b_OI and b_O, but the sna
    documentation attaches b_IO to the gatekeeper and b_OI to the representative while its
    code labels the columns the other way round. The names (defined by the group patterns
    above) are unambiguous, so only they are used here.

Null model
----------
sna reports analytic expectations and variances of the scores "conditional on size and
density" (a random graph with the observed density, for the given group sizes), and its
documentation warns that the accuracy of the normality behind the resulting z-tests is not
known (referring to Gould and Fernandez 1989) and that "simulation-based tests may be
desirable as an alternative". :func:`brokerage_zscores` is such a simulation test, with a
different null: the network is held fixed and the group labels are shuffled among the nodes (a random
permutation of the label vector, so group sizes are kept), every node's own label included.
A z-score therefore asks whether a node's brokerage *composition* is unusual given the
two-paths it actually sits on, not whether it brokers more than a random graph would. A node's
``total`` cannot change under this null (the two-paths do not depend on labels), so no z-score
is reported for it.

Example
-------
Two parties, ``a`` and ``c``, reach each other only through ``b``:

>>> import networkx as nx
>>> g = nx.DiGraph([("a", "b"), ("b", "c")])
>>> brokerage_roles(g, {"a": "Europe", "b": "Europe", "c": "Asia"}).loc["b"].to_dict()
{'coordinator': 0, 'itinerant': 0, 'representative': 1, 'gatekeeper': 0, 'liaison': 0, 'total': 1}
>>> int(brokerage_roles(g, {"a": "Asia", "b": "Europe", "c": "Europe"}).loc["b", "gatekeeper"])
1
>>> g.add_edge("a", "c")  # a now reaches c directly, so b brokers nothing
>>> int(brokerage_roles(g, {"a": "Asia", "b": "Europe", "c": "Europe"})["total"].sum())
0
"""

from __future__ import annotations

import math
import operator
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

__all__ = ["BROKERAGE_ROLES", "brokerage_roles", "brokerage_zscores"]

BROKERAGE_ROLES: tuple[str, ...] = (
    "coordinator",
    "itinerant",
    "representative",
    "gatekeeper",
    "liaison",
)

# Each role's pattern 4*[g(a) == g(b)] + 2*[g(b) == g(c)] + [g(a) == g(c)], in the order of
# BROKERAGE_ROLES. Patterns 3, 5 and 6 cannot occur because equality of labels is transitive.
_PATTERN_OF_ROLE = np.array([7, 1, 4, 2, 0], dtype=np.intp)
_PATTERNS = 8

# Upper bound on the size of the (permutations x two-paths) arrays built at once.
_BATCH_CELLS = 1_000_000


@dataclass(frozen=True)
class _TwoPaths:
    nodes: list[Hashable]
    codes: np.ndarray  # group code per node, int32
    source: np.ndarray  # a, int64 node positions
    broker: np.ndarray  # b
    target: np.ndarray  # c


def _is_missing(label: object) -> bool:
    return label is None or label is pd.NA or (isinstance(label, float) and math.isnan(label))


def _prepare(graph: nx.Graph, groups: Mapping[Hashable, Hashable]) -> _TwoPaths:
    """Validate the inputs, encode the labels and enumerate the brokered two-paths once."""
    if not isinstance(graph, nx.Graph):
        raise TypeError(f"graph must be a networkx graph, not {type(graph).__name__}")
    if graph.is_multigraph():
        raise ValueError(
            f"brokerage needs a simple graph, got a {type(graph).__name__}; collapse parallel "
            "ties first, e.g. nx.DiGraph(multigraph)"
        )
    nodes = list(graph.nodes)
    missing = [node for node in nodes if node not in groups or _is_missing(groups[node])]
    if missing:
        shown = ", ".join(repr(node) for node in missing[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        raise ValueError(f"{len(missing)} node(s) have no group: {shown}{more}")

    code_of: dict[Hashable, int] = {}
    codes = np.array(
        [code_of.setdefault(groups[node], len(code_of)) for node in nodes], dtype=np.int32
    )

    n = len(nodes)
    position = {node: i for i, node in enumerate(nodes)}
    arcs = [(position[u], position[v]) for u, v in graph.edges() if u != v]
    if not graph.is_directed():
        arcs += [(v, u) for u, v in arcs]
    arc = np.array(arcs, dtype=np.int64).reshape(-1, 2)
    tail, head = arc[:, 0], arc[:, 1]

    # Join every arc a -> b with every arc b -> c leaving its head, without a Python loop:
    # arc e is followed by outdegree(head[e]) continuations, read from the arcs sorted by tail.
    outdegree = np.bincount(tail, minlength=n)
    by_tail = np.argsort(tail, kind="stable")
    first_out = np.concatenate(([0], np.cumsum(outdegree)[:-1]))
    repeats = outdegree[head]
    first = np.repeat(np.arange(len(tail)), repeats)
    within = np.arange(repeats.sum()) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    second = by_tail[first_out[head[first]] + within]

    source, broker, target = tail[first], head[first], head[second]
    brokered = (source != target) & ~np.isin(source * n + target, tail * n + head)
    return _TwoPaths(nodes, codes, source[brokered], broker[brokered], target[brokered])


def _count(paths: _TwoPaths, labels: np.ndarray) -> np.ndarray:
    """Role counts for each row of ``labels`` (labellings x nodes): labellings x nodes x roles."""
    rows, n = labels.shape
    # Two-paths by labellings, so that each gather copies whole rows; small labels
    # where they fit, so that less memory is read.
    by_node = labels.T.astype(np.int8 if labels.max(initial=0) < 128 else labels.dtype)
    by_node = np.ascontiguousarray(by_node)
    g_a, g_b, g_c = by_node[paths.source], by_node[paths.broker], by_node[paths.target]
    pattern = (
        ((g_a == g_b).view(np.uint8) << 2)
        | ((g_b == g_c).view(np.uint8) << 1)
        | (g_a == g_c).view(np.uint8)
    )
    # One count per labelling, broker and pattern; the patterns are then read as roles.
    cell = np.add(pattern, (paths.broker * _PATTERNS)[:, None], dtype=np.intp)
    cell += np.arange(rows, dtype=np.intp) * (n * _PATTERNS)
    counts = np.bincount(cell.ravel(order="K"), minlength=rows * n * _PATTERNS)
    return counts.reshape(rows, n, _PATTERNS)[:, :, _PATTERN_OF_ROLE]


def brokerage_roles(graph: nx.Graph, groups: Mapping[Hashable, Hashable]) -> pd.DataFrame:
    """Count the Gould-Fernandez brokerage roles each node plays.

    Parameters
    ----------
    graph
        A ``networkx.DiGraph``; an undirected ``nx.Graph`` is read as ties in both directions.
        Self-loops are ignored. Multigraphs are rejected: collapse parallel ties first.
    groups
        Group label of every node of ``graph`` (any hashable label; keys that are not nodes
        are ignored). ``None`` and NaN count as no group.

    Returns
    -------
    pandas.DataFrame
        One row per node, in graph order (index ``node``), with integer columns
        ``coordinator, itinerant, representative, gatekeeper, liaison, total``.

    Raises
    ------
    ValueError
        If ``graph`` is a multigraph, or if some nodes have no group (they are named).
    TypeError
        If ``graph`` is not a networkx graph.

    Notes
    -----
    A node ``b`` brokers the ordered pair ``(a, c)`` when ``a -> b -> c``, the three are
    distinct and ``a -> c`` is absent; see the module docstring for the sources of this
    convention.
    """
    paths = _prepare(graph, groups)
    counts = _count(paths, paths.codes[None, :])[0]
    frame = pd.DataFrame(
        counts.astype(np.int64),
        index=pd.Index(paths.nodes, name="node", tupleize_cols=False),
        columns=list(BROKERAGE_ROLES),
    )
    frame["total"] = frame.sum(axis=1)
    return frame


def brokerage_zscores(
    graph: nx.Graph,
    groups: Mapping[Hashable, Hashable],
    *,
    permutations: int = 1000,
    seed: int | np.random.Generator | None = 0,
) -> pd.DataFrame:
    """Compare each node's brokerage role counts with a label-permutation null.

    Parameters
    ----------
    graph, groups
        As for :func:`brokerage_roles`.
    permutations
        Number of random permutations of the group labels (at least 2).
    seed
        Seed or generator for ``numpy.random.default_rng``; the same seed gives the same
        result.

    Returns
    -------
    pandas.DataFrame
        One row per node and role (nodes in graph order, roles in the order of
        ``BROKERAGE_ROLES``), with columns ``node, role, observed, mean, sd, z``: the observed
        count, the mean and the standard deviation (``ddof=1``) of the count over the
        permutations, and ``z = (observed - mean) / sd``, NaN where ``sd`` is 0.

    Raises
    ------
    ValueError
        As for :func:`brokerage_roles`, or if ``permutations`` is below 2.

    Notes
    -----
    The two-paths are enumerated once; each permutation only relabels them, and the counts of
    a batch of permutations come from one vectorised classification and one
    ``numpy.bincount``. The null keeps the graph and the group sizes and shuffles which node
    carries which label (the broker's own label included), so a node's total is fixed and
    only its role composition varies; see the module docstring.
    """
    permutations = operator.index(permutations)
    if permutations < 2:
        raise ValueError(f"permutations must be at least 2, got {permutations}")
    paths = _prepare(graph, groups)
    observed = _count(paths, paths.codes[None, :])[0].astype(np.int64)
    shift_sum, shift_sq = _permutation_shifts(paths, observed, permutations, seed)
    mean, sd, z = _null_moments(observed, shift_sum, shift_sq, permutations)
    return pd.DataFrame(
        {
            "node": [node for node in paths.nodes for _ in BROKERAGE_ROLES],
            "role": list(BROKERAGE_ROLES) * len(paths.nodes),
            "observed": observed.ravel(),
            "mean": mean.ravel(),
            "sd": sd.ravel(),
            "z": z.ravel(),
        }
    )


def _permutation_shifts(
    paths: _TwoPaths,
    observed: np.ndarray,
    permutations: int,
    seed: int | np.random.Generator | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Sums of the deviations from ``observed``, and of their squares, over the permutations.

    The sums are exact integers: the variance is shift-invariant, and exact sums make it
    exactly 0 when every permutation agrees.
    """
    n, k = len(paths.nodes), len(paths.source)
    shift_sum = np.zeros((n, len(BROKERAGE_ROLES)), dtype=np.int64)
    shift_sq = np.zeros((n, len(BROKERAGE_ROLES)), dtype=np.int64)
    if k and n:
        rng = np.random.default_rng(seed)
        batch = max(1, min(permutations, _BATCH_CELLS // k))
        for start in range(0, permutations, batch):
            rows = min(batch, permutations - start)
            labels = rng.permuted(np.broadcast_to(paths.codes, (rows, n)), axis=1)
            deviation = _count(paths, labels) - observed
            shift_sum += deviation.sum(axis=0)
            shift_sq += (deviation * deviation).sum(axis=0)
    return shift_sum, shift_sq


def _null_moments(
    observed: np.ndarray, shift_sum: np.ndarray, shift_sq: np.ndarray, permutations: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The mean, the standard deviation (``ddof=1``) and the z-score of every count."""
    mean = observed + shift_sum / permutations
    variance = (permutations * shift_sq - shift_sum * shift_sum) / (
        permutations * (permutations - 1)
    )
    sd = np.sqrt(variance)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd > 0, (observed - mean) / sd, np.nan)
    return mean, sd, z
