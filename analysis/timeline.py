"""Time windows and whether a fact falls in one.

A fact's time is an EDTF value with outer bounds ``earliest``/``latest`` (see
`dipgraph.loader.timespan`). Two readings of an uncertain date:

- ``dates="lenient"``: a fact counts in a window whenever it *may* fall in it
  (its outer bounds overlap the window). Undated facts count everywhere.
- ``dates="strict"``: a fact counts only when it *certainly* falls in it. A
  dated moment (``1994``, ``2011-06-24``) must lie wholly inside the window; a
  spell (``1997/2020``) must certainly be under way at some day of the window,
  i.e. its inner bounds (the latest possible start, the earliest possible end)
  must overlap it; an unknown end (``1994-12/``) is certain only at its start
  and an unknown start (``/1997``) only at its end, while an open one
  (``1994-12/..``, ``../1997``) lasts. Undated facts never count, and a fact
  dated only by what it concerns (``fact_time``'s ``dated_by="object"``: mediating
  the conflict, no date given) is a moment somewhere in that thing's time: it counts
  only in a window that holds all of it; but an undated ``PARTY_TO`` holds all through
  its object's time (a party to the conflict is one while it lasts).

Examples
--------
>>> w = year_window(1994)
>>> fact = {"time": "1994-05", "earliest": "1994-05-01", "latest": "1994-05-31"}
>>> is_active(fact, w, dates="strict"), is_active(fact, year_window(1995), dates="lenient")
(True, False)
>>> vague = {"time": "199X", "earliest": "1990-01-01", "latest": "1999-12-31"}
>>> is_active(vague, w, dates="lenient"), is_active(vague, w, dates="strict")
(True, False)
>>> by_conflict = {"time": "1988/..", "earliest": "1988-01-01", "dated_by": "object"}
>>> is_active(by_conflict, w, dates="lenient"), is_active(by_conflict, w, dates="strict")
(True, False)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx

from dipgraph.errors import AnalysisError, NothingToAnalyse, TimeError
from dipgraph.loader.timespan import parse_time

from .options import DATES

__all__ = [
    "ACTOR_LABELS",
    "ITEM_LABELS",
    "Window",
    "act_time",
    "active_span",
    "as_of",
    "data_years",
    "fact_time",
    "fixed_windows",
    "is_active",
    "period_windows",
    "slice_graph",
    "year_window",
]

_MIN, _MAX = "0000-01-01", "9999-12-31"
ACTOR_LABELS = ("State", "Organization", "Person", "Format")
ITEM_LABELS = ("Event", "Agreement")  # the dated things actors take part in
HOLDS_THROUGHOUT = ("PARTY_TO",)  # undated, these hold for all their object's time


@dataclass(frozen=True, order=True)
class Window:
    """A closed span of days, ``start`` and ``end`` as ISO dates, with a label."""

    start: str
    end: str
    label: str

    def __str__(self) -> str:
        return self.label


def year_window(year: int) -> Window:
    return Window(f"{year:04d}-01-01", f"{year:04d}-12-31", str(year))


def as_of(day: str) -> Window:
    """A one-day window: what held on ``day`` (``"2011-06-24"``)."""
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        raise AnalysisError(f"as of {day!r}: expected a date as YYYY-MM-DD") from None
    return Window(day, day, f"as of {day}")


def fixed_windows(
    first: int, last: int, *, size: int = 1, step: int | None = None, mode: str = "rolling"
) -> list[Window]:
    """Windows of ``size`` years every ``step`` years from ``first`` to ``last``.

    ``mode="expanding"`` keeps every window's start at ``first``.

    >>> [w.label for w in fixed_windows(1992, 1997, size=3, step=2)]
    ['1992-1994', '1994-1996', '1996-1998']
    >>> [w.label for w in fixed_windows(1992, 1994, mode="expanding")]
    ['1992', '1992-1993', '1992-1994']
    """
    if mode not in ("rolling", "expanding"):
        raise AnalysisError(f"window mode {mode!r}: expected rolling or expanding")
    if size < 1 or (step is not None and step < 1) or last < first:
        raise AnalysisError("windows need size >= 1, step >= 1 and first <= last")
    step = step or size
    windows = []
    for start in range(first, last + 1, step):
        begin = first if mode == "expanding" else start
        end = start + size - 1 if mode == "rolling" else start
        label = f"{begin}" if begin == end else f"{begin}-{end}"
        windows.append(Window(f"{begin:04d}-01-01", f"{end:04d}-12-31", label))
    return windows


def data_years(graph: nx.MultiDiGraph) -> tuple[int, int]:
    """From the start of the earliest conflict (else the first dated relationship, or
    event or document) to the last year one touches, but not past the year the latest
    source was published: a later date is the source's forecast (a chairmanship to come).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", earliest="2011-01-01", latest="2021-12-31")
    >>> data_years(g)
    (2011, 2021)
    >>> g.add_node("s", label="Source", published="2020")
    >>> data_years(g)
    (2011, 2020)
    """
    starts = [
        int(a["earliest"][:4])
        for _, a in graph.nodes(data=True)
        if a.get("label") == "Conflict" and a.get("earliest")
    ]
    # A relationship is dated by its record, or by the event or document it concerns.
    dated = [a for *_, a in graph.edges(data=True)] + [
        a for _, a in graph.nodes(data=True) if a.get("label") in ITEM_LABELS
    ]
    years = [
        int(value[:4])
        for attrs in dated
        for value in (attrs.get("earliest"), attrs.get("latest"))
        if value
    ]
    if not years:
        raise NothingToAnalyse("no dated relationship: nothing to slice by time")
    published = [
        int(a["published"][:4])
        for _, a in graph.nodes(data=True)
        if a.get("label") == "Source" and str(a.get("published", ""))[:4].isdigit()
    ]
    last = min(max(years), max(published)) if published else max(years)
    return min(starts) if starts else min(years), max(last, min(years))


def period_windows(graph: nx.MultiDiGraph) -> list[Window]:
    """One window per ``Period`` node, in time order, labelled by the period's name."""
    windows = [
        Window(attrs.get("earliest") or _MIN, attrs.get("latest") or _MAX, attrs.get("name", node))
        for node, attrs in graph.nodes(data=True)
        if attrs.get("label") == "Period"
    ]
    return sorted(windows)


