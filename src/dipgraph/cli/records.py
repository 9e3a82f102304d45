"""dipgraph validate, stats, and sources locate|verify: the records and their sources."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from dipgraph.settings import Settings

from .options import chosen_texts, echo_problems, require_texts, texts_option

__all__ = ["COMMANDS"]


@click.command()
@texts_option
@click.pass_obj
def validate(settings: Settings, texts: Path | None) -> None:
    """Check every record; list all problems as file:line: record: field: message.

    With --texts, also verify source hashes and cited passages (as `sources verify`).
    """
    from dipgraph.pipeline import check_data

    checked = check_data(settings, texts=chosen_texts(settings, texts))
    report, records = checked.report, checked.records
    echo_problems(report)
    if not report.ok:
        raise click.ClickException(
            f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
        )
    click.echo(
        f"{len(records.entities)} entities, {len(records.claims)} claims from {len(records.sources)} sources: "
        f"no errors, {len(report.warnings)} warning(s)"
    )


@click.command()
@texts_option
@click.option(
    "--show-uncovered/--no-show-uncovered", default=True, help="List unexplained paragraphs."
)
@click.pass_obj
def stats(settings: Settings, texts: Path | None, show_uncovered: bool) -> None:
    """Counts by label, type and source; with --texts, the paragraph coverage of each source.

    A paragraph no citation points into must be explained in data/coverage.yaml;
    the exit status is 1 while any is left unexplained.
    """
    from dipgraph.pipeline import count_data

    texts = chosen_texts(settings, texts)
    result = count_data(settings, texts=texts)
    _echo_counts(result)
    if texts is None or result.coverage is None:
        click.echo("\n(paragraph coverage needs the source texts: --texts DIR or DIPGRAPH_TEXTS)")
        return
    echo_problems(result.problems)
    _echo_coverage(result, texts, show_uncovered=show_uncovered)


def _echo_counts(result) -> None:
    counts = result.counts
    click.echo("Nodes by label: " + _counted(counts["labels"]))
    click.echo("Relationships by type: " + _counted(counts["types"]))
    click.echo("\nsource               entities  claims  relationships  only source")
    for source in result.records.sources:
        kinds = ("entities", "claims", "relationships", "only source")
        row = [counts["sources"][(source, k)] for k in kinds]
        click.echo(f"{source:<20} {row[0]:>8}  {row[1]:>6}  {row[2]:>13}  {row[3]:>11}")


def _echo_coverage(result, texts: Path, *, show_uncovered: bool) -> None:
    from dipgraph.pipeline import paragraph_preview

    click.echo("\nsource               paragraphs  cited  explained  unexplained  cited share")
    for doc in result.coverage:
        row = (len(doc.paragraphs), len(doc.cited), len(doc.explained), len(doc.unexplained))
        click.echo(
            f"{doc.source:<20} {row[0]:>10}  {row[1]:>5}  {row[2]:>9}  {row[3]:>11}  {doc.cited_share:>11.0%}"
        )
    left = [(doc, n) for doc in result.coverage for n in doc.unexplained]
    if show_uncovered:
        for doc, number in left:
            start, end = doc.paragraphs[number - 1]
            preview = paragraph_preview(result.records, texts, doc.source, start, end)
            click.echo(f"unexplained: {doc.source} para {number}: {preview}")
    if left or not result.problems.ok:
        raise click.ClickException(
            f"{len(left)} paragraph(s) neither cited nor explained in data/coverage.yaml"
        )


def _counted(counter: Counter) -> str:
    return (
        f"{sum(counter.values())} ("
        + ", ".join(f"{k} {v}" for k, v in sorted(counter.items()))
        + ")"
    )


@click.group()
def sources() -> None:
    """Add sources, list what their texts mention, find passages, read a text with its
    citations, and verify citations against the texts."""


@sources.command()
@click.argument("source")
@click.argument("words", nargs=-1, required=True)
@texts_option
@click.pass_obj
def locate(settings: Settings, source: str, words: tuple[str, ...], texts: Path | None) -> None:
    """Print the span of WORDS in SOURCE, ready to paste into a record's cite."""
    from dipgraph.pipeline import locate_phrase

    found = locate_phrase(settings, source, " ".join(words), texts=require_texts(settings, texts))
    for match in found:
        click.echo(
            f'- {{source: {source}, span: [{match.start}, {match.end}], at: "para {match.paragraph}"}}'
        )
        click.echo(f"  # …{match.context}…")


