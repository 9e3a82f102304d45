"""The saved-query library (cypher/queries/*.cypher) against the shipped records.

Every query parses, and with its default parameters returns exactly the rows kept in
tests/expected/queries/<name>.json. Those files are snapshots of the queries' output:
`python tests/expected/regenerate.py [NAME ...]` rewrites them from the shipped records
(see tests/expected/README.md). A regenerated diff must be read and checked against the
records before it is committed. tests/test_query_expectations.py checks the most-used
queries, and their files, against answers computed from the YAML records without
dipgraph's own code.

Queries marked ``// Neo4j only`` are skipped on the embedded engine (the reason is
printed). With NEO4J_URI set, every query also runs on Neo4j against the same files.
"""

from __future__ import annotations

import json
import re

import pytest
from support import DATA, ROOT, live_neo4j

from dipgraph.cypher.library import list_queries
from dipgraph.loader import check_records, load_records

EXPECTED = ROOT / "tests" / "expected" / "queries"
QUERIES = list_queries()
PORTABLE = [q for q in QUERIES if not q.neo4j_only]
NEO4J_ONLY = [q for q in QUERIES if q.neo4j_only]
QUERIES_BY_NAME = {q.name: q for q in QUERIES}


def _by_name(query):
    return query.name


def _expected(name: str) -> list[dict]:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


def _plain(rows: list[dict]) -> list[dict]:
    """Rows as JSON would keep them (tuples become lists), to compare with the files."""
    return json.loads(json.dumps(rows))


def _run(engine, query) -> list[dict]:
    return _plain(engine.read(query.statement, query.params))


@pytest.fixture(scope="module")
def neo4j_corpus():
    """The shipped records in a live Neo4j, loaded once for the module (skipped without one)."""
    engine = live_neo4j()
    engine.clear()
    load_records(engine, *check_records(DATA))
    yield engine
    engine.clear()
    engine.close()


# The library itself


def test_the_library_has_at_least_30_uniquely_named_queries():
    names = [q.name for q in QUERIES]
    assert len(names) >= 30
    assert len(set(names)) == len(names)
    assert "source_disagreements" in names


@pytest.mark.parametrize("query", QUERIES, ids=_by_name)
def test_query_file_parses(query):
    assert re.fullmatch(r"[a-z][a-z0-9_]*", query.name), "file names are snake_case"
    assert query.title and not query.title.startswith(":param")
    assert len(query.description) > 40, "say what the query answers"
    assert query.statement and not query.statement.lstrip().startswith("//")
    used = set(re.findall(r"\$(\w+)", query.statement))
    assert used <= set(query.params), f"no default for {sorted(used - set(query.params))}"
    assert set(query.params) <= used, f"unused parameters {sorted(set(query.params) - used)}"
    outside_strings = re.sub(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"", "''", query.statement)
    assert ";" not in outside_strings, "one statement per file"
    assert "ORDER BY" in query.statement, "rows come in a stable order"
    if query.neo4j_only is not None:
        assert query.neo4j_only.strip()


def test_every_expected_file_belongs_to_a_query():
    files = {p.stem for p in EXPECTED.glob("*.json")}
    assert files == {q.name for q in QUERIES}


def test_the_portable_and_neo4j_shortest_connections_agree():
    assert [q.name for q in NEO4J_ONLY] == ["shortest_connection_neo4j"]
    portable, neo4j = (
        QUERIES_BY_NAME["shortest_connection"],
        QUERIES_BY_NAME["shortest_connection_neo4j"],
    )
    assert portable.params == neo4j.params
    assert _expected("shortest_connection") == _expected("shortest_connection_neo4j")


# On the embedded engine


@pytest.mark.parametrize("query", QUERIES, ids=_by_name)
def test_query_returns_the_expected_rows(loaded_corpus, query):
    if query.neo4j_only:
        pytest.skip(f"{query.name} is Neo4j only: {query.neo4j_only}")
    assert _run(loaded_corpus, query) == _expected(query.name)


@pytest.mark.parametrize("query", PORTABLE, ids=_by_name)
def test_portable_query_finds_something_with_its_defaults(loaded_corpus, query):
    assert loaded_corpus.read(query.statement, query.params), f"{query.name} returned no row"


def test_presidents_at_the_kazan_summit(loaded_corpus):
    query = QUERIES_BY_NAME["office_holders_as_of"]
    rows = loaded_corpus.read(query.statement, query.params)
    assert [(r["body"], r["holder"]) for r in rows] == [
        ("Armenia", "Serzh Sargsyan"),
        ("Azerbaijan", "Ilham Aliyev"),
    ]


def test_an_office_with_an_unknown_end_counts_up_to_its_last_attestation(loaded_corpus):
    # remler-2020 has Kocharyan become president in 1998 ("1998/": the end not stated)
    # and no later attestation of that office, so he shows in 1998 and not in 2000.
    query = QUERIES_BY_NAME["office_holders_as_of"]
    holders = {
        day: {
            r["holder"] for r in loaded_corpus.read(query.statement, {**query.params, "day": day})
        }
        for day in ("1998-06-01", "2000-01-01")
    }
    assert holders["1998-06-01"] == {"Robert Kocharyan", "Heydar Aliyev"}
    assert holders["2000-01-01"] == {"Heydar Aliyev"}


@pytest.mark.parametrize(
    ("day", "co_chairs"),
    [
        # russia-initiatives: Russia and Sweden from December 1994; it gives no end to
        # Sweden's term, so Sweden counts only within its last attested month.
        ("1994-12-15", ["Russia", "Sweden"]),
        ("1995-06-01", ["Russia"]),
        ("2011-06-24", ["France", "Russia", "United States"]),
    ],
)
def test_co_chairs_on_a_day(loaded_corpus, day, co_chairs):
    query = QUERIES_BY_NAME["co_chairs_as_of"]
    rows = loaded_corpus.read(query.statement, {**query.params, "day": day})
    assert [r["co_chair"] for r in rows if r["label"] == "State"] == co_chairs


def test_the_kazan_document_goes_back_to_the_1997_plan(loaded_corpus):
    query = QUERIES_BY_NAME["document_lineage"]
    chains = [r["chain"] for r in loaded_corpus.read(query.statement, query.params)]
    assert ["Kazan document", "Madrid Principles", "Step-by-step plan (1997)"] in chains


def test_parameters_narrow_the_answers(loaded_corpus):
    query = QUERIES_BY_NAME["single_source_facts"]
    rows = loaded_corpus.read(query.statement, {"source": "karavayev-2016", "type": "SIGNED"})
    assert {r["relationship"] for r in rows} == {"SIGNED"}
    query = QUERIES_BY_NAME["documents_adopted"]
    rows = loaded_corpus.read(query.statement, {"body": "un-security-council"})
    assert [r["document"] for r in rows] == [
        f"UN Security Council Resolution {n}" for n in (822, 853, 874, 884)
    ]


# On Neo4j (only with NEO4J_URI)


@pytest.mark.neo4j
@pytest.mark.parametrize("query", QUERIES, ids=_by_name)
def test_query_returns_the_expected_rows_on_neo4j(neo4j_corpus, query):
    assert _run(neo4j_corpus, query) == _expected(query.name)
