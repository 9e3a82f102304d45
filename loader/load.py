"""Write records into a database engine, and read a database back as NetworkX.

Nothing is written unless the records validate. Nodes go first, then
relationships, in batches of ``UNWIND $rows`` on constrained keys: one static
statement per label and per relationship type, every value a parameter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx

from dipgraph.errors import ValidationFailed

from .engines import Engine
from .graph import GraphRows, add_relationship, graph_rows
from .problems import Report
from .records import Records
from .statements import read_statement
from .vocabulary import ENTITY_LABEL, LABELS, SOURCE_LABEL

__all__ = ["LoadSummary", "load_graph", "load_records", "read_networkx"]

BATCH_SIZE = 500


@dataclass(frozen=True)
class LoadSummary:
    engine: str
    nodes: dict[str, int]
    relationships: dict[str, int]


def load_records(engine: Engine, records: Records, report: Report, **options) -> LoadSummary:
    """Load validated records; raise `ValidationFailed` (writing nothing) on any error."""
    if not report.ok:
        raise ValidationFailed(report, wrote_nothing=True)
    return load_graph(engine, graph_rows(records), **options)


def load_graph(
    engine: Engine,
    rows: GraphRows,
    *,
    replace: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], object] | None = None,
) -> LoadSummary:
    """Upsert ``rows``; with ``replace``, first remove what they no longer contain.

    All or nothing: the writes run in the engine's `atomic` block (one Neo4j
    transaction; the embedded store saves only a block that ended without an error).
    """
    engine.apply_schema()  # Neo4j runs schema changes in their own transactions
    with engine.atomic():
        _write_rows(engine, rows, replace=replace, batch_size=batch_size, progress=progress)
    return LoadSummary(
        engine.name,
        dict(Counter(n.label for n in rows.nodes)),
        dict(Counter(e.type for e in rows.edges)),
    )


def _write_rows(
    engine: Engine,
    rows: GraphRows,
    *,
    replace: bool,
    batch_size: int,
    progress: Callable[[int], object] | None,
) -> None:
    if replace:
        _prune(engine, rows)
    advance = progress or (lambda n: None)
    for label, group in _grouped(rows.nodes, lambda n: n.label):
        name = "load/merge_sources" if label == SOURCE_LABEL else "load/merge_entities"
        statement = read_statement(name, label=label if label != SOURCE_LABEL else None)
        payload = [{"id": n.props["id"], "props": n.props} for n in group]
        _write_batches(engine, statement, payload, batch_size, advance)
    for rel_type, group in _grouped(rows.edges, lambda e: e.type):
        statement = read_statement("load/merge_relationships", rel_type=rel_type)
        payload = [
            {"source": e.source, "target": e.target, "key": e.props["key"], "props": e.props}
            for e in group
        ]
        _write_batches(engine, statement, payload, batch_size, advance)


def read_networkx(engine: Engine) -> nx.MultiDiGraph:
    """The dipgraph nodes and relationships in a database, as `build_networkx` makes them."""
    graph = nx.MultiDiGraph()
    for row in engine.read(read_statement("read/nodes")):
        labels = [label for label in row["labels"] if label != ENTITY_LABEL]
        graph.add_node(
            row["props"]["id"], label=labels[0] if len(labels) == 1 else labels, **row["props"]
        )
    for row in engine.read(read_statement("read/relationships")):
        add_relationship(graph, row["source"], row["target"], row["type"], row["props"])
    return graph


def _prune(engine: Engine, rows: GraphRows) -> None:
    ids_by_label: dict[str, list[str]] = {label: [] for label in LABELS}
    for node in rows.nodes:
        ids_by_label.setdefault(node.label, []).append(node.props["id"])
    entity_ids = [i for label, ids in ids_by_label.items() if label != SOURCE_LABEL for i in ids]
    engine.write(
        read_statement("load/prune_relationships"), {"keys": [e.props["key"] for e in rows.edges]}
    )
    engine.write(read_statement("load/prune_entities"), {"ids": entity_ids})
    engine.write(read_statement("load/prune_sources"), {"ids": ids_by_label.get(SOURCE_LABEL, [])})
    for label in LABELS:
        engine.write(read_statement("load/prune_label", label=label), {"ids": ids_by_label[label]})


def _grouped(items: Iterable, key) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return sorted(groups.items())


def _write_batches(engine: Engine, statement: str, payload: list, size: int, advance) -> None:
    for start in range(0, len(payload), size):
        batch = payload[start : start + size]
        engine.write(statement, {"rows": batch})
        advance(len(batch))
