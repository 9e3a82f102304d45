"""A self-contained HTML explorer of the graph: one file, its data inline, no network.

`explorer_payload` turns the graph that `dipgraph.loader.build_networkx` returns into
plain JSON (node positions computed here, with a fixed seed); `write_explorer` puts
that JSON, the stylesheet and the script from ``explorer_assets/`` into one page that
works from a file:// URL.

Nothing the records hold can run in the page: the script puts every name, note,
alias, title and passage into the page as text, never as HTML; the data sits in a
JSON script element that no ``</script>`` can close; and only an ``http(s)`` address
or a DOI (as ``https://doi.org/…``) becomes a link (`source_links`); a ``javascript:``
or ``data:`` URL, or one with no scheme, is shown as plain text.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="State", name="A", citations=["s@0-5"], locators=["para 1"])
>>> g.add_node("b", label="Person", name="B")
>>> g.add_node("s", label="Source", title="A chronicle")
>>> g.add_edge("b", "a", key="k1", type="MEMBER_OF", earliest="1994-01-01")
'k1'
>>> p = explorer_payload(g)
>>> [n["id"] for n in p["nodes"]], p["edges"][0]["from"], p["edges"][0]["to"]
(['a', 'b'], 1994, None)
>>> p["sources"]["s"]["title"], p["years"]
('A chronicle', [1994, 1994])
"""

from __future__ import annotations

import html
import json
import re
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote, urlsplit

import networkx as nx

from dipgraph.loader.vocabulary import (
    LABELS,
    RELATIONSHIP_FAMILIES,
    RELATIONSHIPS,
    SOURCE_LABEL,
)

from .scope import conflicts_of

__all__ = ["explorer_html", "explorer_payload", "script_json", "source_links", "write_explorer"]

WIDTH, HEIGHT, MARGIN = 1000, 700, 30

LABEL_COLORS = {
    "State": "#3b6fb6",
    "Organization": "#ef8a17",
    "Format": "#d1495b",
    "Person": "#2a9d8f",
    "Event": "#5aa35a",
    "Agreement": "#e0b100",
    "Place": "#a77bb5",
    "Conflict": "#7a4a2a",
    "Period": "#9a9a9a",
    "Provision": "#b8860b",  # as in the Neo4j Browser style
}
# One Okabe-Ito colour per relationship family: the seven stay apart (CAM02-UCS
# distance above 10) under simulated deuteranopia, protanopia and tritanopia.
FAMILY_COLORS = {
    "mediation": "#0072B2",  # blue
    "stance": "#D55E00",  # vermillion
    "documents": "#E69F00",  # orange
    "participation": "#CC79A7",  # reddish purple
    "office": "#009E73",  # bluish green
    "force": "#000000",  # black
    "structure": "#56B4E9",  # sky blue
}
OTHER_FAMILY = ("other", "Types outside the vocabulary", "#999999")
FALLBACK_COLORS = ("#17becf", "#bcbd22", "#7f7f7f", "#8c564b", "#9467bd")  # other labels
# Source attributes worth showing; sha256 and chars only matter to the loader.
SOURCE_DETAILS = ("title", "authors", "publisher", "published", "url", "doi", "file", "note")

ASSETS = files("dipgraph.analysis") / "explorer_assets"
# A DOI, bare or as "doi:…" or a doi.org address: "10.", a registrant code, "/", a suffix.
DOI = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.[0-9]{4,9}/\S+)", re.I)
WEB_SCHEMES = ("http", "https")


