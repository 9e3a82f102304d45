"""What a new source document mentions, and claim skeletons for its uncited paragraphs.

`find_mentions` lists, in a source's text, every known entity (by name or alias,
ignoring case and accents, on word boundaries), every date it can turn into EDTF,
and every capitalised name that matches no entity. `claim_skeletons` turns the
paragraphs that name entities and that no record cites yet into a claims file to
finish: each claim's ``predicate`` is left empty, so validation reports it until a
curator fills it in.

Dates understood (English month names, full or abbreviated, capitalised):

- a day: ``5 May 1994``, ``5th of May 1994``, ``May 5, 1994``, ``1994-05-05``;
- a month: ``May 1994``, ``May of 1994``; a year from 1800 to 2100 standing alone;
- a decade: ``1990s``, ``1990's``, ``early 1990s``, ``mid-1990s`` (all ``199X``);
- ranges joined by a dash: ``5-7 May 1994``, ``May 5-7, 1994``, ``May-June 1994``,
  ``1994-96``, ``1994/95``, ``1994-1996`` and any two dates above
  (``5 May 1994 - 7 June 1995``).

Where mentions overlap the longest wins, whatever its kind ("OSCE Minsk Group" over
"Minsk Group", "5 May 1994" over a person named May); a date that
`dipgraph.loader.timespan.parse_time` refuses (31 February) is dropped.

Examples
--------
>>> from dipgraph.loader.records import Records
>>> [(m.kind, m.text, m.edtf) for m in find_mentions(Records(root="."), "s", "Talks in the 1990s.")]
[('date', '1990s', '199X')]
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dipgraph.errors import TimeError

from .records import Records
from .sources import cited_paragraphs, fold_with_offsets, paragraph_spans
from .timespan import parse_time
from .vocabulary import RELATIONSHIPS

__all__ = ["Mention", "claim_skeletons", "claimed_paragraphs", "find_mentions", "whole_words"]


@dataclass(frozen=True)
class Mention:
    """One mention in a source text: ``text == source_text[start:end]``.

    ``kind`` is ``"entity"`` (``entity`` holds its id), ``"date"`` (``edtf`` holds
    the date) or ``"name"`` (a capitalised name no entity has). ``paragraph`` is
    1-based, as `dipgraph.loader.sources.paragraph_spans` counts; ``cited`` says
    whether a record already cites any span of that paragraph.

    >>> Mention("date", "1994", 3, 7, 1, edtf="1994").edtf
    '1994'
    """

    kind: str
    text: str
    start: int
    end: int
    paragraph: int
    entity: str | None = None
    edtf: str | None = None
    cited: bool = False


def find_mentions(records: Records, source_id: str, text: str) -> list[Mention]:
    """Every entity, date and unknown name ``text`` mentions, sorted, none overlapping.

    ``text`` is the full text of source ``source_id``; ``cited`` is worked out from
    the citations of that source in ``records``.

    >>> from dipgraph.loader.records import Entity, Records
    >>> records = Records(root=".")
    >>> records.entities["osce-mg"] = Entity("osce-mg", "Format", "OSCE Minsk Group", [], {}, [], "", 1)
    >>> text = "The osce Minsk Group met Jiří Dienstbier on 5th of May 1994."
    >>> [(m.kind, m.text, m.entity or m.edtf) for m in find_mentions(records, "s", text)]
    [('entity', 'osce Minsk Group', 'osce-mg'), ('name', 'Jiří Dienstbier', None), ('date', '5th of May 1994', '1994-05-05')]
    """
    words = _without_footnotes(text)
    candidates = _entity_candidates(records, words) + _date_candidates(text)
    taken = bytearray(len(text))  # 1 where a kept entity or date lies
    kept = [c for c in _longest_first(candidates, taken) if c[2] == "entity" or _valid_edtf(c[3])]
    known = _adjective_stems(records)
    kept += [
        (start, end, "name", None)
        for start, end in _name_spans(words, taken)
        if not _not_a_new_name(words[start:end], known)
    ]
    paragraphs = paragraph_spans(text)
    starts = [start for start, _ in paragraphs]
    cited = cited_paragraphs(records, source_id, paragraphs)
    mentions = []
    for start, end, kind, value in sorted(kept):
        number = bisect_right(starts, start)
        entity, edtf = (value, None) if kind == "entity" else (None, value)
        mention = Mention(kind, text[start:end], start, end, number, entity, edtf, number in cited)
        mentions.append(mention)
    return mentions


def _adjective_stems(records: Records) -> frozenset[str]:
    """The one-word names of entities, folded: "russia" makes "Russian" no new name."""
    return frozenset(
        name.casefold() for e in records.entities.values() for name in e.names if " " not in name
    )


def _not_a_new_name(name: str, stems: frozenset[str]) -> bool:
    """A title ("President") or the adjective of a known entity ("Russian",
    "Azerbaijani"): capitalised, but no name for the curator to add."""
    if " " in name:
        return False
    folded = name.casefold()
    adjective = any(folded.endswith(e) and folded[: -len(e)] in stems for e in _ADJECTIVE_ENDINGS)
    return name in _TITLES or adjective


def _longest_first(candidates: list[tuple], taken: bytearray) -> list[tuple]:
    """The candidates (start, end, kind, value) that no longer one overlaps, marked in
    ``taken``; on a tie the earlier wins, then an entity over a date."""
    kept = []
    for start, end, kind, value in sorted(
        candidates, key=lambda c: (c[0] - c[1], c[0], c[2] != "entity", str(c[3]))
    ):
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, kind, value))
    return kept


def _without_footnotes(text: str) -> str:
    """``text`` with footnote marks glued to a word ("Armenia5") made "|", so the word
    is found and no name runs on past them; offsets stay the same. "G7" and "Su-25"
    keep their digits.

    >>> _without_footnotes("Armenia5 and G7, Su-25.")
    'Armenia| and G7, Su-25.'
    """

    def blank(match: re.Match) -> str:
        return (
            "|" * len(match.group()) if match.string[match.start() - 1].islower() else match.group()
        )

    return re.sub(r"(?<=[^\W\d_])[0-9]{1,3}(?!\w)", blank, text)


def _valid_edtf(value: str | None) -> bool:
    try:
        parse_time(str(value))
    except TimeError:
        return False
    return True


def claimed_paragraphs(records: Records, source_id: str, text: str) -> set[int]:
    """The paragraphs of ``text`` (source ``source_id``) that a claim cites: those whose
    facts are recorded (an entity's citation only names it).

    >>> claimed_paragraphs(Records(root="."), "s", "One.\\n\\nTwo.")
    set()
    """
    return cited_paragraphs(records, source_id, paragraph_spans(text), claims_only=True)


# -- entities ---------------------------------------------------------------


def _entity_candidates(records: Records, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, "entity", id) for every whole-word occurrence of every name.

    The text is folded once (`fold_with_offsets`, as `locate` folds it); calling
    `locate` per name would fold it again for each of hundreds of names.
    """
    folded, origin = fold_with_offsets(text)
    found = []
    for ident, entity in sorted(records.entities.items()):
        for name in dict.fromkeys(entity.names):
            needle = fold_with_offsets(name.strip())[0]
            for at in whole_words(folded, needle):
                start, end = origin[at], origin[at + len(needle) - 1] + 1
                found.append((start, end, "entity", ident))
    return found


def whole_words(folded: str, needle: str) -> Iterator[int]:
    """Where ``needle`` occurs in ``folded`` not inside a longer word (both folded as
    `dipgraph.loader.sources.fold_with_offsets` folds).

    >>> list(whole_words("minsk group met the minsk grouping", "minsk group"))
    [0]
    """
    if not needle:
        return
    at = folded.find(needle)
    while at != -1:
        after = at + len(needle)
        before_ok = at == 0 or not (_is_word(needle[0]) and _is_word(folded[at - 1]))
        after_ok = after == len(folded) or not (_is_word(needle[-1]) and _is_word(folded[after]))
        if before_ok and after_ok:
            yield at
        at = folded.find(needle, at + 1)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# -- dates ------------------------------------------------------------------

_MONTH_NAMES = [
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
]
_MONTH_NUMBER = {name[:3].casefold(): number for number, name in enumerate(_MONTH_NAMES, 1)}
_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

_M = rf"(?:(?:{'|'.join(_MONTH_NAMES)})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
_D = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)"  # a plausible year: 1800 to 2100
_DASH = r"\s*[-\u2013\u2014]\s*"
_ATOM = (
    rf"(?:{_D}\s+(?:of\s+)?{_M},?\s+{_Y}|{_M}\s+{_D},?\s+{_Y}|{_M},?\s+(?:of\s+)?{_Y}"
    rf"|{_Y}-[01][0-9]-[0-3][0-9]|{_Y})"
)
# Not inside a number or a longer word ("1,994", "19945", "A1994"); "mid-1994" is fine.
_BEFORE = r"(?<![\w.,/])(?<![0-9][-\u2013\u2014])"
_AFTER = r"(?!\w)(?![.,/\-\u2013\u2014][0-9])"


