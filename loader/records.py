"""The record model and its reader: sources, entities and claims from a data folder.

Layout of a data folder::

    sources.yaml          one entry per source document
    entities/*.yaml       entities (any grouping; each cites its sources)
    claims/<source>.yaml  relationship claims, one file per source document
    sides.yaml            the sides of each conflict (optional; see `dipgraph.loader.sides`)
    coverage.yaml         why uncited paragraphs are left out (see `dipgraph.loader.coverage`)

Reading never stops at the first problem: structural problems (a missing field,
a wrong type, bad YAML, a file that is not a regular UTF-8 file) are collected in
``Records.report`` and the record is kept as far as it can be, so `validate` can
report everything at once.

Every field has a type: text, a list of text, an EDTF date, a number, a citation.
Every string, wherever it is, is at most `MAX_TEXT_LENGTH` characters (an ``id``
`MAX_ID_LENGTH`, a name or alias `MAX_NAME_LENGTH`) and holds no control character.
"""

from __future__ import annotations

import functools
import gc
import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.errors import CorpusError, TimeError

from .explanations import EXPLANATIONS, read_explanations, read_note_explanations
from .problems import Problem, Report, did_you_mean
from .sides import SIDES_FILE, ConflictSides, read_sides
from .timespan import TimeSpan, parse_time
from .vocabulary import CLAIM_COMMON, CONFIDENCE, DATASETS, ENTITY_COMMON, LABELS, RELATIONSHIPS
from .yamlio import (
    MAX_ID_LENGTH,
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
    LineDict,
    LineList,
    YamlSyntaxError,
    file_problem,
    read_yaml,
    strings_fit,
    strings_in,
    text_problem,
)

__all__ = [
    "MAX_ID_LENGTH",
    "MAX_INTEGER",
    "MAX_NAME_LENGTH",
    "MAX_TEXT_LENGTH",
    "Citation",
    "Claim",
    "Entity",
    "Records",
    "Source",
    "paused_gc",
    "read_records",
]

MAX_INTEGER = 2**63 - 1  # the databases store 64-bit integers; a larger one is clamped

SOURCE_RECORD_FIELDS = (
    "id",
    "title",
    "dataset",
    "subtitle",
    "authors",
    "publisher",
    "published",
    "url",
    "doi",
    "file",
    "sha256",
    "chars",
    "note",
)
SOURCE_REQUIRED = ("id", "title", "file", "sha256", "chars")
DATASET_REQUIRED = ("id", "title", "dataset")
_TEXT_ONLY = ("file", "sha256", "chars")


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    start: int
    end: int
    at: str | None
    line: int
    # Source taken from the claims file: an unknown one is reported once, for the file.
    inherited: bool = field(default=False, compare=False)
    record: str | None = None  # an item of a dataset source, instead of a span

    def __str__(self) -> str:
        if self.record is not None:
            return f"{self.source}#{self.record}"
        return f"{self.source}@{self.start}-{self.end}"


@dataclass
class Source:
    id: str
    title: str
    file: str
    sha256: str
    chars: int
    props: dict
    path: str
    line: int
    published: TimeSpan | None = None
    dataset: str | None = None  # a key of DATASETS: its items are cited, not a text

    @property
    def has_text(self) -> bool:
        """Whether the source is a text, whose citations are spans (not a dataset)."""
        return self.dataset is None


@dataclass
class Entity:
    id: str
    label: str
    name: str
    aliases: list[str]
    props: dict
    cites: list[Citation]
    path: str
    line: int
    note: str | None = None
    time: TimeSpan | None = None
    distinct_from: list[str] = field(default_factory=list)
    cited: bool = True  # whether the record wrote any citation, well-formed or not
    alias_sources: list[list[str]] = field(default_factory=list)  # aligned with aliases
    name_sources: list[str] = field(default_factory=list)  # the sources spelling ``name``

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    @property
    def spellings(self) -> list[tuple[str, list[str]]]:
        """Each spelling with the sources that use it: the name first, then the aliases."""
        sources = self.alias_sources + [[]] * (len(self.aliases) - len(self.alias_sources))
        return [(self.name, self.name_sources), *zip(self.aliases, sources, strict=True)]


