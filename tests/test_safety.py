"""Safe outputs and a real read-only guard (issue 13, items 9 and 10).

CSV cells that a spreadsheet would run are escaped; GraphML and GEXF stay valid XML
whatever a value holds; a password inside NEO4J_URI is never printed; source texts
are read only from inside the texts folder; and `dipgraph query` is read-only by the
engine's own read-only mode, not by a list of keywords. (The explorer's links and
text are tested in Chromium by test_xss.py; ``--param`` by test_query_cli.py.)
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from support import DEMO_TEXT, dump

from dipgraph.analysis.export import read_graphml, write_graph_exports
from dipgraph.analysis.job import write_analysis
from dipgraph.cli import cli
from dipgraph.cypher.run import format_rows, resolve, run_query
from dipgraph.errors import EngineError, QueryError
from dipgraph.loader import check_records
from dipgraph.loader.engines import ReadOnlyError
from dipgraph.loader.exports import spreadsheet_safe, write_record_files
from dipgraph.loader.sources import SourceFileError, read_source_text, verify_sources
from dipgraph.settings import Settings, redact_uri


# -- CSV: no cell runs as a formula ------------------------------------------------------------
def _formula_graph() -> nx.MultiDiGraph:
    """Text that a spreadsheet would run, in names, notes, lists and qualifiers, beside
    numbers that must stay numbers."""
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="Person", name='=HYPERLINK("http://evil.example","click")')
    graph.nodes["a"].update(note="+cmd|' /C calc'!A0", born="-0500")
    graph.add_node("b", label="State", name="Plain", aliases=["-x", "y"], status="@SUM(A1:A9)")
    graph.add_edge("a", "b", key="k1")
    graph.edges["a", "b", "k1"].update(
        key="k1", type="MEMBER_OF", kind="-2+3", rank=-3, weight=-1.5, note="fine",
        title="\tTAB", citations=["=s@0-5"],
    )  # fmt: skip
    return graph


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_record_csv_escapes_formula_cells_and_keeps_numbers(tmp_path):
    write_record_files(_formula_graph(), tmp_path)
    nodes = {r["name"]: r for r in _rows(tmp_path / "nodes.csv")}
    a = nodes['\'=HYPERLINK("http://evil.example","click")']
    assert (a["note"], a["born"]) == ("'+cmd|' /C calc'!A0", "'-0500")
    assert (nodes["Plain"]["aliases"], nodes["Plain"]["status"]) == ("'-x|y", "'@SUM(A1:A9)")
    [edge] = _rows(tmp_path / "edges.csv")
    assert (edge["kind"], edge["title"], edge["key"]) == ("'-2+3", "'\tTAB", "k1")
    assert (edge["rank"], edge["weight"], edge["note"]) == ("-3", "-1.5", "fine")
    assert edge["citations"] == "'=s@0-5"


def test_gephi_csv_escapes_formula_cells(tmp_path):
    write_graph_exports(_formula_graph(), tmp_path, formats=("csv",))
    nodes = {r["Id"]: r for r in _rows(tmp_path / "nodes.csv")}
    assert nodes["a"]["Label"] == '\'=HYPERLINK("http://evil.example","click")'
    assert nodes["b"]["status"] == "'@SUM(A1:A9)"
    [edge] = _rows(tmp_path / "edges.csv")
    assert (edge["support_kind"], edge["weight"], edge["rank"]) == ("'-2+3", "-1.5", "-3")


def test_analysis_csv_keeps_negative_numbers_as_numbers(tmp_path):
    table = pd.DataFrame(
        {"actor": ["=evil()", "russia"], "z": [-1.5, 2.0], "sources": [{"-a", "b"}, set()]}
    )
    [path] = write_analysis({"measures": table}, tmp_path)
    assert _rows(path) == [
        {"actor": "'=evil()", "z": "-1.5", "sources": "'-a|b"},
        {"actor": "russia", "z": "2.0", "sources": ""},
    ]
    assert pd.read_csv(path)["z"].tolist() == [-1.5, 2.0]  # still a numeric column


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("'quoted", "'quoted"),
        ("", ""),
        (-1.5, -1.5),
        (-3, -3),
        (None, None),
    ],
)
def test_spreadsheet_safe(value, cell):
    assert spreadsheet_safe(value) == cell


def test_query_csv_escapes_text_but_not_numbers():
    rows = [{"name": "=1+1", "z": -1.5, "n": -3, "ok": True, "ids": ["-a", "b"], "none": None}]
    text = format_rows(rows, "csv")
    assert list(csv.reader(text.splitlines())) == [
        ["name", "z", "n", "ok", "ids", "none"],
        ["'=1+1", "-1.5", "-3", "True", "'-a, b", ""],
    ]


# -- GraphML and GEXF stay valid XML -----------------------------------------------------------
def _control_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("a\x01", label="Person", name="Nul\x00name", aliases=["bell\x07", "ok"])
    graph.add_node("b", label="State", name="Tab\tand\nnewline kept", note="\ufffe\uffff\ud800")
    graph.add_edge("a\x01", "b", key="k\x0b", type="MEMBER_OF", note="esc\x1b", time="1994")
    return graph


def test_graphml_and_gexf_stay_valid_xml_with_control_characters(tmp_path):
    write_graph_exports(_control_graph(), tmp_path, formats=("graphml", "gexf"))
    for name in ("dipgraph.graphml", "dipgraph.gexf"):
        ET.parse(tmp_path / name)  # raises on invalid XML
    graphml = nx.read_graphml(tmp_path / "dipgraph.graphml", force_multigraph=True)
    assert sorted(graphml.nodes) == ["a\ufffd", "b"]
    assert graphml.nodes["a\ufffd"]["label"] == "Nul\ufffdname"
    assert json.loads(graphml.nodes["a\ufffd"]["aliases"]) == ["bell\ufffd", "ok"]
    assert graphml.nodes["b"]["label"] == "Tab\tand\nnewline kept"
    assert graphml.nodes["b"]["note"] == "\ufffd\ufffd\ufffd"
    [(u, v, key, attrs)] = graphml.edges(keys=True, data=True)
    assert (u, v, key, attrs["note"]) == ("a\ufffd", "b", "k\ufffd", "esc\ufffd")
    back = read_graphml(tmp_path / "dipgraph.graphml")
    assert back.nodes["a\ufffd"]["aliases"] == ["bell\ufffd", "ok"]
    gexf = nx.read_gexf(tmp_path / "dipgraph.gexf")
    assert gexf.nodes["a\ufffd"]["label"] == "Nul\ufffdname"
    assert gexf.nodes["b"]["note"] == "\ufffd\ufffd\ufffd"
    [(u, v, attrs)] = gexf.edges(data=True)
    assert (u, v, attrs["id"], attrs["note"]) == ("a\ufffd", "b", "k\ufffd", "esc\ufffd")


# -- passwords are never printed ---------------------------------------------------------------
URI = "bolt://neo4j:s3cret@127.0.0.1:9"


@pytest.mark.parametrize(
    ("uri", "args"),
    [
        (URI, ["query", "RETURN 1", "--neo4j"]),
        ("neo4j://neo4j:s3cret@127.0.0.1:9", ["load", "--neo4j"]),
        ("bolt+s://admin:s3cret@127.0.0.1:9/db", ["analyze", "--from-db", "--neo4j"]),
    ],
    ids=["query-bolt", "load-neo4j", "analyze-bolt+s"],
)
def test_a_password_in_the_uri_is_never_printed(demo, uri, args):
    env = {"NEO4J_URI": uri, "NEO4J_PASSWORD": "pw"}
    result = CliRunner().invoke(cli, ["--data", str(demo), *args], env=env)
    assert result.exit_code == 1, result.output
    redacted = uri.replace(":s3cret@", ":***@")
    assert result.stderr.startswith(f"Error: cannot connect to Neo4j at {redacted} as 'neo4j': ")
    assert "s3cret" not in result.output and "Traceback" not in result.output
    assert result.stderr.count("\n") == 1


def test_a_password_given_by_option_is_never_printed(demo):
    args = ["query", "RETURN 1", "--neo4j", "--uri", URI, "--password", "s3cret"]
    result = CliRunner().invoke(cli, ["--data", str(demo), *args])
    assert result.exit_code == 1
    assert "s3cret" not in result.output


def test_settings_never_show_a_password():
    settings = Settings.from_env({"NEO4J_URI": URI, "NEO4J_PASSWORD": "hunter22"})
    assert repr(settings) == (
        "Settings(data=PosixPath('data'), home=PosixPath('.dipgraph'), texts=None,"
        " use_neo4j=False, neo4j_uri='bolt://neo4j:***@127.0.0.1:9', neo4j_user='neo4j',"
        " neo4j_database=None)"
    )
    assert settings.neo4j_uri == URI  # the driver still gets what was given


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (URI, "bolt://neo4j:***@127.0.0.1:9"),
        (
            "at neo4j+ssc://u:p%40ss@h:7687/x and bolt://v:w@k",
            "at neo4j+ssc://u:***@h:7687/x and bolt://v:***@k",
        ),
        ("bolt://neo4j:p@ss:w@host", "bolt://neo4j:***@host"),
        ("bolt://neo4j@host:7687", "bolt://neo4j@host:7687"),
        ("mail me: a@b.org", "mail me: a@b.org"),
    ],
)
def test_redact_uri(text, shown):
    assert redact_uri(text) == shown


# -- source texts are read only from inside the texts folder -----------------------------------
@pytest.fixture
def outside(demo) -> Path:
    """A copy of the demo text outside the texts folder: if dipgraph read it, its hash
    would match and every citation would verify."""
    folder = demo.parent / "elsewhere"
    folder.mkdir()
    shutil.copy(demo.parent / "texts" / "demo.txt", folder / "demo.txt")
    return folder / "demo.txt"


def _point_source_at(demo: Path, file: str) -> None:
    sources = demo / "sources.yaml"
    sources.write_text(sources.read_text().replace("file: demo.txt", f"file: {file}"))


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("ABSOLUTE", "'ABSOLUTE' is an absolute path: give one inside the texts folder TEXTS"),
        (
            "../elsewhere/demo.txt",
            "'../elsewhere/demo.txt' goes out of the texts folder TEXTS through '..'",
        ),
        (
            "sub/../../elsewhere/demo.txt",
            "'sub/../../elsewhere/demo.txt' goes out of the texts folder TEXTS through '..'",
        ),
        ("link.txt", "'link.txt' resolves to OUTSIDE, outside the texts folder TEXTS"),
        (
            "linked/demo.txt",
            "'linked/demo.txt' resolves to OUTSIDE, outside the texts folder TEXTS",
        ),
    ],
    ids=["absolute", "dot-dot", "dot-dot-deeper", "symlink", "symlinked-folder"],
)
def test_sources_verify_reads_nothing_outside_the_texts_folder(demo, outside, file, message):
    texts = demo.parent / "texts"
    (texts / "link.txt").symlink_to(outside)
    (texts / "linked").symlink_to(outside.parent, target_is_directory=True)
    file = file.replace("ABSOLUTE", str(outside))
    _point_source_at(demo, file)
    result = CliRunner().invoke(cli, ["--data", "data", "sources", "verify", "--texts", str(texts)])
    assert result.exit_code == 1
    expected = message.replace("ABSOLUTE", str(outside)).replace("OUTSIDE", str(outside.resolve()))
    assert result.stderr == (
        f"data/sources.yaml:1: demo: file: {expected.replace('TEXTS', str(texts))}\n"
        "Error: 1 citation problem(s)\n"
    )


def test_a_symlink_inside_the_texts_folder_is_read(demo):
    texts = demo.parent / "texts"
    (texts / "sub").mkdir()
    (texts / "sub" / "link.txt").symlink_to(texts / "demo.txt")
    _point_source_at(demo, "sub/link.txt")
    records, _ = check_records(demo)
    assert read_source_text(records.sources["demo"], texts) == DEMO_TEXT
    assert verify_sources(records, texts).problems == []


def test_every_reader_of_the_texts_refuses_a_path_out(demo, outside):
    _point_source_at(demo, "../elsewhere/demo.txt")
    records, _ = check_records(demo)
    texts = demo.parent / "texts"
    with pytest.raises(SourceFileError) as raised:
        read_source_text(records.sources["demo"], texts)
    assert str(raised.value) == (
        f"demo: '../elsewhere/demo.txt' goes out of the texts folder {texts} through '..'"
    )
    locate = CliRunner().invoke(
        cli, ["--data", "data", "sources", "locate", "demo", "Alice", "--texts", str(texts)]
    )
    assert locate.exit_code == 1
    assert locate.stderr == f"Error: {raised.value}\n"
    export = CliRunner().invoke(
        cli, ["--data", "data", "export", "--format", "html", "--texts", str(texts), "--out", "o"]
    )
    assert export.exit_code == 1
    assert export.stderr == f"Error: cannot show the cited passages: {raised.value}\n"


def test_a_source_text_that_is_not_utf8_is_one_error(demo):
    texts = demo.parent / "texts"
    data = "Caf\xe9".encode("latin-1")
    (texts / "demo.txt").write_bytes(data)
    sources = demo / "sources.yaml"
    digest = hashlib.sha256(data).hexdigest()
    sources.write_text(
        "".join(
            f"  sha256: {digest}\n" if line.startswith("  sha256:") else line + "\n"
            for line in sources.read_text().splitlines()
        )
    )
    records, _ = check_records(demo)
    problems = [str(p) for p in verify_sources(records, texts).problems]
    assert problems == [
        f"data/sources.yaml:1: demo: sha256: demo: {texts / 'demo.txt'} is not UTF-8 text"
        " ('utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data)"
    ]


# -- the read-only guard is the engine's own ---------------------------------------------------
# A write the keyword check sees, and one it cannot: a procedure that creates an index.
BACKTICK = "MATCH (n:`x'`) CREATE (m:Evil) RETURN m"
PROCEDURE = "CALL db.idx.fulltext.createNodeIndex('State', 'name')"


def _state(engine) -> tuple:
    return dump(engine), engine.read("CALL db.indexes()")


@pytest.mark.parametrize("statement", [BACKTICK, PROCEDURE], ids=["backtick", "procedure"])
def test_the_embedded_engine_refuses_writes_in_read_only_mode(loaded_corpus, statement):
    before = _state(loaded_corpus)
    with pytest.raises(ReadOnlyError) as raised:
        loaded_corpus.query(statement)
    assert str(raised.value) == (
        "FalkorDB: graph.RO_QUERY is to be executed only on read-only queries"
    )
    assert _state(loaded_corpus) == before


def test_a_write_the_keywords_miss_is_refused_by_the_engine(loaded_corpus, monkeypatch):
    """With the keyword check blind (as it is to a procedure), the engine still says no."""
    monkeypatch.setattr("dipgraph.cypher.run.writes", lambda statement: [])
    before = _state(loaded_corpus)
    for statement in (BACKTICK, PROCEDURE, "MATCH (n:Entity) DETACH DELETE n"):
        with pytest.raises(QueryError) as raised:
            run_query(loaded_corpus, resolve(statement), {})
        assert str(raised.value) == (
            "query inline writes (the database refused it in read-only mode: FalkorDB:"
            " graph.RO_QUERY is to be executed only on read-only queries): pass --write to allow it"
        )
    assert _state(loaded_corpus) == before


def test_reads_still_answer_in_read_only_mode(loaded_corpus):
    rows = loaded_corpus.query(
        "MATCH (p:Person {id: $id}) RETURN p.name AS name", {"id": "rasul-guliyev"}
    )
    assert rows == [{"name": "Rasul Guliyev"}]
    assert {"label": "State"} in loaded_corpus.query("CALL db.labels()")
    with pytest.raises(EngineError, match=r"^FalkorDB: ") as raised:
        loaded_corpus.query("MATCH (n RETURN n")
    assert not isinstance(raised.value, ReadOnlyError)


@pytest.fixture
def demo_store(demo, tmp_path) -> Path:
    home = tmp_path / "store"
    result = CliRunner().invoke(cli, ["--data", str(demo), "load", "--home", str(home)])
    assert result.exit_code == 0, result.output
    return home


def _cli_query(home: Path, *args: str):
    return CliRunner().invoke(cli, ["query", *args, "--home", str(home)])


def _store_state(home: Path) -> tuple[str, str]:
    nodes = _cli_query(
        home, "MATCH (n) RETURN labels(n) AS l, n.id AS id ORDER BY id", "--format", "json"
    )
    indexes = _cli_query(home, "CALL db.indexes()", "--format", "json")
    assert nodes.exit_code == indexes.exit_code == 0, nodes.output + indexes.output
    return nodes.stdout, indexes.stdout


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        (BACKTICK, "query inline writes (CREATE): pass --write to allow it"),
        (
            PROCEDURE,
            "query inline writes (the database refused it in read-only mode: FalkorDB:"
            " graph.RO_QUERY is to be executed only on read-only queries): pass --write to allow it",
        ),
    ],
    ids=["backtick", "procedure"],
)
def test_query_refuses_writes_and_leaves_the_store_as_it_was(demo_store, statement, message):
    before = _store_state(demo_store)
    result = _cli_query(demo_store, statement)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"
    assert "Traceback" not in result.output
    assert _store_state(demo_store) == before


def test_write_lets_a_procedure_write_and_returns_rows(demo_store):
    allowed = _cli_query(demo_store, PROCEDURE, "--write")
    assert allowed.exit_code == 0, allowed.output
    indexes = json.loads(_cli_query(demo_store, "CALL db.indexes()", "--format", "json").stdout)
    assert any(i["label"] == "State" and "FULLTEXT" in str(i["types"]) for i in indexes)
    created = _cli_query(
        demo_store, "CREATE (m:Marker {id: 'm'}) RETURN m.id AS id", "--write", "--format", "json"
    )
    assert json.loads(created.stdout) == [{"id": "m"}]


# -- Neo4j: read transactions (only with NEO4J_URI) ----------------------------------------------
def _neo4j_state(engine) -> tuple:
    indexes = "SHOW INDEXES YIELD name RETURN name ORDER BY name"
    return engine.read("MATCH (n) RETURN count(n) AS n"), engine.query(indexes, write=True)


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("statement", "refusal"),
    [
        (BACKTICK, ReadOnlyError),  # Neo.ClientError.Statement.AccessMode
        ("CALL db.createLabel('Evil')", EngineError),  # the code varies by version
        ("CREATE INDEX evil FOR (n:State) ON (n.name)", EngineError),
    ],
    ids=["backtick", "procedure", "schema"],
)
def test_neo4j_refuses_writes_in_read_only_mode(neo4j_engine, statement, refusal):
    neo4j_engine.write("CREATE (:Entity:State {id: 'x', name: 'X'})")
    before = _neo4j_state(neo4j_engine)
    with pytest.raises(refusal, match=r"^Neo4j: "):
        neo4j_engine.query(statement)
    assert _neo4j_state(neo4j_engine) == before
    assert neo4j_engine.query("MATCH (n:State) RETURN n.name AS name") == [{"name": "X"}]


@pytest.mark.neo4j
def test_neo4j_query_refuses_a_write_the_keywords_miss(neo4j_engine, monkeypatch):
    monkeypatch.setattr("dipgraph.cypher.run.writes", lambda statement: [])
    neo4j_engine.write("CREATE (:Entity:State {id: 'x', name: 'X'})")
    before = _neo4j_state(neo4j_engine)
    with pytest.raises(QueryError, match=r"^query inline writes \(the database refused it"):
        run_query(neo4j_engine, resolve("MATCH (n:Entity) DETACH DELETE n"), {})
    assert _neo4j_state(neo4j_engine) == before
