"""One typed settings object, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    """Where dipgraph reads and writes, and how it reaches Neo4j.

    Environment: ``DIPGRAPH_DATA`` (records, default ``data``), ``DIPGRAPH_HOME``
    (embedded store, default ``.dipgraph``), ``DIPGRAPH_TEXTS`` (source texts),
    ``NEO4J_URI``, ``NEO4J_USER`` (default ``neo4j``), ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.
    """

    data: Path = Path("data")
    home: Path = Path(".dipgraph")
    texts: Path | None = None
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)  # never printed
    neo4j_database: str | None = None

    @classmethod
    def from_env(cls, environ=None) -> Settings:
        env = os.environ if environ is None else environ
        texts = env.get("DIPGRAPH_TEXTS")
        return cls(
            data=Path(env.get("DIPGRAPH_DATA", "data")),
            home=Path(env.get("DIPGRAPH_HOME", ".dipgraph")),
            texts=Path(texts) if texts else None,
            neo4j_uri=env.get("NEO4J_URI") or None,
            neo4j_user=env.get("NEO4J_USER", "neo4j"),
            neo4j_password=env.get("NEO4J_PASSWORD") or None,
            neo4j_database=env.get("NEO4J_DATABASE") or None,
        )
