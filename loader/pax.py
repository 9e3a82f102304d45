"""Import the PA-X Peace Agreements Database export, and cross-check it with a corpus.

PA-X (University of Edinburgh, PeaceRep, https://www.peaceagreements.org/) publishes
its agreements as one CSV file, which users download themselves. `read_pax` reads the
rows of one peace process; `import_pax` turns them into records (an Agreement per row,
a Format per process, and the claims that the ``Part`` and ``ThrdPart`` columns
support); `write_pax_import` writes those into a data folder; `crosscheck_pax` compares
the rows with the Agreements a corpus already has. Every record cites the dataset
source ``pax`` by the agreement's ``AgtId``.

Names in ``Part`` and ``ThrdPart``
----------------------------------
These columns are free text: signatories with their titles, one or several a line.
An entity is named where one of its spellings (name or alias, folded as
`dipgraph.loader.validate.normalize_name` folds them) stands there as whole words, the
longest spelling first. A short all-capital spelling (US, NKR) counts only in
capitals. A spelling several entities share names none of them, with two exceptions
that decide by what the text says: where only one of them is a State, Organization
or Person, that actor is meant (the state, not the place, Nagorno-Karabakh); a
surname (a one-word spelling of a person) must agree with the initial or given name
written before it ("S. Sargsyan" is Serzh Sargsyan, not Vazgen; "S. Aliyev" is
neither Aliyev). Nothing else is guessed: a name that no entity has, spelt otherwise
("Ter-Petrosian") or shared, is listed as unmatched, cut out of its line or phrase
without "For the", titles (President, Minister of Foreign Affairs, Colonel, ...) and
trailing punctuation.

A third party gets a claim only from what the text says of it, paragraph by
paragraph (a paragraph being a block between blank lines, so that a name and the
bracketed office on the lines below it go together): each State, Organization or
Person named in a paragraph that says "mediat..." ``MEDIATED`` the agreement (role
mediator), one that says "witness..." ``SIGNED`` it as witness, one that says
"guarant..." ``SIGNED`` it as guarantor. A third party whose paragraphs state no role
gets no claim and is listed in ``unstated_roles``.

Examples
--------
>>> import tempfile
>>> header = "AgtId,Agt,Dat,PP,PPName,Stage,Part,ThrdPart,Loc1ISO,PAX_Hyperlink"
>>> row = '1,Lindenau Declaration,13/03/2003,9,Valdoria-Ostmark: Lindenau talks,Pre,,,VAL,'
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder) / "pax.csv"
...     _ = path.write_text(f"{header}\\n{row}\\n", encoding="utf-8")
...     [agreement] = read_pax(path, process="ostmark")
>>> agreement.name, agreement.date, agreement.stage, agreement.process_id
('Lindenau Declaration', '2003-03-13', 'pre-negotiation', '9')
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from dipgraph.errors import CorpusError

from .mentions import whole_words
from .records import Entity, Records
from .sources import fold_with_offsets
from .timespan import TimeSpan, parse_time
from .validate import normalize_name
from .vocabulary import AGREEMENT_STAGES, DATASETS
from .yamlio import read_yaml

__all__ = [
    "PAX_COLUMNS",
    "PAX_SOURCE",
    "PAX_STAGES",
    "Crosscheck",
    "PaxAgreement",
    "PaxAgreements",
    "PaxImport",
    "crosscheck_pax",
    "import_pax",
    "read_pax",
    "write_pax_import",
]

# The columns of the PA-X export this module reads; a file without them is not one.
PAX_COLUMNS = (
    *("AgtId", "Agt", "Dat", "PP", "PPName", "Stage"),
    *("Part", "ThrdPart", "Loc1ISO", "PAX_Hyperlink"),
)
# PA-X's Stage codes, in the order of the vocabulary's stages they stand for.
PAX_STAGES = dict(
    zip(("Pre", "Cea", "SubPar", "SubComp", "Imp", "Ren", "Oth"), AGREEMENT_STAGES, strict=True)
)
PAX_SOURCE = {
    "id": "pax",
    "title": DATASETS["pax"].name,
    "dataset": "pax",
    "url": "https://www.peaceagreements.org/",
}
_ACTORS = ("State", "Organization", "Person")
# What a ThrdPart paragraph must say for its entities to get a role (see import_pax).
_ROLES = (
    (re.compile(r"\bmediat", re.IGNORECASE), "MEDIATED", "mediator"),
    (re.compile(r"\bwitness", re.IGNORECASE), "SIGNED", "witness"),
    (re.compile(r"\bguarant", re.IGNORECASE), "SIGNED", "guarantor"),
)
_ALIKE = 0.8  # below validation's threshold for "likely the same entity" (0.88)
_NOT_SIGNED = re.compile(r"\bnot signed\b", re.IGNORECASE)


@dataclass(frozen=True)
class PaxAgreement:
    """One row of the PA-X export: an agreement of a peace process.

    ``date`` is EDTF (``YYYY-MM-DD``), or None when the row's ``Dat`` is not a day;
    ``stage`` is one of `dipgraph.loader.vocabulary.AGREEMENT_STAGES`, or None;
    ``parties`` and ``third_parties`` are the ``Part`` and ``ThrdPart`` texts as PA-X
    gives them; ``country`` is ``Loc1ISO``; ``url`` the agreement's PA-X page.

    >>> PaxAgreement("1", "Lindenau Declaration", "2003-03-13", None, "9", "Talks").agt_id
    '1'
    """

    agt_id: str
    name: str
    date: str | None
    stage: str | None
    process_id: str
    process_name: str
    parties: str = ""
    third_parties: str = ""
    country: str = ""
    url: str = ""


class PaxAgreements(list[PaxAgreement]):
    """The rows `read_pax` selected, in file order; ``process`` is what was asked for
    and ``problems`` what was wrong with the rows (a date that is not a day, an unknown
    stage code), one message each.

    >>> rows = PaxAgreements([], process="Karabakh", problems=["AgtId 7: no date"])
    >>> len(rows), rows.problems
    (0, ['AgtId 7: no date'])
    """

    def __init__(
        self,
        rows: Iterable[PaxAgreement] = (),
        *,
        process: str = "",
        problems: Iterable[str] = (),
    ):
        super().__init__(rows)
        self.process = process
        self.problems = list(problems)


# -- reading ------------------------------------------------------------------------


def read_pax(path: Path | str, *, process: str) -> PaxAgreements:
    """The agreements of one peace process in a PA-X CSV export.

    Parameters
    ----------
    path
        The export (``pax.csv``, or part of it in the same column layout).
    process
        Part of the process's name (``PPName``, any case), or its number (``PP``): a
        number is only ever a ``PP``.

    Returns
    -------
    PaxAgreements
        The matching rows in file order. A row whose ``Dat`` is not a DD/MM/YYYY day
        gets ``date`` None, and a row whose ``Stage`` code is unknown ``stage`` None;
        both are listed in ``problems``. A row without a valid ``AgtId``, or repeating
        one, is left out and listed there too.

    Raises
    ------
    CorpusError
        The file cannot be read, lacks a PA-X column (the message names them), or no
        process matches ``process`` (the message names the closest ones).
    """
    path = Path(path)
    wanted = " ".join(process.split())
    if not wanted:
        raise CorpusError("name a PA-X peace process: part of its name (PPName) or its PP")
    rows = _read_rows(path)
    chosen = [row for row in rows if _in_process(row, wanted)]
    if not chosen:
        raise CorpusError(_no_process(path, wanted, rows))
    problems: list[str] = []
    seen: set[str] = set()
    agreements = []
    for row in chosen:
        agreement = _agreement(row, problems)
        if agreement is None or agreement.agt_id in seen:
            if agreement is not None:
                problems.append(f"AgtId {agreement.agt_id}: a second row: left out")
            continue
        seen.add(agreement.agt_id)
        agreements.append(agreement)
    return PaxAgreements(agreements, process=wanted, problems=problems)


def _read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file, after checking it has the PA-X columns."""
    try:
        # newline="": fields hold line breaks; utf-8-sig: the export starts with a BOM
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in PAX_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise CorpusError(
                    f"{path}: not a PA-X export: no column {', '.join(missing)} "
                    f"(PA-X's CSV has {', '.join(PAX_COLUMNS)}, among others)"
                )
            return [{k: v or "" for k, v in row.items() if isinstance(k, str)} for row in reader]
    except OSError as error:
        raise CorpusError(f"{path}: cannot read the PA-X export: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: not UTF-8 text: is it the PA-X CSV export?") from None
    except csv.Error as error:
        raise CorpusError(f"{path}: not a readable CSV file: {error}") from None


