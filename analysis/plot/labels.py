"""The words on the figures: actor, measure, source and window names, and abbreviations.

Pure text: nothing here draws (`text_width` measures text with the figures' font).

Examples
--------
>>> display_name("Organization for Security and Co-operation in Europe", ["OSCE"])
'OSCE'
>>> measure_name("brokerage_liaison_z")
'Liaison brokerage (z-score)'
>>> abbreviations(["CIS IPA", "Russia"], ["CIS Inter-Parliamentary Assembly", "Russia"])
'Abbreviations: CIS IPA, CIS Inter-Parliamentary Assembly.'
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any

import networkx as nx
import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from ..timeline import Window
from .style import MEASURE_NAMES

_TEXT_TO_PATH = TextToPath()  # measures text on its outlines, unhinted

__all__ = [
    "abbreviations",
    "describe_windows",
    "display_name",
    "graph_labels",
    "join_text",
    "measure_name",
    "node_name",
    "source_titles",
    "table_labels",
    "table_names",
    "text_width",
    "window_axis_label",
    "window_label",
    "wrap_to_width",
]


def display_name(name: str, aliases: Sequence[str] = (), *, width: int = 18, lines: int = 2) -> str:
    """A label that fits ``lines`` lines of ``width`` characters.

    The name itself if it fits on one line, else wrapped onto at most ``lines`` lines,
    else its shortest acronym alias (``OSCE``), else its longest alias that fits, else
    the initials of its capitalised words (``CIS IPA``), else the name cut short.

    >>> display_name("Organization for Security and Co-operation in Europe", ["OSCE"])
    'OSCE'
    >>> display_name("CIS Inter-Parliamentary Assembly")
    'CIS IPA'
    >>> display_name("Nagorno-Karabakh Republic")
    'Nagorno-Karabakh\\nRepublic'
    """
    name = str(name)
    if len(name) <= width:
        return name
    wrapped = textwrap.wrap(name, width, break_long_words=False)
    if len(wrapped) <= lines and all(len(part) <= width for part in wrapped):
        return "\n".join(wrapped)
    fitting = sorted((a for a in aliases if len(a) <= width), key=len)
    acronyms = [a for a in fitting if a.replace("/", "").replace(".", "").isupper()]
    if acronyms:
        return acronyms[0]
    if fitting:
        longest = fitting[-1]  # the most telling of the aliases that fit
        return longest[0].upper() + longest[1:]
    initials = _initials(name)
    if initials:
        return initials
    return name[: width - 1] + "\u2026"


def measure_name(measure: str) -> str:
    """A measure's axis label: ``brokerage_liaison_z`` -> ``Liaison brokerage (z-score)``."""
    if measure in MEASURE_NAMES:
        return MEASURE_NAMES[measure]
    found = re.fullmatch(r"brokerage_([a-z]+)(_z)?", measure)
    if found:
        role = found.group(1).capitalize()
        return f"{role} brokerage (z-score)" if found.group(2) else f"{role} brokerage (pairs)"
    return measure.replace("_", " ").capitalize()


def source_titles(graph: nx.MultiDiGraph, ids: Iterable[str] | None = None) -> list[str]:
    """Readable references for Source nodes: ``Remler et al. (2020), "OSCE Minsk Group"``.

    Parameters
    ----------
    graph
        The graph of `dipgraph.loader.build_networkx`.
    ids
        Source ids to describe, in any order; ``None`` for every Source node. An id
        that is not a Source node is kept as it is.

    Returns
    -------
    list of str
        One reference per source, sorted.
    """
    if ids is None:
        ids = [n for n, label in graph.nodes(data="label") if label == "Source"]
    out = set()
    for source in ids:
        attrs = graph.nodes[source] if source in graph else {}
        out.add(_reference(source, attrs) if attrs.get("label") == "Source" else str(source))
    return sorted(out)


def _reference(source: str, attrs: Mapping[str, Any]) -> str:
    """``Surname et al. (year), "Title"`` for one Source node's attributes."""
    surnames = [a.split()[-1] for a in list(attrs.get("authors") or ())]
    who = (
        f"{surnames[0]} et al." if len(surnames) > 2 else " and ".join(surnames) if surnames else ""
    )
    year = _published(attrs.get("published"))
    inner = (
        str(attrs.get("title") or source).replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    )
    title = f"\u201c{inner}\u201d"
    if who:
        return f"{who} ({year}), {title}" if year else f"{who}, {title}"
    return f"{title} ({year})" if year else title


def _published(value: str | None) -> str:
    if not value:
        return ""
    first, slash, second = str(value).partition("/")
    if slash and second == "..":
        return f"{first[:4]} or later"
    return first[:4]


def window_label(window: Window) -> str:
    """The window's label, with its years when the label gives none.

    >>> window_label(Window("1994-01-01", "1995-12-31", "Bishkek ceasefire"))
    'Bishkek ceasefire (1994\u20131995)'
    """
    if re.search(r"\d{4}", window.label):
        return window.label
    return f"{window.label} ({window.start[:4]}\u2013{window.end[:4]})"


