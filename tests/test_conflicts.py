"""Several conflicts in one corpus: each is analysed and drawn on its own part of the
graph (`dipgraph.analysis.scope`), into a folder named after it."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from click.testing import CliRunner
from test_explorer import _load, counts, driver  # noqa: F401 (a fixture, used by name)

from dipgraph.analysis.scope import conflict_graph
from dipgraph.cli import cli

S = "cite: [{source: demo, span: [0, 4]}]"
C = "cite: [{span: [0, 4]}]"
# The demo's Ruritania and Freedonia fight one war, mediated by Carol Poe (Peace Office)
# in 1994; Sylvania and Borduria another, whose 1996 talks Carol Poe and Dan Dee
# (Mediation Council) mediate.
SECOND_WAR_ENTITIES = f"""\
- {{id: ruritania-war, label: Conflict, name: Ruritanian war, time: 1993/1997, {S}}}
- {{id: sylvania-war, label: Conflict, name: Sylvanian war, time: 1995/1997, {S}}}
- {{id: sylvania, label: State, name: Sylvania, status: recognized, {S}}}
- {{id: borduria, label: State, name: Borduria, status: recognized, {S}}}
- {{id: dan-dee, label: Person, name: Dan Dee, {S}}}
- {{id: mediation-council, label: Organization, name: Mediation Council, kind: agency, {S}}}
- {{id: sylvania-talks, label: Event, name: Sylvanian talks, kind: talks, time: 1996-03, {S}}}
"""
SECOND_WAR_CLAIMS = f"""\
  - {{subject: ruritania, predicate: ATTENDED, object: example-talks, {C}}}
  - {{subject: freedonia, predicate: ATTENDED, object: example-talks, {C}}}
  - {{subject: sylvania, predicate: ATTENDED, object: sylvania-talks, {C}}}
  - {{subject: borduria, predicate: ATTENDED, object: sylvania-talks, {C}}}
  - {{subject: dan-dee, predicate: MEDIATED, object: sylvania-talks, {C}}}
  - {{subject: carol-poe, predicate: MEDIATED, object: sylvania-talks, {C}}}
  - {{subject: dan-dee, predicate: HELD_POSITION, object: mediation-council, title: Envoy, {C}}}
"""
SIDES = """\
ruritania-war:
  ruritanian: [ruritania]
  freedonian: [freedonia]
sylvania-war:
  sylvanian: [sylvania]
  bordurian: [borduria]
