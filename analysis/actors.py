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

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx

from dipgraph.errors import AnalysisError

from .options import LEVELS
from .timeline import (
    ACTOR_LABELS,
    ITEM_LABELS,
    Window,
    act_time,
    active_span,
    fact_time,
    is_active,
)

__all__ = [
    "ACTOR_LABELS",
    "Fact",
    "Prepared",
    "actor_facts",
    "asserted_only_by",
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


_Edge = tuple[str, str, dict, dict, "dict | None"]  # u, v, attrs, fact_time, act_time


class Prepared:
    """A graph read once for many windows: actor edges with their times, indexed by the
    years they may count in, and the index attribution uses. Pass it as ``prepared=`` to
    `actor_facts`; each window's facts are then worked out once and shared."""

    def __init__(self, graph: nx.MultiDiGraph, dates: str = "lenient"):
        self.graph, self.dates = graph, dates
        self.labels: dict[str, str] = dict(graph.nodes(data="label"))
        self.names: dict[str, str] = dict(graph.nodes(data="name"))
        self.edges: list[_Edge] = []
        for u, v, attrs in graph.edges(data=True):
            if self.labels.get(u) in ACTOR_LABELS:
                when = fact_time(graph, v, attrs, subject=u)
                item = self.labels.get(v) in ITEM_LABELS
                self.edges.append((u, v, attrs, when, act_time(when, item=item)))
        self._all = list(graph.edges(data=True))
        self.attribution = _Attribution(graph, dates, self._all)
        self._years: dict[str, _YearIndex] = {}
        self._facts: dict[tuple[Window, str, str], list[Fact]] = {}

    def reading(self, dates: str) -> Prepared:
        """The same edges, attributed under the ``dates`` reading (their times are the
        same under both; which office or chair held at a date is not)."""
        return self._derived(dates, self.edges, self._all)

    def without_source(self, source: str) -> Prepared:
        """The same, less the relationships that only ``source`` asserts (as
        `dipgraph.analysis.sensitivity.without_source` prunes the graph)."""
        edges = [e for e in self.edges if not asserted_only_by(e[2], source)]
        kept = [e for e in self._all if not asserted_only_by(e[2], source)]
        return self._derived(self.dates, edges, kept)

    def _derived(self, dates: str, edges: list[_Edge], every: list) -> Prepared:
        other = copy.copy(self)  # the graph, its labels and names are shared
        other.dates, other.edges, other._all = dates, edges, every
        other.attribution = _Attribution(self.graph, dates, every)
        # The index depends on the edges only, and is kept per reading of dates.
        other._years = self._years if edges is self.edges else {}
        other._facts = {}
        return other

    def facts(self, window: Window, *, level: str, dates: str) -> list[Fact]:
        """The window's facts at ``level`` (see `actor_facts`), worked out once."""
        if level not in LEVELS:
            raise AnalysisError(f"level={level!r}: expected state or person")
        key = (window, level, dates)
        if key not in self._facts:
            if dates not in self._years:
                self._years[dates] = _YearIndex(self.edges, dates)
            candidates = self._years[dates].candidates(window)
            self._facts[key] = _window_facts(self, candidates, window, level, dates)
        return list(self._facts[key])


def asserted_only_by(attrs: dict, source: str) -> bool:
    """Whether ``source`` is the only source of a relationship (its attributes)."""
    return list(attrs.get("sources") or ()) == [source]


class _YearIndex:
    """Which edges may count in each year, so that a window looks only at its years'.

    An edge sits in every year its `active_span` touches, clamped to the years of the
    bounded spans (an undated fact, or one open to 9999, sits in them all); a window
    outside those years looks at the nearest one. `is_active` then decides, so the
    index only saves work: the facts are those of a scan of every edge.
    """

    def __init__(self, edges: list[_Edge], dates: str):
        spans = [active_span(edge[3], dates=dates) for edge in edges]
        years = [(_year(s[0]), _year(s[1])) if s else None for s in spans]
        bounded = [y for pair in years if pair for y in pair if y is not None]
        self.first, self.last = (min(bounded), max(bounded)) if bounded else (0, 0)
        self.buckets: list[list[int]] = [[] for _ in range(self.last - self.first + 1)]
        for index, pair in enumerate(years):
            if pair is not None:
                for bucket in range(self._at(pair[0], 0), self._at(pair[1], -1) + 1):
                    self.buckets[bucket].append(index)

    def _at(self, year: int | None, default: int) -> int:
        """The bucket of ``year`` (None: unbounded, the first or last one)."""
        if year is None:
            return default % len(self.buckets)
        return min(max(year, self.first), self.last) - self.first

    def candidates(self, window: Window) -> list[int]:
        """The indexes, in order, of the edges that may count in ``window``."""
        lo, hi = self._at(_year(window.start), 0), self._at(_year(window.end), -1)
        if lo == hi:
            return self.buckets[lo]
        return sorted({i for bucket in self.buckets[lo : hi + 1] for i in bucket})


def _year(day: str) -> int | None:
    # Years 0 and 9999 are the open bounds (`active_span` of an undated fact); ISO days
    # compare as text only while the year has four digits. Anything else is left
    # unbounded, so it is looked at everywhere.
    year = int(day[:4]) if len(day) >= 4 and day[:4].isdigit() else 0
    return year if 0 < year < 9999 else None


def actor_facts(
    graph: nx.MultiDiGraph,
    window: Window,
    *,
    level: str = "state",
    dates: str = "lenient",
    prepared: Prepared | None = None,
) -> list[Fact]:
    """The window's facts whose subject is an actor, attributed at ``level``."""
    prepared = prepared or Prepared(graph, dates)
    return prepared.facts(window, level=level, dates=dates)


def _window_facts(
    prepared: Prepared, candidates: list[int], window: Window, level: str, dates: str
) -> list[Fact]:
    graph, lift = prepared.graph, prepared.attribution if level == "state" else None
    facts = []
    for index in candidates:
        u, v, attrs, when, act_when = prepared.edges[index]
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
    def __init__(self, graph: nx.MultiDiGraph, dates: str, edges: Iterable[tuple[str, str, dict]]):
        self.graph, self.dates = graph, dates
        # Edges by type and subject, and by type and object: attribution asks for one
        # person's offices or one format's chairs at a time.
        self.by_subject: dict[tuple[str, str], list[tuple[str, str, dict]]] = {}
        self.by_object: dict[tuple[str, str], list[tuple[str, str, dict]]] = {}
        for u, v, attrs in edges:
            self.by_subject.setdefault((attrs["type"], u), []).append((u, v, attrs))
            self.by_object.setdefault((attrs["type"], v), []).append((u, v, attrs))

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
        self, edges: Iterable[tuple[str, str, dict]], act: dict, keep: Callable[[str], bool]
    ) -> set[tuple[str, str]]:
        """The ``edges`` (subject, object) whose subject ``keep`` accepts and that held at
        the act's time: certainly so under strict dates where any did (the 1994-12/
        co-chairmanship of unknown end is not certain in 2018), else possibly so (an
        office held "2003/2020" is not certain in November 2020, yet its holder acted
        for no one else)."""
        window = Window(act["earliest"], act["latest"], "act")
        kept = [(u, v, a) for u, v, a in edges if keep(u)]
        readings = ("strict", "lenient") if self.dates == "strict" else ("lenient",)
        for dates in readings:
            found = {(u, v) for u, v, a in kept if is_active(a, window, dates=dates)}
            if found:
                return found
        return set()

    def _held(self, person: str, act: dict) -> set[str]:
        held = self.by_subject.get(("HELD_POSITION", person), ())
        return {v for _, v in self._during(held, act, lambda _: True)}

    def _parts(self, organization: str) -> set[str]:
        states = {
            v
            for _, v, _ in self.by_subject.get(("PART_OF", organization), ())
            if self.graph.nodes[v].get("label") == "State"
        }
        return states or {organization}

    def _format_members(self, fmt: str, act: dict) -> set[str]:
        # The states (and bodies) that chair or make up the format; the persons who
        # co-chair do so for their states.
        groups = {fmt} | {v for _, v, _ in self.by_subject.get(("PART_OF", fmt), ())}
        # Co-chairs are CO_CHAIR_OF the group's co-chairmanship, which is PART_OF it.
        chaired = groups | {u for u, _, _ in self.by_object.get(("PART_OF", fmt), ())}
        chairing = [e for v in chaired for e in self.by_object.get(("CO_CHAIR_OF", v), ())]
        chairs = self._during(chairing, act, self._is_body)
        members = chairs or self._during(
            self.by_object.get(("MEMBER_OF", fmt), ()), act, self._is_body
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
