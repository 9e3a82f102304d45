"""sides.yaml is a record like the others: `dipgraph validate` checks its shape and ids and
reports each problem as file:line: record: field: message, and no command that reads
it ends in a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dipgraph.cli import cli

CONFLICT = "- {id: demo-war, label: Conflict, name: Demo war, time: 1992/1994, cite: [{source: demo, span: [0, 14]}]}\n"


@pytest.fixture
def data(demo):
    """The demo records with a Conflict to take sides in."""
    with (demo / "entities" / "demo.yaml").open("a", encoding="utf-8") as f:
        f.write(CONFLICT)
    return demo


def run(*args: str):
    return CliRunner().invoke(cli, ["--data", "data", *args], catch_exceptions=False)


def write_sides(data, text: str) -> None:
    (data / "sides.yaml").write_text(text, encoding="utf-8")


def test_valid_sides_pass(data):
    write_sides(data, "demo-war:\n  north: [ruritania]\n  south: [freedonia]\n")
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == "10 entities, 5 claims from 1 sources: no errors, 0 warning(s)\n"


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            "demo-war:\n  north: [ruritania, freedonai]\n  south: [freedonia]\n",
            [
                "data/sides.yaml:2: demo-war: north: unknown id 'freedonai' (did you mean freedonia?)"
            ],
        ),
        (
            "demo-warr:\n  north: [ruritania]\n  south: [freedonia]\n",
            ["data/sides.yaml:1: demo-warr: id: unknown id 'demo-warr' (did you mean demo-war?)"],
        ),
        (
            "ruritania:\n  north: [alice-doe]\n  south: [freedonia]\n",
            ["data/sides.yaml:1: ruritania: id: 'ruritania' is a State, not a Conflict"],
        ),
        (
            "demo-war:\n  north: [ruritania]\n  south: [freedonia, ruritania]\n",
            ["data/sides.yaml:3: demo-war: south: 'ruritania' is on two sides (north and south)"],
        ),
        (
            "demo-war:\n  north: [ruritania, freedonia]\n",
            ["data/sides.yaml:1: demo-war: sides: a conflict needs at least two sides, found 1"],
        ),
        (
            "demo-war:\n  north: ruritania\n  south: [freedonia]\n",
            ["data/sides.yaml:2: demo-war: north: expected a list of entity ids, got 'ruritania'"],
        ),
        (
            "demo-war: [ruritania, freedonia]\n",
            [
                "data/sides.yaml:1: demo-war: sides: expected a mapping of side names to lists of member ids"
            ],
        ),
        (
            "- demo-war\n- ruritania\n",
            [
                "data/sides.yaml:1: -: file: expected a mapping of conflict ids to their sides, not a list"
            ],
        ),
        (
            "demo-war:\n  north: [ruritania\n  south: [freedonia]\n",
            ["data/sides.yaml:3: -: yaml: YAML syntax: did not find expected ',' or ']'"],
        ),
    ],
    ids=[
        "unknown-member",
        "unknown-conflict",
        "not-a-conflict",
        "on-two-sides",
        "one-side",
        "members-not-a-list",
        "sides-not-a-mapping",
        "file-is-a-list",
        "yaml-syntax",
    ],
)
def test_validate_reports_each_problem_in_sides(data, text, problems):
    write_sides(data, text)
    result = run("validate")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        *problems,
        f"Error: {len(problems)} error(s), 0 warning(s)",
    ]


@pytest.mark.parametrize("command", [["analyze"], ["figures"], ["export", "--format", "csv"]])
def test_commands_that_read_sides_stop_with_the_same_lines(data, command, tmp_path):
    write_sides(data, "- demo-war\n- ruritania\n")
    result = run(*command, "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data/sides.yaml:1: -: file: expected a mapping of conflict ids to their sides, not a list",
        "Error: 1 error(s) in the records",
    ]


def test_load_with_bad_sides_writes_nothing(data, tmp_path):
    write_sides(data, "demo-war:\n  north: [ruritania]\n  south: [nobody]\n")
    result = run("load", "--home", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data/sides.yaml:3: demo-war: south: unknown id 'nobody'",
        "Error: 1 error(s) in the records; nothing was written",
    ]
    assert not (tmp_path / "store").exists()
