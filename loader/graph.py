"""Records as a property graph: the node and relationship rows every backend stores.

The same rows feed the database loaders and `build_networkx`, so a graph read
back from a database compares equal to one built from the records.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .records import Citation, Entity, Records, Source, paused_gc
from .relationships import Relationship, merge_claims
from .timespan import TimeSpan
from .vocabulary import CONFIDENCE, SOURCE_LABEL

__all__ = ["EdgeRow", "GraphRows", "NodeRow", "add_relationship", "build_networkx", "graph_rows"]


@dataclass(frozen=True)
class NodeRow:
    label: str
    props: dict


@dataclass(frozen=True)
class EdgeRow:
    type: str
    source: str
    target: str
    props: dict


@dataclass(frozen=True)
class GraphRows:
    nodes: list[NodeRow]
    edges: list[EdgeRow]


def graph_rows(records: Records) -> GraphRows:
    """Node rows (sources, then entities) and one edge row per merged relationship."""
    with paused_gc():  # rows of small, long-lived containers: nothing to collect
        relationships, _ = merge_claims(records)
        nodes = [NodeRow(SOURCE_LABEL, _source_props(s)) for s in records.sources.values()]
        nodes += [NodeRow(e.label, _entity_props(e)) for e in records.entities.values()]
        edges = [
            EdgeRow(r.predicate, r.subject, r.object, _relationship_props(r)) for r in relationships
        ]
    return GraphRows(nodes, edges)


def build_networkx(rows: GraphRows) -> nx.MultiDiGraph:
    """A MultiDiGraph keyed by node id and relationship key, with every property.

    Node attribute ``label`` and edge attribute ``type`` carry the vocabulary names.
    """
    graph = nx.MultiDiGraph()
    with paused_gc():
        for node in rows.nodes:
            graph.add_node(node.props["id"], label=node.label, **node.props)
        for edge in rows.edges:
            add_relationship(graph, edge.source, edge.target, edge.type, edge.props)
    return graph


def add_relationship(
    graph: nx.MultiDiGraph, source: str, target: str, rel_type: str, props: dict
) -> None:
    """Add an edge keyed by ``props["key"]``, keeping ``key`` among its attributes too."""
    key = graph.add_edge(source, target, key=props["key"])
    graph.edges[source, target, key].update(type=rel_type, **props)


class _Kept(list):
    """A list `_clean` keeps, and whose entries it leaves as they are."""


def _clean(props: dict) -> dict:
    # Neither Neo4j nor FalkorDB store nulls; leave them (and empty lists) out everywhere.
    return {
        k: list(v) if isinstance(v, _Kept) else _plain(v)
        for k, v in props.items()
        if isinstance(v, _Kept) or (v is not None and v != [])
    }


def _plain(value):
    """Dates other than ``time`` (a person's ``died``, an agreement's ``in_force``) as their
    EDTF text."""
    return value.text if isinstance(value, TimeSpan) else value


def _citation_props(cites: list[Citation]) -> dict:
    # Two claims citing one passage give it once (with the first locator given).
    unique = {
        str(c): c for c in sorted(cites, key=lambda c: (c.source, c.start, c.end, c.at or ""))
    }
    cites = list(unique.values())
    return {
        "sources": sorted({c.source for c in cites}),
        "citations": [str(c) for c in cites],
        "locators": [c.at or "" for c in cites],
    }


def _source_props(source: Source) -> dict:
    return _clean(
        {
            "id": source.id,
            "title": source.title,
            "file": source.file or None,
            "sha256": source.sha256 or None,
            "chars": source.chars or None,
            "dataset": source.dataset,
            "published": source.published.text if source.published else None,
            **{k: v for k, v in source.props.items()},
        }
    )


def _entity_props(entity: Entity) -> dict:
    time = entity.time.as_properties() if entity.time else {}
    for name, value in entity.props.items():
        if isinstance(value, TimeSpan):  # born, died, in_force, ended: queryable bounds too
            time |= {f"{name}_earliest": value.earliest, f"{name}_latest": value.latest}
    return _clean(
        {
            "id": entity.id,
            "name": entity.name,
            "name_sources": entity.name_sources,
            "aliases": entity.aliases,
            "alias_sources": _alias_sources(entity),
            **entity.props,
            **time,
            "note": entity.note,
            **_citation_props(entity.cites),
        }
    )


def _alias_sources(entity: Entity) -> list[str] | None:
    """Per alias, the sources that spell it so, joined with "; " ("" for none): a database
    property cannot hold a list of lists. None (no property) when no alias has sources."""
    if not any(entity.alias_sources):
        return None
    return ["; ".join(sources) for _, sources in entity.spellings[1:]]


def _relationship_props(rel: Relationship) -> dict:
    time = rel.time.as_properties() if rel.time else {}
    notes = [c.note for c in rel.claims if c.note]
    cites = _citation_props(rel.citations)
    return _clean(
        {
            "key": rel.key,
            **rel.qualifiers,
            **time,
            **cites,
            **_claim_props(rel),
            "corroboration": len(cites["sources"]),
            "disputed": rel.disputed,
            "contradicts": sorted(other.key for other in rel.contradicts),
            "note": " / ".join(dict.fromkeys(notes)) or None,
            "confidence": _confidence(rel),
        }
    )


CLAIM_LISTS = ("claim_sources", "claim_times", "claim_notes", "claim_citations")


def _claim_props(rel: Relationship) -> dict:
    """What each claim said, as its source said it: aligned lists, one entry per claim
    (a database property cannot hold a list of lists, so a claim's several sources or
    citations are joined with "; ")."""
    claims = rel.ordered_claims
    values = (
        ["; ".join(c.source_ids) for c in claims],
        [c.time.text if c.time else "" for c in claims],
        [c.note or "" for c in claims],
        ["; ".join(str(cite) for cite in c.cites) for c in claims],
    )
    # Kept whole even when every entry is "", so the four lists always align.
    lists = {name: _Kept(value) for name, value in zip(CLAIM_LISTS, values, strict=True)}
    wordings = [str(c.qualifiers.get("wording", "")) for c in claims]
    if any(wordings):  # how each source worded the title
        lists["claim_wordings"] = _Kept(wordings)
    return lists


def _confidence(rel: Relationship) -> str | None:
    """A fact is as well attested as its best source: one source stating it without
    reservation outweighs another's hearsay. No stated confidence means none."""
    best = min((c.confidence or "high" for c in rel.claims), key=CONFIDENCE.index)
    stated = any(c.confidence == best for c in rel.claims)
    return best if stated else None
