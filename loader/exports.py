"""Files written by `dipgraph build`: the graph as JSON and CSV, and the warnings.

Every CSV dipgraph writes goes through `flat_frame` (or `spreadsheet_safe`), so no
cell runs as a formula when the file is opened in a spreadsheet: a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
``'`` (OWASP's advice on CSV injection), which spreadsheets read as "this is text"
and do not show. Numbers stay numbers (a z-score of -1.5 is written ``-1.5``).
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd

__all__ = ["flat_frame", "spreadsheet_safe", "write_record_files"]

# What makes a spreadsheet read a cell as a formula (or, for tab and CR, hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    """Rows for a spreadsheet: lists become ``a|b`` (sets sorted), one value per cell,
    and no text cell can run as a formula (`spreadsheet_safe`).

    >>> flat_frame([{"a": [1, 2], "b": {"y", "x"}, "c": None}]).iloc[0].tolist()
    ['1|2', 'x|y', None]
    >>> print(flat_frame([{"a": "=1+1", "b": ["-x", "y"], "c": -1.5}]).to_csv(index=False))
    a,b,c
    '=1+1,'-x|y,-1.5
    <BLANKLINE>
    """
    flat = [{k: spreadsheet_safe(_joined(v)) for k, v in row.items()} for row in rows]
    return pd.DataFrame(flat, columns=columns)


def spreadsheet_safe(value):
    """``value`` as a cell no spreadsheet runs: text that starts like a formula gets a
    leading ``'``; anything else (numbers included, negative ones too) is unchanged.

    >>> spreadsheet_safe("=SUM(A1:A9)"), spreadsheet_safe("@SUM(A1)"), spreadsheet_safe("-2+3")
    ("'=SUM(A1:A9)", "'@SUM(A1)", "'-2+3")
    >>> spreadsheet_safe("Minsk Group"), spreadsheet_safe(-3), spreadsheet_safe(None)
    ('Minsk Group', -3, None)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _joined(value):
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    return "|".join(map(str, value)) if isinstance(value, list) else value
