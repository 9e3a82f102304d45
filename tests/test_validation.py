"""Every kind of record error: its exact message, and that nothing reaches the database."""

from __future__ import annotations

import pytest
from support import DEMO_TEXT, dump

from dipgraph.loader import ValidationFailed, check_records, graph_rows, load_graph, load_records

CLAIM = "source: demo\nclaims:\n  - subject: {s}\n    predicate: {p}\n    object: {o}\n{extra}"
CITE = "    cite: [{span: [0, 4]}]\n"


def claim(s="alice-doe", p="SIGNED", o="example-accord", extra=CITE):
    return CLAIM.format(s=s, p=p, o=o, extra=extra)


ENTITY = "- id: {id}\n  label: {label}\n  name: {name}\n{extra}  cite: [{{source: {source}, span: [0, 4]}}]\n"


def entity(id="dana-moe", label="Person", name="Dana Moe", extra="", source="demo"):
    return ENTITY.format(id=id, label=label, name=name, extra=extra, source=source)


CASES = {
    "unknown predicate": (
        "claims/bad.yaml",
        claim(p="SIGNS"),
        "data/claims/bad.yaml:4: alice-doe SIGNS example-accord: predicate: unknown predicate 'SIGNS' (did you mean SIGNED?)",
    ),
    "unknown id": (
        "claims/bad.yaml",
        claim(s="alise-doe"),
        "data/claims/bad.yaml:3: alise-doe SIGNED example-accord: subject: unknown id 'alise-doe' (did you mean alice-doe?)",
    ),
    "domain": (
        "claims/bad.yaml",
        claim(s="exampleton"),
        "data/claims/bad.yaml:3: exampleton SIGNED example-accord: subject: SIGNED subject must be State or Organization or Person, but 'exampleton' is a Place",
    ),
    "range": (
        "claims/bad.yaml",
        claim(o="ruritania"),
        "data/claims/bad.yaml:5: alice-doe SIGNED ruritania: object: SIGNED object must be Agreement, but 'ruritania' is a State",
    ),
    "qualifier reference": (
        "claims/bad.yaml",
        claim(extra="    on_behalf_of: exampleton\n" + CITE),
        "data/claims/bad.yaml:6: alice-doe SIGNED example-accord: on_behalf_of: must be a State or Organization or Format, but 'exampleton' is a Place",
    ),
    "invalid EDTF": (
        "claims/bad.yaml",
        claim(extra="    time: 1994-13-01\n" + CITE),
        "data/claims/bad.yaml:6: alice-doe SIGNED example-accord: time: invalid EDTF '1994-13-01'",
    ),
    "end before start": (
        "claims/bad.yaml",
        claim(extra="    time: 2011/2009\n" + CITE),
        "data/claims/bad.yaml:6: alice-doe SIGNED example-accord: time: end 2009 is before start 2011",
    ),
    "missing citation": (
        "claims/bad.yaml",
        claim(extra=""),
        "data/claims/bad.yaml:3: alice-doe SIGNED example-accord: cite: missing citation: cite at least one source passage",
    ),
    "span outside the text": (
        "claims/bad.yaml",
        claim(extra="    cite: [{span: [10, 99999]}]\n"),
        f"data/claims/bad.yaml:6: alice-doe SIGNED example-accord: cite[0].span: span [10, 99999) is outside the text of demo (0-{len(DEMO_TEXT)} characters)",
    ),
    "empty span": (
        "claims/bad.yaml",
        claim(extra="    cite: [{span: [40, 40]}]\n"),
        f"data/claims/bad.yaml:6: alice-doe SIGNED example-accord: cite[0].span: span [40, 40) is outside the text of demo (0-{len(DEMO_TEXT)} characters)",
    ),
    "malformed span": (
        "claims/bad.yaml",
        claim(extra="    cite: [{span: 40}]\n"),
        "data/claims/bad.yaml:6: alice-doe SIGNED example-accord: cite[0].span: must be [start, end], two character offsets",
    ),
    "duplicate id": (
        "entities/dup.yaml",
        entity(id="alice-doe", name="Alice D."),
        "data/entities/dup.yaml:1: alice-doe: id: duplicate id (first defined at data/entities/demo.yaml:3)",
    ),
    "unknown source in a citation": (
        "entities/bad.yaml",
        entity(source="demox"),
        "data/entities/bad.yaml:4: dana-moe: cite[0].source: unknown source 'demox' (did you mean demo?)",
    ),
    "unknown source of a claims file": (
        "claims/bad.yaml",
        claim().replace("source: demo", "source: dmeo"),
        "data/claims/bad.yaml:1: -: source: unknown source 'dmeo' (did you mean demo?)",
    ),
    "unknown label": (
        "entities/bad.yaml",
        entity(label="Persn"),
        "data/entities/bad.yaml:2: dana-moe: label: unknown label 'Persn' (did you mean Person?)",
    ),
    "unknown field": (
        "entities/bad.yaml",
        entity(extra="  alias: [Dana]\n"),
        "data/entities/bad.yaml:4: dana-moe: alias: unknown field (did you mean aliases?)",
    ),
    "missing required field": (
        "claims/bad.yaml",
        claim(p="HELD_POSITION", o="peace-office"),
        "data/claims/bad.yaml:3: alice-doe HELD_POSITION peace-office: title: missing required field",
    ),
    "value not in the vocabulary": (
        "entities/bad.yaml",
        entity(id="utopia", label="State", name="Utopia", extra="  status: defacto\n"),
        "data/entities/bad.yaml:4: utopia: status: 'defacto' is not one of: recognized, de facto (did you mean de facto?)",
    ),
    "bad ISO code": (
        "entities/bad.yaml",
        entity(
            id="utopia", label="State", name="Utopia", extra="  status: recognized\n  iso3: utp\n"
        ),
        "data/entities/bad.yaml:5: utopia: iso3: 'utp' is not an ISO 3166 alpha-3 code",
    ),
    "YAML syntax": (
        "claims/bad.yaml",
        "source: demo\nclaims:\n  - {subject: alice-doe, predicate: SIGNED\n",
        "data/claims/bad.yaml:4: -: yaml: YAML syntax: did not find expected ',' or '}'",
    ),
    # What the database used to receive, and choke on (more in test_strict_input.py).
    "a note that is a number": (
        "claims/bad.yaml",
        claim(extra="    note: 42\n" + CITE),
        "data/claims/bad.yaml:6: alice-doe SIGNED example-accord: note: must be text",
    ),
    "a note that is a mapping": (
        "entities/bad.yaml",
        entity(extra="  note: {a: 1}\n"),
        "data/entities/bad.yaml:4: dana-moe: note: must be text",
    ),
    "a NUL in a name": (
        "entities/bad.yaml",
        entity(name='"Dana\\0Moe"'),
        "data/entities/bad.yaml:3: dana-moe: name: contains control character U+0000 at position 5",
    ),
    "an id the FalkorDB server crashes on": (
        "entities/bad.yaml",
        entity(id="d" * 4097),
        f"data/entities/bad.yaml:1: {'d' * 60}... (4,097 characters): id: is 4,097 characters long; the limit is 200",
    ),
    "a day that is not in the calendar": (
        "claims/bad.yaml",
        claim(extra="    time: 2011-02-29\n" + CITE),
        "data/claims/bad.yaml:6: alice-doe SIGNED example-accord: time: invalid EDTF '2011-02-29': February 2011 has 28 days",
    ),
    "a key written twice": (
        "claims/bad.yaml",
        claim(extra="    time: 1994\n    time: 1995\n" + CITE),
        "data/claims/bad.yaml:7: -: yaml: duplicate key 'time' (first at line 6)",
    ),
}


