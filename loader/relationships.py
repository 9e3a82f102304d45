"""Merge claims into relationships: one fact, however many sources assert it.

Claims with the same subject, predicate, object and qualifiers whose times can
refer to the same moment are one relationship with several citations. When
different sources give incompatible times for the same subject-predicate-object,
each version stays a relationship of its own, flagged ``disputed``, and the
pair is reported as a `Disagreement` -- unless the relationship lasts (an office,
a membership, taking part in a conflict): then the claims date two moments of it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from itertools import combinations

from .records import Citation, Claim, Records
from .timespan import TimeSpan
from .vocabulary import RELATIONSHIPS

__all__ = ["Disagreement", "Relationship", "merge_claims"]


@dataclass
class Relationship:
    subject: str
    predicate: str
    object: str
    qualifiers: dict
    claims: list[Claim] = field(default_factory=list)
    disputed: bool = False

    @property
    def time(self) -> TimeSpan | None:
        """The narrowest time any of its claims gives (they all overlap)."""
        times = [c.time for c in self.claims if c.time is not None]
        return min(times, key=_width) if times else None

    @property
    def citations(self) -> list[Citation]:
        return sorted(
            {c for claim in self.claims for c in claim.cites}, key=lambda c: (c.source, c.start)
        )

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.citations})

    @property
    def key(self) -> str:
        """A stable id: the same fact gets the same key on every load."""
        time = self.time.text if self.time else ""
        ident = [self.subject, self.predicate, self.object, sorted(self.qualifiers.items()), time]
        return hashlib.sha1(json.dumps(ident).encode()).hexdigest()[:16]

    def accepts(self, claim: Claim) -> bool:
        return all(_compatible(claim.time, other.time) for other in self.claims)


@dataclass(frozen=True)
class Disagreement:
    """Two sources assert the same subject-predicate-object at incompatible times."""

    first: Claim
    second: Claim

    @property
    def message(self) -> str:
        a, b = self.first, self.second
        return (
            f"sources disagree on the time: {_time_text(a)} ({_sources(a)}, {a.path}:{a.line}) "
            f"vs {_time_text(b)} ({_sources(b)}, {b.path}:{b.line})"
        )


def merge_claims(records: Records) -> tuple[list[Relationship], list[Disagreement]]:
    """Group claims into relationships and list the source disagreements among them."""
    groups: dict[tuple, list[Relationship]] = {}
    # Most precise first, so that a vague claim ("2011") meets every dated version;
    # it joins one only when it cannot belong to another, and never takes sides.
    for claim in sorted(
        records.claims, key=lambda c: (_width(c.time) if c.time else (2, 0), c.path, c.line)
    ):
        ident = (
            claim.subject,
            claim.predicate,
            claim.object,
            tuple(sorted(claim.qualifiers.items())),
        )
        candidates = groups.setdefault(ident, [])
        homes = [r for r in candidates if r.accepts(claim)]
        if len(homes) == 1:
            homes[0].claims.append(claim)
        else:
            candidates.append(Relationship(*ident[:3], dict(claim.qualifiers), [claim]))
    disagreements = []
    for candidates in groups.values():
        if _lasting(records, candidates[0]):
            continue
        for left, right in combinations(candidates, 2):
            found = _disagreement(left, right)
            if found:
                left.disputed = right.disputed = True
                disagreements.append(found)
    relationships = [r for candidates in groups.values() for r in candidates]
    return relationships, disagreements


# Taking part in something ongoing (mediating a conflict, belonging to a format)
# lasts as well: claims dated differently describe different moments of it.
_ONGOING = ("Conflict", "Format", "Organization", "Period")


def _lasting(records: Records, rel: Relationship) -> bool:
    target = records.entities.get(rel.object)
    return RELATIONSHIPS[rel.predicate].spell or (target is not None and target.label in _ONGOING)


def _disagreement(left: Relationship, right: Relationship) -> Disagreement | None:
    """Two claims that cannot both hold, from different sources (one source dating
    two moments is no dispute). A claim compatible with both sides is no witness."""
    for a in left.claims:
        for b in right.claims:
            differ = {c.source for c in a.cites}.isdisjoint(c.source for c in b.cites)
            if differ and not _compatible(a.time, b.time):
                return Disagreement(a, b)
    return None


def _compatible(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    return a is None or b is None or a.overlaps(b)


def _width(span: TimeSpan) -> tuple:
    # Open ends are the widest; otherwise compare by day count via ISO strings.
    if span.earliest is None or span.latest is None:
        return (1, 0)
    from datetime import date

    days = (date.fromisoformat(span.latest) - date.fromisoformat(span.earliest)).days
    return (0, days)


def _time_text(claim: Claim) -> str:
    return claim.time.text if claim.time else "no time"


def _sources(claim: Claim) -> str:
    return ", ".join(sorted({c.source for c in claim.cites})) or "no source"
