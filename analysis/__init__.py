"""Who brokered between the parties, and how roles changed: time windows
(`timeline`), attribution to states (`actors`), projections and measures, brokerage,
roles, source sensitivity, figures (`plot`), exports and the HTML explorer.

`job` runs the whole analysis of a graph; `options` holds the choices it takes.
"""

if __name__ != "dipgraph.analysis":  # imported by its folder name, from the repository root
    raise ImportError(
        "import this folder as dipgraph.analysis, not analysis (pip install -e . makes it importable)"
    )
