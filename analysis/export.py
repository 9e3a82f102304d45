"""Write the graph for other tools, and read each format back.

============  ===============================================================
GraphML       for Gephi, yEd, igraph: node ``label`` is the display name and
              ``type`` the vocabulary label; lists are JSON strings, their keys
              listed in the graph attribute ``dipgraph_lists``
GEXF 1.3      for Gephi's timeline: ``mode="dynamic"``, ``timeformat="date"``,
              a ``<spell>`` per dated node and relationship (open ends omitted);
              the same span as integer ``start_year``/``end_year`` attributes,
              for readers that drop spells (Gephi Lite's graphology-gexf)
CSV           ``nodes.csv`` and ``edges.csv``, lists joined with ``|``
JSON          Cytoscape.js elements (``nx.cytoscape_data``)
HTML          the self-contained explorer (`dipgraph.analysis.explorer`)
============  ===============================================================

GraphML and GEXF stay well-formed XML whatever the values hold: a character XML 1.0
cannot carry (a control character other than tab, newline and carriage return, a
lone surrogate, U+FFFE or U+FFFF) is written as U+FFFD, the replacement character.
Validation refuses such characters in the records; this is the second line. A CSV
text cell that a spreadsheet would run as a formula starts with ``'``
(`dipgraph.loader.exports.spreadsheet_safe`).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from dipgraph.loader.exports import flat_frame

from .options import EXPORT_FORMATS

__all__ = [
    "read_gexf_summary",
    "read_graphml",
    "write_csv",
    "write_cytoscape",
    "write_gexf",
    "write_graph_exports",
    "write_graphml",
]

GEXF_NS = "http://gexf.net/1.3"
# Code points that XML 1.0 forbids (its Char production), whether escaped or not.
XML_INVALID = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write_graph_exports(
    graph: nx.MultiDiGraph,
    out: Path | str,
    *,
    formats: tuple[str, ...] = EXPORT_FORMATS,
    passages: dict[str, str] | None = None,
    sides: dict[str, dict[str, list[str]]] | None = None,
) -> list[Path]:
    """Write each asked format into ``out``; return the files written. The explorer
    shows ``passages`` (citation to cited text) beside their citations, and filters
    by conflict when ``sides`` (conflict -> side -> members) holds several."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in formats:
        if fmt == "graphml":
            written.append(write_graphml(graph, out / "dipgraph.graphml"))
        elif fmt == "gexf":
            written.append(write_gexf(graph, out / "dipgraph.gexf"))
        elif fmt == "csv":
            written += write_csv(graph, out)
        elif fmt == "json":
            written.append(write_cytoscape(graph, out / "dipgraph.cytoscape.json"))
        elif fmt == "html":
            from .explorer import write_explorer

            explorer = out / "explorer.html"
            written.append(write_explorer(graph, explorer, passages=passages, sides=sides))
        else:
            raise ValueError(
                f"unknown export format {fmt!r}: choose from {', '.join(EXPORT_FORMATS)}"
            )
    return written


