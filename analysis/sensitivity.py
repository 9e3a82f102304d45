"""How much each finding depends on one source: recompute leaving each out.

For a measure, `source_sensitivity` ranks the actors of every window on the full
graph and on the graph without each source in turn (a relationship asserted by
other sources too stays), and reports, per window and actor, the full rank, the
best and worst rank over the leave-one-out runs, and the sources whose removal
takes the actor out of the ranking altogether (``rests_on``).

A measure of `dipgraph.analysis.measures.MEASURES` is computed alone, from the
records read once (`dipgraph.analysis.actors.Prepared.without_source`); the others
(brokerage, group betweenness) by a full profile of the graph without the source.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .actors import Prepared, asserted_only_by, side_members
from .measures import MEASURES, one_measure, profile
from .timeline import Window

__all__ = ["source_sensitivity", "without_source"]


def without_source(graph: nx.MultiDiGraph, source: str) -> nx.MultiDiGraph:
    """A copy of ``graph`` without the relationships that only ``source`` asserts."""
    pruned = graph.copy()
    only = [
        (u, v, k) for u, v, k, a in graph.edges(keys=True, data=True) if asserted_only_by(a, source)
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
    prepared: Prepared | None = None,
) -> pd.DataFrame:
    """Rank stability of ``measure`` when each source is left out in turn (``sides`` as
    `side_members` takes them; ``prepared``, for ``dates``, shares the full graph's facts)."""
    sides = side_members(sides)
    sources = sorted(n for n, label in graph.nodes(data="label") if label == "Source")
    prepared = prepared or Prepared(graph, dates)
    ranks = []
    for left_out in [None, *sources]:
        if measure in MEASURES:
            run = prepared if left_out is None else prepared.without_source(left_out)
            table = one_measure(
                graph,
                windows,
                sides,
                measure,
                level=level,
                dates=dates,
                mediation=mediation,
                prepared=run,
            )
        else:
            variant = graph if left_out is None else without_source(graph, left_out)
            table = profile(
                variant,
                windows,
                sides,
                level=level,
                dates=dates,
                mediation=mediation,
                permutations=2,
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
