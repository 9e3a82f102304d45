"""Who acts: facts lifted to the chosen level, and the sides of a conflict.

At ``level="person"`` every subject acts for itself. At ``level="state"`` (the
default) an act is attributed to the state or body it was done for:

- a person's act goes to the ``on_behalf_of`` the record gives, or else to the
  state or body the person held a position in at that date (``HELD_POSITION``
  whose time overlaps the act's);
- a state institution's act (an Organization that is ``PART_OF`` a State) goes to
  that State; an intergovernmental body acts for itself;
- a format's act goes to its co-chairs at that date (``CO_CHAIR_OF`` the format, the
  group it belongs to, or the co-chairmanship that belongs to it), else to its
  members (``MEMBER_OF``).

An actor that cannot be attributed acts for itself, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from dipgraph.errors import AnalysisError

from .options import LEVELS
from .timeline import ACTOR_LABELS, ITEM_LABELS, Window, act_time, fact_time, is_active

__all__ = [
    "ACTOR_LABELS",
    "Fact",
    "Prepared",
    "actor_facts",
    "side_members",
    "sides_in_window",
]

# Types whose object is an actor acted upon (lifted like the subject); the object of
# MEMBER_OF, CO_CHAIR_OF, HELD_POSITION or PART_OF is the body itself and stays.
ACTED_UPON = ("URGED", "SUPPORTED", "SUPPLIED_ARMS_TO", "ALLIED_WITH", "REFUSED")


@dataclass(frozen=True)
class Fact:
    """One relationship in a window, with its subject (and actor object) at the level."""

    actor: str
    predicate: str
    target: str
    subject: str  # the record's own subject, before attribution
    key: str
    sources: tuple[str, ...]
    earliest: str | None
    latest: str | None
    dated_by: str | None  # "record", "object" (the thing it concerns), "lifespan" or None
    bounded_by: tuple[str, ...] = ()  # the actors whose lifespans narrowed its time
    act: bool = False  # a dated act in the window, not only a sustained role (`act_time`)


class Prepared:
    """A graph read once for many windows: actor edges with their times, and the
    index attribution uses. Pass it as ``prepared=`` to `actor_facts`."""

    def __init__(self, graph: nx.MultiDiGraph, dates: str = "lenient"):
        self.graph = graph
        self.edges = []
        for u, v, attrs in graph.edges(data=True):
            if graph.nodes[u].get("label") in ACTOR_LABELS:
                when = fact_time(graph, v, attrs, subject=u)
                item = graph.nodes[v].get("label") in ITEM_LABELS
                self.edges.append((u, v, attrs, when, act_time(when, item=item)))
        self.attribution = _Attribution(graph, dates)


def actor_facts(
    graph: nx.MultiDiGraph,
    window: Window,
    *,
    level: str = "state",
    dates: str = "lenient",
    prepared: Prepared | None = None,
) -> list[Fact]:
    """The window's facts whose subject is an actor, attributed at ``level``."""
    if level not in LEVELS:
        raise AnalysisError(f"level={level!r}: expected state or person")
    prepared = prepared or Prepared(graph, dates)
    lift = prepared.attribution if level == "state" else None
    facts = []
    for u, v, attrs, when, act_when in prepared.edges:
        if not is_active(when, window, dates=dates):
            continue
        acted = act_when is not None and is_active(act_when, window, dates=dates)
        # Attribute at the act's time within the window: a format's act dated only by
        # the decades-long conflict goes to the co-chairs of this window, not of any year.
        act = {**attrs, **when, **_clipped(when, window)}
        actors = lift.actors(u, act) if lift else {u}
        lift_target = (
            lift and attrs["type"] in ACTED_UPON and graph.nodes[v].get("label") in ACTOR_LABELS
        )
        targets = lift.actors(v, act) if lift is not None and lift_target else {v}
        for actor in sorted(actors):
            for target in sorted(targets):
                if actor != target:
                    facts.append(
                        Fact(
                            actor,
                            attrs["type"],
                            target,
                            u,
                            attrs["key"],
                            tuple(attrs.get("sources", ())),
                            when.get("earliest"),
                            when.get("latest"),
                            when["dated_by"],
                            when["bounded_by"],
                            acted,
                        )
                    )
    return facts


def _clipped(when: dict, window: Window) -> dict:
    return {
        "earliest": max(when.get("earliest") or window.start, window.start),
        "latest": min(when.get("latest") or window.end, window.end),
    }


