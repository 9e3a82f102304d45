"""One conflict's part of a graph that holds several: what its analysis looks at.

A corpus may follow several conflicts with the same actors in them (a state that
mediates in two, an envoy who moves from one to the next). The analysis of one
conflict keeps every actor and every fact between actors (offices, memberships,
alliances), and of the events, documents and formats only those that concern it:

- linked to the conflict itself (talks PART_OF it, a format that MEDIATED it);
- or with a member of one of its sides taking part: the member itself, a body that is
  PART_OF it, a person who HELD_POSITION in either, or anyone acting on its behalf
  (``on_behalf_of``);
- or that depends on an event, document or format kept by these rules, to the end
  of the chain: PART_OF it, BASED_ON it, SUPERSEDED it, SUBMITTED_TO it, or
  what it produced, attended, mediated, adopted, hosted or proposed (RESULTED_IN,
  ATTENDED, ...); and what produced it (the talks that RESULTED_IN a kept document).
  What a kept item is part of is not kept for that: a summit that also took up other
  conflicts stays out unless a rule above keeps it.

A fact the rules miss can be placed by a claim: ``talks PART_OF the-conflict``.

The other conflicts' nodes are left out, and with them every relationship to them.

Examples
--------
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("a", {"label": "State"}), ("b", {"label": "State"}),
...     ("x", {"label": "State"}), ("y", {"label": "State"}), ("ru", {"label": "State"}),
...     ("ab", {"label": "Conflict"}), ("xy", {"label": "Conflict"}),
...     ("t1", {"label": "Event"}), ("t2", {"label": "Event"})])
>>> _ = g.add_edges_from([("a", "t1", {"type": "ATTENDED"}),
...     ("ru", "t1", {"type": "MEDIATED"}), ("x", "t2", {"type": "ATTENDED"}),
...     ("ru", "t2", {"type": "MEDIATED"}), ("ru", "xy", {"type": "MEDIATED"})])
>>> scoped = conflict_graph(g, "ab", {"one": ["a"], "two": ["b"]})
>>> sorted(scoped.nodes), sorted((u, v) for u, v in scoped.edges())
(['a', 'ab', 'b', 'ru', 't1', 'x', 'y'], [('a', 't1'), ('ru', 't1')])
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

__all__ = ["SCOPED_LABELS", "conflict_graph", "conflicts_of"]

# What belongs to a conflict, rather than to everyone: what the actors take part in.
SCOPED_LABELS = ("Event", "Agreement", "Format")
# Between two items, the subject depends on the object for these types; for the
# others (RESULTED_IN, ATTENDED, ADOPTED, ...) the object depends on the subject.
_SUBJECT_DEPENDS = ("PART_OF", "BASED_ON", "SUPERSEDED", "SUBMITTED_TO")


def conflict_graph(
    graph: nx.MultiDiGraph, conflict: str, sides: dict[str, list[str]]
) -> nx.MultiDiGraph:
    """The part of ``graph`` that concerns ``conflict``, whose ``sides`` map each side to
    its member ids (see the module's rules)."""
    # A copy, not a view: the figures' worker process needs to pickle it.
    return graph.subgraph(_conflict_nodes(graph, conflict, sides)).copy()


def conflicts_of(graph: nx.MultiDiGraph, sides_by_conflict: dict) -> dict[str, list[str]]:
    """Node id -> the conflicts (of ``sides_by_conflict``: id -> side -> members) whose
    part of ``graph`` holds it: every actor is in all of them, a Conflict node in its own."""
    found: dict[str, list[str]] = {node: [] for node in graph}
    for conflict, sides in sorted(sides_by_conflict.items()):
        for node in _conflict_nodes(graph, conflict, sides):
            found[node].append(conflict)
    return found


def _conflict_nodes(graph: nx.MultiDiGraph, conflict: str, sides: dict[str, list[str]]) -> list:
    members = _affiliated(graph, {m for members in sides.values() for m in members})
    kept = _scoped_items(graph, conflict, members)
    return [
        node
        for node, label in graph.nodes(data="label")
        if (node in kept if label in SCOPED_LABELS else label != "Conflict" or node == conflict)
    ]


def _affiliated(graph: nx.MultiDiGraph, members: set[str]) -> set[str]:
    """The members, the bodies PART_OF them, and whoever HELD_POSITION in either."""
    bodies = {u for u, v, t in graph.edges(data="type") if t == "PART_OF" and v in members}
    found = members | bodies
    return found | {
        u for u, v, t in graph.edges(data="type") if t == "HELD_POSITION" and v in found
    }


def _scoped_items(graph: nx.MultiDiGraph, conflict: str, members: set[str]) -> set[str]:
    items = {n for n, label in graph.nodes(data="label") if label in SCOPED_LABELS}
    seeds = {n for n in items if _touches(graph, n, conflict, members)}
    return seeds | _chained(graph, seeds, items)


def _touches(graph: nx.MultiDiGraph, item: str, conflict: str, members: set[str]) -> bool:
    """Whether ``item`` is linked to the conflict, or a side member takes part in it."""
    for source, target, attrs in _edges_of(graph, item):
        other = target if source == item else source
        if other == conflict or other in members or attrs.get("on_behalf_of") in members:
            return True
    return False


def _chained(graph: nx.MultiDiGraph, seeds: set[str], items: set[str]) -> set[str]:
    """The items that depend on a kept one, to the chain's end."""
    found, pending = set(), list(seeds)
    while pending:
        node = pending.pop()
        dependents = (
            [
                source
                for source, _, kind in graph.in_edges(node, data="type")
                if kind in _SUBJECT_DEPENDS
            ]
            + [
                target
                for _, target, kind in graph.out_edges(node, data="type")
                if kind not in _SUBJECT_DEPENDS
            ]
            + [
                source
                for source, _, kind in graph.in_edges(node, data="type")
                if kind == "RESULTED_IN"
            ]
        )
        for other in dependents:
            if other in items and other not in seeds and other not in found:
                found.add(other)
                pending.append(other)
    return found


def _edges_of(graph: nx.MultiDiGraph, node: str) -> Iterable[tuple[str, str, dict]]:
    yield from graph.out_edges(node, data=True)
    yield from graph.in_edges(node, data=True)
