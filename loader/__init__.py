"""Records in, graph out: reading, validating and loading dipgraph's sourced records."""

if __name__ != "dipgraph.loader":  # imported by its folder name, from the repository root
    raise ImportError(
        "import this folder as dipgraph.loader, not loader (pip install -e . makes it importable)"
    )


from dipgraph.errors import DipgraphError, EngineError, SourceTextError, TimeError, ValidationFailed

from .graph import build_networkx, graph_rows
from .load import load_graph, load_records, read_networkx
from .records import read_records
from .timespan import TimeSpan, parse_time
from .validate import check_records, validate_records

__all__ = [
    "DipgraphError",
    "EngineError",
    "SourceTextError",
    "TimeError",
    "TimeSpan",
    "ValidationFailed",
    "build_networkx",
    "check_records",
    "graph_rows",
    "load_graph",
    "load_records",
    "parse_time",
    "read_networkx",
    "read_records",
    "validate_records",
]
