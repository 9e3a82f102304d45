"""Starting a corpus (`dipgraph init`), adding a source (`sources add`), the records
folder from ``--data`` after any subcommand, and a build on records with nothing dated."""

from __future__ import annotations

import hashlib
import re

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
