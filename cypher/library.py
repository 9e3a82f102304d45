"""The saved-query library: ``cypher/queries/*.cypher``, one query per file.

A file reads::

    // Who signed a document, and when
    // The signatories of a document, the date each signed and for whom.
    // :param doc => 'bishkek-protocol'
    MATCH (p)-[s:SIGNED]->(d:Agreement {id: $doc}) RETURN ...

The first line is the title; the other comment lines describe it, and ``:param``
lines (Neo4j Browser's syntax, ready to paste) give each parameter's default. A
line ``// Neo4j only: <reason>`` marks a query that needs a Neo4j feature.

Examples
--------
>>> query = parse_query("q", "// T\\n// Does x.\\n// :param n => 3\\nRETURN $n AS n")
>>> (query.title, query.description, query.params, query.statement)
('T', 'Does x.', {'n': 3}, 'RETURN $n AS n')
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from dipgraph.errors import QueryError

__all__ = ["SavedQuery", "find_query", "list_queries", "parse_literal", "parse_query"]

_PARAM = re.compile(r"^:param\s+(\w+)\s*=>\s*(.+?);?$")
_NEO4J_ONLY = re.compile(r"^neo4j only:\s*(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    statement: str
    params: dict = field(default_factory=dict)
    neo4j_only: str | None = None  # the reason, when it needs Neo4j


def list_queries() -> list[SavedQuery]:
    """Every query of the library, by name."""
    folder = files(__package__).joinpath("queries")
    paths = sorted(
        (p for p in folder.iterdir() if p.name.endswith(".cypher")), key=lambda p: p.name
    )
    return [
        parse_query(p.name.removesuffix(".cypher"), p.read_text(encoding="utf-8")) for p in paths
    ]


def find_query(name_or_path: str) -> SavedQuery | None:
    """A library query by name, or a ``.cypher`` file by path; None if neither."""
    for query in list_queries():
        if query.name == name_or_path:
            return query
    path = Path(name_or_path)
    if path.suffix == ".cypher" and path.is_file():
        return parse_query(path.stem, path.read_text(encoding="utf-8"))
    return None


def parse_query(name: str, text: str) -> SavedQuery:
    comments: list[str] = []
    body: list[str] = []
    for line in text.strip().splitlines():
        stripped = line.strip()
        if stripped.startswith("//") and not body:
            comments.append(stripped[2:].strip())
        else:
            body.append(line)
    if not comments:
        raise QueryError(f"query {name}: the first line must be '// Title'")
    params, words, neo4j_only = {}, [], None
    for line in comments[1:]:
        if match := _PARAM.match(line):
            try:
                params[match.group(1)] = parse_literal(match.group(2))
            except ValueError as exc:
                raise QueryError(f"query {name}: :param {match.group(1)}: {exc}") from None
        elif match := _NEO4J_ONLY.match(line):
            neo4j_only = match.group(1)
        elif line:
            words.append(line)
    statement = "\n".join(body).strip().rstrip(";")
    return SavedQuery(name, comments[0], " ".join(words), statement, params, neo4j_only)


def parse_literal(text: str):
    """A Cypher literal as Python: strings, numbers, booleans, null and lists.

    >>> parse_literal("['a', 2, true, null]")
    ['a', 2, True, None]
    """
    python = re.sub(
        r"\b(true|false|null)\b",
        lambda m: {"true": "True", "false": "False", "null": "None"}[m.group(1)],
        text,
    )
    try:
        return ast.literal_eval(python)
    except (ValueError, SyntaxError):
        raise ValueError(f"cannot read the parameter value {text!r}") from None