@pytest.fixture
def loaded(demo, engine):
    """The demo dataset loaded, and what the database held after that."""
    records, report = check_records(demo)
    assert report.ok, report.errors
    load_graph(engine, graph_rows(records))
    return demo, engine, dump(engine)


def test_demo_dataset_is_valid(demo):
    _, report = check_records(demo)
    assert report.errors == []
    assert report.warnings == []


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_error_message_and_database_untouched(loaded, case):
    data, engine, before = loaded
    relative, text, expected = CASES[case]
    (data / relative).write_text(text, encoding="utf-8")
    records, report = check_records(data)
    assert [str(p) for p in report.errors] == [expected]
    with pytest.raises(ValidationFailed) as failure:
        load_records(engine, records, report)
    assert failure.value.report is report
    assert dump(engine) == before


def test_all_problems_reported_at_once(demo):
    bad = claim(
        s="alise-doe",
        p="SIGNED",
        o="ruritania",
        extra="    time: 2011/2009\n    cite: [{span: [10, 99999]}]\n",
    )
    (demo / "claims" / "bad.yaml").write_text(bad, encoding="utf-8")
    (demo / "entities" / "bad.yaml").write_text(
        entity(label="Persn") + entity(id="alice-doe"), encoding="utf-8"
    )
    _, report = check_records(demo)
    fields = sorted((p.file, p.line, p.field) for p in report.errors)
    assert fields == [
        ("data/claims/bad.yaml", 3, "subject"),
        ("data/claims/bad.yaml", 5, "object"),
        ("data/claims/bad.yaml", 6, "time"),
        ("data/claims/bad.yaml", 7, "cite[0].span"),
        ("data/entities/bad.yaml", 2, "label"),
        ("data/entities/demo.yaml", 3, "id"),  # files are read in name order: bad.yaml first
    ]


