"""One typed settings object, read once from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    """Where dipgraph reads and writes, which database it uses, and how it reaches Neo4j.

    Environment: ``DIPGRAPH_DATA`` (records, default ``data``), ``DIPGRAPH_HOME``
    (embedded store, default ``.dipgraph``), ``DIPGRAPH_TEXTS`` (source texts),
    ``NEO4J_URI``, ``NEO4J_USER`` (default ``neo4j``), ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.
    ``use_neo4j`` chooses Neo4j over the embedded engine (the command line's ``--neo4j``).

    Examples
    --------
    >>> settings = Settings.from_env({"DIPGRAPH_DATA": "corpus", "NEO4J_PASSWORD": "s3cret"})
    >>> settings.data, settings.use_neo4j, "s3cret" in repr(settings)
    (PosixPath('corpus'), False, False)
    """

    data: Path = Path("data")
    home: Path = Path(".dipgraph")
    texts: Path | None = None
    use_neo4j: bool = False
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)  # never printed
    neo4j_database: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``environ`` (default: the process environment)."""
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
