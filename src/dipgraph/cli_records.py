"""dipgraph validate, stats, and sources locate|verify: the records and their sources."""

from __future__ import annotations

import click

from dipgraph.errors import ValidationFailed

from .cli import (
    _print_problems,
    _require_texts,
    _texts,
    _texts_option,
    cli,
)


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
