"""The record path at scale, checked small: ``load --replace`` deletes exactly what the
records dropped (by key, no scan), a first load creates and a later one merges to the
same graph, the compact read-back equals the records graph, and the fast paths
(half-open dates, names in notes, the collector paused) agree with the slow ones."""

from __future__ import annotations

import gc
import hashlib
import json
import random
import re
from pathlib import Path

import pytest

from dipgraph.errors import TimeError
from dipgraph.loader import build_networkx, check_records, graph_rows, load_graph, read_networkx
from dipgraph.loader.graph import EdgeRow, GraphRows, NodeRow
from dipgraph.loader.notes import _Names
from dipgraph.loader.records import paused_gc
from dipgraph.loader.timespan import _parse_edtf, parse_time

DIGEST = "ab" * 32

SOURCES = f"""\
- {{id: src-a, title: Chronicle A, file: a.txt, sha256: {DIGEST}, chars: 5000}}
- {{id: src-b, title: Chronicle B, file: b.txt, sha256: {DIGEST}, chars: 5000, published: '2001'}}
"""

ENTITIES = """\
- {id: ruritania, label: State, name: Ruritania, status: recognized, cite: [{source: src-a, span: [0, 10]}]}
- {id: freedonia, label: State, name: Freedonia, status: de facto, cite: [{source: src-a, span: [10, 20]}]}
- id: alice
  label: Person
  name: Alice Doe
  aliases: [A. Doe, Alice D.]
  cite: [{source: src-a, span: [20, 30]}, {source: src-b, span: [0, 9], at: para 1}]
- {id: bob, label: Person, name: Bob Roe, cite: [{source: src-b, span: [30, 40]}]}
- {id: talks, label: Event, name: Exampleton talks, kind: talks, time: 1994-05, cite: [{source: src-a, span: [40, 50]}]}
- {id: accord, label: Agreement, name: Example Accord, kind: protocol, time: '1994-05-05', cite: [{source: src-a, span: [50, 60]}]}
- {id: office, label: Organization, name: Supply Office, kind: agency, cite: [{source: src-b, span: [60, 70]}]}
"""

CLAIMS_A = """\
source: src-a
claims:
  - {subject: alice, predicate: SIGNED, object: accord, on_behalf_of: ruritania, time: '1994-05-05', cite: [{span: [100, 150]}]}
  - {subject: bob, predicate: SIGNED, object: accord, on_behalf_of: freedonia, time: '1994-05-05', cite: [{span: [100, 150]}]}
  - subject: alice
    predicate: ATTENDED
    object: talks
    role: delegate
    time: 1994-05
    note: The source lists her among the delegates.
    cite: [{span: [200, 260], at: para 4}]
  - {subject: alice, predicate: HELD_POSITION, object: ruritania, title: Foreign Minister, time: 1993/.., cite: [{span: [300, 340]}]}
  - {subject: ruritania, predicate: SUPPORTED, object: freedonia, kind: diplomatic, time: 1994~, cite: [{span: [400, 420]}]}
"""

CLAIMS_B = """\
source: src-b
claims:
  - {subject: alice, predicate: SIGNED, object: accord, on_behalf_of: ruritania, time: '1994-05-05', cite: [{span: [500, 540], at: para 9}]}
  - {subject: bob, predicate: ATTENDED, object: talks, time: '1994-05-12', cite: [{span: [600, 620]}]}
  - {subject: office, predicate: SUPPLIED_ARMS_TO, object: freedonia, quantity: 2.5, unit: tons, time: 1995-03/1995-06, cite: [{span: [700, 760]}]}
"""


def write_corpus(root: Path) -> Path:
    data = root / "data"
    (data / "entities").mkdir(parents=True)
    (data / "claims").mkdir()
    (data / "sources.yaml").write_text(SOURCES)
    (data / "entities" / "all.yaml").write_text(ENTITIES)
    (data / "claims" / "src-a.yaml").write_text(CLAIMS_A)
    (data / "claims" / "src-b.yaml").write_text(CLAIMS_B)
    return data


def rows_of(data: Path) -> GraphRows:
    records, report = check_records(data)
    assert report.ok, report.errors
    return graph_rows(records)


def fact_key(subject, predicate, obj, qualifiers, time) -> str:
    """A relationship's key as `Relationship.key` documents it, worked out here."""
    ident = [subject, predicate, obj, sorted(qualifiers.items()), time]
    return hashlib.sha1(json.dumps(ident).encode()).hexdigest()[:16]


