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
    favorites_zip,
    guide_adoc,
    guide_html,
    make_server,
    read_guide,
    read_style,
    runnable_blocks,
)
from dipgraph.cypher.library import (
    check_params,
    format_literal,
    list_queries,
    parse_literal,
    parse_query,
)
from dipgraph.cypher.run import resolve, run_query
from dipgraph.errors import QueryError
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
    header = ["subject", "relationship", "object", "time", "sources", "citations", "conflicts_with"]
    assert lines[0].split() == header
    assert set(lines[1]) == {"-", " "}
    assert lines[-1] == "(26 rows)"
    rows = [re.split(r"\s{2,}", line.strip()) for line in lines[2:-1]]
    expected = ["Serzh Sargsyan", "ATTENDED", "Kazan summit", "2011-06-25", "russia-initiatives"]
    other = "Serzh Sargsyan ATTENDED Kazan summit (2011-06-24)"
    assert [*expected, "russia-initiatives@6825-7131", other] in rows


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


def test_list_names_every_saved_query_with_its_parameters():
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    listed = [line.split()[0] for line in lines if not line.startswith(" ")]
    assert listed == [q.name for q in list_queries()]
    at = lines.index(next(line for line in lines if line.startswith("office_holders_as_of ")))
    assert lines[at : at + 2] == [
        "office_holders_as_of                 Who held an office on a given day",
        "    params: day='2011-06-24', bodies=['armenia', 'azerbaijan'], title='President'",
    ]
    no_params = lines.index(
        next(line for line in lines if line.startswith("source_disagreements "))
    )
    assert not lines[no_params + 1].startswith(" ")
    params_lines = [line for line in lines if line.startswith("    params: ")]
    assert len(params_lines) == sum(1 for q in list_queries() if q.params)
    neo4j_only = next(line for line in lines if "[Neo4j only: " in line)
    assert neo4j_only.startswith("shortest_connection_neo4j ")


def test_an_empty_store_says_so(tmp_path):
    result = CliRunner().invoke(
        cli, ["query", "source_disagreements", "--home", str(tmp_path / "empty")]
    )
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: the embedded store {tmp_path / 'empty'} is empty: run dipgraph load first\n"
    )