def _in_process(row: dict[str, str], wanted: str) -> bool:
    if wanted.isdigit():  # a process number: "1" is not every name with a 1 in it
        return row["PP"].strip() == wanted
    return wanted.casefold() in " ".join(row["PPName"].split()).casefold()


def _no_process(path: Path, wanted: str, rows: list[dict[str, str]]) -> str:
    """The message for a process that matches no row, naming the closest ones."""
    names = {row["PP"].strip(): " ".join(row["PPName"].split()) for row in rows}
    folded = wanted.casefold()

    def closeness(name: str) -> float:
        # A word of the name may be what was misspelt ("Karabah"), or the whole name.
        words = [name.casefold(), *re.findall(r"\w+", name.casefold())]
        return max(difflib.SequenceMatcher(None, folded, word).ratio() for word in words)

    close = sorted(
        (p for p in names if closeness(names[p]) >= 0.6), key=lambda p: -closeness(names[p])
    )
    hint = "; ".join(f"{names[p]!r} (PP {p})" for p in close[:3])
    tail = f": did you mean {hint}?" if hint else f" among its {len(names)} processes"
    return f"{path}: no PA-X peace process has {wanted!r} in its name (PPName) or as its PP{tail}"


def _agreement(row: dict[str, str], problems: list[str]) -> PaxAgreement | None:
    """The row as a `PaxAgreement`, or None (and a problem) without a valid AgtId."""
    agt_id = row["AgtId"].strip()
    if not re.fullmatch(DATASETS["pax"].pattern, agt_id):
        problems.append(f"a row of {row['PPName']!r} has AgtId {agt_id!r}, not a PA-X id: left out")
        return None
    date = _edtf_day(row["Dat"])
    if date is None:
        problems.append(f"AgtId {agt_id}: date {row['Dat']!r} is not a day (DD/MM/YYYY): left out")
    stage = PAX_STAGES.get(row["Stage"].strip())
    if stage is None and row["Stage"].strip():
        problems.append(f"AgtId {agt_id}: unknown Stage code {row['Stage']!r}: left out")
    name = " ".join(row["Agt"].split())  # titles carry the PDF's line breaks
    if not name:
        problems.append(f"AgtId {agt_id}: no name (Agt): named after its AgtId")
    return PaxAgreement(
        agt_id,
        name or f"PA-X agreement {agt_id}",
        date,
        stage,
        row["PP"].strip(),
        " ".join(row["PPName"].split()),
        row["Part"].strip(),
        row["ThrdPart"].strip(),
        row["Loc1ISO"].strip(),
        row["PAX_Hyperlink"].strip(),
    )