ALICE_SIGNED = fact_key("alice", "SIGNED", "accord", {"on_behalf_of": "ruritania"}, "1994-05-05")
BOB_SIGNED = fact_key("bob", "SIGNED", "accord", {"on_behalf_of": "freedonia"}, "1994-05-05")
ALICE_ATTENDED = fact_key("alice", "ATTENDED", "talks", {"role": "delegate"}, "1994-05")
ALICE_MINISTER = fact_key(
    "alice", "HELD_POSITION", "ruritania", {"title": "Foreign Minister"}, "1993/.."
)
SUPPORT_1994 = fact_key("ruritania", "SUPPORTED", "freedonia", {"kind": "diplomatic"}, "1994~")
SUPPORT_1995 = fact_key("ruritania", "SUPPORTED", "freedonia", {"kind": "diplomatic"}, "1995")
BOB_ATTENDED = fact_key("bob", "ATTENDED", "talks", {}, "1994-05-12")
ARMS = fact_key(
    "office", "SUPPLIED_ARMS_TO", "freedonia", {"quantity": 2.5, "unit": "tons"}, "1995-03/1995-06"
)
IDS = {"src-a", "src-b", "ruritania", "freedonia", "alice", "bob", "talks", "accord", "office"}
KEYS = {ALICE_SIGNED, BOB_SIGNED, ALICE_ATTENDED, ALICE_MINISTER, SUPPORT_1994, BOB_ATTENDED, ARMS}


class Recording:
    """The engine, with every write it is asked for kept as (statement, parameters)."""

    def __init__(self, engine):
        self._engine, self.writes = engine, []

    def __getattr__(self, name):
        return getattr(self._engine, name)

    def write(self, statement, params=None):
        self.writes.append((statement, params or {}))
        self._engine.write(statement, params)

    def sent(self, fragment: str, name: str) -> list:
        """The values of parameter ``name`` of the writes whose statement has ``fragment``."""
        return [v for s, p in self.writes if fragment in s for v in p[name]]


def stored(engine) -> tuple[set, set]:
    ids = {r["id"] for r in engine.read("MATCH (n) WHERE n:Entity OR n:Source RETURN n.id AS id")}
    keys = {r["key"] for r in engine.read("MATCH ()-[r]->() RETURN r.key AS key")}
    return ids, keys


def assert_same_graph(a, b) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True), key=str) == sorted(
        b.edges(keys=True, data=True), key=str
    )


def test_the_corpus_gives_the_facts_worked_out_by_hand(tmp_path):
    rows = rows_of(write_corpus(tmp_path))
    assert {n.props["id"] for n in rows.nodes} == IDS
    # alice SIGNED accord, told by both sources, is one fact: seven, not eight
    assert {e.props["key"] for e in rows.edges} == KEYS and len(rows.edges) == 7


def test_replace_deletes_exactly_the_dropped_facts_and_entities_by_key(engine, tmp_path):
    data = write_corpus(tmp_path)
    load_graph(engine, rows_of(data))
    assert stored(engine) == (IDS, KEYS)
    # A curator's edits: bob's attendance and the supply office (with its claim) go,
    # the support is re-dated, freedonia becomes an organization.
    (data / "claims" / "src-b.yaml").write_text("\n".join(CLAIMS_B.splitlines()[:3]) + "\n")
    (data / "claims" / "src-a.yaml").write_text(CLAIMS_A.replace("time: 1994~", "time: '1995'"))
    (data / "entities" / "all.yaml").write_text(
        "\n".join(line for line in ENTITIES.splitlines() if "id: office" not in line).replace(
            "label: State, name: Freedonia, status: de facto",
            "label: Organization, name: Freedonia, kind: other",
        )
        + "\n"
    )
    rows = rows_of(data)
    recording = Recording(engine)
    load_graph(recording, rows, replace=True)

    ids, keys = stored(engine)
    assert IDS - ids == {"office"} and ids - IDS == set()
    assert KEYS - keys == {BOB_ATTENDED, ARMS, SUPPORT_1994}
    assert keys - KEYS == {SUPPORT_1995}
    # Deleted by key and by id, nothing else: no statement compares against a list.
    assert sorted(recording.sent("DELETE r", "keys")) == sorted([BOB_ATTENDED, ARMS, SUPPORT_1994])
    assert sorted(recording.sent("DETACH DELETE n", "ids")) == ["freedonia", "office"]
    assert not any(" IN $" in statement for statement, _ in recording.writes)
    assert engine.read("MATCH (n:Entity {id: 'freedonia'}) RETURN labels(n) AS labels") == [
        {"labels": ["Entity", "Organization"]}
    ]
    # freedonia's relationships came back with it (they are recreated by the upsert)
    assert {(r["type"], r["source"]) for r in engine.read(
        "MATCH (a)-[r]->(:Entity {id: 'freedonia'}) RETURN type(r) AS type, a.id AS source"
    )} == {("SUPPORTED", "ruritania")}  # fmt: skip
    assert_same_graph(read_networkx(engine), build_networkx(rows))