def _date_pattern(body: str) -> re.Pattern[str]:
    return re.compile(_BEFORE + body + _AFTER)


# Each pattern's groups go to its function (a lambda: the helpers come below), which
# returns the EDTF, or None.
_DATE_PATTERNS: list[tuple[re.Pattern[str], Callable[..., str | None]]] = [
    (_date_pattern(f"({_ATOM})"), lambda a: _atom(a)),
    (_date_pattern(f"({_ATOM}){_DASH}({_ATOM})"), lambda a, b: _interval(_atom(a), _atom(b))),
    (
        _date_pattern(rf"({_D}){_DASH}({_D})\s+({_M},?\s+{_Y})"),
        lambda d1, d2, my: _interval(_atom(f"{d1} {my}"), _atom(f"{d2} {my}")),
    ),
    (
        _date_pattern(rf"({_M})\s+({_D}){_DASH}({_D}),?\s+({_Y})"),
        lambda m, d1, d2, y: _interval(_atom(f"{m} {d1} {y}"), _atom(f"{m} {d2} {y}")),
    ),
    (
        _date_pattern(rf"({_M}){_DASH}({_M}),?\s+({_Y})"),
        lambda m1, m2, y: _interval(_atom(f"{m1} {y}"), _atom(f"{m2} {y}")),
    ),
    (
        _date_pattern(rf"({_Y})\s*[-\u2013\u2014/]\s*([0-9]{{2}})"),
        lambda y, yy: _short_range(y, yy),
    ),
    (_date_pattern(rf"({_Y})\s*/\s*({_Y})"), lambda a, b: _interval(a, b)),
    (
        re.compile(r"(?<!\w)(?:(?i:early|mid|late)[\s-]+)?(1[89][0-9]0|20[0-9]0)['\u2019]?s\b"),
        lambda year: f"{year[:3]}X",
    ),
]


