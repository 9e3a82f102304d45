"""Starting and growing a corpus: a new project folder, a new source's entry.

These are the curator's jobs, beside `dipgraph.pipeline`'s build jobs: each takes
plain arguments (and a `Settings` where it reads records), writes files, and returns
what it wrote; the command line only parses options and prints.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp()) / "abkhazia"
>>> [p.relative_to(folder).as_posix() for p in init_corpus(folder)][:3]
['.gitignore', 'README.md', 'data/claims/example-chronicle.yaml']
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from dipgraph.analysis.reading import render_reading_view
from dipgraph.errors import CorpusError, TimeError, ValidationFailed
from dipgraph.loader.mentions import Mention, claim_skeletons, claimed_paragraphs, find_mentions
from dipgraph.loader.pax import (
    Crosscheck,
    PaxAgreements,
    PaxImport,
    crosscheck_pax,
    import_pax,
    read_pax,
    write_pax_import,
)
from dipgraph.loader.records import Records, read_records
from dipgraph.loader.sources import text_of
from dipgraph.loader.timespan import parse_time
from dipgraph.loader.validate import check_records
from dipgraph.settings import Settings

__all__ = [
    "PaxCheck",
    "PaxImported",
    "SourceEntry",
    "SourceMentions",
    "add_source",
    "crosscheck_pax_file",
    "find_source_mentions",
    "import_pax_file",
    "init_corpus",
    "write_claim_skeletons",
    "write_reading_view",
]

_TEMPLATE = "templates/corpus"
_RENAMED = {"gitignore": ".gitignore"}  # a package keeps no dot-file reliably
_NEW_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")


def init_corpus(folder: Path) -> list[Path]:
    """Write a new corpus project into ``folder``: the data skeleton with commented
    examples, an invented example text, a ``.gitignore`` and a curator's README.

    Returns the files written, sorted. Refuses (`CorpusError`) a folder that already
    holds records or any of the files, so nothing of the user's is overwritten.
    """
    folder = Path(folder)
    if (folder / "data").exists():
        raise CorpusError(f"{folder} already has a data folder: dipgraph init starts a new corpus")
    files = _template_files()
    clashes = [name for name in files if (folder / name).exists()]
    if clashes:
        raise CorpusError(f"{folder} already has {', '.join(sorted(clashes))}: nothing written")
    written = []
    for name, content in sorted(files.items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def _template_files() -> dict[str, bytes]:
    """The template's files by their path in a new corpus."""
    root = resources.files("dipgraph").joinpath(_TEMPLATE)
    found: dict[str, bytes] = {}
    pending = [(root, "")]
    while pending:
        folder, prefix = pending.pop()
        for entry in folder.iterdir():
            name = prefix + _RENAMED.get(entry.name, entry.name)
            if entry.is_dir():
                pending.append((entry, name + "/"))
            else:
                found[name] = entry.read_bytes()
    return found


@dataclass(frozen=True)
class SourceEntry:
    """A source added to ``sources.yaml``: its fields as written, and the file changed."""

    fields: dict
    sources_file: Path


def add_source(
    settings: Settings,
    text_file: Path,
    *,
    ident: str,
    title: str,
    authors: tuple[str, ...] = (),
    published: str | None = None,
    url: str | None = None,
    texts: Path | None = None,
) -> SourceEntry:
    """Add ``text_file`` to the corpus's ``sources.yaml`` with its SHA-256 and character
    count computed. ``file`` is its path inside ``texts`` (default: its own folder).

    Refuses (`CorpusError`) an id that is taken or not lowercase letters, digits and
    hyphens, a text already listed under another id (same SHA-256), a text that is not
    UTF-8, a ``published`` that is not EDTF, and a file outside ``texts``.
    """
    text_file = Path(text_file)
    data = _text_bytes(text_file)
    entry: dict[str, object] = {"id": ident, "title": title}
    entry |= {"authors": list(authors)} if authors else {}
    entry |= {"published": _edtf(published)} if published else {}
    entry |= {"url": url} if url else {}
    entry |= {
        "file": _name_in(text_file, texts),
        "sha256": hashlib.sha256(data).hexdigest(),
        "chars": len(data.decode("utf-8")),
    }
    sources_file = Path(settings.data) / "sources.yaml"
    _refuse_taken(settings, entry)
    before = sources_file.read_text(encoding="utf-8") if sources_file.exists() else None
    _append_entry(sources_file, entry)
    _keep_only_if_valid(settings, sources_file, before, ident)
    return SourceEntry(entry, sources_file)


def _keep_only_if_valid(settings: Settings, path: Path, before: str | None, ident: str) -> None:
    """Read the records back; if the new entry has a problem (a title too long, a
    control character), put the file back as it was and say what is wrong."""
    problems = [p for p in read_records(settings.data).report.errors if p.record == ident]
    if not problems:
        return
    if before is None:
        path.unlink()
    else:
        path.write_text(before, encoding="utf-8")
    said = "; ".join(f"{p.field}: {p.message}" for p in problems)
    raise CorpusError(f"source {ident!r} not added: {said}")


def _text_bytes(text_file: Path) -> bytes:
    if not text_file.is_file():
        raise CorpusError(f"no file {text_file}")
    data = text_file.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{text_file} is not UTF-8 text ({exc})") from None
    if not text.strip():
        raise CorpusError(f"{text_file} is empty: nothing to cite")
    return data


