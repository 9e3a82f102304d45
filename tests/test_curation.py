"""Starting a corpus (`dipgraph init`), adding a source (`sources add`), the records
folder from ``--data`` after any subcommand, and a build on records with nothing dated."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from dipgraph.cli import cli
from dipgraph.loader import check_records
from dipgraph.loader.sources import verify_sources

# What `dipgraph init` writes, by path: worked out from the template folder by hand.
INIT_FILES = [
    ".gitignore",
    "README.md",
    "data/claims/example-chronicle.yaml",
    "data/coverage.yaml",
    "data/entities/entities.yaml",
    "data/sides.yaml",
    "data/sources.yaml",
    "texts/example.txt",
]


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args, env=None):
        return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)

    return invoke


def _uncomment(folder) -> None:
    """Take the examples out of their comments, as the template's README says: drop
    the leading "# " of each example line, and the "## " explanations."""
    for path in (folder / "data").rglob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [re.sub(r"^# ?", "", line) for line in lines if not line.startswith("##")]
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")


def test_init_writes_the_skeleton_and_it_validates_empty(run, tmp_path):
    result = run("init", "corpus")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Started a corpus in corpus: 8 files"
    assert [line.strip() for line in lines[1:9]] == INIT_FILES
    result = run("validate", "--data", "corpus/data")
    assert result.exit_code == 0
    assert result.output == "0 entities, 0 claims from 0 sources: no errors, 0 warning(s)\n"
    ignored = (tmp_path / "corpus" / ".gitignore").read_text().split()
    assert {".dipgraph/", "out/", "texts/"} <= set(ignored)


def test_init_refuses_a_folder_with_records(run, tmp_path):
    (tmp_path / "corpus" / "data").mkdir(parents=True)
    result = run("init", "corpus")
    assert result.exit_code == 1
    assert result.output == (
        "Error: corpus already has a data folder: dipgraph init starts a new corpus\n"
    )


def test_the_template_examples_uncommented_are_a_valid_sourced_corpus(run, tmp_path):
    run("init", "corpus")
    folder = tmp_path / "corpus"
    _uncomment(folder)
    records, report = check_records(folder / "data")
    assert [str(p) for p in report.errors + report.warnings] == []
    assert (len(records.sources), len(records.entities), len(records.claims)) == (1, 9, 8)
    assert verify_sources(records, folder / "texts").ok
    [mediated] = [c for c in records.claims if c.predicate == "MEDIATED"]
    assert (mediated.subject, mediated.object, mediated.qualifiers) == (
        "marta-ilves",
        "lindenau-talks-2003",
        {"role": "chair", "on_behalf_of": "lindenau-group"},
    )


def test_sources_add_writes_the_hash_and_the_character_count(run, tmp_path):
    run("init", "corpus")
    text = "Übereinkunft\n\nVaclav Havel met the envoys in 1994.\n"
    (tmp_path / "corpus" / "texts" / "report.txt").write_text(text, encoding="utf-8")
    result = run(
        "sources", "add", "corpus/texts/report.txt", "--id", "report-1995",
        "--title", "A report: the envoys", "--authors", "Doe, Jane", "--authors", "Roe, R.",
        "--published", "1995-03", "--data", "corpus/data", "--texts", "corpus/texts",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    digest = hashlib.sha256(text.encode()).hexdigest()
    assert result.output.splitlines()[0] == (
        f"Added report-1995 to corpus/data/sources.yaml: report.txt, 51 characters, SHA-256 {digest[:12]}…"
    )
    [entry] = yaml.safe_load((tmp_path / "corpus" / "data" / "sources.yaml").read_text())
    assert entry == {
        "id": "report-1995",
        "title": "A report: the envoys",
        "authors": ["Doe, Jane", "Roe, R."],
        "published": "1995-03",
        "file": "report.txt",
        "sha256": digest,
        "chars": 51,  # Ü is one character (two bytes)
    }
    result = run("validate", "--data", "corpus/data")
    assert result.output == "0 entities, 0 claims from 1 sources: no errors, 0 warning(s)\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "demo"], "Error: a source 'demo' is already in data/sources.yaml"),
        (["--id", "copy"], "Error: demo.txt is already a source, as 'demo' (the same SHA-256)"),
        (
            ["--id", "Demo_2"],
            "Error: --id 'Demo_2': use lowercase letters, digits and hyphens (it names data/claims/Demo_2.yaml)",
        ),
        (
            ["--id", "new", "--published", "1994-13"],
            "Error: --published '1994-13' is not an EDTF date: invalid EDTF '1994-13'",
        ),
    ],
)
def test_sources_add_refuses_and_writes_nothing(demo, args, message):
    before = (demo / "sources.yaml").read_text()
    result = CliRunner().invoke(
        cli, ["sources", "add", "texts/demo.txt", "--title", "Copy", *args, "--texts", "texts"]
    )
    assert result.exit_code == 1
    assert result.output == message + "\n"
    assert (demo / "sources.yaml").read_text() == before


def test_data_after_the_subcommand_wins_over_the_environment(run, demo):
    env = {"DIPGRAPH_DATA": "elsewhere"}
    result = run("validate", "--data", demo, env=env)
    assert result.output == "9 entities, 5 claims from 1 sources: no errors, 0 warning(s)\n"
    result = run("sources", "verify", "--data", demo, "--texts", demo.parent / "texts", env=env)
    assert result.exit_code == 0
    assert result.output.startswith("1 source texts match their hashes")


def test_a_missing_records_folder_says_how_to_start_one(run):
    result = run("validate", "--data", "nowhere")
    assert result.exit_code == 1
    assert result.output == (
        "Error: no records folder 'nowhere': say where the records are with --data DIR "
        "or DIPGRAPH_DATA, or start a corpus with 'dipgraph init DIR'\n"
    )


def test_build_on_a_new_corpus_says_there_is_nothing_to_analyse_yet(run, tmp_path):
    run("init", "corpus")
    result = run("build", "--data", "corpus/data", "--home", "store", "--out", "out")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:4] == [
        "Loaded into embedded FalkorDB (store):",
        "  nodes 0",
        "  relationships 0",
        "Nothing to analyse yet: no relationship in the records has a date. "
        "Add claims with a time to see mediators, roles and figures.",
    ]
    assert not (tmp_path / "out" / "analysis").exists()
    assert (
        "- none yet: the records hold no dated fact" in (tmp_path / "out" / "README.md").read_text()
    )


# -- a second conflict from an empty folder: the curator's whole path --------------------------

# An invented document (our own words), as a curator would save it in texts/.
TALKS_TEXT = """Talks on the Kelmar border dispute

