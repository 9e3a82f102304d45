"""Aliases with sources ("which document spells this name how") and the spelling queries
that find an entity whatever its case and accents.

The corpus values asserted here were read in the source texts (/work/shared/seeds):
tadevosyan-kazan (002_…) writes "Alain Juppe" and "Miroslav Lajčák"; russia-initiatives
(001_…) writes "Rasul Guliyev" and "Rasul Guliev"; no text writes "Juppé".
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from support import DATA, fold

from dipgraph.cypher.library import list_queries
from dipgraph.loader import check_records, graph_rows, load_records
from dipgraph.loader.sources import verify_sources

QUERIES = {q.name: q for q in list_queries()}
SPELLING_QUERIES = ("find_entity", "entity_by_spelling")
ENTITY = "- id: dana-moe\n  label: Person\n  name: Dana Moe\n{extra}  cite: [{{source: demo, span: [0, 4]}}]\n"


def _errors(data: Path, extra: str) -> list[str]:
    (data / "entities" / "bad.yaml").write_text(ENTITY.format(extra=extra), encoding="utf-8")
    _, report = check_records(data)
    return [str(p) for p in report.errors]


# Reading the record format


def test_alias_mappings_and_name_sources_load(demo):
    extra = "  name_sources: [demo]\n  aliases: [D. Moe, {name: Dana Mo, sources: [demo]}, {name: Moe}]\n"
    assert _errors(demo, extra) == []
    records, _ = check_records(demo)
    dana = records.entities["dana-moe"]
    assert dana.aliases == ["D. Moe", "Dana Mo", "Moe"]
    assert dana.alias_sources == [[], ["demo"], []]
    assert dana.name_sources == ["demo"]
    (props,) = [n.props for n in graph_rows(records).nodes if n.props["id"] == "dana-moe"]
    assert props["aliases"] == ["D. Moe", "Dana Mo", "Moe"]
    assert props["alias_sources"] == ["", "demo", ""]
    assert props["name_sources"] == ["demo"]


def test_plain_aliases_store_no_alias_sources(demo):
    assert _errors(demo, "  aliases: [D. Moe, {name: Moe, sources: []}]\n") == []
    records, _ = check_records(demo)
    (props,) = [n.props for n in graph_rows(records).nodes if n.props["id"] == "dana-moe"]
    assert props["aliases"] == ["D. Moe", "Moe"]
    assert "alias_sources" not in props and "name_sources" not in props


BAD_ALIASES = {
    "unknown source": (
        "  aliases: [{name: Dana Mo, sources: [dmeo]}]\n",
        "data/entities/bad.yaml:4: dana-moe: aliases[0].sources: unknown source 'dmeo' (did you mean demo?)",
    ),
    "unknown source on its own line": (
        "  aliases:\n    - D. Moe\n    - name: Dana Mo\n      sources: [demo, demo2]\n",
        "data/entities/bad.yaml:7: dana-moe: aliases[1].sources: unknown source 'demo2' (did you mean demo?)",
    ),
    "unknown key": (
        "  aliases: [{name: Dana Mo, source: [demo]}]\n",
        "data/entities/bad.yaml:4: dana-moe: aliases[0].source: unknown field (did you mean sources?)",
    ),
    "missing name": (
        "  aliases: [D. Moe, {sources: [demo]}]\n",
        "data/entities/bad.yaml:4: dana-moe: aliases[1].name: missing required field",
    ),
    "empty name": (
        "  aliases: [{name: '', sources: [demo]}]\n",
        "data/entities/bad.yaml:4: dana-moe: aliases[0].name: missing required field",
    ),
    "name not text": (
        "  aliases: [{name: [Dana], sources: [demo]}]\n",
        "data/entities/bad.yaml:4: dana-moe: aliases[0].name: must be text",
    ),
    "sources not a list": (
        "  aliases: [{name: Dana Mo, sources: demo}]\n",
        "data/entities/bad.yaml:4: dana-moe: aliases[0].sources: must be a list of source ids",
    ),
    "sources not strings": (
        "  aliases: [{name: Dana Mo, sources: [demo, 2020]}]\n",
        "data/entities/bad.yaml:4: dana-moe: aliases[0].sources: must be a list of source ids",
    ),
    "alias neither a name nor a mapping": (
        "  aliases: [[Dana Mo]]\n",
        "data/entities/bad.yaml:4: dana-moe: aliases[0]: an alias is a name, or a mapping with name and sources",
    ),
    "aliases not a list": (
        "  aliases: Dana Mo\n",
        "data/entities/bad.yaml:4: dana-moe: aliases: must be a list of spellings: names, or mappings with name and sources",
    ),
    "unknown source of the name": (
        "  name_sources: [demo, dmeo]\n",
        "data/entities/bad.yaml:4: dana-moe: name_sources: unknown source 'dmeo' (did you mean demo?)",
    ),
    "name sources not a list": (
        "  name_sources: demo\n",
        "data/entities/bad.yaml:4: dana-moe: name_sources: must be a list of source ids",
    ),
}


@pytest.mark.parametrize("case", BAD_ALIASES, ids=list(BAD_ALIASES))
def test_bad_alias_gives_its_error(demo, case):
    extra, expected = BAD_ALIASES[case]
    assert _errors(demo, extra) == [expected]


# Checking spellings against the source texts


def test_verify_reports_a_spelling_the_source_does_not_use(demo):
    entities = demo / "entities" / "demo.yaml"
    spellings = (
        "name: Alice Doe, name_sources: [demo], "
        "aliases: [{name: ALICE DOE, sources: [demo]}, {name: A. Doe, sources: [demo]}]"
    )
    entities.write_text(entities.read_text().replace("name: Alice Doe", spellings, 1))
    records, report = check_records(demo)
    assert report.ok, report.errors
    problems = [str(p) for p in verify_sources(records, demo.parent / "texts").problems]
    # "Alice Doe" is in the text as written, "ALICE DOE" in another case: both stand.
    assert problems == [
        "data/entities/demo.yaml:3: alice-doe: aliases[1].sources: "
        "'A. Doe' does not occur in the text of demo"
    ]


def test_every_spelling_of_the_corpus_is_in_the_texts_it_is_attributed_to(seeds):
    records, report = check_records(DATA)
    assert report.ok, report.errors
    problems = verify_sources(records, seeds).problems
    assert [str(p) for p in problems if "sources" in p.field] == []


# The spelling queries


def _fold_table(name: str) -> str:
    found = re.search(r"^WITH (\[\[.*?\]\]) AS fold$", QUERIES[name].statement, re.S | re.M)
    assert found, f"{name} has no fold table"
    return found.group(1)


def test_the_spelling_queries_share_one_fold_table():
    assert _fold_table("find_entity") == _fold_table("entity_by_spelling")


def test_the_fold_table_folds_as_unicode_decomposition_does():
    for letters, plain in ast.literal_eval(_fold_table("find_entity")):
        assert plain.isascii()
        assert {letter: fold(letter) for letter in letters} == dict.fromkeys(letters, plain)


def test_the_query_folds_every_letter_of_its_table(engine):
    """One node per letter of the table; each plain spelling finds exactly its letters."""
    letters = [c for group, _ in ast.literal_eval(_fold_table("find_entity")) for c in group]
    rows = [{"id": f"letter-{ord(c):04x}", "name": c} for c in letters]
    engine.write(
        "UNWIND $rows AS r CREATE (:Entity:Person {id: r.id, name: r.name})", {"rows": rows}
    )
    statement = QUERIES["entity_by_spelling"].statement
    for plain in sorted({fold(c) for c in letters}):
        found = {r["id"] for r in engine.read(statement, {"spelling": plain.upper()})}
        assert found == {r["id"] for r in rows if fold(r["name"]) == plain}, plain


@pytest.fixture
def corpus(engine):
    load_records(engine, *check_records(DATA))
    return engine


def _ids(engine, name: str, **params) -> list[str]:
    return [row["id"] for row in engine.read(QUERIES[name].statement, params)]


def test_find_entity_ignores_case_and_accents(corpus):
    assert _ids(corpus, "find_entity", text="lajcak") == ["miroslav-lajcak"]
    assert _ids(corpus, "find_entity", text="Lajčák") == ["miroslav-lajcak"]
    assert _ids(corpus, "find_entity", text="juppe") == ["alain-juppe"]
    assert _ids(corpus, "find_entity", text="JUPPÉ") == ["alain-juppe"]
    (juppe,) = corpus.read(QUERIES["find_entity"].statement, {"text": "juppé"})
    assert juppe["spellings"] == [
        {"spelling": "Alain Juppé", "sources": []},  # the curator's: no text writes it
        {"spelling": "Alain Juppe", "sources": ["tadevosyan-kazan"]},
    ]


def test_entity_by_spelling_names_the_sources_of_the_spelling(corpus):
    rows = corpus.read(QUERIES["entity_by_spelling"].statement, {"spelling": "GULIEV"})
    assert [(r["id"], r["spellings"]) for r in rows] == [
        ("rasul-guliyev", [{"spelling": "Guliev", "sources": ["russia-initiatives"]}])
    ]
    (lajcak,) = corpus.read(
        QUERIES["entity_by_spelling"].statement, {"spelling": "miroslav lajcak"}
    )
    assert lajcak["spellings"] == [
        {"spelling": "Miroslav Lajčák", "sources": ["tadevosyan-kazan"]},
        {"spelling": "Miroslav Lajcak", "sources": []},
    ]
    assert _ids(corpus, "entity_by_spelling", spelling="Lajcak") == []  # a whole spelling only


def test_node_properties_pair_aliases_with_their_sources(corpus):
    (guliyev,) = corpus.read(
        "MATCH (n:Person {id: 'rasul-guliyev'}) "
        "RETURN n.aliases AS aliases, n.alias_sources AS alias_sources, n.name_sources AS names"
    )
    assert guliyev == {
        "aliases": ["Rasul Guliev", "Guliyev", "Guliev"],
        "alias_sources": ["russia-initiatives"] * 3,
        "names": ["russia-initiatives"],
    }