def _edtf(value: str) -> str:
    try:
        parse_time(value)
    except TimeError as exc:
        raise CorpusError(f"--published {value!r} is not an EDTF date: {exc}") from None
    return value


def _name_in(text_file: Path, texts: Path | None) -> str:
    """The text's name as ``file`` gives it: its path inside the texts folder."""
    if texts is None:
        return text_file.name
    try:
        return text_file.resolve().relative_to(Path(texts).resolve()).as_posix()
    except ValueError:
        raise CorpusError(
            f"{text_file} is not inside the texts folder {texts}: copy it there first"
        ) from None


def _refuse_taken(settings: Settings, entry: dict) -> None:
    ident = entry["id"]
    if not _NEW_ID.fullmatch(ident):
        raise CorpusError(
            f"--id {ident!r}: use lowercase letters, digits and hyphens (it names data/claims/{ident}.yaml)"
        )
    known = read_records(settings.data).sources
    if ident in known:
        raise CorpusError(f"a source {ident!r} is already in {known[ident].path}")
    same = [s.id for s in known.values() if s.sha256 == entry["sha256"]]
    if same:
        raise CorpusError(f"{entry['file']} is already a source, as {same[0]!r} (the same SHA-256)")


def _append_entry(sources_file: Path, entry: dict) -> None:
    """Append the entry to ``sources.yaml``, keeping what it holds (comments too)."""
    text = sources_file.read_text(encoding="utf-8") if sources_file.exists() else ""
    if text.strip() and not _is_list_or_empty(text):
        raise CorpusError(f"{sources_file} is not a list of sources: fix it first")
    block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=88)
    separator = (
        "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    )
    sources_file.parent.mkdir(parents=True, exist_ok=True)
    sources_file.write_text(text + separator + block, encoding="utf-8")


def _is_list_or_empty(text: str) -> bool:
    try:
        return isinstance(yaml.safe_load(text) or [], list)
    except yaml.YAMLError:
        return False


@dataclass(frozen=True)
class SourceMentions:
    """What a source's text mentions (`dipgraph.loader.mentions.find_mentions`)."""

    records: Records
    source: str
    text: str
    mentions: list[Mention]

    @property
    def unclaimed_paragraphs(self) -> list[int]:
        """Paragraphs with a mention that no claim cites and coverage.yaml does not
        explain: what is left to curate."""
        left = {m.paragraph for m in self.mentions}
        left -= claimed_paragraphs(self.records, self.source, self.text)
        return sorted(left - set(self.records.explanations.get(self.source, {})))


def find_source_mentions(settings: Settings, source: str, *, texts: Path) -> SourceMentions:
    """The entities, dates and unknown names in the text of ``source`` (from ``texts``,
    hash-checked), each with its span and paragraph, and whether that is cited."""
    records, text = _source_text(settings, source, texts)
    return SourceMentions(records, source, text, find_mentions(records, source, text))


def write_claim_skeletons(found: SourceMentions, path: Path) -> Path:
    """Claim skeletons for the paragraphs of ``found`` left to curate, into ``path``
    (refused if it exists: a curator's file is never overwritten)."""
    path = Path(path)
    if path.exists():
        raise CorpusError(f"{path} already exists: give a new file for the skeletons")
    skeletons = claim_skeletons(found.records, found.source, found.mentions, found.text)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeletons, encoding="utf-8")
    return path


def write_reading_view(settings: Settings, source: str, *, texts: Path, out: Path) -> Path:
    """The reading view of ``source`` (every cited span highlighted, the claims citing it
    on hover and click, uncited paragraphs marked) as one HTML file ``out``."""
    records, text = _source_text(settings, source, texts)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_reading_view(records, source, text), encoding="utf-8")
    return out


def _source_text(settings: Settings, source: str, texts: Path) -> tuple[Records, str]:
    records = read_records(settings.data)
    return records, text_of(records, source, texts)


@dataclass(frozen=True)
class PaxImported:
    """A PA-X import: the rows read, the records built from them, the files written."""

    agreements: PaxAgreements
    result: PaxImport
    written: list[Path]


def import_pax_file(settings: Settings, csv_file: Path, *, process: str) -> PaxImported:
    """Records for the PA-X agreements of ``process`` (a name, part of one, or a PP id)
    in the export ``csv_file``, written into the corpus as ``entities/pax.yaml`` and
    ``claims/pax.yaml`` with the PA-X source added (`dipgraph.loader.pax`)."""
    agreements = read_pax(csv_file, process=process)
    records = _valid_records(settings)
    result = import_pax(records, agreements)
    return PaxImported(agreements, result, write_pax_import(result, settings.data))


@dataclass(frozen=True)
class PaxCheck:
    """PA-X rows against the corpus's agreements (`dipgraph.loader.pax.crosscheck_pax`)."""

    agreements: PaxAgreements
    check: Crosscheck
    corpus: Records


def crosscheck_pax_file(settings: Settings, csv_file: Path, *, process: str) -> PaxCheck:
    """The PA-X agreements of ``process`` the corpus lacks, those it has with other
    dates, and the corpus's agreements of those years that PA-X lacks."""
    agreements = read_pax(csv_file, process=process)
    records = _valid_records(settings)
    return PaxCheck(agreements, crosscheck_pax(records, agreements), records)


def _valid_records(settings: Settings) -> Records:
    records, report = check_records(settings.data)
    if not report.ok:
        raise ValidationFailed(report)
    return records
