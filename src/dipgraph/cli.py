"""The ``dipgraph`` command: a thin layer over dipgraph.loader (and later dipgraph.analysis)."""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from pathlib import Path

import click

from dipgraph.loader.errors import DipgraphError, EngineError, ValidationFailed

from .settings import Settings


class _Group(click.Group):
    """Turns every library error into one clear message, with no traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            _print_problems(exc.report)
            raise click.ClickException(str(exc)) from None
        except DipgraphError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group)
@click.version_option(package_name="dipgraph")
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    help="Records folder  [env DIPGRAPH_DATA; default: data]",
)
@click.pass_context
def cli(ctx, data):
    """Sourced records of diplomatic mediation, as a graph."""
    settings = Settings.from_env()
    if data is not None:
        settings = dataclasses.replace(settings, data=data)
    ctx.obj = settings


def _print_problems(report) -> None:
    for problem in report.errors + report.warnings:
        click.echo(str(problem), err=True)


def _texts_option(f):
    return click.option(
        "--texts",
        type=click.Path(path_type=Path, file_okay=False),
        help="Folder with the source documents' text files  [env DIPGRAPH_TEXTS]",
    )(f)


def _texts(settings: Settings, texts: Path | None) -> Path | None:
    return texts if texts is not None else settings.texts


@cli.command()
@_texts_option
@click.pass_obj
def validate(settings, texts):
    """Check every record; list all problems as file:line: record: field: message.

    With --texts, also verify source hashes and cited passages (as `sources verify`).
    """
    from dipgraph.loader.sources import verify_sources
    from dipgraph.loader.validate import check_records

    records, report = check_records(settings.data)
    texts = _texts(settings, texts)
    if texts is not None and report.ok:
        report.problems.extend(verify_sources(records, texts).problems)
    _print_problems(report)
    if not report.ok:
        raise click.ClickException(
            f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
        )
    click.echo(
        f"{len(records.entities)} entities, {len(records.claims)} claims from {len(records.sources)} sources: "
        f"no errors, {len(report.warnings)} warning(s)"
    )


@cli.command()
@_texts_option
@click.option(
    "--show-uncovered/--no-show-uncovered", default=True, help="List unexplained paragraphs."
)
@click.pass_obj
def stats(settings, texts, show_uncovered):
    """Counts by label, type and source; with --texts, the paragraph coverage of each source.

    A paragraph no citation points into must be explained in data/coverage.yaml;
    the exit status is 1 while any is left unexplained.
    """
    from dipgraph.loader.coverage import count_records, document_coverage
    from dipgraph.loader.problems import Report
    from dipgraph.loader.validate import check_records

    records, report = check_records(settings.data)
    if not report.ok:
        raise ValidationFailed(report)
    counts = count_records(records)
    click.echo("Nodes by label: " + _counted(counts["labels"]))
    click.echo("Relationships by type: " + _counted(counts["types"]))
    click.echo("\nsource               entities  claims  relationships  only source")
    for source in records.sources:
        row = [
            counts["sources"][(source, k)]
            for k in ("entities", "claims", "relationships", "only source")
        ]
        click.echo(f"{source:<20} {row[0]:>8}  {row[1]:>6}  {row[2]:>13}  {row[3]:>11}")
    texts = _texts(settings, texts)
    if texts is None:
        click.echo("\n(paragraph coverage needs the source texts: --texts DIR or DIPGRAPH_TEXTS)")
        return
    problems = Report()
    documents = document_coverage(records, texts, problems)
    _print_problems(problems)
    click.echo("\nsource               paragraphs  cited  explained  unexplained  cited share")
    for doc in documents:
        row = (len(doc.paragraphs), len(doc.cited), len(doc.explained), len(doc.unexplained))
        click.echo(
            f"{doc.source:<20} {row[0]:>10}  {row[1]:>5}  {row[2]:>9}  {row[3]:>11}  {doc.cited_share:>11.0%}"
        )
    left = [(doc, n) for doc in documents for n in doc.unexplained]
    if show_uncovered:
        for doc, number in left:
            start, end = doc.paragraphs[number - 1]
            click.echo(
                f"unexplained: {doc.source} para {number}: {_preview(texts, records, doc.source, start, end)}"
            )
    if left or not problems.ok:
        raise click.ClickException(
            f"{len(left)} paragraph(s) neither cited nor explained in data/coverage.yaml"
        )


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


def _counted(counter) -> str:
    return (
        f"{sum(counter.values())} ("
        + ", ".join(f"{k} {v}" for k, v in sorted(counter.items()))
        + ")"
    )


def _preview(texts, records, source, start, end) -> str:
    from dipgraph.loader.sources import read_source_text

    words = read_source_text(records.sources[source], texts)[start:end].split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


@cli.group()
def sources():
    """Find passages in the source texts and verify citations against them."""


@sources.command()
@click.argument("source")
@click.argument("words", nargs=-1, required=True)
@_texts_option
@click.pass_obj
def locate(settings, source, words, texts):
    """Print the span of WORDS in SOURCE, ready to paste into a record's cite."""
    from dipgraph.loader.records import read_records
    from dipgraph.loader.sources import locate as find
    from dipgraph.loader.sources import read_source_text

    records = read_records(settings.data)
    if source not in records.sources:
        from dipgraph.loader.problems import did_you_mean

        raise click.ClickException(
            f"unknown source {source!r}{did_you_mean(source, records.sources)}"
        )
    text = read_source_text(records.sources[source], _require_texts(settings, texts))
    phrase = " ".join(words)
    matches = find(text, phrase)
    if not matches:
        raise click.ClickException(f"{phrase!r} does not occur in {source}")
    for match in matches:
        preview = " ".join(text[max(0, match.start - 30) : match.end + 30].split())
        click.echo(
            f'- {{source: {source}, span: [{match.start}, {match.end}], at: "para {match.paragraph}"}}'
        )
        click.echo(f"  # …{preview}…")


