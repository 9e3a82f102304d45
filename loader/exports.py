"""Files written by `dipgraph build`: the graph as JSON and CSV, and the warnings."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd

__all__ = ["flat_frame", "write_record_files"]


def write_record_files(graph: nx.MultiDiGraph, out: Path | str, *, warnings=()) -> list[Path]:
    """Write ``graph.json`` (node-link), ``nodes.csv``, ``edges.csv`` and ``warnings.txt``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "graph.json", out / "nodes.csv", out / "edges.csv"]
    data = nx.node_link_data(graph, edges="edges")
    written[0].write_text(
        json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    flat_frame([attrs for _, attrs in graph.nodes(data=True)]).to_csv(written[1], index=False)
    edges = [{"source": s, "target": t, **attrs} for s, t, attrs in graph.edges(data=True)]
    flat_frame(edges).to_csv(written[2], index=False)
    report = out / "warnings.txt"
    report.write_text("".join(f"{w}\n" for w in warnings), encoding="utf-8")
    written.append(report)
    return written


def flat_frame(rows: list[dict], columns=None) -> pd.DataFrame:
    """Rows for a spreadsheet: lists become ``a|b`` (sets sorted), one value per cell.

    >>> flat_frame([{"a": [1, 2], "b": {"y", "x"}, "c": None}]).iloc[0].tolist()
    ['1|2', 'x|y', None]
    """
    flat = [{k: _joined(v) for k, v in row.items()} for row in rows]
    return pd.DataFrame(flat, columns=columns)


def _joined(value):
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    return "|".join(map(str, value)) if isinstance(value, list) else value