@dataclass(slots=True)
class Claim:
    subject: str
    predicate: str
    object: str
    qualifiers: dict
    cites: list[Citation]
    path: str
    line: int
    key_lines: dict
    time: TimeSpan | None = None
    note: str | None = None
    confidence: str | None = None
    cited: bool = True
    id: str | None = None  # a curator's key, for ``contradicts``
    contradicts: list[str] = field(default_factory=list)  # ids of claims this one disputes

    @property
    def label(self) -> str:
        # "?" for a part not given yet (a claim skeleton being filled in)
        return " ".join(part or "?" for part in (self.subject, self.predicate, self.object))

    @property
    def source_ids(self) -> list[str]:
        """The sources this claim cites, sorted."""
        return sorted({c.source for c in self.cites})

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


@dataclass
class Records:
    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    sides: dict[str, ConflictSides] = field(default_factory=dict)
    explanations: dict[str, dict[int, str]] = field(default_factory=dict)  # coverage.yaml
    note_explanations: dict[str, dict[str, str]] = field(default_factory=dict)  # its notes:
    report: Report = field(default_factory=Report)
    # merge_claims' result, kept for the next caller (validation, then the graph rows);
    # tagged with the claims it was computed from.
    merged: tuple | None = field(default=None, repr=False, compare=False)


_CITATION_FIELDS = ("source", "span", "record", "at")


def _locator_problems(cite: LineDict) -> list[tuple[str, int, str]]:
    """What is wrong with where a citation points: a text's span or a dataset's record."""
    span, item = cite.get("span"), cite.get("record")
    if "record" in cite:
        if "span" in cite:
            message = "cite a span of a text or a record of a dataset, not both"
            return [("record", cite.line_of("record"), message)]
        if isinstance(item, bool) or not isinstance(item, str | int) or item == "":
            return [("record", cite.line_of("record"), "must be a dataset item's identifier")]
        return []
    if not (
        isinstance(span, list)
        and len(span) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in span)
    ):
        message = "must be [start, end], two character offsets"
        return [("span", cite.line_of("span"), message)]
    return []


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, as it was after it.

    Reading records (and loading or reading back a graph) creates hundreds of
    thousands of small containers that all stay alive; each automatic collection
    would scan every one of them again and free nothing: half the time of reading
    a large corpus. Reference counting still frees what the block drops.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_records(root: Path | str) -> Records:
    """Read a data folder; structural problems go to ``records.report``.

    Raises
    ------
    CorpusError
        When ``root`` is no folder at all (a mistyped ``--data``, or no corpus yet).
    """
    if not Path(root).is_dir():
        raise CorpusError(
            f"no records folder {str(root)!r}: say where the records are with --data DIR "
            "or DIPGRAPH_DATA, or start a corpus with 'dipgraph init DIR'"
        )
    with paused_gc():
        return _read_records(Path(root))


def _read_records(root: Path) -> Records:
    records = Records(root)
    reader = _Reader(records)
    sources = root / "sources.yaml"
    if not os.path.lexists(sources):
        reader.error(sources, 0, "-", "file", "no sources.yaml in the data folder")
    elif reader.readable(sources):
        reader.read_sources(sources)
    for path in reader.files(root / "entities"):
        reader.read_entities(path)
    for path in reader.files(root / "claims"):
        reader.read_claims(path)
    sides = root / SIDES_FILE
    if os.path.lexists(sides) and reader.readable(sides):
        records.sides = read_sides(sides, records.report, shown=display_path(sides))
    coverage = root / EXPLANATIONS
    shown = display_path(coverage)
    if os.path.lexists(coverage) and reader.readable(coverage):
        records.explanations = read_explanations(root, records.report, shown=shown)
        records.note_explanations = read_note_explanations(root, records.report, shown=shown)
        reader.check_coverage_strings(coverage)
    _warn_unread_files(root, records.report)
    return records


_READ = {"sources.yaml", SIDES_FILE, EXPLANATIONS, "entities", "claims"}


