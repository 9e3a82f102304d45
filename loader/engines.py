"""Database engines that speak Cypher: FalkorDB (embedded) and Neo4j.

Both expose the same two calls, `read` and `write`, taking a statement and its
parameters; loaders and queries never see which engine they talk to. Only the
schema differs: `apply_schema` runs the engine's own DDL file. A user's statement
(`dipgraph query`) goes through `query`, which runs it in the engine's own read-only
mode unless writing was asked for.
"""

from __future__ import annotations

import contextlib
from contextlib import AbstractContextManager
from typing import Any, Protocol

from dipgraph.errors import EngineError
from dipgraph.settings import redact_uri

from .statements import read_statements

__all__ = ["FALKORDB", "NEO4J", "Engine", "FalkorEngine", "Neo4jEngine", "ReadOnlyError"]

# Engine kinds: what a caller tests (``engine.kind == NEO4J``); ``name`` is for people.
FALKORDB = "falkordb"
NEO4J = "neo4j"

# How each engine says that it refused a write in read-only mode (`Engine.query`).
_FALKOR_READ_ONLY = "executed only on read-only queries"  # GRAPH.RO_QUERY's refusal
_NEO4J_READ_ONLY = (
    "Neo.ClientError.Statement.AccessMode",  # a write in a read transaction
    "Neo.ClientError.Cluster.NotALeader",  # a write routed to a cluster's reader
    "Neo.ClientError.Security.Forbidden",  # a schema change or procedure READ mode forbids
)


class ReadOnlyError(EngineError):
    """A statement run read-only that the engine refused because it would write.

    The refusal is the engine's own (FalkorDB's ``GRAPH.RO_QUERY``, a Neo4j read
    transaction), so it holds however the statement's text disguises the write.
    """


class Engine(Protocol):
    kind: str  # FALKORDB or NEO4J: the Cypher dialect the engine speaks
    name: str  # how messages name it

    def read(self, statement: str, params: dict | None = None) -> list[dict[str, Any]]: ...

    def write(self, statement: str, params: dict | None = None) -> None: ...

    def query(
        self, statement: str, params: dict | None = None, *, write: bool = False
    ) -> list[dict[str, Any]]: ...

    def apply_schema(self) -> None: ...

    def close(self) -> None: ...

    def atomic(self) -> AbstractContextManager[None]: ...


class FalkorEngine:
    """A FalkorDB graph, reached through the ``falkordb`` client."""

    kind = FALKORDB
    name = "embedded FalkorDB"

    def __init__(self, db, graph_name: str):
        self._db = db
        self._graph_name = graph_name
        self._graph = db.select_graph(graph_name)

    def read(self, statement, params=None):
        result = self._query(self._graph.ro_query, statement, params)
        names = [column[1] for column in result.header]
        return [dict(zip(names, map(_plain, row), strict=True)) for row in result.result_set]

    def write(self, statement, params=None):
        self._query(self._graph.query, statement, params)

    def apply_schema(self):
        for statement in read_statements("schema.falkordb"):
            try:
                self._graph.query(statement)
            except Exception as exc:  # the client raises plain ResponseErrors
                if "already indexed" not in str(exc):
                    raise EngineError(f"schema: {exc}") from exc
        for kind, label, key in self._unique_keys():
            try:
                self._db.connection.execute_command(
                    "GRAPH.CONSTRAINT",
                    "CREATE",
                    self._graph_name,
                    "UNIQUE",
                    kind,
                    label,
                    "PROPERTIES",
                    1,
                    key,
                )
            except Exception as exc:
                if "already exists" not in str(exc).lower():
                    raise EngineError(f"schema: unique constraint on {label}.{key}: {exc}") from exc

    def _unique_keys(self):
        for statement in read_statements("schema.falkordb"):
            # "CREATE INDEX FOR (n:Label) ON (n.key)" or "FOR ()-[r:TYPE]-() ON (r.key)"
            target, key = statement.split(" FOR ", 1)[1].split(" ON ")
            key = key.strip("() ").split(".")[1]
            if key in ("id", "key"):
                kind = "RELATIONSHIP" if "[" in target else "NODE"
                label = target.split(":")[1].split(")")[0].split("]")[0]
                yield kind, label, key

    def clear(self):
        """Drop the whole graph (tests and `--replace` of a fresh store use it)."""
        try:
            self._graph.delete()
        except Exception as exc:
            if "empty key" not in str(exc).lower() and "invalid graph" not in str(exc).lower():
                raise EngineError(str(exc)) from exc
        self._graph = self._db.select_graph(self._graph_name)

    def query(self, statement, params=None, *, write=False):
        """The rows of a user's statement, run with ``GRAPH.RO_QUERY`` unless ``write``:
        the server itself refuses any write (`ReadOnlyError`), whatever the text hides."""
        call = self._graph.query if write else self._graph.ro_query
        try:
            result = call(statement, params or {})
        except Exception as exc:  # the client raises plain ResponseErrors
            error = ReadOnlyError if not write and _FALKOR_READ_ONLY in str(exc) else EngineError
            raise error(f"FalkorDB: {exc}") from exc
        names = [column[1] for column in result.header]
        return [dict(zip(names, map(_plain, row), strict=True)) for row in result.result_set]

    def close(self):
        pass

    @contextlib.contextmanager
    def atomic(self):
        """Writes in the block, all or none, as far as the store on disk goes: the
        embedded server saves only when its block ends without an error
        (`dipgraph.loader.embedded`), so a block that fails is never saved."""
        yield

    @staticmethod
    def _query(call, statement, params):
        try:
            return call(statement, params or {})
        except Exception as exc:
            raise EngineError(f"FalkorDB: {exc}") from exc