def _drawn(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph without Source nodes (they are bibliography, cited by every element)."""
    return graph.subgraph(n for n, label in graph.nodes(data="label") if label != "Source")


def _xml_safe(value):
    r"""``value`` with every XML-invalid character of its text (names, lists and
    mappings included) replaced by U+FFFD.

    >>> _xml_safe({"name\x00": ["a\x01b", 3, "tab\tkept"]})
    {'name�': ['a�b', 3, 'tab\tkept']}
    """
    if isinstance(value, str):
        return XML_INVALID.sub("\ufffd", value)
    if isinstance(value, list):
        return [_xml_safe(v) for v in value]
    if isinstance(value, dict):
        return {_xml_safe(k): _xml_safe(v) for k, v in value.items()}
    return value


def _xml_drawn(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`_drawn`, every id, key, name and value fit for XML (`_xml_safe`)."""
    clean = nx.MultiDiGraph()
    for node, attrs in _drawn(graph).nodes(data=True):
        clean.add_node(_xml_safe(node), **_xml_safe(attrs))
    for u, v, key, attrs in _drawn(graph).edges(keys=True, data=True):
        clean.add_edge(_xml_safe(u), _xml_safe(v), key=_xml_safe(key))
        clean.edges[_xml_safe(u), _xml_safe(v), _xml_safe(key)].update(_xml_safe(attrs))
    return clean


# -- GraphML ------------------------------------------------------------------------------
def write_graphml(graph: nx.MultiDiGraph, path: Path) -> Path:
    out = nx.MultiDiGraph(dipgraph_lists="")
    lists: set[str] = set()
    drawn = _xml_drawn(graph)
    for node, attrs in drawn.nodes(data=True):
        flat = _flatten(attrs, lists)
        flat["type"], flat["label"] = flat.pop("label"), attrs.get("name", node)
        flat.pop("id", None)  # the node's GraphML id; igraph refuses a second "id"
        out.add_node(node, **flat)
    for u, v, key, attrs in drawn.edges(keys=True, data=True):
        out.add_edge(u, v, key=key)
        out.edges[u, v, key].update(_flatten(attrs, lists))
    out.graph["dipgraph_lists"] = json.dumps(sorted(lists))
    nx.write_graphml(out, path, named_key_ids=True)
    return path


def read_graphml(path: Path) -> nx.MultiDiGraph:
    """A GraphML written by `write_graphml`, with lists and labels restored."""
    raw = nx.read_graphml(path, force_multigraph=True)
    lists = set(json.loads(raw.graph.get("dipgraph_lists", "[]")))
    graph = nx.MultiDiGraph()
    for node, attrs in raw.nodes(data=True):
        attrs = _unflatten(attrs, lists)
        attrs.pop("label", None)
        graph.add_node(node, label=attrs.pop("type"), id=node, **attrs)
    for u, v, key, attrs in raw.edges(keys=True, data=True):
        graph.add_edge(u, v, key=key)
        graph.edges[u, v, key].update(_unflatten(attrs, lists))
    return graph


def _flatten(attrs: dict, lists: set) -> dict:
    flat = {}
    for name, value in attrs.items():
        if isinstance(value, list):
            lists.add(name)
            value = json.dumps(value, ensure_ascii=False)
        flat[name] = value
    return flat


def _unflatten(attrs: dict, lists: set) -> dict:
    return {k: json.loads(v) if k in lists else v for k, v in attrs.items()}


# -- GEXF 1.3 -------------------------------------------------------------------------------
def write_gexf(graph: nx.MultiDiGraph, path: Path) -> Path:
    drawn = _xml_drawn(graph)
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "dipgraph"
    ET.SubElement(meta, "description").text = "Sourced records of diplomatic mediation"
    body = ET.SubElement(
        root, "graph", {"mode": "dynamic", "defaultedgetype": "directed", "timeformat": "date"}
    )
    spans = {node: _node_span(drawn, node, attrs) for node, attrs in drawn.nodes(data=True)}
    node_keys = _attribute_keys(
        _gexf_node(attrs, spans[node]) for node, attrs in drawn.nodes(data=True)
    )
    edge_keys = _attribute_keys(
        _gexf_edge(attrs) for *_, attrs in drawn.edges(keys=True, data=True)
    )
    _declare(body, "node", node_keys)
    _declare(body, "edge", edge_keys)
    nodes = ET.SubElement(body, "nodes")
    for node, attrs in drawn.nodes(data=True):
        element = ET.SubElement(nodes, "node", {"id": node, "label": attrs.get("name", node)})
        _values(element, _gexf_node(attrs, spans[node]), node_keys)
        _spells(element, spans[node])
    edges = ET.SubElement(body, "edges")
    for u, v, key, attrs in drawn.edges(keys=True, data=True):
        element = ET.SubElement(
            edges, "edge", {"id": key, "source": u, "target": v, "label": attrs["type"]}
        )
        _values(element, _gexf_edge(attrs), edge_keys)
        _spells(element, attrs)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


def _gexf_node(attrs: dict, span: dict) -> dict:
    """A node's attributes for GEXF: the display label is the name (the element's
    ``label``), so the vocabulary label is ``type``, as in the GraphML; its spell's
    years as numbers."""
    shown = {k: v for k, v in attrs.items() if k != "label"}
    typed = {"type": attrs["label"], **shown} if "label" in attrs else shown
    return {**typed, **_span_years(span)}


def _gexf_edge(attrs: dict) -> dict:
    """An edge's attributes for GEXF: the stable key is the edge's ``id``; an attribute
    named ``key`` would collide with readers' own (networkx's ``add_edge(key=...)``)."""
    return {**{k: v for k, v in attrs.items() if k != "key"}, **_span_years(attrs)}


def _span_years(span: dict) -> dict[str, int]:
    """``start_year`` and ``end_year`` of a spell, where known: Gephi Lite drops spells
    but filters on a numeric attribute's range."""
    return {
        name: int(span[end][:-6])  # the year of an ISO date, BCE (-0500-01-01) included
        for name, end in (("start_year", "earliest"), ("end_year", "latest"))
        if span.get(end)
    }


def _attribute_keys(rows) -> dict[str, str]:
    keys: dict[str, str] = {}
    for attrs in rows:
        for name, value in attrs.items():
            kind = (
                "boolean"
                if isinstance(value, bool)
                else "integer"
                if isinstance(value, int)
                else "string"
            )
            keys.setdefault(name, kind)
    return dict(sorted(keys.items()))


def _declare(body: ET.Element, cls: str, keys: dict[str, str]) -> None:
    block = ET.SubElement(body, "attributes", {"class": cls, "mode": "static"})
    for name, kind in keys.items():
        ET.SubElement(block, "attribute", {"id": name, "title": name, "type": kind})


def _values(element: ET.Element, attrs: dict, keys: dict[str, str]) -> None:
    block = ET.SubElement(element, "attvalues")
    for name in keys:
        if name in attrs:
            value = attrs[name]
            text = (
                "|".join(map(str, value))
                if isinstance(value, list)
                else str(value).lower()
                if isinstance(value, bool)
                else str(value)
            )
            ET.SubElement(block, "attvalue", {"for": name, "value": text})


def _spells(element: ET.Element, attrs: dict) -> None:
    if attrs.get("earliest") is None and attrs.get("latest") is None:
        return  # undated: present throughout
    spell = {k: attrs[v] for k, v in (("start", "earliest"), ("end", "latest")) if attrs.get(v)}
    ET.SubElement(ET.SubElement(element, "spells"), "spell", spell)


def _node_span(graph: nx.MultiDiGraph, node: str, attrs: dict) -> dict:
    """A node's time for Gephi's timeline: its own, widened to every relationship that
    touches it (a one-day ceasefire node would hide the months-long links to it), and
    none at all (present throughout) when it or one of them is undated."""
    spans = [attrs, *(a for *_, a in graph.in_edges(node, data=True))]
    spans += [a for *_, a in graph.out_edges(node, data=True)]
    if any(s.get("earliest") is None and s.get("latest") is None for s in spans):
        return {}
    starts, ends = [s.get("earliest") for s in spans], [s.get("latest") for s in spans]
    return {
        "earliest": None if None in starts else min(starts),
        "latest": None if None in ends else max(ends),
    }


def read_gexf_summary(path: Path) -> dict:
    """Counts and spells of a GEXF file, read with the standard XML parser."""
    root = ET.parse(path).getroot()
    ns = {"g": GEXF_NS}
    graph = root.find("g:graph", ns)
    if graph is None:
        raise ValueError(f"{path}: no <graph> element: not a GEXF 1.3 file")
    edges = graph.findall("g:edges/g:edge", ns)
    return {
        "version": root.get("version"),
        "mode": graph.get("mode"),
        "timeformat": graph.get("timeformat"),
        "nodes": len(graph.findall("g:nodes/g:node", ns)),
        "edges": len(edges),
        "spells": {
            e.get("id"): [s.attrib for s in e.findall("g:spells/g:spell", ns)] for e in edges
        },
        "node_spells": {
            n.get("id"): [s.attrib for s in n.findall("g:spells/g:spell", ns)]
            for n in graph.findall("g:nodes/g:node", ns)
        },
        "ends": {e.get("id"): (e.get("source"), e.get("target")) for e in edges},
        "edge_values": {
            e.get("id"): {
                a.get("for"): a.get("value") for a in e.findall("g:attvalues/g:attvalue", ns)
            }
            for e in edges
        },
    }


# -- CSV and Cytoscape.js --------------------------------------------------------------------
def write_csv(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Node and edge tables in Gephi's spreadsheet-import layout: nodes ``Id, Label``
    (the name), edges ``Source, Target, Type`` (Directed), ``Id`` (the stable key) and
    ``Label``; the vocabulary label is ``type`` on nodes and ``relationship`` on edges.
    Gephi reads an edge column ``Type`` as the direction and ``Kind`` as the kind of a
    parallel edge, so the relationship type and a support's kind get other names."""
    drawn = _drawn(graph)
    nodes, edges = out / "nodes.csv", out / "edges.csv"
    flat_frame([_csv_node(n, a) for n, a in drawn.nodes(data=True)]).to_csv(nodes, index=False)
    rows = [_csv_edge(u, v, a) for u, v, a in drawn.edges(data=True)]
    flat_frame(rows).to_csv(edges, index=False)
    return [nodes, edges]


def _csv_node(node: str, attrs: dict) -> dict:
    rest = {k: v for k, v in attrs.items() if k not in ("label", "name")}
    return {"Id": node, "Label": attrs.get("name", node), "type": attrs.get("label"), **rest}


def _csv_edge(source: str, target: str, attrs: dict) -> dict:
    rest = {k: v for k, v in attrs.items() if k not in ("key", "type", "kind")}
    head = {"Source": source, "Target": target, "Type": "Directed", "Id": attrs["key"]}
    kind = {"support_kind": attrs["kind"]} if "kind" in attrs else {}
    return {**head, "Label": attrs["type"], "relationship": attrs["type"], **kind, **rest}


def write_cytoscape(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Cytoscape JSON: a node's ``label`` is its name (what Cytoscape captions by) and
    its vocabulary label is ``type``; an edge's ``id`` is its stable key (cytoscape.js
    invents a new one on every load otherwise)."""
    data = nx.cytoscape_data(_drawn(graph).copy())
    for node in data["elements"]["nodes"]:
        attrs = node["data"]
        attrs["type"], attrs["label"] = attrs.pop("label", None), attrs.get("name", attrs["id"])
    for edge in data["elements"]["edges"]:
        edge["data"]["id"] = edge["data"]["key"]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
