"""Source texts: checking their hashes, finding passages, and verifying citations.

Spans are ``[start, end)`` offsets in Python characters (code points) of the
source's UTF-8 text file, exactly as `dipgraph sources locate` prints them.

A source's ``file`` names a file inside the texts folder, and nothing else is read:
an absolute path, a path through ``..``, or one that resolves (through symlinks)
outside the folder is a `SourceFileError` (a ``file`` problem for `verify_sources`).
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from dipgraph.errors import SourceTextError

from .problems import Problem, Report, did_you_mean
from .records import Citation, Entity, Records, Source
from .timespan import TimeSpan
from .validate import normalize_name
from .vocabulary import DATASETS

__all__ = [
    "Match",
    "SourceFileError",
    "cited_paragraphs",
    "cited_passages",
    "fold_with_offsets",
    "locate",
    "paragraph_spans",
    "read_source_text",
    "sha256_of",
    "source_path",
    "text_of",
    "verify_sources",
]


class SourceFileError(SourceTextError):
    """A source's ``file`` that is not a file inside the texts folder, so is not read.

    ``reason`` says why, without the source's id that the message starts with.
    """

    def __init__(self, source: str, reason: str):
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    paragraph: int  # 1-based, counting blocks separated by blank lines


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def source_path(source: Source, texts: Path) -> Path:
    """The file of ``source``, resolved, inside folder ``texts``.

    Raises
    ------
    SourceFileError
        For a ``file`` that is absolute, goes through ``..``, resolves outside
        ``texts`` (a symlink that leads out) or is no file there.
    """
    name, folder = str(source.file), Path(texts)
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute():
        raise SourceFileError(
            source.id, f"{name!r} is an absolute path: give one inside the texts folder {folder}"
        )
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        raise SourceFileError(
            source.id, f"{name!r} goes out of the texts folder {folder} through '..'"
        )
    try:
        root, path = folder.resolve(), (folder / name).resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise SourceFileError(source.id, f"{name!r} cannot be resolved: {exc}") from None
    if not path.is_relative_to(root):
        raise SourceFileError(
            source.id, f"{name!r} resolves to {path}, outside the texts folder {folder}"
        )
    if not path.is_file():
        raise SourceFileError(source.id, f"no file {name!r} in {folder}")
    return path


def read_source_text(source: Source, texts: Path) -> str:
    """The text of ``source`` from folder ``texts`` (`source_path`), after checking
    its hash."""
    if not source.has_text:
        raise SourceTextError(
            f"{source.id} is a dataset ({DATASETS[source.dataset or ''].name}): it has no text; "
            "its items are cited with record: ID"
        )
    path = source_path(source, texts)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != source.sha256:
        raise SourceTextError(
            f"{source.id}: {Path(texts) / source.file} has SHA-256 {digest[:12]}…, the records cite {source.sha256[:12]}…; "
            "the spans may point to another version of the text"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceTextError(f"{source.id}: {path} is not UTF-8 text ({exc})") from None


def text_of(records: Records, source_id: str, texts: Path) -> str:
    """The hash-checked text of the source named ``source_id`` (`read_source_text`);
    `SourceTextError`, with the closest id as a hint, for an id no source has."""
    if source_id not in records.sources:
        raise SourceTextError(
            f"unknown source {source_id!r}{did_you_mean(source_id, records.sources)}"
        )
    return read_source_text(records.sources[source_id], texts)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph: runs of text between blank lines.

    >>> paragraph_spans("One.\\n\\nTwo\\nlines.\\n")
    [(0, 4), (6, 16)]
    """
    # A paragraph continues over a newline only when the next line has text.
    blocks = re.finditer(r"\S(?:[^\n]|\n(?=[^\S\n]*\S))*", text)
    return [(m.start(), m.start() + len(m.group().rstrip())) for m in blocks]


