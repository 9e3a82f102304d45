"""The README's examples run as written."""

from __future__ import annotations

import re

import networkx as nx
from support import DATA, ROOT


def test_python_example_runs_and_round_trips(tmp_path, monkeypatch):
    block = re.search(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    (tmp_path / "data").symlink_to(DATA)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["report"].ok
    assert namespace["graph"].nodes["rasul-guliyev"]["aliases"] == [
        "Rasul Guliev",
        "Guliyev",
        "Guliev",
    ]
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