# -- mistakes in names and parameters --------------------------------------------------------
OFFICE_PARAMS = (
    "day (default '2011-06-24'), bodies (default ['armenia', 'azerbaijan']),"
    " title (default 'President')"
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["office_holders_as_of", "--param", "date=2011-06-25"],
            f"office_holders_as_of has no parameter 'date' (did you mean day?); its parameters: {OFFICE_PARAMS}",
        ),
        (
            ["office_holders_as_of", "--param", "bodys=['armenia']", "--param", "zz=1"],
            "office_holders_as_of has no parameters 'bodys' (did you mean bodies?), 'zz';"
            f" its parameters: {OFFICE_PARAMS}",
        ),
        (
            ["source_disagreements", "--param", "doc=x"],
            "source_disagreements has no parameter 'doc'; it takes no parameters",
        ),
        (
            ["office_holder_as_of"],
            "no saved query named 'office_holder_as_of' (did you mean office_holders_as_of?);"
            " dipgraph query --list shows them all",
        ),
        (["MATCH"], "no saved query named 'MATCH'; dipgraph query --list shows them all"),
        (
            ["office_holders_as_of.cypher"],
            "no file 'office_holders_as_of.cypher' (did you mean office_holders_as_of?);"
            " dipgraph query --list shows the saved queries",
        ),
    ],
    ids=[
        "misspelt-param",
        "two-unknown-params",
        "takes-none",
        "misspelt-name",
        "one-word",
        "no-file",
    ],
)
def test_mistakes_fail_before_the_store_is_opened(tmp_path, args, message):
    home = tmp_path / "never-opened"
    result = CliRunner().invoke(cli, ["query", *args, "--home", str(home)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"
    assert "Traceback" not in result.output and not home.exists()


def test_a_misspelt_parameter_is_refused_on_a_loaded_store(query):
    result = query("office_holders_as_of", "--param", "date=2011-06-25")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: office_holders_as_of has no parameter 'date' (did you mean day?);"
        f" its parameters: {OFFICE_PARAMS}\n"
    )
    right = query("office_holders_as_of", "--param", "day=2011-06-25", "--format", "json")
    assert right.exit_code == 0, right.output


def test_an_inline_statement_takes_any_parameter(query):
    result = query("RETURN $n AS n", "--param", "n=3", "--param", "unused=x", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "n\n3\n"


@pytest.mark.parametrize(
    ("header", "exit_code", "output"),
    [
        ("", 0, "n\n3\n"),
        (
            "// :param n => 1\n",
            1,
            "Error: mine has no parameter 'nn' (did you mean n?); its parameters: n (default 1)\n",
        ),
    ],
    ids=["no-param-lines-takes-any", "param-lines-are-checked"],
)
def test_a_query_file_is_checked_when_it_declares_parameters(
    query, tmp_path, header, exit_code, output
):
    path = tmp_path / "mine.cypher"
    path.write_text(f"// Mine\n{header}RETURN $n AS n\n", encoding="utf-8")
    result = query(path, "--param", "n=3", "--param", "nn=4", "--format", "csv")
    assert result.exit_code == exit_code
    assert (result.stdout if exit_code == 0 else result.stderr) == output


def test_a_bare_word_that_is_a_file_says_query_files_end_in_cypher(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").write_text("RETURN 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", "notes", "--home", str(tmp_path / "home")])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no saved query named 'notes' (notes is a file, but a query file's name must"
        " end in .cypher); dipgraph query --list shows them all\n"
    )


# -- the library's checks, without the command line ------------------------------------------
STRICT = parse_query(
    "q", "// T\n// :param day => '2011-06-24'\n// :param kinds => null\nRETURN $day, $kinds, $extra"
)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, None),
        ({"day": "2011", "kinds": ["a"], "extra": 1}, None),
        (
            {"days": 1},
            "q has no parameter 'days' (did you mean day?); its parameters:"
            " day (default '2011-06-24'), kinds (default null), extra (no default)",
        ),
        (
            {"kind": 1, "day": "x"},
            "q has no parameter 'kind' (did you mean kinds?); its parameters:"
            " day (default '2011-06-24'), kinds (default null), extra (no default)",
        ),
    ],
    ids=["defaults", "all-known", "misspelt", "one-wrong-of-two"],
)
def test_check_params(params, message):
    if message is None:
        check_params(STRICT, params)
    else:
        with pytest.raises(QueryError) as raised:
            check_params(STRICT, params)
        assert str(raised.value) == message


@pytest.mark.parametrize(
    ("text", "strict"),
    [
        ("office_holders_as_of", True),
        ("source_disagreements", True),
        ("MATCH (n) RETURN n LIMIT 1", False),
        ("RETURN $anything", False),
        ("// :param n => 1\nRETURN $n", False),
    ],
    ids=["saved", "saved-no-params", "inline", "inline-param", "inline-with-param-line"],
)
def test_resolve_marks_saved_queries_strict_and_inline_statements_not(text, strict):
    assert resolve(text).strict is strict


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "office-holders-as-of",
            "no saved query named 'office-holders-as-of' (did you mean office_holders_as_of?);"
            " dipgraph query --list shows them all",
        ),
        ("zzz", "no saved query named 'zzz'; dipgraph query --list shows them all"),
        ("dir/x.cypher", "no file 'dir/x.cypher'; dipgraph query --list shows the saved queries"),
    ],
    ids=["hyphens", "no-near-name", "missing-file"],
)
def test_resolve_refuses_names_and_files_that_do_not_exist(text, message):
    with pytest.raises(QueryError) as raised:
        resolve(text)
    assert str(raised.value) == message