def _warn_unread_files(root: Path, report: Report) -> None:
    """Files dipgraph would pass over without a word: a misspelt name, a ``.yml``, and
    anything that is not a regular file or a folder (a FIFO, a broken link)."""
    if not root.is_dir():
        return
    found = [p for p in root.iterdir() if p.name not in _READ and p.suffix in (".yaml", ".yml")]
    found += [p for folder in ("entities", "claims") for p in (root / folder).glob("*.yml")]
    for path in sorted(found):
        message = (
            "not read: records go in sources.yaml, sides.yaml, coverage.yaml, "
            "entities/*.yaml and claims/*.yaml"
        )
        report.add(Problem(display_path(path), 0, "-", "file", message, "warning"))
    for path in sorted(_odd_entries(root, skip={*found})):
        message = f"{file_problem(path)}: dipgraph reads only regular files and folders"
        report.add(Problem(display_path(path), 0, "-", "file", message, "warning"))


def _odd_entries(root: Path, skip: set[Path]) -> Iterator[Path]:
    """Entries of the data folders that are neither regular files nor folders and that
    no other check reports."""
    for folder in (root, root / "entities", root / "claims"):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path in skip or path.is_dir():
                continue
            if folder == root and path.name in _READ:  # reported when read
                continue
            if folder != root and path.suffix == ".yaml":
                continue
            if file_problem(path) is not None:
                yield path


def _number_problem(value: int | float) -> str | None:
    """Why a number cannot be stored as given, or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    if isinstance(value, int) and not -MAX_INTEGER - 1 <= value <= MAX_INTEGER:
        return f"{value} is out of range: numbers must lie within ±{MAX_INTEGER} (64 bits)"
    return None


def _number(value) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _not_a_number(value) -> str:
    """YAML reads ``2.5e6`` as text (a float needs a dot and a signed exponent): say so."""
    try:
        number = float(value) if isinstance(value, str) else None
    except ValueError:
        number = None
    if number is None or not math.isfinite(number):
        return "must be a number"
    shown = int(number) if value.strip().lstrip("+-").isdigit() else number
    return f"must be a number: YAML reads {value!r} as text; write {shown!r}"


def _text_limit(where: str) -> int:
    """The length limit of the string at field path ``where``."""
    if where == "id":
        return MAX_ID_LENGTH
    if where == "name" or (where.startswith("aliases") and ".sources" not in where):
        return MAX_NAME_LENGTH
    return MAX_TEXT_LENGTH


def _shown(value: object) -> str:
    """A value as a message quotes it, shortened."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def display_path(path: Path) -> str:
    """The path relative to the working directory when it is below it."""
    # Asked once per record: remembered per path and working directory.
    return _relative(os.fspath(path), os.getcwd())


@functools.lru_cache(maxsize=1024)
def _relative(path: str, cwd: str) -> str:
    try:
        return os.path.relpath(path, cwd)
    except ValueError:
        return path


