"""Nothing lost: a load is all or nothing, a failed save is an error, and no server
outlives the command that started it, however that command ends.

The kill tests run ``dipgraph load --replace`` of the shipped corpus over a store that
holds the demo dataset, stop it with SIGKILL, SIGTERM or SIGINT at fixed pseudo-random
moments, and check that no server is left and that the store is the demo (before) or
the corpus (after), never a mix.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import DATA, write_demo

from dipgraph.cli.main import INTERRUPTED
from dipgraph.errors import EngineError
from dipgraph.loader import check_records, graph_rows, load_graph
from dipgraph.loader.embedded import SNAPSHOT, EmbeddedFalkorDB
from dipgraph.loader.load import read_networkx

DIPGRAPH = [sys.executable, "-m", "dipgraph"]


def _state(home: Path) -> tuple[frozenset, frozenset]:
    """The node ids and relationship keys the saved store holds."""
    with EmbeddedFalkorDB(home) as engine:
        graph = read_networkx(engine)
    return frozenset(graph.nodes), frozenset(k for *_, k in graph.edges(keys=True))


def _expected(data: Path) -> tuple[frozenset, frozenset]:
    rows = graph_rows(check_records(data)[0])
    return frozenset(n.props["id"] for n in rows.nodes), frozenset(
        e.props["key"] for e in rows.edges
    )


def _servers_of(home: Path) -> list[int]:
    """The pids of redis-server processes running the store in ``home``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue
        if args and args[0].endswith(b"redis-server") and str(home.resolve()).encode() in args:
            found.append(int(entry.name))
    return found


def _run(args: list, home: Path, **options) -> subprocess.CompletedProcess:
    env = {**os.environ, "DIPGRAPH_HOME": str(home)}
    return subprocess.run(
        DIPGRAPH + [str(a) for a in args], env=env, capture_output=True, text=True, **options
    )


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory) -> Path:
    return write_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_store(tmp_path, demo_data) -> Path:
    """A store holding the demo dataset, saved."""
    home = tmp_path / "store"
    done = _run(["--data", demo_data, "load"], home)
    assert done.returncode == 0, done.stderr
    return home


class _FailingEngine:
    """The real engine, whose ``after``-th write fails as a database rejecting a batch."""

    def __init__(self, engine, after: int):
        self._engine, self._left = engine, after

    def __getattr__(self, name):
        return getattr(self._engine, name)

    def write(self, statement, params=None):
        self._left -= 1
        if self._left < 0:
            raise EngineError("FalkorDB: rejected")
        self._engine.write(statement, params)


@pytest.mark.parametrize("replace", [False, True])
def test_a_load_the_database_rejects_part_way_leaves_the_saved_store_as_it_was(
    demo_store, demo_data, replace
):
    before = _state(demo_store)
    assert before == _expected(demo_data)
    rows = graph_rows(check_records(DATA)[0])
    with pytest.raises(EngineError, match="rejected"), EmbeddedFalkorDB(demo_store) as engine:
        # With --replace, the prune runs first: it removed relationships before the
        # batch that failed, and nothing of that may reach the store.
        load_graph(_FailingEngine(engine, after=12), rows, replace=replace)
    assert _state(demo_store) == before


def test_a_failed_save_is_an_error_naming_the_file_and_keeps_the_previous_save(demo_store):
    before = (demo_store / SNAPSHOT).read_bytes()
    server = EmbeddedFalkorDB(demo_store)
    engine = server.start()
    engine.write("CREATE (:Entity:State {id: 'lost'})")
    os.kill(server._process.pid, signal.SIGKILL)  # the server dies before it can save
    with pytest.raises(EngineError) as raised:
        server.stop()
    assert str(raised.value) == (
        f"could not save the embedded store to {demo_store / SNAPSHOT}: the server stopped "
        "while saving (is the disk full or the file too large?); it holds its previous save"
    )
    assert (demo_store / SNAPSHOT).read_bytes() == before
    assert "lost" not in _state(demo_store)[0]  # and the store opens again: the lock is free


def _limit_file_size():
    resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))


def test_a_save_the_disk_refuses_fails_the_command_and_keeps_the_previous_store(
    demo_store, demo_data
):
    # The corpus's snapshot is about 180 kB; a 60 kB file-size limit (as a full disk
    # would) stops the server while it saves. The demo's snapshot fits.
    before = (demo_store / SNAPSHOT).read_bytes()
    assert len(before) < 60_000
    done = _run(["load", "--replace"], demo_store, cwd=DATA.parent, preexec_fn=_limit_file_size)
    assert done.returncode == 1
    assert done.stderr.endswith(
        f"Error: could not save the embedded store to {demo_store / SNAPSHOT}: the server stopped "
        "while saving (is the disk full or the file too large?); it holds its previous save\n"
    )
    assert "Loaded into" not in done.stdout
    assert (demo_store / SNAPSHOT).read_bytes() == before
    assert _servers_of(demo_store) == []
    assert not list(demo_store.glob("temp-*.rdb"))
    assert _state(demo_store) == _expected(demo_data)


# Delays after the store's server is up, when the load is under way (it takes about
# half a second): fixed pseudo-random moments, three per signal.
KILLS = [(sig, delay) for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT)
         for delay in random.Random(13).sample([0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45], 3)]  # fmt: skip


@pytest.mark.parametrize(("sig", "delay"), KILLS)
def test_a_killed_load_leaves_no_server_and_the_store_before_or_after(
    demo_store, demo_data, sig, delay
):
    before, after = _expected(demo_data), _expected(DATA)
    env = {**os.environ, "DIPGRAPH_HOME": str(demo_store)}
    load = subprocess.Popen(
        [*DIPGRAPH, "load", "--replace"], cwd=DATA.parent, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while not _servers_of(demo_store) and load.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(delay)
    load.send_signal(sig)
    _, err = load.communicate(timeout=60)
    deadline = time.monotonic() + 5  # the parent-death signal is prompt; allow for a busy machine
    while _servers_of(demo_store) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _servers_of(demo_store) == []
    state = _state(demo_store)
    assert state in (before, after)
    assert "Traceback" not in err
    if load.returncode == 128 + sig:  # interrupted under way: said so, nothing saved
        assert err.endswith(INTERRUPTED + "\n") and state == before
    elif load.returncode != 0:  # killed outright, or as Python exits after its work
        assert load.returncode == -sig and (sig == signal.SIGKILL or state == after)


def test_serve_saves_what_clients_wrote_when_it_is_terminated(tmp_path):
    from falkordb import FalkorDB

    home = tmp_path / "served"
    env = {**os.environ, "DIPGRAPH_HOME": str(home)}
    served = subprocess.Popen(
        [*DIPGRAPH, "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    line = served.stdout.readline()  # "Serving <home> on 127.0.0.1:<port>, graph 'dipgraph'; ..."
    port = int(line.split("127.0.0.1:")[1].split(",")[0])
    FalkorDB(host="127.0.0.1", port=port).select_graph("dipgraph").query(
        "CREATE (:Entity:State {id: 'written-by-a-client'})"
    )
    served.send_signal(signal.SIGTERM)
    out, err = served.communicate(timeout=30)
    assert (served.returncode, out, err) == (0, "Stopped; the store is saved.\n", "")
    assert _servers_of(home) == []
    assert _state(home)[0] == frozenset({"written-by-a-client"})
