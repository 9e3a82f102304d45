"""The Neo4j path, against a live Neo4j when NEO4J_URI is set (skipped otherwise).

The statements are the very ones the embedded-engine tests run: only the schema
file differs (cypher/schema.cypher).
"""

from __future__ import annotations

import pytest
from support import DATA, dump, write_demo
from test_atomic import _FailingEngine

from dipgraph.errors import EngineError
from dipgraph.loader import build_networkx, check_records, graph_rows, load_graph, read_networkx


def test_neo4j_load_is_idempotent_and_round_trips(neo4j_engine):
    records, report = check_records(DATA)
    assert report.ok, report.errors
    rows = graph_rows(records)
    load_graph(neo4j_engine, rows)
    first = dump(neo4j_engine)
    load_graph(neo4j_engine, rows)
    assert dump(neo4j_engine) == first
    graph, expected = read_networkx(neo4j_engine), build_networkx(rows)
    assert dict(graph.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(graph.edges(keys=True, data=True), key=str) == sorted(
        expected.edges(keys=True, data=True), key=str
    )


def test_neo4j_answers_who_signed_the_bishkek_protocol(neo4j_engine):
    load_graph(neo4j_engine, graph_rows(check_records(DATA)[0]))
    rows = neo4j_engine.read(
        "MATCH (p:Person)-[s:SIGNED]->(:Agreement {id: 'bishkek-protocol'}) WHERE s.time = '1994-05-08' RETURN p.name AS who"
    )
    assert rows == [{"who": "Rasul Guliyev"}]


def test_neo4j_has_the_schema(neo4j_engine):
    load_graph(neo4j_engine, graph_rows(check_records(DATA)[0]))
    names = {r["name"] for r in neo4j_engine.read("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"entity_id", "source_id", "signed_key", "held_position_key"} <= names


def test_neo4j_load_that_fails_part_way_writes_nothing(neo4j_engine, tmp_path):
    # One transaction per load: the prune of --replace and every batch before the one
    # that failed are rolled back together.
    load_graph(neo4j_engine, graph_rows(check_records(write_demo(tmp_path))[0]))
    before = dump(neo4j_engine)
    with pytest.raises(EngineError, match="rejected"):
        load_graph(
            _FailingEngine(neo4j_engine, after=12), graph_rows(check_records(DATA)[0]), replace=True
        )
    assert dump(neo4j_engine) == before