def test_replace_of_unchanged_records_deletes_nothing(engine, tmp_path):
    rows = rows_of(write_corpus(tmp_path))
    load_graph(engine, rows)
    recording = Recording(engine)
    load_graph(recording, rows, replace=True)
    assert [s for s, _ in recording.writes if "DELETE" in s] == []
    assert stored(engine) == (IDS, KEYS)


def _older(rows: GraphRows) -> GraphRows:
    """An earlier state of ``rows``: two facts not yet recorded, another with a note
    since dropped, alice without her aliases."""
    nodes = [
        NodeRow(n.label, {k: v for k, v in n.props.items() if k != "aliases"})
        if n.props["id"] == "alice"
        else n
        for n in rows.nodes
    ]
    edges = [
        EdgeRow(e.type, e.source, e.target, {**e.props, "note": "Later withdrawn."})
        if e.props["key"] == BOB_SIGNED
        else e
        for e in rows.edges
        if e.props["key"] not in (ARMS, ALICE_MINISTER)
    ]
    return GraphRows(nodes, edges)


def test_a_first_load_creates_and_an_upsert_merges_to_the_same_graph(engine, tmp_path):
    rows = rows_of(write_corpus(tmp_path))
    first = Recording(engine)
    load_graph(first, rows)
    statements = [s for s, _ in first.writes]
    assert any("CREATE (n:Entity:Person)" in s for s in statements)
    assert any("CREATE (a)-[r:SIGNED]->(b)" in s for s in statements)
    assert not any("MERGE" in s for s in statements)
    fresh = read_networkx(engine)

    engine.clear()
    load_graph(engine, _older(rows))
    assert stored(engine)[1] == KEYS - {ARMS, ALICE_MINISTER}
    upsert = Recording(engine)
    load_graph(upsert, rows)
    statements = [s for s, _ in upsert.writes]
    assert any("MERGE (n:Entity {id: props.id})" in s for s in statements)
    assert not any("CREATE (n:" in s or "CREATE (a)" in s for s in statements)

    upserted = read_networkx(engine)
    assert_same_graph(upserted, fresh)
    assert_same_graph(fresh, build_networkx(rows))
    assert "note" not in upserted.edges["bob", "accord", BOB_SIGNED]
    assert upserted.nodes["alice"]["aliases"] == ["A. Doe", "Alice D."]


class SeemsFull(Recording):
    """The engine, claiming to hold data already: the load merges, whatever it holds."""

    def read(self, statement, params=None):
        if "LIMIT 1" in statement:  # read/holds_data
            return [{"id": "someone"}]
        return self._engine.read(statement, params)


def _layout(engine) -> tuple[list, list]:
    nodes = engine.read("MATCH (n) RETURN n.id AS id, id(n) AS internal ORDER BY internal")
    edges = engine.read("MATCH ()-[r]->() RETURN r.key AS key, id(r) AS internal ORDER BY internal")
    return [(r["id"], r["internal"]) for r in nodes], [(r["key"], r["internal"]) for r in edges]


def test_a_first_load_lays_the_store_out_as_a_merging_load_does(engine, tmp_path):
    # Equal-ranked rows of an ORDER BY come back in the store's internal order: it must
    # not depend on whether the store was empty at the first load.
    rows = rows_of(write_corpus(tmp_path))
    load_graph(engine, rows, batch_size=2)
    created = _layout(engine)
    engine.clear()
    merging = SeemsFull(engine)
    load_graph(merging, rows, batch_size=2)
    assert any("MERGE" in s for s, _ in merging.writes)
    assert _layout(engine) == created
    internal = dict(created[0])
    assert internal["bob"] < internal["alice"]  # one batch of persons, its last row first


