"""The embedded engine's life cycle: persistence, the lock, and `dipgraph serve`."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys

import pytest
from falkordb import FalkorDB

from dipgraph.loader import EngineError
from dipgraph.loader.embedded import EmbeddedFalkorDB


def test_data_persists_between_runs(tmp_path):
    with EmbeddedFalkorDB(tmp_path) as engine:
        engine.write("CREATE (:Entity {id: 'x', name: 'Kept'})")
    with EmbeddedFalkorDB(tmp_path) as engine:
        assert engine.read("MATCH (n:Entity) RETURN n.name AS name") == [{"name": "Kept"}]


def test_one_store_one_process(tmp_path):
    with (
        EmbeddedFalkorDB(tmp_path),
        pytest.raises(EngineError, match="in use by another dipgraph process"),
    ):
        EmbeddedFalkorDB(tmp_path).start()


def test_server_is_gone_after_the_block(tmp_path):
    server = EmbeddedFalkorDB(tmp_path)
    with server:
        port = server.port
    with pytest.raises(Exception):  # noqa: B017 - any connection error will do
        FalkorDB(host="127.0.0.1", port=port).connection.ping()


def test_serve_runs_until_ctrl_c_and_saves(tmp_path):
    command = [sys.executable, "-m", "dipgraph", "serve", "--home", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        line = process.stdout.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)", line).group(1))
        graph = FalkorDB(host="127.0.0.1", port=port).select_graph("dipgraph")
        graph.query("CREATE (:Entity {id: 'served'})")
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
        assert process.wait(timeout=20) == 0
        assert process.stdout.read() == "Stopped; the store is saved.\n"
    finally:
        process.kill()
    with EmbeddedFalkorDB(tmp_path) as engine:
        assert engine.read("MATCH (n:Entity) RETURN n.id AS id") == [{"id": "served"}]


def test_a_taken_port_is_never_someone_elses_store(tmp_path, monkeypatch, embedded_server):
    """Between probing a free port and the server binding it, another process can take
    it; the engine must retry, not talk to that process's store (a run once hung so)."""
    import dipgraph.loader.embedded as embedded

    other, other_engine = embedded_server
    other_engine.clear()
    other_engine.write("CREATE (:Entity {id: 'theirs'})")
    ports = iter([other.port])
    real = embedded._free_port
    monkeypatch.setattr(embedded, "_free_port", lambda: next(ports, None) or real())
    server = EmbeddedFalkorDB(tmp_path / "mine")
    with server as engine:
        assert server.port != other.port
        engine.write("CREATE (:Entity {id: 'mine'})")
        assert engine.read("MATCH (n:Entity) RETURN n.id AS id") == [{"id": "mine"}]
    assert other_engine.read("MATCH (n:Entity) RETURN n.id AS id") == [{"id": "theirs"}]
    other_engine.clear()


def test_a_port_given_and_taken_is_an_error(tmp_path, embedded_server):
    other, _ = embedded_server
    with pytest.raises(EngineError, match="exited at start"):
        EmbeddedFalkorDB(tmp_path / "mine", port=other.port).start()
