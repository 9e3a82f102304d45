"""Facts left in notes: the dates, numbers and names a note mentions that no claim holds.

A note is for commentary (the curator's reasoning, a caveat); a fact with a type
belongs in a claim or a qualifier, where a query finds it. `unstructured_note_facts`
lists, for every note, each year, day, number and entity name it mentions that the
structured records around it do not hold:

- a year or a day is held when the record's own time, a claim about the same
  entities, or one of those entities' dates covers it;
- a number is held when it is the ``quantity`` or ``value`` of a claim about the same
  entities, or part of such an entity's name ("Resolution 822");
- an entity name is held when the record is about that entity, or a claim links it
  with an entity the record is about.

What remains and is genuinely commentary is explained in ``data/coverage.yaml``
under ``notes:`` (record, then the mention, then why), and is not listed.

Examples
--------
>>> _mentions("Signed on 26 September 1992 in Sochi; 1,960 troops.", _Names({"Sochi": "sochi"}))
[('date', '09-26'), ('year', '1992'), ('number', '1960'), ('entity', 'sochi')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .records import Claim, Entity, Records
from .timespan import TimeSpan

__all__ = ["NoteFact", "unstructured_note_facts"]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})\s+({'|'.join(_MONTHS)})\b|\b({'|'.join(_MONTHS)})\s+(\d{{1,2}})\b"
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(?:s\b|\b)")
_NUMBER = re.compile(r"(?<![\w.-])(\d[\d,]*(?:\.\d+)?)(?![\w-])")
_SOURCE_TAG = re.compile(r"\[[a-z0-9-]+\]")


@dataclass(frozen=True, order=True)
class NoteFact:
    """One mention in a note that no structured record holds."""

    path: str
    line: int
    record: str  # an entity id, or a claim's "subject PREDICATE object"
    kind: str  # year | date | number | entity
    mention: str  # the year, MM-DD, the number, or the entity id

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.record}: note: {self.kind} {self.mention!r}"


def unstructured_note_facts(records: Records) -> list[NoteFact]:
    """Every mention in a note that no claim or qualifier holds, minus the explained ones."""
    index = _Index(records)
    explained = records.note_explanations
    found = []
    for record, path, line, note, about, times in index.notes():
        for kind, mention in _mentions(note, index.names):
            if kind == "entity" and mention in about:
                continue
            if mention in explained.get(record, {}) or index.holds(kind, mention, about, times):
                continue
            found.append(NoteFact(path, line, record, kind, mention))
    return sorted(found)


def _mentions(note: str, names: _Names) -> list[tuple[str, str]]:
    """(kind, mention) for each day, year, number and entity name in ``note``."""
    text = _SOURCE_TAG.sub(" ", note)
    found: list[tuple[str, str]] = []
    for match in _DAY_MONTH.finditer(text):
        day = match.group(1) or match.group(4)
        month = _MONTHS.index(match.group(2) or match.group(3)) + 1
        found.append(("date", f"{month:02d}-{int(day):02d}"))
    text_wo_days = _DAY_MONTH.sub(" ", text)
    found += [("year", y) for y in dict.fromkeys(_YEAR.findall(text_wo_days))]
    for number in dict.fromkeys(_NUMBER.findall(_YEAR.sub(" ", text_wo_days))):
        found.append(("number", number.replace(",", "")))
    found += [("entity", ident) for ident in names.find(text)]
    return list(dict.fromkeys(found))


_WORD = re.compile(r"\w")


class _Names:
    """Entity names and aliases, found in a text as whole words (the longest name wins
    where names overlap: "Ilham Aliyev", not "Aliyev").

    Names are indexed by their first characters, so a text costs a look-up per
    position however many names there are. (One regular expression alternating every
    name tried each of them at each position: with 60,000 names, a minute's work.)
    """

    def __init__(self, names: dict[str, str]):
        self.ids = names
        self.width = max(1, min(4, *map(len, names))) if names else 1
        self.starting: dict[str, list[str]] = {}
        for name in sorted(names, key=lambda n: (-len(n), n)):  # longest first
            self.starting.setdefault(name[: self.width], []).append(name)

    def find(self, text: str) -> list[str]:
        found: list[str] = []
        start, width = 0, self.width
        while start <= len(text) - width:
            name = self._name_at(text, start, self.starting.get(text[start : start + width]))
            if name is None:
                start += 1
            else:
                found.append(self.ids[name])
                start += len(name)
        return list(dict.fromkeys(found))

    @staticmethod
    def _name_at(text: str, start: int, candidates: list[str] | None) -> str | None:
        """The longest candidate at ``start`` that is a whole word there, or None."""
        if not candidates or (start and _WORD.match(text, start - 1)):
            return None
        for name in candidates:
            if text.startswith(name, start) and not _WORD.match(text, start + len(name)):
                return name
        return None


class _Index:
    """The records around each note: who is linked to whom, and the dates and numbers
    the claims about an entity hold."""

    def __init__(self, records: Records):
        self.records = records
        self.names = _Names(
            {name: e.id for e in records.entities.values() for name in e.names if len(name) >= 4}
        )
        self.linked: dict[str, set[str]] = {}
        self.spans: dict[str, list[TimeSpan]] = {}
        self.numbers: dict[str, set[str]] = {}
        for claim in records.claims:
            self._add_claim(claim)
        for entity in records.entities.values():
            self.spans.setdefault(entity.id, []).extend(_entity_times(entity))

    def _add_claim(self, claim: Claim) -> None:
        about = _claim_entities(claim, self.records)
        numbers = {_plain(v) for k, v in claim.qualifiers.items() if k in ("quantity", "value")}
        for ident in about:
            self.linked.setdefault(ident, set()).update(about)
            if claim.time is not None:
                self.spans.setdefault(ident, []).append(claim.time)
            self.numbers.setdefault(ident, set()).update(numbers)

    def notes(self) -> Iterator[tuple[str, str, int, str, set[str], list[TimeSpan]]]:
        for entity in self.records.entities.values():
            if entity.note:
                yield entity.id, entity.path, entity.line, entity.note, {entity.id}, []
        for claim in self.records.claims:
            if claim.note:
                about = _claim_entities(claim, self.records)
                own = [claim.time] if claim.time else []
                yield claim.label, claim.path, claim.line_of("note"), claim.note, about, own

    def holds(self, kind: str, mention: str, about: set[str], times: list[TimeSpan]) -> bool:
        if kind == "entity":
            return any(mention in self.linked.get(ident, ()) for ident in about)
        if kind == "number":
            # An unknown id (validation reports it) names nothing.
            known = [self.records.entities[i] for i in about if i in self.records.entities]
            return any(mention in self.numbers.get(ident, ()) for ident in about) or any(
                mention in name.replace(",", "") for entity in known for name in entity.names
            )
        spans = [*times, *(s for ident in about for s in self.spans.get(ident, ()))]
        return any(_covers(span, kind, mention) for span in spans)


def _claim_entities(claim: Claim, records: Records) -> set[str]:
    refs = {v for v in claim.qualifiers.values() if isinstance(v, str) and v in records.entities}
    return {claim.subject, claim.object, *refs}


def _entity_times(entity: Entity) -> Iterable[TimeSpan]:
    if entity.time is not None:
        yield entity.time
    yield from (v for v in entity.props.values() if isinstance(v, TimeSpan))


def _covers(span: TimeSpan, kind: str, mention: str) -> bool:
    if kind == "year":
        low, high = (span.earliest or "0000")[:4], (span.latest or "9999")[:4]
        return low <= mention <= high
    return f"-{mention}" in span.text  # a day: the record gives it to the day


def _plain(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
