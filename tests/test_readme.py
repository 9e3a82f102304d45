"""The README's examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
import yaml
from support import DATA, ROOT


def _python_blocks() -> list[str]:
    section = (ROOT / "README.md").read_text().split("### Use it from Python")[1].split("\n## ")[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


@pytest.fixture
def in_scratch_folder(tmp_path, monkeypatch):
    """A working folder whose data/ is the shipped records, with no DIPGRAPH_* set."""
    (tmp_path / "data").symlink_to(DATA)
    monkeypatch.chdir(tmp_path)
    for name in ("DIPGRAPH_DATA", "DIPGRAPH_HOME", "DIPGRAPH_TEXTS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _run(block: str) -> dict:
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    return namespace


def test_pipeline_example_runs(in_scratch_folder):
    namespace = _run(_python_blocks()[0])
    assert namespace["checked"].report.ok
    result = namespace["result"]
    assert (in_scratch_folder / "out" / "README.md").is_file()
    assert result.figures.written[0] == Path("out/figures/trajectories.png")
    measures = result.analysis.tables["measures"]
    assert {"window", "actor", "measure", "value"} <= set(measures.columns)
    assert (in_scratch_folder / "out" / "analysis" / "roles.csv").is_file()


def test_loader_example_runs_and_round_trips(in_scratch_folder):
    namespace = _run(_python_blocks()[1])
    assert namespace["report"].ok
    assert namespace["graph"].nodes["rasul-guliyev"]["aliases"] == [
        "Rasul Guliev",
        "Guliyev",
        "Guliev",
    ]
    assert namespace["records"].sides["karabakh-conflict"].sides == {
        "armenian": ["armenia", "nkr"],
        "azerbaijani": ["azerbaijan"],
    }
    assert nx.utils.graphs_equal(namespace["same"], namespace["graph"])


def test_two_setup_commands_are_the_ones_ci_runs():
    readme, ci = (ROOT / "README.md").read_text(), (ROOT / ".ci" / "run").read_text()
    commands = re.findall(
        r"```bash\n(.*?)\n```", readme.split("## Set-up")[1].split("## What")[0], re.S
    )
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install '.[dev]' && .venv/bin/dipgraph build",
        ".venv/bin/pytest",
    ]
    for command in commands:
        assert f"\n{command}\n" in ci


def test_the_build_summary_in_the_readme_is_what_the_records_give(tmp_path):
    """The README's leading mediators, line by line, are the analysis of the shipped
    records (so a change of the data or the method that moves them fails here)."""
    from dipgraph.pipeline import analyze_data, leading_mediators
    from dipgraph.settings import Settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("Leading mediator by mediation betweenness", 1)[1].split("Warnings:")[0]
    result = analyze_data(Settings(data=DATA), out=tmp_path)
    assert "Leading mediator by mediation betweenness" + shown == leading_mediators(result) + "\n"


def _walkthrough_script() -> str:
    section = (ROOT / "README.md").read_text().split("## Your own conflict")[1].split("\n## ")[0]
    return "set -euo pipefail\n" + "\n".join(re.findall(r"```bash\n(.*?)```", section, re.S))


def test_the_own_conflict_walkthrough_runs_as_written(tmp_path):
    """Every command of "Your own conflict", run by bash in an empty folder, as a new
    user pastes them; then what the section says they give."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPGRAPH_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    done = subprocess.run(
        ["bash", "-c", _walkthrough_script()],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "8 entities, 5 claims from 1 sources: no errors, 0 warning(s)" in lines
    assert "  2011: Northern League 1.00 (one source: talks-2011)" in lines
    shown = [line for line in lines if line.startswith("   2  [")][:4]
    section = (ROOT / "README.md").read_text().split("## Your own conflict")[1]
    assert all(line in section for line in shown)  # the output the README quotes
    corpus = tmp_path / "kelmar"
    assert (corpus / "out" / "talks-2011.html").is_file()
    assert (corpus / "out" / "figures" / "trajectories.png").is_file()
    draft = yaml.safe_load((corpus / "draft.yaml").read_text())
    assert [c["subject"] for c in draft["claims"]] == [
        "kelmar-dispute",
        "ana-ruiz",
        "varna-statement",
    ]
