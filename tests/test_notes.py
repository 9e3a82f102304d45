"""Facts left in notes: the detector on hand-made notes, and the shipped corpus clean."""

from __future__ import annotations

import pytest
from support import DATA, append_claim

from dipgraph.loader import check_records
from dipgraph.loader.notes import unstructured_note_facts

TALKS = "subject: carol-poe, predicate: MEDIATED, object: example-talks"


def _facts(data, note: str, extra: str = "") -> list[tuple[str, str]]:
    append_claim(data, f"{TALKS}{extra}, note: '{note}', cite: [{{span: [0, 4]}}]")
    records, report = check_records(data)
    assert report.errors == []
    return [(f.kind, f.mention) for f in unstructured_note_facts(records)]


@pytest.mark.parametrize(
    ("note", "extra", "left"),
    [
        # Held by the record itself, or by a claim about the same entities:
        ("Talks of May 1994.", ", time: 1994-05", []),
        ("Ruritania took part.", "", [("entity", "ruritania")]),
        ("The Example Accord came of them.", "", []),  # example-talks RESULTED_IN it
        ("Mediated from 1993.", "", [("year", "1993")]),
        ("Mediated from 1994.", "", []),  # the talks' accord is dated 1994-05-05
        ("Begun on 4 May.", "", [("date", "05-04")]),
        ("Begun on 5 May.", "", [("date", "05-05")]),  # the accord's day is not the talks'
        ("Begun on 5 May.", ", time: 1994-05-05", []),
        ("With 1,200 observers.", "", [("number", "1200")]),
        ("Commentary without a fact.", "", []),
        ("[demo] A source tag is no mention.", "", []),
    ],
)
def test_a_note_fact_is_listed_unless_a_record_holds_it(demo, note, extra, left):
    assert _facts(demo, note, extra) == left


def test_an_explained_mention_is_not_listed(demo):
    (demo / "coverage.yaml").write_text(
        "notes:\n  carol-poe MEDIATED example-talks:\n    ruritania: only the talks' setting\n",
        encoding="utf-8",
    )
    assert _facts(demo, "Ruritania took part; 1,200 observers.") == [("number", "1200")]


def test_a_quantity_holds_the_number(demo):
    append_claim(
        demo,
        "subject: ruritania, predicate: DEPLOYED_TO, object: exampleton, quantity: 1200, "
        "unit: observers, cite: [{span: [0, 4]}]",
    )
    note = "With 1,200 observers."
    claim = "subject: ruritania, predicate: PARTY_TO, object: example-talks"
    append_claim(demo, f"{claim}, note: '{note}', cite: [{{span: [0, 4]}}]")
    records, _ = check_records(demo)
    assert unstructured_note_facts(records) == []


def test_no_note_in_the_corpus_holds_a_fact_no_claim_holds():
    records, _ = check_records(DATA)
    left = [str(fact) for fact in unstructured_note_facts(records)]
    assert left == [], "\n".join(left)


@pytest.mark.parametrize("notes", ["notes: [a, b]\n", "notes:\n  carol-poe: just text\n"])
def test_a_malformed_notes_section_is_one_clear_error(demo, notes):
    (demo / "coverage.yaml").write_text(notes, encoding="utf-8")
    _, report = check_records(demo)
    assert [str(p) for p in report.errors] == [
        "data/coverage.yaml:1: notes: -: expected record: {mention: reason}"
    ]


def test_a_note_on_a_claim_with_an_unknown_id_is_no_crash(demo):
    # A number in the note of a claim whose object is misspelt raised KeyError.
    append_claim(
        demo,
        "subject: carol-poe, predicate: MEDIATED, object: example-talk, "
        "note: 'With 1,200 observers.', cite: [{span: [0, 4]}]",
    )
    records, report = check_records(demo)
    assert [p.field for p in report.errors] == ["object"]
    assert [(f.kind, f.mention) for f in unstructured_note_facts(records)] == [("number", "1200")]