def is_active(fact: dict, window: Window, *, dates: str = "lenient") -> bool:
    """Whether a fact (an edge's or a node's attributes) counts in ``window``."""
    reading = _reading(fact, dates)
    if reading is None:
        return False
    lo, hi, moment = reading
    if moment:  # it must lie wholly inside the window
        return window.start <= lo and hi <= window.end
    return lo <= window.end and window.start <= hi


def active_span(fact: dict, *, dates: str = "lenient") -> tuple[str, str] | None:
    """The days ``(first, last)`` a window must overlap for the fact to count in it
    (`is_active` is False in every other window), or None if it counts in none.

    >>> active_span({"time": "1997/2020", "earliest": "1997-01-01", "latest": "2020-12-31"},
    ...             dates="strict")
    ('1997-12-31', '2020-01-01')
    """
    reading = _reading(fact, dates)
    return None if reading is None else reading[:2]


def _reading(fact: dict, dates: str) -> tuple[str, str, bool] | None:
    """``(lo, hi, moment)``: the fact counts in a window that overlaps ``lo``..``hi``, or
    with ``moment`` only in one that holds it; None: it counts in no window."""
    if dates not in DATES:
        raise AnalysisError(f"dates={dates!r}: expected lenient or strict")
    if fact.get("time") is None:
        return (_MIN, _MAX, False) if dates == "lenient" else None
    lo, hi = fact.get("earliest") or _MIN, fact.get("latest") or _MAX
    if hi < lo:  # dated outside its actor's lifespan: it cannot have happened then
        return None
    if dates == "lenient":
        return lo, hi, False
    # A fact dated only by what it concerns (an undated mediation of the decades-long
    # conflict) happened at some moment of that thing's time, not all through it.
    moment = fact.get("dated_by") in ("object", "lifespan") and not fact.get("throughout")
    inner = None if moment else _inner_bounds(fact["time"])
    if inner is None:  # a moment, or a spell too short to be surely under way at one day
        return lo, hi, True
    return inner[0], inner[1], False


@lru_cache(maxsize=4096)
def _inner_bounds(text: str) -> tuple[str, str] | None:
    """For a spell ``A/B``: (latest possible start, earliest possible end), if ordered."""
    if "/" not in text:
        return None
    first, _, second = text.partition("/")
    try:
        start = parse_time(first).latest if first not in ("", "..") else None
        end = parse_time(second).earliest if second not in ("", "..") else None
    except TimeError:
        return None
    # ".." is open (it lasts that way); "" is unknown: the spell is certain only at
    # its other, known end.
    start = start or (_MIN if first == ".." else end)
    end = end or (_MAX if second == ".." else start)
    if start is None or end is None:
        return None
    return (start, end) if start <= end else None