def _date_candidates(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, "date", EDTF) for every match of every date pattern."""
    found = []
    for pattern, convert in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if re.search(r"\n\s*\n", match.group()):
                continue  # never across paragraphs
            found.append((match.start(), match.end(), "date", convert(*match.groups())))
    return found


def _atom(words: str) -> str | None:
    """The EDTF of one date as `_ATOM` matches it: a day, a month or a year.

    >>> _atom("5th of May 1994"), _atom("Sept. 12, 2001"), _atom("May 1994"), _atom("1994")
    ('1994-05-05', '2001-09-12', '1994-05', '1994')
    """
    parts = [w for w in re.split(r"[\s,.]+", words) if w and w != "of"]
    year = parts.pop()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", year):
        return year
    month = next((_MONTH_NUMBER[p[:3].casefold()] for p in parts if p[0].isalpha()), None)
    day = next((int(re.sub(r"\D", "", p)) for p in parts if p[0].isdigit()), None)
    if month is None:
        return year
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")


def _interval(first: str | None, last: str | None) -> str | None:
    return f"{first}/{last}" if first and last else None


def _short_range(year: str, short: str) -> str:
    """``1994-96`` as ``1994/1996``; ``1998-02`` runs into the next century."""
    last = int(year) // 100 * 100 + int(short)
    return f"{year}/{last if last > int(year) else last + 100}"


# -- unknown names ------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?")
_PREFIX = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|d|l)[-'\u2019](?=[^\W\d_])")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CONNECTORS = _words(
    "of the de del della der den di da das do dos du des la le van von zu y"
    " for and in on al el bin ibn"
)
# Capitalised because they open a sentence, not because they name anything.
_OPENERS = _words(
    "The A An This That These Those There Then Thus Yet So It He She They We I"
    " His Her Their Its Our In On At By For From With After Before During Under"
    " When While Since But And Or If As Of To Both Also However Although Though"
    " According Between Despite Following Meanwhile Moreover Nevertheless Such"
    " Some All Many Most Other Another Each Every No Not Only What Which Who"
    " Why How Where Unlike Like Later Earlier Mr Mrs Ms Dr Prof"
)
# One capitalised word that names no one: an office, a rank, a form of address.
_TITLES = _words(
    "President Presidents Minister Ministers Secretary Commander Chairman Chairwoman"
    " Ambassador Envoy General Colonel Deputy Prime Foreign Defence Defense Chief"
    " Representative Co-Chair Co-Chairs Co-chair Co-chairs Head Speaker Premier"
)
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "i", "ese", "ish")
_OPENING = " \t\"'\u201c\u2018([*#>-"  # quotes, brackets, Markdown before a word
_NOT_FIRST = _OPENERS | _CONNECTORS
_NOT_LAST = _CONNECTORS | _WEEKDAYS | set(_MONTH_NAMES)
_NOT_A_SENTENCE_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Amb|No)|\b[A-Z])\.$")


def _name_spans(text: str, taken: bytearray) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each run of capitalised words outside the ``taken`` characters."""
    for chain in _chains(text, taken):
        for first, last in _runs(chain):
            while first <= last and chain[first][2] in _NOT_FIRST:
                first += 1
            while last > first and chain[last][2] in _NOT_LAST:
                last -= 1  # "Scheduled for June": a month or weekday ends no name
            if first > last:
                continue
            start, end = chain[first][0], chain[last][1]
            if text[end - 2 : end] in ("'s", "\u2019s"):
                end -= 2  # "Kazimirov's": the name without the possessive
            at_start = first == 0 and chain[0][3]
            if first == last and not _one_word_name(text[start:end], at_start):
                continue
            yield start, end


