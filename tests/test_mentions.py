"""Mentions in a source text (entities, dates, unknown names) and the claim skeletons
written for its uncited paragraphs. Every expected offset is worked out here from
the text with ``str.index``, never taken from the code under test."""

from __future__ import annotations

import hashlib
import re
from dataclasses import astuple
from itertools import pairwise

import pytest
import yaml
from support import DEMO_TEXT

from dipgraph.loader import check_records
from dipgraph.loader.mentions import Mention, claim_skeletons, find_mentions
from dipgraph.loader.records import Entity, Records


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def entity(ident: str, text: str, words: str, para: int, cited: bool, after: int = 0) -> tuple:
    return ("entity", words, *span(text, words, after), para, ident, None, cited)


def date(edtf: str, text: str, words: str, para: int, cited: bool, after: int = 0) -> tuple:
    return ("date", words, *span(text, words, after), para, None, edtf, cited)


def name(text: str, words: str, para: int, cited: bool, after: int = 0) -> tuple:
    return ("name", words, *span(text, words, after), para, None, None, cited)


def test_the_demo_text_mentions_its_entities_its_date_and_its_title(demo):
    records, _ = check_records(demo)
    t = DEMO_TEXT
    found = [astuple(m) for m in find_mentions(records, "demo", t)]
    assert found == [
        name(t, "Demo Chronicle", 1, False),  # the title: no record cites it
        date("1994-05-05", t, "5 May 1994", 2, True),
        entity("example-accord", t, "Example Accord", 2, True),
        entity("exampleton", t, "Exampleton", 2, True),
        entity("alice-doe", t, "Alice Doe", 2, True),
        entity("ruritania", t, "Ruritania", 2, True),
        entity("bob-roe", t, "Bob Roe", 2, True),
        entity("freedonia", t, "Freedonia", 2, True),
        entity("carol-poe", t, "Carol Poe", 3, True),
        entity("peace-office", t, "Peace Office", 3, True),
        # "Exampleton talks" is a longer name than "Exampleton"
        entity("example-talks", t, "Exampleton talks", 3, True),
    ]


def test_the_paragraph_is_cited_only_for_citations_of_that_source(demo):
    records, _ = check_records(demo)
    assert {m.cited for m in find_mentions(records, "another-source", DEMO_TEXT)} == {False}


# Three paragraphs of our own, about entities added to the demo's.
TEXT = (
    "The OSCE Minsk Group met Jiří Dienstbier on the 5th of May 1994 in Exampleton.\n"
    "\n"
    "In the 1990s JIRI DIENSTBIER and Vladimir Kazimirov worked for the Organization for "
    "Security and Co-operation in Europe, from 1994\u20131996 and in 1997-99. Kazimirov wrote "
    "on May 5, 1994 to the OSCE about the Exampletonians.\n"
    "\n"
    "A report by Vladimir Kazimirov's office came in May 1994, not on 31 February 1995, "
    "and not on a Monday.\n"
)


@pytest.fixture
def records(demo) -> Records:
    records, _ = check_records(demo)
    for ident, label, names in (
        ("jiri-dienstbier", "Person", ["Jiří Dienstbier"]),
        ("osce", "Organization", ["OSCE"]),
        ("minsk-group", "Format", ["OSCE Minsk Group", "Minsk Group"]),
    ):
        records.entities[ident] = Entity(ident, label, names[0], names[1:], {}, [], "test", 1)
    return records


def test_names_match_without_case_or_accents_and_the_longest_wins(records):
    t, p2 = TEXT, TEXT.index("In the 1990s")
    found = [astuple(m) for m in find_mentions(records, "draft", t) if m.kind == "entity"]
    assert found == [
        entity("minsk-group", t, "OSCE Minsk Group", 1, False),  # not "OSCE", "Minsk Group"
        entity("jiri-dienstbier", t, "Jiří Dienstbier", 1, False),
        entity("exampleton", t, "Exampleton", 1, False),
        entity("jiri-dienstbier", t, "JIRI DIENSTBIER", 2, False),
        entity("osce", t, "OSCE", 2, False, after=p2),
        # "Exampletonians" is another word: no mention of exampleton
    ]


