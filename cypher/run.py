"""Running a saved query, a file or an inline statement, read-only unless asked.

`resolve` turns what the user typed into a `SavedQuery` (refusing a bare word that
names no saved query); `run_query` checks its parameters (`check_params` of the
library) and the write guard and runs it; `format_rows` prints the result as a
table, CSV or JSON.

Examples
--------
>>> writes("MATCH (n) RETURN n.name // SET in a comment is fine")
[]
>>> writes("MATCH (n {id: 'x'}) SET n.name = 'y' RETURN n")
['SET']
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re

from dipgraph.errors import EngineError, QueryError
from dipgraph.loader.engines import NEO4J

from .library import (
    SavedQuery,
    check_params,
    code_only,
    find_query,
    parse_literal,
    parse_query,
    statement_params,
)

__all__ = ["QueryError", "format_rows", "parse_param", "resolve", "run_query", "writes"]

_WRITE = re.compile(
    r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|FOREACH)\b", re.IGNORECASE
)


def resolve(text: str) -> SavedQuery:
    """A library query by name, a ``.cypher`` file, or else the text as a statement.

    An inline statement takes any parameters. Raises `QueryError` for a bare word
    that names no saved query, or a ``.cypher`` path that is no file.
    """
    found = find_query(text)
    if found is not None:
        return found
    return dataclasses.replace(parse_query("inline", f"// Inline statement\n{text}"), strict=False)


def parse_param(text: str) -> tuple[str, object]:
    """``key=value``: the value read as a Cypher literal when it is one, else as text.

    >>> parse_param("doc=bishkek-protocol"), parse_param("n=3"), parse_param("ids=['a', 'b']")
    (('doc', 'bishkek-protocol'), ('n', 3), ('ids', ['a', 'b']))
    """
    key, sep, value = text.partition("=")
    if not sep or not key.isidentifier():
        raise QueryError(f"--param {text!r}: expected key=value")
    try:
        return key, parse_literal(value)
    except ValueError:
        return key, value


def writes(statement: str) -> list[str]:
    """The write clauses a statement uses (outside strings and comments)."""
    code = code_only(statement)
    return sorted({m.group(1).upper().split()[0] for m in _WRITE.finditer(code)})


def run_query(engine, query: SavedQuery, params: dict, *, write: bool = False) -> list[dict]:
    """Run ``query`` with its defaults updated by ``params``.

    Raises `QueryError` for a parameter a strict query does not take, one with no
    value, a write without ``write``, a Neo4j-only query elsewhere, or an engine error.
    """
    check_params(query, params)
    values = {**query.params, **params}
    missing = [name for name in statement_params(query.statement) if name not in values]
    if missing:
        hint = " ".join(f"--param {name}=..." for name in missing)
        raise QueryError(f"query {query.name}: no value for ${', $'.join(missing)}: pass {hint}")
    clauses = writes(query.statement)
    if clauses and not write:
        raise QueryError(
            f"query {query.name} writes ({', '.join(clauses)}): pass --write to allow it"
        )
    if query.neo4j_only and engine.kind != NEO4J:
        raise QueryError(
            f"query {query.name} needs Neo4j ({query.neo4j_only}): run it with --neo4j"
        )
    try:
        if clauses:
            engine.write(query.statement, values)
            return []
        return engine.read(query.statement, values)
    except EngineError as exc:
        shown = ", ".join(f"{k}={v!r}" for k, v in sorted(values.items()))
        raise QueryError(
            f"query {query.name}" + (f" ({shown})" if shown else "") + f": {exc}"
        ) from None


def format_rows(rows: list[dict], fmt: str = "table") -> str:
    """Rows as an aligned text table, CSV or JSON."""
    if fmt == "json":
        return json.dumps(rows, indent=1, ensure_ascii=False, default=str)
    columns = list(rows[0]) if rows else []
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(cells)
        return buffer.getvalue().rstrip("\n")
    if not rows:
        return "(no rows)"
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    line = "  ".join
    out = [line(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    out.append(line("-" * w for w in widths))
    out += [line(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(_cell, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
