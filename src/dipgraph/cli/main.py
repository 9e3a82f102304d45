"""The ``dipgraph`` group: settings from the environment, every command, and the one
place where a library error becomes a message."""

from __future__ import annotations

import dataclasses
import signal
import threading
from pathlib import Path
from typing import Any

import click

from dipgraph.errors import DipgraphError, ValidationFailed
from dipgraph.settings import Settings

from . import analysis, cypher, database, datasets, records
from .options import echo_problems

__all__ = ["INTERRUPTED", "cli"]

INTERRUPTED = "Interrupted: a load not finished is not saved; the store keeps its previous state."


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that every ``with`` block unwinds (a
    load not finished is dropped, the embedded server stopped) as on Ctrl-C."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


class _Group(click.Group):
    """Turns every library error into one clear message, with no traceback, and an
    interruption (Ctrl-C, SIGTERM) into a message and the shell's exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _on_sigterm) if main else None
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            echo_problems(exc.report)
            raise click.ClickException(str(exc)) from None
        except DipgraphError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt as exc:
            click.echo(INTERRUPTED, err=True)
            ctx.exit(128 + (signal.SIGTERM if isinstance(exc, _Terminated) else signal.SIGINT))
        finally:
            if main:
                signal.signal(signal.SIGTERM, previous)


_DATA_HELP = "Records folder  [env DIPGRAPH_DATA; default: data]"


def _set_data(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.obj = dataclasses.replace(ctx.obj, data=value)


def _data_option() -> click.Option:
    return click.Option(
        ["--data"],
        type=click.Path(path_type=Path),
        expose_value=False,
        callback=_set_data,
        help=_DATA_HELP,
    )


def _accept_data(command: click.Command) -> None:
    """``--data`` after the command's name too (``dipgraph build --data corpus``), for
    every command that reads records; the group's own ``--data`` sets the default."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _accept_data(sub)
    elif not getattr(command, "takes_no_data", False):
        command.params.append(_data_option())


@click.group(cls=_Group)
@click.version_option(package_name="dipgraph")
@click.option("--data", type=click.Path(path_type=Path), help=_DATA_HELP)
@click.pass_context
def cli(ctx: click.Context, data: Path | None) -> None:
    """Sourced records of diplomatic mediation, as a graph."""
    settings = Settings.from_env()
    if data is not None:
        settings = dataclasses.replace(settings, data=data)
    ctx.obj = settings


for module in (records, database, analysis, cypher, datasets):
    for command in module.COMMANDS:
        _accept_data(command)
        cli.add_command(command)
