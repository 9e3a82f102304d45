"""dipgraph import pax and crosscheck pax: the PA-X Peace Agreements Database."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from dipgraph.settings import Settings

__all__ = ["COMMANDS"]

_CSV = click.argument(
    "csv_file", metavar="FILE.csv", type=click.Path(path_type=Path, dir_okay=False)
)
_PROCESS = click.option(
    "--process",
    required=True,
    metavar="NAME_OR_PATTERN",
    help="The peace process: part of its name (PPName, any case) or its PP id.",
)


@click.group("import")
def import_() -> None:
    """Write records from a dataset's export (PA-X)."""


@import_.command("pax")
@_CSV
@_PROCESS
@click.pass_obj
def import_pax(settings: Settings, csv_file: Path, process: str) -> None:
    """Records for the agreements of one peace process in the PA-X export FILE.csv.

    One Agreement per row (its date, stage and kind), the process as a Format, each
    cited by its PA-X agreement id; parties and third parties matched to existing
    entities by name and alias (third parties' roles only where the text states
    them). Names that match no entity are listed, never guessed. Download the export
    from www.peaceagreements.org yourself.
    """
    from dipgraph.curation import import_pax_file

    done = import_pax_file(settings, csv_file, process=process)
    result, rows = done.result, done.agreements
    processes = len({row.process_id for row in rows})
    click.echo(f"Read {len(rows)} PA-X agreements of {processes} process(es) from {csv_file}")
    for problem in rows.problems:
        click.echo(f"  in the file: {problem}")  # each says what was left out
    for path in done.written:
        click.echo(f"Wrote {path}")
    click.echo(f"{len(result.entities)} entities, {len(result.claims)} claims")
    for agt_id, entity in result.linked:
        click.echo(f"  PA-X {agt_id} is the corpus's {entity}: its claims name it")
    _echo_roles(result.unstated_roles)
    _echo_unmatched(result.unmatched)
    click.echo("Next: dipgraph validate, then add the unmatched names as entities or aliases")


def _echo_roles(unstated: list[tuple[str, str]]) -> None:
    if unstated:
        click.echo(
            f"Third parties whose role the text does not state ({len(unstated)}; no claim written):"
        )
        for agreement, entity in unstated:
            click.echo(f"  {agreement}: {entity}")


def _echo_unmatched(unmatched: list[tuple[str, str, str]]) -> None:
    click.echo(f"Names that match no entity ({len(unmatched)}):")
    for agt_id, column, name in unmatched:
        click.echo(f"  {agt_id} {column}: {name}")


@click.group()
def crosscheck() -> None:
    """Compare the corpus with a dataset (PA-X)."""


@crosscheck.command("pax")
@_CSV
@_PROCESS
@click.pass_obj
def crosscheck_pax(settings: Settings, csv_file: Path, process: str) -> None:
    """The PA-X agreements of a process that the corpus lacks, the matches whose dates
    disagree, and the corpus's agreements of those years that PA-X lacks."""
    from dipgraph.curation import crosscheck_pax_file

    found = crosscheck_pax_file(settings, csv_file, process=process)
    check, rows = found.check, {row.agt_id: row for row in found.agreements}
    names = {i: e.name for i, e in found.corpus.entities.items()}
    how = Counter(h for _, _, h in check.matches)
    click.echo(
        f"PA-X: {len(rows)} agreements; matched in the corpus: {len(check.matches)} "
        f"({', '.join(f'{n} by {h}' for h, n in sorted(how.items())) or 'none'})"
    )
    for agt_id, entity, way in check.matches:
        click.echo(f"  {agt_id} {rows[agt_id].name} = {entity} ({way})")
    click.echo(f"Dates that disagree ({len(check.date_disagreements)}):")
    for agt_id, entity, pax_date, corpus_time in check.date_disagreements:
        click.echo(
            f"  {agt_id} {rows[agt_id].name}: PA-X {pax_date}, the corpus's {entity} {corpus_time}"
        )
    click.echo(
        f"Likely the same document, not matched by the rules ({len(check.near_misses)}; check by hand):"
    )
    for agt_id, entity, why in check.near_misses:
        click.echo(f"  {agt_id} {rows[agt_id].name} ~ {entity} {names.get(entity, '')}: {why}")
    click.echo(f"PA-X agreements the corpus lacks ({len(check.missing)}):")
    for row in check.missing:
        click.echo(f"  {row.agt_id} {row.date or 'no date'} {row.name}")
    click.echo(f"Corpus agreements of those years that PA-X lacks ({len(check.graph_only)}):")
    for entity in check.graph_only:
        click.echo(f"  {entity} {names.get(entity, '')}")


COMMANDS = (import_, crosscheck)