def fact_time(
    graph: nx.MultiDiGraph, target: str, attrs: dict, *, subject: str | None = None
) -> dict:
    """An edge's time, bounded by the dated thing it concerns and its actors' lifespans.

    An undated edge takes the time of its object (proposing the Bishkek meeting
    happened around May 1994 even where the record gives no date), and an unknown
    or open end takes the object's (nobody mediated a conflict before it began).
    No fact falls before an actor (``subject``, or an actor object) existed or after
    it ceased: a lifespan (the entity's ``time``) clips both bounds, and dates an
    otherwise undated fact. ``dated_by`` says what dated it: ``"record"``,
    ``"object"``, ``"lifespan"`` or ``None`` (undated); ``bounded_by`` names the
    actors whose lifespans narrowed it.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("cis", label="Organization", time="1991-12-21/..", earliest="1991-12-21")
    >>> g.add_node("war", label="Conflict", time="1988/..", earliest="1988-01-01")
    >>> when = fact_time(g, "war", {"type": "MEDIATED"}, subject="cis")
    >>> when["earliest"], when["dated_by"], when["bounded_by"]
    ('1991-12-21', 'object', ('cis',))
    """
    when = _own_time(graph.nodes[target], attrs)
    lives = [n for n in (subject, target) if n is not None and _lifespan(graph.nodes[n])]
    bounded_by = []
    for node in lives:
        life = graph.nodes[node]
        if when["dated_by"] is None:
            when = {
                "time": life["time"],
                "earliest": life.get("earliest"),
                "latest": life.get("latest"),
                "dated_by": "lifespan",
            }
            bounded_by.append(node)
            continue
        lo = max(filter(None, (when.get("earliest"), life.get("earliest"))), default=None)
        hi = min(filter(None, (when.get("latest"), life.get("latest"))), default=None)
        if (lo, hi) != (when.get("earliest"), when.get("latest")):
            when = {**when, "earliest": lo, "latest": hi}
            bounded_by.append(node)
    return {**when, "bounded_by": tuple(bounded_by)}


def _lifespan(node: dict) -> bool:
    return node.get("label") in ACTOR_LABELS and node.get("time") is not None


def _own_time(node: dict, attrs: dict) -> dict:
    """The edge's time from its record, else from its object (see `fact_time`)."""
    if attrs.get("time") is None:
        if node.get("time") is None or node.get("label") in ACTOR_LABELS:
            return {"time": None, "dated_by": None}
        return {
            "time": node["time"],
            "earliest": node.get("earliest"),
            "latest": node.get("latest"),
            "dated_by": "object",
            # A party to a conflict is one for as long as it lasts, not at one moment.
            "throughout": attrs.get("type") in HOLDS_THROUGHOUT,
        }
    return {
        "time": attrs["time"],
        "earliest": attrs.get("earliest") or node.get("earliest"),
        "latest": attrs.get("latest") or node.get("latest"),
        "dated_by": "record",
    }


def act_time(when: dict, *, item: bool) -> dict | None:
    """A fact's time (from `fact_time`) as one dated act, or None for a sustained role.

    An act is dated to within a year, by its record or by the event or document
    (``item``) it concerns, or is the one known bound of a spell whose other bound is
    unknown (``1997/``: it began in 1997). Undated facts, facts dated only by a
    lifespan or by the decades-long conflict they concern, and longer or open spells
    (``2008/2020``, ``1992/..``) are sustained roles, not acts.

    >>> act_time({"time": "1997/", "earliest": "1997-01-01", "dated_by": "record"}, item=False)
    {'time': '1997', 'earliest': '1997-01-01', 'latest': '1997-12-31', 'dated_by': 'record'}
    >>> act_time({"time": "2008/2020", "earliest": "2008-01-01", "latest": "2020-12-31",
    ...           "dated_by": "record"}, item=False) is None
    True
    """
    dated_by = when.get("dated_by")
    if dated_by not in ("record", "object") or (dated_by == "object" and not item):
        return None
    text = _known_end(str(when["time"])) or str(when["time"])
    lo, hi = (when.get("earliest"), when.get("latest")) if text == when["time"] else _span(text)
    if lo is None or hi is None or _days(lo, hi) > 366:
        return None
    return {"time": text, "earliest": lo, "latest": hi, "dated_by": dated_by}


def _known_end(text: str) -> str | None:
    """The known bound of a spell whose other bound is unknown (``1997/``, ``/1992-05``)."""
    first, slash, second = text.partition("/")
    if slash and not second and first not in ("", ".."):
        return first
    if slash and not first and second not in ("", ".."):
        return second
    return None


def _span(text: str) -> tuple[str | None, str | None]:
    try:
        span = parse_time(text)
    except TimeError:
        return None, None
    return span.earliest, span.latest


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def slice_graph(
    graph: nx.MultiDiGraph, window: Window, *, dates: str = "lenient"
) -> nx.MultiDiGraph:
    """The facts active in ``window``, as a read-only view of ``graph``.

    Nodes stay (so every window sees the same actors); only edges are filtered.
    """

    def active(u, v, key):
        when = fact_time(graph, v, graph.edges[u, v, key], subject=u)
        return is_active(when, window, dates=dates)

    return nx.subgraph_view(graph, filter_edge=active)
