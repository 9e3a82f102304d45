"""The five figures as separate jobs, so that a second process can draw some of them.

Drawing and saving the figures is the longest stage of a build (matplotlib lays out
and renders each figure three times, PNG, SVG and PDF). `write_figures` draws each
named figure with `draw_figure`, a plain function of picklable inputs; given a
`figure_pool`, it sends the figures to a worker process and draws in this process
those the worker has not started by the time the caller is free (``steal=True``).
The files are the same whichever process draws them.

The worker is started early (``figure_pool`` imports matplotlib in it at once), dies
with dipgraph however dipgraph ends (Linux's parent-death signal), and is shut down
when the ``with`` block ends.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd

from dipgraph.errors import AnalysisError
from dipgraph.loader.children import die_with_parent

from .timeline import Window, period_windows

__all__ = ["FIGURES", "FigureFiles", "FigureInputs", "draw_figure", "figure_pool", "write_figures"]

FIGURES = ("trajectories", "heatmap", "role_timeline", "brokerage_mix", "period_networks")
# The order of the work, longest first: the worker takes from the front, this process
# from the back.
_LONGEST_FIRST = ("period_networks", "trajectories", "role_timeline", "heatmap", "brokerage_mix")


@dataclass(frozen=True)
class FigureFiles:
    """The figure files written, and the figures not drawn because the data gives
    them nothing to draw (name -> why)."""

    written: list[Path]
    skipped: dict[str, str]


@dataclass(frozen=True)
class FigureInputs:
    """What the figures are drawn from (picklable, to reach a worker process)."""

    graph: nx.MultiDiGraph
    sides: dict[str, list[str]]
    measures: pd.DataFrame
    windows: list[Window]
    dates: str = "lenient"
    level: str = "state"
    conflict: str | None = None  # named in each caption, in a corpus of several


def draw_figure(name: str, inputs: FigureInputs, out: Path) -> list[Path] | str:
    """Draw figure ``name`` and save it as ``out/name.{png,svg,pdf}``; the files, or
    why the data give it nothing to draw."""
    from . import plot

    try:
        figure = _drawing(name, inputs, plot)
    except AnalysisError as exc:
        return str(exc)
    return plot.save_figure(figure, out / name)


def _drawing(name: str, inputs: FigureInputs, plot):
    graph, measures, windows = inputs.graph, inputs.measures, inputs.windows
    sources = plot.source_titles(graph)
    # Without sides there is no mediation betweenness: show plain betweenness instead.
    mediation = (measures.measure == "mediation_betweenness").any()
    measure = "mediation_betweenness" if mediation else "betweenness"
    said = {"sources": sources, "caption": _conflict_caption(graph, inputs.conflict)}
    if name == "trajectories":
        return plot.plot_trajectories(measures, measure=measure, windows=windows, **said)
    if name == "heatmap":
        return plot.plot_heatmap(measures, measure=measure, windows=windows, **said)
    if name == "role_timeline":
        first, last = int(windows[0].start[:4]), int(windows[-1].end[:4])
        return plot.plot_role_timeline(graph, start=first, end=last, **said)
    if name == "brokerage_mix":
        return plot.plot_brokerage_mix(measures, windows=windows, **said)
    if name == "period_networks":
        return plot.plot_period_networks(
            graph,
            period_windows(graph),
            inputs.sides,
            level=inputs.level,
            dates=inputs.dates,
            **said,
        )
    raise AnalysisError(f"no figure {name!r} (figures: {', '.join(FIGURES)})")


def _conflict_caption(graph: nx.MultiDiGraph, conflict: str | None) -> str | None:
    """ "Conflict: <its name>." for one conflict's figures in a corpus of several."""
    if conflict is None:
        return None
    name = graph.nodes[conflict].get("name", conflict) if conflict in graph else conflict
    return f"Conflict: {name} (only its events, documents and formats)."


@contextlib.contextmanager
def figure_pool() -> Iterator[ProcessPoolExecutor | None]:
    """A worker process for figures (None on a one-core machine), shut down on exit."""
    if (os.cpu_count() or 1) < 2:
        yield None
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process with threads
    pool = ProcessPoolExecutor(
        1, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),)
    )
    pool.submit(_warm_up)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_start(parent: int) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is dipgraph's to handle


def _warm_up() -> None:
    from . import plot  # noqa: F401 - matplotlib's import, while the build goes on


def write_figures(
    inputs: FigureInputs,
    out: Path | str,
    *,
    pool: ProcessPoolExecutor | None = None,
    names: tuple[str, ...] = FIGURES,
    meanwhile: Callable[[], object] | None = None,
) -> FigureFiles:
    """Draw ``names`` into ``out``: in the ``pool``'s worker if given, this process
    running ``meanwhile`` (another stage of the build) and then drawing whichever
    figures the worker has not started yet."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    order = sorted(names, key=lambda n: _LONGEST_FIRST.index(n) if n in _LONGEST_FIRST else -1)
    sent: dict[str, Future] = {}
    if pool is not None:
        sent = {name: pool.submit(draw_figure, name, inputs, out) for name in order}
    if meanwhile is not None:
        meanwhile()
    results = {}
    for name in reversed(order):  # the shortest first, from the back of the queue
        if name not in sent or sent[name].cancel():
            results[name] = draw_figure(name, inputs, out)
    results.update({name: job.result() for name, job in sent.items() if name not in results})
    written: list[Path] = []
    skipped: dict[str, str] = {}
    for name in names:
        drawn = results[name]
        if isinstance(drawn, str):
            skipped[name] = drawn
        else:
            written += drawn
    return FigureFiles(written, skipped)