def cited_paragraphs(
    records: Records,
    source_id: str,
    paragraphs: list[tuple[int, int]],
    *,
    claims_only: bool = False,
) -> set[int]:
    """Numbers (1-based) of the ``paragraphs`` (`paragraph_spans`) that a citation of
    ``source_id`` overlaps; with ``claims_only``, a claim's (an entity's citation names
    it, and states no fact yet).

    >>> records = Records(root=".")
    >>> cited_paragraphs(records, "s", [(0, 4), (6, 16)])
    set()
    """
    cites = [] if claims_only else [c for e in records.entities.values() for c in e.cites]
    cites += [c for claim in records.claims for c in claim.cites]
    spans = [(c.start, c.end) for c in cites if c.source == source_id]
    return {
        number
        for number, (start, end) in enumerate(paragraphs, 1)
        if any(s < end and start < e for s, e in spans)
    }


def paragraph_of(text: str, offset: int) -> int:
    for number, (start, end) in enumerate(paragraph_spans(text), 1):
        if offset < end:
            return number if offset >= start else number - 1
    return 0


def locate(text: str, words: str) -> list[Match]:
    """Every occurrence of ``words``, ignoring case, accents, quote style and spacing.

    >>> [(m.start, m.end) for m in locate("Signed on  May 5.\\n\\nSigned on May 8.", "on may")]
    [(7, 14), (26, 32)]
    """
    folded, origin = fold_with_offsets(text)
    needle, _ = fold_with_offsets(words.strip())
    if not needle:
        return []
    matches, at = [], folded.find(needle)
    while at != -1:
        start, end = origin[at], origin[at + len(needle) - 1] + 1
        matches.append(Match(start, end, paragraph_of(text, start)))
        at = folded.find(needle, at + 1)
    return matches


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for searching and keep, per folded character, its original offset."""
    out, origin, last_space = [], [], False
    for offset, ch in enumerate(text):
        if ch.isspace():
            if last_space:
                continue
            out.append(" ")
            origin.append(offset)
            last_space = True
            continue
        last_space = False
        for piece in normalize_name(ch) or ch:
            out.append(piece)
            origin.append(offset)
    return "".join(out), origin


def cited_passages(records: Records, texts: Path) -> dict[str, str]:
    """Every cited passage's text, by citation (``source@start-end``), read from the
    texts in ``texts`` after checking their hashes (`SourceTextError` if one differs).
    For showing beside the citations; the texts stay the user's, never the project's."""
    cites = [c for e in records.entities.values() for c in e.cites]
    cites += [c for claim in records.claims for c in claim.cites]
    used = {c.source for c in cites if records.sources[c.source].has_text}
    text = {s: read_source_text(records.sources[s], texts) for s in sorted(used)}
    return {
        str(c): text[c.source][c.start : c.end] if c.source in text else _item(records, c)
        for c in cites
    }


def _item(records: Records, cite: Citation) -> str:
    """What stands for a dataset citation's passage: the item, and where to see it."""
    dataset = DATASETS[records.sources[cite.source].dataset or ""]
    return f"{dataset.name}, {dataset.identifier} {cite.record}: {dataset.page(cite.record or '')}"


def verify_sources(records: Records, texts: Path) -> Report:
    """Check every source's hash, and that each cited span names its record or date."""
    report = Report()
    texts_by_source = {}
    for source in records.sources.values():
        if not source.has_text:
            continue  # a dataset: its items are checked by form in validation
        try:
            texts_by_source[source.id] = read_source_text(source, texts)
        except SourceFileError as exc:
            report.add(Problem(source.path, source.line, source.id, "file", exc.reason))
        except SourceTextError as exc:
            report.add(Problem(source.path, source.line, source.id, "sha256", str(exc)))
    parents = _parents(records)
    related = _related_in_passage(records)
    for entity in records.entities.values():
        # A body may be named through its state ("the defense ministers of Armenia"),
        # an unnamed meeting through who met: what a claim from the same passage
        # relates it to.
        for index, cite in enumerate(entity.cites):
            others = parents.get(entity.id, set()) | related.get(
                (entity.id, cite.source, cite.start, cite.end), set()
            )
            names = entity.names + [n for other in sorted(others) for n in _names(records, other)]
            _verify(
                report, texts_by_source, entity.path, entity.id, [cite], names, entity.time, index
            )
        _verify_spellings(report, texts_by_source, entity)
    for claim in records.claims:
        ends = {claim.subject, claim.object}
        ends |= {parent for end in tuple(ends) for parent in parents.get(end, ())}
        names = [n for ident in sorted(ends) for n in _names(records, ident)]
        _verify(report, texts_by_source, claim.path, claim.label, claim.cites, names, claim.time)
    return report