@sources.command()
@_texts_option
@click.pass_obj
def verify(settings, texts):
    """Check each source's SHA-256 and that every cited span names its record or date."""
    from dipgraph.loader.sources import verify_sources
    from dipgraph.loader.validate import check_records

    records, report = check_records(settings.data)
    if not report.ok:
        raise ValidationFailed(report)
    result = verify_sources(records, _require_texts(settings, texts))
    _print_problems(result)
    if not result.ok:
        raise click.ClickException(f"{len(result.errors)} citation problem(s)")
    count = sum(len(e.cites) for e in records.entities.values()) + sum(
        len(c.cites) for c in records.claims
    )
    click.echo(
        f"{len(records.sources)} source texts match their hashes; {count} citations name their record or date"
    )


def _require_texts(settings: Settings, texts: Path | None) -> Path:
    folder = _texts(settings, texts)
    if folder is None:
        raise click.UsageError("say where the source texts are: --texts DIR or DIPGRAPH_TEXTS")
    return folder


def _neo4j_options(f):
    for option in reversed(
        [
            click.option(
                "--neo4j",
                "use_neo4j",
                is_flag=True,
                help="Load into Neo4j instead of the embedded engine.",
            ),
            click.option("--uri", help="Bolt URI  [env NEO4J_URI]"),
            click.option("--user", help="Neo4j user  [env NEO4J_USER; default: neo4j]"),
            click.option(
                "--password", help="Neo4j password  [env NEO4J_PASSWORD; prefer the variable]"
            ),
            click.option(
                "--home",
                type=click.Path(path_type=Path),
                help="Embedded store folder  [env DIPGRAPH_HOME]",
            ),
        ]
    ):
        f = option(f)
    return f


@contextlib.contextmanager
def open_engine(
    settings: Settings, *, use_neo4j=False, uri=None, user=None, password=None, home=None
):
    """The engine the options ask for; the embedded server is stopped on exit."""
    from dipgraph.loader.embedded import EmbeddedFalkorDB
    from dipgraph.loader.engines import Neo4jEngine

    if use_neo4j:
        uri = uri or settings.neo4j_uri
        password = password or settings.neo4j_password
        if not uri or not password:
            raise EngineError(
                "Neo4j needs a URI and a password: set NEO4J_URI and NEO4J_PASSWORD (or --uri/--password)"
            )
        engine = Neo4jEngine(uri, user or settings.neo4j_user, password, settings.neo4j_database)
        try:
            yield engine
        finally:
            engine.close()
    else:
        with EmbeddedFalkorDB(home or settings.home) as engine:
            yield engine