def _one_word_name(word: str, at_sentence_start: bool) -> bool:
    return not (
        at_sentence_start
        or len(word) < 2
        or word in _WEEKDAYS
        or word in _MONTH_NAMES
        or re.search(r"-[a-z]", word)  # "Russian-brokered"
    )


def _chains(text: str, taken: bytearray) -> Iterator[list[tuple[int, int, str, bool]]]:
    """Runs of words (start, end, word, opens a sentence) on one line, apart only by
    spaces, none in a ``taken`` span (an entity or a date)."""
    chain: list[tuple[int, int, str, bool]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        blocked = any(taken[start:end])
        gap = text[chain[-1][1] : start] if chain else ""
        # A line break ends a name: in these texts it ends a heading or a list item.
        if chain and (blocked or not gap.isspace() or "\n" in gap):
            yield chain
            chain = []
        if not blocked:
            chain.append((start, end, match.group(), not chain and _opens_sentence(text, start)))
    if chain:
        yield chain


def _opens_sentence(text: str, offset: int) -> bool:
    """Whether the word at ``offset`` starts the text, a paragraph or a sentence (a
    line break alone does not: it may wrap a sentence)."""
    start = max(0, offset - 200)
    before = text[start:offset].rstrip(_OPENING)
    line = before.rstrip()
    if not line or before.count("\n", len(line)) > 1:
        return True
    return line[-1] in ".!?:" and not _NOT_A_SENTENCE_END.search(line)


def _runs(chain: list[tuple[int, int, str, bool]]) -> Iterator[tuple[int, int]]:
    """(first, last) indices of capitalised words joined by lowercase connectors."""
    index = 0
    while index < len(chain):
        if not _capitalised(chain[index][2]):
            index += 1
            continue
        last, joined = index, False
        while not chain[last][2].endswith(("'s", "\u2019s")):  # "Kazimirov's Moscow"
            after = last + 1
            while after < len(chain) and chain[after][2] in _CONNECTORS:
                after += 1
            if after >= len(chain) or not _capitalised(chain[after][2]):
                break
            between = {word for _, _, word, _ in chain[last + 1 : after]}
            # "and" joins two names ("Valdoria and [the] Ostmark") unless the name already
            # runs on with "of", "for", ... ("Organization for Security and Co-operation").
            if "and" in between and not joined:
                break
            joined = joined or bool(between - {"and", "the"})
            last = after
        yield index, last
        index = last + 1


def _capitalised(word: str) -> bool:
    """A word that can be part of a name: "Minsk", "OSCE", "al-Assad", "d'Estaing"."""
    prefix = _PREFIX.match(word)
    return word[len(prefix.group()) if prefix else 0].isupper()


# -- claim skeletons -----------------------------------------------------------

_HEADER = """\
# Claim skeletons for source {source}: one per paragraph that names known entities
# and that no claim cites yet. For each, fill in the predicate, check the subject,
# object, time and span, add qualifiers -- or delete the claim. Until its predicate
# is filled in, validation reports it as a missing required field.
"""
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}  # not text in YAML
PREDICATES_SHOWN = 6  # likely predicates listed beside an empty one
_MEDIATED_THINGS = {"Event", "Agreement", "Conflict", "Format"}


