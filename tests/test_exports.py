"""Every export format read back: counts and a sample of attributes."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from support import DATA

from dipgraph.analysis.export import read_gexf_summary, read_graphml, write_graph_exports
from dipgraph.cli import cli
from dipgraph.loader import build_networkx, check_records, graph_rows


@pytest.fixture(scope="module")
def graph():
    return build_networkx(graph_rows(check_records(DATA)[0]))


@pytest.fixture(scope="module")
def drawn(graph):
    return graph.subgraph(n for n, label in graph.nodes(data="label") if label != "Source")


@pytest.fixture(scope="module")
def out(graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    write_graph_exports(graph, out, formats=("graphml", "gexf", "csv", "json"))
    return out


def guliyev_signed(graph) -> str:
    return next(
        k
        for u, v, k, t in graph.edges(keys=True, data="type")
        if u == "rasul-guliyev" and t == "SIGNED"
    )


def test_graphml_round_trips_exactly(out, drawn):
    back = read_graphml(out / "dipgraph.graphml")
    assert nx.utils.graphs_equal(back, nx.MultiDiGraph(drawn))


def test_graphml_is_gephi_friendly(out):
    raw = nx.read_graphml(out / "dipgraph.graphml", force_multigraph=True)
    assert raw.nodes["rasul-guliyev"]["label"] == "Rasul Guliyev"  # Gephi shows "label"
    assert raw.nodes["rasul-guliyev"]["type"] == "Person"
    assert json.loads(raw.nodes["rasul-guliyev"]["aliases"]) == [
        "Rasul Guliev",
        "Guliyev",
        "Guliev",
    ]


def test_gexf_has_dated_spells(out, drawn):
    summary = read_gexf_summary(out / "dipgraph.gexf")
    assert (summary["version"], summary["mode"], summary["timeformat"]) == (
        "1.3",
        "dynamic",
        "date",
    )
    assert (summary["nodes"], summary["edges"]) == (
        drawn.number_of_nodes(),
        drawn.number_of_edges(),
    )
    key = guliyev_signed(drawn)
    assert summary["spells"][key] == [{"start": "1994-05-08", "end": "1994-05-08"}]
    assert summary["edge_values"][key]["place"] == "baku"
    undated = next(k for *_, k, a in drawn.edges(keys=True, data=True) if a.get("time") is None)
    assert summary["spells"][undated] == []


def test_csv_rows_and_lists(out, drawn):
    with open(out / "edges.csv", encoding="utf-8") as handle:
        edges = list(csv.DictReader(handle))
    assert len(edges) == drawn.number_of_edges()
    # Gephi's import layout: Source, Target, Type (the direction), Id, Label.
    assert list(edges[0])[:5] == ["Source", "Target", "Type", "Id", "Label"]
    assert "kind" not in edges[0] and "Kind" not in edges[0]
    row = next(r for r in edges if r["Id"] == guliyev_signed(drawn))
    assert (row["Source"], row["Target"], row["Type"], row["Label"], row["time"]) == (
        "rasul-guliyev",
        "bishkek-protocol",
        "Directed",
        "SIGNED",
        "1994-05-08",
    )
    with open(out / "nodes.csv", encoding="utf-8") as handle:
        nodes = {r["Id"]: r for r in csv.DictReader(handle)}
    assert (nodes["rasul-guliyev"]["Label"], nodes["rasul-guliyev"]["type"]) == (
        "Rasul Guliyev",
        "Person",
    )
    support = next(r for r in edges if r["relationship"] == "SUPPORTED")
    assert support["support_kind"] in ("military", "diplomatic", "political", "economic")
    assert row["citations"] == "russia-initiatives@3660-3826|russia-initiatives@8201-8423"


def test_cytoscape_json_reads_back(out, drawn):
    back = nx.cytoscape_graph(json.loads((out / "dipgraph.cytoscape.json").read_text()))
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        drawn.number_of_nodes(),
        drawn.number_of_edges(),
    )
    assert back.nodes["kazan-summit-2011"]["time"] == "2011-06"
    guliyev = back.nodes["rasul-guliyev"]
    assert (guliyev["label"], guliyev["type"]) == ("Rasul Guliyev", "Person")


def test_cli_export_and_unknown_format(tmp_path):
    run = CliRunner().invoke(
        cli, ["--data", str(DATA), "export", "--format", "gexf", "--out", str(tmp_path)]
    )
    assert run.exit_code == 0, run.output
    assert run.stdout == f"Wrote 1 file(s) in {tmp_path / 'export'}/: dipgraph.gexf\n"
    bad = CliRunner().invoke(cli, ["--data", str(DATA), "export", "--format", "pdf"])
    assert bad.exit_code == 2 and "'pdf' is not one of" in bad.stderr


def test_cli_analyze_writes_tables_and_names_the_leaders(tmp_path):
    run = CliRunner().invoke(
        cli, ["--data", str(DATA), "analyze", "--window", "3y", "--out", str(tmp_path)]
    )
    assert run.exit_code == 0, run.output
    # Worked out from the records: Russia's dated acts (Sochi 1992, the 1993 start of its
    # mediation, Bishkek and the 1994 ceasefire, Primakov 1996, Meindorf 2008, Kazan
    # 2011, the 2020 ceasefires), the co-chairs' joint start in 1997, Newport 2014; no
    # dated mediation act in 1988-1990, 2000-2005 or 2015-2017.
    assert run.stdout.startswith(
        "Leading mediator by mediation betweenness (dated mediation acts, lenient dates):\n"
        "  1988-1990: no dated mediation act\n"
        "  1991-1993: Russia 1.00 (one source: russia-initiatives)\n"
        "  1994-1996: Russia 1.00 (one source: russia-initiatives)\n"
        "  1997-1999: France, Russia, United States 0.33 (one source: russia-initiatives)\n"
        "  2000-2005: no dated mediation act\n"
        "  2006-2008: Russia 1.00 (one source: karavayev-2016)\n"
        "  2009-2011: Russia 1.00\n"
        "  2012-2014: United States 1.00 (one source: russia-initiatives)\n"
        "  2015-2017: no dated mediation act\n"
        "  2018-2020: Russia 1.00\n"
    )
    assert run.stdout.endswith("(dates: lenient, level: state, mediation: acts)\n")
    with open(tmp_path / "analysis" / "roles.csv", encoding="utf-8") as handle:
        roles = list(csv.DictReader(handle))
    assert {r["dominant"] for r in roles if r["actor"] == "russia"} == {"mediator"}


def test_cli_analyze_bad_window_is_one_line(tmp_path):
    run = CliRunner().invoke(
        cli, ["--data", str(DATA), "analyze", "--window", "3 years", "--out", str(tmp_path)]
    )
    assert run.exit_code == 1
    assert run.stderr == "Error: window '3 years': expected a number of years such as 1y or 3y\n"


def test_analysis_from_the_database_equals_from_the_records(tmp_path):
    home = tmp_path / "store"
    assert (
        CliRunner().invoke(cli, ["--data", str(DATA), "load", "--home", str(home)]).exit_code == 0
    )
    from_records = CliRunner().invoke(
        cli, ["--data", str(DATA), "analyze", "--periods", "--out", str(tmp_path / "a")]
    )
    from_db = CliRunner().invoke(
        cli,
        [
            "--data",
            str(DATA),
            "analyze",
            "--periods",
            "--from-db",
            "--home",
            str(home),
            "--out",
            str(tmp_path / "b"),
        ],
    )
    assert from_records.exit_code == from_db.exit_code == 0
    # Equal up to float summation order (the database returns nodes in its own order).
    a, b = (pd.read_csv(tmp_path / run / "analysis" / "measures.csv") for run in ("a", "b"))
    keys = ["window", "actor", "measure"]
    pd.testing.assert_frame_equal(
        a.sort_values(keys, ignore_index=True), b.sort_values(keys, ignore_index=True), rtol=1e-9
    )


def test_networkx_reads_the_gexf(out, drawn, graph):
    # It raised TypeError: add_edge() got multiple values for keyword argument 'key',
    # from an edge attribute named "key"; the key is the edge's id.
    read = nx.read_gexf(out / "dipgraph.gexf")
    assert (read.number_of_nodes(), read.number_of_edges()) == (
        drawn.number_of_nodes(),
        drawn.number_of_edges(),
    )
    assert (read.nodes["rasul-guliyev"]["label"], read.nodes["rasul-guliyev"]["type"]) == (
        "Rasul Guliyev",
        "Person",
    )
    key = guliyev_signed(graph)
    edge = read.edges["rasul-guliyev", "bishkek-protocol", key]
    assert (edge["label"], edge["time"], edge["on_behalf_of"]) == (
        "SIGNED",
        "1994-05-08",
        "azerbaijan",
    )


def test_igraph_reads_the_graphml(out, drawn):
    import warnings

    import igraph

    with warnings.catch_warnings():
        # igraph warned "Could not add vertex ids" when nodes also had an "id" attribute.
        warnings.simplefilter("error")
        read = igraph.Graph.Read_GraphML(str(out / "dipgraph.graphml"))
    assert (read.vcount(), read.ecount()) == (drawn.number_of_nodes(), drawn.number_of_edges())
    guliyev = read.vs.find(id="rasul-guliyev")
    assert (guliyev["label"], guliyev["type"]) == ("Rasul Guliyev", "Person")
    signed = [e for e in read.es.select(_source=guliyev.index) if e["type"] == "SIGNED"]
    assert [(read.vs[e.target]["id"], e["time"]) for e in signed] == [
        ("bishkek-protocol", "1994-05-08")
    ]


def test_gexf_node_spells_cover_every_edge_that_touches_them(out):
    # Gephi's timeline hid the edges that outlast their ends: the May 1994 ceasefire
    # node lived one day while relationships to it ran for months.
    summary = read_gexf_summary(out / "dipgraph.gexf")
    nodes = summary["node_spells"]

    def covers(node_spells, spell):
        if not node_spells:
            return True  # present throughout
        [own] = node_spells
        starts_in_time = "start" not in own or own["start"] <= spell.get("start", "0000")
        return starts_in_time and ("end" not in own or spell.get("end", "9999") <= own["end"])

    for key, spells in summary["spells"].items():
        for end in summary["ends"][key]:
            assert all(covers(nodes[end], spell) for spell in spells), (key, end)
        if not spells:  # an undated relationship: its ends are present throughout
            assert all(nodes[end] == [] for end in summary["ends"][key]), key


def test_gexf_years_repeat_the_spells_for_readers_that_drop_them(out):
    # graphology-gexf (Gephi Lite) ignores <spells>; the numeric years carry the time.
    read = nx.read_gexf(out / "dipgraph.gexf")
    items = [*read.nodes(data=True), *((k, d) for *_, k, d in read.edges(keys=True, data=True))]
    dated = 0
    for name, attrs in items:
        spells = attrs.get("spells", [])
        # networkx gives a spell's missing end as None or as the text "None".
        years = [tuple(int(x[:4]) if x not in (None, "None") else None for x in s) for s in spells]
        assert [(attrs.get("start_year"), attrs.get("end_year"))] == (years or [(None, None)]), name
        dated += bool(spells)
    assert dated > 500
    assert read.nodes["kazan-summit-2011"]["start_year"] == 2011


def test_cli_export_quotes_the_passages_only_from_the_right_texts(tmp_path, seeds):
    args = ["--data", str(DATA), "export", "--format", "html", "--out", str(tmp_path)]
    wrong = CliRunner().invoke(cli, [*args, "--texts", str(tmp_path)])
    assert wrong.exit_code == 1
    assert wrong.stderr == (
        "Error: cannot show the cited passages: karavayev-2016: no file "
        f"'004_fad479459e164393.txt' in {tmp_path}\n"
    )
    assert not (tmp_path / "export" / "explorer.html").exists()
    run = CliRunner().invoke(cli, [*args, "--texts", str(seeds)])
    assert run.exit_code == 0, run.output
    page = (tmp_path / "export" / "explorer.html").read_text(encoding="utf-8")
    # Guliyev's passage (russia-initiatives, characters 3660-3919), read from the seed.
    passage = (seeds / "001_392085007d96450f.txt").read_text(encoding="utf-8")[3660:3919]
    data = json.loads(page.split('id="dipgraph-data">')[1].split("</script>")[0])
    assert data["passages"]["russia-initiatives@3660-3919"] == passage


def test_cli_analyze_keeps_the_old_reading_of_mediation_behind_an_option(tmp_path):
    run = CliRunner().invoke(
        cli,
        ["--data", str(DATA), "analyze", "--mediation", "all", "--dates", "strict",
         "--window", "5y", "--out", str(tmp_path)],
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    # With sustained roles counted, the Minsk Group's mediation of 1992-2020 (remler-2020)
    # makes its three co-chairs brokers of every window, certain or not.
    assert run.stdout.splitlines()[:5] == [
        "Leading mediator by mediation betweenness (all mediation, strict dates):",
        "  1988-1992: Russia 1.00 (one source: russia-initiatives)",
        "  1993-1997: Russia 1.00",
        "  1998-2002: France, Russia, United States 0.33 [lenient 0.11] (one source: remler-2020)",
        "  2003-2007: France, Russia, United States 0.33 [lenient 0.11] (one source: remler-2020)",
    ]
