"""What the figures of the measures table show, as plain data: no drawing here.

The table is the tidy table of `dipgraph.analysis.measures.profile`: one row per window,
actor and measure, with columns ``window, start, end, actor, name, measure, value`` (and
``level`` and ``dates``, which the captions report).

Examples
--------
>>> import pandas as pd
>>> rows = [("1994", "1994-01-01", "1994-12-31", "ru", "Russia", 1.0),
...         ("1994", "1994-01-01", "1994-12-31", "fr", "France", 0.5),
...         ("1995", "1995-01-01", "1995-12-31", "fr", "France", 1.0)]
>>> table = pd.DataFrame(rows, columns=["window", "start", "end", "actor", "name", "value"])
>>> table = table.assign(measure="degree")
>>> top_actors(table, measure="degree", top=2)
['fr', 'ru']
>>> measure_matrix(table, ["ru", "fr"], window_order(table, None)).tolist()
[[1.0, nan], [0.5, 1.0]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from dipgraph.errors import AnalysisError

from ..brokerage import BROKERAGE_ROLES
from ..timeline import Window

__all__ = [
    "brokerage_measures",
    "brokerage_sums",
    "measure_matrix",
    "measure_rows",
    "reading_ranges",
    "tie_offsets",
    "top_actors",
    "value_limits",
    "value_range",
    "window_order",
    "window_ranks",
]


def measure_rows(table: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The table's rows of ``measure``; raise `AnalysisError` (naming the measures) if none."""
    rows = table[table["measure"] == measure]
    if rows.empty:
        known = ", ".join(sorted(table["measure"].unique())) if "measure" in table else ""
        if not known:  # no actor has a relationship dated in any window yet
            raise AnalysisError("the table has no measures: no actor takes part in a dated act")
        raise AnalysisError(f"measure {measure!r} has no rows in the table (measures: {known})")
    return rows


def window_order(table: pd.DataFrame, windows: Sequence[Window] | None) -> list[Window]:
    """``windows`` as given, or by default the table's windows by start, end and label."""
    if windows is not None:
        return list(windows)
    seen = table[["window", "start", "end"]].drop_duplicates()
    found = {Window(str(r.start), str(r.end), str(r.window)) for r in seen.itertuples(index=False)}
    return sorted(found, key=lambda w: (w.start, w.end, w.label))


def top_actors(table: pd.DataFrame, *, measure: str, top: int) -> list[str]:
    """The ``top`` actor ids with the largest total ``measure`` over windows (ties by name)."""
    rows = measure_rows(table, measure).dropna(subset=["value"])
    totals = rows.groupby("actor")["value"].sum().reset_index()
    totals["name"] = totals["actor"].map(rows.groupby("actor")["name"].first())
    totals = totals.sort_values(["value", "name"], ascending=[False, True], kind="stable")
    return totals["actor"].head(top).tolist()


def window_ranks(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with each value replaced by its rank in its window (1 = highest; ties share
    the best rank)."""
    return rows.assign(value=rows.groupby("window")["value"].rank(ascending=False, method="min"))


def measure_matrix(
    rows: pd.DataFrame, actors: Sequence[str], order: Sequence[Window]
) -> np.ndarray:
    """Actors x windows array of the rows' values, NaN where an actor has no row."""
    pivot = rows.pivot_table(index="actor", columns="window", values="value", aggfunc="first")
    pivot = pivot.reindex(index=list(actors), columns=[w.label for w in order])
    return pivot.to_numpy(dtype=float)


def reading_ranges(
    rows: pd.DataFrame, actors: Sequence[str], order: Sequence[Window]
) -> tuple[np.ndarray, np.ndarray] | None:
    """Actors x windows arrays of the lower and the higher of the values under strict and
    lenient dating (columns ``strict`` and ``lenient``), or None if the table has none."""
    if not {"strict", "lenient"} <= set(rows.columns):
        return None
    both = [
        measure_matrix(rows.assign(value=rows[reading]), actors, order)
        for reading in ("strict", "lenient")
    ]
    return np.fmin(*both), np.fmax(*both)


def value_range(matrix: np.ndarray) -> tuple[float, float]:
    """The smallest and largest finite values, or ``(0.0, 1.0)`` if there are none."""
    finite = matrix[np.isfinite(matrix)]
    return (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)


def value_limits(matrix: np.ndarray, *, rank: bool) -> tuple[float, float]:
    """Axis limits around the values with a 7% margin; values (not ranks) include 0."""
    low, high = value_range(matrix)
    if not rank:
        low = min(low, 0.0)
    margin = 0.07 * (high - low or 1.0)
    return (low - margin, high + margin)


def tie_offsets(matrix: np.ndarray) -> np.ndarray:
    """Where actors share a value in a window, their positions about it: ``-0.5, 0.5`` for
    two, ``-1, 0, 1`` for three, in row order; 0 for a value held by one actor.

    >>> tie_offsets(np.array([[1.0, 2.0], [1.0, np.nan], [1.0, 3.0]])).tolist()
    [[-1.0, 0.0], [0.0, 0.0], [1.0, 0.0]]
    """
    offsets = np.zeros_like(matrix)
    for j in range(matrix.shape[1]):
        column = matrix[:, j]
        for value in np.unique(column[np.isfinite(column)]):
            tied = np.flatnonzero(np.isclose(column, value))
            offsets[tied, j] = np.arange(len(tied)) - (len(tied) - 1) / 2
    return offsets


def brokerage_measures() -> list[str]:
    """The measures of the five brokerage role counts, ``brokerage_<role>``, in role order."""
    return [f"brokerage_{role}" for role in BROKERAGE_ROLES]


def brokerage_sums(table: pd.DataFrame, windows: Sequence[Window] | None) -> pd.DataFrame:
    """Windows x roles: each role count summed over the actors (0 where there is no row).

    The index holds the labels of the windows of `window_order`, the columns
    `brokerage_measures`. Raise `AnalysisError` if the table has no such rows.
    """
    measures = brokerage_measures()
    rows = table[table["measure"].isin(measures)]
    if rows.empty:
        raise AnalysisError("the table has no brokerage_<role> rows to plot")
    order = window_order(table, windows)
    sums = rows.groupby(["window", "measure"])["value"].sum().unstack(fill_value=0.0)
    return sums.reindex(index=[w.label for w in order], columns=measures).fillna(0.0)