def test_dates_become_edtf_and_an_impossible_one_is_dropped(records):
    t = TEXT
    found = [astuple(m) for m in find_mentions(records, "draft", t) if m.kind == "date"]
    assert found == [
        date("1994-05-05", t, "5th of May 1994", 1, False),
        date("199X", t, "1990s", 2, False),
        date("1994/1996", t, "1994\u20131996", 2, False),
        date("1997/1999", t, "1997-99", 2, False),
        date("1994-05-05", t, "May 5, 1994", 2, False),
        date("1994-05", t, "May 1994", 3, False, after=t.index("A report")),
        # no "31 February 1995": parse_time refuses it, and "February" alone is no name
    ]


def test_capitalised_words_that_no_entity_has_are_unknown_names(records):
    t = TEXT
    found = [astuple(m) for m in find_mentions(records, "draft", t) if m.kind == "name"]
    assert found == [
        name(t, "Vladimir Kazimirov", 2, False),
        name(t, "Organization for Security and Co-operation in Europe", 2, False),
        # "Kazimirov wrote" opens a sentence: one word there is no name
        name(t, "Exampletonians", 2, False),
        name(t, "Vladimir Kazimirov", 3, False, after=t.index("A report")),  # without 's
        # "The", "In", "A" open sentences; "Monday" is a weekday
    ]


def test_mentions_are_sorted_and_never_overlap(records):
    found = find_mentions(records, "draft", TEXT)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in pairwise(found))
    assert all(TEXT[m.start : m.end] == m.text for m in found)


def test_a_footnote_mark_does_not_hide_a_name(records):
    t = "Talks with Jiří Dienstbier3 and Vladimir Kazimirov12 in the G7 format."
    assert [astuple(m) for m in find_mentions(records, "draft", t)] == [
        entity("jiri-dienstbier", t, "Jiří Dienstbier", 1, False),
        name(t, "Vladimir Kazimirov", 1, False),
        name(t, "G7", 1, False),
    ]


@pytest.mark.parametrize(
    ("phrase", "words", "edtf"),
    [
        ("on 5 May 1994", "5 May 1994", "1994-05-05"),
        ("on May 5, 1994", "May 5, 1994", "1994-05-05"),
        ("on the 5th of May 1994", "5th of May 1994", "1994-05-05"),
        ("on Sept. 12, 2001", "Sept. 12, 2001", "2001-09-12"),
        ("on 1994-05-05", "1994-05-05", "1994-05-05"),
        ("in May 1994", "May 1994", "1994-05"),
        ("in May of 1994", "May of 1994", "1994-05"),
        ("in 1994", "1994", "1994"),
        ("in 1800", "1800", "1800"),
        ("from 1994\u20131996", "1994\u20131996", "1994/1996"),
        ("from 1994-96", "1994-96", "1994/1996"),
        ("from 1998-02", "1998-02", "1998/2002"),
        ("in 1994/95", "1994/95", "1994/1995"),
        ("in the 1990s", "1990s", "199X"),
        ("in the 1990's", "1990's", "199X"),
        ("in the early 1990s", "early 1990s", "199X"),
        ("in the mid-1990s", "mid-1990s", "199X"),
        ("on 5\u20137 May 1994", "5\u20137 May 1994", "1994-05-05/1994-05-07"),
        ("on May 5\u20137, 1994", "May 5\u20137, 1994", "1994-05-05/1994-05-07"),
        ("in May\u2013June 1994", "May\u2013June 1994", "1994-05/1994-06"),
        (
            "from 12 May 1994 \u2013 3 June 1995",
            "12 May 1994 \u2013 3 June 1995",
            "1994-05-12/1995-06-03",
        ),
    ],
)
def test_the_date_grammar(phrase, words, edtf):
    text = f"It happened {phrase}, they said."
    start = text.index(words)
    assert find_mentions(Records(root="."), "s", text) == [
        Mention("date", words, start, start + len(words), 1, None, edtf, False)
    ]


@pytest.mark.parametrize(
    "phrase",
    ["on 31 February 1994", "in 1799", "in 2101", "for 1,994 days", "in 19945", "on May 5"],
)
def test_what_is_no_date(phrase):
    text = f"it happened {phrase}, they said."
    assert find_mentions(Records(root="."), "s", text) == []


# ---- claim skeletons ------------------------------------------------------------------

NEW_PARAGRAPH = (
    "In March 1995 Alice Doe met Vladimir Kazimirov and Carol Poe in Exampleton. "
    "They spoke of the Example Accord.\n"
)


