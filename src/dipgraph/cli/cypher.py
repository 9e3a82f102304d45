"""dipgraph query and dipgraph browser: exploring the graph with Cypher."""

from __future__ import annotations

from pathlib import Path

import click

from dipgraph.settings import Settings

from .options import engine_options

__all__ = ["COMMANDS"]

_QUERY_FORMATS = ("table", "csv", "json")


@click.command()
@click.argument("statement", required=False, metavar="NAME_OR_FILE_OR_CYPHER")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help=(
        "A query parameter; repeat for several. VALUE is a Cypher literal ('it\\'s', 3,"
        " -1.5, true, null, ['a', 'b']) or else the text typed."
    ),
)
@click.option(
    "--format", "fmt", type=click.Choice(_QUERY_FORMATS), default="table", show_default=True
)
@click.option(
    "--write", is_flag=True, help="Allow a statement that writes (CREATE, MERGE, SET, DELETE, ...)."
)
@click.option(
    "--list",
    "show_list",
    is_flag=True,
    help="List the saved queries with their titles and parameters.",
)
@click.pass_obj
@engine_options
def query(
    settings: Settings,
    statement: str | None,
    params: tuple[str, ...],
    fmt: str,
    write: bool,
    show_list: bool,
) -> None:
    """Run a saved query (by name), a .cypher file, or an inline Cypher statement.

    Read-only unless --write is given: the database itself refuses any write.
    Runs on the embedded store (load it first with dipgraph load) or on Neo4j
    with --neo4j.
    """
    from dipgraph.cypher.run import format_rows, parse_param
    from dipgraph.pipeline import query_store

    if show_list:
        _echo_library()
        return
    if not statement:
        raise click.UsageError(
            "give a saved query's name, a .cypher file or a statement (or --list)"
        )
    values = dict(parse_param(p) for p in params)
    click.echo(format_rows(query_store(settings, statement, values, write=write), fmt))


def _echo_library() -> None:
    """Each saved query's name and title, then its parameters' defaults when it has any."""
    from dipgraph.cypher.library import format_defaults, list_queries

    for saved in list_queries():
        marker = f"  [Neo4j only: {saved.neo4j_only}]" if saved.neo4j_only else ""
        click.echo(f"{saved.name:36} {saved.title}{marker}")
        if saved.params:
            click.echo(f"    params: {format_defaults(saved)}")


@click.group()
def browser() -> None:
    """Neo4j Browser: the guide, the style sheet and the favorites."""


@browser.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8001, show_default=True)
def serve(host: str, port: int) -> None:
    """Serve the guide, style and favorites for Neo4j Browser until Ctrl-C.

    In the Browser: :play http://localhost:8001/dipgraph.html
    """
    from dipgraph.cypher.browser import make_server

    server = make_server(host, port)
    shown = "localhost" if host in ("127.0.0.1", "localhost") else host
    base = f"http://{shown}:{server.server_address[1]}"
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
def favorites(out: Path) -> None:
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
def guide(out: Path) -> None:
    """Write the guide (HTML for :play, AsciiDoc for :guide, Markdown) and the style sheet."""
    from dipgraph.cypher.browser import write_guide_files

    slides = write_guide_files(out)
    click.echo(f"Wrote {out}/: dipgraph.html, dipgraph.adoc, style.grass ({slides} slides)")


COMMANDS = (query, browser)