class _Attribution:
    def __init__(self, graph: nx.MultiDiGraph, dates: str):
        self.graph, self.dates = graph, dates
        self.by_type: dict[str, list[tuple[str, str, dict]]] = {}
        for u, v, attrs in graph.edges(data=True):
            self.by_type.setdefault(attrs["type"], []).append((u, v, attrs))

    def actors(self, node: str, act: dict) -> set[str]:
        label = self.graph.nodes[node].get("label")
        if label == "Person":
            bodies = {act["on_behalf_of"]} if act.get("on_behalf_of") else self._held(node, act)
            return set().union(*(self._lift(body, act) for body in bodies)) if bodies else {node}
        return self._lift(node, act)

    def _lift(self, body: str, act: dict) -> set[str]:
        """A body the act was done for, as the states (or bodies) behind it."""
        label = self.graph.nodes[body].get("label")
        if label == "Organization":
            return self._parts(body)
        if label == "Format":
            members = self._format_members(body, act)
            return set().union(*(self._lift(m, act) for m in members)) if members else {body}
        return {body}

    def _during(
        self, predicate: str, act: dict, keep: Callable[[str, str], bool]
    ) -> set[tuple[str, str]]:
        """The ``predicate`` edges (subject, object) that ``keep`` accepts and that held at the
        act's time: certainly so under strict dates where any did (the 1994-12/
        co-chairmanship of unknown end is not certain in 2018), else possibly so (an
        office held "2003/2020" is not certain in November 2020, yet its holder acted
        for no one else)."""
        window = Window(act["earliest"], act["latest"], "act")
        edges = [(u, v, a) for u, v, a in self.by_type.get(predicate, ()) if keep(u, v)]
        readings = ("strict", "lenient") if self.dates == "strict" else ("lenient",)
        for dates in readings:
            found = {(u, v) for u, v, a in edges if is_active(a, window, dates=dates)}
            if found:
                return found
        return set()

    def _held(self, person: str, act: dict) -> set[str]:
        return {v for _, v in self._during("HELD_POSITION", act, lambda u, _: u == person)}

    def _parts(self, organization: str) -> set[str]:
        states = {
            v
            for u, v, _ in self.by_type.get("PART_OF", ())
            if u == organization and self.graph.nodes[v].get("label") == "State"
        }
        return states or {organization}

    def _format_members(self, fmt: str, act: dict) -> set[str]:
        # The states (and bodies) that chair or make up the format; the persons who
        # co-chair do so for their states.
        part_of = self.by_type.get("PART_OF", ())
        groups = {fmt} | {v for u, v, _ in part_of if u == fmt}
        # Co-chairs are CO_CHAIR_OF the group's co-chairmanship, which is PART_OF it.
        chaired = groups | {u for u, v, _ in part_of if v == fmt}
        chairs = self._during("CO_CHAIR_OF", act, lambda u, v: v in chaired and self._is_body(u))
        members = chairs or self._during(
            "MEMBER_OF", act, lambda u, v: v == fmt and self._is_body(u)
        )
        # A national format (Russia's 1992 mission) acts for its state.
        bodies = {u for u, _ in members}
        return bodies or {v for v in groups - {fmt} if self.graph.nodes[v].get("label") == "State"}

    def _is_body(self, node: str) -> bool:
        return self.graph.nodes[node].get("label") in ("State", "Organization")


def side_members(sides: object, *, conflict: str | None = None) -> dict[str, list[str]]:
    """The sides as the analysis takes them, side name -> member ids, from what
    `dipgraph.loader.sides.read_sides` returns (conflict id -> sides; name ``conflict``
    when there are several), from one conflict's sides, or as given. Any other shape
    is an `AnalysisError` that says what was expected.

    >>> side_members({"east": ["a"], "west": ["b"]})
    {'east': ['a'], 'west': ['b']}
    """
    if hasattr(sides, "sides"):  # one conflict's ConflictSides
        sides = sides.sides
    if not isinstance(sides, dict):
        raise AnalysisError(f"sides: expected side name -> member ids, not {type(sides).__name__}")
    nested = {k: v.sides for k, v in sides.items() if hasattr(v, "sides")}
    if nested:
        return side_members(_one_of(nested, conflict))
    for side, members in sides.items():
        if not isinstance(members, list | tuple) or not all(isinstance(m, str) for m in members):
            raise AnalysisError(f"sides: {side}: expected a list of member ids, not {members!r}")
    return {str(side): list(members) for side, members in sides.items()}


def _one_of(conflicts: dict[str, dict], conflict: str | None) -> dict:
    if conflict is not None:
        if conflict not in conflicts:
            known = ", ".join(sorted(conflicts))
            raise AnalysisError(f"sides: no conflict {conflict!r} (known: {known})")
        return conflicts[conflict]
    if len(conflicts) > 1:
        known = ", ".join(sorted(conflicts))
        raise AnalysisError(f"sides: {len(conflicts)} conflicts ({known}); say which: conflict=")
    return next(iter(conflicts.values()))


def sides_in_window(sides: dict[str, list[str]], facts: list[Fact]) -> dict[str, str]:
    """actor -> side for one window: the listed members, and backers of exactly one side.

    An actor that mediates in the window stands between the sides whatever else it
    backs (Russia, Armenia's ally, brokering the 1994 ceasefire): it joins neither.
    """
    side_of = {member: side for side, members in sides.items() for member in members}
    mediators = {fact.actor for fact in facts if fact.predicate == "MEDIATED"}
    backed: dict[str, set[str]] = {}
    for fact in facts:
        if (
            fact.predicate in ("SUPPORTED", "SUPPLIED_ARMS_TO", "ALLIED_WITH")
            and fact.target in side_of
        ):
            backed.setdefault(fact.actor, set()).add(side_of[fact.target])
    for backer, chosen in backed.items():
        if backer not in side_of and backer not in mediators and len(chosen) == 1:
            side_of[backer] = next(iter(chosen))
    return side_of