class Neo4jEngine:
    """A Neo4j database reached over Bolt; writes run as managed, retried transactions."""

    kind = NEO4J
    name = "Neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str | None = None):
        from neo4j import GraphDatabase
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        self._errors = (Neo4jError, ServiceUnavailable)
        self._tx: Any = None  # the open transaction of atomic(), if any
        self.database = database
        self.uri = uri
        try:
            self._driver = GraphDatabase.driver(uri, auth=(user, password))
            self._driver.verify_connectivity()
        except Exception as exc:
            # Neither the URI nor the driver's words about it may show a password.
            message = f"cannot connect to Neo4j at {uri} as {user!r}: {exc}"
            raise EngineError(redact_uri(message)) from None

    def read(self, statement, params=None):
        with self._driver.session(database=self.database) as session:
            return self._run(
                session.execute_read, lambda tx: [r.data() for r in tx.run(statement, params or {})]
            )

    def write(self, statement, params=None):
        if self._tx is not None:  # inside atomic(): part of its one transaction
            self._run(
                lambda work: work(self._tx), lambda tx: tx.run(statement, params or {}).consume()
            )
            return
        with self._driver.session(database=self.database) as session:
            self._run(session.execute_write, lambda tx: tx.run(statement, params or {}).consume())

    @contextlib.contextmanager
    def atomic(self):
        """Writes in the block as one transaction: committed when the block ends, rolled
        back (nothing written) if it fails or is interrupted."""
        with self._driver.session(database=self.database) as session:
            self._tx = session.begin_transaction()
            try:
                yield
                self._run(lambda work: work(self._tx), lambda tx: tx.commit())
            except BaseException:
                if not self._tx.closed():
                    self._tx.rollback()
                raise
            finally:
                self._tx = None

    def apply_schema(self):
        for statement in read_statements("schema"):
            self.write(statement)

    def clear(self):
        self.write("MATCH (n) WHERE n:Entity OR n:Source DETACH DELETE n")

    def query(self, statement, params=None, *, write=False):
        """The rows of a user's statement, in a read transaction of a READ-mode session
        unless ``write``: the server itself refuses any write (`ReadOnlyError`)."""
        from neo4j import READ_ACCESS, WRITE_ACCESS

        mode = WRITE_ACCESS if write else READ_ACCESS
        with self._driver.session(database=self.database, default_access_mode=mode) as session:
            execute = session.execute_write if write else session.execute_read
            try:
                return execute(lambda tx: [r.data() for r in tx.run(statement, params or {})])
            except self._errors as exc:
                shown = redact_uri(f"Neo4j: {getattr(exc, 'message', None) or exc}")
                refused = not write and getattr(exc, "code", None) in _NEO4J_READ_ONLY
                raise (ReadOnlyError if refused else EngineError)(shown) from exc

    def close(self):
        self._driver.close()

    def _run(self, execute, work):
        try:
            return execute(work)
        except self._errors as exc:
            raise EngineError(f"Neo4j: {getattr(exc, 'message', None) or exc}") from exc


def _plain(value):
    """FalkorDB returns OrderedDicts; compare and print them as plain dicts."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
