"""Paragraph coverage and the counts of `dipgraph stats`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from support import DATA

from dipgraph.cli import cli
from dipgraph.loader import check_records
from dipgraph.loader.coverage import count_records, document_coverage
from dipgraph.loader.explanations import read_explanations
from dipgraph.loader.problems import Report


def test_cited_and_unexplained_paragraphs(demo):
    records, _ = check_records(demo)
    report = Report()
    (doc,) = document_coverage(records, demo.parent / "texts", report)
    assert (len(doc.paragraphs), sorted(doc.cited), doc.unexplained) == (3, [2, 3], [1])
    assert report.ok


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "- demo\n",
            "coverage.yaml:1: -: file: expected a mapping of source ids to their paragraphs, not a list",
        ),
        ("demo:\n  first: title\n", "coverage.yaml:1: demo: -: expected paragraph: reason"),
        ("demo: [1, 2]\n", "coverage.yaml:1: demo: -: expected paragraph: reason"),
    ],
)
def test_a_malformed_coverage_file_is_a_problem_not_a_crash(tmp_path, text, problem):
    (tmp_path / "coverage.yaml").write_text(text)
    report = Report()
    assert read_explanations(tmp_path, report) == {}
    assert [str(p).removeprefix(f"{tmp_path}/") for p in report.problems] == [problem]


def test_explained_paragraphs_and_a_wrong_number(demo):
    (demo / "coverage.yaml").write_text("demo:\n  1: title\n  7: no such paragraph\n")
    records, _ = check_records(demo)
    report = Report()
    (doc,) = document_coverage(records, demo.parent / "texts", report)
    assert doc.unexplained == []
    assert [p.message for p in report.errors] == ["paragraph 7 does not exist (demo has 3)"]


def test_stats_fails_while_a_paragraph_is_unexplained(demo):
    run = CliRunner().invoke(
        cli, ["--data", str(demo), "stats", "--texts", str(demo.parent / "texts")]
    )
    assert run.exit_code == 1
    assert "unexplained: demo para 1: Demo Chronicle\n" in run.stdout
    assert run.stderr == "Error: 1 paragraph(s) neither cited nor explained in data/coverage.yaml\n"
    (demo / "coverage.yaml").write_text("demo:\n  1: title\n")
    run = CliRunner().invoke(
        cli, ["--data", str(demo), "stats", "--texts", str(demo.parent / "texts")]
    )
    assert run.exit_code == 0
    assert (
        "demo                          3      2          1            0          67%" in run.stdout
    )


def test_counts(demo):
    counts = count_records(check_records(demo)[0])
    assert counts["types"] == {"SIGNED": 2, "MEDIATED": 1, "RESULTED_IN": 1, "HELD_POSITION": 1}
    assert counts["sources"][("demo", "claims")] == 5
    assert counts["sources"][("demo", "only source")] == 5


def test_every_paragraph_of_the_corpus_is_cited_or_explained(seeds):
    records, _ = check_records(DATA)
    problems = Report()
    documents = document_coverage(records, seeds, problems)
    assert problems.ok, problems.errors
    assert {doc.source: doc.unexplained for doc in documents} == {
        doc.source: [] for doc in documents
    }


def test_validate_checks_coverage_and_warns_of_files_it_would_not_read(demo):
    (demo / "coverage.yaml").write_text("demoo:\n  1: title\n")
    (demo / "side.yaml").write_text("demo-war: {}\n")
    (demo / "claims" / "more.yml").write_text("source: demo\nclaims: []\n")
    result = CliRunner().invoke(cli, ["--data", "data", "validate"])
    assert result.exit_code == 1
    unread = "not read: records go in sources.yaml, sides.yaml, coverage.yaml, entities/*.yaml and claims/*.yaml"
    assert result.stderr.splitlines() == [
        "data/coverage.yaml:0: demoo: source: unknown source 'demoo' (did you mean demo?)",
        f"data/claims/more.yml:0: -: file: warning: {unread}",
        f"data/side.yaml:0: -: file: warning: {unread}",
        "Error: 1 error(s), 2 warning(s)",
    ]


def test_a_missing_data_folder_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--data", "nowhere", "validate"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: no records folder 'nowhere': say where the records are with --data DIR "
        "or DIPGRAPH_DATA, or start a corpus with 'dipgraph init DIR'",
    ]
