"""Finding passages and verifying that citations point at them."""

from __future__ import annotations

from support import DEMO_TEXT, append_claim

from dipgraph.loader import check_records
from dipgraph.loader.sources import locate, paragraph_spans, verify_sources

ATTENDED = "subject: carol-poe, predicate: ATTENDED, object: example-talks"


def test_locate_ignores_case_spacing_and_quote_style():
    text = "He said \u201cpeace  now\u201d on 5 May.\n\nPEACE now, again."
    assert [(m.start, m.end, m.paragraph) for m in locate(text, '"Peace now"')] == [(8, 20, 1)]
    assert [(m.start, m.end, m.paragraph) for m in locate(text, "peace now")] == [
        (9, 19, 1),
        (32, 41, 2),
    ]


def test_paragraphs_are_blank_line_separated():
    assert [DEMO_TEXT[s:e][:12] for s, e in paragraph_spans(DEMO_TEXT)] == [
        "Demo Chronic",
        "On 5 May 199",
        "Carol Poe of",
    ]


def test_verify_flags_a_span_that_names_neither_end_nor_date(demo):
    start = DEMO_TEXT.index("Demo")
    append_claim(demo, f"{ATTENDED}, cite: [{{span: [{start}, {start + 14}]}}]")
    records, report = check_records(demo)
    assert report.ok
    problems = [str(p) for p in verify_sources(records, demo.parent / "texts").problems]
    assert problems == [
        "data/claims/demo.yaml:8: carol-poe ATTENDED example-talks: cite[0].span: "
        "span 0-14 of demo mentions none of: Carol Poe, Exampleton talks"
    ]


def test_verify_accepts_the_date_when_names_are_absent(demo):
    start = DEMO_TEXT.index("On 5 May 1994")
    append_claim(demo, f"{ATTENDED}, time: 1994-05, cite: [{{span: [{start}, {start + 13}]}}]")
    records, _ = check_records(demo)
    assert verify_sources(records, demo.parent / "texts").problems == []


def test_shipped_citations_all_verify(seeds):
    from support import DATA

    records, report = check_records(DATA)
    assert report.ok
    assert [str(p) for p in verify_sources(records, seeds).problems] == []


def test_a_decade_in_the_passage_gives_the_date(tmp_path, monkeypatch):
    from support import write_demo

    data = write_demo(tmp_path)
    texts = tmp_path / "texts"
    text = (texts / "demo.txt").read_text() + "\nIn the late 1990s the Peace Office tried again.\n"
    (texts / "demo.txt").write_text(text)
    import hashlib

    sources = data / "sources.yaml"
    old = sources.read_text()
    new_hash = hashlib.sha256(text.encode()).hexdigest()
    sources.write_text(old.split("sha256:")[0] + f"sha256: {new_hash}\n  chars: {len(text)}\n")
    start = text.index("In the late 1990s")
    append_claim(data, f"{ATTENDED}, time: 1995/1999, cite: [{{span: [{start}, {start + 17}]}}]")
    monkeypatch.chdir(tmp_path)
    records, report = check_records(data)
    assert report.ok, report.errors
    assert verify_sources(records, texts).problems == []


def test_an_unnamed_event_is_identified_by_what_the_same_passage_relates_it_to(demo):
    passage = DEMO_TEXT.index("Carol Poe of the Peace Office")
    span = f"[{passage}, {passage + 29}]"
    (demo / "entities" / "more.yaml").write_text(
        f"- {{id: quiet-meeting, label: Event, name: Quiet meeting, kind: meeting, cite: [{{source: demo, span: {span}}}]}}\n"
    )
    records, _ = check_records(demo)
    unverified = [str(p) for p in verify_sources(records, demo.parent / "texts").problems]
    assert unverified == [
        f"data/entities/more.yaml:1: quiet-meeting: cite[0].span: span {passage}-{passage + 29} of demo mentions none of: Quiet meeting"
    ]
    append_claim(
        demo,
        f"subject: carol-poe, predicate: ATTENDED, object: quiet-meeting, cite: [{{span: {span}}}]",
    )
    records, _ = check_records(demo)
    assert verify_sources(records, demo.parent / "texts").problems == []
