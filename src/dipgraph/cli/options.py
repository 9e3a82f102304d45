"""Options and output helpers that several commands share.

Each decorator adds its options and hands the command what they mean: a `Settings`
for the database options, an `AnalysisOptions` for the slicing options. Choice
lists come from the library's own constants.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from dipgraph.analysis.options import DATES, LEVELS, MEDIATION, AnalysisOptions, Slicing
from dipgraph.settings import Settings

__all__ = [
    "analysis_options",
    "chosen_texts",
    "echo_problems",
    "engine_options",
    "out_option",
    "require_texts",
    "texts_option",
]


def echo_problems(problems: Any) -> None:
    """Every error and warning of a report, one ``file:line: ...`` line each, on stderr."""
    for problem in problems.errors + problems.warnings:
        click.echo(str(problem), err=True)


def texts_option(f: Callable) -> Callable:
    return click.option(
        "--texts",
        type=click.Path(path_type=Path, file_okay=False),
        help="Folder with the source documents' text files  [env DIPGRAPH_TEXTS]",
    )(f)


def chosen_texts(settings: Settings, texts: Path | None) -> Path | None:
    """The texts folder from ``--texts``, else from the settings (DIPGRAPH_TEXTS)."""
    return texts if texts is not None else settings.texts


def require_texts(settings: Settings, texts: Path | None) -> Path:
    """`chosen_texts`, or a usage error when there is none."""
    folder = chosen_texts(settings, texts)
    if folder is None:
        raise click.UsageError("say where the source texts are: --texts DIR or DIPGRAPH_TEXTS")
    return folder


def out_option(f: Callable) -> Callable:
    return click.option(
        "--out", type=click.Path(path_type=Path, file_okay=False), default="out", show_default=True
    )(f)


_ENGINE_OPTIONS = (
    click.option(
        "--neo4j", "use_neo4j", is_flag=True, help="Use Neo4j instead of the embedded engine."
    ),
    click.option("--uri", help="Bolt URI  [env NEO4J_URI]"),
    click.option("--user", help="Neo4j user  [env NEO4J_USER; default: neo4j]"),
    click.option("--password", help="Neo4j password  [env NEO4J_PASSWORD; prefer the variable]"),
    click.option(
        "--home", type=click.Path(path_type=Path), help="Embedded store folder  [env DIPGRAPH_HOME]"
    ),
)


def engine_options(f: Callable) -> Callable:
    """``--neo4j --uri --user --password --home``, folded into the command's settings.

    Put it below ``@click.pass_obj``: the command receives the updated settings.
    """

    @functools.wraps(f)
    def command(settings: Settings, *args: Any, **kwargs: Any) -> Any:
        chosen = {key: kwargs.pop(key) for key in ("use_neo4j", "uri", "user", "password", "home")}
        return f(_with_engine(settings, **chosen), *args, **kwargs)

    for option in reversed(_ENGINE_OPTIONS):
        command = option(command)
    return command


def _with_engine(
    settings: Settings,
    *,
    use_neo4j: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
    home: Path | None,
) -> Settings:
    return dataclasses.replace(
        settings,
        use_neo4j=use_neo4j or settings.use_neo4j,
        neo4j_uri=uri or settings.neo4j_uri,
        neo4j_user=user or settings.neo4j_user,
        neo4j_password=password or settings.neo4j_password,
        home=home or settings.home,
    )


_SLICING_OPTIONS = (
    click.option(
        "--window", default=None, help="Window length in years, e.g. 1y or 3y  [default: 1y]"
    ),
    click.option(
        "--step", default=None, help="Step between windows, e.g. 1y  [default: the window length]"
    ),
    click.option("--expanding", is_flag=True, help="Every window starts at the first year."),
    click.option("--periods", is_flag=True, help="One window per named Period in the records."),
    click.option(
        "--as-of", "on", metavar="DATE", help="One window: the single day DATE (YYYY-MM-DD)."
    ),
    click.option(
        "--dates",
        type=click.Choice(DATES),
        default=AnalysisOptions.dates,
        show_default=True,
        help="Count a fact whenever it may fall in a window, or only when it certainly does.",
    ),
    click.option(
        "--level", type=click.Choice(LEVELS), default=AnalysisOptions.level, show_default=True
    ),
    click.option(
        "--mediation",
        type=click.Choice(MEDIATION),
        default=AnalysisOptions.mediation,
        show_default=True,
        help="Tie mediators to the parties by their acts dated in each window only, "
        "or also by sustained roles (spells, undated statements).",
    ),
)


def analysis_options(f: Callable) -> Callable:
    """The slicing, dates, level and mediation options, handed to the command as ``options``."""

    @functools.wraps(f)
    def command(*args: Any, **kwargs: Any) -> Any:
        slicing = Slicing(**{k.name: kwargs.pop(k.name) for k in dataclasses.fields(Slicing)})
        chosen = AnalysisOptions(
            slicing, kwargs.pop("dates"), kwargs.pop("level"), kwargs.pop("mediation")
        )
        return f(*args, options=chosen, **kwargs)

    for option in reversed(_SLICING_OPTIONS):
        command = option(command)
    return command