def _verify_spellings(report: Report, texts: dict[str, str], entity: Entity) -> None:
    """Each spelling a record attributes to a source occurs in that source's text, as
    written or in another case."""
    for index, (spelling, sources) in enumerate(entity.spellings):
        where = "name_sources" if index == 0 else f"aliases[{index - 1}].sources"
        for source in sources:
            text = texts.get(source)
            if text is None or spelling in text or spelling.casefold() in text.casefold():
                continue  # an unknown source or a bad hash is reported already
            message = f"{spelling!r} does not occur in the text of {source}"
            report.add(Problem(entity.path, entity.line, entity.id, where, message))


def _parents(records: Records) -> dict[str, set[str]]:
    parents: dict[str, set[str]] = {}
    for claim in records.claims:
        if claim.predicate == "PART_OF":
            parents.setdefault(claim.subject, set()).add(claim.object)
    return parents


def _related_in_passage(records: Records) -> dict[tuple, set[str]]:
    """(entity, source, start, end) -> the entities that claims citing an overlapping
    passage relate the entity to."""
    by_source: dict[str, list] = {}
    for claim in records.claims:
        for cite in claim.cites:
            by_source.setdefault(cite.source, []).append(
                (cite.start, cite.end, claim.subject, claim.object)
            )
    related: dict[tuple, set[str]] = {}
    for entity in records.entities.values():
        for cite in entity.cites:
            for start, end, subject, obj in by_source.get(cite.source, ()):
                if start < cite.end and cite.start < end and entity.id in (subject, obj):
                    other = obj if subject == entity.id else subject
                    related.setdefault((entity.id, cite.source, cite.start, cite.end), set()).add(
                        other
                    )
    return related


def _names(records: Records, ident: str) -> list[str]:
    entity = records.entities.get(ident)
    return entity.names if entity else []


def _verify(
    report, texts, path, record, cites: list[Citation], names, time: TimeSpan | None, first=0
):
    wanted = [normalize_name(n) for n in names] + _date_words(time)
    for index, cite in enumerate(cites, first):
        text = texts.get(cite.source)
        if text is None:
            continue  # unknown source or bad hash: reported once already
        if not 0 <= cite.start < cite.end <= len(text):
            report.add(
                Problem(
                    path,
                    cite.line,
                    record,
                    f"cite[{index}].span",
                    f"span outside the text of {cite.source}",
                )
            )
            continue
        passage = " ".join(normalize_name(text[cite.start : cite.end]).split())
        if not any(word in passage for word in wanted):
            shown = ", ".join(sorted(set(names))[:4]) + (f", {time.text}" if time else "")
            message = f"span {cite.start}-{cite.end} of {cite.source} mentions none of: {shown}"
            report.add(Problem(path, cite.line, record, f"cite[{index}].span", message))


def _date_words(time: TimeSpan | None) -> list[str]:
    """Words whose presence shows a passage gives the date: its years, decades and month.

    >>> from dipgraph.loader.timespan import parse_time
    >>> _date_words(parse_time("1998/2001"))
    ['1998', '1999', '2000', '2001', '1990s', '2000s']
    """
    if time is None or (time.earliest is None and time.latest is None):
        return []
    bounds = [bound for bound in (time.earliest, time.latest) if bound]
    first, last = int(bounds[0][:4]), int(bounds[-1][:4])
    years = range(first, min(last, first + 30) + 1)
    # "the late 1990s" gives the date of 1995/1999 as surely as "1997" does.
    words = [str(year) for year in years] + sorted({f"{year // 10 * 10}s" for year in years})
    if time.precision in ("day", "month") and time.earliest:
        words.append(calendar.month_name[int(time.earliest[5:7])].casefold())
    return words
