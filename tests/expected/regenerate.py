"""Rewrite the expected rows of the saved queries from the shipped records.

Usage, from the repository root::

    .venv/bin/python tests/expected/regenerate.py              # every portable query
    .venv/bin/python tests/expected/regenerate.py find_entity  # only the named ones

It starts the embedded engine in a temporary folder, loads ``data/`` (refusing to load
records that do not validate), runs each portable query of ``cypher/queries/`` with
its default parameters, writes the rows to ``tests/expected/queries/<name>.json``
(indent 2, UTF-8 text unescaped, one final newline), stops the engine and prints which files
changed. Queries marked ``// Neo4j only`` cannot run here and are left alone.

A regenerated file is a claim about the records, not a formality: read its diff,
check the changed rows against the records, and run tests/test_query_expectations.py
before committing it (see tests/expected/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from dipgraph.cypher.library import SavedQuery, list_queries
from dipgraph.loader import check_records, load_records
from dipgraph.loader.embedded import EmbeddedFalkorDB

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
EXPECTED = Path(__file__).resolve().parent / "queries"


def render(rows: list[dict]) -> str:
    """The text of an expected-rows file, exactly as the committed files are written."""
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def chosen_queries(names: list[str]) -> list[SavedQuery]:
    """The portable queries named (all of them when ``names`` is empty)."""
    queries = {q.name: q for q in list_queries()}
    unknown = sorted(set(names) - set(queries))
    if unknown:
        raise SystemExit(f"no saved query named {', '.join(unknown)}")
    neo4j_only = sorted(n for n in names if queries[n].neo4j_only)
    if neo4j_only:
        raise SystemExit(f"Neo4j only, cannot run on the embedded engine: {', '.join(neo4j_only)}")
    return [queries[n] for n in names] or [q for q in queries.values() if not q.neo4j_only]


def write(path: Path, text: str) -> str:
    """Write ``text`` to ``path`` if it differs; say what happened."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return "unchanged"
    status = "changed" if path.is_file() else "new"
    path.write_text(text, encoding="utf-8")
    return status


def regenerate(queries: list[SavedQuery]) -> dict[str, str]:
    """Run each query on the freshly loaded records and write its file; name -> status."""
    records, report = check_records(DATA)
    with (
        tempfile.TemporaryDirectory(prefix="dipgraph-expected-") as home,
        EmbeddedFalkorDB(home) as engine,
    ):
        load_records(engine, records, report)
        results = {q.name: render(engine.read(q.statement, q.params)) for q in queries}
    return {name: write(EXPECTED / f"{name}.json", text) for name, text in results.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="saved queries (default: all)")
    statuses = regenerate(chosen_queries(parser.parse_args(argv).names))
    touched = {n: s for n, s in statuses.items() if s != "unchanged"}
    for name, status in touched.items():
        print(f"{status}: {(EXPECTED / f'{name}.json').relative_to(ROOT)}")
    print(f"{len(statuses)} queries run; {len(touched)} file(s) written.")
    if touched:
        print("Read the diff (git diff tests/expected) and check it against the records.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
