"""Exploring the graph with Cypher: the saved-query library (`library`), running
queries (`run`) and the Neo4j Browser guide, style and favorites (`browser`).

The ``.cypher`` files live in this folder; `read_statement` (from the loader, which
needs them first) is the one way Python reads them.
"""

from __future__ import annotations

if __name__ != "dipgraph.cypher":  # imported by its folder name, from the repository root
    raise ImportError(
        "import this folder as dipgraph.cypher, not cypher (pip install -e . makes it importable)"
    )

from dipgraph.loader.statements import read_statement, read_statements

__all__ = ["read_statement", "read_statements"]