def describe_windows(windows: Sequence[Window]) -> str:
    """The kind of windows, for a caption: ``3 fixed calendar-year windows, 1994-1996``.

    >>> from dipgraph.analysis.timeline import fixed_windows
    >>> describe_windows(fixed_windows(1994, 1999, size=2))
    '3 fixed 2-year windows, 1994\u20131999'
    """
    if not windows:
        return "none"
    first, last = windows[0].start[:4], max(w.end for w in windows)[:4]
    years = []
    for w in windows:
        whole = w.start[5:] == "01-01" and w.end[5:] == "12-31"
        years.append(int(w.end[:4]) - int(w.start[:4]) + 1 if whole else None)
    numeric = all(re.fullmatch(r"\d{4}(-\d{4})?", w.label) for w in windows)
    if numeric and all(years) and len(set(years)) == 1:
        size = "calendar-year" if years[0] == 1 else f"{years[0]}-year"
        return f"{len(windows)} fixed {size} windows, {first}\u2013{last}"
    if numeric and all(years):
        return f"{len(windows)} year windows ({windows[0].label} to {windows[-1].label})"
    if all(w.start == w.end for w in windows):
        return "one-day windows (" + ", ".join(w.start for w in windows) + ")"
    overlap = any(a.end >= b.start for a, b in pairwise(sorted(windows)))
    note = " (overlapping, as the records' periods do)" if overlap else ""
    return f"{len(windows)} named periods, {first}\u2013{last}{note}"


def window_axis_label(order: Sequence[Window]) -> str:
    """``Year`` under calendar-year windows, else ``Window``."""
    return "Year" if "calendar-year" in describe_windows(order) else "Window"


def table_names(table: pd.DataFrame, actors: Sequence[str]) -> list[str]:
    """Each actor's name in the measures table (its id if it has no row)."""
    known = table.drop_duplicates("actor").set_index("actor")["name"].to_dict()
    return [str(known.get(a, a)) for a in actors]


def table_labels(
    table: pd.DataFrame,
    actors: Sequence[str],
    names: Mapping[str, str] | None,
    *,
    width: int,
    lines: int = 2,
) -> list[str]:
    """Display labels for actors of the measures table (`display_name` of ``width`` and
    ``lines``); ``names`` overrides them."""
    names = names or {}
    full = table_names(table, actors)
    return [
        names.get(a) or display_name(f, width=width, lines=lines)
        for a, f in zip(actors, full, strict=True)
    ]


def graph_labels(
    graph: nx.MultiDiGraph,
    actors: Sequence[str],
    names: Mapping[str, str] | None,
    *,
    width: int,
    lines: int = 2,
) -> list[str]:
    """Display labels for graph nodes, from their names and aliases; ``names`` overrides them."""
    names = names or {}
    out = []
    for actor in actors:
        attrs = graph.nodes[actor] if actor in graph else {}
        label = names.get(actor) or display_name(
            attrs.get("name", actor), attrs.get("aliases") or (), width=width, lines=lines
        )
        out.append(label)
    return out


def node_name(graph: nx.MultiDiGraph, node: str) -> str:
    """A node's ``name`` attribute (its id if it has none or is not in the graph)."""
    return str(graph.nodes[node].get("name", node)) if node in graph else node


def abbreviations(labels: Iterable[str], full: Iterable[str]) -> str:
    """The caption's list of the labels that shorten a name (``OSCE, Organization ...``);
    a label that only wraps the name (after a space or a hyphen) is not listed.

    >>> abbreviations(["Minsk Group co-\\nchairmanship"], ["Minsk Group co-chairmanship"])
    ''
    """
    pairs = sorted(
        {
            (_one_line(label), name)
            for label, name in zip(labels, full, strict=True)
            if _one_line(label) != " ".join(str(name).split())
        }
    )
    if not pairs:
        return ""
    return "Abbreviations: " + "; ".join(f"{label}, {name}" for label, name in pairs) + "."


def _one_line(label: str) -> str:
    """A wrapped label on one line again: ``co-`` / ``chairmanship`` is ``co-chairmanship``."""
    return " ".join(label.replace("-\n", "-").split())


def join_text(*parts: str | None) -> str:
    """The non-blank parts, stripped, joined by spaces.

    >>> join_text(" Sources: A. ", None, "", "Windows: none.")
    'Sources: A. Windows: none.'
    """
    return " ".join(p.strip() for p in parts if p and p.strip())


def _initials(name: str) -> str:
    words = [w for w in re.split(r"\s+", name) if w]
    out, run = [], ""
    for word in words:
        if word.isupper() and len(word) > 1:
            if run:
                out.append(run)
                run = ""
            out.append(word)
        else:
            run += "".join(part[0] for part in word.split("-") if part and part[0].isupper())
    if run:
        out.append(run)
    text = " ".join(out)
    return text if len(text.replace(" ", "")) >= 3 and len(text) < len(name) else ""


def text_width(text: str, size: float) -> float:
    """The width in points of the widest line of ``text`` at ``size`` points, in the
    figures' font, as wide as it may come out.

    Measured on the glyphs' outlines (as a PDF or SVG prints them), plus 8 %: a raster
    image fits glyphs to its pixels, which widens text by up to that much.

    >>> text_width("1994", 7) < text_width("1994\\nCeasefire", 7) < text_width("Ceasefire", 8)
    True
    """
    measure = _TEXT_TO_PATH.get_text_width_height_descent
    prop = FontProperties(size=size)
    return 1.08 * max(measure(line, prop, ismath=False)[0] for line in str(text).split("\n"))


def wrap_to_width(text: str, size: float, width: float) -> list[str]:
    """``text`` wrapped at its spaces into lines at most ``width`` points wide at ``size``
    points; a word wider than that gets a line of its own.

    >>> wrap_to_width("First phase of the Minsk Group", 7, 63)
    ['First phase of', 'the Minsk Group']
    """
    lines: list[str] = []
    for word in str(text).split():
        longer = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(longer, size) <= width:
            lines[-1] = longer
        else:
            lines.append(word)
    return lines