def extend_demo(data, extra: str) -> str:
    """Add a paragraph to the demo text (the spans before it stay), with its new hash."""
    text = DEMO_TEXT + "\n" + extra
    (data.parent / "texts" / "demo.txt").write_text(text, encoding="utf-8")
    sources = data / "sources.yaml"
    digest = hashlib.sha256(text.encode()).hexdigest()
    old = sources.read_text(encoding="utf-8")
    new = re.sub(r"sha256: \w+", f"sha256: {digest}", old)
    sources.write_text(re.sub(r"chars: \d+", f"chars: {len(text)}", new), encoding="utf-8")
    return text


@pytest.fixture
def draft(demo) -> tuple[str, str]:
    """The extended demo text and the skeletons written for it."""
    text = extend_demo(demo, NEW_PARAGRAPH)
    records, report = check_records(demo)
    assert report.errors == []
    return text, claim_skeletons(records, "demo", find_mentions(records, "demo", text), text)


def test_a_skeleton_for_the_uncited_paragraph_only(draft):
    text, skeletons = draft
    first = text.index("In March 1995")
    sentence = span(
        text, "In March 1995 Alice Doe met Vladimir Kazimirov and Carol Poe in Exampleton."
    )
    assert yaml.safe_load(skeletons) == {
        "source": "demo",
        "claims": [
            {
                "subject": "alice-doe",  # the first actor, with the first agreement
                "object": "example-accord",
                "predicate": None,
                "time": "1995-03",
                "cite": [{"span": list(sentence), "at": "para 4"}],
            }
        ],
    }
    assert "# para 2" not in skeletons and "# para 3" not in skeletons  # cited already
    kazimirov = span(text, "Vladimir Kazimirov", first)
    assert f'# unknown name: "Vladimir Kazimirov" at [{kazimirov[0]}, {kazimirov[1]}]' in skeletons
    assert '# unknown name: "Demo Chronicle" at [0, 14]' in skeletons
    assert (
        '# para 4: "In March 1995 Alice Doe met Vladimir Kazimirov and Carol Poe in Exampleton. They…"'
        in skeletons
    )
    assert "# other candidates: carol-poe, exampleton\n" in skeletons
    assert "predicate:  # likely MEDIATED, PARTY_TO, INITIATED, SIGNED, REFUSED, ACCEPTED\n" in (
        skeletons
    )


def test_validation_reports_the_empty_predicate_until_it_is_filled_in(demo, draft):
    _, skeletons = draft
    path = demo / "claims" / "draft.yaml"
    path.write_text(skeletons, encoding="utf-8")
    _, report = check_records(demo)
    assert [(p.file, p.field, p.message) for p in report.errors] == [
        ("data/claims/draft.yaml", "predicate", "missing required field")
    ]
    path.write_text(re.sub(r"predicate: .*", "predicate: SIGNED", skeletons), encoding="utf-8")
    records, report = check_records(demo)
    assert report.errors == []
    assert [c.label for c in records.claims if c.path == "data/claims/draft.yaml"] == [
        "alice-doe SIGNED example-accord"
    ]


def test_no_skeleton_when_every_paragraph_naming_an_entity_is_cited(demo):
    records, _ = check_records(demo)
    skeletons = claim_skeletons(
        records, "demo", find_mentions(records, "demo", DEMO_TEXT), DEMO_TEXT
    )
    assert yaml.safe_load(skeletons) == {"source": "demo", "claims": []}
    assert '# unknown name: "Demo Chronicle" at [0, 14]' in skeletons


def test_a_skeleton_is_yaml_whatever_the_paragraph_holds(records):
    text = 'Jiří Dienstbier: "quotes", # hashes, [brackets]\u2028and a line separator.'
    skeletons = claim_skeletons(records, "draft", find_mentions(records, "draft", text), text)
    claim = yaml.safe_load(skeletons)["claims"][0]
    assert claim == {
        "subject": "jiri-dienstbier",
        "object": None,
        "predicate": None,
        "cite": [{"span": [0, len(text)], "at": "para 1"}],
    }


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("He met the Ruritanian envoy.", []),  # the adjective of Ruritania, an entity
        ("He met the Freedonian and the Ruritanian envoys.", []),
        ("He met the President and the Secretary there.", []),  # titles, not names
        ("He met the Sylvanian envoy.", ["Sylvanian"]),  # no entity Sylvania
        ("He met Secretary Ray Lind there.", ["Secretary Ray Lind"]),  # a title in a name
    ],
)
def test_a_title_or_a_known_entitys_adjective_is_no_new_name(records, sentence, names):
    found = [m.text for m in find_mentions(records, "draft", sentence) if m.kind == "name"]
    assert found == names
