"""The build's headline: who led the mediation in each window, said with its basis.

`describe_leaders` names, per window, every actor that shares the highest mediation
betweenness (a tie is a tie, not a lead broken by name), the value under the other
reading of dates where it differs, and the findings that rest on one source; a run of
windows without a dated mediation act is said as such.

Examples
--------
>>> import pandas as pd
>>> from dipgraph.analysis.timeline import year_window
>>> rows = [("2003", a, n, 0.5) for a, n in [("fr", "France"), ("ru", "Russia")]]
>>> measures = pd.DataFrame(
...     [dict(window=w, actor=a, name=n, measure="mediation_betweenness", value=v,
...           dates="lenient", strict=0.0, lenient=v) for w, a, n, v in rows])
>>> sensitivity = pd.DataFrame([dict(window="2003", actor="fr", rests_on=["memo"])])
>>> tables = {"measures": measures, "sensitivity": sensitivity}
>>> print(describe_leaders(tables, [year_window(y) for y in (2001, 2002, 2003)]))
Leading mediator by mediation betweenness (dated mediation acts, lenient dates):
  2001-2002: no dated mediation act
  2003: France, Russia 0.50 [strict 0.00] (one source: memo)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .options import AnalysisOptions
from .timeline import Window

__all__ = ["describe_leaders"]


def describe_leaders(
    tables: Mapping[str, pd.DataFrame],
    windows: Sequence[Window],
    *,
    options: AnalysisOptions | None = None,
) -> str:
    """One line per window (see the module's description), from the ``measures`` and
    ``sensitivity`` tables of `dipgraph.analysis.job.analyze_graph`."""
    options = options or AnalysisOptions()
    table = tables["measures"]
    mediation = table[(table.measure == "mediation_betweenness") & (table.value > 0)]
    single = _single_source_findings(tables.get("sensitivity"))
    what = "dated mediation acts" if options.mediation == "acts" else "all mediation"
    lines = [f"Leading mediator by mediation betweenness ({what}, {options.dates} dates):"]
    empty: list[Window] = []
    for w in windows:
        rows = mediation[mediation.window == w.label]
        if rows.empty:
            empty.append(w)
            continue
        lines += _no_act_line(empty)
        empty = []
        lines.append(f"  {w.label}: {_leaders(rows, single.get(w.label, {}))}")
    return "\n".join(lines + _no_act_line(empty))


def _leaders(rows: pd.DataFrame, rests_on: dict[str, list[str]]) -> str:
    """``France, Russia, United States 0.33``, then what differs under strict dates and
    which finding rests on one source."""
    best = rows.value.max()
    tied = rows[np.isclose(rows.value, best)].sort_values("name")
    text = f"{', '.join(tied.name)} {best:.2f}"
    other = "strict" if "strict" in tied and tied.dates.iloc[0] == "lenient" else "lenient"
    if other in tied and not np.allclose(tied[other].fillna(0), best):
        text += " [" + _other_values(tied, other) + "]"
    alone = sorted({s for a in tied.actor for s in rests_on.get(a, [])})
    if alone:
        text += (
            f" (one source: {alone[0]})"
            if len(alone) == 1
            else (f" (each on one source: {', '.join(alone)})")
        )
    return text


def _other_values(tied: pd.DataFrame, other: str) -> str:
    values = tied[other].fillna(0)
    if np.allclose(values, values.iloc[0]):
        return f"{other} {values.iloc[0]:.2f}"
    named = [f"{n} {v:.2f}" for n, v in zip(tied.name, values, strict=True) if v > 0]
    rest = "; others 0.00" if len(named) < len(values) else ""
    return f"{other}: {', '.join(named)}{rest}"


def _no_act_line(windows: list[Window]) -> list[str]:
    if not windows:
        return []
    first, last = windows[0], windows[-1]
    if first == last:
        span = first.label
    elif first.start.endswith("-01-01") and last.end.endswith("-12-31"):
        span = f"{first.start[:4]}-{last.end[:4]}"
    else:
        span = f"{first.label} to {last.label}"
    return [f"  {span}: no dated mediation act"]


def _single_source_findings(sensitivity: pd.DataFrame | None) -> dict[str, dict[str, list[str]]]:
    """window -> actor -> the one source its mediation finding rests on (if any)."""
    if sensitivity is None or sensitivity.empty:
        return {}
    found: dict[str, dict[str, list[str]]] = {}
    for row in sensitivity.itertuples(index=False):
        if row.rests_on:
            found.setdefault(row.window, {})[row.actor] = list(row.rests_on)
    return found
