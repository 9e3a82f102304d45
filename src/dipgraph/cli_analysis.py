"""dipgraph analyze, figures and export: the analysis and its outputs."""

from __future__ import annotations

from pathlib import Path

import click

from dipgraph.errors import ValidationFailed

from .cli import (
    _neo4j_options,
    cli,
    open_engine,
)


def _slicing_options(f):
    for option in reversed(
        [
            click.option(
                "--window",
                default=None,
                help="Window length in years, e.g. 1y or 3y  [default: 1y]",
            ),
            click.option(
                "--step",
                default=None,
                help="Step between windows, e.g. 1y  [default: the window length]",
            ),
            click.option(
                "--expanding", is_flag=True, help="Every window starts at the first year."
            ),
            click.option(
                "--periods", is_flag=True, help="One window per named Period in the records."
            ),
            click.option(
                "--as-of",
                "on",
                metavar="DATE",
                help="One window: the single day DATE (YYYY-MM-DD).",
            ),
            click.option(
                "--dates",
                type=click.Choice(["lenient", "strict"]),
                default="lenient",
                show_default=True,
                help="Count a fact whenever it may fall in a window, or only when it certainly does.",
            ),
            click.option(
                "--level",
                type=click.Choice(["state", "person"]),
                default="state",
                show_default=True,
            ),
            click.option(
                "--from-db",
                is_flag=True,
                help="Analyse the database (embedded, or Neo4j with --neo4j).",
            ),
        ]
    ):
        f = option(f)
    return f


def _analysis_graph(settings, options, from_db, graph=None):
    """The graph to analyse (given, records, or a database) and the conflict's sides."""
    from dipgraph.analysis.actors import read_sides
    from dipgraph.loader.graph import build_networkx, graph_rows
    from dipgraph.loader.load import read_networkx
    from dipgraph.loader.validate import check_records

    if graph is None and from_db:
        with open_engine(settings, **options) as engine:
            graph = read_networkx(engine)
    elif graph is None:
        records, report = check_records(settings.data)
        if not report.ok:
            raise ValidationFailed(report)
        graph = build_networkx(graph_rows(records))
    path = settings.data / "sides.yaml"
    if not path.is_file():  # without sides, the measures between sides are left out
        return graph, {}
    sides = read_sides(path, graph)
    if len(sides) != 1:
        raise click.ClickException(f"{path} must describe exactly one conflict for now")
    return graph, next(iter(sides.values()))


# The slicing options and their defaults (what dipgraph build uses).
SLICING = {"window": None, "step": None, "expanding": False, "periods": False, "on": None}
DEFAULTS = {**SLICING, "dates": "lenient", "level": "state", "from_db": False}


def _run_analysis(settings, out, options, graph=None):
    """Analyse as the options say (``graph``: one already built from the records);
    ``options`` keeps only the engine options after."""
    from dipgraph.analysis.job import analyze, choose_windows, write_analysis

    chosen = {key: options.pop(key, default) for key, default in DEFAULTS.items()}
    graph, sides = _analysis_graph(settings, options, chosen["from_db"], graph)
    windows = choose_windows(graph, **{key: chosen[key] for key in SLICING})
    dates, level = chosen["dates"], chosen["level"]
    tables = analyze(graph, sides, windows, dates=dates, level=level)
    return graph, sides, windows, tables, write_analysis(tables, out / "analysis")


@cli.command()
@_slicing_options
@_neo4j_options
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), default="out", show_default=True
)
@click.pass_obj
def analyze(settings, out, **options):
    """Centrality, brokerage, roles and source sensitivity per time window.

    Writes out/analysis/{measures,roles,transitions,sensitivity}.csv and prints the
    leading mediator of each window.
    """
    dates, level = options.get("dates"), options.get("level")
    _, _, windows, tables, written = _run_analysis(settings, out, options)
    click.echo(_leaders(tables["measures"], windows))
    names = ", ".join(p.name for p in written)
    click.echo(f"Tables in {out / 'analysis'}/: {names}  (dates: {dates}, level: {level})")


@cli.command()
@_slicing_options
@_neo4j_options
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), default="out", show_default=True
)
@click.pass_obj
def figures(settings, out, **options):
    """Figures (PNG and SVG): trajectories, heatmap, role timeline, period networks, brokerage mix."""
    from dipgraph.analysis.job import write_figures

    dates, level = options.get("dates"), options.get("level")
    graph, sides, windows, tables, _ = _run_analysis(settings, out, options)
    written, skipped = write_figures(
        graph, sides, tables, windows, out / "figures", dates=dates, level=level
    )
    click.echo(f"Wrote {len(written)} file(s) in {out / 'figures'}/")
    for name, why in skipped.items():
        click.echo(f"Figure {name} not drawn: {why}")


def _leaders(table, windows) -> str:
    mediation = table[table.measure == "mediation_betweenness"]
    lines = ["Leading mediator by mediation betweenness:"]
    for w in windows:
        rows = mediation[mediation.window == w.label].sort_values("value", ascending=False)
        top = ", ".join(f"{r.name} {r.value:.2f}" for r in rows.head(2).itertuples()) or "-"
        lines.append(f"  {w.label}: {top}")
    return "\n".join(lines)


@cli.command()
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["graphml", "gexf", "csv", "json", "html", "all"]),
    default=["all"],
    show_default=True,
    help="Repeat for several formats.",
)
@click.option(
    "--from-db", is_flag=True, help="Export the database (embedded, or Neo4j with --neo4j)."
)
@_neo4j_options
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), default="out", show_default=True
)
@click.pass_obj
def export(settings, formats, from_db, out, **options):
    """Write the graph as GraphML, GEXF 1.3, CSV, Cytoscape.js JSON and an HTML explorer."""
    from dipgraph.analysis.export import FORMATS, write_exports

    graph, _ = _analysis_graph(settings, options, from_db)
    chosen = FORMATS if "all" in formats else tuple(formats)
    written = write_exports(graph, out / "export", formats=chosen)
    click.echo(
        f"Wrote {len(written)} file(s) in {out / 'export'}/: " + ", ".join(p.name for p in written)
    )
