"""dipgraph load, serve and build: the databases and the main job."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dipgraph.errors import ValidationFailed

from .cli import (
    _neo4j_options,
    _print_problems,
    cli,
    open_engine,
)
from .cli_analysis import _leaders, _run_analysis


@cli.command()
@click.option(
    "--home", type=click.Path(path_type=Path), help="Embedded store folder  [env DIPGRAPH_HOME]"
)
@click.option("--port", type=int, default=None, help="Loopback port  [default: a free one]")
@click.pass_obj
def serve(settings, home, port):
    """Keep the embedded engine running until Ctrl-C, for other FalkorDB clients.

    Other dipgraph commands cannot use the store meanwhile: it is locked.
    """
    from dipgraph.loader.embedded import EmbeddedFalkorDB

    server = EmbeddedFalkorDB(home or settings.home, port=port)
    server.start()
    click.echo(
        f"Serving {server.home} on 127.0.0.1:{server.port}, graph {server.graph!r}; press Ctrl-C to stop.",
    )
    try:
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        click.echo("Stopped; the store is saved.")


def _load(settings, options, replace):
    from dipgraph.loader.graph import graph_rows
    from dipgraph.loader.load import load_graph
    from dipgraph.loader.validate import check_records

    records, report = check_records(settings.data)
    if not report.ok:
        raise ValidationFailed(report, wrote_nothing=True)
    rows = graph_rows(records)
    with open_engine(settings, **options) as engine:
        total = len(rows.nodes) + len(rows.edges)
        with click.progressbar(
            length=total, label=f"Loading into {engine.name}", file=sys.stderr
        ) as bar:
            summary = load_graph(engine, rows, replace=replace, progress=bar.update)
    return records, report, rows, summary


@cli.command()
@_neo4j_options
@click.option("--replace", is_flag=True, help="Also remove what the records no longer contain.")
@click.pass_obj
def load(settings, replace, **options):
    """Validate the records and load them (embedded engine unless --neo4j).

    Loading is idempotent: loading twice leaves the same graph.
    """
    _, report, _, summary = _load(settings, options, replace)
    _print_problems(report)
    where = _where(settings, options)
    click.echo(_summary_text(summary, where))


@cli.command()
@_neo4j_options
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), default="out", show_default=True
)
@click.pass_obj
def build(settings, out, **options):
    """The main job: validate, load (replacing the previous load), analyse, draw, export.

    Everything lands in OUT (default out/), listed in OUT/README.md.
    """
    from dipgraph.analysis.export import FORMATS, write_exports
    from dipgraph.analysis.job import write_figures, write_index
    from dipgraph.loader.exports import write_exports as write_records
    from dipgraph.loader.graph import build_networkx

    _, report, rows, summary = _load(settings, options, True)
    records_graph = build_networkx(rows)
    sections = {"records": write_records(records_graph, out / "records", warnings=report.warnings)}
    with click.progressbar(length=3, label="Analysing, drawing, exporting", file=sys.stderr) as bar:
        graph, sides, windows, tables, sections["analysis"] = _run_analysis(
            settings, out, options, graph=records_graph
        )
        bar.update(1)
        sections["figures"], skipped = write_figures(graph, sides, tables, windows, out / "figures")
        bar.update(1)
        sections["export"] = write_exports(graph, out / "export", formats=FORMATS)
        bar.update(1)
    where = _where(settings, options)
    text = _summary_text(summary, where)
    index = write_index(out, sections, summary="```\n" + text + "\n```", skipped=skipped)
    click.echo(text)
    click.echo(_leaders(tables["measures"], windows[-3:]))
    warned = f" (listed in {out / 'records' / 'warnings.txt'})" if report.warnings else ""
    click.echo(f"Warnings: {len(report.warnings)}{warned}")
    for name, why in skipped.items():
        click.echo(f"Figure {name} not drawn: {why}")
    counts = ", ".join(f"{name} {len(paths)} files" for name, paths in sections.items())
    click.echo(f"Outputs in {out}/: {counts}; index: {index}")


def _where(settings, options):
    """The database a load went to: the Neo4j URI, or the embedded store's folder."""
    if options["use_neo4j"]:
        return options["uri"] or settings.neo4j_uri
    return options["home"] or settings.home


def _summary_text(summary, where) -> str:
    nodes = ", ".join(f"{k} {v}" for k, v in sorted(summary.nodes.items()))
    rels = ", ".join(f"{k} {v}" for k, v in sorted(summary.relationships.items()))
    return (
        f"Loaded into {summary.engine} ({where}):\n"
        f"  nodes {sum(summary.nodes.values())}: {nodes}\n"
        f"  relationships {sum(summary.relationships.values())}: {rels}"
    )