def web_address(text: str) -> str | None:
    """``text`` if it is an absolute ``http(s)`` URL with a host, else None.

    A browser drops tabs and newlines from a URL and reads control characters
    loosely, so a URL holding any (or any space) is refused rather than cleaned.

    >>> web_address("https://example.org/a?b=1"), web_address(" HTTP://example.org ")
    ('https://example.org/a?b=1', 'HTTP://example.org')
    >>> [web_address(u) for u in ("javascript:alert(1)", "java\tscript:x", "//x.org", "x.html")]
    [None, None, None, None]
    """
    text = text.strip()
    if any(c.isspace() or not c.isprintable() for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:  # such as an unclosed IPv6 bracket
        return None
    return text if parts.scheme.lower() in WEB_SCHEMES and parts.hostname else None


def doi_address(text: str) -> str | None:
    """The doi.org address of a DOI written bare, as ``doi:…`` or as a doi.org URL.

    >>> doi_address("10.5771/9783748922339-06"), doi_address("doi:10.1000/a b")
    ('https://doi.org/10.5771/9783748922339-06', None)
    >>> doi_address("DOI: 10.1000/x<y>#z"), doi_address("javascript:10.1000/x")
    ('https://doi.org/10.1000/x%3Cy%3E%23z', None)
    """
    found = DOI.fullmatch(text.strip())
    if not found or not found.group(1).isprintable():
        return None
    return "https://doi.org/" + quote(found.group(1), safe="/:;()._-")


def source_links(source: dict) -> list[list[str | None]]:
    """What the page shows for a source's ``doi`` and ``url``: ``[text, address]`` pairs,
    the address None (plain text, no link) unless it is `web_address` or `doi_address`.

    A ``url`` that is only the DOI's doi.org address is not shown twice.

    >>> source_links({"doi": "10.1000/x", "url": "https://doi.org/10.1000/x"})
    [['doi:10.1000/x', 'https://doi.org/10.1000/x']]
    >>> source_links({"url": "javascript:alert(1)"}), source_links({"url": "doi:10.1000/y"})
    ([['javascript:alert(1)', None]], [['doi:10.1000/y', 'https://doi.org/10.1000/y']])
    """
    links: list[list[str | None]] = []
    doi = str(source["doi"]) if source.get("doi") else None
    if doi is not None:
        found = DOI.fullmatch(doi.strip())
        links.append([f"doi:{found.group(1)}" if found else doi, doi_address(doi)])
    url = str(source["url"]) if source.get("url") else None
    if url is None:
        return links
    as_doi = doi_address(url)
    if doi is None or as_doi is None or as_doi != doi_address(doi):
        links.append([url, web_address(url) or as_doi])
    return links


def _year(iso: str | None) -> int | None:
    """The year of an ISO date, BCE years (``-0500-01-01``) included."""
    return int(iso[:-6]) if iso else None


def _years(attrs: dict) -> dict:
    """The first and last year a relationship shows at. An unknown end (``1994-12/``,
    ``/2011-07``) is certain only at its known end, so it stops there; an open one
    (``..``) runs on (None)."""
    first, last = _year(attrs.get("earliest")), _year(attrs.get("latest"))
    if attrs.get("start_bound") == "unknown":
        first = last
    if attrs.get("end_bound") == "unknown":
        last = first
    return {"from": first, "to": last}


def _layout(graph: nx.MultiDiGraph, ids: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """Spring layout of the undirected simple graph, scaled into the canvas with a margin.

    Edges pull less the better connected their ends (weight 1/sqrt(deg u * deg v)), so
    hubs do not crush their neighbours into one blot. The largest connected component
    is laid out alone; the others are stacked beside it at the same scale."""
    simple = nx.Graph()
    simple.add_nodes_from(ids)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u in simple and v in simple)
    for u, v, d in simple.edges(data=True):
        d["weight"] = 4 / (simple.degree(u) * simple.degree(v)) ** 0.5
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    pos: dict[str, tuple[float, float]] = {}
    x0 = y = top = column = 0.0
    for i, component in enumerate(components):
        # A subgraph view lists its nodes in set order, which follows the hash seed; the
        # layout's random start follows node order, so build the component in sorted order.
        sub = nx.Graph()
        sub.add_nodes_from(component)
        sub.add_edges_from(simple.subgraph(component).edges(data=True))
        size = 2.0 if i == 0 else max(0.1, 2 * (len(component) / len(components[0])) ** 0.5)
        if i == 1:
            x0, y = max(x for x, _ in pos.values()) + 0.2, top
        elif i and y + size > top + 2.0:  # the column is full: start another
            x0, y, column = x0 + column + 0.1, top, 0.0
        column = max(column, size)
        layout = nx.spring_layout(
            sub,
            seed=seed,
            k=1 / len(component) ** 0.5,
            iterations=150,  # as good a picture as 500 at a third of the time
            weight="weight",
            scale=size / 2,
            center=(x0 + size / 2, y + size / 2) if i else (0, 0),
        )
        pos.update({n: (float(a), float(b)) for n, (a, b) in layout.items()})
        if i == 0:
            top = min(b for _, b in pos.values())
        else:
            y += size + 0.1
    if not pos:
        return {}
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)
    off_x = (WIDTH - scale * span_x) / 2 - scale * min(xs)
    off_y = (HEIGHT - scale * span_y) / 2 - scale * min(ys)
    return {
        n: (round(off_x + scale * x, 1), round(off_y + scale * y, 1)) for n, (x, y) in pos.items()
    }


def _palette(names: list[str], colors: dict[str, str]) -> dict[str, str]:
    spare = iter(FALLBACK_COLORS * (len(names) + 1))
    return {n: colors.get(n) or next(spare) for n in names}


def _present(order: list[str], found: list[str]) -> list[str]:
    """The names found, in the vocabulary's order, then any others sorted."""
    return [x for x in order if x in found] + sorted(set(found) - set(order))


