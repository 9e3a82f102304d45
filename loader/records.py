"""The record model and its reader: sources, entities and claims from a data folder.

Layout of a data folder::

    sources.yaml          one entry per source document
    entities/*.yaml       entities (any grouping; each cites its sources)
    claims/<source>.yaml  relationship claims, one file per source document
    sides.yaml            the sides of each conflict (optional; see `dipgraph.loader.sides`)
    coverage.yaml         why uncited paragraphs are left out (see `dipgraph.loader.coverage`)

Reading never stops at the first problem: structural problems (a missing field,
a wrong type, bad YAML) are collected in ``Records.report`` and the record is
kept as far as it can be, so `validate` can report everything at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.errors import TimeError

from .explanations import EXPLANATIONS, read_explanations, read_note_explanations
from .problems import Problem, Report, did_you_mean
from .sides import SIDES_FILE, ConflictSides, read_sides
from .timespan import TimeSpan, parse_time
from .vocabulary import CLAIM_COMMON, ENTITY_COMMON, LABELS, RELATIONSHIPS
from .yamlio import LineDict, YamlSyntaxError, read_yaml

__all__ = ["Citation", "Claim", "Entity", "Records", "Source", "read_records"]

SOURCE_RECORD_FIELDS = (
    "id",
    "title",
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


@dataclass(frozen=True)
class Citation:
    source: str
    start: int
    end: int
    at: str | None
    line: int
    # Source taken from the claims file: an unknown one is reported once, for the file.
    inherited: bool = field(default=False, compare=False)

    def __str__(self) -> str:
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


@dataclass
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
        return f"{self.subject} {self.predicate} {self.object}"

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


def read_records(root: Path | str) -> Records:
    """Read a data folder; structural problems go to ``records.report``."""
    root = Path(root)
    records = Records(root)
    reader = _Reader(records)
    sources = root / "sources.yaml"
    if not sources.is_file():
        reader.error(sources, 0, "-", "file", "no sources.yaml in the data folder")
    else:
        reader.read_sources(sources)
    for path in sorted((root / "entities").glob("*.yaml")):
        reader.read_entities(path)
    for path in sorted((root / "claims").glob("*.yaml")):
        reader.read_claims(path)
    sides = root / SIDES_FILE
    if sides.is_file():
        records.sides = read_sides(sides, records.report, shown=display_path(sides))
    shown = display_path(root / EXPLANATIONS)
    records.explanations = read_explanations(root, records.report, shown=shown)
    records.note_explanations = read_note_explanations(root, records.report, shown=shown)
    _warn_unread_files(root, records.report)
    return records


_READ = {"sources.yaml", SIDES_FILE, EXPLANATIONS, "entities", "claims"}


def _warn_unread_files(root: Path, report: Report) -> None:
    """YAML files dipgraph would pass over without a word: a misspelt name, a ``.yml``."""
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


def _number(value) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _not_a_number(value) -> str:
    """PyYAML reads ``2.5e6`` as text (YAML 1.1 wants ``2.5e+6``): say so."""
    try:
        number = float(value) if isinstance(value, str) else None
    except ValueError:
        number = None
    if number is None:
        return "must be a number"
    shown = int(number) if value.strip().lstrip("+-").isdigit() else number
    return f"must be a number: YAML reads {value!r} as text; write {shown!r}"


def display_path(path: Path) -> str:
    """The path relative to the working directory when it is below it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class _Reader:
    def __init__(self, records: Records):
        self.records = records
        self.seen: dict[str, tuple[str, int]] = {}

    # -- reporting ----------------------------------------------------------
    def error(self, path, line, record, fld, message):
        self.records.report.add(Problem(display_path(Path(path)), line, record, fld, message))

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

    def _items(self, path: Path, items, what: str):
        for item in items:
            if isinstance(item, LineDict):
                yield item
            else:
                self.error(path, 0, "-", what, f"each entry must be a mapping, got {item!r}")

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

    # -- sources --------------------------------------------------------------
    def read_sources(self, path: Path) -> None:
        doc = self._load(path, list)
        for item in self._items(path, doc or [], "source"):
            ident = str(item.get("id", "?"))
            self._unknown_fields(path, item, ident, SOURCE_RECORD_FIELDS)
            if not self._require(path, item, ident, SOURCE_REQUIRED) or self._duplicate(
                path, item, ident
            ):
                continue
            chars = item["chars"]
            if not isinstance(chars, int) or chars <= 0:
                self.error(
                    path, item.line_of("chars"), ident, "chars", "must be a positive integer"
                )
                continue
            published = self._time(path, item, ident, "published")
            props = {
                k: item[k] for k in ("authors", "publisher", "url", "doi", "note") if k in item
            }
            self.records.sources[ident] = Source(
                ident,
                str(item["title"]),
                str(item["file"]),
                str(item["sha256"]),
                chars,
                props,
                display_path(path),
                item.line,
                published,
            )

    # -- entities -------------------------------------------------------------
    def read_entities(self, path: Path) -> None:
        doc = self._load(path, list)
        for item in self._items(path, doc or [], "entity"):
            self._entity(path, item)

    def _entity(self, path: Path, item: LineDict) -> None:
        ident = str(item.get("id", "?"))
        if not self._require(path, item, ident, ("id", "label", "name")):
            return
        label = str(item["label"])
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
            str(item["name"]),
            aliases,
            props,
            cites,
            display_path(path),
            item.line,
            note=item.get("note"),
            time=props.pop("time", None),
            distinct_from=self._text_list(path, item, ident, "distinct_from"),
            cited=bool(item.get("cite")),
            alias_sources=alias_sources,
            name_sources=name_sources,
        )

    def _aliases(self, path, item, record) -> tuple[list[str], list[list[str]]]:
        """The aliases and, aligned with them, the sources of each: an alias is a plain
        spelling or a mapping ``{name: <spelling>, sources: [<source id>, ...]}``."""
        value = item.get("aliases") or []
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
        if doc is None:
            return
        source = doc.get("source")
        if source is None:
            self.error(
                path, doc.line or 1, "-", "source", "a claims file must name its source document"
            )
        elif source not in self.records.sources:
            hint = did_you_mean(source, self.records.sources)
            self.error(
                path, doc.line_of("source"), "-", "source", f"unknown source {source!r}{hint}"
            )
        claims = doc.get("claims") or []
        if not isinstance(claims, list):
            self.error(path, doc.line_of("claims"), "-", "claims", "must be a list of claims")
            return
        for item in self._items(path, claims, "claim"):
            self._claim(path, item, source)

    def _claim(self, path: Path, item: LineDict, source: str | None) -> None:
        label = f"{item.get('subject', '?')} {item.get('predicate', '?')} {item.get('object', '?')}"
        if not self._require(path, item, label, ("subject", "predicate", "object")):
            return
        predicate = str(item["predicate"])
        rel = RELATIONSHIPS.get(predicate)
        if rel is None:
            hint = did_you_mean(predicate.upper(), RELATIONSHIPS)
            self.error(
                path,
                item.line_of("predicate"),
                label,
                "predicate",
                f"unknown predicate {predicate!r}{hint}",
            )
            return
        self._unknown_fields(path, item, label, (*CLAIM_COMMON, *rel.qualifiers))
        self._require(path, item, label, [k for k, p in rel.qualifiers.items() if p.required])
        qualifiers = self._properties(path, item, label, rel.qualifiers)
        confidence = item.get("confidence")
        if confidence is not None and confidence not in ("high", "medium", "low"):
            self.error(
                path,
                item.line_of("confidence"),
                label,
                "confidence",
                f"{confidence!r} is not one of high, medium, low",
            )
        self.records.claims.append(
            Claim(
                str(item["subject"]),
                predicate,
                str(item["object"]),
                qualifiers,
                self._citations(path, item, label, default_source=source),
                display_path(path),
                item.line,
                item.key_lines,
                time=self._time(path, item, label, "time"),
                note=item.get("note"),
                confidence=confidence,
                cited=bool(item.get("cite")),
                id=self._claim_id(path, item, label),
                contradicts=self._id_list(path, item, label, "contradicts"),
            )
        )

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
        missing = [n for n in names if item.get(n) in (None, "")]
        for name in missing:
            self.error(path, item.line, record, name, "missing required field")
        return not missing

    def _unknown_fields(self, path, item, record, allowed) -> None:
        for key in item:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                self.error(path, item.line_of(key), record, str(key), f"unknown field{hint}")

    def _time(self, path, item, record, key) -> TimeSpan | None:
        if item.get(key) is None:
            return None
        try:
            return parse_time(str(item[key]))
        except TimeError as exc:
            self.error(path, item.line_of(key), record, key, str(exc))
            return None

    def _text_list(self, path, item, record, key) -> list[str]:
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(path, item.line_of(key), record, key, "must be a list of strings")
            return []
        return value

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
                if number is None:
                    self.error(path, item.line_of(key), record, key, _not_a_number(value))
                else:
                    props[key] = number
                continue
            if not isinstance(value, str):
                self.error(path, item.line_of(key), record, key, "must be text")
                continue
            if prop.values and value not in prop.values:
                hint = did_you_mean(value, prop.values)
                choices = ", ".join(prop.values)
                self.error(
                    path,
                    item.line_of(key),
                    record,
                    key,
                    f"{value!r} is not one of: {choices}{hint}",
                )
                continue
            if prop.kind == "iso3" and not (
                len(value) == 3 and value.isalpha() and value.isupper()
            ):
                self.error(
                    path,
                    item.line_of(key),
                    record,
                    key,
                    f"{value!r} is not an ISO 3166 alpha-3 code",
                )
                continue
            props[key] = value
        return props

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
                self.error(
                    path,
                    item.line_of("cite"),
                    record,
                    where,
                    "a citation is a mapping with source, span and at",
                )
                continue
            for key in cite:
                if key not in ("source", "span", "at"):
                    self.error(
                        path,
                        cite.line_of(key),
                        record,
                        f"{where}.{key}",
                        f"unknown field{did_you_mean(key, ('source', 'span', 'at'))}",
                    )
            source = cite.get("source", default_source)
            span = cite.get("span")
            if source is None:
                self.error(path, cite.line, record, f"{where}.source", "missing required field")
                continue
            if not (
                isinstance(span, list) and len(span) == 2 and all(isinstance(v, int) for v in span)
            ):
                self.error(
                    path,
                    cite.line_of("span"),
                    record,
                    f"{where}.span",
                    "must be [start, end], two character offsets",
                )
                continue
            at = cite.get("at")
            at = None if at is None else str(at)
            inherited = "source" not in cite
            cites.append(Citation(str(source), span[0], span[1], at, cite.line, inherited))
        return cites