@sources.command()
@click.argument("text_file", metavar="FILE", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--id", "ident", required=True, help="The new source's id, e.g. smith-2021.")
@click.option("--title", required=True)
@click.option("--authors", multiple=True, help="An author; repeat for several.")
@click.option("--published", metavar="EDTF", help="When it was published, e.g. 2021-05 or 2014/..")
@click.option("--url")
@texts_option
@click.pass_obj
def add(
    settings: Settings,
    text_file: Path,
    ident: str,
    title: str,
    authors: tuple[str, ...],
    published: str | None,
    url: str | None,
    texts: Path | None,
) -> None:
    """Add FILE to sources.yaml, with its SHA-256 and character count computed.

    ``file`` is FILE's path inside the texts folder (--texts or DIPGRAPH_TEXTS), else
    its name. A taken id, or a text already listed (same SHA-256), is refused.
    """
    from dipgraph.curation import add_source

    entry = add_source(
        settings,
        text_file,
        ident=ident,
        title=title,
        authors=authors,
        published=published,
        url=url,
        texts=chosen_texts(settings, texts),
    )
    fields = entry.fields
    click.echo(
        f"Added {fields['id']} to {entry.sources_file}: {fields['file']}, "
        f"{fields['chars']} characters, SHA-256 {fields['sha256'][:12]}…"
    )
    folder = chosen_texts(settings, texts) or text_file.parent
    click.echo(f"Next: dipgraph sources mentions {fields['id']} --texts {folder}")


@sources.command()
@click.argument("source")
@texts_option
@click.option(
    "--yaml",
    "yaml_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write claim skeletons for the paragraphs left to curate into this new file.",
)
@click.pass_obj
def mentions(settings: Settings, source: str, texts: Path | None, yaml_file: Path | None) -> None:
    """List what SOURCE's text mentions: known entities, dates (as EDTF), and names no
    entity has yet, each with its span and paragraph; "uncited" marks a paragraph that
    no record cites yet. The last line names the paragraphs that no claim cites (and
    coverage.yaml does not explain): what is left to curate."""
    from dipgraph.curation import find_source_mentions, write_claim_skeletons

    found = find_source_mentions(settings, source, texts=require_texts(settings, texts))
    click.echo("para  span            kind    mention                                   is")
    for m in found.mentions:
        span = f"[{m.start}, {m.end}]"
        what = m.entity or m.edtf or "(no entity)"
        cited = "" if m.cited else "  uncited"
        click.echo(
            f"{m.paragraph:>4}  {span:<14}  {m.kind:<6}  {_cell(m.text, 40):<40}  {what}{cited}"
        )
    kinds = Counter(m.kind for m in found.mentions)
    left = ", ".join(str(n) for n in found.unclaimed_paragraphs) or "none"
    click.echo(
        f"{len(found.mentions)} mentions: {kinds['entity']} of entities, {kinds['date']} dates, "
        f"{kinds['name']} unknown names; paragraphs with mentions that no claim cites: {left}"
    )
    if yaml_file is not None:
        written = write_claim_skeletons(found, yaml_file)
        click.echo(f"Claim skeletons in {written}: fill in each predicate, then dipgraph validate")


def _cell(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@sources.command()
@click.argument("source")
@texts_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The HTML file to write (keep it private if the text is).",
)
@click.pass_obj
def show(settings: Settings, source: str, texts: Path | None, out: Path) -> None:
    """Write a reading view of SOURCE: its text with every cited span highlighted, the
    records citing it on hover or click, and the paragraphs no record cites marked."""
    from dipgraph.curation import write_reading_view

    written = write_reading_view(settings, source, texts=require_texts(settings, texts), out=out)
    click.echo(f"Wrote {written}: open it in a browser")


@sources.command()
@texts_option
@click.pass_obj
def verify(settings: Settings, texts: Path | None) -> None:
    """Check each source's SHA-256 and that every cited span names its record or date."""
    from dipgraph.pipeline import verify_citations

    result = verify_citations(settings, texts=require_texts(settings, texts))
    echo_problems(result.report)
    if not result.report.ok:
        raise click.ClickException(f"{len(result.report.errors)} citation problem(s)")
    click.echo(
        f"{result.sources} source texts match their hashes; {result.citations} citations name their record or date"
    )


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def init(folder: Path) -> None:
    """Start a new corpus in FOLDER: data/ with commented examples of every record,
    an example text, a .gitignore and a curator's README."""
    from dipgraph.curation import init_corpus

    written = init_corpus(folder)
    click.echo(f"Started a corpus in {folder}: {len(written)} files")
    for path in written:
        click.echo(f"  {path.relative_to(folder).as_posix()}")
    click.echo(f"Next: cd {folder} && dipgraph validate (see README.md there)")


init.takes_no_data = True  # type: ignore[attr-defined]  # FOLDER says where

COMMANDS = (init, validate, stats, sources)