def test_the_compact_read_back_equals_the_records_graph(engine, tmp_path):
    rows = rows_of(write_corpus(tmp_path))
    load_graph(engine, rows)
    graph = read_networkx(engine)
    assert_same_graph(graph, build_networkx(rows))
    assert graph.nodes["alice"] == {
        "label": "Person",
        "id": "alice",
        "name": "Alice Doe",
        "aliases": ["A. Doe", "Alice D."],
        "sources": ["src-a", "src-b"],
        "citations": ["src-a@20-30", "src-b@0-9"],
        "locators": ["", "para 1"],
    }
    assert graph.nodes["src-b"]["label"] == "Source"
    assert graph.nodes["src-b"]["chars"] == 5000
    signed = graph.edges["alice", "accord", ALICE_SIGNED]
    assert (signed["type"], signed["corroboration"], signed["disputed"]) == ("SIGNED", 2, False)
    assert signed["claim_sources"] == ["src-a", "src-b"]
    assert signed["claim_notes"] == ["", ""]  # kept whole though empty: the lists align
    assert signed["locators"] == ["", "para 9"]
    arms = graph.edges["office", "freedonia", ARMS]
    assert (arms["quantity"], arms["unit"], arms["precision"]) == (2.5, "tons", "month")
    assert (arms["earliest"], arms["latest"]) == ("1995-03-01", "1995-06-30")
    assert "note" not in arms and "confidence" not in arms  # no null is stored
    minister = graph.edges["alice", "ruritania", ALICE_MINISTER]
    assert (minister["earliest"], minister["end_bound"]) == ("1993-01-01", "open")
    assert "latest" not in minister  # an open end: no bound stored


def test_rows_sharing_a_key_load_as_the_one_edge_networkx_builds(engine):
    nodes = [
        NodeRow("Source", {"id": "s", "title": "S", "file": "s.txt", "sha256": DIGEST, "chars": 9}),
        NodeRow("State", {"id": "x", "name": "X", "status": "recognized"}),
        NodeRow("State", {"id": "y", "name": "Y", "status": "recognized"}),
    ]
    edges = [
        EdgeRow("SUPPORTED", "x", "y", {"key": "k1", "kind": "political", "sources": ["a"]}),
        EdgeRow("SUPPORTED", "x", "y", {"key": "k1", "kind": "political", "note": "n"}),
    ]
    rows = GraphRows(nodes, edges)
    load_graph(engine, rows)
    graph = read_networkx(engine)
    assert graph.edges["x", "y", "k1"] == {
        "type": "SUPPORTED",
        "key": "k1",
        "kind": "political",
        "sources": ["a"],
        "note": "n",
    }
    assert_same_graph(graph, build_networkx(rows))
    load_graph(engine, rows)  # and again, now merging
    assert_same_graph(read_networkx(engine), build_networkx(rows))


# -- fast paths agree with the slow ones ------------------------------------------------


def _dates(rng: random.Random) -> list[str]:
    plain = ["1994", "1994-05", "1994-05-05", "2000-02-29", "1900-02", "0011", "9989-12-31"]
    plain += [f"{rng.randint(11, 9989):04d}-{rng.randint(1, 12):02d}" for _ in range(20)]
    plain += [f"{rng.randint(11, 9989):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(20)]  # fmt: skip
    odd = ["0001", "0010", "9990", "9999-12-31", "1994-13", "1994-02-30", "1994~", "199X", "abcd"]
    return [t for d in plain + odd for t in (f"{d}/..", f"{d}/", f"/{d}", f"../{d}")]


def _outcome(parse, text):
    try:
        return parse(text)
    except TimeError as exc:
        return str(exc)


def test_half_open_dates_read_as_the_edtf_package_reads_them():
    for text in _dates(random.Random(5)):
        assert _outcome(parse_time, text) == _outcome(_parse_edtf, text), text
    assert parse_time("2008-11-02/..").end_bound == "open"
    assert (parse_time("/1992-05").start_bound, parse_time("/1992-05").latest) == (
        "unknown",
        "1992-05-31",
    )


def _names_by_regex(names: dict[str, str], text: str) -> list[str]:
    """What one alternation of every name finds (the longest first): the reference."""
    longest_first = sorted(names, key=lambda n: (-len(n), n))
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, longest_first)) or '(?!)'})(?!\w)")
    return list(dict.fromkeys(names[m.group(0)] for m in pattern.finditer(text)))


def test_names_in_notes_are_found_as_one_alternation_of_every_name_finds_them():
    rng = random.Random(3)
    letters = "ab_ c1é-.Ω"
    for _ in range(2000):
        names = {
            "".join(rng.choice(letters) for _ in range(rng.randint(1, 8))): f"id{i}"
            for i in range(rng.randint(0, 12))
        }
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 50)))
        for name in list(names)[:3]:
            cut = rng.randint(0, len(text))
            text = text[:cut] + name + text[cut:]
        assert _Names(names).find(text) == _names_by_regex(names, text), (names, text)
    names = {"Ilham Aliyev": "ilham-aliyev", "Aliyev": "aliyev", "Baku": "baku"}
    assert _Names(names).find("Ilham Aliyev met Aliyev in Baku; Bakunin") == [
        "ilham-aliyev",
        "aliyev",
        "baku",
    ]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_in_the_block_and_restored_after_it(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), paused_gc():
            assert not gc.isenabled()
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
