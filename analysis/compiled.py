"""Compiled code for the analysis: BLAS held to one thread, and igraph when installed.

`one_blas_thread` keeps NumPy's BLAS on one thread while the measures run: the
windows' matrices are small, and OpenBLAS spinning up threads on a busy machine
made a 150x150 ``eigh`` take 220 ms instead of 2 ms.

With igraph installed (``pip install dipgraph[fast]``) `compiled_graph` converts a
window's graph once, and `betweenness`, `harmonic` and `subset_betweenness` compute
with it what `dipgraph.analysis.measures` otherwise asks of NetworkX. Set
``DIPGRAPH_COMPILED=0`` to use NetworkX only (``1`` requires igraph; unset, it is used
when importable).

The two paths give the same tables. Harmonic centrality is summed exactly
(`math.fsum`) on either path, so it is identical to the bit. Betweenness and
mediation betweenness, whose sums igraph and NetworkX take in different orders (they
differ by at most a few ulps), are rounded to `DIGITS` decimals on both paths, and a
compiled result is used only when every value lies well clear of a rounding boundary
(`settled`); otherwise that window's measure is left to NetworkX.

PageRank stays with NetworkX on both paths: its power iteration stops at a tolerance
(1e-6 per node), so its values differ from igraph's exact solution by up to 1e-5.
The eigenvector measure already runs compiled (`numpy.linalg.eigh`, about 2 ms a
window on one BLAS thread); igraph's iterative solver would only change its last digits.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

import networkx as nx
import numpy as np
from threadpoolctl import threadpool_limits

from dipgraph.errors import AnalysisError

__all__ = [
    "DIGITS",
    "ENVIRONMENT",
    "CompiledGraph",
    "betweenness",
    "compiled_available",
    "compiled_graph",
    "harmonic",
    "one_blas_thread",
    "settled",
    "subset_betweenness",
]

ENVIRONMENT = "DIPGRAPH_COMPILED"
DIGITS = 12  # betweenness is reported to 12 decimals, whichever code computed it
# How far (relative) a compiled value must lie from a rounding boundary to be used:
# igraph and NetworkX sum the same paths in another order, and differ by up to 5 ulps
# (6e-16) on the 150-actor history; 1e-14 leaves a margin of 17 times that.
_MARGIN = 1e-14


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the block with BLAS (OpenBLAS, MKL, ...) on one thread."""
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def compiled_available() -> bool:
    """Whether the compiled path runs: igraph importable and ``DIPGRAPH_COMPILED`` not 0.

    Raises `AnalysisError` when ``DIPGRAPH_COMPILED=1`` asks for it and igraph is missing.
    """
    wanted = os.environ.get(ENVIRONMENT, "").strip().lower()
    if wanted in ("0", "false", "no", "off"):
        return False
    found = _igraph() is not None
    if wanted in ("1", "true", "yes", "on") and not found:
        raise AnalysisError(
            f"{ENVIRONMENT}={wanted}: igraph is not installed (pip install dipgraph[fast])"
        )
    return found


@cache
def _igraph() -> Any:
    # Imported on first use: the analysis runs without it, and the CLI starts faster.
    # igraph imports matplotlib.pyplot (0.45 s) to offer plotting, unless matplotlib is
    # missing; nothing here plots with igraph, so it is hidden while igraph loads.
    hide = "matplotlib" not in sys.modules
    if hide:
        sys.modules["matplotlib"] = None  # type: ignore[assignment]
    try:
        import igraph
    except ImportError:
        return None
    finally:
        if hide:
            del sys.modules["matplotlib"]
    return igraph


@dataclass(frozen=True)
class CompiledGraph:
    """An undirected NetworkX graph as igraph holds it; vertex i is ``nodes[i]``."""

    graph: Any
    nodes: list[str]
    index: dict[str, int]


def compiled_graph(graph: nx.Graph, weight: str | None = None) -> CompiledGraph:
    """``graph`` (undirected) for igraph, with edge attribute ``weight`` if given."""
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    edges = graph.edges(data=weight) if weight else graph.edges()
    compiled = _igraph().Graph(n=len(nodes), edges=[(index[e[0]], index[e[1]]) for e in edges])
    if weight:
        compiled.es[weight] = [float(e[2]) for e in edges]
    return CompiledGraph(compiled, nodes, index)


def betweenness(compiled: CompiledGraph) -> dict[str, float]:
    """As `networkx.betweenness_centrality` (normalised, undirected, unweighted)."""
    n = len(compiled.nodes)
    raw = compiled.graph.betweenness(directed=False)
    # igraph counts each pair once; NetworkX counts both ways and scales by 1/((n-1)(n-2)).
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return {node: 2 * value * scale for node, value in zip(compiled.nodes, raw, strict=True)}


def harmonic(compiled: CompiledGraph) -> dict[str, float]:
    """As `dipgraph.analysis.measures.harmonic`: the same terms 1/d, summed exactly."""
    distances = np.array(compiled.graph.distances(), dtype=float).reshape(len(compiled.nodes), -1)
    reached = np.isfinite(distances) & (distances > 0)
    with np.errstate(divide="ignore"):
        terms = np.where(reached, 1.0 / distances, 0.0)
    return {
        node: math.fsum(row[mask].tolist())
        for node, row, mask in zip(compiled.nodes, terms, reached, strict=True)
    }


def subset_betweenness(
    compiled: CompiledGraph, sources: list[str], targets: list[str], weight: str
) -> dict[str, float]:
    """As `networkx.betweenness_centrality_subset` on an undirected graph (halved too)."""
    raw = compiled.graph.betweenness(
        directed=False,
        weights=weight,
        sources=[compiled.index[s] for s in sources],
        targets=[compiled.index[t] for t in targets],
    )
    return dict(zip(compiled.nodes, raw, strict=True))


def settled(values: dict[str, float], digits: int = DIGITS) -> bool:
    """Whether every value rounds to ``digits`` decimals as all values within a relative
    1e-14 of it do: then another algorithm's last bits cannot change the rounded table.

    >>> settled({"a": 0.25, "b": 1 / 3}), settled({"c": 2**-13})  # 0.0001220703125
    (True, False)
    """
    scaled = np.abs(np.fromiter(values.values(), dtype=float, count=len(values))) * 10.0**digits
    off = np.abs(scaled - np.floor(scaled) - 0.5)
    return bool(np.all(off > _MARGIN * scaled + 1e-6))