def test_near_identical_names_warn(demo):
    (demo / "entities" / "more.yaml").write_text(
        entity(id="edward-nalbandian", name="Edward Nalbandian")
        + entity(id="e-nalbandyan", name="Edward Nalbandyan"),
        encoding="utf-8",
    )
    _, report = check_records(demo)
    assert report.ok
    assert [str(w) for w in report.warnings] == [
        "data/entities/more.yaml:5: e-nalbandyan: name: warning: likely the same entity as 'edward-nalbandian' "
        "(data/entities/more.yaml:1): 'edward nalbandian' ~ 'edward nalbandyan'; merge them, or list each in the other's distinct_from"
    ]


def test_distinct_from_silences_the_duplicate_warning(demo):
    (demo / "entities" / "more.yaml").write_text(
        entity(
            id="serzh-sargsyan",
            name="Serzh Sargsyan",
            extra="  aliases: [Sargsyan]\n  distinct_from: [vazgen-sargsyan]\n",
        )
        + entity(id="vazgen-sargsyan", name="Vazgen Sargsyan", extra="  aliases: [Sargsyan]\n"),
        encoding="utf-8",
    )
    _, report = check_records(demo)
    assert report.warnings == []


def another_source(data, source: str, claim_text: str) -> None:
    """Add source ``source`` (a copy of the demo text) with one claim of its own."""
    sources = data / "sources.yaml"
    demo_entry = sources.read_text().split("\n- id:")[0].rstrip("\n") + "\n"
    sources.write_text(sources.read_text() + demo_entry.replace("id: demo", f"id: {source}"))
    (data / "claims" / f"{source}.yaml").write_text(
        f"source: {source}\nclaims:\n  - {{{claim_text}, cite: [{{span: [17, 60]}}]}}\n",
        encoding="utf-8",
    )


ALICE_SIGNED = (
    "subject: alice-doe, predicate: SIGNED, object: example-accord, on_behalf_of: ruritania"
)


def alice_signed(records) -> list[dict]:
    return [
        e.props for e in graph_rows(records).edges if e.source == "alice-doe" and e.type == "SIGNED"
    ]


def test_sources_disagreeing_on_a_date_warn_and_stay_apart(demo):
    """Same subject-predicate-object, two sources, incompatible days: two disputed relationships."""
    another_source(demo, "demo2", f"{ALICE_SIGNED}, time: 1994-05-08")
    records, report = check_records(demo)
    assert report.ok
    assert [str(w) for w in report.warnings] == [
        "data/claims/demo2.yaml:3: alice-doe SIGNED example-accord: time: warning: sources disagree on the time: "
        "1994-05-05 (demo, data/claims/demo.yaml:3) vs 1994-05-08 (demo2, data/claims/demo2.yaml:3)"
    ]
    assert sorted((p["time"], p["sources"], p["disputed"]) for p in alice_signed(records)) == [
        ("1994-05-05", ["demo"], True),
        ("1994-05-08", ["demo2"], True),
    ]


