"""The analysis as one call: windows from the user's options, every table, files.

`choose_windows` turns CLI-style options (``"3y"``, a step, expanding, named
periods, a single date) into windows; `analyze_graph` computes the measures, roles,
role transitions and source sensitivity; `write_analysis` saves them as CSV and
`write_figures` draws the five figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import networkx as nx
import pandas as pd

from dipgraph.errors import AnalysisError
from dipgraph.loader.exports import flat_frame

from .actors import Prepared, side_members
from .compiled import one_blas_thread
from .figure_jobs import FigureFiles, FigureInputs
from .figure_jobs import write_figures as draw_all
from .measures import profile, with_readings
from .options import DATES
from .roles import actor_roles, role_transitions
from .sensitivity import source_sensitivity
from .timeline import Window, as_of, data_years, fixed_windows, period_windows

__all__ = [
    "FigureFiles",
    "analyze_graph",
    "choose_windows",
    "data_years",
    "write_analysis",
    "write_figures",
]


def choose_windows(
    graph: nx.MultiDiGraph,
    *,
    window: str | None = None,
    step: str | None = None,
    expanding: bool = False,
    periods: bool = False,
    on: str | None = None,
    first: int | None = None,
    last: int | None = None,
) -> list[Window]:
    """Windows from options: ``periods``, a single date ``on``, or ``window`` years.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", earliest="1994-05-05", latest="1996-01-01")
    >>> [w.label for w in choose_windows(g, window="2y")]
    ['1994-1995', '1996-1997']
    """
    if periods:
        found = period_windows(graph)
        if not found:
            raise AnalysisError("the records define no Period to slice by")
        return found
    if on:
        return [as_of(on)]
    years = data_years(graph)
    return fixed_windows(
        first or years[0],
        last or years[1],
        size=_years(window or "1y"),
        step=_years(step) if step else None,
        mode="expanding" if expanding else "rolling",
    )


def _years(text: str) -> int:
    match = re.fullmatch(r"(\d+)y", text.strip())
    if not match or int(match.group(1)) < 1:
        raise AnalysisError(f"window {text!r}: expected a number of years such as 1y or 3y")
    return int(match.group(1))


def analyze_graph(
    graph: nx.MultiDiGraph,
    sides: dict,
    windows: list[Window],
    *,
    dates: str = "lenient",
    level: str = "state",
    mediation: str = "acts",
    permutations: int = 200,
    seed: int = 0,
) -> dict[str, pd.DataFrame]:
    """``measures``, ``roles``, ``transitions`` and ``sensitivity`` tables. ``sides`` as
    `dipgraph.analysis.actors.side_members` takes them: side -> member ids, or what
    ``read_sides`` returns. ``measures`` gives every value under both readings of dates
    too (columns ``strict`` and ``lenient``), ``value`` being the one of ``dates``."""
    sides = side_members(sides)
    # The graph is read once; each window's facts are worked out once per reading of
    # dates and shared by every table.
    read = Prepared(graph, dates)
    prepared = {reading: read.reading(reading) if reading != dates else read for reading in DATES}
    with one_blas_thread():
        roles = actor_roles(
            graph, windows, sides, level=level, dates=dates, prepared=prepared[dates]
        )
        measured = {
            reading: profile(
                graph,
                windows,
                sides,
                level=level,
                dates=reading,
                mediation=mediation,
                permutations=permutations,
                seed=seed,
                prepared=prepared[reading],
            )
            for reading in DATES
        }
        sensitivity = source_sensitivity(
            graph,
            windows,
            sides,
            level=level,
            dates=dates,
            mediation=mediation,
            prepared=prepared[dates],
        )
    other = next(reading for reading in DATES if reading != dates)
    return {
        "measures": with_readings(measured[dates], measured[other]),
        "roles": roles,
        "transitions": role_transitions(roles),
        "sensitivity": sensitivity,
    }


def write_analysis(tables: dict[str, pd.DataFrame], out: Path | str) -> list[Path]:
    """One CSV per table; sets and lists become ``a|b`` (as in every CSV dipgraph writes)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        path = out / f"{name}.csv"
        flat = flat_frame(table.to_dict("records"), columns=table.columns)
        flat.to_csv(path, index=False)
        written.append(path)
    return written


def write_figures(
    graph: nx.MultiDiGraph,
    sides: dict[str, list[str]],
    tables: dict[str, pd.DataFrame],
    windows: list[Window],
    out: Path | str,
    *,
    dates: str = "lenient",
    level: str = "state",
    pool: ProcessPoolExecutor | None = None,
    meanwhile: Callable[[], object] | None = None,
    conflict: str | None = None,
) -> FigureFiles:
    """The five figures, as PNG, SVG and PDF, into ``out``; with a ``pool`` (see
    `dipgraph.analysis.figure_jobs.figure_pool`), partly in a second process while this
    one runs ``meanwhile``. ``conflict``: the conflict the graph is the part of, named
    in each caption."""
    inputs = FigureInputs(graph, sides, tables["measures"], windows, dates, level, conflict)
    return draw_all(inputs, out, pool=pool, meanwhile=meanwhile)
