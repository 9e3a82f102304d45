"""dipgraph query and dipgraph browser: exploring the graph with Cypher."""

from __future__ import annotations

from pathlib import Path

import click

from dipgraph.cypher.run import QueryError

from .cli import _neo4j_options, cli, open_engine


@cli.command()
@click.argument("statement", required=False, metavar="NAME_OR_FILE_OR_CYPHER")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A query parameter; repeat for several.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--write", is_flag=True, help="Allow a statement that writes (CREATE, MERGE, SET, DELETE, ...)."
)
@click.option("--list", "show_list", is_flag=True, help="List the saved queries with their titles.")
@_neo4j_options
@click.pass_obj
def query(settings, statement, params, fmt, write, show_list, **options):
    """Run a saved query (by name), a .cypher file, or an inline Cypher statement.

    Read-only unless --write is given. Runs on the embedded store (load it first
    with dipgraph load) or on Neo4j with --neo4j.
    """
    from dipgraph.cypher.library import list_queries
    from dipgraph.cypher.run import format_rows, parse_param, resolve, run_query

    if show_list:
        for saved in list_queries():
            marker = f"  [Neo4j only: {saved.neo4j_only}]" if saved.neo4j_only else ""
            click.echo(f"{saved.name:36} {saved.title}{marker}")
        return
    if not statement:
        raise click.UsageError(
            "give a saved query's name, a .cypher file or a statement (or --list)"
        )
    try:
        chosen = resolve(statement)
        values = dict(parse_param(p) for p in params)
        with open_engine(settings, **options) as engine:
            if engine.name != "Neo4j" and _is_empty(engine):
                home = options.get("home") or settings.home
                raise click.ClickException(
                    f"the embedded store {home} is empty: run dipgraph load first"
                )
            rows = run_query(engine, chosen, values, write=write)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(format_rows(rows, fmt))


def _is_empty(engine) -> bool:
    from dipgraph.errors import EngineError

    try:
        return not engine.read("MATCH (n:Entity) RETURN count(n) AS n")[0]["n"]
    except EngineError:  # FalkorDB knows no graph that was never written: empty
        return True


@cli.group()
def browser():
    """Neo4j Browser: the guide, the style sheet and the favorites."""


@browser.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8001, show_default=True)
def serve(host, port):
    """Serve the guide, style and favorites for Neo4j Browser until Ctrl-C.

    In the Browser: :play http://localhost:8001/dipgraph.html
    """
    from dipgraph.cypher.browser import make_server

    server = make_server(host, port)
    base = f"http://{'localhost' if host in ('127.0.0.1', 'localhost') else host}:{server.server_address[1]}"
    click.echo(
        f"Serving on {base}/ (CORS open). In Neo4j Browser run:\n  :play {base}/dipgraph.html"
    )
    click.echo(
        f"Style: {base}/style.grass (drag it onto the Browser); favorites: {base}/favorites.zip"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@browser.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default="dipgraph-favorites.zip",
    show_default=True,
)
def favorites(out):
    """Write the query library as a zip to drag onto Neo4j Browser's favorites."""
    from dipgraph.cypher.browser import favorites_zip
    from dipgraph.cypher.library import list_queries

    out.write_bytes(favorites_zip())
    click.echo(
        f"Wrote {out}: {len(list_queries())} queries (drag it onto the Favorites drawer of Neo4j Browser)"
    )


@browser.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default="out/browser",
    show_default=True,
)
def guide(out):
    """Write the guide (HTML for :play, AsciiDoc for :guide, Markdown) and the style sheet."""
    from dipgraph.cypher.browser import guide_adoc, guide_html, read_guide, read_style

    title, slides = read_guide()
    out.mkdir(parents=True, exist_ok=True)
    (out / "dipgraph.html").write_text(guide_html(title, slides), encoding="utf-8")
    (out / "dipgraph.adoc").write_text(guide_adoc(title, slides), encoding="utf-8")
    (out / "style.grass").write_text(read_style(), encoding="utf-8")
    click.echo(f"Wrote {out}/: dipgraph.html, dipgraph.adoc, style.grass ({len(slides)} slides)")
