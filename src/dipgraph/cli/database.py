"""dipgraph load, serve and build: the databases and the main job."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from dipgraph.settings import Settings

from .options import chosen_texts, echo_problems, engine_options, out_option, texts_option

__all__ = ["COMMANDS"]


@click.command()
@click.option(
    "--home", type=click.Path(path_type=Path), help="Embedded store folder  [env DIPGRAPH_HOME]"
)
@click.option("--port", type=int, default=None, help="Loopback port  [default: a free one]")
@click.pass_obj
def serve(settings: Settings, home: Path | None, port: int | None) -> None:
    """Keep the embedded engine running until Ctrl-C (or SIGTERM), for other FalkorDB
    clients; what they wrote is saved when it stops.

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


@click.command()
@click.option("--replace", is_flag=True, help="Also remove what the records no longer contain.")
@click.pass_obj
@engine_options
def load(settings: Settings, replace: bool) -> None:
    """Validate the records and load them (embedded engine unless --neo4j).

    Loading is idempotent: loading twice leaves the same graph.
    """
    from dipgraph.pipeline import describe_load, describe_store, load_store

    with _LoadProgress(f"Loading into {describe_store(settings)}") as progress:
        result = load_store(settings, replace=replace, progress=progress)
    echo_problems(result.checked.report)
    click.echo(describe_load(result))


_STAGES = {"analysis": "Analysing", "figures": "Drawing", "export": "Exporting"}


class _LoadProgress:
    """A progress bar on stderr, opened at the first batch (when the records are valid,
    the database reached and the total known) and closed with the ``with`` block."""

    def __init__(self, label: str):
        self.label = label
        self.bar: Any = None

    def __call__(self, count: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(count)

    def __enter__(self) -> _LoadProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def stage(self, name: str) -> None:
        """The load is over: close the bar and say which stage of the build starts."""
        self.close()
        click.echo(_STAGES[name], err=True)


@click.command()
@click.option(
    "--conflict",
    metavar="ID",
    help="Analyse and draw only this conflict of sides.yaml  [default: each]",
)
@click.pass_obj
@engine_options
@out_option
@texts_option
def build(settings: Settings, out: Path, texts: Path | None, conflict: str | None) -> None:
    """The main job: validate, load (replacing the previous load), analyse, draw, export.

    Everything lands in OUT (default out/), listed in OUT/README.md. With --texts, the
    explorer shows the cited passages themselves (keep OUT private if the texts are).
    """
    from dipgraph.pipeline import build as run_build
    from dipgraph.pipeline import describe_store

    texts = chosen_texts(settings, texts)
    with _LoadProgress(f"Loading into {describe_store(settings)}") as progress:
        result = run_build(
            settings,
            out=out,
            load_progress=progress,
            on_stage=progress.stage,
            texts=texts,
            conflict=conflict,
        )
    click.echo(result.summary)
    warnings = result.load.checked.report.warnings
    warned = f" (listed in {out / 'records' / 'warnings.txt'})" if warnings else ""
    click.echo(f"Warnings: {len(warnings)}{warned}")
    for name, why in result.figures.skipped.items():
        click.echo(f"Figure {name} not drawn: {why}")
    if texts is not None:
        click.echo(f"The explorer quotes the cited passages from {texts}/")
    counts = ", ".join(f"{name} {len(paths)} files" for name, paths in result.sections.items())
    click.echo(f"Outputs in {out}/: {counts}; index: {result.index}")


COMMANDS = (serve, load, build)
