"""How much each finding depends on one source: recompute leaving each out.

For a measure, `source_sensitivity` ranks the actors of every window on the full
graph and on the graph without each source in turn (a relationship asserted by
other sources too stays), and reports, per window and actor, the full rank, the
best and worst rank over the leave-one-out runs, and the sources whose removal
takes the actor out of the ranking altogether (``rests_on``).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .actors import side_members
from .measures import profile
from .timeline import Window

__all__ = ["source_sensitivity", "without_source"]


def without_source(graph: nx.MultiDiGraph, source: str) -> nx.MultiDiGraph:
    """A copy of ``graph`` without the relationships that only ``source`` asserts."""
    pruned = graph.copy()
    only = [
        (u, v, k)
        for u, v, k, s in graph.edges(keys=True, data="sources")
        if list(s or ()) == [source]
    ]
    pruned.remove_edges_from(only)
    return pruned


def source_sensitivity(
    graph: nx.MultiDiGraph,
    windows: list[Window],
    sides: dict,
    *,
    measure: str = "mediation_betweenness",
    level: str = "state",
    dates: str = "lenient",
    mediation: str = "acts",
) -> pd.DataFrame:
    """Rank stability of ``measure`` when each source is left out in turn (``sides`` as
    `side_members` takes them)."""
    sides = side_members(sides)
    sources = sorted(n for n, label in graph.nodes(data="label") if label == "Source")
    runs = {None: graph} | {s: without_source(graph, s) for s in sources}
    ranks = []
    for left_out, variant in runs.items():
        table = profile(
            variant, windows, sides, level=level, dates=dates, mediation=mediation, permutations=2
        )
        table = table[(table.measure == measure) & (table.value > 0)].copy()
        table["rank"] = table.groupby("window")["value"].rank(ascending=False, method="min")
        table["left_out"] = left_out
        ranks.append(table[["window", "actor", "name", "value", "rank", "left_out"]])
    every = pd.concat(ranks, ignore_index=True)
    return _summarise(every, sources, measure, dates, level)


def _summarise(
    every: pd.DataFrame, sources: list[str], measure: str, dates: str, level: str
) -> pd.DataFrame:
    full = every[every.left_out.isna()]
    rows = []
    for row in full.itertuples(index=False):
        others = every[
            (every.window == row.window) & (every.actor == row.actor) & every.left_out.notna()
        ]
        present = set(others.left_out)
        rests_on = [s for s in sources if s not in present]
        worst = others["rank"].max() if len(others) else float("nan")
        best = others["rank"].min() if len(others) else float("nan")
        rows.append(
            {
                "window": row.window,
                "actor": row.actor,
                "name": row.name,
                "measure": measure,
                "value": row.value,
                "rank": int(row.rank),
                "best_rank": best,
                "worst_rank": worst,
                "rests_on": rests_on,
                "dates": dates,
                "level": level,
            }
        )
    return pd.DataFrame(rows)
