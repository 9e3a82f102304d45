"""dipgraph query (tables, parameters, the write guard, engine errors) and the Browser material."""

from __future__ import annotations

import io
import json
import re
import threading
import urllib.request
import zipfile

import pytest
from click.testing import CliRunner
from support import DATA

from dipgraph.cli import cli
from dipgraph.cypher.browser import (
    cypher_literal,
    favorites_zip,
    guide_adoc,
    guide_html,
    make_server,
    read_guide,
    read_style,
    runnable_blocks,
)
from dipgraph.cypher.library import list_queries
from dipgraph.loader.vocabulary import LABELS


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    home = tmp_path_factory.mktemp("store")
    assert (
        CliRunner().invoke(cli, ["--data", str(DATA), "load", "--home", str(home)]).exit_code == 0
    )
    return home


@pytest.fixture
def query(store):
    def invoke(*args):
        return CliRunner().invoke(cli, ["query", *map(str, args), "--home", str(store)])

    return invoke


def test_a_saved_query_as_a_table(query):
    result = query("source_disagreements")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["subject", "relationship", "object", "time", "sources", "citations"]
    assert set(lines[1]) == {"-", " "}
    assert lines[-1] == "(10 rows)"
    rows = [re.split(r"\s{2,}", line.strip()) for line in lines[2:-1]]
    expected = ["Serzh Sargsyan", "ATTENDED", "Kazan summit", "2011-06-25", "russia-initiatives"]
    assert [*expected, "russia-initiatives@6825-7131"] in rows


def test_parameters_and_formats(query):
    statement = "MATCH (p:Person {id: $who})-[s:SIGNED]->(d:Agreement) RETURN d.name AS doc, s.time AS day ORDER BY day"
    as_json = query(statement, "--param", "who=rasul-guliyev", "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == [{"doc": "Bishkek Protocol", "day": "1994-05-08"}]
    as_csv = query(statement, "--param", "who=rasul-guliyev", "--format", "csv")
    assert as_csv.stdout == "doc,day\nBishkek Protocol,1994-05-08\n"


def test_a_missing_parameter_is_named(query):
    result = query("MATCH (p:Person {id: $who}) RETURN p.name")
    assert result.exit_code == 1
    assert result.stderr == "Error: query inline: no value for $who: pass --param who=...\n"


def test_writes_are_refused_unless_asked(query, store):
    refused = query("MATCH (n:Entity {id: 'rasul-guliyev'}) SET n.note = 'x' RETURN n.id")
    assert refused.exit_code == 1
    assert refused.stderr == "Error: query inline writes (SET): pass --write to allow it\n"
    allowed = query("MATCH (n:Entity {id: 'rasul-guliyev'}) SET n.checked = true", "--write")
    assert allowed.exit_code == 0
    back = query(
        "MATCH (n:Entity {id: 'rasul-guliyev'}) RETURN n.checked AS checked", "--format", "json"
    )
    assert json.loads(back.stdout) == [{"checked": True}]


def test_engine_errors_are_one_line_naming_the_query(query):
    result = query("MATCH (n RETURN n")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: query inline: FalkorDB: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("MATCH (n) RETURN n.id LIMIT 1\n", "query untitled: the first line must be '// Title'"),
        (
            "// A title\n// :param n => [1, 2\nRETURN $n AS n\n",
            "query untitled: :param n: cannot read the parameter value '[1, 2'",
        ),
    ],
    ids=["no-title", "bad-default"],
)
def test_a_query_file_that_cannot_be_read_is_one_clear_error(query, tmp_path, text, message):
    path = tmp_path / "untitled.cypher"
    path.write_text(text, encoding="utf-8")
    result = query(path)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"


def test_list_names_every_saved_query(query):
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == [q.name for q in list_queries()]


def test_an_empty_store_says_so(tmp_path):
    result = CliRunner().invoke(
        cli, ["query", "source_disagreements", "--home", str(tmp_path / "empty")]
    )
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: the embedded store {tmp_path / 'empty'} is empty: run dipgraph load first\n"
    )


# -- Neo4j Browser material -----------------------------------------------------------------
def grass_blocks(text: str) -> dict[str, dict[str, str]]:
    """selector -> {property: value}; a block opens with 'selector {' and closes with '}'."""
    blocks, current = {}, None
    for line in re.sub(r"/\*.*?\*/", "", text, flags=re.S).splitlines():
        line = line.strip()
        if line.endswith("{"):
            current = blocks.setdefault(line[:-1].strip(), {})
        elif line == "}":
            current = None
        elif current is not None and ":" in line:
            name, value = line.rstrip(";").split(":", 1)
            current[name.strip()] = value.strip()
    return blocks


def test_style_sheet_colours_every_label_once_and_captions_by_name():
    blocks = grass_blocks(read_style())
    labels = [*LABELS, "Source"]
    colours = [blocks[f"node.{label}"]["color"] for label in labels]
    assert len(set(colours)) == len(labels)
    assert all(blocks[f"node.{label}"]["caption"] == "'{name}'" for label in LABELS)
    assert blocks["relationship"]["caption"] == "'<type>'"
    assert all(
        int(blocks[f"node.{label}"]["diameter"].removesuffix("px")) >= 30 for label in labels
    )


def test_favorites_zip_holds_the_library_with_titles():
    archive = zipfile.ZipFile(io.BytesIO(favorites_zip()))
    names = sorted(archive.namelist())
    assert names == sorted(f"dipgraph/{q.name}.cypher" for q in list_queries())
    for saved in list_queries():
        text = archive.read(f"dipgraph/{saved.name}.cypher").decode()
        assert text.splitlines()[0] == f"// {saved.title}"
        assert text.rstrip().endswith(saved.statement)


def test_guide_renders_for_play_and_for_guide():
    title, slides = read_guide(
        "# T\n\n## First\n\nSome **bold** text.\n\n```cypher\nRETURN 1\n```\n"
    )
    page = guide_html(title, slides)
    assert '<article class="guide">' in page and '<slide class="row-fluid">' in page
    assert (
        '<pre class="pre-scrollable code runnable">RETURN 1</pre>' in page and "<b>bold</b>" in page
    )
    assert (
        guide_adoc(title, slides)
        == "= T\n\n== First\n\nSome *bold* text.\n\n[source,cypher]\n----\nRETURN 1\n----\n"
    )


def test_the_server_sends_cors_headers():
    server = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/style.grass") as response:
            assert response.headers["Access-Control-Allow-Origin"] == "*"
            assert response.read().decode() == read_style()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/dipgraph.html") as response:
            assert '<article class="guide">' in response.read().decode()
    finally:
        server.shutdown()
        server.server_close()


def test_every_runnable_block_of_the_guide_is_a_tested_query():
    """A block is a saved query's statement, or the :param lines of one's defaults."""
    _, slides = read_guide()
    statements = {q.statement: q for q in list_queries()}
    params = {
        f":param {k} => {cypher_literal(v)}" for q in list_queries() for k, v in q.params.items()
    }
    for block in runnable_blocks(slides):
        lines = block.splitlines()
        if all(line.startswith(":param") for line in lines):
            assert set(lines) <= params, block
        else:
            assert block in statements, f"not a saved query:\n{block}"
