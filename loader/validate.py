"""Check records against the vocabulary, each other and their sources.

`validate_records` adds to the report the reader started, so one call lists
every problem: unknown ids, domain and range, citations, spans, and the
warnings (likely duplicate entities, source disagreements).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from .conventions import check_conventions
from .explanations import EXPLANATIONS
from .notes import unstructured_note_facts
from .problems import Problem, Report, did_you_mean
from .records import Citation, Records, Source, display_path, paused_gc, read_records
from .relationships import merge_claims
from .sides import check_sides
from .vocabulary import DATASETS, RELATIONSHIPS

__all__ = ["check_records", "normalize_name", "validate_records"]

# Curly quotes and dashes as the plain characters curators type.
_TYPOGRAPHY = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
SIMILAR = 0.88  # name similarity above which two entities look like one


def check_records(root) -> tuple[Records, Report]:
    """Read and validate a data folder: the records and the full report."""
    with paused_gc():  # the records all stay alive: nothing for the collector to find
        records = read_records(root)
        return records, validate_records(records)


def validate_records(records: Records) -> Report:
    report = records.report
    for entity in records.entities.values():
        _check_citations(records, report, entity, entity.id)
        for other in entity.distinct_from:
            if other not in records.entities:
                report.add(
                    Problem(
                        entity.path,
                        entity.line,
                        entity.id,
                        "distinct_from",
                        _unknown_id(records, other),
                    )
                )
    for claim in records.claims:
        _check_claim(records, report, claim)
    check_sides(records.sides, {i: e.label for i, e in records.entities.items()}, report)
    _check_explained_sources(records, report)
    _warn_similar_names(records, report)
    _check_contradictions(records, report)
    check_conventions(records, report)
    _warn_note_facts(records, report)
    _, disagreements = merge_claims(records)
    for found in disagreements:
        claim = found.second
        field = "time" if found.kind == "time" else "contradicts"
        line = claim.line_of(field) if found.kind == "time" else found.first.line_of(field)
        where = claim if found.kind == "time" else found.first
        report.add(Problem(where.path, line, where.label, field, found.message, "warning"))
    return report


def _warn_note_facts(records: Records, report: Report) -> None:
    """A date, number or name in a note that no claim holds is a fact left unqueryable."""
    for fact in unstructured_note_facts(records):
        message = (
            f"mentions {fact.kind} {fact.mention!r}, which no claim or qualifier holds: "
            f"record it, or say why it is commentary under notes: in {EXPLANATIONS}"
        )
        report.add(Problem(fact.path, fact.line, fact.record, "note", message, "warning"))


def _check_contradictions(records: Records, report: Report) -> None:
    """``contradicts:`` names claims by their ``id``: each must exist and be another claim."""
    ids = {c.id for c in records.claims if c.id}
    for claim in records.claims:
        for other in claim.contradicts:
            message = None
            if other == claim.id:
                message = "a claim cannot contradict itself"
            elif other not in ids:
                message = f"no claim has id {other!r}{did_you_mean(other, ids)}"
            if message:
                line = claim.line_of("contradicts")
                report.add(Problem(claim.path, line, claim.label, "contradicts", message))


def _check_explained_sources(records: Records, report: Report) -> None:
    """coverage.yaml names only known sources (its paragraph numbers need the texts:
    ``dipgraph stats --texts`` checks them)."""
    for source in records.explanations:
        if source not in records.sources:
            message = f"unknown source {source!r}{did_you_mean(source, records.sources)}"
            path = records.root / EXPLANATIONS
            report.add(Problem(display_path(path), 0, source, "source", message))


def _unknown_id(records: Records, ident: str) -> str:
    return f"unknown id {ident!r}{did_you_mean(ident, records.entities)}"


def _check_claim(records: Records, report: Report, claim) -> None:
    rel = RELATIONSHIPS[claim.predicate]
    for role, ident, allowed in (
        ("subject", claim.subject, rel.domain),
        ("object", claim.object, rel.range),
    ):
        entity = records.entities.get(ident)
        line = claim.line_of(role)
        if entity is None:
            report.add(Problem(claim.path, line, claim.label, role, _unknown_id(records, ident)))
        elif entity.label not in allowed:
            message = f"{claim.predicate} {role} must be {' or '.join(allowed)}, but {ident!r} is a {entity.label}"
            report.add(Problem(claim.path, line, claim.label, role, message))
    for key, prop in rel.qualifiers.items():
        ident = claim.qualifiers.get(key)
        if prop.kind != "ref" or ident is None:
            continue
        entity = records.entities.get(ident)
        if entity is None:
            report.add(
                Problem(
                    claim.path, claim.line_of(key), claim.label, key, _unknown_id(records, ident)
                )
            )
        elif entity.label not in prop.refs:
            message = f"must be a {' or '.join(prop.refs)}, but {ident!r} is a {entity.label}"
            report.add(Problem(claim.path, claim.line_of(key), claim.label, key, message))
    _check_citations(records, report, claim, claim.label)


def _check_citations(records, report, item, record: str) -> None:
    path, line, cites = item.path, item.line, item.cites
    if not item.cited:
        report.add(
            Problem(
                path, line, record, "cite", "missing citation: cite at least one source passage"
            )
        )
    for index, cite in enumerate(cites):
        where = f"cite[{index}]"
        source = records.sources.get(cite.source)
        if source is None and not cite.inherited:
            hint = did_you_mean(cite.source, records.sources)
            report.add(
                Problem(
                    path,
                    cite.line,
                    record,
                    f"{where}.source",
                    f"unknown source {cite.source!r}{hint}",
                )
            )
        elif source is not None:
            found = _locator_problem(source, cite)
            if found:
                report.add(Problem(path, cite.line, record, f"{where}.{found[0]}", found[1]))


def _locator_problem(source: Source, cite: Citation) -> tuple[str, str] | None:
    """(field, message) when a citation points where its source cannot: a span of a
    dataset, a record of a text, an identifier of the wrong form, a span past the end."""
    if source.dataset is not None:
        dataset = DATASETS[source.dataset]
        if cite.record is None:
            return "span", f"{source.id} is a dataset: cite an item with record: ID, not a span"
        if not re.fullmatch(dataset.pattern, cite.record):
            return "record", (
                f"{cite.record!r} is not a {dataset.name} {dataset.identifier}, like {dataset.example}"
            )
        return None
    if cite.record is not None:
        return "record", f"{source.id} is a text: cite a span of it, not a record"
    if not 0 <= cite.start < cite.end <= source.chars:
        return "span", (
            f"span [{cite.start}, {cite.end}) is outside the text of {cite.source} "
            f"(0-{source.chars} characters)"
        )
    return None


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name.

    >>> normalize_name("Jiří  DIENSTBIER")
    'jiri dienstbier'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.translate(_TYPOGRAPHY).casefold().split())


def _warn_similar_names(records: Records, report: Report) -> None:
    """Warn on entities of one label whose names or aliases are (nearly) the same."""
    by_label: dict[str, list] = {}
    for entity in records.entities.values():
        by_label.setdefault(entity.label, []).append(entity)
    for entities in by_label.values():
        names = [(e, normalize_name(n)) for e in entities for n in e.names]
        warned = set()
        for i, j in sorted(_candidate_pairs([n for _, n in names])):
            (a, x), (b, y) = names[i], names[j]
            pair = tuple(sorted((a.id, b.id)))
            if a.id == b.id or pair in warned or b.id in a.distinct_from or a.id in b.distinct_from:
                continue
            if x == y or _similar(x, y):
                warned.add(pair)
                first, second = sorted((a, b), key=lambda e: (e.path, e.line))
                message = (
                    f"likely the same entity as {first.id!r} ({first.path}:{first.line}): "
                    f"{x!r} ~ {y!r}; merge them, or list each in the other's distinct_from"
                )
                report.add(Problem(second.path, second.line, second.id, "name", message, "warning"))


COMMON_GRAM = 100  # a 3-gram in more names than this tells names apart too little to index


def _candidate_pairs(names: list[str]) -> set[tuple[int, int]]:
    """Index pairs worth comparing: equal names, or names sharing half their 3-grams.

    Comparing every pair is quadratic; near-identical names share most 3-grams,
    so an inverted index of 3-grams finds them without looking at the rest.

    >>> sorted(_candidate_pairs(["nalbandian", "nalbandyan", "kazimirov", "nalbandian"]))
    [(0, 1), (0, 3), (1, 3)]
    """
    pairs: set[tuple[int, int]] = set()
    first_seen: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        pairs.update((j, i) for j in first_seen.get(name, []))
        first_seen.setdefault(name, []).append(i)
    grams = [{name[k : k + 3] for k in range(len(name) - 2)} for name in names]
    index: dict[str, list[int]] = {}
    for i, own in enumerate(grams):
        for gram in own:
            index.setdefault(gram, []).append(i)
    for i, own in enumerate(grams):
        shared: dict[int, int] = {}
        for gram in own:
            posting = index[gram]
            if len(posting) <= COMMON_GRAM:
                for j in posting:
                    if j > i:
                        shared[j] = shared.get(j, 0) + 1
        pairs.update(
            (i, j) for j, count in shared.items() if 2 * count >= min(len(own), len(grams[j]))
        )
    return pairs


def _similar(x: str, y: str) -> bool:
    if min(len(x), len(y)) < 5:
        return False
    matcher = difflib.SequenceMatcher(None, x, y)
    return (
        matcher.real_quick_ratio() >= SIMILAR
        and matcher.quick_ratio() >= SIMILAR
        and matcher.ratio() >= SIMILAR
    )
