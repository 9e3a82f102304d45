"""The graphs the measures run on, built from one window's actor-level facts.

- `actor_item_graph`: actors and the events and documents they took part in
  (bipartite; edge attribute ``roles``);
- `interaction_graph`: actor--actor, weighted by the events and documents they share;
- `mediation_graph`: mediator -> each party of what it mediated, weighted by the
  number of such items (events, documents, or the conflict itself).

Each is a plain (Di)Graph, so algorithms never walk a MultiDiGraph view.
"""

from __future__ import annotations

import itertools
from collections import Counter

import networkx as nx

from .actors import Fact
from .timeline import ITEM_LABELS

__all__ = [
    "ITEM_LABELS",
    "PARTY_PREDICATES",
    "actor_item_graph",
    "interaction_graph",
    "mediation_graph",
]

# Taking part in an item as one of its parties (not as its mediator or host).
PARTY_PREDICATES = ("PARTY_TO", "ATTENDED", "SIGNED", "REFUSED", "ACCEPTED")


def actor_item_graph(facts: list[Fact], labels: dict[str, str]) -> nx.Graph:
    """Bipartite graph: ``bipartite=0`` actors, ``bipartite=1`` events and documents."""
    sides: dict[str, int] = {}  # nodes and edges in the order the facts first name them
    roles: dict[tuple[str, str], set[str]] = {}
    for fact in facts:
        if labels.get(fact.target) in ITEM_LABELS:
            sides[fact.actor], sides[fact.target] = 0, 1
            roles.setdefault((fact.actor, fact.target), set()).add(fact.predicate)
    graph = nx.Graph()
    graph.add_nodes_from((node, {"bipartite": side}) for node, side in sides.items())
    graph.add_edges_from((actor, item, {"roles": r}) for (actor, item), r in roles.items())
    return graph


def interaction_graph(items: nx.Graph) -> nx.Graph:
    """Actors tied by the number of events and documents they share (``weight``).

    The graph `networkx.bipartite.weighted_projected_graph` gives, in sorted order (see
    `_ordered`), counted item by item rather than actor pair by actor pair.
    """
    actors = [n for n, side in items.nodes(data="bipartite") if side == 0]
    if not actors:  # a window with no event or document: an empty graph, not an error
        return nx.Graph()
    # Each tie is named as the projection names it, its first actor the one met first.
    first = {actor: i for i, actor in enumerate(actors)}
    shared: Counter[tuple[str, str]] = Counter()
    for item, side in items.nodes(data="bipartite"):
        if side == 1:
            members = sorted(items[item], key=first.__getitem__)
            shared.update(itertools.combinations(members, 2))
    projected = nx.Graph()
    projected.add_nodes_from(sorted(actors))
    projected.add_edges_from((u, v, {"weight": n}) for (u, v), n in sorted(shared.items()))
    _add_distance(projected)
    return projected


def mediation_graph(
    facts: list[Fact], labels: dict[str, str], *, acts_only: bool = True
) -> nx.DiGraph:
    """Mediator -> party ties, ``weight`` = how many items it mediated between them.

    With ``acts_only`` (the default) a mediation counts only as an act dated in the
    window (``Fact.act``: a meeting, a document, a dated statement); a sustained role
    (a spell over decades, an undated general statement) does not tie the mediator to
    the parties in every year it may cover.
    """
    parties: dict[str, set[str]] = {}
    mediators: dict[str, set[str]] = {}
    for fact in facts:
        if fact.predicate == "MEDIATED":
            if acts_only and not fact.act:
                continue
            mediators.setdefault(fact.target, set()).add(fact.actor)
        elif fact.predicate in PARTY_PREDICATES and labels.get(fact.target) in (
            *ITEM_LABELS,
            "Conflict",
        ):
            parties.setdefault(fact.target, set()).add(fact.actor)
    weights: Counter[tuple[str, str]] = Counter()
    for item, who in mediators.items():
        weights.update((m, party) for m in who for party in parties.get(item, set()) - who)
    graph = nx.DiGraph()
    graph.add_edges_from((m, party, {"weight": n}) for (m, party), n in weights.items())
    return _ordered(graph)


def _ordered(graph: nx.Graph) -> nx.Graph:
    """The same graph with nodes and edges in sorted order, and a ``distance`` per tie.

    Projections iterate sets of names, whose order changes from one Python process
    to the next; algorithms summing floats in that order then differ in the last
    digit. Sorted, the same records give the same numbers in every run.
    """
    ordered = graph.__class__()
    ordered.add_nodes_from(sorted(graph))
    ordered.add_edges_from(sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])))
    _add_distance(ordered)
    return ordered


def _add_distance(graph: nx.Graph) -> None:
    # Path algorithms read "distance": a tie built on more shared items is shorter.
    for _, _, attrs in graph.edges(data=True):
        attrs["distance"] = 1.0 / attrs["weight"]
