"""Loading: idempotent, --replace, and records -> database -> NetworkX == records -> NetworkX."""

from __future__ import annotations

import networkx as nx
from support import DATA, dump

from dipgraph.cypher import read_statement
from dipgraph.loader import build_networkx, check_records, graph_rows, load_graph, read_networkx


def _rows(data):
    records, report = check_records(data)
    assert report.ok, report.errors
    return graph_rows(records)


def assert_same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True), key=str) == sorted(
        b.edges(keys=True, data=True), key=str
    )


def test_loading_twice_leaves_the_same_graph(engine):
    rows = _rows(DATA)
    load_graph(engine, rows)
    first = dump(engine)
    load_graph(engine, rows)
    assert dump(engine) == first
    assert len(first[0]) == len(rows.nodes) and len(first[1]) == len(rows.edges)


def test_records_to_database_to_networkx_equals_records_to_networkx(engine):
    rows = _rows(DATA)
    load_graph(engine, rows)
    assert_same_graph(read_networkx(engine), build_networkx(rows))


def test_networkx_graph_keeps_types_labels_and_lists():
    graph = build_networkx(_rows(DATA))
    assert graph.nodes["rasul-guliyev"]["label"] == "Person"
    assert graph.nodes["rasul-guliyev"]["aliases"] == ["Rasul Guliev", "Guliyev", "Guliev"]
    (signed,) = [
        d for _, _, d in graph.out_edges("rasul-guliyev", data=True) if d["type"] == "SIGNED"
    ]
    assert (signed["time"], signed["place"], signed["citations"]) == (
        "1994-05-08",
        "baku",
        ["russia-initiatives@3660-3826", "russia-initiatives@8201-8423"],
    )


def test_replace_removes_what_the_records_no_longer_have(engine, demo):
    load_graph(engine, _rows(demo))
    claims = demo / "claims" / "demo.yaml"
    claims.write_text(
        "\n".join(line for line in claims.read_text().splitlines() if "bob-roe" not in line) + "\n"
    )
    entities = demo / "entities" / "demo.yaml"
    entities.write_text(
        "\n".join(line for line in entities.read_text().splitlines() if "bob-roe" not in line)
        .replace("label: Place", "label: State, status: recognized")
        .replace("kind: city, ", "")
        + "\n"
    )
    rows = _rows(demo)
    load_graph(engine, rows)  # without --replace, Bob and his signature stay
    assert engine.read("MATCH (n:Entity {id: 'bob-roe'}) RETURN count(n) AS n") == [{"n": 1}]
    load_graph(engine, rows, replace=True)
    assert engine.read("MATCH (n:Entity {id: 'bob-roe'}) RETURN count(n) AS n") == [{"n": 0}]
    assert engine.read("MATCH (n:Entity {id: 'exampleton'}) RETURN labels(n) AS labels") == [
        {"labels": ["Entity", "State"]}
    ]
    assert_same_graph(read_networkx(engine), build_networkx(rows))


def test_statements_are_static_per_label_and_type():
    merge = read_statement("load/merge_relationships", rel_type="SIGNED")
    assert "MERGE (a)-[r:SIGNED {key: row[2].key}]->(b)" in merge
    assert "$rows" in merge
    create = read_statement("load/create_relationships", rel_type="SIGNED")
    assert "CREATE (a)-[r:SIGNED]->(b)" in create
    delete = read_statement("load/delete_relationships", rel_type="SIGNED")
    assert "MATCH ()-[r:SIGNED {key: key}]->()" in delete and "$keys" in delete