def explorer_payload(
    graph: nx.MultiDiGraph,
    *,
    seed: int = 0,
    passages: dict[str, str] | None = None,
    sides: dict[str, dict[str, list[str]]] | None = None,
) -> dict:
    """The page's data: drawable nodes (Source nodes left out) with positions, edges,
    the sources by id, the labels, relationship families and types present (colour,
    count, description), the span of years the dated edges cover, and ``passages``
    (citation to cited text) for the citations drawn, when given. Edge ``from``/``to``
    are the years of ``earliest``/``latest`` (None for an open or missing end).

    With ``sides`` of two conflicts or more (conflict -> side -> members), each node
    lists the ``conflicts`` whose part of the graph holds it
    (`dipgraph.analysis.scope`), for the page's conflict filter."""
    drawn = [n for n, d in graph.nodes(data=True) if d.get("label") != SOURCE_LABEL]
    pos = _layout(graph, drawn, seed)
    several = sides if sides and len(sides) > 1 else {}
    scopes = conflicts_of(graph, several) if several else {}
    nodes = [
        {
            **graph.nodes[n],
            "id": n,
            "name": graph.nodes[n].get("name", n),
            "x": x,
            "y": y,
            **({"conflicts": scopes[n]} if several else {}),
        }
        for n, (x, y) in ((n, pos[n]) for n in drawn)
    ]
    edges = [
        {**d, "source": u, "target": v, "key": d.get("key", key), **_years(d)}
        for u, v, key, d in graph.edges(keys=True, data=True)
        if u in pos and v in pos
    ]
    years = [y for e in edges for y in (e["from"], e["to"]) if y is not None]
    cited = {c for item in (*nodes, *edges) for c in item.get("citations", [])}
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "years": [min(years), max(years)] if years else None,
        "labels": _label_legend(nodes),
        **_type_legend(edges),
        "sources": {
            n: {**{k: d[k] for k in SOURCE_DETAILS if k in d}, "links": source_links(d)}
            for n, d in graph.nodes(data=True)
            if d.get("label") == SOURCE_LABEL
        },
        "passages": {c: t for c, t in sorted((passages or {}).items()) if c in cited},
        "conflicts": [
            {"id": c, "name": graph.nodes[c].get("name", c) if c in graph else c}
            for c in sorted(several)
        ],
        "nodes": nodes,
        "edges": edges,
    }


def _label_legend(nodes: list[dict]) -> list[dict]:
    names = _present(list(LABELS), [nd["label"] for nd in nodes])
    colors = _palette(names, LABEL_COLORS)
    return [
        {
            "name": name,
            "color": colors[name],
            "count": sum(nd["label"] == name for nd in nodes),
            "description": LABELS[name].description if name in LABELS else "",
        }
        for name in names
    ]


def _type_legend(edges: list[dict]) -> dict[str, list[dict]]:
    """The relationship types present, each coloured by its family, and the families."""
    names = _present(list(RELATIONSHIPS), [e["type"] for e in edges])
    family_of = {t: f for f, (_, types) in RELATIONSHIP_FAMILIES.items() for t in types}
    families = {f: (text, FAMILY_COLORS[f]) for f, (text, _) in RELATIONSHIP_FAMILIES.items()}
    families[OTHER_FAMILY[0]] = OTHER_FAMILY[1:]
    types = [
        {
            "name": name,
            "family": family_of.get(name, OTHER_FAMILY[0]),
            "color": families[family_of.get(name, OTHER_FAMILY[0])][1],
            "count": sum(e["type"] == name for e in edges),
            "description": RELATIONSHIPS[name].description if name in RELATIONSHIPS else "",
        }
        for name in names
    ]
    return {
        "families": [
            {"name": f, "description": text, "color": color}
            for f, (text, color) in families.items()
            if any(t["family"] == f for t in types)
        ],
        "types": types,
    }


def script_json(payload: dict) -> str:
    """JSON safe inside a <script> element: no `</script>` or `<!--` can appear, and a
    lone surrogate (which UTF-8 cannot encode) is written as its escape.

    >>> script_json({"a": "</script>\\ud800"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\ud800"}'
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return re.sub(r"[\ud800-\udfff]", lambda m: f"\\u{ord(m[0]):04x}", text)


def explorer_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = "dipgraph explorer",
    seed: int = 0,
    passages: dict[str, str] | None = None,
    sides: dict[str, dict[str, list[str]]] | None = None,
) -> str:
    """The whole page as a string; ``passages`` (citation to text) are shown with
    their citations; with ``sides`` of several conflicts, a conflict filter."""
    page = (ASSETS / "explorer.html").read_text(encoding="utf-8")
    parts = {
        "title": html.escape(title),
        "css": (ASSETS / "explorer.css").read_text(encoding="utf-8"),
        "js": (ASSETS / "explorer.js").read_text(encoding="utf-8"),
        "data": script_json(explorer_payload(graph, seed=seed, passages=passages, sides=sides)),
    }
    # One pass, so nothing inserted (a title, the data) is read as a marker.
    return re.sub(r"\{\{(title|css|js|data)\}\}", lambda m: parts[m[1]], page)


def write_explorer(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str = "dipgraph explorer",
    seed: int = 0,
    passages: dict[str, str] | None = None,
    sides: dict[str, dict[str, list[str]]] | None = None,
) -> Path:
    """Write the explorer page to ``path`` (parents created) and return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    page = explorer_html(graph, title=title, seed=seed, passages=passages, sides=sides)
    path.write_text(page, encoding="utf-8")
    return path
