"""How much of each source document the records cite, and what they hold.

A paragraph is *cited* when a citation's span overlaps it, *explained* when
``data/coverage.yaml`` says why it states no relationship (a title, a bibliography
entry, analysis without a fact), and *unexplained* otherwise: the list a curator
works through until it is empty.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .explanations import EXPLANATIONS
from .graph import graph_rows
from .problems import Problem, Report
from .records import Records
from .sources import cited_paragraphs, paragraph_spans, read_source_text

__all__ = ["DocumentCoverage", "count_records", "document_coverage"]


@dataclass
class DocumentCoverage:
    source: str
    paragraphs: list[tuple[int, int]]
    cited: set[int] = field(default_factory=set)
    explained: dict[int, str] = field(default_factory=dict)

    @property
    def unexplained(self) -> list[int]:
        every = range(1, len(self.paragraphs) + 1)
        return [n for n in every if n not in self.cited and n not in self.explained]

    @property
    def cited_share(self) -> float:
        return len(self.cited) / len(self.paragraphs) if self.paragraphs else 0.0


def count_records(records: Records) -> dict[str, Counter]:
    """Counts by node label, relationship type, and per source (entities, claims, sole-source facts)."""
    rows = graph_rows(records)
    per_source: Counter = Counter()
    for entity in records.entities.values():
        for source in {c.source for c in entity.cites}:
            per_source[(source, "entities")] += 1
    for claim in records.claims:
        for source in {c.source for c in claim.cites}:
            per_source[(source, "claims")] += 1
    for edge in rows.edges:
        for source in edge.props["sources"]:
            per_source[(source, "relationships")] += 1
        if len(edge.props["sources"]) == 1:
            per_source[(edge.props["sources"][0], "only source")] += 1
    return {
        "labels": Counter(n.label for n in rows.nodes),
        "types": Counter(e.type for e in rows.edges),
        "sources": per_source,
    }


def document_coverage(records: Records, texts: Path, report: Report) -> list[DocumentCoverage]:
    """Per source: its paragraphs, which are cited, which explained (hash-checked texts)."""
    explanations = records.explanations
    result = []
    for source in (s for s in records.sources.values() if s.has_text):
        spans = paragraph_spans(read_source_text(source, texts))
        doc = DocumentCoverage(source.id, spans, explained=explanations.get(source.id, {}))
        doc.cited.update(cited_paragraphs(records, source.id, spans))
        for number in doc.explained:
            if not 1 <= number <= len(spans):
                message = f"paragraph {number} does not exist ({source.id} has {len(spans)})"
                report.add(
                    Problem(str(records.root / EXPLANATIONS), 0, source.id, str(number), message)
                )
        result.append(doc)
    return result
