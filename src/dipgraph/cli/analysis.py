"""dipgraph analyze, figures and export: the analysis and its outputs."""

from __future__ import annotations

from pathlib import Path

import click

from dipgraph.analysis.options import EXPORT_FORMATS, AnalysisOptions
from dipgraph.settings import Settings

from .options import analysis_options, chosen_texts, engine_options, out_option, texts_option

__all__ = ["COMMANDS"]

_FROM_DB = click.option(
    "--from-db", is_flag=True, help="Analyse the database (embedded, or Neo4j with --neo4j)."
)


@click.command()
@analysis_options
@_FROM_DB
@click.pass_obj
@engine_options
@out_option
def analyze(settings: Settings, out: Path, options: AnalysisOptions, from_db: bool) -> None:
    """Centrality, brokerage, roles and source sensitivity per time window.

    Writes out/analysis/{measures,roles,transitions,sensitivity}.csv and prints the
    leading mediator of each window.
    """
    from dipgraph.pipeline import analyze_data, leading_mediators

    result = analyze_data(settings, out=out, options=options, from_db=from_db)
    click.echo(leading_mediators(result))
    names = ", ".join(p.name for p in result.written)
    click.echo(
        f"Tables in {out / 'analysis'}/: {names}  "
        f"(dates: {options.dates}, level: {options.level}, mediation: {options.mediation})"
    )


@click.command()
@analysis_options
@_FROM_DB
@click.pass_obj
@engine_options
@out_option
def figures(settings: Settings, out: Path, options: AnalysisOptions, from_db: bool) -> None:
    """Figures (PNG, SVG and PDF): trajectories, heatmap, role timeline, period networks, brokerage mix."""
    from dipgraph.pipeline import analyze_data, draw_figures

    drawn = draw_figures(analyze_data(settings, out=out, options=options, from_db=from_db), out=out)
    click.echo(f"Wrote {len(drawn.written)} file(s) in {out / 'figures'}/")
    for name, why in drawn.skipped.items():
        click.echo(f"Figure {name} not drawn: {why}")


@click.command()
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice([*EXPORT_FORMATS, "all"]),
    default=["all"],
    show_default=True,
    help="Repeat for several formats.",
)
@click.option(
    "--from-db", is_flag=True, help="Export the database (embedded, or Neo4j with --neo4j)."
)
@click.pass_obj
@engine_options
@out_option
@texts_option
def export(
    settings: Settings, formats: tuple[str, ...], from_db: bool, out: Path, texts: Path | None
) -> None:
    """Write the graph as GraphML, GEXF 1.3, CSV, Cytoscape.js JSON and an HTML explorer.

    With --texts, the explorer shows the cited passages themselves (keep it private if
    the texts are).
    """
    from dipgraph.pipeline import export_graph

    chosen = EXPORT_FORMATS if "all" in formats else tuple(formats)
    texts = chosen_texts(settings, texts) if "html" in chosen else None
    written = export_graph(settings, out=out, formats=chosen, from_db=from_db, texts=texts)
    click.echo(
        f"Wrote {len(written)} file(s) in {out / 'export'}/: " + ", ".join(p.name for p in written)
    )


COMMANDS = (analyze, figures, export)
