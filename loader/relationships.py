"""Merge claims into relationships: one fact, however many sources assert it.

Claims with the same subject, predicate, object and qualifiers whose times can
refer to the same moment are one relationship with several claims; each claim
stays on it as its source gave it (`Relationship.claims`). When different
sources give incompatible times for the same subject-predicate-object, each
version stays a relationship of its own, flagged ``disputed``, and the pair is
reported as a `Disagreement` -- unless the relationship lasts (a membership,
taking part in a conflict): then the claims date two moments of it. An office
(`RelType.office`) is one relationship per holder, body, title and term, whose
spell runs from its first attestation to its last.

A curator marks accounts that cannot both be true (one source says both
presidents refused, another that one side blocked) with ``contradicts:``; those
are disagreements too, whatever their dates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from itertools import combinations

from dipgraph.errors import TimeError

from .records import Citation, Claim, Records
from .timespan import TimeSpan, parse_time
from .vocabulary import RELATIONSHIPS

__all__ = ["Disagreement", "Relationship", "merge_claims", "spell_of"]


@dataclass
class Relationship:
    subject: str
    predicate: str
    object: str
    qualifiers: dict
    claims: list[Claim] = field(default_factory=list)
    disputed: bool = False
    contradicts: list[Relationship] = field(default_factory=list, repr=False)

    @property
    def time(self) -> TimeSpan | None:
        """An office's spell; otherwise the narrowest time any claim gives (they overlap)."""
        times = [c.time for c in self.claims if c.time is not None]
        if not times:
            return None
        if RELATIONSHIPS[self.predicate].office:
            return spell_of(times)
        return min(times, key=_width)

    @property
    def citations(self) -> list[Citation]:
        return sorted(
            {c for claim in self.claims for c in claim.cites}, key=lambda c: (c.source, c.start)
        )

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.citations})

    @property
    def ordered_claims(self) -> list[Claim]:
        """Its claims by source, then by place in the records: the order of the
        per-claim properties."""
        return sorted(self.claims, key=lambda c: (c.source_ids, c.path, c.line))

    @property
    def key(self) -> str:
        """A stable id: the same fact gets the same key on every load."""
        time = self.time.text if self.time else ""
        ident = [self.subject, self.predicate, self.object, sorted(self.qualifiers.items()), time]
        return hashlib.sha1(json.dumps(ident).encode()).hexdigest()[:16]

    def accepts(self, claim: Claim) -> bool:
        if RELATIONSHIPS[self.predicate].office:
            return True
        return all(_compatible(claim.time, other.time) for other in self.claims)


@dataclass(frozen=True)
class Disagreement:
    """Two sources assert the same subject-predicate-object at incompatible times
    (``kind`` "time"), or a curator marked two claims as conflicting accounts
    (``kind`` "account")."""

    first: Claim
    second: Claim
    kind: str = "time"

    @property
    def message(self) -> str:
        a, b = self.first, self.second
        if self.kind == "account":
            return (
                f"conflicting accounts: {a.label} ({_sources(a)}, {a.path}:{a.line}) "
                f"vs {b.label} ({_sources(b)}, {b.path}:{b.line})"
            )
        return (
            f"sources disagree on the time: {_time_text(a)} ({_sources(a)}, {a.path}:{a.line}) "
            f"vs {_time_text(b)} ({_sources(b)}, {b.path}:{b.line})"
        )


def merge_claims(records: Records) -> tuple[list[Relationship], list[Disagreement]]:
    """Group claims into relationships and list the source disagreements among them.

    The result is computed once per set of claims (validation and the graph rows
    both ask); callers read it and must not change it.
    """
    claims, count = records.claims, len(records.claims)
    cached = records.merged
    if cached is None or cached[0] is not claims or cached[1] != count:
        records.merged = cached = (claims, count, _merge(records))
    return cached[2]


def _merge(records: Records) -> tuple[list[Relationship], list[Disagreement]]:
    groups = _group_claims(records.claims)
    disagreements = []
    for candidates in groups.values():
        if _lasting(records, candidates[0]):
            continue
        for left, right in combinations(candidates, 2):
            found = _disagreement(left, right)
            if found:
                _mark(left, right)
                disagreements.append(found)
    relationships = [r for candidates in groups.values() for r in candidates]
    disagreements += _contradictions(relationships)
    return relationships, disagreements