def _edtf_day(text: str) -> str | None:
    """PA-X's DD/MM/YYYY as EDTF, or None when it is not a calendar day.

    >>> _edtf_day("05/05/1994"), _edtf_day("31/02/1994"), _edtf_day("1994"), _edtf_day("")
    ('1994-05-05', None, None, None)
    """
    match = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# -- finding entities in Part and ThrdPart -------------------------------------------

_TOKEN = re.compile(r"[^\W\d_][\w'\u2019-]*\.?|\d+\.?")
_PIECE = re.compile(r"[\n\r:;,()\[\]]|\s+and\s+|\s+&\s+")
_HONORIFIC = re.compile(r"\bH\.\s*E\.")  # His/Her Excellency


def _wordset(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


_STOP = _wordset(
    "a an and as at but by for from in into is it its no not of on or the their this to "
    "was were with which who also being been be are has have had copy copied",
)
_CONNECTORS = frozenset({"of", "the", "de", "van", "von", "der", "al"})
# Titles, offices and bodies described rather than named: stripped from names found
# in Part and ThrdPart, and never enough on their own to make a phrase a name.
_GENERIC = _wordset(
    "president presidents presidential prime minister ministers ministry foreign affairs "
    "defence defense deputy acting vice chair chairman chairmen chairperson chairwoman "
    "co-chair co-chairs co-chairman co-chairmen colonel general commander chief staff army "
    "head heads delegation delegations representative representatives plenipotentiary "
    "secretary secretariat state states government governments leadership leaders leader "
    "authorities administration office council high supreme soviet assembly "
    "inter-parliamentary parliament member members countries country republic federation "
    "islamic kingdom mission mediating mr mrs ms dr sir his her excellency page parties party "
    "agreement statement declaration protocol signed mfa observer observers witness witnesses",
    "guarantor guarantors mediator mediators",
)
_ACRONYM = 5  # an all-capital spelling this short (US, UN, NKR) must match in capitals


@dataclass(frozen=True)
class _Hit:
    """An entity named in a text: ``text[start:end]`` is the spelling found."""

    start: int
    end: int
    entity: Entity
    spelling: str


class _Names:
    """Every spelling of every entity, folded, to find in Part and ThrdPart texts."""

    def __init__(self, records: Records):
        spellings: dict[str, list[tuple[Entity, str]]] = {}
        for entity in records.entities.values():
            for name in dict.fromkeys(entity.names):
                if folded := normalize_name(name):
                    spellings.setdefault(folded, []).append((entity, name))
        # Longest first, so "Russian Federation" is found before "Russia" could be.
        self.spellings = sorted(spellings.items(), key=lambda item: (-len(item[0]), item[0]))

    def find(self, text: str) -> list[_Hit]:
        """The entities ``text`` names, in order; overlapping spellings: the longest."""
        folded, origin = fold_with_offsets(text)
        taken = bytearray(len(text))
        hits = []
        for spelling, candidates in self.spellings:
            for at in whole_words(folded, spelling):
                start, end = origin[at], origin[at + len(spelling) - 1] + 1
                if any(taken[start:end]):
                    continue
                hit = _choose(text, start, end, candidates)
                # A spelling of several entities blocks shorter ones inside it but
                # names none of them: it is listed as unmatched, never guessed.
                taken[start:end] = b"\x01" * (end - start)
                if hit is not None:
                    taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
                    hits.append(hit)
        return sorted(hits, key=lambda h: h.start)


def _choose(text: str, start: int, end: int, candidates: list[tuple[Entity, str]]) -> _Hit | None:
    """The one entity a spelling found at ``text[start:end]`` names, or None.

    An all-capital short spelling (US, NKR) must be in capitals in the text. A party
    is an actor: where a spelling names an actor and something else (the state and the
    place Nagorno-Karabakh) the actor is meant. A one-word spelling of a person (a
    surname) must agree with the initial or given name written before it (S. Sargsyan
    is Serzh, not Vazgen), and the hit then covers them.
    """
    found = text[start:end]
    kept = [(e, s) for e, s in candidates if not _acronym(s) or s == found]
    if any(e.label in _ACTORS for e, _ in kept):
        kept = [(e, s) for e, s in kept if e.label in _ACTORS]
    surname = " " not in found.strip() and any(e.label == "Person" for e, _ in kept)
    given = _given_name(text, start) if surname else None
    if given is not None:
        kept = [(e, s) for e, s in kept if e.label != "Person" or _initial(e.name) == given[0]]
    entities = {e.id: e for e, _ in kept}
    if len(entities) != 1:
        return None
    [entity] = entities.values()
    if given is not None and entity.label == "Person":
        start = given[1]
    return _Hit(start, end, entity, " ".join(text[start:end].split()))


def _acronym(spelling: str) -> bool:
    return spelling.isupper() and len(spelling) <= _ACRONYM


def _initial(name: str) -> str:
    return normalize_name(name)[:1]


def _given_name(text: str, start: int) -> tuple[str, int] | None:
    """The first letter of the initials (``V. V.``, ``Ye.``) or given name written just
    before ``text[start:]``, and where they start; None when there are none.

    >>> _given_name("Minister: P.S. Grachov", 15), _given_name("Prime Minister Pashinyan", 15)
    (('p', 10), None)
    """
    tokens = list(_TOKEN.finditer(text, 0, start))
    first = None
    while tokens and _is_initial(tokens[-1].group()) and not text[tokens[-1].end() : start].strip():
        first = tokens.pop()
        start = first.start()
    if first is None and tokens and not text[tokens[-1].end() : start].strip():
        word = tokens[-1].group()
        if word[0].isupper() and _word(word) not in _STOP and not _generic(word):
            first = tokens[-1]
    return (_initial(first.group()), first.start()) if first else None


def _is_initial(token: str) -> bool:
    """A single capital, or a capital and a letter with a full stop (Ye.), not Mr."""
    single = len(token.rstrip(".")) == 1 and token[0].isupper()
    pair = bool(re.fullmatch(r"[^\W\d_][a-z]\.", token)) and token[0].isupper()
    return single or (pair and not _generic(token))


def _word(token: str) -> str:
    return normalize_name(token.rstrip("."))


@lru_cache(maxsize=4096)
def _generic(token: str) -> bool:
    """Whether a word is a title or generic description, misspelt ones (Chariman) too."""
    word = _word(token)
    return word in _GENERIC or bool(difflib.get_close_matches(word, _GENERIC, n=1, cutoff=0.85))


def _unmatched_names(text: str, hits: list[_Hit]) -> list[str]:
    """The names in ``text`` outside the hits, each cut out of its line or phrase."""
    chars = list(_HONORIFIC.sub(lambda m: " " * len(m.group()), text))
    for hit in hits:
        chars[hit.start : hit.end] = "\n" * (hit.end - hit.start)
    names = (_name_in(piece) for piece in _PIECE.split("".join(chars)))
    return [name for name in names if name]


def _name_in(piece: str) -> str | None:
    """The name a line or phrase holds, or None when it holds none.

    Leading words that are not a name are dropped (For the, titles such as President or
    Minister of Foreign Affairs, lowercase words); the name is the run of capitalised
    words and initials that follows, without its trailing "of the" or punctuation. It
    must have a word that is not a title, and be two words long or end the phrase (so
    "Taking part in the discussion" holds none).

    >>> _name_in("For the President Boris Yeltsin of the"), _name_in("Colonel S Abiyev.")
    ('Boris Yeltsin', 'S Abiyev')
    >>> _name_in("Taking part in the discussion of the communiqué were"), _name_in("Minister of")
    (None, None)
    """
    tokens = [m for m in _TOKEN.finditer(piece)]
    first = 0
    while first < len(tokens) and _not_a_name(tokens[first].group()):
        first += 1
    last = first
    while last < len(tokens) and _in_name(tokens[last].group()):
        last += 1
    while last > first and _word(tokens[last - 1].group()) in _CONNECTORS:
        last -= 1
    run = [t.group() for t in tokens[first:last]]
    if not any(_distinctive(token) for token in run):
        return None
    words = [t for t in run if not _is_initial(t) and _word(t) not in _CONNECTORS]
    rest = [t for t in tokens[last:] if _word(t.group()) not in _CONNECTORS]
    if len(words) < 2 and rest:
        return None
    return " ".join(piece[tokens[first].start() : tokens[last - 1].end()].split()).rstrip(".")


def _not_a_name(token: str) -> bool:
    if _is_initial(token):
        return False
    word = _word(token)
    return not word[:1].isalpha() or not token[0].isupper() or word in _STOP or _generic(token)


def _in_name(token: str) -> bool:
    word = _word(token)
    return _is_initial(token) or word in _CONNECTORS or (token[0].isupper() and word not in _STOP)


def _distinctive(token: str) -> bool:
    return token[0].isupper() and not _is_initial(token) and not _not_a_name(token)


# -- importing ----------------------------------------------------------------------

# Words that name what kind of document a PA-X title is, first one wins (see _kind).
_DOCUMENT_WORDS = {
    **dict.fromkeys(("protocol", "protocols"), "protocol"),
    **dict.fromkeys(("declaration", "declarations"), "declaration"),
    **dict.fromkeys(("statement", "statements", "communique", "communiques"), "statement"),
    **dict.fromkeys(("memorandum", "memoranda"), "memorandum"),
    **dict.fromkeys(("principles", "principle"), "principles"),
    **dict.fromkeys(("plan", "plans"), "plan"),
    **dict.fromkeys(("treaty", "treaties"), "treaty"),
    **dict.fromkeys(("agreement", "agreements"), "agreement"),
}
_CEASEFIRE_WORDS = re.compile(r"\b(?:ceasefire|cease-fire|cease fire|cessation|truce)\b")


@dataclass
class PaxImport:
    """The records `import_pax` makes from PA-X rows, and what it found in their texts.

    ``source`` is the dataset source for sources.yaml. ``entities`` and ``claims`` are
    the records, as mappings in the YAML files' layout (a claim cites ``{record:
    AgtId}``: its file names the source). ``matched`` holds (AgtId, field, entity id,
    spelling found) for each actor named in ``Part`` or ``ThrdPart``; ``unmatched``
    (AgtId, field, text) for each name there that no entity has; ``unstated_roles``
    (agreement id, entity id) for each third party whose role the text does not state;
    ``linked`` (AgtId, agreement id) for each row the corpus already had: its claims
    name that Agreement, and no new one is made. ``agreements`` are the rows imported.
    """

    source: dict[str, str]
    agreements: list[PaxAgreement] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    matched: list[tuple[str, str, str, str]] = field(default_factory=list)
    unmatched: list[tuple[str, str, str]] = field(default_factory=list)
    unstated_roles: list[tuple[str, str]] = field(default_factory=list)
    linked: list[tuple[str, str]] = field(default_factory=list)


def import_pax(
    records: Records,
    agreements: Iterable[PaxAgreement],
    *,
    source_id: str = "pax",
    link_existing: bool = True,
) -> PaxImport:
    """Records for PA-X rows: an Agreement per row, a Format per process, and claims.

    Each row becomes Agreement ``pax-<AgtId>`` (``kind`` from its title, see `_kind`;
    ``status: signed`` unless ``Part`` says "not signed"; ``stage``; ``time``), and each
    process Format ``pax-process-<PP>`` (``kind: process``, citing its first row). Each
    agreement is ``PART_OF`` its process; each State, Organization or Person of
    ``records`` named in ``Part`` is ``PARTY_TO`` it, and one named in ``ThrdPart`` gets
    a role only where the text states one (see the module's notes). With
    ``link_existing``, a row that `crosscheck_pax` matches to an Agreement of
    ``records`` makes no new Agreement: its claims name the existing one.

    Raises `CorpusError` when ``records`` already has an id the import would make.

    >>> from dipgraph.loader.records import Entity, Records
    >>> records = Records(root=".")
    >>> records.entities["iran"] = Entity("iran", "State", "Iran", [], {}, [], "", 1)
    >>> row = PaxAgreement("9", "Tehran Communiqué", "1992-05-07", "pre-negotiation", "8",
    ...                    "Talks", third_parties="The Islamic Republic of Iran (mediator)")
    >>> result = import_pax(records, [row])
    >>> [(c["subject"], c["predicate"], c["object"], c.get("role")) for c in result.claims]
    [('pax-9', 'PART_OF', 'pax-process-8', None), ('iran', 'MEDIATED', 'pax-9', 'mediator')]
    >>> result.entities[1]["kind"], result.matched
    ('statement', [('9', 'ThrdPart', 'iran', 'Iran')])
    """
    rows = list(agreements)
    result = PaxImport(source={**PAX_SOURCE, "id": source_id}, agreements=rows)
    existing = {}
    if link_existing:
        existing = {agt: ident for agt, ident, _ in crosscheck_pax(records, rows).matches}
    names = _Names(records)
    formats: dict[str, dict[str, Any]] = {}
    for row in rows:
        target = existing.get(row.agt_id, f"pax-{row.agt_id}")
        if row.agt_id in existing:
            result.linked.append((row.agt_id, target))
        else:
            result.entities.append(_agreement_record(row, source_id))
        start = len(result.claims)
        if process := _slug(row.process_id):
            formats.setdefault(f"pax-process-{process}", _format_record(row, source_id))
            result.claims.append(_claim(target, "PART_OF", f"pax-process-{process}", row))
        _add_parties(result, names, row, target)
        _add_third_parties(result, names, row, target)
        result.claims[start:] = _unique(result.claims[start:])
    result.entities[:0] = formats.values()
    _mark_distinct(result.entities)
    taken = [e["id"] for e in result.entities if e["id"] in records.entities]
    if taken:
        raise CorpusError(
            f"the records already have {', '.join(taken[:5])}: was this process imported "
            "before (entities/pax.yaml)?"
        )
    return result


def _mark_distinct(entities: list[dict[str, Any]]) -> None:
    """Add ``distinct_from`` between records of one label with (nearly) the same name:
    two PA-X rows are two documents (or processes), so validation need not ask."""
    for i, one in enumerate(entities):
        for other in entities[i + 1 :]:
            if one["label"] == other["label"] and _alike(one["name"], other["name"]):
                one.setdefault("distinct_from", []).append(other["id"])
                other.setdefault("distinct_from", []).append(one["id"])
    for entity in entities:  # cite stays last, as in the corpus's files
        if "distinct_from" in entity:
            entity["cite"] = entity.pop("cite")


def _alike(name: str, other: str) -> bool:
    """Names as alike as validation's warning about similar names needs, or more."""
    matcher = difflib.SequenceMatcher(None, normalize_name(name), normalize_name(other))
    checks = (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio)
    return all(check() >= _ALIKE for check in checks)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _unique(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims without repeats (a party named twice), in order."""
    kept = {repr(sorted(claim.items())): claim for claim in reversed(claims)}
    return list(reversed(kept.values()))


def _kind(name: str) -> str:
    """The Agreement ``kind`` a PA-X title names.

    The first document word of the title decides (protocol, declaration, statement or
    communiqué, memorandum, principles, plan, treaty, agreement), so an "Agreement on
    the Implementation of the ... Protocol" is an agreement. An agreement about a
    ceasefire, cessation or truce, or a title with no document word, is a ceasefire
    when it says so, else an agreement.

    >>> [_kind(n) for n in ("Bishkek Protocol", "Ceasefire Agreement Signed in Bishkek",
    ...     "Agreement on the Implementation of the 18 February 1994 Protocol", "Joint Communiqué")]
    ['protocol', 'ceasefire', 'agreement', 'statement']
    """
    folded = normalize_name(name)
    words = re.findall(r"[^\W\d_]+", folded)
    head = next((_DOCUMENT_WORDS[w] for w in words if w in _DOCUMENT_WORDS), None)
    if head in (None, "agreement") and _CEASEFIRE_WORDS.search(folded):
        return "ceasefire"
    return head or "agreement"


def _agreement_record(row: PaxAgreement, source_id: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": f"pax-{row.agt_id}",
        "label": "Agreement",
        "name": row.name,
        "kind": _kind(row.name),
    }
    if not _NOT_SIGNED.search(row.parties):  # PA-X says so of the few that were not
        record["status"] = "signed"
    if row.stage:
        record["stage"] = row.stage
    if row.date:
        record["time"] = row.date
    record["cite"] = [{"source": source_id, "record": row.agt_id}]
    return record


def _format_record(row: PaxAgreement, source_id: str) -> dict[str, Any]:
    return {
        "id": f"pax-process-{_slug(row.process_id)}",
        "label": "Format",
        "name": row.process_name or f"PA-X peace process {row.process_id}",
        "kind": "process",
        "cite": [{"source": source_id, "record": row.agt_id}],
    }


def _claim(
    subject: str, predicate: str, obj: str, row: PaxAgreement, role: str | None = None
) -> dict[str, Any]:
    claim: dict[str, Any] = {"subject": subject, "predicate": predicate, "object": obj}
    if role:
        claim["role"] = role
    claim["cite"] = [{"record": row.agt_id}]
    return claim


def _paragraphs(text: str) -> list[str]:
    """The blocks of ``text`` between blank lines."""
    return [block for block in re.split(r"\n\s*\n", text) if block.strip()]


def _actor_hits(
    result: PaxImport, names: _Names, row: PaxAgreement, column: str, paragraph: str
) -> list[_Hit]:
    """The actors ``paragraph`` names; records every actor and unmatched name found."""
    hits = names.find(paragraph)
    actors = [hit for hit in hits if hit.entity.label in _ACTORS]
    for hit in actors:
        found = (row.agt_id, column, hit.entity.id, hit.spelling)
        if found not in result.matched:
            result.matched.append(found)
    for name in _unmatched_names(paragraph, hits):
        if (row.agt_id, column, name) not in result.unmatched:
            result.unmatched.append((row.agt_id, column, name))
    return actors


def _add_parties(result: PaxImport, names: _Names, row: PaxAgreement, target: str) -> None:
    for paragraph in _paragraphs(row.parties):
        for hit in _actor_hits(result, names, row, "Part", paragraph):
            result.claims.append(_claim(hit.entity.id, "PARTY_TO", target, row))


def _add_third_parties(result: PaxImport, names: _Names, row: PaxAgreement, target: str) -> None:
    """Claims for the third parties whose role their paragraph states (module notes)."""
    named: list[str] = []
    stated: set[str] = set()
    for paragraph in _paragraphs(row.third_parties):
        roles = [(predicate, role) for words, predicate, role in _ROLES if words.search(paragraph)]
        for hit in _actor_hits(result, names, row, "ThrdPart", paragraph):
            named.append(hit.entity.id)
            for predicate, role in roles:
                stated.add(hit.entity.id)
                result.claims.append(_claim(hit.entity.id, predicate, target, row, role))
    for ident in dict.fromkeys(named):
        if ident not in stated:
            result.unstated_roles.append((target, ident))


# -- writing ------------------------------------------------------------------------


def write_pax_import(result: PaxImport, data_folder: Path | str) -> list[Path]:
    """Write an import into a data folder; the files written, in order.

    Writes ``entities/pax.yaml`` and ``claims/pax.yaml`` (each with a header comment;
    the claims file ends with the unmatched names and unstated roles as comments), and
    appends ``result.source`` to ``sources.yaml`` unless it has a source with
    ``dataset: pax`` (its text and comments are kept).

    Raises
    ------
    CorpusError
        Nothing is written when either file exists already, ``sources.yaml`` is
        missing, or it has the PA-X dataset under another id (or ``result``'s id for
        another source).
    """
    root = Path(data_folder)
    sources = root / "sources.yaml"
    if not sources.is_file():
        raise CorpusError(f"{sources}: not found: is {root} a records folder (dipgraph init)?")
    targets = [root / "entities" / "pax.yaml", root / "claims" / "pax.yaml"]
    there = [str(path) for path in targets if path.exists()]
    if there:
        raise CorpusError(
            f"{' and '.join(there)}: already there; nothing written (move it away to import again)"
        )
    addition = _source_addition(sources, result.source)
    for path, text in zip(targets, (_entities_yaml(result), _claims_yaml(result)), strict=True):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not addition:
        return targets
    with sources.open("a", encoding="utf-8") as handle:
        handle.write(addition)
    return [*targets, sources]


def _source_addition(sources: Path, source: dict[str, str]) -> str:
    """The text to append to sources.yaml for ``source``: "" if it is there already."""
    entries = read_yaml(sources) or []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        if entry.get("dataset") == source["dataset"]:
            if entry.get("id") == source["id"]:
                return ""
            raise CorpusError(
                f"{sources} has PA-X as source {entry.get('id')!r}: import with "
                f"source_id={entry.get('id')!r}; nothing written"
            )
        if entry.get("id") == source["id"]:
            raise CorpusError(
                f"{sources} has a source {source['id']!r} that is not PA-X: import with "
                "another source_id; nothing written"
            )
    text = sources.read_text(encoding="utf-8")
    gap = "" if not text or text.endswith("\n\n") else "\n" if text.endswith("\n") else "\n\n"
    note = "# The PA-X Peace Agreements Database, cited by agreement id (AgtId): the PA-X import"
    return f"{gap}{note}\n{yaml.safe_dump([source], sort_keys=False, allow_unicode=True)}"


def _comment(value: object) -> str:
    return " ".join(str(value).split())


def _header(result: PaxImport, what: str) -> list[str]:
    processes = dict.fromkeys((a.process_id, a.process_name) for a in result.agreements)
    lines = [
        f"# {what} imported from the PA-X Peace Agreements Database ({PAX_SOURCE['url']})",
        f"# by dipgraph.loader.pax; source {_comment(result.source['id'])} in sources.yaml.",
        f"# {len(result.agreements)} agreement(s) of the peace process(es):",
        *(f"#   PP {_comment(pp)}: {_comment(name)}" for pp, name in processes),
        "# Each record cites its PA-X agreement id (AgtId). Names in PA-X's Part and ThrdPart",
        "# columns that matched no entity, and third parties whose role PA-X does not state,",
        "# are listed as comments at the end of claims/pax.yaml.",
    ]
    if result.linked:
        lines.append("# Rows the records already had (their claims name the existing Agreement):")
        lines += [f"#   {agt}: {_comment(ident)}" for agt, ident in result.linked]
    return lines


def _dump(value: object, *, flow: bool | None) -> str:
    return yaml.safe_dump(
        value, sort_keys=False, allow_unicode=True, default_flow_style=flow, width=10**6
    )


def _entities_yaml(result: PaxImport) -> str:
    blocks = [_dump([entity], flow=None) for entity in result.entities]
    return "\n".join(["\n".join(_header(result, "Entities")) + "\n", *blocks])


def _claims_yaml(result: PaxImport) -> str:
    lines = _header(result, "Claims")
    lines += ["", _dump({"source": result.source["id"]}, flow=False).strip(), "claims:"]
    names = {a.agt_id: a.name for a in result.agreements}
    current = None
    for claim in result.claims:
        agt = claim["cite"][0]["record"]
        if agt != current:
            lines += ["", f"  # PA-X {agt}: {_comment(names.get(agt, ''))}"]
            current = agt
        lines.append(f"  - {_dump(claim, flow=True).strip()}")
    lines += ["", "# Third parties whose role PA-X does not state (no claim made):"]
    lines += [f"#   {a}: {_comment(e)}" for a, e in result.unstated_roles] or ["#   none"]
    lines.append("# Names in Part and ThrdPart that matched no entity (add one, or an alias):")
    lines += [f"#   {a} {f}: {_comment(t)}" for a, f, t in result.unmatched] or ["#   none"]
    return "\n".join(lines) + "\n"


# -- cross-checking -----------------------------------------------------------------

_MONTHS = "january february march april may june july august september october november december"
# Words too common in agreements' names to tell two apart (see crosscheck_pax).
_COMMON = _STOP | _wordset(
    "agreement agreements statement statements joint declaration declarations protocol "
    "protocols communique document president presidents republic between following "
    "regarding concerning heads leaders signed",
    _MONTHS,
)
_SIMILAR = 0.85
_WEEK = 7


@dataclass
class Crosscheck:
    """How PA-X rows and a corpus's Agreements compare (see `crosscheck_pax`).

    ``matches``: (AgtId, agreement id, how), how being "name", "alias" or "date and
    words". ``missing``: the rows no Agreement matches. ``date_disagreements``: (AgtId,
    agreement id, PA-X date, the Agreement's time) for matched pairs whose time does not
    contain the PA-X day. ``graph_only``: the unmatched Agreements whose time overlaps
    the rows' dates, which PA-X lacks. ``near_misses``: (AgtId, agreement id, why) for a
    missing row and an unmatched Agreement dated within a week of it, for a curator to
    look at: not matches.
    """

    matches: list[tuple[str, str, str]] = field(default_factory=list)
    missing: list[PaxAgreement] = field(default_factory=list)
    date_disagreements: list[tuple[str, str, str, str]] = field(default_factory=list)
    graph_only: list[str] = field(default_factory=list)
    near_misses: list[tuple[str, str, str]] = field(default_factory=list)


def crosscheck_pax(records: Records, agreements: Iterable[PaxAgreement]) -> Crosscheck:
    """Compare PA-X rows with the Agreement entities of ``records``.

    A row matches an Agreement, strongest rule first:

    1. its name, folded (`normalize_name`), equals the Agreement's name ("name") or an
       alias ("alias"), whatever the dates;
    2. the Agreement's time is that very day and their names share at least two
       distinctive words ("date and words"): stop words, dates and generic words
       (agreement, statement, joint, declaration, protocol, president, republic, ...)
       do not count; the Agreement's aliases do;
    3. their names are similar (difflib ratio at least 0.85; "name" or "alias") and the
       Agreement's time is within a year of the row's.

    Pairs are taken best first (by rule, then more shared words or higher similarity,
    then file order), each row and each Agreement at most once.

    >>> from dipgraph.loader.records import Entity, Records
    >>> records = Records(root=".")
    >>> time = parse_time("1994-05-05")
    >>> records.entities["bp"] = Entity("bp", "Agreement", "Bishkek Protocol", [], {}, [], "", 1, time=time)
    >>> rows = [PaxAgreement("310", "Bishkek protocol", "1994-05-06", "ceasefire", "8", "Talks")]
    >>> check = crosscheck_pax(records, rows)
    >>> check.matches, check.date_disagreements
    ([('310', 'bp', 'name')], [('310', 'bp', '1994-05-06', '1994-05-05')])
    """
    rows = list(agreements)
    corpus = sorted(
        (e for e in records.entities.values() if e.label == "Agreement"), key=lambda e: e.id
    )
    candidates = []
    for index, row in enumerate(rows):
        for entity in corpus:
            if (found := _match(row, entity)) is not None:
                candidates.append((found[0], index, entity.id, found[1]))
    paired: dict[int, tuple[str, str]] = {}
    for _, index, ident, how in sorted(candidates):
        if index not in paired and all(ident != taken for taken, _ in paired.values()):
            paired[index] = (ident, how)
    check = Crosscheck()
    for index, row in enumerate(rows):
        if index not in paired:
            check.missing.append(row)
            continue
        ident, how = paired[index]
        check.matches.append((row.agt_id, ident, how))
        time = records.entities[ident].time
        if row.date and time and not _contains(time, row.date):
            check.date_disagreements.append((row.agt_id, ident, row.date, time.text))
    span = _span(rows)
    used = {ident for ident, _ in paired.values()}
    others = [e for e in corpus if e.id not in used and e.time and span and e.time.overlaps(span)]
    check.graph_only = [e.id for e in others]
    check.near_misses = _near_misses(check.missing, others)
    return check


def _match(row: PaxAgreement, entity: Entity) -> tuple[tuple[int, float], str] | None:
    """How strongly (lower first) and by which rule a row matches an Agreement."""
    pax = normalize_name(row.name)
    spellings = [normalize_name(name) for name in entity.names]
    if pax in spellings:
        return (0, 0.0), "name" if spellings[0] == pax else "alias"
    time = entity.time
    if row.date and time and time.earliest == row.date == time.latest:
        shared = _words(row.name) & _entity_words(entity)
        if len(shared) >= 2:
            return (1, -len(shared)), "date and words"
    if row.date and time and _years_near(row.date, time):
        ratios = [difflib.SequenceMatcher(None, pax, s).ratio() for s in spellings]
        best = max(range(len(ratios)), key=ratios.__getitem__)
        if ratios[best] >= _SIMILAR:
            return (2, -ratios[best]), "name" if best == 0 else "alias"
    return None


def _words(name: str) -> set[str]:
    """The distinctive words of a name.

    >>> sorted(_words("Joint Statement of the Presidents on the 1994 Bishkek Ceasefire"))
    ['bishkek', 'ceasefire']
    """
    words = re.findall(r"[^\W_]+", normalize_name(name))
    return {w for w in words if w not in _COMMON and not w.isdigit() and len(w) > 1}


def _entity_words(entity: Entity) -> set[str]:
    return set().union(*(_words(name) for name in entity.names))


def _contains(time: TimeSpan, day: str) -> bool:
    return (time.earliest or day) <= day <= (time.latest or day)


def _years_near(day: str, time: TimeSpan) -> bool:
    """Whether the time reaches within a year of the day's year (it needs a bound)."""
    year = int(day[:4])
    if time.earliest is None and time.latest is None:
        return False
    after = time.earliest is None or year >= int(time.earliest[:4]) - 1
    return after and (time.latest is None or year <= int(time.latest[:4]) + 1)


def _span(rows: list[PaxAgreement]) -> TimeSpan | None:
    """The time from the rows' first date to their last."""
    dates = sorted(row.date for row in rows if row.date)
    if not dates:
        return None
    return parse_time(dates[0] if dates[0] == dates[-1] else f"{dates[0]}/{dates[-1]}")


def _near_misses(missing: list[PaxAgreement], others: list[Entity]) -> list[tuple[str, str, str]]:
    """Rows and Agreements (dated to a week at most) within a week of each other: at
    once when the row's day is in the Agreement's time, else when they share a word."""
    found = []
    for row in (row for row in missing if row.date):
        day = dt.date.fromisoformat(row.date or "")
        for entity in others:
            time = entity.time
            if time is None or time.earliest is None or time.latest is None:
                continue
            first, last = dt.date.fromisoformat(time.earliest), dt.date.fromisoformat(time.latest)
            if (last - first).days > _WEEK:
                continue
            apart = max((first - day).days, (day - last).days, 0)
            shared = sorted(_words(row.name) & _entity_words(entity))
            if apart == 0:
                same = first == last
                why = "the same day" if same else f"dated {row.date}, within {time.text}"
                found.append((row.agt_id, entity.id, why))
            elif apart <= _WEEK and shared:
                why = f"{apart} day(s) apart; both say {', '.join(shared)}"
                found.append((row.agt_id, entity.id, why))
    return found
