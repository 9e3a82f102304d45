"""The shape of the code: imports flow one way, every module imports on its own, the
command runs as a module, and no function is too long to read in one sitting.

The layers, top to bottom: the CLI, the pipeline, analysis and cypher (which never
import each other), the loader, and errors and settings. Imports inside functions
count like the others.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import networkx as nx
import pytest
from support import ROOT, project_modules

MODULES = project_modules()
RUN_ON_IMPORT = {"dipgraph.__main__", "dipgraph.cli.__main__"}  # they run the command

LAYERS = {  # a module may import only from a lower layer, or within its own package
    "dipgraph.cli": 4,
    "dipgraph.__main__": 4,
    "dipgraph.pipeline": 3,
    "dipgraph.curation": 3,
    "dipgraph.analysis": 2,
    "dipgraph.cypher": 2,
    "dipgraph.loader": 1,
    "dipgraph.errors": 0,
    "dipgraph.settings": 0,
    "dipgraph": 0,
}
MAX_BODY_LINES = 60
PYTHON_FOLDERS = ("src", "loader", "analysis", "cypher", "tests", "benchmarks", "docs", ".ci")


def _path(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin, module
    return Path(spec.origin)


def _is_package(module: str) -> bool:
    return _path(module).name == "__init__.py"


def _imports(module: str) -> set[str]:
    """The project modules ``module`` imports anywhere in its body."""
    found: set[str] = set()
    package = module if _is_package(module) else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(_path(module).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            named = {f"{base}.{alias.name}" for alias in node.names} & set(MODULES)
            # "from . import a, b" imports the modules a and b, not the package itself
            found.update(named or {base})
    return {name for name in found if name in MODULES and name != module}


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = ".".join(parts[: len(parts) - node.level + 1])
    return f"{base}.{node.module}" if node.module else base


def _layer(module: str) -> tuple[int, str]:
    """The module's layer, and the package that is its home within the layer."""
    for prefix, layer in LAYERS.items():
        if module == prefix or module.startswith(prefix + "."):
            return layer, "dipgraph.cli" if prefix == "dipgraph.__main__" else prefix
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


@pytest.fixture(scope="module")
def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    graph.add_edges_from((m, target) for m in MODULES for target in _imports(m))
    return graph


def test_the_import_graph_sees_the_imports_it_should(import_graph):
    """A check on the checker: edges we know exist, function-level ones included."""
    assert import_graph.has_edge("dipgraph.cli.main", "dipgraph.cli.records")
    assert import_graph.has_edge("dipgraph.cli.records", "dipgraph.pipeline")  # in a function
    assert import_graph.has_edge("dipgraph.loader.load", "dipgraph.loader.statements")
    assert import_graph.has_edge("dipgraph.analysis.job", "dipgraph.analysis.measures")


def test_no_import_cycle(import_graph):
    cycles = [sorted(c) for c in nx.strongly_connected_components(import_graph) if len(c) > 1]
    assert cycles == []


def test_imports_flow_down_the_layers(import_graph):
    upward = []
    for source, target in import_graph.edges:
        (low, home), (high, there) = _layer(source), _layer(target)
        if high > low or (high == low and home != there):
            upward.append(f"{source} -> {target}")
    assert upward == []


def test_command_modules_never_import_each_other(import_graph):
    commands = [m for m in MODULES if m.startswith("dipgraph.cli.")]
    shared = {"dipgraph.cli.options"}
    entries = {"dipgraph.cli", "dipgraph.cli.main", "dipgraph.cli.__main__"}  # they gather
    crossing = [
        (a, b)
        for a in commands
        for b in import_graph.successors(a)
        if b in commands and b not in shared and a not in entries
    ]
    assert crossing == []


def _import_alone(module: str) -> tuple[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True
    )
    return module, done.stderr.strip().splitlines()[-1] if done.returncode else ""


def test_every_module_imports_alone_in_a_fresh_interpreter():
    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = dict(pool.map(_import_alone, sorted(set(MODULES) - RUN_ON_IMPORT)))
    assert {m: e for m, e in failures.items() if e} == {}


@pytest.mark.parametrize("module", ["dipgraph", "dipgraph.cli"])
def test_python_dash_m_runs_the_command(module):
    done = subprocess.run(
        [sys.executable, "-m", module, "--help"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("Usage: dipgraph [OPTIONS] COMMAND [ARGS]...\n")
    assert re.search(r"^  build +The main job", done.stdout, re.M)


def test_a_top_level_folder_is_not_a_second_package():
    """loader/, analysis/ and cypher/ install as dipgraph.loader, ...; imported by their
    folder name from the repository root, every class would exist twice."""
    done = subprocess.run(
        [sys.executable, "-c", "import analysis.timeline"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "ImportError: import this folder as dipgraph.analysis, not analysis "
        "(pip install -e . makes it importable)"
    )


def _long_functions(source: str) -> list[str]:
    """``name (line): N lines`` for each function whose body is over the limit."""
    long = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = (node.end_lineno or node.lineno) - node.body[0].lineno + 1
            if lines > MAX_BODY_LINES:
                long.append(f"{node.name} ({node.lineno}): {lines} lines")
    return long


def test_no_function_body_is_longer_than_60_lines():
    """Counted from the first line after the signature (the docstring included)."""
    files = sorted(p for folder in PYTHON_FOLDERS for p in (ROOT / folder).rglob("*.py"))
    assert len(files) > 40
    found = [
        f"{path.relative_to(ROOT)}: {long}"
        for path in files
        for long in _long_functions(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_length_check_counts_docstrings_and_nested_bodies():
    body = "\n".join(f"    x{i} = {i}" for i in range(59))
    assert _long_functions(f'def f():\n    """Doc."""\n{body}\n') == []
    nested = f'class C:\n    def f(self):\n        """Doc."""\n{body.replace("    ", "        ")}\n        return 1\n'
    assert _long_functions(nested) == ["f (2): 61 lines"]
