"""Running a saved query, a file or an inline statement, read-only unless asked.

`resolve` turns what the user typed into a `SavedQuery` (refusing a bare word that
names no saved query); `run_query` checks its parameters (`check_params` of the
library) and runs it; `format_rows` prints the result as a table, CSV or JSON.

The guard against writes is the engine's own read-only mode (`Engine.query`: FalkorDB's
``GRAPH.RO_QUERY``, a Neo4j read transaction), which no spelling of a statement can
get round. `writes` looks for write clauses first only to say so early and plainly;
what it misses (a procedure that writes, say) the engine still refuses.

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
from dipgraph.loader.engines import NEO4J, ReadOnlyError

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

    A value that starts with a quote or ``[`` must be a whole literal (a string, a
    list); anything else that is no number, ``true``, ``false`` or ``null`` is taken
    as the text typed. See `dipgraph.cypher.library.parse_literal`.

    >>> parse_param("doc=bishkek-protocol"), parse_param("n=3"), parse_param("ids=['a', 'b']")
    (('doc', 'bishkek-protocol'), ('n', 3), ('ids', ['a', 'b']))
    >>> parse_param("v='null and void'"), parse_param("day=2011-06-24"), parse_param("z=-1.5")
    (('v', 'null and void'), ('day', '2011-06-24'), ('z', -1.5))
    """
    key, sep, value = text.partition("=")
    if not sep or not key.isidentifier():
        raise QueryError(f"--param {text!r}: expected key=value")
    try:
        return key, parse_literal(value)
    except ValueError as exc:
        if value.lstrip()[:1] in ("'", '"', "["):  # meant as a literal: say what is wrong
            raise QueryError(f"--param {key}: {exc}") from None
        return key, value


def writes(statement: str) -> list[str]:
    """The write clauses a statement uses (outside strings and comments)."""
    code = code_only(statement)
    return sorted({m.group(1).upper().split()[0] for m in _WRITE.finditer(code)})


def run_query(engine, query: SavedQuery, params: dict, *, write: bool = False) -> list[dict]:
    """Run ``query`` with its defaults updated by ``params``.

    It runs in the engine's read-only mode unless ``write``. Raises `QueryError` for a
    parameter a strict query does not take, one with no value, a write without
    ``write`` (seen in the text, or refused by the engine), a Neo4j-only query
    elsewhere, or an engine error.
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
        return engine.query(query.statement, values, write=write)
    except ReadOnlyError as exc:
        raise QueryError(
            f"query {query.name} writes (the database refused it in read-only mode: {exc}):"
            " pass --write to allow it"
        ) from None
    except EngineError as exc:
        shown = ", ".join(f"{k}={v!r}" for k, v in sorted(values.items()))
        raise QueryError(
            f"query {query.name}" + (f" ({shown})" if shown else "") + f": {exc}"
        ) from None


def format_rows(rows: list[dict], fmt: str = "table") -> str:
    """Rows as an aligned text table, CSV or JSON.

    In CSV, a text cell that a spreadsheet would run as a formula starts with ``'``
    (`dipgraph.loader.exports.spreadsheet_safe`); numbers are written as they are.

    >>> print(format_rows([{"name": "=1+2", "z": -1.5}], "csv"))
    name,z
    '=1+2,-1.5
    """
    if fmt == "json":
        return json.dumps(rows, indent=1, ensure_ascii=False, default=str)
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        from dipgraph.loader.exports import spreadsheet_safe  # pandas: only when needed

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(map(spreadsheet_safe, columns))
        for row in rows:
            values = (row.get(c) for c in columns)
            writer.writerow(v if _is_number(v) else spreadsheet_safe(_cell(v)) for v in values)
        return buffer.getvalue().rstrip("\n")
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    if not rows:
        return "(no rows)"
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    line = "  ".join
    out = [line(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    out.append(line("-" * w for w in widths))
    out += [line(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(_cell, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
