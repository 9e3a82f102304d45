"""The exports in the JavaScript readers users' tools use, run under Node.

Gephi Lite reads GEXF with graphology-gexf; Cytoscape's web and desktop apps load
Cytoscape JSON with cytoscape.js. tests/js/package.json pins them (from the npm
registry); the first run installs them with ``npm ci``. Without Node and npm the
tests skip, saying so, except under .ci/run (DIPGRAPH_REQUIRE_JS=1), where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from support import DATA, ROOT

from dipgraph.analysis.export import write_graph_exports
from dipgraph.loader import build_networkx, check_records, graph_rows

JS = ROOT / "tests" / "js"


def _unavailable(reason: str):
    if os.environ.get("DIPGRAPH_REQUIRE_JS"):
        pytest.fail(f"the JavaScript readers are required here: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def node_modules():
    if not shutil.which("node") or not shutil.which("npm"):
        _unavailable("Node.js and npm are not installed")
    if not (JS / "node_modules").is_dir():
        install = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(JS)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if install.returncode:
            _unavailable(f"npm ci failed: {install.stderr.strip()[-300:]}")
    return JS / "node_modules"


@pytest.fixture(scope="module")
def graph():
    return build_networkx(graph_rows(check_records(DATA)[0]))


@pytest.fixture(scope="module")
def read(graph, node_modules, tmp_path_factory):
    """What graphology-gexf and cytoscape.js make of Guliyev and his signature."""
    out = tmp_path_factory.mktemp("js")
    write_graph_exports(graph, out, formats=("gexf", "json"))
    key = next(
        k
        for u, _, k, t in graph.edges(keys=True, data="type")
        if u == "rasul-guliyev" and t == "SIGNED"
    )
    files = [str(next(out.rglob(pattern))) for pattern in ("*.gexf", "*.cytoscape.json")]
    run = subprocess.run(
        ["node", str(JS / "read_exports.js"), *files, "rasul-guliyev", key],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(run.stdout)


def _counts(graph) -> tuple[int, int]:
    drawn = graph.subgraph(n for n, label in graph.nodes(data="label") if label != "Source")
    return drawn.number_of_nodes(), drawn.number_of_edges()


@pytest.mark.parametrize("reader", ["gexf", "cytoscape"])
def test_every_node_and_edge_arrives(read, graph, reader):
    assert (read[reader]["nodes"], read[reader]["edges"]) == _counts(graph)


@pytest.mark.parametrize("reader", ["gexf", "cytoscape"])
def test_a_node_is_captioned_by_its_name_and_keeps_its_type(read, reader):
    # They captioned every node by its type ("Person") before: label was the type.
    node = read[reader]["node"]
    assert (node["label"], node["type"]) == ("Rasul Guliyev", "Person")


def test_an_edge_keeps_its_id_type_and_time(read):
    # Guliyev signed the Bishkek Protocol in Baku on 8 May 1994 (russia-initiatives).
    gexf, cyto = read["gexf"]["edge"], read["cytoscape"]["edge"]
    assert (gexf["label"], gexf["time"], gexf["place"]) == ("SIGNED", "1994-05-08", "baku")
    # graphology-gexf drops <spells>; Gephi Lite can still filter on numeric years.
    assert (gexf["start_year"], gexf["end_year"]) == (1994, 1994)
    assert (cyto["type"], cyto["time"], cyto["source"], cyto["target"]) == (
        "SIGNED",
        "1994-05-08",
        "rasul-guliyev",
        "bishkek-protocol",
    )
