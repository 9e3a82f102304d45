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
CONFLICT_OPTION = click.option(
    "--conflict",
    metavar="ID",
    help="Only this conflict of sides.yaml  [default: each, into a folder of its own "
    "when there are several]",
)


@click.command()
@analysis_options
@_FROM_DB
@CONFLICT_OPTION
@click.pass_obj
@engine_options
@out_option
def analyze(
    settings: Settings, out: Path, options: AnalysisOptions, from_db: bool, conflict: str | None
) -> None:
    """Centrality, brokerage, roles and source sensitivity per time window.

    Writes out/analysis/{measures,roles,transitions,sensitivity}.csv (out/analysis/ID/
    for each conflict ID when sides.yaml has several) and prints the leading mediator
    of each window.
    """
    from dipgraph.pipeline import analyze_conflicts, describe_analysis

    results = analyze_conflicts(
        settings, out=out, options=options, from_db=from_db, conflict=conflict
    )
    for result in results:
        click.echo(describe_analysis(result))
        names = ", ".join(p.name for p in result.written)
        click.echo(
            f"Tables in {result.inputs.folder(out, 'analysis')}/: {names}  "
            f"(dates: {options.dates}, level: {options.level}, mediation: {options.mediation})"
        )


@click.command()
@analysis_options
@_FROM_DB
@CONFLICT_OPTION
@click.pass_obj
@engine_options
@out_option
def figures(
    settings: Settings, out: Path, options: AnalysisOptions, from_db: bool, conflict: str | None
) -> None:
    """Figures (PNG, SVG and PDF): trajectories, heatmap, role timeline, period networks, brokerage mix."""
    from dipgraph.pipeline import analyze_conflicts, draw_figures

    results = analyze_conflicts(
        settings, out=out, options=options, from_db=from_db, conflict=conflict
    )
    for result in results:
        drawn = draw_figures(result, out=out)
        click.echo(f"Wrote {len(drawn.written)} file(s) in {result.inputs.folder(out, 'figures')}/")
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