class _Reader:
    def __init__(self, records: Records):
        self.records = records
        self.seen: dict[str, tuple[str, int]] = {}

    # -- reporting ----------------------------------------------------------
    def error(self, path, line, record, fld, message):
        self.records.report.add(Problem(display_path(Path(path)), line, record, fld, message))

    # -- files --------------------------------------------------------------
    def readable(self, path: Path) -> bool:
        """Whether ``path`` is a regular file (or a link to one); if not, say why."""
        problem = file_problem(path)
        if problem:
            self.error(path, 0, "-", "file", problem)
        return problem is None

    def files(self, folder: Path) -> list[Path]:
        """The readable ``*.yaml`` files of ``folder``, in name order; the others reported."""
        if not os.path.lexists(folder):
            return []
        if not folder.is_dir():
            problem = file_problem(folder) or "a regular file"
            self.error(folder, 0, "-", "file", f"{problem}: {folder.name} must be a folder")
            return []
        return [path for path in sorted(folder.glob("*.yaml")) if self.readable(path)]

    def _load(self, path: Path, expect: type):
        try:
            doc = read_yaml(path)
        except YamlSyntaxError as exc:
            self.error(path, exc.line, "-", "yaml", exc.message)
            return None
        if doc is None:
            return expect()
        if not isinstance(doc, expect):
            self.error(
                path,
                1,
                "-",
                "file",
                f"expected a YAML {expect.__name__.replace('LineDict', 'mapping')}",
            )
            return None
        return doc

    def _items(self, path: Path, items, what: str) -> Iterator[LineDict]:
        for index, item in enumerate(items):
            if isinstance(item, LineDict):
                yield item
            else:
                line = items.line_at(index) if isinstance(items, LineList) else 0
                message = f"each entry must be a mapping, got {_shown(item)}"
                self.error(path, line, "-", what, message)

    def _duplicate(self, path, item, ident) -> bool:
        if ident in self.seen:
            first_file, first_line = self.seen[ident]
            self.error(
                path,
                item.line,
                ident,
                "id",
                f"duplicate id (first defined at {first_file}:{first_line})",
            )
            return True
        self.seen[ident] = (display_path(path), item.line)
        return False

    # -- strings --------------------------------------------------------------
    def _check_strings(self, path, item: LineDict, record: str, skip=()) -> None:
        """Every string of ``item``, keys included: no control character, not too long."""
        checked = {k: v for k, v in item.items() if k not in skip} if skip else item
        if strings_fit(checked, MAX_ID_LENGTH):  # the smallest limit: nothing to report
            return
        for key, value in item.items():
            if key in skip:
                continue
            own = [(str(key), key, None)] if isinstance(key, str) else []
            for where, text, line in [*own, *strings_in(value, str(key))]:
                problem = text_problem(text, _text_limit(where))
                if problem:
                    self.error(path, line or item.line_of(key), record, where, problem)

    def check_coverage_strings(self, path: Path) -> None:
        """coverage.yaml's reasons and keys, checked like every record's strings."""
        try:
            doc = read_yaml(path)
        except YamlSyntaxError:
            return  # read_explanations reports it
        if isinstance(doc, LineDict):
            for key, value in doc.items():
                if isinstance(value, LineDict):
                    self._check_strings(path, value, str(key))

    # -- sources --------------------------------------------------------------
    def read_sources(self, path: Path) -> None:
        doc = self._load(path, list)
        for item in self._items(path, doc or [], "source"):
            self._source(path, item)

    def _source(self, path: Path, item: LineDict) -> None:
        ident = self._record_id(path, item)
        if ident is None:
            return
        self._check_strings(path, item, ident)
        self._unknown_fields(path, item, ident, SOURCE_RECORD_FIELDS)
        if item.get("dataset") is not None:
            self._dataset_source(path, item, ident)
            return
        if not self._require(path, item, ident, SOURCE_REQUIRED) or self._duplicate(
            path, item, ident
        ):
            return
        chars = self._chars(path, item, ident)
        title, file, sha256 = (
            self._text(path, item, ident, k) for k in ("title", "file", "sha256")
        )
        props, published = self._source_props(path, item, ident)
        if chars is None or title is None or file is None or sha256 is None:
            return
        self.records.sources[ident] = Source(
            ident, title, file, sha256, chars, props, display_path(path), item.line, published
        )

    def _dataset_source(self, path: Path, item: LineDict, ident: str) -> None:
        """A source that is a dataset (PA-X, Wikidata): cited by items, with no text."""
        if not self._require(path, item, ident, DATASET_REQUIRED) or self._duplicate(
            path, item, ident
        ):
            return
        for key in _TEXT_ONLY:
            if key in item:
                message = "a dataset source has no text: cite its items with record: ID"
                self.error(path, item.line_of(key), ident, key, message)
        title, dataset = (self._text(path, item, ident, k) for k in ("title", "dataset"))
        if dataset is not None and dataset not in DATASETS:
            hint = did_you_mean(dataset, DATASETS)
            message = f"{dataset!r} is not one of: {', '.join(DATASETS)}{hint}"
            self.error(path, item.line_of("dataset"), ident, "dataset", message)
            return
        props, published = self._source_props(path, item, ident)
        if title is None or dataset is None:
            return
        self.records.sources[ident] = Source(
            ident, title, "", "", 0, props, display_path(path), item.line, published, dataset
        )

    def _source_props(self, path: Path, item: LineDict, ident: str) -> tuple[dict, TimeSpan | None]:
        self._text(path, item, ident, "subtitle")
        props: dict[str, object] = {
            k: v
            for k in ("publisher", "url", "doi", "note")
            if (v := self._text(path, item, ident, k)) is not None
        }
        if item.get("authors") is not None:
            props["authors"] = self._text_list(path, item, ident, "authors")
        return props, self._time(path, item, ident, "published")

    def _chars(self, path, item: LineDict, record: str) -> int | None:
        chars = item["chars"]
        line = item.line_of("chars")
        if isinstance(chars, bool) or not isinstance(chars, int) or chars <= 0:
            self.error(path, line, record, "chars", "must be a positive integer")
            return None
        if chars > MAX_INTEGER:
            self.error(path, line, record, "chars", _number_problem(chars))
            return None
        return chars

    # -- entities -------------------------------------------------------------
    def read_entities(self, path: Path) -> None:
        doc = self._load(path, list)
        for item in self._items(path, doc or [], "entity"):
            self._entity(path, item)

    def _entity(self, path: Path, item: LineDict) -> None:
        ident = self._record_id(path, item)
        if ident is None:
            return
        self._check_strings(path, item, ident)
        if not self._require(path, item, ident, ("id", "label", "name")):
            return
        label = self._text(path, item, ident, "label")
        if label is None:
            return
        if label not in LABELS:
            hint = did_you_mean(label, LABELS)
            self.error(
                path, item.line_of("label"), ident, "label", f"unknown label {label!r}{hint}"
            )
            return
        spec = LABELS[label].properties
        self._unknown_fields(path, item, ident, (*ENTITY_COMMON, "distinct_from", *spec))
        self._require(path, item, ident, [k for k, p in spec.items() if p.required])
        props = self._properties(path, item, ident, spec)
        aliases, alias_sources = self._aliases(path, item, ident)
        name_sources = self._source_ids(
            path, item.line_of("name_sources"), ident, "name_sources", item.get("name_sources")
        )
        cites = self._citations(path, item, ident, default_source=None)
        if self._duplicate(path, item, ident):
            return
        self.records.entities[ident] = Entity(
            ident,
            label,
            self._text(path, item, ident, "name") or ident,  # a wrong name is reported
            aliases,
            props,
            cites,
            display_path(path),
            item.line,
            note=self._text(path, item, ident, "note"),
            time=props.pop("time", None),
            distinct_from=self._text_list(path, item, ident, "distinct_from"),
            cited=bool(item.get("cite")),
            alias_sources=alias_sources,
            name_sources=name_sources,
        )

    def _record_id(self, path, item: LineDict) -> str | None:
        """The record's ``id`` (``?`` when missing: `_require` says so); None, reported,
        when it is not text."""
        ident = item.get("id")
        if ident is None or ident == "":
            return "?"
        if not isinstance(ident, str):
            self.error(path, item.line_of("id"), "?", "id", "must be text")
            return None
        return ident

    def _aliases(self, path, item, record) -> tuple[list[str], list[list[str]]]:
        """The aliases and, aligned with them, the sources of each: an alias is a plain
        spelling or a mapping ``{name: <spelling>, sources: [<source id>, ...]}``."""
        value = item.get("aliases")
        if value is None:
            return [], []
        if not isinstance(value, list):
            message = "must be a list of spellings: names, or mappings with name and sources"
            self.error(path, item.line_of("aliases"), record, "aliases", message)
            return [], []
        aliases: list[str] = []
        alias_sources: list[list[str]] = []
        for index, alias in enumerate(value):
            where = f"aliases[{index}]"
            if isinstance(alias, str):
                aliases.append(alias)
                alias_sources.append([])
            elif isinstance(alias, LineDict):
                found = self._alias_mapping(path, alias, record, where)
                if found is not None:
                    aliases.append(found[0])
                    alias_sources.append(found[1])
            else:
                message = "an alias is a name, or a mapping with name and sources"
                self.error(path, item.line_of("aliases"), record, where, message)
        return aliases, alias_sources

    def _alias_mapping(self, path, alias: LineDict, record, where) -> tuple[str, list[str]] | None:
        """``{name, sources}``: the spelling and the sources that use it; None if no name."""
        for key in alias:
            if key not in ("name", "sources"):
                hint = did_you_mean(key, ("name", "sources"))
                self.error(
                    path, alias.line_of(key), record, f"{where}.{key}", f"unknown field{hint}"
                )
        sources = self._source_ids(
            path, alias.line_of("sources"), record, f"{where}.sources", alias.get("sources")
        )
        name = alias.get("name")
        if name in (None, ""):
            self.error(path, alias.line, record, f"{where}.name", "missing required field")
            return None
        if not isinstance(name, str):
            self.error(path, alias.line_of("name"), record, f"{where}.name", "must be text")
            return None
        return name, sources

    def _source_ids(self, path, line, record, where, value) -> list[str]:
        """A list of source ids (None is an empty one); unknown ids are reported."""
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(path, line, record, where, "must be a list of source ids")
            return []
        for source in value:
            if source not in self.records.sources:
                hint = did_you_mean(source, self.records.sources)
                self.error(path, line, record, where, f"unknown source {source!r}{hint}")
        return [source for source in value if source in self.records.sources]

    # -- claims ---------------------------------------------------------------
    def read_claims(self, path: Path) -> None:
        doc = self._load(path, LineDict)
        if not doc:  # unreadable, or only comments (a template's examples): no claims
            return
        self._check_strings(path, doc, "-", skip=("claims",))
        self._unknown_fields(path, doc, "-", ("source", "claims"))
        source = self._text(path, doc, "-", "source")
        if doc.get("source") is None:
            self.error(
                path, doc.line or 1, "-", "source", "a claims file must name its source document"
            )
        elif source is not None and source not in self.records.sources:
            hint = did_you_mean(source, self.records.sources)
            self.error(
                path, doc.line_of("source"), "-", "source", f"unknown source {source!r}{hint}"
            )
        claims = doc.get("claims")
        if claims is None:
            return
        if not isinstance(claims, list):
            self.error(path, doc.line_of("claims"), "-", "claims", "must be a list of claims")
            return
        for item in self._items(path, claims, "claim"):
            self._claim(path, item, source)

    def _claim(self, path: Path, item: LineDict, source: str | None) -> None:
        label = f"{item.get('subject', '?')} {item.get('predicate', '?')} {item.get('object', '?')}"
        self._check_strings(path, item, label)
        if not self._require(path, item, label, ("subject", "predicate", "object")):
            return
        ends = [self._text(path, item, label, k) for k in ("subject", "predicate", "object")]
        if None in ends:
            return
        subject, predicate, obj = (str(end) for end in ends)
        rel = RELATIONSHIPS.get(predicate)
        if rel is None:
            hint = did_you_mean(predicate.upper(), RELATIONSHIPS)
            message = f"unknown predicate {predicate!r}{hint}"
            self.error(path, item.line_of("predicate"), label, "predicate", message)
            return
        self._unknown_fields(path, item, label, (*CLAIM_COMMON, *rel.qualifiers))
        self._require(path, item, label, [k for k, p in rel.qualifiers.items() if p.required])
        qualifiers = self._properties(path, item, label, rel.qualifiers)
        self.records.claims.append(
            Claim(
                subject,
                predicate,
                obj,
                qualifiers,
                self._citations(path, item, label, default_source=source),
                display_path(path),
                item.line,
                item.key_lines,
                time=self._time(path, item, label, "time"),
                note=self._text(path, item, label, "note"),
                confidence=self._confidence(path, item, label),
                cited=bool(item.get("cite")),
                id=self._claim_id(path, item, label),
                contradicts=self._id_list(path, item, label, "contradicts"),
            )
        )

    def _confidence(self, path, item: LineDict, label: str) -> str | None:
        confidence = item.get("confidence")
        if confidence is None or confidence in CONFIDENCE:
            return confidence
        message = f"{_shown(confidence)} is not one of high, medium, low"
        self.error(path, item.line_of("confidence"), label, "confidence", message)
        return None

    def _claim_id(self, path, item, label) -> str | None:
        ident = item.get("id")
        if ident is None:
            return None
        if not isinstance(ident, str) or not ident:
            self.error(path, item.line_of("id"), label, "id", "must be text")
            return None
        self._duplicate(path, item, ident)
        return ident

    def _id_list(self, path, item, record, key) -> list[str]:
        """A field holding one id or a list of ids."""
        value = item.get(key)
        if isinstance(value, str):
            return [value]
        return self._text_list(path, item, record, key)

    # -- fields -------------------------------------------------------------
    def _require(self, path, item, record, names) -> bool:
        missing = [n for n in names if item.get(n) is None or item.get(n) == ""]
        for name in missing:
            self.error(path, item.line, record, name, "missing required field")
        return not missing

    def _unknown_fields(self, path, item, record, allowed) -> None:
        for key in item:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                self.error(path, item.line_of(key), record, str(key), f"unknown field{hint}")

    def _text(self, path, item: LineDict, record: str, key: str) -> str | None:
        """``item[key]`` when it is text; None when absent, or (reported) of another type."""
        value = item.get(key)
        if value is None or isinstance(value, str):
            return value
        self.error(path, item.line_of(key), record, key, "must be text")
        return None

    def _time(self, path, item, record, key) -> TimeSpan | None:
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            message = "must be an EDTF date, such as 1994-05-05, 1994-05 or 1994/1996"
            self.error(path, item.line_of(key), record, key, message)
            return None
        try:
            return parse_time(item.text_of(key))  # as written: -0500, not -500
        except TimeError as exc:
            self.error(path, item.line_of(key), record, key, str(exc))
            return None

    def _text_list(self, path, item, record, key) -> list[str]:
        value = item.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(path, item.line_of(key), record, key, "must be a list of strings")
            return []
        return list(value)

    def _properties(self, path, item, record, spec) -> dict:
        """Check label- or predicate-specific fields against their `Property` spec."""
        props: dict[str, object] = {}
        for key, prop in spec.items():
            if item.get(key) is None:
                continue
            if prop.kind == "time":
                props[key] = self._time(path, item, record, key)
                continue
            value = item[key]
            if prop.kind == "number":
                number = _number(value)
                problem = _not_a_number(value) if number is None else _number_problem(number)
                if problem:
                    self.error(path, item.line_of(key), record, key, problem)
                else:
                    props[key] = number
                continue
            problem = self._property_problem(value, prop)
            if problem:
                self.error(path, item.line_of(key), record, key, problem)
                continue
            props[key] = value
        return props

    @staticmethod
    def _property_problem(value: object, prop) -> str | None:
        """What is wrong with a text, ref or iso3 property's value, or None."""
        if not isinstance(value, str):
            return "must be text"
        if prop.values and value not in prop.values:
            hint = did_you_mean(value, prop.values)
            return f"{value!r} is not one of: {', '.join(prop.values)}{hint}"
        if prop.kind == "iso3" and not (len(value) == 3 and value.isalpha() and value.isupper()):
            return f"{value!r} is not an ISO 3166 alpha-3 code"
        return None

    def _citations(self, path, item, record, *, default_source) -> list[Citation]:
        raw = item.get("cite")
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.error(path, item.line_of("cite"), record, "cite", "must be a list of citations")
            return []
        cites = []
        for index, cite in enumerate(raw):
            where = f"cite[{index}]"
            if not isinstance(cite, LineDict):
                line = raw.line_at(index) if isinstance(raw, LineList) else item.line_of("cite")
                message = "a citation is a mapping with source, span and at"
                self.error(path, line, record, where, message)
                continue
            found = self._citation(path, cite, record, where, default_source)
            if found is not None:
                cites.append(found)
        return cites

    def _citation(self, path, cite: LineDict, record, where, default_source) -> Citation | None:
        """One citation; None when any of its fields is wrong (each is reported)."""
        for key in cite:
            if key not in _CITATION_FIELDS:
                hint = did_you_mean(key, _CITATION_FIELDS)
                message = f"unknown field{hint}"
                self.error(path, cite.line_of(key), record, f"{where}.{key}", message)
        source, at = cite.get("source", default_source), cite.get("at")
        problems = []
        if source is None:
            problems.append(("source", cite.line, "missing required field"))
        elif not isinstance(source, str):
            problems.append(("source", cite.line_of("source"), "must be text"))
        problems += _locator_problems(cite)
        if at is not None and not isinstance(at, str):
            problems.append(("at", cite.line_of("at"), "must be text"))
        for key, line, message in problems:
            self.error(path, line, record, f"{where}.{key}", message)
        if problems:
            return None
        inherited = "source" not in cite
        if "record" in cite:
            item = str(cite["record"])
            return Citation(str(source), 0, 0, at, cite.line, inherited, item)
        start, end = cite["span"]
        return Citation(str(source), start, end, at, cite.line, inherited)
