"""Shared fixtures: an embedded FalkorDB for the session, the shipped records loaded
into it, the demo dataset, and a live Neo4j when NEO4J_URI is set."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import DATA, SEEDS, live_neo4j, write_demo

from dipgraph.loader.embedded import EmbeddedFalkorDB


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory):
    server = EmbeddedFalkorDB(tmp_path_factory.mktemp("falkordb"))
    engine = server.start()
    yield server, engine
    server.stop()


@pytest.fixture
def engine(embedded_server):
    """An empty embedded graph for one test."""
    _, engine = embedded_server
    engine.clear()
    yield engine
    engine.clear()


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not (SEEDS / "001_392085007d96450f.txt").is_file():
        pytest.skip(f"the source documents are not at {SEEDS}")
    return SEEDS


@pytest.fixture
def demo(tmp_path, monkeypatch) -> Path:
    """The demo dataset; the working directory is its parent, so paths print as data/…"""
    data = write_demo(tmp_path)
    monkeypatch.chdir(tmp_path)
    return data


@pytest.fixture
def neo4j_engine():
    """A live, emptied Neo4j (skipped without NEO4J_URI)."""
    engine = live_neo4j()
    engine.clear()
    yield engine
    engine.clear()
    engine.close()


@pytest.fixture(scope="module")
def loaded_corpus(embedded_server):
    """The embedded engine with the shipped records loaded, for one test module."""
    from dipgraph.loader import check_records, load_records

    _, engine = embedded_server
    engine.clear()
    load_records(engine, *check_records(DATA))
    yield engine
    engine.clear()