def _load(settings, options, replace):
    from dipgraph.loader.graph import graph_rows
    from dipgraph.loader.load import load_graph
    from dipgraph.loader.validate import check_records

    records, report = check_records(settings.data)
    if not report.ok:
        raise ValidationFailed(report)
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
    where = (
        options["uri"] or settings.neo4j_uri
        if options["use_neo4j"]
        else (options["home"] or settings.home)
    )
    click.echo(_summary_text(summary, where))


@cli.command()
@_neo4j_options
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), default="out", show_default=True
)
@click.pass_obj
def build(settings, out, **options):
    """The main job: validate, load (replacing the previous load), and write exports."""
    from dipgraph.loader.exports import write_exports
    from dipgraph.loader.graph import build_networkx

    _, report, rows, summary = _load(settings, options, True)
    written = write_exports(build_networkx(rows), out, warnings=report.warnings)
    where = (
        options["uri"] or settings.neo4j_uri
        if options["use_neo4j"]
        else (options["home"] or settings.home)
    )
    click.echo(_summary_text(summary, where))
    click.echo(
        f"Warnings: {len(report.warnings)}"
        + (f" (listed in {out / 'warnings.txt'})" if report.warnings else "")
    )
    click.echo(f"Outputs in {out}/: " + ", ".join(p.name for p in written))


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


def _analysis_graph(settings, options, from_db):
    """The graph to analyse (records, or a database) and the conflict's sides."""
    from dipgraph.analysis.actors import read_sides
    from dipgraph.loader.graph import build_networkx, graph_rows
    from dipgraph.loader.load import read_networkx
    from dipgraph.loader.validate import check_records

    if from_db:
        with open_engine(settings, **options) as engine:
            graph = read_networkx(engine)
    else:
        records, report = check_records(settings.data)
        if not report.ok:
            raise ValidationFailed(report)
        graph = build_networkx(graph_rows(records))
    sides = read_sides(settings.data / "sides.yaml", graph)
    if len(sides) != 1:
        raise click.ClickException("data/sides.yaml must describe exactly one conflict for now")
    return graph, next(iter(sides.values()))


def _run_analysis(settings, out, slicing, options):
    from dipgraph.analysis.job import analyze, choose_windows, write_analysis

    dates, level, from_db = slicing.pop("dates"), slicing.pop("level"), slicing.pop("from_db")
    graph, sides = _analysis_graph(settings, options, from_db)
    windows = choose_windows(graph, **slicing)
    tables = analyze(graph, sides, windows, dates=dates, level=level)
    return graph, sides, windows, tables, write_analysis(tables, out / "analysis")


@cli.command()
@_slicing_options
@_neo4j_options
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), default="out", show_default=True
)
@click.pass_obj
def analyze(settings, out, window, step, expanding, periods, on, dates, level, from_db, **options):
    """Centrality, brokerage, roles and source sensitivity per time window.

    Writes out/analysis/{measures,roles,transitions,sensitivity}.csv and prints the
    leading mediator of each window.
    """
    slicing = dict(
        window=window,
        step=step,
        expanding=expanding,
        periods=periods,
        on=on,
        dates=dates,
        level=level,
        from_db=from_db,
    )
    _, _, windows, tables, written = _run_analysis(settings, out, slicing, options)
    click.echo(_leaders(tables["measures"], windows))
    click.echo(
        f"Tables in {out / 'analysis'}/: "
        + ", ".join(p.name for p in written)
        + f"  (dates: {dates}, level: {level})"
    )


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


def _summary_text(summary, where) -> str:
    nodes = ", ".join(f"{k} {v}" for k, v in sorted(summary.nodes.items()))
    rels = ", ".join(f"{k} {v}" for k, v in sorted(summary.relationships.items()))
    return (
        f"Loaded into {summary.engine} ({where}):\n"
        f"  nodes {sum(summary.nodes.values())}: {nodes}\n"
        f"  relationships {sum(summary.relationships.values())}: {rels}"
    )


if __name__ == "__main__":
    cli()
