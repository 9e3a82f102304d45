"""Files written by `dipgraph build`: the graph as JSON and CSV, and the warnings."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd

__all__ = ["write_exports"]


def write_exports(graph: nx.MultiDiGraph, out: Path | str, *, warnings=()) -> list[Path]:
    """Write ``graph.json`` (node-link), ``nodes.csv``, ``edges.csv`` and ``warnings.txt``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "graph.json", out / "nodes.csv", out / "edges.csv"]
    data = nx.node_link_data(graph, edges="edges")
    written[0].write_text(
        json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    _frame([attrs for _, attrs in graph.nodes(data=True)]).to_csv(written[1], index=False)
    edges = [{"source": s, "target": t, **attrs} for s, t, attrs in graph.edges(data=True)]
    _frame(edges).to_csv(written[2], index=False)
    report = out / "warnings.txt"
    report.write_text("".join(f"{w}\n" for w in warnings), encoding="utf-8")
    written.append(report)
    return written


def _frame(rows: list[dict]) -> pd.DataFrame:
    # Lists become "a|b" so a spreadsheet shows one value per cell.
    flat = [
        {k: "|".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}
        for row in rows
    ]
    return pd.DataFrame(flat)
