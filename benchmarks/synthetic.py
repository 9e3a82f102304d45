"""A synthetic records corpus shaped like the real one, at any size.

``write_corpus(root, claims)`` writes ``root/data`` with several sources (one claims
file each), entities of every common label in several files, and claims of the
common predicates with qualifiers, notes and dates of every precision the real
records use: days, months, years, intervals, open ends and uncertain (``?``) or
approximate (``~``) dates. About one claim in six restates, in another source, a
fact a first source gave, so relationships carry several claims and citations.
Every record validates without an error; names are random syllables, so the
similar-name check has nothing to say.

Deterministic for a given seed, so two runs measure the same corpus.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Corpus", "write_corpus"]

SOURCE_CHARS = 200_000  # every source text is this long; spans fall inside it
SYLLABLES = (
    "ka",
    "ro",
    "mi",
    "le",
    "an",
    "su",
    "to",
    "ve",
    "dar",
    "bel",
    "gor",
    "in",
    "ush",
    "pa",
    "ti",
    "lo",
    "ne",
    "zan",
    "ar",
    "mo",
)
TITLES = ("President", "Foreign Minister", "Envoy", "Ambassador", "Prime Minister", "Speaker")
ROLES = ("delegate", "head of delegation", "observer", "adviser")
NOTES = (
    "The source names the delegation without its members.",
    "Reported second-hand; the author doubts it.",
    "The wording follows the source's own summary.",
)


@dataclass(frozen=True)
class Corpus:
    """Where the corpus is and what it holds."""

    data: Path
    sources: list[str]
    entities: int
    claims: int


def write_corpus(root: Path, claims: int, *, sources: int = 20, seed: int = 7) -> Corpus:
    """Write a corpus of about ``claims`` claims over ``sources`` sources into ``root/data``."""
    rng = random.Random(seed)
    data = root / "data"
    (data / "entities").mkdir(parents=True)
    (data / "claims").mkdir()
    source_ids = [f"source-{i:02d}" for i in range(sources)]
    _write_sources(data, source_ids)
    entities = _entities(rng, claims)
    _write_entities(data, rng, entities, source_ids)
    _write_claims(data, rng, entities, source_ids, claims)
    return Corpus(data, source_ids, sum(len(ids) for ids in entities.values()), claims)


def _write_sources(data: Path, ids: list[str]) -> None:
    digest = hashlib.sha256(b"synthetic").hexdigest()  # nothing verifies the texts here
    lines = []
    for i, ident in enumerate(ids):
        lines += [
            f"- id: {ident}",
            f"  title: Synthetic chronicle {i}",
            f"  authors: [Author {_word(random.Random(i))}]",
            f"  published: {1995 + i % 25}",
            f"  file: {ident}.txt",
            f"  sha256: {digest}",
            f"  chars: {SOURCE_CHARS}",
            "",
        ]
    (data / "sources.yaml").write_text("\n".join(lines))


def _entities(rng: random.Random, claims: int) -> dict[str, list[str]]:
    """Entity ids by group, scaled with the number of claims."""
    counts = {
        "person": max(20, claims // 10),
        "state": 60,
        "org": max(5, claims // 400),
        "event": max(10, claims // 8),
        "doc": max(10, claims // 20),
        "place": max(5, claims // 200),
    }
    return {group: [f"{group}-{i}" for i in range(n)] for group, n in counts.items()}


GROUP_LABELS = {
    "person": ("Person", ""),
    "state": ("State", "status: recognized"),
    "org": ("Organization", "kind: intergovernmental"),
    "event": ("Event", "kind: meeting"),
    "doc": ("Agreement", "kind: statement"),
    "place": ("Place", "kind: city"),
}


def _write_entities(data, rng, entities, source_ids) -> None:
    for group, ids in entities.items():
        label, fields = GROUP_LABELS[group]
        lines = []
        for ident in ids:
            source = rng.choice(source_ids)
            name = f"{_word(rng).title()} {_word(rng).title()} {_word(rng).title()}"
            extra = f", {fields}" if fields else ""
            if group in ("event", "doc"):
                extra += f", time: '{_date(rng)}'"
            if group == "person" and rng.random() < 0.3:
                extra += f", aliases: [{name.split()[0]} {_word(rng).title()}]"
            cite = f"{{source: {source}, span: {_span(rng)}}}"
            lines.append(f"- {{id: {ident}, label: {label}, name: {name}{extra}, cite: [{cite}]}}")
        (data / "entities" / f"{group}s.yaml").write_text("\n".join(lines) + "\n")


# predicate, subject group, object group, how its qualifiers are written
PREDICATES = [
    ("ATTENDED", "person", "event", "role"),
    ("ATTENDED", "state", "event", ""),
    ("SIGNED", "person", "doc", "on_behalf_of"),
    ("MEDIATED", "person", "event", "on_behalf_of"),
    ("HELD_POSITION", "person", "state", "title"),
    ("MEMBER_OF", "state", "org", ""),
    ("TOOK_PLACE_IN", "event", "place", ""),
    ("PARTY_TO", "state", "doc", ""),
    ("SUPPORTED", "state", "state", "kind"),
]


def _write_claims(data, rng, entities, source_ids, total) -> None:
    per_source: dict[str, list[str]] = {s: [] for s in source_ids}
    written = 0
    while written < total:
        source = rng.choice(source_ids)
        fields = _claim_fields(rng, entities)
        per_source[source].append(_claim_text(rng, fields))
        written += 1
        if rng.random() < 0.18 and written < total:  # another source states it too
            other = rng.choice([s for s in source_ids if s != source])
            per_source[other].append(_claim_text(rng, fields))
            written += 1
    for source, claims in per_source.items():
        text = f"# Claims from {source}.\nsource: {source}\nclaims:\n" + "".join(claims)
        (data / "claims" / f"{source}.yaml").write_text(text)


def _claim_fields(rng: random.Random, entities: dict[str, list[str]]) -> dict[str, str]:
    predicate, subject, obj, qualifier = rng.choice(PREDICATES)
    fields = {
        "subject": rng.choice(entities[subject]),
        "predicate": predicate,
        "object": rng.choice(entities[obj]),
    }
    if qualifier == "role":
        fields["role"] = rng.choice(ROLES)
    elif qualifier == "on_behalf_of":
        fields["on_behalf_of"] = rng.choice(entities["state"])
    elif qualifier == "title":
        fields["title"] = rng.choice(TITLES)
    elif qualifier == "kind":
        fields["kind"] = rng.choice(("diplomatic", "military", "political"))
    if subject == "state" and obj == "state" and fields["subject"] == fields["object"]:
        fields["object"] = entities["state"][(entities["state"].index(fields["subject"]) + 1) % 60]
    fields["time"] = _date(rng)
    return fields


def _claim_text(rng: random.Random, fields: dict[str, str]) -> str:
    """One claim, in flow style (most real claims) or block style, with a citation."""
    cite = f"{{span: {_span(rng)}, at: para {rng.randint(1, 90)}}}"
    items = [(k, f"'{v}'" if k == "time" else v) for k, v in fields.items()]
    if rng.random() < 0.05:
        items.append(("note", rng.choice(NOTES)))
    if rng.random() < 0.03:
        items.append(("confidence", rng.choice(("medium", "low"))))
    if rng.random() < 0.8:
        inner = ", ".join(f"{k}: {v}" for k, v in items)
        return f"  - {{{inner}, cite: [{cite}]}}\n"
    lines = [f"    {k}: {v}\n" for k, v in items] + [f"    cite: [{cite}]\n"]
    return "  - " + "".join(lines)[4:]


def _date(rng: random.Random) -> str:
    """An EDTF date of a random precision, between 1991 and 2020."""
    year = rng.randint(1991, 2020)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.random()
    if kind < 0.35:
        return f"{year}-{month:02d}-{day:02d}"
    if kind < 0.55:
        return f"{year}-{month:02d}"
    if kind < 0.7:
        return f"{year}"
    if kind < 0.8:
        return f"{year}/{year + rng.randint(1, 4)}"
    if kind < 0.85:
        return f"{year}-{month:02d}/{year + 1}-{month:02d}"
    if kind < 0.9:
        return f"{year}-{month:02d}-{day:02d}/.."
    if kind < 0.95:
        return f"{year}~"
    return f"{year}-{month:02d}?"


def _span(rng: random.Random) -> str:
    start = rng.randrange(SOURCE_CHARS - 2000)
    return f"[{start}, {start + rng.randint(50, 1500)}]"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