def test_run_query_checks_parameters_before_touching_the_engine():
    with pytest.raises(QueryError, match="has no parameter 'date'"):
        run_query(None, resolve("office_holders_as_of"), {"date": "2011"})


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        ("it's", r"'it\'s'"),
        (3, "3"),
        (-1.5, "-1.5"),
        (True, "true"),
        (None, "null"),
        (["a", 2], "['a', 2]"),
        ("null and void", "'null and void'"),
        ("a\\b\nc\td\x01", r"'a\\b\nc\td\u0001'"),
    ],
)
def test_format_literal_is_the_inverse_of_parse_literal(value, literal):
    assert format_literal(value) == literal
    assert parse_literal(literal) == value


# -- --param values: Cypher literals, strings kept exactly -------------------------------------
@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("v='null and void'", "null and void"),  # was "None and void"
        ("v='true story'", "true story"),
        ('v="it\'s"', "it's"),
        (r"v='it\'s'", "it's"),
        (r"v='a\\b'", "a\\b"),
        (r"v='tab\there'", "tab\there"),
        (r"v='caf\u00e9'", "café"),
        ("v=''", ""),
        ("v='[not a list]'", "[not a list]"),
        ("v=3", 3),
        ("v=-1.5", -1.5),
        ("v=1e3", 1000.0),
        ("v=0x1F", 31),
        ("v=true", True),
        ("v=FALSE", False),
        ("v=null", None),
        ("v=['a', 2, null, [true]]", ["a", 2, None, [True]]),
        ("v=rasul-guliyev", "rasul-guliyev"),  # no literal: the text as typed
        ("v=2011-06-24", "2011-06-24"),
        ("v=007", "007"),
        ("v=O'Brien", "O'Brien"),
        ("v=nullify", "nullify"),
        ("v=", ""),
        ("v=a=b", "a=b"),
    ],
)
def test_param_values_are_cypher_literals_or_text(query, param, value):
    result = query("RETURN $v AS v", "--param", param, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"v": value}]
    assert type(json.loads(result.stdout)[0]["v"]) is type(value)


@pytest.mark.parametrize(
    ("param", "message"),
    [
        (
            "v='it''s'",
            "--param v: cannot read the parameter value \"'it''s'\": two strings side by side;"
            " inside a string write a quote as \\' ('it\\'s') or use the other quotes (\"it's\")",
        ),
        ("v='unclosed", '--param v: cannot read the parameter value "\'unclosed"'),
        ("v=[1, 2", "--param v: cannot read the parameter value '[1, 2'"),
        ("v=[draft] notes", "--param v: cannot read the parameter value '[draft] notes'"),
        (
            r"v='a\qb'",
            "--param v: cannot read the parameter value \"'a\\\\qb'\": unknown escape \\q in 'a\\qb'",
        ),
        ("v=['a', f(1)]", "--param v: cannot read the parameter value \"['a', f(1)]\""),
        ("=3", "--param '=3': expected key=value"),
        ("v", "--param 'v': expected key=value"),
    ],
    ids=[
        "doubled-quote",
        "unclosed",
        "unclosed-list",
        "text-in-brackets",
        "escape",
        "call",
        "no-key",
        "no-value",
    ],
)
def test_a_param_that_looks_like_a_literal_but_is_none_is_one_clear_error(tmp_path, param, message):
    home = tmp_path / "never-opened"
    result = CliRunner().invoke(cli, ["query", "RETURN $v", "--param", param, "--home", str(home)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"
    assert "Traceback" not in result.output and not home.exists()


def test_query_csv_output_escapes_formula_text(query):
    result = query("RETURN '=1+2' AS f, -1.5 AS z, '-x' AS t", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "f,z,t\n'=1+2,-1.5,'-x\n"


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


def test_the_style_sheet_has_no_comment_to_swallow_its_first_rule():
    # Neo4j Browser's GRASS parser reads a leading /* */ comment into the rule after it,
    # and the default `node` rule was lost; the style carries no comment at all.
    style = read_style()
    assert style.startswith("node {") and "/*" not in style


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
        f":param {k} => {format_literal(v)}" for q in list_queries() for k, v in q.params.items()
    }
    for block in runnable_blocks(slides):
        lines = block.splitlines()
        if all(line.startswith(":param") for line in lines):
            assert set(lines) <= params, block
        else:
            assert block in statements, f"not a saved query:\n{block}"