def test_a_vague_date_restated_between_two_disputed_versions_is_one_relationship(demo):
    """Two sources disagree on the day; two more give only the year, which fits both
    days. The year claims are one relationship (one key), not two with the same key."""
    another_source(demo, "demo2", f"{ALICE_SIGNED}, time: 1994-05-08")
    another_source(demo, "demo3", f"{ALICE_SIGNED}, time: 1994")
    another_source(demo, "demo4", f"{ALICE_SIGNED}, time: 1994")
    records, report = check_records(demo)
    assert report.ok
    signed = alice_signed(records)
    assert sorted((p["time"], p["sources"]) for p in signed) == [
        ("1994", ["demo3", "demo4"]),
        ("1994-05-05", ["demo"]),
        ("1994-05-08", ["demo2"]),
    ]
    assert len({p["key"] for p in signed}) == 3


def test_same_claim_from_two_sources_is_one_relationship(demo):
    another_source(demo, "demo2", f"{ALICE_SIGNED}, time: 1994-05")
    records, report = check_records(demo)
    assert report.ok and report.warnings == []
    (signed,) = alice_signed(records)
    assert signed["sources"] == ["demo", "demo2"]
    assert signed["corroboration"] == 2
    assert signed["time"] == "1994-05-05"  # the more precise of the two compatible times
    assert signed["disputed"] is False


def test_two_sources_dating_one_spell_differently_do_not_disagree(demo):
    """An office held is observed at two dates by two sources: one spell from the first
    attestation to the last, each attestation kept with its source, no dispute."""
    claims = demo / "claims" / "demo.yaml"
    claims.write_text(claims.read_text().replace("title: Envoy,", "title: Envoy, time: 1994-05,"))
    held = "subject: carol-poe, predicate: HELD_POSITION, object: peace-office, title: Envoy"
    another_source(demo, "demo2", f"{held}, time: 1996")
    records, report = check_records(demo)
    assert report.ok and report.warnings == []
    [held] = [e.props for e in graph_rows(records).edges if e.type == "HELD_POSITION"]
    assert (held["time"], held["earliest"], held["latest"]) == (
        "1994-05/1996",
        "1994-05-01",
        "1996-12-31",
    )
    assert (held["claim_sources"], held["claim_times"]) == (["demo", "demo2"], ["1994-05", "1996"])
    assert held["disputed"] is False


@pytest.fixture
def three_versions(demo):
    """Alice signed on 5 May (demo), on 8 May (demo2), in 1994 (demo3, fits both)."""
    another_source(demo, "demo3", f"{ALICE_SIGNED}, time: 1994")
    another_source(demo, "demo2", f"{ALICE_SIGNED}, time: 1994-05-08")
    return check_records(demo)


def test_disagreement_names_the_claims_that_conflict(three_versions):
    _, report = three_versions
    assert [w.message for w in report.warnings] == [
        "sources disagree on the time: 1994-05-05 (demo, data/claims/demo.yaml:3) vs 1994-05-08 (demo2, data/claims/demo2.yaml:3)"
    ]


def test_a_vague_claim_compatible_with_two_versions_takes_no_side(three_versions):
    records, _ = three_versions
    assert sorted((p["time"], p["sources"], p["disputed"]) for p in alice_signed(records)) == [
        ("1994", ["demo3"], False),
        ("1994-05-05", ["demo"], True),
        ("1994-05-08", ["demo2"], True),
    ]


@pytest.mark.parametrize(("firm", "expected"), [("confidence: high, ", "high"), ("", None)])
def test_a_fact_is_as_well_attested_as_its_best_source(demo, firm, expected):
    """demo2 reports the signature only as hearsay (low); demo states it firmly,
    with or without saying so."""
    claims = demo / "claims" / "demo.yaml"
    claims.write_text(
        claims.read_text().replace("time: 1994-05-05, cite", f"time: 1994-05-05, {firm}cite", 1)
    )
    another_source(demo, "demo2", f"{ALICE_SIGNED}, confidence: low")
    records, _ = check_records(demo)
    (signed,) = alice_signed(records)
    assert signed["sources"] == ["demo", "demo2"]
    assert signed.get("confidence") == expected