On 4 June 2011 Ana Ruiz, the envoy of the Northern League, mediated talks in Varna between Kelmar and Dossa.

The two delegations signed the Varna Statement on 5 June 2011.
"""


def _mentions(run, *args) -> list[tuple[int, int, str, str, str]]:
    """`sources mentions` as its table prints it: (start, end, kind, mention, is)."""
    result = run("sources", "mentions", "talks-2011", "--texts", "texts", *args)
    assert result.exit_code == 0, result.output
    rows = []
    for line in result.output.splitlines()[1:]:
        if not line[:4].strip().isdigit():
            continue  # the summary and the skeletons' file
        span, rest = line[6:20], line[22:]
        start, end = (int(n) for n in span.strip(" []").split(","))
        rows.append((start, end, rest[:6].strip(), rest[8:48].strip(), rest[50:].split()[0]))
    return rows


def test_a_new_conflict_from_an_empty_folder_to_a_build(run, tmp_path, monkeypatch):
    assert run("init", "kelmar").exit_code == 0
    monkeypatch.chdir(tmp_path / "kelmar")
    Path("texts/talks.txt").write_text(TALKS_TEXT, encoding="utf-8")
    added = run("sources", "add", "texts/talks.txt", "--id", "talks-2011", "--title",
                "Talks on the Kelmar border dispute", "--published", "2011", "--texts", "texts")  # fmt: skip
    assert added.exit_code == 0, added.output
    # No entity yet: the names come back unknown, with the spans to cite them by.
    unknown = {text: (start, end) for start, end, kind, text, _ in _mentions(run) if kind == "name"}
    names = ["Ana Ruiz", "Northern League", "Varna", "Kelmar", "Dossa", "Varna Statement"]
    body = TALKS_TEXT.index("On 4 June")  # the heading's words are a title, not names
    spans = {n: (TALKS_TEXT.index(n, body), TALKS_TEXT.index(n, body) + len(n)) for n in names}
    spans["Varna Statement"] = (i := TALKS_TEXT.index("Varna Statement"), i + 15)
    assert {n: unknown.get(n) for n in names} == spans
    ids = {"Ana Ruiz": ("ana-ruiz", "Person", ""), "Northern League": ("northern-league", "Organization", ", kind: intergovernmental"),
           "Kelmar": ("kelmar", "State", ", status: recognized"), "Dossa": ("dossa", "State", ", status: recognized"),
           "Varna Statement": ("varna-statement", "Agreement", ", kind: statement, time: 2011-06-05")}  # fmt: skip
    entities = [
        f"- {{id: {ident}, label: {label}, name: {name}{extra}, cite: [{{source: talks-2011, span: {list(spans[name])}}}]}}"
        for name, (ident, label, extra) in ids.items()
    ]
    entities.append(
        "- {id: varna-talks, label: Event, name: Varna talks, kind: talks, time: 2011-06-04, cite: [{source: talks-2011, span: [25, 144]}]}"
    )
    entities.append("- {id: kelmar-dispute, label: Conflict, name: Kelmar border dispute, cite: [{source: talks-2011, span: [13, 34]}]}")  # fmt: skip
    Path("data/entities/kelmar.yaml").write_text("\n".join(entities) + "\n", encoding="utf-8")
    Path("data/sides.yaml").write_text("kelmar-dispute:\n  kelmar: [kelmar]\n  dossa: [dossa]\n")
    # Now the same names are entities, and the skeletons cite their sentences.
    found = _mentions(run, "--yaml", "draft.yaml")
    assert (*spans["Ana Ruiz"], "entity", "Ana Ruiz", "ana-ruiz") in found
    day = TALKS_TEXT.index("4 June 2011")
    assert (day, day + 11, "date", "4 June 2011", "2011-06-04") in found
    skeletons = yaml.safe_load(Path("draft.yaml").read_text())["claims"]
    para2 = skeletons[1]["cite"][0]["span"]
    sentence = [TALKS_TEXT.index("On 4 June"), TALKS_TEXT.index("Dossa.") + len("Dossa.")]
    assert (skeletons[1]["time"], para2) == ("2011-06-04", sentence)
    claims = [
        f"  - {{subject: {s}, predicate: {p}, object: {o}, cite: [{{span: {para2}}}]}}"
        for s, p, o in [("ana-ruiz", "MEDIATED", "varna-talks"),
                        ("kelmar", "ATTENDED", "varna-talks"), ("dossa", "ATTENDED", "varna-talks")]
    ]  # fmt: skip
    Path("data/claims/talks-2011.yaml").write_text(
        "source: talks-2011\nclaims:\n" + "\n".join(claims) + "\n", encoding="utf-8"
    )
    validated = run("validate", "--texts", "texts")
    assert validated.output == "7 entities, 3 claims from 1 sources: no errors, 0 warning(s)\n"
    assert run("load", "--home", "store").exit_code == 0
    built = run("build", "--home", "store")
    assert built.exit_code == 0, built.output
    assert "  2011: Ana Ruiz 1.00 (one source: talks-2011)" in built.stdout.splitlines()


def test_sources_mentions_lists_each_mention_with_its_span(demo):
    from support import DEMO_TEXT

    result = CliRunner().invoke(cli, ["sources", "mentions", "demo", "--texts", "texts"])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines()[1:-1]]
    expected = [("Demo Chronicle", "name", "(no entity)"), ("5 May 1994", "date", "1994-05-05")]
    expected += [
        (name, "entity", ident)
        for name, ident in [
            ("Example Accord", "example-accord"), ("Exampleton", "exampleton"),
            ("Alice Doe", "alice-doe"), ("Ruritania", "ruritania"), ("Bob Roe", "bob-roe"),
            ("Freedonia", "freedonia"), ("Carol Poe", "carol-poe"),
            ("Peace Office", "peace-office"), ("Exampleton talks", "example-talks"),
        ]
    ]  # fmt: skip
    after = 0
    for row, (text, kind, what) in zip(rows, expected, strict=True):
        start = DEMO_TEXT.index(text, after)
        after = start + len(text)
        paragraph = 1 + DEMO_TEXT[:start].count("\n\n")
        uncited = ["uncited"] if paragraph == 1 else []  # the title: no record cites it
        assert row == [
            str(paragraph),
            f"[{start},",
            f"{after}]",
            kind,
            *text.split(),
            *what.split(),
            *uncited,
        ]
    assert result.output.splitlines()[-1] == (
        "11 mentions: 9 of entities, 1 dates, 1 unknown names; paragraphs with mentions that no claim cites: 1"
    )


def test_an_explained_paragraph_is_not_left_to_cite(demo):
    (demo / "coverage.yaml").write_text("demo:\n  1: title\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["sources", "mentions", "demo", "--texts", "texts", "--yaml", "draft.yaml"]
    )
    assert result.output.splitlines()[-2].endswith(
        "; paragraphs with mentions that no claim cites: none"
    )
    # Every paragraph is cited by a claim or explained: no skeleton to write.
    assert yaml.safe_load((demo.parent / "draft.yaml").read_text()) == {
        "source": "demo",
        "claims": [],
    }


def test_sources_show_writes_the_reading_view(demo):
    result = CliRunner().invoke(
        cli, ["sources", "show", "demo", "--texts", "texts", "--out", "view/demo.html"]
    )
    assert result.output == "Wrote view/demo.html: open it in a browser\n"
    page = (demo.parent / "view" / "demo.html").read_text()
    assert "3 paragraphs, 2 cited, 1 uncited" in page


def test_a_dataset_source_has_no_text_to_show(demo):
    (demo / "sources.yaml").write_text(
        (demo / "sources.yaml").read_text() + "- {id: pax, title: PA-X, dataset: pax}\n"
    )
    result = CliRunner().invoke(cli, ["sources", "mentions", "pax", "--texts", "texts"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: pax is a dataset (PA-X Peace Agreements Database): it has no text; "
        "its items are cited with record: ID\n"
    )


def test_a_source_entry_that_would_not_validate_is_not_added(demo):
    (demo.parent / "texts" / "other.txt").write_text("Another text.\n", encoding="utf-8")
    before = (demo / "sources.yaml").read_text()
    result = CliRunner().invoke(
        cli, ["sources", "add", "texts/other.txt", "--id", "other", "--title", "A\x01B"]
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: source 'other' not added: title: contains control character U+0001 at position 2\n"
    )
    assert (demo / "sources.yaml").read_text() == before


@pytest.mark.parametrize(
    "command",
    [
        ["sources", "locate", "dem", "Alice"],
        ["sources", "mentions", "dem"],
        ["sources", "show", "dem", "--out", "view.html"],
    ],
)
def test_an_unknown_source_is_named_with_the_closest_id(demo, command):
    result = CliRunner().invoke(cli, [*command, "--texts", "texts"])
    assert result.exit_code == 1
    assert result.output == "Error: unknown source 'dem' (did you mean demo?)\n"
