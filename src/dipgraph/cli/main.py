"""The ``dipgraph`` group: settings from the environment, every command, and the one
place where a library error becomes a message."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import click

from dipgraph.errors import DipgraphError, ValidationFailed
from dipgraph.settings import Settings

from . import analysis, cypher, database, records
from .options import echo_problems

__all__ = ["cli"]


class _Group(click.Group):
    """Turns every library error into one clear message, with no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            echo_problems(exc.report)
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
def cli(ctx: click.Context, data: Path | None) -> None:
    """Sourced records of diplomatic mediation, as a graph."""
    settings = Settings.from_env()
    if data is not None:
        settings = dataclasses.replace(settings, data=data)
    ctx.obj = settings


for module in (records, database, analysis, cypher):
    for command in module.COMMANDS:
        cli.add_command(command)
