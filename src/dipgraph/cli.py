"""The ``dipgraph`` command: a thin layer over dipgraph.loader (and later dipgraph.analysis)."""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path

import click

from dipgraph.errors import DipgraphError, EngineError, ValidationFailed

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


# The commands, by task; importing them registers them on `cli`.
from . import cli_analysis, cli_cypher, cli_database, cli_records  # noqa: E402, F401
