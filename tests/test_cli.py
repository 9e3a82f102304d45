"""The dipgraph command: exit codes and exact messages (CliRunner)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from support import DATA, DEMO_TEXT, append_claim

from dipgraph.cli import cli


@pytest.fixture
def run():
    def invoke(*args, env=None):
        return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)

    return invoke


def test_validate_ok(run, demo):
    result = run("--data", demo, "validate")
    assert result.exit_code == 0
    assert result.output == "9 entities, 5 claims from 1 sources: no errors, 0 warning(s)\n"


def test_validate_lists_every_error_and_exits_non_zero(run, demo):
    (demo / "claims" / "bad.yaml").write_text(
        "source: demo\nclaims:\n  - {subject: alice-doe, predicate: SIGNS, object: example-accord, cite: [{span: [0, 4]}]}\n"
        "  - {subject: alise-doe, predicate: SIGNED, object: example-accord, cite: [{span: [0, 4]}]}\n"
    )
    result = run("--data", "data", "validate")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data/claims/bad.yaml:3: alice-doe SIGNS example-accord: predicate: unknown predicate 'SIGNS' (did you mean SIGNED?)",
        "data/claims/bad.yaml:4: alise-doe SIGNED example-accord: subject: unknown id 'alise-doe' (did you mean alice-doe?)",
        "Error: 2 error(s), 0 warning(s)",
    ]
    assert "Traceback" not in result.output


def test_load_refuses_invalid_records_and_writes_nothing(run, demo, tmp_path):
    home = tmp_path / "store"
    assert run("--data", demo, "load", "--home", home).exit_code == 0
    (demo / "claims" / "bad.yaml").write_text(
        "source: demo\nclaims:\n  - {subject: alice-doe, predicate: SIGNED, object: ruritania, cite: [{span: [0, 4]}]}\n"
    )
    before = (home / "dipgraph.rdb").read_bytes()
    result = run("--data", demo, "load", "--home", home)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "Error: 1 error(s) in the records; nothing was written"
    assert (home / "dipgraph.rdb").read_bytes() == before


def test_load_prints_counts(run, demo, tmp_path):
    result = run("--data", demo, "load", "--home", tmp_path / "store")
    assert result.exit_code == 0
    assert (
        "  nodes 10: Agreement 1, Event 1, Organization 1, Person 3, Place 1, Source 1, State 2\n"
        in result.stdout
    )
    assert (
        "  relationships 5: HELD_POSITION 1, MEDIATED 1, RESULTED_IN 1, SIGNED 2\n" in result.stdout
    )


def test_neo4j_without_settings_is_one_clear_error(run, demo):
    result = run("--data", demo, "load", "--neo4j", env={"NEO4J_URI": "", "NEO4J_PASSWORD": ""})
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: Neo4j needs a URI and a password: set NEO4J_URI and NEO4J_PASSWORD (or --uri/--password)\n"
    )


def test_unreachable_neo4j_is_one_clear_error_without_the_password(run, demo):
    result = run(
        "--data",
        demo,
        "load",
        "--neo4j",
        "--uri",
        "bolt://127.0.0.1:9",
        env={"NEO4J_PASSWORD": "s3cret-pw"},
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: cannot connect to Neo4j at bolt://127.0.0.1:9 as 'neo4j': "
    )
    assert "s3cret-pw" not in result.output


def test_build_writes_everything_and_an_index(run, demo, tmp_path):
    out = tmp_path / "out"
    result = run("--data", demo, "build", "--home", tmp_path / "store", "--out", out)
    assert result.exit_code == 0, result.output
    # The demo has no memberships, periods or mediation ties: three figures say why they are absent.
    assert result.stdout.splitlines()[-4:] == [
        "Figure role_timeline not drawn: no actors to draw a role timeline for",
        "Figure brokerage_mix not drawn: the table has no brokerage_<role> rows to plot",
        "Figure period_networks not drawn: no windows to draw",
        f"Outputs in {out}/: records 4 files, analysis 4 files, figures 6 files, export 6 files; "
        f"index: {out / 'README.md'}",
    ]
    graph = json.loads((out / "records" / "graph.json").read_text())
    signed = sorted((e["source"], e["time"]) for e in graph["edges"] if e["type"] == "SIGNED")
    assert signed == [("alice-doe", "1994-05-05"), ("bob-roe", "1994-05-05")]
    assert (out / "records" / "edges.csv").read_text().count("\n") == 6  # header + 5 relationships
    index = (out / "README.md").read_text()
    for name in (
        "analysis/measures.csv",
        "figures/trajectories.svg",
        "export/explorer.html",
        "export/dipgraph.gexf",
    ):
        assert f"]({name})" in index
    assert "- role_timeline: not drawn (no actors to draw a role timeline for)" in index


def test_build_with_texts_reads_and_validates_the_records_once(run, demo, tmp_path, monkeypatch):
    import dipgraph.pipeline as pipeline

    calls = []
    real = pipeline.check_data
    monkeypatch.setattr(pipeline, "check_data", lambda *a, **k: calls.append(1) or real(*a, **k))
    texts = demo.parent / "texts"
    result = run("build", "--home", tmp_path / "store", "--out", tmp_path / "out", "--texts", texts)
    assert result.exit_code == 0, result.output
    assert len(calls) == 1


def test_sources_locate_prints_a_span_to_paste(run, demo):
    result = run(
        "--data",
        demo,
        "sources",
        "locate",
        "demo",
        "Carol",
        "Poe",
        "--texts",
        demo.parent / "texts",
    )
    assert result.exit_code == 0
    start = DEMO_TEXT.index("Carol Poe")
    assert (
        result.stdout.splitlines()[0]
        == f'- {{source: demo, span: [{start}, {start + 9}], at: "para 3"}}'
    )


def test_sources_locate_unknown_words(run, demo):
    result = run(
        "--data", demo, "sources", "locate", "demo", "Dana", "--texts", demo.parent / "texts"
    )
    assert result.exit_code == 1
    assert result.stderr == "Error: 'Dana' does not occur in demo\n"


def test_sources_verify_passes_and_reports_changed_text(run, demo):
    texts = demo.parent / "texts"
    ok = run("--data", demo, "sources", "verify", "--texts", texts)
    assert ok.exit_code == 0
    assert (
        ok.stdout == "1 source texts match their hashes; 14 citations name their record or date\n"
    )
    (texts / "demo.txt").write_text((texts / "demo.txt").read_text() + "More.\n")
    changed = run("--data", demo, "sources", "verify", "--texts", texts)
    assert changed.exit_code == 1
    assert (
        f"data/sources.yaml:1: demo: sha256: demo: {texts / 'demo.txt'} has SHA-256 "
        in changed.stderr
    )


def test_sources_verify_needs_the_texts(run, demo):
    result = run("--data", demo, "sources", "verify", env={"DIPGRAPH_TEXTS": ""})
    assert result.exit_code == 2
    assert "say where the source texts are: --texts DIR or DIPGRAPH_TEXTS" in result.stderr


def test_shipped_records_validate_and_verify(run, seeds):
    result = run("--data", DATA, "validate", "--texts", seeds)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "304 entities, 888 claims from 4 sources: no errors, 14 warning(s)\n"


def test_load_names_the_store_it_used_even_when_a_uri_is_given(run, demo, tmp_path):
    """--uri without --neo4j loads into the embedded store, and the summary says so."""
    home = tmp_path / "store"
    result = run("--data", demo, "load", "--home", home, "--uri", "bolt://example:7687")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Loaded into embedded FalkorDB ({home}):\n")


def test_a_read_only_command_on_invalid_records_does_not_speak_of_writing(run, demo):
    append_claim(
        demo, "subject: alice-doe, predicate: SIGNED, object: nowhere, cite: [{span: [0, 4]}]"
    )
    result = run("--data", demo, "analyze", "--out", demo.parent / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data/claims/demo.yaml:8: alice-doe SIGNED nowhere: object: unknown id 'nowhere'",
        "Error: 1 error(s) in the records",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--window", "0y"], "window '0y': expected a number of years such as 1y or 3y"),
        (["--periods"], "the records define no Period to slice by"),
    ],
)
def test_an_analysis_that_cannot_run_is_one_clear_error(run, demo, args, message):
    result = run("--data", demo, "analyze", *args, "--out", demo.parent / "out")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"