"""


@pytest.fixture
def two_wars(demo):
    with (demo / "entities" / "demo.yaml").open("a", encoding="utf-8") as f:
        f.write(SECOND_WAR_ENTITIES)
    with (demo / "claims" / "demo.yaml").open("a", encoding="utf-8") as f:
        f.write(SECOND_WAR_CLAIMS)
    (demo / "sides.yaml").write_text(SIDES, encoding="utf-8")
    return demo


def _actors(path) -> set[str]:
    with path.open(encoding="utf-8") as f:
        return {row["actor"] for row in csv.DictReader(f)}


def test_build_analyses_and_draws_each_conflict_in_its_own_folder(two_wars):
    out = two_wars.parent / "out"
    result = CliRunner().invoke(cli, ["build", "--home", "store", "--out", out])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[3:11] == [
        "Conflict ruritania-war:",
        "Leading mediator by mediation betweenness (dated mediation acts, lenient dates):",
        "  1993: no dated mediation act",
        "  1994: Peace Office 1.00 (one source: demo)",
        "Conflict sylvania-war:",
        "Leading mediator by mediation betweenness (dated mediation acts, lenient dates):",
        "  1995: no dated mediation act",
        "  1996: Mediation Council, Peace Office 0.50 (one source: demo)",
    ]
    # Each conflict's tables hold its own actors; the Peace Office mediates in both.
    analysis = out / "analysis"
    assert _actors(analysis / "ruritania-war" / "measures.csv") == {
        "ruritania",
        "freedonia",
        "peace-office",
    }
    assert _actors(analysis / "sylvania-war" / "measures.csv") == {
        "sylvania",
        "borduria",
        "peace-office",
        "mediation-council",
    }
    for war in ("ruritania-war", "sylvania-war"):
        for table in ("measures", "roles", "transitions", "sensitivity"):
            assert (analysis / war / f"{table}.csv").is_file()
        for figure in ("trajectories", "heatmap"):
            for suffix in ("png", "svg", "pdf"):
                assert (out / "figures" / war / f"{figure}.{suffix}").is_file()
    assert not (analysis / "measures.csv").exists()
    # Each figure names its conflict in the caption (SVG keeps the text as text).
    svg = (out / "figures" / "sylvania-war" / "heatmap.svg").read_text()
    assert "Conflict: Sylvanian war (only its events, documents and formats)." in svg


def test_analyze_one_conflict_by_its_id(two_wars):
    out = two_wars.parent / "out"
    result = CliRunner().invoke(cli, ["analyze", "--conflict", "sylvania-war", "--out", out])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Conflict sylvania-war:"
    assert sorted(p.name for p in (out / "analysis").iterdir()) == ["sylvania-war"]


def test_an_unknown_conflict_is_named_with_a_hint(two_wars):
    result = CliRunner().invoke(cli, ["analyze", "--conflict", "sylvania", "--out", "out"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: no conflict 'sylvania' in sides.yaml (it describes: ruritania-war, "
        "sylvania-war) (did you mean sylvania-war?)\n"
    )


def _graph(nodes: dict[str, str], edges: list[tuple]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((node, {"label": label}) for node, label in nodes.items())
    for source, kind, target, *extra in edges:
        graph.add_edge(source, target, type=kind, **(extra[0] if extra else {}))
    return graph


NODES = {
    "a": "State", "b": "State", "x": "State", "ru": "State", "amb": "Person",
    "mfa": "Organization", "war": "Conflict", "other-war": "Conflict",
    "talks": "Event", "doc": "Agreement", "group": "Format", "summit": "Event",
}  # fmt: skip
# Each row: the edges of a graph with NODES, and the items kept in "war"'s part,
# worked out from the module's rules by hand.
SCOPE_CASES = {
    "a side member attends": ([("a", "ATTENDED", "talks")], {"talks"}),
    "another conflict's member": ([("x", "ATTENDED", "talks")], set()),
    "linked to the conflict": ([("talks", "PART_OF", "war")], {"talks"}),
    "a person on a member's behalf": (
        [("amb", "SIGNED", "doc", {"on_behalf_of": "b"})],
        {"doc"},
    ),
    "a person holding office in a member's ministry": (
        [("mfa", "PART_OF", "a"), ("amb", "HELD_POSITION", "mfa"), ("amb", "ATTENDED", "talks")],
        {"talks"},
    ),
    "what a kept event produced, and a document based on it": (
        [("a", "ATTENDED", "talks"), ("talks", "RESULTED_IN", "doc"), ("group", "BASED_ON", "doc")],
        {"talks", "doc", "group"},
    ),
    "the talks that produced a kept document": (
        [("a", "SIGNED", "doc"), ("talks", "RESULTED_IN", "doc")],
        {"talks", "doc"},
    ),
    "not what a kept event is part of": (
        [("a", "ATTENDED", "talks"), ("talks", "PART_OF", "summit")],
        {"talks"},
    ),
    "a mediator alone does not bring an item in": ([("ru", "MEDIATED", "talks")], set()),
}


@pytest.mark.parametrize(("edges", "kept"), SCOPE_CASES.values(), ids=SCOPE_CASES)
def test_a_conflicts_part_keeps_the_items_that_concern_it(edges, kept):
    scoped = conflict_graph(_graph(NODES, edges), "war", {"one": ["a"], "two": ["b"]})
    items = {
        n for n, label in scoped.nodes(data="label") if label in ("Event", "Agreement", "Format")
    }
    assert items == kept
    # Every actor stays; of the conflicts, only this one.
    assert {"a", "b", "x", "ru", "amb", "mfa", "war"} <= set(scoped)
    assert "other-war" not in scoped


def test_the_explorer_filters_by_conflict_in_chromium(two_wars, driver):  # noqa: F811 (the imported fixture)
    """All 16 entities and 12 relationships; Sylvania's war alone: its talks with the two
    attendees and the two mediators, their offices, plus what has no relationship
    (the Exampleton place, the Sylvanian war): 9 nodes, 6 relationships."""
    from selenium.webdriver.support.ui import Select

    out = two_wars.parent / "out"
    result = CliRunner().invoke(cli, ["export", "--format", "html", "--out", out])
    assert result.exit_code == 0, result.output
    page = _load(driver, (out / "export" / "explorer.html").as_uri(), (1400, 900))
    assert counts(page) == (16, 12)
    Select(page.find_element("id", "conflict")).select_by_value("sylvania-war")
    assert counts(page) == (9, 6)
    Select(page.find_element("id", "conflict")).select_by_value("")
    assert counts(page) == (16, 12)


def test_the_explorer_of_one_conflict_has_no_conflict_filter(demo):
    from dipgraph.analysis.explorer import explorer_payload
    from dipgraph.loader import build_networkx, check_records, graph_rows

    records, _ = check_records(demo)
    payload = explorer_payload(
        build_networkx(graph_rows(records)), sides={"war": {"a": ["ruritania"]}}
    )
    assert payload["conflicts"] == [] and "conflicts" not in payload["nodes"][0]
