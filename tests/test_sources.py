"""Finding passages and verifying that citations point at them."""

from __future__ import annotations

from conftest import DEMO_TEXT

from dipgraph.loader import check_records
from dipgraph.loader.sources import locate, paragraph_spans, verify_sources


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
    claims = demo / "claims" / "demo.yaml"
    start = DEMO_TEXT.index("Demo")
    claims.write_text(
        claims.read_text()
        + f"  - {{subject: carol-poe, predicate: ATTENDED, object: example-talks, cite: [{{span: [{start}, {start + 14}]}}]}}\n"
    )
    records, report = check_records(demo)
    assert report.ok
    problems = [str(p) for p in verify_sources(records, demo.parent / "texts").problems]
    assert problems == [
        "data/claims/demo.yaml:8: carol-poe ATTENDED example-talks: cite[0].span: "
        "span 0-14 of demo mentions none of: Carol Poe, Exampleton talks"
    ]


def test_verify_accepts_the_date_when_names_are_absent(demo):
    claims = demo / "claims" / "demo.yaml"
    start = DEMO_TEXT.index("On 5 May 1994")
    claims.write_text(
        claims.read_text()
        + f"  - {{subject: carol-poe, predicate: ATTENDED, object: example-talks, time: 1994-05, cite: [{{span: [{start}, {start + 13}]}}]}}\n"
    )
    records, _ = check_records(demo)
    assert verify_sources(records, demo.parent / "texts").problems == []


def test_shipped_citations_all_verify(seeds):
    from conftest import DATA

    records, report = check_records(DATA)
    assert report.ok
    assert [str(p) for p in verify_sources(records, seeds).problems] == []
