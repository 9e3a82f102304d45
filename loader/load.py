"""Write records into a database engine, and read a database back as NetworkX.

Nothing is written unless the records validate. Nodes go first, then
relationships, in batches of ``UNWIND $rows``: one static statement per label and
per relationship type, every value a parameter. A store with no dipgraph node yet
gets ``CREATE`` batches (nothing to look up); one that holds data gets ``MERGE``
batches on the constrained keys. ``--replace`` reads the store's ids and keys back,
works out in Python what the records no longer hold, and deletes exactly that, by
key, in batches: linear in the size of the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from dipgraph.errors import ValidationFailed

from .engines import FALKORDB, Engine
from .graph import EdgeRow, GraphRows, NodeRow, graph_rows
from .problems import Report
from .records import Records, paused_gc
from .statements import read_statement
from .vocabulary import ENTITY_LABEL, RELATIONSHIPS, SOURCE_LABEL

__all__ = [
    "BATCH_SIZE",
    "DELETE_BATCH_SIZE",
    "LoadSummary",
    "load_graph",
    "load_records",
    "read_networkx",
]

BATCH_SIZE = 500  # rows per write; larger batches gain little and hold more in memory
DELETE_BATCH_SIZE = 5000  # ids or keys per delete: each is one index lookup


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
    edges = _unique_edges(rows.edges)
    advance = progress or (lambda n: None)
    # The batches are many small, long-lived containers: the cyclic collector would
    # scan them again and again and find nothing to free.
    with paused_gc(), engine.atomic():
        empty = not engine.read(read_statement("read/holds_data"))
        if replace and not empty:
            _prune(engine, rows.nodes, edges)
        _write_nodes(engine, rows.nodes, create=empty, size=batch_size, advance=advance)
        _write_edges(engine, edges, create=empty, size=batch_size, advance=advance)
        if len(edges) < len(rows.edges):  # rows merged into one: written all the same
            advance(len(rows.edges) - len(edges))
    return LoadSummary(
        engine.name,
        dict(Counter(n.label for n in rows.nodes)),
        dict(Counter(e.type for e in rows.edges)),
    )


def _unique_edges(edges: list[EdgeRow]) -> list[EdgeRow]:
    """One row per relationship key. Two rows with one key are one relationship in a
    database (a unique key) and in `build_networkx` (one edge key), whose properties
    are those of both, the later winning: the same here, so that creating, merging
    and building agree."""
    seen: dict[tuple[str, str], EdgeRow] = {}
    for edge in edges:
        ident = (edge.type, edge.props["key"])
        first = seen.get(ident)
        seen[ident] = (
            edge
            if first is None
            else EdgeRow(edge.type, edge.source, edge.target, {**first.props, **edge.props})
        )
    return list(seen.values()) if len(seen) < len(edges) else edges


def _write_nodes(engine: Engine, nodes: list[NodeRow], *, create: bool, size: int, advance) -> None:
    verb = "create" if create else "merge"
    for label, group in _grouped(nodes, lambda n: n.label):
        if label == SOURCE_LABEL:
            statement = read_statement(f"load/{verb}_sources")
        else:
            statement = read_statement(f"load/{verb}_entities", label=label)
        payload = [n.props for n in group]
        _write_batches(engine, statement, payload, size, advance, _reversed(engine, create))


def _write_edges(engine: Engine, edges: list[EdgeRow], *, create: bool, size: int, advance) -> None:
    verb = "create" if create else "merge"
    for rel_type, group in _grouped(edges, lambda e: e.type):
        statement = read_statement(f"load/{verb}_relationships", rel_type=rel_type)
        payload = [[e.source, e.target, e.props] for e in group]
        _write_batches(engine, statement, payload, size, advance, _reversed(engine, create))


def _prune(engine: Engine, nodes: list[NodeRow], edges: list[EdgeRow]) -> None:
    """Delete what the store holds and the rows do not: relationships by type and key,
    entities by id (also those whose label changed: they are created again with the
    new one), sources by id. Each side is read once and compared as sets."""
    wanted_keys = {(e.type, e.props["key"]) for e in edges}
    stale: dict[str, list[str]] = {}
    for row in engine.read(read_statement("read/relationship_keys")):
        if row["key"] is not None and (row["type"], row["key"]) not in wanted_keys:
            stale.setdefault(row["type"], []).append(row["key"])
    for rel_type, keys in sorted(stale.items()):
        if rel_type in RELATIONSHIPS:
            statement = read_statement("load/delete_relationships", rel_type=rel_type)
        else:
            statement = read_statement("load/delete_untyped_relationships")
        _delete_batches(engine, statement, "keys", keys)
    labels = {n.props["id"]: n.label for n in nodes if n.label != SOURCE_LABEL}
    entities = [
        row["id"]
        for row in engine.read(read_statement("read/entity_ids"))
        if [label for label in row["labels"] if label != ENTITY_LABEL] != [labels.get(row["id"])]
    ]
    _delete_batches(engine, read_statement("load/delete_entities"), "ids", entities)
    sources = {n.props["id"] for n in nodes if n.label == SOURCE_LABEL}
    dropped = [
        row["id"]
        for row in engine.read(read_statement("read/source_ids"))
        if row["id"] not in sources
    ]
    _delete_batches(engine, read_statement("load/delete_sources"), "ids", dropped)


def _delete_batches(engine: Engine, statement: str, name: str, values: list) -> None:
    for start in range(0, len(values), DELETE_BATCH_SIZE):
        engine.write(statement, {name: values[start : start + DELETE_BATCH_SIZE]})


def read_networkx(engine: Engine) -> nx.MultiDiGraph:
    """The dipgraph nodes and relationships in a database, as `build_networkx` makes them."""
    with paused_gc():  # a whole graph of small containers: nothing for the collector
        if engine.kind == FALKORDB:
            return _read_compact(engine)
        return _read_maps(engine)


def _node_attrs(labels: list[str], props: dict) -> dict:
    kept = [label for label in labels if label != ENTITY_LABEL]
    return {"label": kept[0] if len(kept) == 1 else kept, **props}


def _read_compact(engine: Engine) -> nx.MultiDiGraph:
    """FalkorDB: nodes and relationships as the server's own compact values (the
    client's Node and Edge, property names sent as numbers), ends by internal id."""
    graph = nx.MultiDiGraph()
    ids: dict[int, Any] = {}
    nodes = []
    for row in engine.read(read_statement("read/nodes_compact")):
        node = row["n"]
        ids[node.id] = node.properties["id"]
        nodes.append((node.properties["id"], _node_attrs(node.labels or [], node.properties)))
    graph.add_nodes_from(nodes)
    graph.add_edges_from(
        _edge(ids[edge.src_node], ids[edge.dest_node], edge.relation, edge.properties)
        for edge in (row["r"] for row in engine.read(read_statement("read/relationships_compact")))
    )
    return graph