def claim_skeletons(records: Records, source_id: str, mentions: list[Mention], text: str) -> str:
    """A claims file for ``source_id`` with a skeleton claim per paragraph that no
    claim cites and ``coverage.yaml`` does not explain.

    ``mentions`` are `find_mentions`' for ``text``. Only the skeletons are YAML: the
    paragraph, the other candidates, likely predicates and unknown names are comments.

    >>> from dipgraph.loader.records import Entity, Records
    >>> records = Records(root=".")
    >>> records.entities["a"] = Entity("a", "Person", "Ann Bee", [], {}, [], "", 1)
    >>> text = "Ann Bee spoke in 1994."
    >>> skeletons = claim_skeletons(records, "s", find_mentions(records, "s", text), text)
    >>> print(skeletons[skeletons.index("source:") :], end="")
    source: s
    claims:
      # para 1: "Ann Bee spoke in 1994."
      - subject: a
        object:  # no other entity in this paragraph
        predicate:  # see docs/vocabulary.md
        time: "1994"
        cite: [{span: [0, 22], at: "para 1"}]
    """
    by_paragraph: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_paragraph.setdefault(mention.paragraph, []).append(mention)
    lines = [_HEADER.format(source=_one_line(source_id)) + f"source: {_scalar(source_id)}"]
    body: list[str] = []
    claims = 0
    paragraphs = paragraph_spans(text)
    explained = records.explanations.get(source_id, {})  # a title, a bibliography: no act
    claimed = cited_paragraphs(records, source_id, paragraphs, claims_only=True)
    for number, found in sorted(by_paragraph.items()):
        if number in claimed or number in explained or not 1 <= number <= len(paragraphs):
            continue
        start, end = paragraphs[number - 1]
        if any(m.kind in ("entity", "name") for m in found):
            body.append(f"  # para {number}: {_preview(text[start:end])}")
        body += [
            f"  # unknown name: {_quoted(m.text)} at [{m.start}, {m.end}]"
            for m in found
            if m.kind == "name"
        ]
        if any(m.kind == "entity" for m in found):
            body += _skeleton(records, number, found, text, (start, end))
            claims += 1
    lines.append("claims:" if claims else "claims: []")
    return "\n".join(lines + body) + "\n"


