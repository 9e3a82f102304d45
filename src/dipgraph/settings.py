"""One typed settings object, read once from the environment."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

__all__ = ["Settings", "redact_uri"]

# The password of a URI's userinfo: "scheme://user:PASSWORD@host". Any text may hold
# such a URI (a driver's error quotes it), so every one in it is matched; the password
# runs to the authority's last "@", for one typed with an unencoded "@" or ":".
_URI_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^\s:/?#@]*:)[^\s/?#]*(?=@)")


def redact_uri(text: str) -> str:
    """``text`` with the password of every URI in it replaced by ``***``.

    The user stays (it says which account was tried); a URI without a password is
    left as it is.

    >>> redact_uri("bolt://neo4j:s3cret@localhost:7687")
    'bolt://neo4j:***@localhost:7687'
    >>> redact_uri("cannot reach neo4j+s://me:p%40ss@db.example:7687: refused")
    'cannot reach neo4j+s://me:***@db.example:7687: refused'
    >>> redact_uri("bolt://neo4j:p@ss:w@localhost")
    'bolt://neo4j:***@localhost'
    >>> redact_uri("bolt://neo4j@localhost:7687"), redact_uri("bolt://localhost")
    ('bolt://neo4j@localhost:7687', 'bolt://localhost')
    """
    return _URI_PASSWORD.sub(r"\g<head>***", text)


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
    >>> "s3cret" in repr(Settings(neo4j_uri="bolt://neo4j:s3cret@localhost:7687"))
    False
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

    def __repr__(self) -> str:
        # Written out (dataclass keeps a class's own __repr__) to hide a password that
        # NEO4J_URI may hold; the password field itself is left out altogether.
        shown = (
            (f.name, redact_uri(value) if isinstance(value, str) else value)
            for f in fields(self)
            if f.repr
            for value in [getattr(self, f.name)]
        )
        return f"Settings({', '.join(f'{name}={value!r}' for name, value in shown)})"