def _read_maps(engine: Engine) -> nx.MultiDiGraph:
    """Neo4j: a map of properties per element (its driver decodes maps natively)."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(
        (row["props"]["id"], _node_attrs(row["labels"], row["props"]))
        for row in engine.read(read_statement("read/nodes"))
    )
    graph.add_edges_from(
        _edge(row["source"], row["target"], row["type"], row["props"])
        for row in engine.read(read_statement("read/relationships"))
    )
    return graph


def _edge(source: str, target: str, rel_type: str, props: dict) -> tuple[str, str, str, dict]:
    """An edge as `add_relationship` adds it: keyed by its ``key``, ``type`` first."""
    return source, target, props["key"], {"type": rel_type, **props}


def _grouped(items: Iterable, key) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return sorted(groups.items())


def _reversed(engine: Engine, create: bool) -> bool:
    """Whether CREATE batches go last row first: FalkorDB's MERGE creates a batch's rows
    last first, and a CREATE batch sent in reverse gives every node and relationship
    the internal id a MERGE load gives it. The store, and the order in which it returns
    rows that tie in an ORDER BY, is then the same however it was first loaded."""
    return create and engine.kind == FALKORDB


def _write_batches(
    engine: Engine, statement: str, payload: list, size: int, advance, reverse: bool = False
) -> None:
    for start in range(0, len(payload), size):
        batch = payload[start : start + size]
        engine.write(statement, {"rows": batch[::-1] if reverse else batch})
        advance(len(batch))