def spell_of(times: list[TimeSpan]) -> TimeSpan:
    """The spell from the earliest known start among ``times`` to the latest known end;
    an open end (``..``: still under way) wins, an unknown one only when nothing is known.

    >>> spell_of([parse_time("2008-03"), parse_time("2011-06-24"), parse_time("2010")]).text
    '2008-03/2011-06-24'
    >>> spell_of([parse_time("/2020"), parse_time("1994-12/..")]).text
    '1994-12/..'
    >>> spell_of([parse_time("2011")]).text
    '2011'
    """
    start = _spell_end(times, "start_bound", lambda t: t.earliest or "", min, 0)
    end = _spell_end(times, "end_bound", lambda t: t.latest or "", max, 1)
    try:
        return parse_time(start if start == end else f"{start}/{end}")
    except TimeError:  # both ends unbounded ("/.."): no EDTF for it; keep the widest claim
        return max(times, key=_width)


def _spell_end(times: list[TimeSpan], bound: str, date, pick, side: int) -> str:
    if any(getattr(t, bound) == "open" for t in times):
        return ".."
    known = [t for t in times if getattr(t, bound) == "known" and date(t)]
    if not known:
        return ""
    chosen = pick(known, key=date)
    return chosen.text.split("/", 1)[side] if "/" in chosen.text else chosen.text


def _group_claims(claims: list[Claim]) -> dict[tuple, list[Relationship]]:
    groups: dict[tuple, list[Relationship]] = {}
    # Most precise first, so that a vague claim ("2011") meets every dated version;
    # it joins one only when it cannot belong to another, and never takes sides.
    for claim in sorted(
        claims, key=lambda c: (_width(c.time) if c.time else (2, 0), c.path, c.line)
    ):
        ident = (claim.subject, claim.predicate, claim.object, _identifying(claim))
        candidates = groups.setdefault(ident, [])
        home = _home(claim, [r for r in candidates if r.accepts(claim)])
        if home is not None:
            home.claims.append(claim)
        else:
            candidates.append(Relationship(*ident[:3], dict(ident[3]), [claim]))
    return groups


def _home(claim: Claim, homes: list[Relationship]) -> Relationship | None:
    """The one relationship a claim belongs to; a claim that fits several joins one
    dated exactly as it is (a restatement: a relationship of its own would get the
    same key) and otherwise none."""
    if len(homes) == 1:
        return homes[0]
    text = claim.time.text if claim.time else ""
    same = [r for r in homes if (r.time.text if r.time else "") == text]
    return same[0] if same else None


def _identifying(claim: Claim) -> tuple:
    """The qualifiers that tell facts apart (not a source's wording of a title)."""
    spec = RELATIONSHIPS[claim.predicate].qualifiers
    return tuple(sorted((k, v) for k, v in claim.qualifiers.items() if not spec[k].per_claim))


def _contradictions(relationships: list[Relationship]) -> list[Disagreement]:
    """The accounts curators marked as conflicting; unknown ids are validation's to report."""
    home = {c.id: (r, c) for r in relationships for c in r.claims if c.id}
    found = []
    for rel in relationships:
        for claim in rel.claims:
            for other_id in claim.contradicts:
                if other_id in home and home[other_id][0] is not rel:
                    other_rel, other = home[other_id]
                    _mark(rel, other_rel)
                    found.append(Disagreement(claim, other, "account"))
    return found


def _mark(left: Relationship, right: Relationship) -> None:
    left.disputed = right.disputed = True
    for one, two in ((left, right), (right, left)):
        if two not in one.contradicts:
            one.contradicts.append(two)


# Taking part in something ongoing (mediating a conflict, belonging to a format)
# lasts as well: claims dated differently describe different moments of it. An
# event does not last that way: its dates are its own, and sources must agree on them.
_ONGOING = ("Conflict", "Format", "Organization", "Period")


def _lasting(records: Records, rel: Relationship) -> bool:
    source = records.entities.get(rel.subject)
    if source is not None and source.label == "Event":
        return False
    target = records.entities.get(rel.object)
    return RELATIONSHIPS[rel.predicate].spell or (target is not None and target.label in _ONGOING)


def _disagreement(left: Relationship, right: Relationship) -> Disagreement | None:
    """Two claims that cannot both hold, from different sources (one source dating
    two moments is no dispute). A claim compatible with both sides is no witness."""
    for a in left.claims:
        for b in right.claims:
            differ = set(a.source_ids).isdisjoint(b.source_ids)
            if differ and not _compatible(a.time, b.time):
                return Disagreement(a, b)
    return None


def _compatible(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    return a is None or b is None or a.overlaps(b)


def _width(span: TimeSpan) -> tuple:
    # Open ends are the widest; otherwise compare by day count.
    if span.earliest is None or span.latest is None:
        return (1, 0)
    days = (dt.date.fromisoformat(span.latest) - dt.date.fromisoformat(span.earliest)).days
    return (0, days)


def _time_text(claim: Claim) -> str:
    return claim.time.text if claim.time else "no time"


def _sources(claim: Claim) -> str:
    return ", ".join(claim.source_ids) or "no source"