def _skeleton(
    records: Records, number: int, found: list[Mention], text: str, paragraph: tuple[int, int]
) -> list[str]:
    """The YAML lines of one paragraph's claim."""
    ids = list(dict.fromkeys(m.entity for m in found if m.kind == "entity" and m.entity))
    subject, obj, predicates = _pair(records, ids)
    others = [i for i in ids if i not in (subject, obj)]
    first = next(m for m in found if m.kind == "entity")
    start, end = _sentence(text, paragraph, first.start)
    dates = [m.edtf for m in found if m.kind == "date" and m.edtf]
    shown = f"likely {', '.join(predicates)}" if predicates else "see docs/vocabulary.md"
    lines = [f"  - subject: {_scalar(subject)}"]
    lines.append(
        f"    object: {_scalar(obj)}" if obj else "    object:  # no other entity in this paragraph"
    )
    if others:
        lines.append(f"    # other candidates: {_one_line(', '.join(others))}")
    lines.append(f"    predicate:  # {shown}")
    lines.append(f"    time: {_quoted(dates[0])}" if dates else "    # time: (no date here)")
    lines.append(f'    cite: [{{span: [{start}, {end}], at: "para {number}"}}]')
    return lines


def _pair(records: Records, ids: list[str]) -> tuple[str, str | None, list[str]]:
    """Subject and object for which the vocabulary has predicates, and those predicates.

    The first such pair in order of mention, preferring an object that is mediated
    or agreed (an event, an agreement, a conflict, a format) over another actor or a
    place; the first two ids, with no predicates, when no pair fits.
    """
    labels = {i: records.entities[i].label for i in ids if i in records.entities}
    pairs = []
    for subject in ids:
        for obj in ids:
            fitting = [
                name
                for name, rel in RELATIONSHIPS.items()
                if labels.get(subject) in rel.domain and labels.get(obj) in rel.range
            ]
            if subject != obj and fitting:
                pairs.append((subject, obj, fitting[:PREDICATES_SHOWN]))
    if pairs:  # min() keeps the first of equals: order of mention
        return min(pairs, key=lambda pair: labels.get(pair[1]) not in _MEDIATED_THINGS)
    return ids[0], (ids[1] if len(ids) > 1 else None), []


def _sentence(text: str, paragraph: tuple[int, int], offset: int) -> tuple[int, int]:
    """``[start, end)`` of the sentence of ``paragraph`` holding ``offset``: the
    paragraph split after ". ", "? ", "! " and at line breaks."""
    start, end = paragraph
    for match in re.compile(r"(?<=[.?!])[^\S\n]+|\s*\n\s*").finditer(text, start, end):
        if match.end() <= offset:
            start = match.end()
        elif match.start() >= offset:
            end = match.start()
            break
    return start, end


def _one_line(value: str) -> str:
    """``value`` fit for a YAML comment: one line, printable characters only."""
    return "".join(c if c.isprintable() else " " for c in " ".join(value.split()))


def _quoted(value: str) -> str:
    return json.dumps(_one_line(value), ensure_ascii=False)


def _preview(paragraph: str, width: int = 80) -> str:
    flat = _one_line(paragraph)
    return _quoted(flat if len(flat) <= width else flat[:width].rstrip() + "\u2026")


def _scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when it is a simple id, else quoted."""
    plain = re.fullmatch(r"[a-z][a-z0-9_-]*", value) and value not in _YAML_WORDS
    return value if plain else _quoted(value)
