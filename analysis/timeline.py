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
  only in a window that holds all of it.

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

from dipgraph.errors import AnalysisError, TimeError
from dipgraph.loader.timespan import parse_time

from .options import DATES

__all__ = [
    "Window",
    "as_of",
    "fact_time",
    "fixed_windows",
    "is_active",
    "period_windows",
    "slice_graph",
    "year_window",
]

_MIN, _MAX = "0000-01-01", "9999-12-31"


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
    if dates not in DATES:
        raise AnalysisError(f"dates={dates!r}: expected lenient or strict")
    if fact.get("time") is None:
        return dates == "lenient"
    lo, hi = fact.get("earliest") or _MIN, fact.get("latest") or _MAX
    if dates == "lenient":
        return lo <= window.end and window.start <= hi
    # A fact dated only by what it concerns (an undated mediation of the decades-long
    # conflict) happened at some moment of that thing's time, not all through it.
    inner = None if fact.get("dated_by") == "object" else _inner_bounds(fact["time"])
    if inner is None:  # a moment, or a spell too short to be surely under way at one day
        return window.start <= lo and hi <= window.end
    start, end = inner
    return start <= window.end and window.start <= end


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


def fact_time(graph: nx.MultiDiGraph, target: str, attrs: dict) -> dict:
    """An edge's time, bounded by the dated thing it concerns.

    An undated edge takes the time of its object (proposing the Bishkek meeting
    happened around May 1994 even where the record gives no date), and an unknown
    or open end takes the object's (nobody mediated a conflict before it began).
    ``dated_by`` says which: ``"record"``, ``"object"`` or ``None`` (undated).
    """
    node = graph.nodes[target]
    if attrs.get("time") is None:
        if node.get("time") is None:
            return {"time": None, "dated_by": None}
        return {
            "time": node["time"],
            "earliest": node.get("earliest"),
            "latest": node.get("latest"),
            "dated_by": "object",
        }
    return {
        "time": attrs["time"],
        "earliest": attrs.get("earliest") or node.get("earliest"),
        "latest": attrs.get("latest") or node.get("latest"),
        "dated_by": "record",
    }


def slice_graph(
    graph: nx.MultiDiGraph, window: Window, *, dates: str = "lenient"
) -> nx.MultiDiGraph:
    """The facts active in ``window``, as a read-only view of ``graph``.

    Nodes stay (so every window sees the same actors); only edges are filtered.
    """

    def active(u, v, key):
        return is_active(fact_time(graph, v, graph.edges[u, v, key]), window, dates=dates)

    return nx.subgraph_view(graph, filter_edge=active)
